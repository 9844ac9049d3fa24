"""Checks every layer must pass: shares sum to 1, atoms known, units named and used, dates consistent,
and the territory the layer declares (Flanders, or Flanders + Brussels) covered.

`validate_layer` returns readable problems (empty when all is well), so the CLI can print a report
and a custom layer uploaded in the dashboard can be refused with a message that says what to fix.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from scales.data.layers import CONFIDENCE_LEVELS, SHARE_BASES, SHARE_TOLERANCE, Layer
from scales.problems import Problem

FLEMISH_REGION = "02000"


def territories(atoms: pd.DataFrame) -> dict[str, set[str]]:
    """The municipalities each declared territory consists of."""
    return {
        "flanders": set(atoms.loc[atoms["region_nis"] == FLEMISH_REGION, "nis"]),
        "flanders_brussels": set(atoms["nis"]),
        "none": set(),
    }


def _dates(layer: Layer) -> list[Problem]:
    problems = []
    for column in ("valid_from", "valid_to"):
        for value in sorted(set(layer.membership[column]) - {""}):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                problems.append(Problem("bad_date", {"column": column, "value": value}))
    rows = layer.membership
    both = rows[(rows["valid_from"] != "") & (rows["valid_to"] != "")]
    for row in both[both["valid_from"] > both["valid_to"]].itertuples():
        values = {"nis": row.nis, "unit": row.unit_id, "start": row.valid_from, "end": row.valid_to}
        problems.append(Problem("dates_reversed", values))
    return problems


def validate_layer(
    layer: Layer,
    atom_ids: set[str],
    date: dt.date | str | None = None,
    territory: set[str] | None = None,
    names: dict[str, str] | None = None,
) -> list[Problem]:
    """Problems of one layer on `date` (today when None); an empty list means the layer is sound.

    `territory`: the municipalities the layer must cover (those missing are listed, by `names`).
    """
    problems = _dates(layer)
    if problems:
        return problems
    current = layer.at(date)
    rows = current.membership
    unknown = sorted(set(rows["nis"]) - atom_ids)
    if unknown:
        problems.append(Problem("unknown_nis", {"count": len(unknown), "codes": ", ".join(unknown[:10])}))
    empty_ids = rows[rows["unit_id"].str.strip() == ""]
    if not empty_ids.empty:
        problems.append(Problem("empty_unit_id", {"codes": ", ".join(sorted(set(empty_ids["nis"]))[:10])}))
    for column in ("share", "share_inhabitants"):
        if (rows[column] <= 0).any() or (rows[column] > 1 + SHARE_TOLERANCE).any():
            problems.append(Problem("share_range"))
            break
    duplicated = rows[rows.duplicated(["nis", "unit_id"], keep=False)]
    if not duplicated.empty:
        problems.append(Problem("duplicates", {"codes": sorted(set(duplicated["nis"]))[:10]}))
    for column, label in (("share", ""), ("share_inhabitants", "inhabitants ")):
        sums = rows.groupby("nis")[column].sum()
        off = sums[(sums - 1).abs() > SHARE_TOLERANCE]
        if not off.empty:
            detail = label + ", ".join(f"{nis}: {total:.4f}" for nis, total in off.head(10).items())
            problems.append(Problem("share_sum", {"count": len(off), "detail": detail}))
        if rows["share_inhabitants"].equals(rows["share"]):
            break
    bad_basis = sorted(set(rows["share_basis"]) - set(SHARE_BASES))
    if bad_basis:
        problems.append(Problem("bad_share_basis", {"allowed": SHARE_BASES[1:], "found": bad_basis}))
    units = set(current.units["unit_id"])
    missing_units = sorted(set(rows["unit_id"]) - units)
    if missing_units:
        problems.append(Problem("missing_units", {"units": missing_units[:10]}))
    unnamed = current.units[current.units["name"].fillna("").astype(str).str.strip() == ""]
    if not unnamed.empty:
        problems.append(Problem("unnamed_units", {"units": unnamed["unit_id"].tolist()[:10]}))
    empty = sorted(set(layer.units["unit_id"]) - set(layer.membership["unit_id"]))
    if empty:
        problems.append(Problem("empty_units", {"units": empty[:10]}))
    bad_confidence = sorted(set(rows["confidence"]) - set(CONFIDENCE_LEVELS))
    if bad_confidence:
        problems.append(Problem("bad_confidence", {"allowed": CONFIDENCE_LEVELS, "found": bad_confidence}))
    if layer.meta.confidence not in CONFIDENCE_LEVELS:
        problems.append(Problem("bad_confidence", {"allowed": CONFIDENCE_LEVELS, "found": layer.meta.confidence}))
    covered = set(rows["nis"]) & atom_ids
    stated = atom_ids - set(layer.not_covered)
    if layer.not_covered and covered - stated:
        problems.append(Problem("not_covered_conflict"))
    missing = sorted((territory or set()) - covered)
    if missing:
        listed = ", ".join(f"{(names or {}).get(nis, nis)} ({nis})" for nis in missing[:20])
        problems.append(
            Problem("territory_gap", {"territory": layer.meta.territory, "count": len(missing), "missing": listed})
        )
    return problems


def date_problems(layers: dict[str, Layer], date: dt.date | str | None) -> list[Problem]:
    """What a reference date outside the data's validity means: layers that did not exist in this form
    yet (they show their first known state), or a future date (layers show their last known state)."""
    day = dt.date.today() if date is None else dt.date.fromisoformat(str(date))
    early = sorted(
        (layer.meta.valid_from, layer.meta.name_nl)
        for layer in layers.values()
        if layer.meta.valid_from and day < dt.date.fromisoformat(layer.meta.valid_from)
    )
    problems = []
    if early:
        names = ", ".join(f"{name} ({start})" for start, name in early)
        problems.append(Problem("date_before", {"date": day.isoformat(), "count": len(early), "layers": names}))
    if day > dt.date.today():
        latest = max(layer.meta.reference_date for layer in layers.values())
        problems.append(Problem("date_future", {"date": day.isoformat(), "reference": latest}))
    return problems


def validate_all(
    layers: dict[str, Layer], atoms: pd.DataFrame, date: dt.date | str | None = None
) -> dict[str, list[Problem]]:
    """Problems per layer id, each layer checked against the territory it declares."""
    atom_ids, areas = set(atoms["nis"]), territories(atoms)
    names = dict(zip(atoms["nis"], atoms["name_nl"], strict=True))
    return {
        layer_id: validate_layer(layer, atom_ids, date, areas.get(layer.meta.territory, set()), names)
        for layer_id, layer in layers.items()
    }
