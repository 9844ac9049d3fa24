"""The CLI contract other issues and external checks build on."""

from __future__ import annotations

import io
import json
import re
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


CONTRACT = {
    "layers": ["id", "name", "units", "atoms_covered", "source", "licence", "reference_date", "confidence", "doubts"],
    "membership": ["nis", "unit_id", "unit_name", "share_area", "share_inhabitants", "share_basis"],
    "atoms": ["nis", "name_nl", "name_fr", "province", "region", "area_km2", "inhabitants", "inhabitants_year"],
    "compare": ["key", "value"],
    "compare --units": ["layer", "layer_id", "unit_id", "unit_name", "weight", "class", "split_count",
                        "dominant_share", "dominant_unit", "dominant_unit_name", "rih", "mapcurves_fit"],
    "compare --moves": ["nis", "municipality", "unit", "unit_name", "from_unit", "from_unit_name", "to_unit",
                        "to_unit_name", "weight"],
    "compare --straddles": ["a", "a_name", "b", "b_name", "weight", "municipalities", "share_of_a"],
    "matrix": ["layer", "police_zone", "primary_care_zone"],
    "partners": ["nis", "name_nl", "police_zone", "primary_care_zone", "partner_count"],
    "coverage": ["unit_id", "name", "inhabitants", "inhabitants_within", "share_within", "mean_distance_km",
                 "worst_nis", "worst_name", "worst_km", "inhabitants_within_own", "share_within_own",
                 "mean_own_distance_km", "inhabitants_nearer_other"],
    "capacity": ["ariec_id", "name", "staff", "inhabitants", "municipalities", "police_zones", "staff_per_100k",
                 "inhabitants_per_staff", "municipalities_per_staff", "police_zones_per_staff", "roles_present",
                 "missing_roles", "profile_completeness", "profiles", "staff_year", "has_data"],
    "align": ["nis", "municipality", "from_unit", "to_unit", "to_unit_name", "anchor_unit", "weight", "inhabitants",
              "share", "from_unit_name", "anchor_unit_name"],
    "scenario list": ["name", "id", "kind", "parent", "source", "note", "created", "updated", "units",
                      "municipalities"],
}  # fmt: skip
"""The documented columns of every command that prints a table (README, Command line). They are the CLI's
word to scripts: a change here is a rename, which goes through a release of deprecation (CHANGELOG.md)."""
ARGS = {
    "compare": ["police_zone", "primary_care_zone"],
    "compare --units": ["police_zone", "primary_care_zone", "--units"],
    "compare --moves": ["police_zone", "primary_care_zone", "--moves"],
    "compare --straddles": ["police_zone", "primary_care_zone", "--straddles"],
    "matrix": ["--layers", "police_zone,primary_care_zone"],
    "partners": ["--layers", "police_zone,primary_care_zone"],
    "membership": ["police_zone"],
    "align": ["police_zone", "--to", "reference_region"],
}
JSON_KEYS = {
    "compare": {"units_a", "units_b", "v_measure", "alignment_cost_a_into_b", "atoms_left_out"},
    "align": {"moves", "cost_inhabitants", "cost_municipalities", "metrics"},
    "coverage --suggest 2": {"threshold_km", "greedy", "exact", "optimality_gap", "recommended", "gain_gap", "firm"},
}


def _argv(command: str, mirror: Path) -> list[str]:
    words = command.split()
    dated = [] if command in ("atoms", "scenario list") else ["--date", "2026-01-01"]
    return [*words[:1], *ARGS.get(command, words[1:]), "--mirror", str(mirror), *dated]


def test_every_table_command_keeps_its_documented_columns_in_csv_and_json(atlas: Atlas, mirror: Path) -> None:
    for command, columns in CONTRACT.items():
        argv = _argv(command, mirror)
        code, out = run(*argv)
        assert code == 0, command
        table = pd.read_csv(io.StringIO(out), dtype=str)
        assert list(table.columns)[: len(columns)] == columns, command
        assert not re.search(r"\d[eE][+-]\d", out), f"{command}: a number in scientific notation"
        dated = command != "scenario list"  # every table built from the atlas says its population year
        assert ("inhabitants_year" in table.columns) == dated, command
        assert not dated or set(table["inhabitants_year"]) == {str(atlas.population_year)}, command
        code, out = run(*argv, "--format", "json")
        rows = json.loads(out)
        if command == "compare":  # the key figures: one JSON object, a key per CSV row
            assert set(rows) == {*table["key"], "inhabitants_year"}, command
        else:
            if command == "align":  # its documented JSON body: moves as (nis, from, to)
                rows, columns = rows["moves"], ["nis", "from", "to"]
            assert code == 0 and (not rows or set(columns) <= set(rows[0])), command
        code, old = run(*argv, "--json")  # the documented shorthand stays
        assert old == out, command


