"""ARIEC capacity: ratios recomputed independently, roles against the ideal team, missing data flagged."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from scales.analysis.capacity import capacity, roles_in


def test_roles_are_read_from_the_annex_profiles() -> None:
    assert roles_in("1 criminoloog-coördinator, 3 informatiebeheerders, 1 administratieve ondersteuner") == [
        "criminologist", "information_manager", "administrative_support",
    ]  # fmt: skip
    assert roles_in("1 jurist, 1 commissaris") == ["jurist"]


def test_staff_per_100000_inhabitants_recomputed_independently(atlas) -> None:
    table = capacity(atlas, "2026-06-01").set_index("ariec_id")
    # ARIEC Leuven: 1 staff member for judicial arrondissement Leuven (parket Leuven), summed by hand.
    leuven = atlas.layer("prosecution_area", "2026-06-01").membership.query("unit_id == 'leuven'")["nis"]
    people = atlas.atoms.set_index("nis").loc[leuven, "inhabitants"].sum()
    assert table.loc["leuven", "inhabitants"] == people
    assert table.loc["leuven", "staff_per_100k"] == pytest.approx(1 / people * 100_000)
    assert table.loc["leuven", "missing_roles"] == "criminologist, information_manager, administrative_support"
    assert table.loc["antwerpen", "missing_roles"] == "jurist" and table.loc["antwerpen", "staff"] == 5
    assert table["police_zones"].sum() == 105 and table["municipalities"].sum() == 304
    assert table["has_data"].all()


def test_an_area_without_staffing_data_is_flagged_not_guessed(atlas) -> None:
    ariec = atlas.layers["ariec"]
    units = ariec.units.copy()
    units.loc[units["unit_id"] == "leuven", ["staff", "profiles"]] = [pd.NA, ""]
    broken = replace(atlas, layers={**atlas.layers, "ariec": replace(ariec, units=units)}, _layer_cache={})
    row = capacity(broken).set_index("ariec_id").loc["leuven"]
    assert not row["has_data"] and pd.isna(row["staff_per_100k"]) and row["inhabitants"] > 0
