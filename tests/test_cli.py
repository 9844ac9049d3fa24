"""The CLI contract other issues and external checks build on."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd

from scales.cli import main
from scales.data.atlas import Atlas


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
    code, out = run("membership", "prosecution_area", "--mirror", str(mirror))
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
    code, out = run("atoms", "--mirror", str(mirror))
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


def test_beta_must_be_a_positive_finite_number(atlas: Atlas, mirror: Path, capsys) -> None:
    for beta in ("-1", "0", "nan", "inf", "abc"):
        try:
            main(["compare", "police_zone", "primary_care_zone", "--beta", beta, "--mirror", str(mirror), "-q"])
        except SystemExit as stop:
            assert stop.code == 2
        else:
            raise AssertionError(f"--beta {beta} was accepted")
        assert "positive finite number" in capsys.readouterr().err


def test_custom_layer_text_cannot_run_as_a_formula_or_drive_the_terminal(
    atlas: Atlas, mirror: Path, tmp_path: Path, capsys
) -> None:
    layer = tmp_path / "zones.csv"
    rows = [f"{nis},=HYPERLINK(1)" for nis in atlas.atoms["nis"]]
    layer.write_text("nis,unit_id\n" + "\n".join(rows) + "\n", encoding="utf-8")
    code, out = run("compare", str(layer), "police_zone", "--units", "--mirror", str(mirror))
    assert code == 0 and "'=HYPERLINK(1)" in out and ",=HYPERLINK" not in out
    bad = tmp_path / "bad.csv"
    bad.write_text("nis,\x1b[31mred\x1b[0m\n11001,a\n", encoding="utf-8")
    assert main(["compare", str(bad), "police_zone", "--mirror", str(mirror), "-q"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "?[31mred" in err


def test_a_date_outside_the_data_warns_and_a_malformed_one_is_refused(atlas: Atlas, mirror: Path, capsys) -> None:
    assert main(["layers", "--date", "2100-01-01", "--mirror", str(mirror), "-q"]) == 0
    assert "warning: 2100-01-01 is in the future" in capsys.readouterr().err
    try:
        main(["layers", "--date", "2025-02-30", "--mirror", str(mirror), "-q"])
    except SystemExit as stop:
        assert stop.code == 2 and "is not a date" in capsys.readouterr().err
    else:
        raise AssertionError("2025-02-30 was accepted")


def test_only_scales_errors_become_one_line_messages(monkeypatch, capsys) -> None:
    from scales import cli

    def broken(args):
        raise KeyError("a bug")  # not a ScalesError: it must not be hidden as a message

    monkeypatch.setattr(cli, "cmd_layers", broken)
    try:
        main(["layers", "-q"])
    except KeyError:
        pass
    else:
        raise AssertionError("a bug was swallowed")


def test_coverage_and_capacity_contracts(atlas: Atlas, mirror: Path) -> None:
    code, out = run("coverage", "--threshold-km", "15", "--by", "veilig_huis", "--json", "--mirror", str(mirror))
    rows = json.loads(out)
    assert code == 0 and len(rows) == 9
    keys = {"unit_id", "inhabitants", "inhabitants_within", "share_within", "mean_distance_km", "worst_nis"}
    assert keys <= set(rows[0]) and all(0 <= r["share_within"] <= 1 for r in rows)
    code, out = run("coverage", "--suggest", "2", "--threshold-km", "15", "--json", "--mirror", str(mirror))
    found = json.loads(out)
    assert code == 0 and len(found["greedy"]) == len(found["exact"]) == 2 and 0 <= found["optimality_gap"] < 0.37
    code, out = run("capacity", "--json", "--mirror", str(mirror))
    areas = {r["ariec_id"]: r for r in json.loads(out)}
    assert code == 0 and areas["leuven"]["staff"] == 1 and "jurist" not in areas["leuven"]["missing_roles"]
    assert {"ariec_id", "staff", "inhabitants", "staff_per_100k", "missing_roles"} <= set(areas["leuven"])
