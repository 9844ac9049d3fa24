"""The CLI contract other issues and external checks build on."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd

from scales.atlas import Atlas
from scales.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main([*argv, "-q"])
    return code, out.getvalue()


def test_layers_json(atlas: Atlas, mirror: Path) -> None:
    code, out = run("layers", "--json", "--mirror", str(mirror), "--date", "2026-01-01")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 13
    assert {"id", "name", "units", "atoms_covered", "source", "licence", "reference_date", "confidence"} <= set(rows[0])
    police = next(r for r in rows if r["id"] == "police_zone")
    assert police["units"] == 105 and police["atoms_covered"] == 304


def test_membership_csv(atlas: Atlas, mirror: Path) -> None:
    code, out = run("membership", "prosecution_area", "--format", "csv", "--mirror", str(mirror))
    table = pd.read_csv(io.StringIO(out), dtype={"nis": str})
    assert code == 0 and list(table.columns) == [
        "nis",
        "unit_id",
        "unit_name",
        "share_area",
        "share_inhabitants",
        "share_basis",
    ]
    assert (table["unit_id"] == "halle-vilvoorde").sum() == 33


def test_atoms_csv(atlas: Atlas, mirror: Path) -> None:
    code, out = run("atoms", "--format", "csv", "--mirror", str(mirror))
    table = pd.read_csv(io.StringIO(out), dtype={"nis": str})
    assert list(table.columns) == [
        "nis",
        "name_nl",
        "name_fr",
        "province",
        "region",
        "area_km2",
        "inhabitants",
        "inhabitants_year",
    ]
    assert len(table) == 304 and table["inhabitants"].sum() == 7_847_398


def test_validate_passes_and_unknown_layer_fails_cleanly(atlas: Atlas, mirror: Path, capsys) -> None:
    code, out = run("validate", "--mirror", str(mirror))
    assert code == 0 and out.strip().endswith("13 of 13 layers valid")
    assert main(["membership", "nope", "--mirror", str(mirror), "-q"]) == 2
    assert "Unknown layer 'nope'" in capsys.readouterr().err


def test_missing_mirror_is_one_clear_message(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SCALES_CACHE", str(tmp_path))
    assert main(["fetch", "--mirror", str(tmp_path / "absent"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("scales: Mirror folder") and "does not exist" in err


def test_partners_per_municipality_and_per_unit(atlas: Atlas, mirror: Path) -> None:
    code, out = run("partners", "--layers", "police_zone,primary_care_zone", "--mirror", str(mirror))
    table = pd.read_csv(io.StringIO(out), dtype={"nis": str}).set_index("nis")
    assert code == 0 and len(table) == 304
    assert table.loc["11002", "partner_count"] == 1 + 4  # Antwerp: one police zone, four eerstelijnszones
    code, out = run(
        "partners", "--layers", "police_zone,primary_care_zone", "--units", "police_zone", "--mirror", str(mirror)
    )
    units = pd.read_csv(io.StringIO(out)).set_index("unit_id")
    assert units.loc["ipz1", "primary_care_zone"] == 2  # PZ Hekla: ZORA and RupeLaar
