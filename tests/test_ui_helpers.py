"""Pure helpers behind the pages: translations, number formats, exports, GeoJSON and click parsing."""

from __future__ import annotations

import csv
import io
import threading
from concurrent.futures import ThreadPoolExecutor

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
import shapely

from scales.dashboard import maps
from scales.i18n import METRIC_TEXTS, TEXTS, number, percent
from scales.output.reports import csv_bytes, excel_bytes, neutralise


def test_every_text_exists_in_both_languages() -> None:
    for table in (TEXTS, METRIC_TEXTS):
        for key, entry in table.items():
            assert set(entry) == {"nl", "en"} and all(entry.values()), key


def test_numbers_follow_the_language() -> None:
    assert number(974888.68, "nl") == "974.889" and number(974888.68, "en") == "974,889"
    assert number(0.8614, "nl", 2) == "0,86" and percent(0.6476, "en") == "65 %"
    assert number(-0.001, "nl", 2) == "0,00" and number(-0.0, "en") == "0" and number(-1.5, "nl", 1) == "-1,5"


def test_csv_is_excel_friendly_and_formula_safe() -> None:
    frame = pd.DataFrame({"name": ["=cmd|' /C calc'!A0", "Liège"], "value": [0.5, 1.25]})
    text = csv_bytes(frame, "nl").decode("utf-8-sig")
    assert text.split("\r\n") == ["name;value", "'=cmd|' /C calc'!A0;0,5", "Liège;1,25", ""]
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes({"t": frame})))
    assert book["t"]["A2"].value == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("Zone A\r=10*10", "Zone A\r'=10*10"),
        ("a\n+1\r\n-2", "a\n'+1\r\n'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("a\r\r=1", "a\r'\r'=1"),
        ("Sint-Niklaas", "Sint-Niklaas"),
    ],
)
def test_a_formula_is_neutralised_wherever_a_cell_could_start(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_a_carriage_return_cannot_start_a_new_csv_row() -> None:
    frame = pd.DataFrame({"name": ["Zone A\r=10*10", "B"], "value": [-1.5, 2.0]})
    rows = list(csv.reader(io.StringIO(csv_bytes(frame, "nl").decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows == [["name", "value"], ["Zone A\r'=10*10", "-1,5"], ["B", "2,0"]]  # numbers stay numbers


def test_geojson_escapes_user_text() -> None:
    frame = gpd.GeoDataFrame(
        {"nis": ["11001"], "name": ["<script>x</script>"]}, geometry=[shapely.box(4, 51, 4.1, 51.1)], crs=4326
    )
    text = maps.feature_collection(frame, ["nis", "name"])
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_a_layer_spec_is_keyed_by_its_content() -> None:
    """The browser keeps a drawn layer whose key it has seen: same content, same key; any change, a new one."""
    one = maps.fill_layer("/app/static/generated/m.geojson", {"11001": "#000040"}, "changes")
    assert one == maps.fill_layer("/app/static/generated/m.geojson", {"11001": "#000040"}, "changes")
    assert one["url"] == "/app/static/generated/m.geojson" and "data" not in one  # a published file travels once
    assert one["pane"] == maps.FILLS_PANE and one["fill_key"] == "nis" and "tooltip" not in one  # under the clicks
    other = maps.fill_layer("/app/static/generated/m.geojson", {"11001": "#2166ac"}, "changes")
    assert other["key"] != one["key"]
    inline = maps.highlight_layer('{"type":"FeatureCollection","features":[]}')
    assert inline["data"].startswith('{"type"') and "url" not in inline
    base = maps.municipalities_layer("/app/static/generated/m.geojson", "NIS")
    assert base["clickable"] and base["interactive"] and base["tooltip"] == "NIS"
    borders = [maps.outline_layer("/b.geojson", i, "police_zone")["style"] for i in range(len(maps.OUTLINE_STYLES))]
    assert len({(s["color"], s["dashArray"]) for s in borders}) == len(maps.OUTLINE_STYLES)  # told apart by position


def _publish_at(start: threading.Barrier, text: str, folder) -> str:
    start.wait()  # every session publishes in the same instant
    return maps.publish(text, "same", folder, "/s")


def test_sessions_publishing_the_same_file_at_once_all_get_its_url_and_whole_content(tmp_path) -> None:
    """Two sessions drawing the same new map publish the same file at the same moment; with one shared temporary
    name, one session's rename took the other's half-written file away (it embedded the data instead)."""
    text = '{"type":"FeatureCollection","features":[' + ",".join(['{"type":"Feature"}'] * 200_000) + "]}"
    sessions = 6
    for round_ in range(10):
        folder = tmp_path / str(round_)
        with ThreadPoolExecutor(sessions) as pool:
            urls = set(pool.map(_publish_at, [threading.Barrier(sessions)] * sessions, [text] * sessions,
                                [folder] * sessions))  # fmt: skip
        assert len(urls) == 1 and next(iter(urls)).startswith("/s/same-")
        name = next(iter(urls)).rsplit("/", 1)[1]
        assert [p.name for p in folder.iterdir()] == [name]  # no temporary file left behind
        assert (folder / name).read_text(encoding="utf-8") == text


def test_a_publish_that_cannot_finish_embeds_the_data_and_leaves_no_file(tmp_path, monkeypatch) -> None:
    def full_disk(*_args) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("scales.dashboard.maps.os.replace", full_disk)
    assert maps.publish("{}", "x", tmp_path, "/s") == "{}"
    assert list(tmp_path.iterdir()) == []


def test_published_geojson_is_written_once_and_falls_back_when_read_only(tmp_path) -> None:
    url = maps.publish('{"type":"FeatureCollection","features":[]}', "x", tmp_path, "/app/static/generated")
    assert url.startswith("/app/static/generated/x-") and len(list(tmp_path.iterdir())) == 1
    assert (
        maps.publish('{"type":"FeatureCollection","features":[]}', "x", tmp_path, "/s") == "/s/" + url.rsplit("/", 1)[1]
    )
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert maps.publish("{}", "y", blocked, "/s") == "{}"
