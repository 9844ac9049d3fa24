"""A municipality's place in every structure: its units, shares and the municipalities it shares them with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pandas as pd

from scales.data.atlas import Atlas
from scales.data.layers import Layer, dominant_units
from scales.data.validate import FLEMISH_REGION
from scales.i18n import number, t
from scales.problems import Problem, UsageError

SHARED_LISTED = 40
"""A unit shared with more municipalities than this (a Gewest, a province) is summarised, not listed."""


def memberships(
    atlas: Atlas,
    nis: str,
    date: dt.date | str | None = None,
    lang: str = "nl",
    extra: Mapping[str, Layer] | None = None,
) -> pd.DataFrame:
    """One row per (layer, unit) the municipality belongs to, with the other member municipalities;
    `extra` adds a user's layers (saved scenarios, uploads) after the built-in ones."""
    if nis not in set(atlas.atoms["nis"]):
        raise UsageError(Problem("unknown_nis", {"count": 1, "codes": nis}))
    names = atlas.names
    layers = {**{k: atlas.layer(k, date) for k in atlas.layers}, **(extra or {})}
    columns = ["nis", "unit_id", "share", "share_inhabitants", "confidence"]
    tables = [layer.membership for layer in layers.values()]
    every = pd.DataFrame(  # one table of all layers: a few hundred saved scenarios cost one pass, not one each
        {c: np.concatenate([table[c].to_numpy(dtype=object) for table in tables]) for c in columns}
        | {"layer_id": np.repeat(list(layers), [len(table) for table in tables])}
    )
    mine = every[every["nis"] == nis]
    by_layer: dict[str, list[dict]] = {}
    for record in mine.to_dict("records"):  # plain records: a DataFrame per layer costs more than the work
        by_layer.setdefault(record["layer_id"], []).append(record)
    units = every.merge(mine[["layer_id", "unit_id"]], on=["layer_id", "unit_id"])
    others = units[units["nis"] != nis].groupby(["layer_id", "unit_id"])["nis"]
    count = others.nunique()
    shared = others.agg(
        lambda s: (
            ", ".join(sorted(names[o] for o in set(s)))
            if s.nunique() <= SHARED_LISTED
            else t("shared_with_many", lang, n=number(s.nunique(), lang))
        )
    )
    rows = []
    for layer_id, layer in layers.items():
        own = by_layer.get(layer_id, [])
        if not own:
            rows.append(
                {
                    "layer_id": layer_id,
                    "layer": layer.meta.name(lang),
                    "unit_id": None,
                    "unit": None,
                    "share": None,
                    "share_inhabitants": None,
                    "members": 0,
                    "shared_with": "",
                    "confidence": layer.meta.confidence,
                }
            )
        unit_names = layer.unit_names() if own else {}
        for row in own:
            key = (layer_id, row["unit_id"])
            rows.append(
                {
                    "layer_id": layer_id,
                    "layer": layer.meta.name(lang),
                    "unit_id": row["unit_id"],
                    "unit": unit_names.get(row["unit_id"], row["unit_id"]),
                    "share": row["share"],
                    "share_inhabitants": row["share_inhabitants"],
                    "members": int(count.get(key, 0)) + 1,
                    "shared_with": shared.get(key, ""),
                    "confidence": row["confidence"] or layer.meta.confidence,
                }
            )
    return pd.DataFrame(rows)


def spans(layers: dict[str, Layer]) -> pd.DataFrame:
    """Per municipality and ordered pair of layers (own, other): how many units of `other` its own unit
    of `own` deals with (e.g. how many police zones its eerstelijnszone spans). A split municipality
    counts its largest part's unit. Columns: nis, own, other, unit_id, count."""
    frames = []
    for own_id, own in layers.items():
        home = dominant_units(own.membership)
        for other_id, other in layers.items():
            if other_id == own_id:
                continue
            pairs = own.membership[["nis", "unit_id"]].merge(other.membership[["nis", "unit_id"]], on="nis")
            per_unit = pairs.groupby("unit_id_x")["unit_id_y"].nunique()
            frames.append(
                pd.DataFrame(
                    {
                        "nis": home.index,
                        "own": own_id,
                        "other": other_id,
                        "unit_id": home.to_numpy(),
                        "count": home.map(per_unit).fillna(0).astype(int).to_numpy(),
                    }
                )  # fmt: skip
            )
    return pd.concat(frames, ignore_index=True)


def span_standing(table: pd.DataFrame, regions: pd.Series, nis: str) -> pd.DataFrame:
    """One municipality's spans with the Flemish median of each (own, other) pair, and its total
    (how many units of the other structures its own units deal with) with the median total."""
    flemish = table[table["nis"].map(regions) == FLEMISH_REGION]
    medians = flemish.groupby(["own", "other"])["count"].median().rename("median")
    mine = table[table["nis"] == nis].merge(medians, on=["own", "other"], how="left")
    return mine[["own", "other", "unit_id", "count", "median"]]


def span_totals(table: pd.DataFrame) -> pd.Series:
    """NIS → how many units of the other structures its own units deal with, summed over all pairs."""
    return table.groupby("nis")["count"].sum()


def structures_table(atlas: Atlas, layer_ids: list[str], date: dt.date | str | None = None) -> pd.DataFrame:
    """Every municipality × every structure: its unit's name in each layer (split ones joined), for download."""
    table = atlas.atoms[["nis", "name_nl"]].rename(columns={"name_nl": "municipality"}).set_index("nis")
    for layer_id in layer_ids:
        layer = atlas.layer(layer_id, date)
        named = layer.membership.assign(name=layer.membership["unit_id"].map(layer.unit_names()))
        table[layer_id] = named.groupby("nis")["name"].agg(", ".join)
    return table.reset_index()


def neighbours(borders: pd.DataFrame, nis: str) -> set[str]:
    """The municipalities sharing a border with `nis` (from the atlas's shared-border table)."""
    touching = borders[(borders["nis_a"] == nis) | (borders["nis_b"] == nis)]
    return (set(touching["nis_a"]) | set(touching["nis_b"])) - {nis}
