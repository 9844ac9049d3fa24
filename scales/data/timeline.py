"""What changes when: every date on which a dated layer's membership changes, and which municipalities
move (e.g. the police-zone merger in Noord-Limburg on 1 January 2026)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from scales.data.layers import Layer

CHANGE_COLUMNS = ["date", "layer", "nis", "before", "after"]


def _units(layer: Layer) -> pd.Series:
    """NIS → its unit(s) on that day, joined when split."""
    return layer.membership.groupby("nis")["unit_id"].agg(lambda s: ", ".join(sorted(s)))


def change_dates(layer: Layer) -> list[str]:
    """The days a layer's membership changes: each `valid_from`, and the day after each `valid_to`."""
    rows = layer.membership
    ends = [(dt.date.fromisoformat(d) + dt.timedelta(days=1)).isoformat() for d in set(rows["valid_to"]) - {""}]
    return sorted((set(rows["valid_from"]) - {""}) | set(ends))


def changes(layers: dict[str, Layer]) -> pd.DataFrame:
    """One row per municipality whose unit changes on a change date: date, layer, nis, before, after."""
    rows = []
    for layer_id, layer in layers.items():
        for day in change_dates(layer):
            before = _units(layer.at(dt.date.fromisoformat(day) - dt.timedelta(days=1)))
            after = _units(layer.at(day))
            both = pd.concat({"before": before, "after": after}, axis=1).fillna("")
            moved = both[both["before"] != both["after"]]
            rows += [
                {"date": day, "layer": layer_id, "nis": nis, "before": r.before, "after": r.after}
                for nis, r in moved.iterrows()
            ]
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS).sort_values(["date", "layer", "nis"], ignore_index=True)
