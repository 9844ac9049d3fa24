"""Validation catches each kind of broken layer with a readable message."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from scales.data.layers import Layer, LayerMeta, membership_frame, units_frame
from scales.data.validate import validate_layer as validate_problems

ATOMS = {"11001", "11002", "11004"}
META = LayerMeta("t", "t", "t", "test", "none", "2025-01-01", "published")


def validate_layer(layer: Layer, atoms: set[str]) -> list[str]:
    return [str(problem) for problem in validate_problems(layer, atoms)]


def layer(nis, units, share=1.0, valid_from="", valid_to="") -> Layer:
    return Layer(
        META,
        membership_frame(nis, units, share, valid_from, valid_to),
        units_frame(sorted(set(units)), sorted(set(units))),
    )


def test_sound_layer_has_no_problems() -> None:
    assert validate_layer(layer(["11001", "11002", "11004"], ["a", "a", "b"]), ATOMS) == []


def test_fractional_shares_must_sum_to_one() -> None:
    broken = layer(["11001", "11001", "11002"], ["a", "b", "a"], [0.5, 0.4, 1.0])
    assert validate_layer(broken, ATOMS) == ["shares do not sum to 1 for 1 atom(s) (11001: 0.9000)"]


def test_unknown_atoms_duplicates_and_names() -> None:
    assert validate_layer(layer(["11001", "99999"], ["a", "a"]), ATOMS) == ["1 unknown NIS code(s): 99999"]
    duplicated = layer(["11001", "11001"], ["a", "a"], [0.5, 0.5])
    assert any("duplicate rows" in p for p in validate_layer(duplicated, ATOMS))
    unnamed = replace(layer(["11001"], ["a"]), units=pd.DataFrame({"unit_id": ["a"], "name": [""]}))
    assert validate_layer(unnamed, ATOMS) == ["units without a name: ['a']"]


def test_dates_must_be_consistent() -> None:
    assert validate_layer(layer(["11001"], ["a"], valid_from="2026-13-01"), ATOMS) == [
        "valid_from '2026-13-01' is not a date (YYYY-MM-DD)"
    ]
    backwards = layer(["11001"], ["a"], valid_from="2026-01-01", valid_to="2025-01-01")
    assert validate_layer(backwards, ATOMS) == ["atom 11001 in a: valid_from 2026-01-01 after valid_to 2025-01-01"]


def test_problems_read_in_dutch_too() -> None:
    problems = validate_problems(layer(["11001", "99999"], ["a", "a"]), ATOMS)
    assert problems[0].text("nl") == "1 onbekende NIS-code(s): 99999 (gebruik 5-cijferige REFNIS-codes van 2025)"


def test_a_layer_that_misses_part_of_its_territory_lists_what_is_missing(atlas) -> None:
    from scales.data.validate import territories

    houses = atlas.layer("veilig_huis")
    shrunk = replace(houses, membership=houses.membership[houses.membership["unit_id"] != "vh-kempen"])
    names = dict(zip(atlas.atoms["nis"], atlas.atoms["name_nl"], strict=True))
    flanders = territories(atlas.atoms)["flanders"]
    problems = validate_problems(shrunk, set(atlas.atoms["nis"]), None, flanders, names)
    assert [p.key for p in problems] == ["empty_units", "territory_gap"]
    assert problems[1].values["count"] == houses.membership["unit_id"].eq("vh-kempen").sum()
    assert "Geel (13008)" in problems[1].values["missing"]
    assert validate_problems(houses, set(atlas.atoms["nis"]), None, flanders, names) == []


def test_an_empty_unit_id_is_refused() -> None:
    broken = layer(["11001", "11002"], ["a", " "], [1.0, 1.0])
    assert "empty_unit_id" in [p.key for p in validate_problems(broken, ATOMS)]


def test_dates_outside_the_data_are_explained(atlas) -> None:
    from scales.data.validate import date_problems

    assert date_problems(atlas.layers, "2026-06-01") == []
    before = date_problems(atlas.layers, "1900-01-01")
    assert [p.key for p in before] == ["date_before"] and before[0].values["count"] == 13
    mid = date_problems(atlas.layers, "2024-06-01")[0].values  # the Veilige Huizen started in November 2023
    assert mid["count"] == 12 and "Veilig Huis" not in mid["layers"]
    future = date_problems(atlas.layers, "2100-01-01")
    assert [p.key for p in future] == ["date_future"] and future[0].values["reference"] == "2025-07-01"
