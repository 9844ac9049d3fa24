"""Scenarios: a layer edited by hand (move, merge, split, rename) or aligned to an anchor layer.

A scenario is just another `Layer` (kind "scenario", id `scenario:NAME`, parent = the layer it
started from), so every comparison, map, report and export takes it as it takes a built-in layer.
Edits are pure functions returning a new layer; `align` proposes the smallest reassignment that
makes a layer nest in an anchor, at exactly the engine's alignment cost `N − Σ_a max_b n[a, b]`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from scales.data.layers import SHARE_TOLERANCE, Layer, LayerMeta, membership_frame, units_frame
from scales.data.store import SCENARIO_PREFIX, clean_name
from scales.engine.compare import METRICS, Comparator
from scales.engine.contingency import joint
from scales.problems import Problem, UsageError
from scales.texts import text_problem

DELTA_METRICS = (
    "v_measure",
    "nested_a_in_b",
    "alignment_cost_a_into_b",
    "boundary_coincidence_a_on_b",
    "coterminous",
)
"""The measures the editor shows against every other layer, baseline and scenario side by side."""


def as_scenario(layer: Layer, name: str, kind: str = "scenario", parent: str | None = None) -> Layer:
    """The layer under a scenario's id and name, remembering where it came from."""
    title = clean_name(name)
    meta = LayerMeta(
        id=SCENARIO_PREFIX + title,
        name_nl=title,
        name_en=title,
        source=f"scenario from {layer.meta.id}" if kind == "scenario" else layer.meta.source,
        licence=layer.meta.licence if kind == "scenario" else "user-supplied",
        reference_date=layer.meta.reference_date,
        confidence="inferred",
        territory=layer.meta.territory,
        kind=kind,
        parent=parent if parent is not None else (layer.meta.parent or layer.meta.id),
    )
    membership = layer.membership.copy()
    membership["valid_from"], membership["valid_to"] = "", ""  # a scenario is the layer at one date
    return Layer(meta, membership.reset_index(drop=True), layer.units.copy(), layer.not_covered)


# --- edits -----------------------------------------------------------------------------------------


def _with(layer: Layer, membership: pd.DataFrame, units: pd.DataFrame) -> Layer:
    """The layer with new rows and units: rows of a municipality in one unit merged, unused units dropped."""
    grouped = (
        membership.groupby(["nis", "unit_id"], as_index=False, sort=True)
        .agg(share=("share", "sum"), share_inhabitants=("share_inhabitants", "sum"), share_basis=("share_basis", "max"))
        .assign(
            share=lambda f: f["share"].clip(upper=1.0),
            share_inhabitants=lambda f: f["share_inhabitants"].clip(upper=1.0),
        )
    )
    whole = grouped["share"] >= 1 - SHARE_TOLERANCE
    grouped.loc[whole, "share_basis"] = ""
    rows = membership_frame(
        grouped["nis"],
        grouped["unit_id"],
        grouped["share"],
        confidence="inferred",
        share_inhabitants=grouped["share_inhabitants"],
        share_basis=grouped["share_basis"],
    )
    used = units[units["unit_id"].isin(rows["unit_id"])].reset_index(drop=True)
    return replace(layer, membership=rows, units=used)


def _known_unit(layer: Layer, unit_id: str) -> None:
    if unit_id not in set(layer.units["unit_id"]):
        raise UsageError(Problem("scenario_unknown_unit", {"unit": unit_id, "layer": layer.id}))


def _checked_name(text: object, what: str) -> None:
    """A name a user types: refused with the reason when it holds a control character or is too long."""
    if problem := text_problem(text, what):
        raise UsageError(problem)


def move(layer: Layer, nis: list[str], to_unit: str, new_name: str | None = None) -> Layer:
    """Municipalities (whole, even if split before) into `to_unit`; a unit that does not exist yet is
    created when `new_name` is given."""
    units = layer.units
    if new_name is not None and to_unit not in set(units["unit_id"]):
        _checked_name(to_unit, "unit_id")
        _checked_name(new_name, "unit_name")
        units = pd.concat([units, units_frame([to_unit], [new_name])], ignore_index=True)
    else:
        _known_unit(layer, to_unit)
    kept = layer.membership[~layer.membership["nis"].isin(nis)]
    moved = membership_frame(list(nis), to_unit, 1.0, confidence="inferred")
    return _with(layer, pd.concat([kept, moved], ignore_index=True), units)


