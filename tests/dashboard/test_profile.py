"""What the map panel and the Gemeente page show about a municipality, computed in the package."""

from __future__ import annotations

import pandas as pd
import pytest

from scales.dashboard import maps
from scales.dashboard.profile import memberships, partner_profile, partner_standing, units_in
from scales.engine.compare import Comparator


def test_partner_count_and_the_flemish_median(atlas) -> None:
    layers = ["police_zone", "primary_care_zone", "judicial_division"]
    profile = partner_profile(atlas, layers, "2026-06-01")
    count, median = partner_standing(profile, "11002")
    assert count == 3 + 3  # Antwerpen: one police zone and division, four eerstelijnszone sub-zones
    flemish = profile.loc[profile["region_nis"] == "02000", "partner_count"]
    assert median == flemish.median() and len(flemish) == 285
    table = memberships(atlas, "11002", "2026-06-01")
    assert units_in(table, layers) == 6 and units_in(table) == int(table["unit_id"].notna().sum())


def test_partner_fill_bins_start_at_one_unit_per_layer() -> None:
    colours, steps = maps.partner_fill(pd.Series({"a": 3, "b": 4, "c": 12}), layers=3)
    assert colours == {"a": maps.SEQUENTIAL[0], "b": maps.SEQUENTIAL[1], "c": maps.SEQUENTIAL[6]}
    assert steps[0] == (maps.SEQUENTIAL[0], 3, False) and steps[-1] == (maps.SEQUENTIAL[6], 9, True)


def test_class_fill_colours_each_municipality_by_its_units_class(atlas) -> None:
    comparator = Comparator(atlas.atoms, atlas.borders)
    result = comparator.compare(atlas.layer("police_zone"), atlas.layer("prosecution_area"), "count")
    colours = maps.class_fill(result)
    assert len(colours) == 304 and set(colours.values()) <= set(maps.CLASS_COLOURS.values())
    assert colours["11002"] == maps.CLASS_COLOURS["nested"]  # every police zone lies in one parket


def test_graded_fill_keeps_no_access_apart() -> None:
    values = pd.Series({"a": 0.0, "b": 0.01, "c": 0.02, "d": 0.05, "e": 0.09})
    colours, steps = maps.graded_fill(values, steps=3)
    assert colours["a"] == maps.SEQUENTIAL[0] and colours["b"] != colours["a"]  # 0 has a colour of its own
    assert [low for _, low, _ in steps] == pytest.approx([0.0, 0.01, 0.035]) and steps[-1][2]  # 0.035: the median
    assert colours["e"] == colours["d"] == maps.SEQUENTIAL[2]
