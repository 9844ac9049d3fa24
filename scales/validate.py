"""Checks every layer must pass: shares sum to 1, atoms known, units named and used, dates consistent.

`validate_layer` returns readable problems (empty when all is well), so the CLI can print a report
and a custom layer uploaded in the dashboard can be refused with a message that says what to fix.
"""

from __future__ import annotations

import datetime as dt

from scales.layers import CONFIDENCE_LEVELS, Layer
from scales.problems import Problem

SHARE_TOLERANCE = 1e-6


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


def validate_layer(layer: Layer, atom_ids: set[str], date: dt.date | str | None = None) -> list[Problem]:
    """Problems of one layer on `date` (today when None); an empty list means the layer is sound."""
    problems = _dates(layer)
    if problems:
        return problems
    current = layer.at(date)
    rows = current.membership
    unknown = sorted(set(rows["nis"]) - atom_ids)
    if unknown:
        problems.append(Problem("unknown_nis", {"count": len(unknown), "codes": ", ".join(unknown[:10])}))
    if (rows["share"] <= 0).any() or (rows["share"] > 1 + SHARE_TOLERANCE).any():
        problems.append(Problem("share_range"))
    duplicated = rows[rows.duplicated(["nis", "unit_id"], keep=False)]
    if not duplicated.empty:
        problems.append(Problem("duplicates", {"codes": sorted(set(duplicated["nis"]))[:10]}))
    sums = rows.groupby("nis")["share"].sum()
    off = sums[(sums - 1).abs() > SHARE_TOLERANCE]
    if not off.empty:
        detail = ", ".join(f"{nis}: {total:.4f}" for nis, total in off.head(10).items())
        problems.append(Problem("share_sum", {"count": len(off), "detail": detail}))
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
    return problems


def validate_all(
    layers: dict[str, Layer], atom_ids: set[str], date: dt.date | str | None = None
) -> dict[str, list[Problem]]:
    """Problems per layer id."""
    return {layer_id: validate_layer(layer, atom_ids, date) for layer_id, layer in layers.items()}