def merge(layer: Layer, unit_ids: list[str], name: str | None = None) -> Layer:
    """Several units into the first of them (renamed when `name` is given)."""
    for unit in unit_ids:
        _known_unit(layer, unit)
    target = unit_ids[0]
    membership = layer.membership.assign(unit_id=layer.membership["unit_id"].replace(dict.fromkeys(unit_ids, target)))
    merged = _with(layer, membership, layer.units)
    return rename(merged, target, name) if name else merged


def split(layer: Layer, unit_id: str, nis: list[str], new_id: str, name: str) -> Layer:
    """Some municipalities of a unit into a new unit."""
    _known_unit(layer, unit_id)
    if new_id in set(layer.units["unit_id"]):
        raise UsageError(Problem("scenario_unit_exists", {"unit": new_id}))
    return move(layer, nis, new_id, name)


def rename(layer: Layer, unit_id: str, name: str) -> Layer:
    """A unit under another display name."""
    _known_unit(layer, unit_id)
    _checked_name(name, "unit_name")
    units = layer.units.copy()
    units.loc[units["unit_id"] == unit_id, "name"] = str(name)
    return replace(layer, units=units)


def moved_municipalities(baseline: Layer, scenario: Layer) -> pd.DataFrame:
    """Municipalities whose units differ between the baseline and the scenario: `nis, from, to` (unit ids)
    and `from_name, to_name` (their names, as a reader knows them)."""

    def units_of(layer: Layer, column: str) -> pd.Series:
        named = layer.membership.assign(name=layer.membership["unit_id"].map(layer.unit_names()))
        return named.groupby("nis")[column].agg(lambda s: ", ".join(sorted(s)))

    both = pd.concat(
        {
            "from": units_of(baseline, "unit_id"),
            "to": units_of(scenario, "unit_id"),
            "from_name": units_of(baseline, "name"),
            "to_name": units_of(scenario, "name"),
        },
        axis=1,
    ).fillna("")
    changed = both[both["from"] != both["to"]]
    return changed.rename_axis("nis").reset_index()


def deltas(
    comparator: Comparator,
    baseline: Layer,
    scenario: Layer,
    others: dict[str, Layer],
    weight: str = "inhabitants",
) -> pd.DataFrame:
    """For every other layer: each editor measure of the baseline and of the scenario (as A), and the change."""
    rows = []
    for other_id, other in others.items():
        before = comparator.compare(baseline, other, weight).summary()
        after = comparator.compare(scenario, other, weight).summary()
        for key in DELTA_METRICS:
            rows.append(
                {
                    "layer": other_id,
                    "metric": key,
                    "baseline": before[key],
                    "scenario": after[key],
                    "change": after[key] - before[key],
                    "better": _better(key, after[key] - before[key], max(abs(before[key]), abs(after[key]))),
                }
            )
    return pd.DataFrame(rows, columns=["layer", "metric", "baseline", "scenario", "change", "better"])


def _better(key: str, change: float, scale: float = 1.0) -> str:
    """Whether a change of a measure aligns better, by its direction: "yes", "no", or "" for no change. A
    change the table cannot show (under half a unit for counts of 100 or more, under 0,00005 for measures
    and shares: `scale` is the larger of the two values) is no change."""
    if abs(change) < (0.5 if abs(scale) >= 100 else 5e-5):
        return ""
    return "yes" if (change > 0) == METRICS[key].higher_is_better else "no"


