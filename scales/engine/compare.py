"""Comparing layers: key figures of a pair, unit tables, moves, straddles, matrices and partner counts.

A `Comparator` encodes layers once over the atoms (and their shared-border lengths), so any pair —
built-in, custom or scenario — is crossed in about a millisecond; the metrics themselves are the
plain functions of `scales.engine.metrics`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import pandas as pd

from scales.data.layers import Layer, share_column
from scales.engine import metrics
from scales.engine.contingency import Encoded, Joint, border_difference, coincidence, encode, joint
from scales.problems import Problem, UsageError

ENCODED_LAYERS_KEPT = 64
"""Encodings kept per comparator (least recently used dropped): built-in layers × a few dates."""
COUNT_WEIGHTS = {"count", "inhabitants"}
"""Weights that count discrete things; the adjusted Rand index uses its pair-count form for them."""


@dataclass(frozen=True)
class Comparison:
    """Layer A against layer B under one weight: the contingency table and what it says."""

    a: Layer
    b: Layer
    weight: str
    a_units: np.ndarray
    b_units: np.ndarray
    n: np.ndarray
    pieces: Joint
    atom_ids: np.ndarray
    boundary: tuple[float, float]
    beta: float = 1.0

    @property
    def atoms_compared(self) -> int:
        return int(np.unique(self.pieces.atom).size)

    def summary(self) -> dict[str, float | int | str]:
        """The pair's figures and every registered metric (shares as fractions 0–1; A is sabre's x)."""
        return {
            "a": self.a.id,
            "b": self.b.id,
            "weight": self.weight,
            "units_a": len(self.a_units),
            "units_b": len(self.b_units),
            "atoms_compared": self.atoms_compared,
            "atoms_left_out": len(self.atom_ids) - self.atoms_compared,
            "total_weight": float(self.n.sum()),
            "beta": self.beta,
            **{key: metric.value(self) for key, metric in METRICS.items()},
        }

    def units(self) -> pd.DataFrame:
        """One row per unit of A and of B: class, split count, dominant share and partner, rih, fit."""
        frames = []
        for side, layer, other, ids, other_ids, n in (
            ("A", self.a, self.b, self.a_units, self.b_units, self.n),
            ("B", self.b, self.a, self.b_units, self.a_units, self.n.T),
        ):
            names, other_names = layer.unit_names(), other.unit_names()
            best = other_ids[n.argmax(axis=1)]
            frames.append(
                pd.DataFrame(
                    {
                        "layer": side,
                        "layer_id": layer.id,
                        "unit_id": ids,
                        "unit_name": [names.get(u, u) for u in ids],
                        "weight": n.sum(axis=1),
                        "class": metrics.classes(n),
                        "split_count": metrics.split_counts(n),
                        "dominant_share": metrics.dominant_share(n),
                        "dominant_unit": best,
                        "dominant_unit_name": [other_names.get(u, u) for u in best],
                        "rih": metrics.rih(n),
                        "mapcurves_fit": metrics.mapcurves_fit(n),
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)

    def pieces_frame(self) -> pd.DataFrame:
        """Every (municipality, A-unit, B-unit) piece with its weight: the cells of `n` before summing."""
        return pd.DataFrame(
            {
                "nis": self.atom_ids[self.pieces.atom],
                "a": self.a_units[self.pieces.a],
                "b": self.b_units[self.pieces.b],
                "weight": self.pieces.weight,
            }
        )

    def moves(self, atom_names: dict[str, str], b_into_a: bool = False) -> pd.DataFrame:
        """Municipalities (or parts) that would change unit for A to nest in B (or B in A): `N − Σ max`."""
        pieces = self.pieces_frame()
        own, other = ("b", "a") if b_into_a else ("a", "b")
        n, rows, cols = (self.n.T, self.b_units, self.a_units) if b_into_a else (self.n, self.a_units, self.b_units)
        own_layer, other_layer = (self.b, self.a) if b_into_a else (self.a, self.b)
        best = pd.Series(cols[n.argmax(axis=1)], index=rows)
        target = pieces[own].map(best)
        moving = pieces[(pieces[other] != target) & (pieces["weight"] > metrics.negligible(n))]
        own_names, other_names = own_layer.unit_names(), other_layer.unit_names()
        table = pd.DataFrame(
            {
                "nis": moving["nis"],
                "municipality": moving["nis"].map(atom_names),
                "unit": moving[own],
                "unit_name": moving[own].map(own_names),
                "from_unit": moving[other],
                "from_unit_name": moving[other].map(other_names),
                "to_unit": target[moving.index],
                "to_unit_name": target[moving.index].map(other_names),
                "weight": moving["weight"],
            }
        )
        return table.sort_values("weight", ascending=False).reset_index(drop=True)

    def straddles(self, atom_names: dict[str, str]) -> pd.DataFrame:
        """Every A-unit split over several B-units: the B-units, A's share in each, the municipalities."""
        pieces = self.pieces_frame()
        split = set(self.a_units[metrics.split_counts(self.n) > 1])
        pieces = pieces[pieces["a"].isin(split) & (pieces["weight"] > metrics.negligible(self.n))]
        grouped = (
            pieces.groupby(["a", "b"])
            .agg(weight=("weight", "sum"), municipalities=("nis", lambda s: ", ".join(sorted(s.map(atom_names)))))
            .reset_index()
        )
        grouped["share_of_a"] = grouped["weight"] / grouped.groupby("a")["weight"].transform("sum")
        grouped.insert(1, "a_name", grouped["a"].map(self.a.unit_names()))
        grouped.insert(3, "b_name", grouped["b"].map(self.b.unit_names()))
        return grouped.sort_values(["a", "share_of_a"], ascending=[True, False]).reset_index(drop=True)