def test_json_bodies_keep_their_documented_keys(atlas: Atlas, mirror: Path) -> None:
    for command, keys in JSON_KEYS.items():
        code, out = run(*_argv(command, mirror), "--json")
        body = json.loads(out)
        assert code == 0 and keys <= set(body) and body["inhabitants_year"] == atlas.population_year, command
    code, out = run("capacity", "--json", "--mirror", str(mirror))
    for row in json.loads(out):  # staff of 2025 beside inhabitants of the year in use, both named
        assert (row["staff_year"], row["inhabitants_year"]) == (2025, atlas.population_year)


def test_whole_numbers_print_as_integers(atlas: Atlas, mirror: Path) -> None:
    code, out = run("coverage", "--by", "veilig_huis", "--mirror", str(mirror))
    table = pd.read_csv(io.StringIO(out), dtype=str)
    house = table.set_index("unit_id").loc["vh-oost-vlaanderen"]
    assert house["inhabitants"] == "1544409" and house["share_within"] == "0.374677"  # not 1.54441e+06


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
    assert code == 0 and list(table.columns) == [*CONTRACT["membership"], "share", "inhabitants_year"]
    assert (table["unit_id"] == "halle-vilvoorde").sum() == 33
    assert (table["share"] == table["share_area"]).all()  # the old name, kept for one release


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


def test_align_json_has_the_moves_the_costs_and_the_metrics_and_saves(atlas: Atlas, mirror: Path, capsys) -> None:
    code, out = run("align", "police_zone", "--to", "reference_region", "--mirror", str(mirror), "--date",
                    "2026-01-01", "--json", "--save", "cli-aligned", "--replace")  # fmt: skip
    result = json.loads(out)
    assert code == 0 and {"moves", "cost_inhabitants", "cost_municipalities", "metrics"} <= set(result)
    assert result["moves"][0] == {
        "nis": "31033",
        "from": "ipz59",
        "to": "ipz55",
        "anchor_unit": "REFREG06",
        "share": 1.0,
    }
    assert result["cost_municipalities"] == len(result["moves"]) == 10
    assert result["metrics"]["nested_a_in_b"] == 1.0 and "v_measure" in result["metrics"]
    code, out = run("compare", "scenario:cli-aligned", "reference_region", "--mirror", str(mirror), "--json")
    assert code == 0 and json.loads(out)["alignment_cost_a_into_b"] == 0.0


