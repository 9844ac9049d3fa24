"""User-supplied layer files: every bad input gets a message that says what to fix."""

from __future__ import annotations

import pytest

from scales.data.custom import MAX_BYTES, CustomLayerError, parse_custom_layer, read_custom_layer

ATOMS = {"11001", "11002", "11004"}


def test_comma_and_semicolon_files_read_the_same() -> None:
    comma = read_custom_layer(b"nis,unit_id\n11001,a\n11002,a\n11004,b\n", ATOMS)
    semicolon = read_custom_layer(b"nis;unit_id;share\n11001;a;1\n11002;a;1,0\n11004;b;1\n", ATOMS)
    assert comma.membership[["nis", "unit_id"]].equals(semicolon.membership[["nis", "unit_id"]])
    assert comma.atoms_covered() == 3


def test_windows_1252_names_survive() -> None:
    layer = read_custom_layer("nis;unit_id;unit_name\n11001;a;Zone Liège\n".encode("cp1252"), ATOMS)
    assert layer.unit_names() == {"a": "Zone Liège"}
    assert layer.not_covered == ("11002", "11004")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"nis,unit_id\n", "no rows"),
        (b"code,zone\n11001,a\n", "expected columns nis,unit_id"),
        (b"nis,unit_id\n99999,a\n", "unknown NIS code"),
        (b"nis,unit_id,share\n11001,a,0.5\n11001,a,0.5\n", "duplicate rows"),
        (b"nis,unit_id,share\n11001,a,0.5\n11001,b,0.2\n", "do not sum to 1"),
        (b"nis,unit_id,share\n11001,a,half\n", "not a number"),
        (b"x" * (MAX_BYTES + 1), "at most"),
        (b"nis,unit_id\n11001,Zone A, Oost\n", "line 2: 3 fields, not as many as the header"),
        (b"nis,unit_id\n11001, \n", "empty unit_id"),
    ],
)
def test_bad_files_are_refused_with_a_reason(content: bytes, message: str) -> None:
    with pytest.raises(CustomLayerError, match=message):
        read_custom_layer(content, ATOMS)


def test_utf16_from_excel_is_read_and_a_folder_is_named_as_such(tmp_path) -> None:
    layer = read_custom_layer("nis\tunit_id\n11001\tZone Liège\n".encode("utf-16"), ATOMS)
    assert layer.unit_names() == {"Zone Liège": "Zone Liège"}
    with pytest.raises(CustomLayerError, match="is a folder"):
        read_custom_layer(tmp_path, ATOMS)


def test_a_users_layer_never_enters_the_shared_geometry_cache(atlas) -> None:
    rows = atlas.layer("police_zone").membership[["nis", "unit_id"]].to_csv(index=False).encode()
    mine = read_custom_layer(rows, set(atlas.atoms["nis"]), name="primary_care_zone.csv")  # a built-in id
    before = len(atlas._geometry_cache)
    shapes = atlas.geometry(mine)
    assert len(atlas._geometry_cache) == before
    assert set(shapes["unit_id"]) == set(mine.units["unit_id"])  # its own units, not the built-in sub-zones
    assert not atlas.builtin(mine) and atlas.builtin(atlas.layer("primary_care_zone"))


def test_a_lenient_read_keeps_the_valid_rows_and_names_each_bad_one() -> None:
    content = b"nis;unit_id;share\n11001;a;1\n99999;a;1\n11002;;1\n11004;b;twee\n11001;a;1\n"
    parsed = parse_custom_layer(content, ATOMS | {"11005"}, name="zones.csv")
    assert parsed.layer is not None and list(parsed.layer.membership["nis"]) == ["11001"]
    texts = [p.text("en") for p in parsed.problems]
    assert texts == [
        "zones.csv, line 3: unknown NIS code '99999' (none of the 304 municipalities of 2025).",
        "zones.csv, line 4 (11002): empty unit_id.",
        "zones.csv, line 5: share 'twee' is not a number between 0 and 1.",
        "zones.csv, line 6: NIS code 11001 already appears above (duplicate rows); give shares if a municipality "
        "is split over units.",
    ]
    notes = [p.text("nl") for p in parsed.notes]
    assert notes[0] == "zones.csv gelezen als UTF-8, scheidingsteken ';'."
    assert notes[1] == "zones.csv laat 3 gemeenten weg (zij tellen niet mee): 11002, 11004, 11005."


def test_windows_1252_and_tab_delimiters_are_detected_and_said() -> None:
    parsed = parse_custom_layer("nis\tunit_id\n11001\tLiège\n".encode("cp1252"), ATOMS, name="z.txt")
    assert parsed.notes[0].text("en") == "z.txt read as Windows-1252, delimiter 'tab'."
    assert parsed.layer.unit_names() == {"Liège": "Liège"}


def test_a_file_with_no_valid_row_gives_no_layer_but_every_reason() -> None:
    parsed = parse_custom_layer(b"nis,unit_id\n99998,a\n99999,b\n", ATOMS, name="z.csv")
    assert parsed.layer is None and [p.values["value"] for p in parsed.problems] == ["99998", "99999"]