# --- align to an anchor ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Alignment:
    """A proposal that makes layer A nest in an anchor: the aligned layer, the moves and their cost."""

    layer: Layer
    anchor: Layer
    weight: str
    moves: pd.DataFrame
    """One row per moved piece: nis, from, to (unit ids), anchor unit, weight, inhabitants, share."""
    cost: float
    """The weight that changes unit: equal to the engine's `alignment_cost_a_into_b` of A against the anchor."""
    cost_inhabitants: float
    cost_municipalities: int
    metrics: dict

    def as_json(self) -> dict:
        """The proposal as plain JSON values (the `scales align --json` output)."""
        return {
            "layer": self.layer.meta.parent,
            "anchor": self.anchor.id,
            "weight": self.weight,
            "moves": [
                {"nis": r.nis, "from": r.from_unit, "to": r.to_unit, "anchor_unit": r.anchor_unit, "share": r.share}
                for r in self.moves.itertuples()
            ],
            "cost": self.cost,
            "cost_inhabitants": self.cost_inhabitants,
            "cost_municipalities": self.cost_municipalities,
            "metrics": self.metrics,
        }


def _fractions(comparator: Comparator, a: Layer, anchor: Layer, share: str) -> pd.DataFrame:
    """Every (municipality, A-unit, anchor unit) piece with its fraction of the municipality, under the
    area (`share`) or inhabitant (`share_inhabitants`) shares; the same crossing the engine makes."""
    weight = "area" if share == "share" else "inhabitants"
    (code_a, _), (code_b, _) = comparator.encoded(a, weight), comparator.encoded(anchor, weight)
    pieces = joint(code_a, code_b, np.ones(code_a.n_atoms))
    return pd.DataFrame(
        {
            "nis": comparator.index.to_numpy()[pieces.atom],
            "a": code_a.labels[pieces.a],
            "b": code_b.labels[pieces.b],
            "fraction": pieces.weight,
        }
    )


def _targets(
    comparator: Comparator, a: Layer, anchor: Layer, pieces: pd.DataFrame, home: dict[str, str]
) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """(A-unit, anchor unit) → the unit a piece lying outside its unit's home goes to: the unit at home in
    that anchor unit sharing the longest border with the moving municipalities, else one new unit per
    anchor unit (taken by later pieces there too). Largest pieces are placed first. Also returns the
    unit names, new units included."""
    lengths = comparator.borders.assign(length_m=comparator.borders["length_m"].astype(float))
    lengths = pd.concat(  # both directions, so a lookup by either side works
        [lengths, lengths.rename(columns={"nis_a": "nis_b", "nis_b": "nis_a"})], ignore_index=True
    )
    staying = pieces[pieces["b"] == pieces["a"].map(home)]
    where = staying.groupby("nis")["a"].agg(list).to_dict()  # municipality → units at home there
    anchor_names = anchor.unit_names()
    names = a.unit_names()
    targets: dict[tuple[str, str], str] = {}
    new_units: dict[str, str] = {}
    groups = pieces[pieces["b"] != pieces["a"].map(home)].groupby(["a", "b"])
    for (unit, b), group in sorted(groups, key=lambda item: -item[1]["weight"].sum()):
        candidates = {u for u, h in home.items() if h == b} | ({new_units[b]} if b in new_units else set())
        touching = lengths[lengths["nis_a"].isin(set(group["nis"]))]
        score: dict[str, float] = {}
        for row in touching.itertuples():
            for neighbour in where.get(row.nis_b, []):
                if neighbour in candidates:
                    score[neighbour] = score.get(neighbour, 0.0) + row.length_m
        if score:
            targets[(unit, b)] = max(sorted(score), key=score.get)
        else:
            if b not in new_units:
                new_units[b] = f"{b}-new"
                names[new_units[b]] = f"{anchor_names.get(b, b)} (nieuw)"
            targets[(unit, b)] = new_units[b]
        for nis in group["nis"]:  # later pieces can join across this one
            where.setdefault(nis, []).append(targets[(unit, b)])
    return targets, names


