"""Region reports, workbooks and geometry exports: contents checked by reading the files back."""

from __future__ import annotations

import io

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from scales.data.custom import read_custom_layer
from scales.engine.compare import Comparator
from scales.output.geodata import geodata_bytes, unit_polygons
from scales.output.region import find_region, region_report
from scales.output.report import _html_table, pair_workbook, report_html, report_pdf, report_workbook


@pytest.fixture(scope="module")
def leuven(atlas):
    return region_report(atlas, find_region(atlas, "leuven", "2026-06-01"), "2026-06-01")


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_has_its_sections_and_figures_in_both_languages(atlas, leuven) -> None:
    dutch = _pdf_text(report_pdf(atlas, leuven, "nl"))
    for text in (
        "Schaalmismatch in Leuven",
        "Kerncijfers",
        "Politiezone tegenover Eerstelijnszone",
        "Druivenstreek",
        "Bereik van de Veilige Huizen",
        "ARIEC Leuven",
        "Bronnen, licenties en zekerheid",
        "2026-06-01",
    ):
        assert text in dutch, text  # fmt: skip
    english = _pdf_text(report_pdf(atlas, leuven, "en"))
    assert "Scale mismatch in Leuven" in english and "Key figures" in english and "Kerncijfers" not in english


def test_region_figures_are_the_engines(atlas) -> None:
    everything = region_report(atlas, find_region(atlas, "all"), "2026-06-01")
    engine = Comparator(atlas.atoms, atlas.borders).compare(
        atlas.layer("police_zone", "2026-06-01"), atlas.layer("primary_care_zone", "2026-06-01"), "inhabitants"
    )
    first = everything.pairs[0]
    assert (first.a, first.b) == ("police_zone", "primary_care_zone")
    assert first.summary["alignment_cost"] == pytest.approx(engine.summary()["alignment_cost_a_into_b"])
    assert first.summary["crossing"] == engine.summary()["split_units_a"] and first.summary["units"] == 105
    book = openpyxl.load_workbook(io.BytesIO(report_workbook(atlas, everything, "nl")))
    assert book.sheetnames[:3] == ["Kerncijfers", "Eenheden over een grens", "Wie van eenheid verandert"]
    headers = next(book["Wie van eenheid verandert"].iter_rows(values_only=True))
    assert {"Gemeente", "Nu in", "Naar", "Gewicht"} <= set(headers)  # Dutch headers in Dutch mode
    sheet = book["Kerncijfers"]
    cost = [row for row in sheet.iter_rows(values_only=True) if str(row[0]).startswith("Politiezone tegenover Eerst")][
        0
    ][4]
    assert isinstance(cost, float | int) and cost == pytest.approx(round(first.summary["alignment_cost"]))


def test_the_geopackage_reads_back_with_the_layers_areas(atlas) -> None:
    layer = atlas.layer("police_zone", "2026-06-01")
    frame = unit_polygons(atlas, layer, atlas.layer("prosecution_area", "2026-06-01"))
    back = gpd.read_file(io.BytesIO(geodata_bytes(frame, "gpkg")))
    assert len(back) == 105 and back.crs.to_epsg() == 31370
    assert back.geometry.area.sum() / 1e6 == pytest.approx(atlas.atoms["area_km2"].sum(), rel=1e-6)
    assert (back.geometry.area / 1e6 - back["area_km2"]).abs().max() < 0.01  # polygons match the membership
    assert set(back["class_vs_prosecution_area"]) == {"nested"}  # every police zone lies in one parket
    assert set(back["inhabitants_year"]) == {atlas.population_year}  # the inhabitants say which year they are
    web = gpd.read_file(io.BytesIO(geodata_bytes(frame, "geojson")))
    assert web.crs.to_epsg() == 4326 and len(web) == 105


def test_user_names_cannot_run_or_inject(atlas) -> None:
    rows = "nis,unit_id,unit_name\n" + "\n".join(f'{nis},z,=HYPERLINK("x") <script>' for nis in atlas.atoms["nis"])
    mine = read_custom_layer(rows.encode(), set(atlas.atoms["nis"]), name="zones.csv")
    result = Comparator(atlas.atoms, atlas.borders).compare(mine, atlas.layer("police_zone"), "count")
    book = openpyxl.load_workbook(io.BytesIO(pair_workbook(atlas, result, lang="en")))
    names = [c.value for c in book["Per unit"]["D"] if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert names and all(n.startswith("'=") for n in names)
    cell = _html_table(pd.DataFrame({"name": ['<script>alert(1)</script> & "x"']}), "en")
    assert "<script>" not in cell and "&lt;script&gt;" in cell


def test_html_report_is_self_contained(atlas, leuven) -> None:
    text = report_html(atlas, leuven, "nl")
    assert (
        text.startswith("<!doctype html>")
        and "data:image/png;base64," in text
        and "http" not in text.split("<body>")[0]
    )


def test_a_region_report_lists_only_the_ariec_teams_serving_it(atlas, leuven) -> None:
    """Leuven's arrondissement is served by ARIEC Leuven alone (one team per arrondissement, SBV 2025 §4.3)."""
    assert leuven.capacity["ariec_id"].tolist() == ["leuven"]
    assert leuven.coverage["unit_id"].tolist() == ["vh-oost-brabant"]


def test_pdf_cells_read_as_the_page_reads_them(atlas, leuven) -> None:
    """V-measures with two decimals (Dutch comma), shares as percentages, distances to 0,1 km."""
    text = _pdf_text(report_pdf(atlas, leuven, "nl"))
    pair = next(p for p in leuven.pairs if p.a == "police_zone")
    assert f"{pair.summary['v_measure']:.2f}".replace(".", ",") in text
    assert f"{round(100 * pair.summary['nested_share'])} %" in text
    own = leuven.coverage.iloc[0]["mean_own_distance_km"]
    assert f"{own:.1f}".replace(".", ",") in text and f"{own:.3f}".replace(".", ",") not in text


def test_the_dutch_report_holds_no_machine_path_nor_english_note(atlas, leuven, mirror) -> None:
    """The sources table states the population year in the report's language; a machine's folders (the
    mirror, the cache) never appear, and shares of units are named as such."""
    dutch = _pdf_text(report_pdf(atlas, leuven, "nl"))
    assert str(mirror) not in dutch and "is not in the mirror" not in dutch and "/work/" not in dutch
    assert "Eenheden genest (aandeel\neenheden)" in dutch and "Genest\n" not in dutch  # a wrapped header cell
    assert "zouden moeten verhuizen" not in dutch.lower() and "van eenheid veranderen" in dutch
    sources = leuven.sources.set_index("layer_en")
    assert sources.loc["Inhabitants", "reference_date"] == f"{atlas.population_year}-01-01"
    if atlas.population_note:  # the fallback is said in Dutch, without the note's path
        assert sources.loc["Inhabitants", "doubts"].startswith("Het nieuwere Statbel-bevolkingsbestand")
