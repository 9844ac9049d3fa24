"""The 304 municipalities: codes, names, areas, inhabitants and the population loaders."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scales.data.atlas import Atlas
from scales.data.atoms import population_statbel, to_2025


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
    from scales.data.sources import registry, resolve

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


def _statbel_zip(path: Path, counts: dict[str, int]) -> Path:
    """A small file in the layout of Statbel's TF_SOC_POP_STRUCT (pipe-separated text in a zip)."""
    import zipfile

    lines = ["CD_REFNIS|TX_DESCR_NL|CD_SEX|CD_AGE|MS_POPULATION"]
    for nis, count in counts.items():
        lines += [f"{nis}|x|F|30|{count // 2}", f"{nis}|x|M|31|{count - count // 2}"]
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(path.with_suffix(".txt").name, "\n".join(lines) + "\n")
    return path


def _pinned(monkeypatch: pytest.MonkeyPatch, path: Path):
    from dataclasses import replace

    from scales.data import atoms as atoms_module
    from scales.data.sources import registry, sha256_of

    sources = registry()
    sources["population_2025"] = replace(sources["population_2025"], sha256=sha256_of(path))
    monkeypatch.setattr(atoms_module, "registry", lambda: sources)
    return sources


def test_the_pinned_2025_file_is_used_when_it_is_in_the_mirror(tmp_path, monkeypatch, atlas: Atlas) -> None:
    from scales.data.atoms import load_population

    ids = set(atlas.atoms["nis"])
    path = _statbel_zip(tmp_path / "mirror" / "statbel" / "TF_SOC_POP_STRUCT_2025.zip", dict.fromkeys(ids, 101))
    population = load_population(_pinned(monkeypatch, path), tmp_path / "mirror", ids)
    assert (population.year, population.note) == (2025, "")
    assert population.table.loc[sorted(ids)].eq(101).all()


def test_an_incomplete_or_foreign_2025_file_falls_back_to_2020_with_a_note(
    tmp_path, monkeypatch, atlas: Atlas, mirror: Path
) -> None:
    from scales.data.atoms import load_population

    ids = set(atlas.atoms["nis"])
    monkeypatch.setenv("SCALES_CACHE", str(tmp_path))
    cached = tmp_path / "downloads" / "statbel" / "TF_SOC_POP_STRUCT_2025.zip"
    path = _statbel_zip(cached, {"11001": 5, "11002": 6, "21004": 7})  # 3 of 304 municipalities
    population = load_population(_pinned(monkeypatch, path), mirror, ids)
    assert population.year == 2020 and "lacks 301 municipalities" in population.note
    from scales.data.sources import registry

    population = load_population(registry(), mirror, ids)  # the real pin: the synthetic file's hash differs
    assert population.year == 2020 and "does not match its pinned sha256" in population.note


def test_an_optional_download_gives_up_quickly(tmp_path, monkeypatch) -> None:
    import pooch

    from scales.data import sources

    seen = {}

    def refuse(url, known_hash, fname, path, progressbar, downloader):
        seen["timeout"] = downloader.kwargs["timeout"]
        raise ConnectionError("no route to host")

    monkeypatch.setenv("SCALES_CACHE", str(tmp_path))
    monkeypatch.delenv("SCALES_MIRROR", raising=False)
    monkeypatch.setattr(pooch, "retrieve", refuse)
    path, reason = sources.resolve_optional(sources.registry()["population_2025"])
    assert path is None and "Could not download" in reason
    assert seen["timeout"] == sources.OPTIONAL_TIMEOUT_S <= 10


@pytest.mark.parametrize(("value", "shown"), [("-5", "'-5'"), ("veel", "'veel'"), ("12.5", "'12.5'")])
def test_an_impossible_count_refuses_the_whole_file(tmp_path: Path, value: str, shown: str) -> None:
    """A negative, non-numeric or fractional count is not a population: the file is refused, naming the row."""
    path = tmp_path / "TF_SOC_POP_STRUCT_2025.txt"
    path.write_text(f"CD_REFNIS|CD_SEX|MS_POPULATION\n11001|M|7000\n11002|F|{value}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"1 count\(s\) are not whole numbers of zero or more \(11002: {shown}\)"):
        population_statbel(path)


def test_a_2025_file_with_a_negative_count_is_not_used(tmp_path, monkeypatch, atlas: Atlas, mirror: Path) -> None:
    from scales.data.atoms import load_population

    ids = set(atlas.atoms["nis"])
    monkeypatch.setenv("SCALES_CACHE", str(tmp_path))
    cached = tmp_path / "downloads" / "statbel" / "TF_SOC_POP_STRUCT_2025.zip"
    path = _statbel_zip(cached, {**dict.fromkeys(ids, 101), "11001": -40})
    population = load_population(_pinned(monkeypatch, path), mirror, ids)
    assert population.year == 2020 and "not whole numbers of zero or more" in population.note