def test_scenario_import_list_export_and_delete(
    atlas: Atlas, mirror: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    source = tmp_path / "zones.csv"
    source.write_text("nis;unit_id;unit_name\n11001;a;Noord\n11002;a;Noord\n44021;b;Gent\n", encoding="utf-8")
    code, out = run("scenario", "import", str(source), "--name", "Mijn zones", "--mirror", str(mirror), "--replace")
    assert code == 0 and "imported as scenario:Mijn zones: 2 units, 3 municipalities" in out
    code, out = run("scenario", "list", "--json")
    assert any(r["id"] == "scenario:Mijn zones" and r["kind"] == "custom" for r in json.loads(out))
    code, out = run("membership", "scenario:Mijn zones", "--mirror", str(mirror))
    assert code == 0 and pd.read_csv(io.StringIO(out), dtype=str)["nis"].tolist() == ["11001", "11002", "44021"]
    exported = tmp_path / "zones.json"
    assert run("scenario", "export", "scenario:Mijn zones", "--format", "json", "-o", str(exported))[0] == 0
    code, out = run("scenario", "import", str(exported), "--name", "Terug", "--mirror", str(mirror), "--replace")
    assert code == 0
    code, out = run("scenario", "export", "Terug")
    assert out.splitlines()[1:] == ["11001,a,Noord,1,1", "11002,a,Noord,1,1", "44021,b,Gent,1,1"]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: deleting needs --yes
    assert run("scenario", "delete", "Terug")[0] == 2
    assert run("scenario", "delete", "Terug", "--yes")[0] == 0
    assert run("scenario", "show", "Terug")[0] == 2
    assert "Nothing saved as 'scenario:Terug'" in capsys.readouterr().err
    code, out = run("scenario", "bin", "--json")  # nothing is lost: the bin has it, restore brings it back
    bin_id = next(r["bin_id"] for r in json.loads(out) if r["name"] == "Terug")
    assert run("scenario", "restore", bin_id)[0] == 0 and run("scenario", "show", "Terug")[0] == 0


def test_location_sets_are_listed_shown_and_deleted_to_the_bin(monkeypatch, capsys) -> None:
    from scales.data.store import Store

    Store().save_locations("cli-set", pd.DataFrame({"name": ["Kinrooi"], "nis": ["72018"]}), replace=True)
    code, out = run("locations", "list", "--json")
    assert code == 0 and "cli-set" in {r["name"] for r in json.loads(out)}
    assert run("locations", "show", "cli-set")[1].splitlines()[1].startswith("Kinrooi,72018")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run("locations", "delete", "cli-set")[0] == 2 and "needs --yes" in capsys.readouterr().err
    assert run("locations", "delete", "cli-set", "--yes")[0] == 0
    assert "cli-set" not in run("locations", "list")[1] and "cli-set" in run("scenario", "bin")[1]


def test_a_refused_import_exits_non_zero_naming_each_bad_value(atlas: Atlas, mirror: Path, tmp_path, capsys) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("nis,unit_id\n11001,a\n99999,a\n11001,b\n12345,c\n", encoding="utf-8")
    code, _ = run("scenario", "import", str(source), "--name", "bad", "--mirror", str(mirror))
    err = capsys.readouterr().err
    assert code == 1
    assert "line 3: unknown NIS code '99999'" in err and "line 5: unknown NIS code '12345'" in err
    assert "line 4: NIS code 11001 already appears above" in err and "not imported" in err
    assert "bad" not in json.loads(run("scenario", "list", "--json")[1]).__repr__()


def test_coverage_takes_a_saved_location_set(atlas: Atlas, mirror: Path) -> None:
    from scales.data.store import Store

    Store().save_locations("cli-set", pd.DataFrame({"name": ["Antenne Kinrooi"], "nis": ["72018"]}), replace=True)
    args = ("coverage", "--mirror", str(mirror), "--date", "2026-01-01", "--by", "veilig_huis", "--json")
    without = {r["unit_id"]: r for r in json.loads(run(*args)[1])}
    code, out = run(*args, "--location-set", "cli-set")
    with_set = {r["unit_id"]: r for r in json.loads(out)}
    assert code == 0 and with_set["vh-limburg"]["inhabitants_within"] > without["vh-limburg"]["inhabitants_within"]


def test_consensus_json_contract(atlas: Atlas) -> None:
    """`scales consensus --json`: the keys the issue names, on a province small enough to be quick."""
    code, out = run("consensus", "--within", "province=70000", "--regions", "3", "--min-inhabitants", "150000",
                    "--runs", "2", "--seed", "1", "--json")  # fmt: skip
    result = json.loads(out)
    assert code == 0
    for key in ("regions", "objective", "per_layer", "method", "runs", "spread", "lower_bound", "seconds",
                "small_municipalities", "changes", "links"):  # fmt: skip
        assert key in result, key
    assert len(result["regions"]) == 38 and len(set(result["regions"].values())) == 3
    assert {row["layer"] for row in result["per_layer"]} == {"police_zone", "primary_care_zone", "veilig_huis", "ariec",
                                                             "prosecution_area"}  # fmt: skip
    assert set(result["per_layer"][0]) >= {"into_grid", "grid_into", "counted", "cost", "units_split"}
    assert result["objective"] == sum(row["cost"] for row in result["per_layer"])
    code, out = run("consensus", "--within", "province=70000", "--curve", "2..3", "--runs", "1", "--json")
    assert code == 0 and [row["k"] for row in json.loads(out)["curve"]] == [2, 3]
