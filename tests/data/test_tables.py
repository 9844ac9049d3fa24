"""The fact tables in data/: the data package is valid, and a one-character typo in any id is caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from scales import DATA_DIR
from scales.data.tables import Upstream, table_problems, upstream_ids


@pytest.fixture(scope="module")
def upstream(mirror: Path) -> Upstream:
    return upstream_ids(mirror)


def test_the_shipped_tables_are_valid(upstream: Upstream) -> None:
    assert [str(p) for p in table_problems(upstream=upstream)] == []


def _typo(value: str) -> str:
    """Change one character: the last digit up by one, or the last letter to another letter."""
    last = value[-1]
    swapped = str((int(last) + 1) % 10) if last.isdigit() else ("x" if last != "x" else "y")
    return value[:-1] + swapped


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


# (table, column, row index); each id column of each table that other data depend on
TYPOS = [
    ("layers", "id", 0),
    ("sources", "key", 3),
    ("mergers_2025", "old_nis", 0),
    ("mergers_2025", "new_nis", 4),
    ("prosecution_areas", "parket_id", 0),
    ("prosecution_areas", "judicial_arrondissement_id", 1),
    ("judicial_divisions", "canton_id", 10),
    ("judicial_divisions", "division_id", 20),
    ("judicial_divisions", "arrondissement_id", 30),
    ("judicial_division_exceptions", "nis", 0),
    ("judicial_division_exceptions", "canton_id", 1),
    ("judicial_division_exceptions", "division_id", 0),
    ("police_zone_changes", "zone_id", 7),
    ("police_zone_changes", "nis", 2),
    ("veilig_huis_areas", "vh_id", 2),
    ("veilig_huis_areas", "main_nis", 3),
    ("veilig_huis_areas", "area_units", 0),
    ("ariec_staffing", "ariec_id", 2),
    ("antwerp_subzone_inhabitants", "subzone", 1),
    ("antwerp_subzone_inhabitants", "districts", 4),
]


@pytest.mark.parametrize(("table", "column", "index"), TYPOS)
def test_a_typo_in_an_id_names_file_row_and_value(
    data_copy: Path, upstream: Upstream, table: str, column: str, index: int
) -> None:
    path = data_copy / f"{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    wrong = _typo(frame.loc[index, column])
    frame.loc[index, column] = wrong
    frame.to_csv(path, index=False)
    problems = [p.values for p in table_problems(data_copy, upstream)]
    assert problems, f"a typo in {table}.{column} went unnoticed"
    # a problem names the file and the row with the typo, or its value (where another row points at it)
    here = [p for p in problems if p["file"] == f"{table}.csv" and p["row"] == index + 2]
    assert here or any(str(p["value"]) == wrong for p in problems), problems
    assert all(p["file"].endswith(".csv") and p["row"] >= 2 for p in problems)


def test_an_antenna_point_of_an_unknown_veilig_huis_is_caught(data_copy: Path) -> None:
    path = data_copy / "antenna_points.csv"
    path.write_text(path.read_text() + "a1,vh-kempem,Antenne Mol,13025,,,,test,inferred\n", encoding="utf-8")
    problems = [p.values for p in table_problems(data_copy)]
    assert any(p["file"] == "antenna_points.csv" and p["row"] == 2 and p["value"] == "vh-kempem" for p in problems)


def test_old_codes_are_checked_against_the_upstream_population_file(data_copy: Path, upstream: Upstream) -> None:
    problems = table_problems(data_copy, Upstream({"11007"}, upstream.antwerp_parts))
    assert {p.values["value"] for p in problems} >= {"23023", "37012"}  # not in the (tiny) upstream set given
