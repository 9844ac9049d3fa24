"""The 304 municipalities: codes, names, areas, inhabitants and the population loaders."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scales.atlas import Atlas
from scales.atoms import population_statbel, to_2025


def test_304_municipalities_285_flemish_19_brussels(atlas: Atlas) -> None:
    atoms = atlas.atoms
    assert len(atoms) == atoms["nis"].nunique() == 304
    assert atoms["region"].value_counts().to_dict() == {"Vlaams Gewest": 285, "Brussels Hoofdstedelijk Gewest": 19}
    assert atoms["nis"].str.fullmatch(r"\d{5}").all()


def test_areas_sum_to_the_surface_of_flanders_and_brussels(atlas: Atlas) -> None:
    assert atlas.atoms["area_km2"].sum() == pytest.approx(13_788, abs=1)
    assert atlas.atoms.crs.to_epsg() == 31370


def test_inhabitants_2020_summed_onto_2025_municipalities(atlas: Atlas) -> None:
    atoms = atlas.atoms.set_index("nis")
    assert atoms["inhabitants"].notna().all()
    assert set(atoms["inhabitants_year"]) == {2020}
    # Statbel 1 January 2020: Flemish Region 6,629,143; Brussels-Capital Region 1,218,255.
    assert atoms.groupby("region")["inhabitants"].sum().to_dict() == {
        "Brussels Hoofdstedelijk Gewest": 1_218_255,
        "Vlaams Gewest": 6_629_143,
    }
    # Antwerpen absorbed Borsbeek (11007) on 1 January 2025.
    raw = pd.read_csv(_population_file(), dtype=str)
    by_code = raw.set_index(raw["NIS_code"].str.zfill(5))["inhabitants"].astype(int)
    assert atoms.loc["11002", "inhabitants"] == by_code["11002"] + by_code["11007"]


def _population_file() -> Path:
    from scales.sources import registry, resolve

    return resolve(registry()["population_2020"])


def test_names_and_interior_points(atlas: Atlas) -> None:
    atoms = atlas.atoms.set_index("nis")
    assert atoms.loc["21004", ["name_nl", "name_fr"]].tolist() == ["Brussel", "Bruxelles"]
    assert atoms.loc["21004", "province"] == ""  # no province in Brussels
    inside = atlas.atoms.geometry.contains(pd.Series(atlas.atoms.geometry.representative_point()))
    assert inside.all()


def test_merged_codes_are_summed(tmp_path: Path) -> None:
    counts = pd.Series({"23023": 10, "23024": 5, "23032": 1, "11001": 7})
    assert to_2025(counts).to_dict() == {"11001": 7, "23106": 16}


def test_newer_statbel_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "TF_SOC_POP_STRUCT_2025.txt"
    path.write_text("CD_REFNIS|CD_SEX|MS_POPULATION\n11001|M|7000\n11001|F|7500\n11007|F|10\n", encoding="utf-8")
    year, table = population_statbel(path)
    assert year == 2025
    assert table.to_dict() == {"11001": 14500, "11002": 10}


def test_statbel_file_with_wrong_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "TF_SOC_POP_STRUCT_2024.txt"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="CD_REFNIS"):
        population_statbel(path)
