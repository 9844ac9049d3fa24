"""Scenarios: edits on a small strip with known answers, and align-to-anchor on every built-in pair."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from scales.analysis.scenarios import align, as_scenario, deltas, merge, move, moved_municipalities, rename, split
from scales.data.atlas import Atlas
from scales.data.layers import Layer, LayerMeta, membership_frame, units_frame
from scales.engine.compare import Comparator
from scales.problems import UsageError

STRIP = [f"1000{i}" for i in range(1, 7)]
"""Six municipalities in a row, 10 inhabitants and 1 km² each, each bordering the next over 1 km."""
DATE = "2026-01-01"


def _strip_comparator() -> Comparator:
    atoms = pd.DataFrame({"nis": STRIP, "name_nl": [f"G{i}" for i in range(1, 7)], "inhabitants": 10, "area_km2": 1.0})
    borders = pd.DataFrame({"nis_a": STRIP[:-1], "nis_b": STRIP[1:], "length_m": 1000.0})
    return Comparator(atoms, borders)


def _layer(name: str, units: dict[str, list[int]]) -> Layer:
    nis = [STRIP[i - 1] for members in units.values() for i in members]
    ids = [unit for unit, members in units.items() for _ in members]
    meta = LayerMeta(name, name, name, "test", "test", "", "inferred")
    return Layer(meta, membership_frame(nis, ids), units_frame(list(units), [u.upper() for u in units]))


def _units(layer: Layer) -> dict[str, list[str]]:
    return layer.membership.groupby("unit_id")["nis"].agg(lambda s: sorted(x[-1] for x in s)).to_dict()


def test_a_part_outside_its_anchor_joins_the_neighbouring_unit_there() -> None:
    a = _layer("a", {"a1": [1, 2, 3], "a2": [4, 5, 6]})
    anchor = _layer("b", {"b1": [1, 2], "b2": [3, 4, 5, 6]})
    proposal = align(_strip_comparator(), a, anchor, "inhabitants")
    assert _units(proposal.layer) == {"a1": ["1", "2"], "a2": ["3", "4", "5", "6"]}
    assert proposal.moves[["nis", "from_unit", "to_unit"]].values.tolist() == [["10003", "a1", "a2"]]
    assert (proposal.cost, proposal.cost_inhabitants, proposal.cost_municipalities) == (10.0, 10.0, 1)
    assert proposal.metrics["coterminous"] == 2 and proposal.metrics["v_measure"] == pytest.approx(1.0)


def test_parts_with_no_unit_in_their_anchor_unit_form_a_new_one_there() -> None:
    a = _layer("a", {"a1": [1, 2, 3, 4, 5, 6]})
    anchor = _layer("b", {"b1": [1, 2], "b2": [3, 4], "b3": [5, 6]})
    proposal = align(_strip_comparator(), a, anchor, "count")
    assert _units(proposal.layer) == {"a1": ["1", "2"], "b2-new": ["3", "4"], "b3-new": ["5", "6"]}
    assert proposal.layer.unit_names()["b3-new"] == "B3 (nieuw)"
    assert proposal.cost == 4 and proposal.cost_inhabitants == 40 and proposal.metrics["nested_a_in_b"] == 1


def test_edits_move_merge_split_and_rename() -> None:
    base = _layer("a", {"a1": [1, 2, 3], "a2": [4, 5, 6]})
    moved = move(base, ["10003"], "a2")
    assert _units(moved) == {"a1": ["1", "2"], "a2": ["3", "4", "5", "6"]}
    assert moved_municipalities(base, moved).values.tolist() == [["10003", "a1", "a2", "A1", "A2"]]  # ids, names
    assert _units(merge(base, ["a2", "a1"], "Samen")) == {"a2": ["1", "2", "3", "4", "5", "6"]}
    assert merge(base, ["a2", "a1"], "Samen").unit_names() == {"a2": "Samen"}
    parted = split(base, "a2", ["10006"], "a3", "Derde")
    assert _units(parted)["a3"] == ["6"] and parted.unit_names()["a3"] == "Derde"
    assert rename(base, "a1", "<b>Eerste</b>").unit_names()["a1"] == "<b>Eerste</b>"  # escaped where shown
    with pytest.raises(UsageError, match="has no unit 'zz'"):
        move(base, ["10001"], "zz")
    with pytest.raises(UsageError, match="already exists"):
        split(base, "a1", ["10001"], "a2", "x")


def test_deltas_show_each_measure_before_and_after_with_its_direction() -> None:
    comparator = _strip_comparator()
    base = _layer("a", {"a1": [1, 2, 3], "a2": [4, 5, 6]})
    anchor = _layer("b", {"b1": [1, 2], "b2": [3, 4, 5, 6]})
    table = deltas(comparator, base, move(base, ["10003"], "a2"), {"b": anchor}).set_index("metric")
    assert table.loc["alignment_cost_a_into_b", ["baseline", "scenario", "change"]].tolist() == [10.0, 0.0, -10.0]
    assert table.loc["alignment_cost_a_into_b", "better"] == "yes"
    assert table.loc["nested_a_in_b", ["baseline", "scenario", "better"]].tolist() == [0.5, 1.0, "yes"]
    assert table.loc["coterminous", "change"] == 2


def test_a_scenario_keeps_its_parent_and_loses_its_dates(atlas: Atlas) -> None:
    scenario = as_scenario(atlas.layer("police_zone", DATE), "Politie 2026")
    assert (scenario.id, scenario.meta.kind, scenario.meta.parent) == (
        "scenario:Politie 2026",
        "scenario",
        "police_zone",
    )
    assert set(scenario.membership["valid_to"]) == {""}


def test_police_zones_aligned_to_reference_regions(atlas: Atlas) -> None:
    comparator = Comparator(atlas.atoms, atlas.borders)
    proposal = align(comparator, atlas.layer("police_zone", DATE), atlas.layer("reference_region", DATE))
    engine = comparator.compare(atlas.layer("police_zone", DATE), atlas.layer("reference_region", DATE)).summary()
    assert proposal.cost == pytest.approx(engine["alignment_cost_a_into_b"])
    assert proposal.cost_municipalities == 10 and proposal.moves["nis"].is_unique
    assert "31033" in set(proposal.moves["nis"])  # Torhout, the largest move
    assert proposal.metrics["nested_a_in_b"] == 1.0 and proposal.metrics["alignment_cost_a_into_b"] == 0.0


@pytest.mark.parametrize("weight", ["inhabitants", "area", "count"])
def test_every_built_in_pair_aligns_at_the_engine_cost_and_nests(atlas: Atlas, weight: str) -> None:
    """Every ordered pair under inhabitants; under area and count, the pairs with a layer that splits
    municipalities (where the area and inhabitant shares of a part differ)."""
    comparator = Comparator(atlas.atoms, atlas.borders)
    layers = {k: atlas.layer(k, DATE) for k in atlas.layers}
    split_layers = {"judicial_canton", "primary_care_zone"}
    for a_id, b_id in itertools.permutations(layers, 2):
        if weight != "inhabitants" and not {a_id, b_id} & split_layers:
            continue
        proposal = align(comparator, layers[a_id], layers[b_id], weight)
        engine = comparator.compare(layers[a_id], layers[b_id], weight).summary()["alignment_cost_a_into_b"]
        assert proposal.cost == pytest.approx(engine, rel=1e-9, abs=1e-9), (a_id, b_id)
        assert proposal.metrics["nested_a_in_b"] == 1.0, (a_id, b_id)


def test_municipalities_the_anchor_does_not_cover_keep_their_unit(atlas: Atlas) -> None:
    comparator = Comparator(atlas.atoms, atlas.borders)
    police = atlas.layer("police_zone", DATE)
    proposal = align(comparator, police, atlas.layer("reference_region", DATE))  # no reference region in Brussels
    brussels = atlas.atoms.loc[atlas.atoms["region_nis"] == "04000", "nis"]
    before = police.membership.set_index("nis").loc[brussels, "unit_id"]
    after = proposal.layer.membership.set_index("nis").loc[brussels, "unit_id"]
    assert len(brussels) == 19 and after.equals(before)
    assert proposal.layer.atoms_covered() == police.atoms_covered() == 304