@dataclass(frozen=True)
class Metric:
    """One registered measure: how to read it off a comparison, its mirror image with A and B swapped
    (itself when symmetric), its direction, and whether the matrix offers it. Its name and one-line
    explanation are `scales.i18n.METRIC_TEXTS[key]`; its definition and source are in `scales.engine.metrics`."""

    value: Callable[[Comparison], float]
    mirror: str
    higher_is_better: bool = True
    in_matrix: bool = True


def _pair(a_key: str, b_key: str, value, higher_is_better: bool = True, in_matrix: bool = True) -> dict:
    """A measure and its mirror image: `value(n)` on the table, and on its transpose for B."""
    return {
        a_key: Metric(lambda c: value(c.n), b_key, higher_is_better, in_matrix),
        b_key: Metric(lambda c: value(c.n.T), a_key, higher_is_better, False),
    }


METRICS: dict[str, Metric] = {
    "v_measure": Metric(lambda c: metrics.v_measure(c.n, c.beta), "v_measure"),
    "homogeneity": Metric(lambda c: metrics.homogeneity(c.n), "completeness"),
    "completeness": Metric(lambda c: metrics.completeness(c.n), "homogeneity"),
    "nmi": Metric(lambda c: metrics.nmi(c.n), "nmi"),
    "ari": Metric(lambda c: metrics.adjusted_rand(c.n, c.weight in COUNT_WEIGHTS), "ari"),
    "mapcurves": Metric(lambda c: metrics.mapcurves(c.n), "mapcurves"),
    "vi": Metric(lambda c: metrics.variation_of_information(c.n), "vi", higher_is_better=False),
    **_pair("nested_a_in_b", "nested_b_in_a", metrics.nested_share),
    **_pair("nested_a_in_b_weighted", "nested_b_in_a_weighted", metrics.nested_weighted),
    **_pair("alignment_cost_a_into_b", "alignment_cost_b_into_a", metrics.alignment_cost, higher_is_better=False),
    "boundary_coincidence_a_on_b": Metric(lambda c: c.boundary[0], "boundary_coincidence_b_on_a"),
    "boundary_coincidence_b_on_a": Metric(lambda c: c.boundary[1], "boundary_coincidence_a_on_b", in_matrix=False),
    "coterminous": Metric(lambda c: metrics.coterminous_pairs(c.n), "coterminous"),
    **_pair("split_units_a", "split_units_b", metrics.split_units, higher_is_better=False, in_matrix=False),
}
"""Every comparison measure, once: the summary, the matrix choices, the CLI keys and the texts derive from it."""
MATRIX_METRICS = tuple(key for key, metric in METRICS.items() if metric.in_matrix)


