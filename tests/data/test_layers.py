"""Real-data facts every built-in layer must reproduce, and the data-table guards."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scales.data import builders
from scales.data.atlas import Atlas
from scales.data.builders import BuildContext
from scales.data.sources import registry
from scales.data.validate import validate_all
from scales.problems import DataError

LAYER_IDS = {
    "region",
    "province",
    "admin_arrondissement",
    "judicial_arrondissement",
    "judicial_canton",
    "judicial_division",
    "prosecution_area",
    "police_zone",
    "primary_care_zone",
    "reference_region",
    "transport_region",
    "veilig_huis",
    "ariec",
}


def units_of(atlas: Atlas, layer_id: str, nis: str, date: str | None = None) -> set[str]:
    rows = atlas.layer(layer_id, date).membership
    return set(rows.loc[rows["nis"] == nis, "unit_id"])


def test_all_layers_present_and_valid(atlas: Atlas) -> None:
    assert set(atlas.layers) == LAYER_IDS
    for date in ("2025-06-01", "2026-06-01", None):
        assert validate_all(atlas.layers, atlas.atoms, date) == dict.fromkeys(LAYER_IDS, [])


def test_prosecution_areas_split_brussels(atlas: Atlas) -> None:
    counts = atlas.layer("prosecution_area").membership["unit_id"].value_counts()
    assert counts["halle-vilvoorde"] == 33
    assert counts["brussel"] == 19
    assert len(counts) == 7


def test_every_police_zone_lies_in_one_prosecution_area(atlas: Atlas) -> None:
    for date in ("2025-06-01", "2026-06-01"):
        police = atlas.layer("police_zone", date).membership
        parket = atlas.layer("prosecution_area", date).membership.set_index("nis")["unit_id"]
        spread = police.assign(parket=police["nis"].map(parket)).groupby("unit_id")["parket"].nunique()
        assert (spread == 1).all(), spread[spread > 1]


def test_police_zones_before_and_after_the_noord_limburg_merger(atlas: Atlas) -> None:
    merged = {"72037", "72043", "71034", "72030", "72038", "72020"}
    before = atlas.layer("police_zone", "2025-12-31")
    after = atlas.layer("police_zone", "2026-01-01")
    assert len(before.units) == 107 and len(after.units) == 105
    assert {u for nis in merged for u in units_of(atlas, "police_zone", nis, "2025-12-31")} == {
        "ipz106",
        "ipz108",
        "ipz110",
    }
    assert {u for nis in merged for u in units_of(atlas, "police_zone", nis, "2026-01-01")} == {"pz-noord-limburg"}
    assert after.unit_names()["pz-noord-limburg"] == "PZ Noord-Limburg"
    assert before.membership["nis"].nunique() == after.membership["nis"].nunique() == 304


def test_split_cities_get_area_shares(atlas: Atlas) -> None:
    cantons = atlas.layer("judicial_canton").membership
    antwerp = cantons[cantons["nis"] == "11002"]
    assert len(antwerp) > 5 and antwerp["share"].sum() == pytest.approx(1)
    assert (antwerp["share"] < 1).all()
    elz = atlas.layer("primary_care_zone").membership
    split = elz[elz["unit_id"].str.startswith("elz2-")]
    assert set(split["nis"]) == {"11002", "11040", "11044", "11052"}
    assert set(split.loc[split["nis"] == "11002", "unit_id"]) == {"elz2-1", "elz2-2", "elz2-3", "elz2-4"}


def test_judicial_divisions(atlas: Atlas) -> None:
    layer = atlas.layer("judicial_division")
    assert len(layer.units) == 14
    assert units_of(atlas, "judicial_division", "13008") == {"antwerpen-turnhout"}  # Geel
    assert units_of(atlas, "judicial_division", "33029") == {"west-vlaanderen-kortrijk"}  # Wervik (doubt)
    assert layer.meta.doubts  # the West-Vlaanderen doubt stays visible
    # Criminal and youth competence (KB 16 December 2020): Herenthout and Hulshout go to Turnhout,
    # the rest of canton Heist-op-den-Berg stays in Mechelen; the Veilig Huis follows.
    for nis in ("13012", "13016"):
        assert units_of(atlas, "judicial_division", nis) == {"antwerpen-turnhout"}
        assert units_of(atlas, "veilig_huis", nis) == {"vh-kempen"}
    assert units_of(atlas, "judicial_division", "12014") == {"antwerpen-mechelen"}  # Heist-op-den-Berg
    assert any("civil" in doubt for doubt in layer.meta.doubts)


def test_antwerp_subzones_share_inhabitants_by_district_figures(atlas: Atlas) -> None:
    rows = atlas.layer("primary_care_zone").membership.query("nis == '11002'").set_index("unit_id")
    total = int(atlas.atoms.set_index("nis").loc["11002", "inhabitants"])
    people = rows["share_inhabitants"] * total
    # ELZ Antwerpen Centrum publishes 203,295; Oost is Deurne 79,729 + Borgerhout 46,087 + Borsbeek 11,077.
    assert people["elz2-1"] == pytest.approx(203_295)
    assert people["elz2-2"] == pytest.approx(79_729 + 46_087 + 11_077)
    assert people["elz2-3"] > 39_493  # Hoboken alone, plus Wilrijk and part of district Antwerpen
    assert people.sum() == pytest.approx(total)
    assert set(rows["share_basis"]) == {"inhabitants"}
    # By area, Noord (mostly port) would hold 57 % of the people; by inhabitants it holds under a fifth.
    assert rows.loc["elz2-4", "share"] > 0.5 > 0.2 > rows.loc["elz2-4", "share_inhabitants"]


def test_split_cantons_keep_area_for_inhabitants(atlas: Atlas) -> None:
    rows = atlas.layer("judicial_canton").membership
    split = rows[rows["share"] < 1]
    assert not split.empty and (split["share_inhabitants"] == split["share"]).all()
    assert set(split["share_basis"]) == {"area"}


def test_flemish_only_layers_leave_brussels_uncovered(atlas: Atlas) -> None:
    brussels = set(atlas.atoms.loc[atlas.atoms["region_nis"] == "04000", "nis"])
    for layer_id in ("reference_region", "transport_region", "veilig_huis", "province"):
        assert set(atlas.layers[layer_id].not_covered) == brussels
    assert units_of(atlas, "primary_care_zone", "21004") == units_of(atlas, "primary_care_zone", "21015")


def test_veilige_huizen_and_ariec(atlas: Atlas) -> None:
    vh = atlas.layer("veilig_huis")
    assert len(vh.units) == 9 and vh.atoms_covered() == 285
    assert atlas.layers["ariec"].meta.confidence == "inferred"  # staffing published, areas not
    assert units_of(atlas, "veilig_huis", "23027") == {"vh-halle-vilvoorde"}
    assert set(vh.membership["confidence"]) == {"inferred"}
    staff = atlas.layer("ariec").units.set_index("unit_id")["staff"]
    assert staff.to_dict() == {
        "antwerpen": 5,
        "brussel": 3,
        "halle-vilvoorde": 2,
        "leuven": 1,
        "limburg": 4,
        "oost-vlaanderen": 3,
        "west-vlaanderen": 2,
    }


def test_points(atlas: Atlas) -> None:
    assert len(atlas.points["veilig_huis_locations"]) == 9
    assert atlas.points["antenna_points"].empty
    assert len(atlas.points["houses_of_justice"]) >= 14
    assert atlas.points["court_seats"]["nis"].isin(set(atlas.atoms["nis"])).all()


def test_unknown_nis_in_a_data_table_is_a_clear_error(
    atlas: Atlas, mirror: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = pd.read_csv(builders.DATA_DIR / "police_zone_changes.csv", dtype=str)
    table.loc[0, "nis"] = "99999"
    for path in builders.DATA_DIR.glob("*.csv"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    table.to_csv(tmp_path / "police_zone_changes.csv", index=False)
    monkeypatch.setattr(builders, "DATA_DIR", tmp_path)
    context = BuildContext(atlas.atoms, registry(), mirror)
    with pytest.raises(DataError, match="police_zone_changes.csv is inconsistent: unknown NIS codes \\['99999'\\]"):
        builders.police_zone(context)


def test_a_three_part_split_drops_boundary_noise_and_renormalises() -> None:
    """A 10 × 10 municipality over three zones: 60 %, 39.95 % and a 0.05 % sliver (below `MIN_SHARE`, noise
    between two sources). The sliver is dropped and the two real parts rescaled to sum to exactly 1."""
    import geopandas as gpd
    from shapely.geometry import box

    from scales.data.builders import area_shares

    atom = gpd.GeoDataFrame({"nis": ["1"]}, geometry=[box(0, 0, 10, 10)], crs=31370)
    parts = [box(0, 0, 6, 10), box(6, 0, 9.995, 10), box(9.995, 0, 10, 10)]
    zones = gpd.GeoDataFrame({"unit_id": ["left", "middle", "sliver"]}, geometry=parts, crs=31370)
    shares = area_shares(atom, zones, ["1"]).set_index("unit_id")["share"]
    assert shares.to_dict() == pytest.approx({"left": 60 / 99.95, "middle": 39.95 / 99.95}, abs=1e-12)
    assert shares.sum() == pytest.approx(1, abs=1e-12)


def test_main_locations_say_the_city_is_published_and_the_point_inferred(atlas: Atlas) -> None:
    """SBV 2025 publishes only the city of each main location; where a source gives an address it is kept,
    but no coordinates are sourced, so every point is inferred and says how it was placed."""
    mains = atlas.points["veilig_huis_locations"].set_index("point_id")
    assert set(mains["confidence"]) == {"inferred"}
    assert mains["location_basis"].str.startswith("city published (SBV 2025 §4.2.4); point inferred").all()
    assert mains.loc["vh-rivierenland", "address"].startswith("Sociaal Huis Mechelen, Lange Schipstraat 27")
    assert "gva.be 2017-05" in mains.loc["vh-rivierenland", "source"]
    assert mains.loc["vh-oost-vlaanderen", "address"] == "Gent"  # no address sourced: the city alone
