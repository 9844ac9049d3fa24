"""What the map panel and the Gemeente page show about a municipality, computed in the package."""

from __future__ import annotations

import pandas as pd
import pytest

from scales.dashboard import maps
from scales.dashboard.profile import span_standing, span_totals, spans, structures_table
from scales.engine.compare import Comparator


def test_spans_count_the_other_units_a_municipalitys_own_unit_deals_with(atlas) -> None:
    layers = {k: atlas.layer(k, "2026-06-01") for k in ("police_zone", "primary_care_zone", "judicial_division")}
    table = spans(layers)
    regions = atlas.atoms.set_index("nis")["region_nis"]
    halle = span_standing(table, regions, "23027").set_index(["own", "other"])
    assert halle.loc[("primary_care_zone", "police_zone"), "count"] == 3  # Beersel, Halle, Pepingen, … : 3 zones
    assert halle.loc[("police_zone", "primary_care_zone"), "count"] == 1
    flemish = table[(table["nis"].map(regions) == "02000") & (table["own"] == "police_zone")]
    median = flemish[flemish["other"] == "primary_care_zone"]["count"].median()
    assert halle.loc[("police_zone", "primary_care_zone"), "median"] == median
    assert table["count"].nunique() > 3 and span_totals(table).nunique() > 5  # no longer the same for everyone
    antwerp = span_standing(table, regions, "11002").set_index(["own", "other"])
    assert antwerp.loc[("police_zone", "primary_care_zone"), "count"] == 4  # its police zone: four sub-zones


def test_the_structures_download_has_every_municipality_and_layer(atlas) -> None:
    table = structures_table(atlas, list(atlas.layers), "2026-06-01")
    assert len(table) == 304 and list(table.columns[2:]) == list(atlas.layers)
    assert table.set_index("nis").loc["44021", "municipality"] == "Gent"
    assert table["region"].notna().all() and table["reference_region"].isna().sum() == 19  # Brussels


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


def test_a_pair_is_read_out_in_plain_words() -> None:
    from scales.dashboard.findings import reading

    summary = {"v_measure": 0.8612, "weight": "inhabitants", "split_units_a": 37, "units_a": 105,
               "alignment_cost_a_into_b": 1078413.0}  # fmt: skip
    assert reading(summary, "Politiezone", "Eerstelijnszone") == (
        "0,86: Politiezone en Eerstelijnszone vallen grotendeels samen; 37 van de 105 eenheden van Politiezone "
        "liggen over een grens van Eerstelijnszone; 1.078.413 inwoners zouden van eenheid moeten veranderen "
        "opdat Politiezone in Eerstelijnszone past."
    )
    assert "almost coincide" in reading({**summary, "v_measure": 0.95}, "A", "B", "en")
    assert "vallen deels samen" in reading({**summary, "v_measure": 0.4}, "A", "B")
    assert "weinig met elkaar" in reading({**summary, "v_measure": 0.39}, "A", "B")


def test_location_tooltips_say_how_the_location_was_placed_in_dutch(atlas) -> None:
    features = maps.points_layer(atlas.points["veilig_huis_locations"], "veilig_huis_locations", "nl")["data"]
    assert "binnenpunt van de gastgemeente" in features and "interior point" not in features