@dataclass
class Comparator:
    """Atoms and their borders, with layers encoded once (cached per layer object) for fast crossing."""

    atoms: pd.DataFrame
    borders: pd.DataFrame
    _encoded: OrderedDict[tuple[int, str], tuple[Layer, Encoded, np.ndarray]] = field(
        default_factory=OrderedDict, repr=False
    )

    def __post_init__(self) -> None:
        self.index = pd.Index(self.atoms["nis"].to_numpy())
        self.atom_names = dict(zip(self.atoms["nis"], self.atoms["name_nl"], strict=True))
        self.border_a = self.index.get_indexer(self.borders["nis_a"])
        self.border_b = self.index.get_indexer(self.borders["nis_b"])
        self.length = self.borders["length_m"].to_numpy(dtype=float)
        self._weights = {kind: metrics.weights(self.atoms, kind) for kind in metrics.WEIGHTS}

    def weight(self, kind: str) -> np.ndarray:
        """The weight per atom (in atom order) of a weight kind: inhabitants, area or count."""
        return self._weights[kind]

    def encoded(self, layer: Layer, weight: str = "area") -> tuple[Encoded, np.ndarray]:
        """The layer's encoding with the shares that match `weight`, and its per-border difference
        (always from area shares: borders are geometry); computed once per layer object and share."""
        key = (id(layer), share_column(weight))
        cached = self._encoded.get(key)
        if cached is None or cached[0] is not layer:
            code = encode(layer.membership, self.index, key[1])
            geometric = code if key[1] == "share" else encode(layer.membership, self.index)
            cached = (layer, code, border_difference(geometric, self.border_a, self.border_b))
            self._encoded[key] = cached
            while len(self._encoded) > ENCODED_LAYERS_KEPT:
                self._encoded.popitem(last=False)
        self._encoded.move_to_end(key)
        return cached[1], cached[2]

    def compare(self, a: Layer, b: Layer, weight: str = "inhabitants", beta: float = 1.0) -> Comparison:
        """Layer A against layer B under `weight` (inhabitants, area or count)."""
        if weight not in self._weights:
            raise UsageError(
                Problem("unknown_choice", {"what": "weight", "value": weight, "known": ", ".join(metrics.WEIGHTS)})
            )
        (code_a, diff_a), (code_b, diff_b) = self.encoded(a, weight), self.encoded(b, weight)
        pieces = joint(code_a, code_b, self._weights[weight])
        used_a, a_local = np.unique(pieces.a, return_inverse=True)
        used_b, b_local = np.unique(pieces.b, return_inverse=True)
        local = Joint(pieces.atom, a_local, b_local, pieces.weight)
        return Comparison(
            a,
            b,
            weight,
            code_a.labels[used_a],
            code_b.labels[used_b],
            local.table(len(used_a), len(used_b)),
            local,
            self.index.to_numpy(),
            coincidence(diff_a, diff_b, self.length),
            beta,
        )

    def matrix(self, layers: dict[str, Layer], metric: str = "v_measure", weight: str = "inhabitants") -> pd.DataFrame:
        """One metric for every ordered pair of layers (row = A, column = B); each pair is crossed once."""
        if metric not in MATRIX_METRICS:
            raise UsageError(
                Problem("unknown_choice", {"what": "metric", "value": metric, "known": ", ".join(MATRIX_METRICS)})
            )
        ids = list(layers)
        values = pd.DataFrame(np.nan, index=ids, columns=ids)
        for first in ids:
            values.loc[first, first] = self.compare(layers[first], layers[first], weight).summary()[metric]
        for first, second in combinations(ids, 2):
            summary = self.compare(layers[first], layers[second], weight).summary()
            values.loc[first, second] = summary[metric]
            values.loc[second, first] = summary[METRICS[metric].mirror]
        return values


def partner_counts(layers: dict[str, Layer]) -> pd.DataFrame:
    """Per municipality: how many distinct units it deals with in each layer, and in total."""
    counts = pd.DataFrame({lid: layer.membership.groupby("nis")["unit_id"].nunique() for lid, layer in layers.items()})
    counts = counts.fillna(0).astype(int)
    counts["partner_count"] = counts.sum(axis=1)
    return counts.rename_axis("nis").reset_index()


def counterparts(layer: Layer, others: dict[str, Layer]) -> pd.DataFrame:
    """Per unit of `layer`: how many units of each other layer its municipalities deal with."""
    result = pd.DataFrame({"unit_id": layer.units["unit_id"], "unit_name": layer.units["name"]})
    for other_id, other in others.items():
        pairs = layer.membership[["nis", "unit_id"]].merge(other.membership[["nis", "unit_id"]], on="nis")
        result[other_id] = (
            result["unit_id"].map(pairs.groupby("unit_id_x")["unit_id_y"].nunique()).fillna(0).astype(int)
        )
    result["counterparts"] = result[list(others)].sum(axis=1)
    return result
