"""A municipality's place in every structure: its units, shares and the municipalities it shares them with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from scales.data.atlas import Atlas
from scales.data.layers import Layer
from scales.data.validate import FLEMISH_REGION
from scales.engine.compare import partner_counts
from scales.problems import Problem, UsageError


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
    rows = []
    layers = {**{k: atlas.layer(k, date) for k in atlas.layers}, **(extra or {})}
    for layer_id, layer in layers.items():
        mine = layer.membership[layer.membership["nis"] == nis]
        if mine.empty:
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
        for row in mine.itertuples():
            others = layer.membership.loc[
                (layer.membership["unit_id"] == row.unit_id) & (layer.membership["nis"] != nis), "nis"
            ]
            rows.append(
                {
                    "layer_id": layer_id,
                    "layer": layer.meta.name(lang),
                    "unit_id": row.unit_id,
                    "unit": layer.unit_names().get(row.unit_id, row.unit_id),
                    "share": row.share,
                    "share_inhabitants": row.share_inhabitants,
                    "members": len(others) + 1,
                    "shared_with": ", ".join(sorted(names[o] for o in set(others))),
                    "confidence": row.confidence or layer.meta.confidence,
                }
            )
    return pd.DataFrame(rows)


def units_in(table: pd.DataFrame, layer_ids: list[str] | None = None) -> int:
    """How many units a municipality's membership table (from `memberships`) lists, over the given
    layers (all when None): its partner count as the map panel shows it."""
    rows = table if not layer_ids else table[table["layer_id"].isin(layer_ids)]
    return int(rows["unit_id"].notna().sum())


def partner_standing(profile: pd.DataFrame, nis: str) -> tuple[int, float]:
    """A municipality's partner count and the median of the Flemish municipalities (from `partner_profile`)."""
    flemish = profile.loc[profile["region_nis"] == FLEMISH_REGION, "partner_count"]
    return int(profile.set_index("nis").loc[nis, "partner_count"]), float(flemish.median())


def partner_profile(atlas: Atlas, layer_ids: list[str], date: dt.date | str | None = None) -> pd.DataFrame:
    """Partner counts of every municipality over the chosen layers, with names and region."""
    counts = partner_counts({k: atlas.layer(k, date) for k in layer_ids})
    return atlas.atoms[["nis", "name_nl", "region_nis"]].merge(counts, on="nis", how="left")