def align(comparator: Comparator, a: Layer, anchor: Layer, weight: str = "inhabitants") -> Alignment:
    """The smallest reassignment of A's municipalities (or parts) that makes A nest in the anchor.

    Each A-unit keeps the part in its dominant anchor unit (the engine's `argmax`); every other part joins
    the best neighbouring unit inside that anchor unit, or a new unit there. The moved weight is exactly the
    engine's alignment cost, and the result nests (checked: `nested_a_in_b` is 1).
    """
    result = comparator.compare(a, anchor, weight)
    home = dict(zip(result.a_units, result.b_units[result.n.argmax(axis=1)], strict=True))
    pieces = result.pieces_frame()
    targets, names = _targets(comparator, a, anchor, pieces, home)

    def destination(frame: pd.DataFrame) -> pd.Series:
        keys = zip(frame["a"], frame["b"], strict=True)
        return pd.Series([a_ if home.get(a_) == b else targets.get((a_, b), a_) for a_, b in keys], index=frame.index)

    shares = {}
    for column in ("share", "share_inhabitants"):
        fractions = _fractions(comparator, a, anchor, column)
        fractions["unit_id"] = destination(fractions)
        shares[column] = fractions.groupby(["nis", "unit_id"])["fraction"].sum()
    table = pd.concat(shares, axis=1).fillna(0.0).reset_index()
    table = table[(table["share"] > 0) | (table["share_inhabitants"] > 0)]
    outside = a.membership[~a.membership["nis"].isin(table["nis"])]  # where the anchor says nothing, A stays
    table = pd.concat([table, outside[["nis", "unit_id", "share", "share_inhabitants"]]], ignore_index=True)
    basis = np.where(table["share"] >= 1 - SHARE_TOLERANCE, "", "area")
    basis = np.where(
        basis == "", "", np.where(np.isclose(table["share"], table["share_inhabitants"]), "area", "inhabitants")
    )
    membership = membership_frame(
        table["nis"], table["unit_id"], table["share"], confidence="inferred",
        share_inhabitants=table["share_inhabitants"], share_basis=basis,
    )  # fmt: skip
    used = sorted(set(membership["unit_id"]))
    units = units_frame(used, [names.get(u, u) for u in used])
    meta = replace(
        a.meta,
        id=f"{SCENARIO_PREFIX}{clean_name(f'{a.id}-in-{anchor.id}')}",
        name_nl=f"{a.meta.name_nl} volgens {anchor.meta.name_nl}",
        name_en=f"{a.meta.name_en} following {anchor.meta.name_en}",
        source=f"aligned: {a.id} nested in {anchor.id} ({weight})",
        confidence="inferred",
        kind="scenario",
        parent=a.id,
        valid_from="",
        valid_to="",
        doubts=(),
    )
    aligned = Layer(meta, membership, units, a.not_covered)

    moving = pieces[pieces["b"] != pieces["a"].map(home)].copy()
    moving["to"] = destination(moving)
    inhabitants = comparator.atoms.set_index("nis")["inhabitants"].astype(float)
    atom_weight = pd.Series(comparator.weight(weight), index=comparator.index)
    moving["share"] = moving["weight"] / moving["nis"].map(atom_weight).astype(float)
    moves = (
        pd.DataFrame(
            {
                "nis": moving["nis"],
                "municipality": moving["nis"].map(comparator.atom_names),
                "from_unit": moving["a"],
                "to_unit": moving["to"],
                "to_unit_name": moving["to"].map(names),
                "anchor_unit": moving["b"],
                "weight": moving["weight"],
                "inhabitants": moving["share"] * moving["nis"].map(inhabitants).astype(float),
                "share": moving["share"],
                "from_unit_name": moving["a"].map(names),
                "anchor_unit_name": moving["b"].map(anchor.unit_names()),
            }
        )
        .sort_values("weight", ascending=False, kind="stable")
        .reset_index(drop=True)
    )
    after = comparator.compare(aligned, anchor, weight).summary()
    return Alignment(
        layer=aligned,
        anchor=anchor,
        weight=weight,
        moves=moves,
        cost=float(moves["weight"].sum()),
        cost_inhabitants=float(moves["inhabitants"].sum()),
        cost_municipalities=int(moves["nis"].nunique()),
        metrics={k: v for k, v in after.items() if k not in ("a", "b")},
    )
