"""The region report as a minister's office reads it: pages rendered to images (pdftoppm) and their text
(pdftotext) checked for a summary, page numbers, one language and no machine paths; the workbook's
formats and the GeoPackage's own description read back."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pyogrio
import pytest
from matplotlib import image

from scales.output.geodata import geodata_bytes, geodata_metadata, unit_polygons
from scales.output.region import find_region, region_report
from scales.output.report import report_pdf, report_workbook
from scales.output.staticmap import MAP_LAYERS, map_labels, scale_bar_km
from scales.output.summary import share, summary

DATE = "2026-06-01"
ENGLISH = [" the ", " of the ", " and ", "published", "inferred", "licence", "Statbel open data", "True", "False",
           "information_manager", "administrative_support", "would", "layer_a", "anchor"]  # fmt: skip
DUTCH = ["gepubliceerd", "afgeleid", "inwoners", "tegenover", "pagina", "licentie", "Eenheid", "gemeenten"]


def _poppler(tool: str) -> str:
    """The poppler tool's path; CI installs poppler-utils (`.ci/run`), so there a missing tool fails."""
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI") or os.environ.get("SCALES_E2E"):
            pytest.fail(f"{tool} is missing: install Debian's poppler-utils")
        pytest.skip(f"{tool} is not installed")
    return found


@pytest.fixture(scope="module")
def antwerpen(atlas):
    return region_report(atlas, find_region(atlas, "Antwerpen", DATE), DATE)


@pytest.fixture(scope="module")
def pages(atlas, antwerpen, tmp_path_factory) -> dict[str, list[str]]:
    """The Dutch and English PDF as text per page (pdftotext), each also rendered to PNG (pdftoppm)."""
    folder = tmp_path_factory.mktemp("pdf")
    texts = {}
    for lang in ("nl", "en"):
        path = folder / f"antwerpen-{lang}.pdf"
        path.write_bytes(report_pdf(atlas, antwerpen, lang))
        subprocess.run([_poppler("pdftoppm"), "-r", "30", "-png", str(path), str(folder / lang)], check=True)
        text = subprocess.run(
            [_poppler("pdftotext"), "-layout", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
        texts[lang] = text.split("\f")[:-1]
        assert len(sorted(folder.glob(f"{lang}-*.png"))) == len(texts[lang])  # every page renders
    texts["folder"] = [str(folder)]
    return texts


def test_the_first_page_says_in_words_what_the_figures_mean(pages, atlas, antwerpen) -> None:
    first = " ".join(pages["nl"][0].split())
    assert "Samenvatting" in first and "Schaalmismatch in Antwerpen" in first
    for line in summary(atlas, antwerpen, "nl"):
        assert " ".join(line.split())[:60] in first
    assert "8 van de 22 politiezones liggen over de grens van een eerstelijnszone" in first
    assert "553.008 inwoners van eenheid moeten veranderen (30 % van de regio)" in first
    assert "verhuizen" not in first


def test_every_page_has_its_number_print_date_and_version(pages) -> None:
    for lang, word in (("nl", "pagina {} van {}"), ("en", "page {} of {}")):
        count = len(pages[lang])
        assert count >= 5
        for number, text in enumerate(pages[lang], start=1):
            assert word.format(number, count) in text and "scales 0." in text


def test_every_word_is_in_the_reports_language_and_no_path_leaks(pages, mirror) -> None:
    dutch, english = " ".join(pages["nl"]), " ".join(pages["en"])
    for word in ENGLISH:
        assert word not in dutch, word
    for word in DUTCH:
        assert word not in english, word
    machine = [str(mirror), str(Path.home()), str(Path(__file__).parents[2]), pages["folder"][0], "data/", ".csv"]
    for text in (dutch, english):
        assert not [path for path in machine if path in text]
        assert not re.search(r"0,\d{3}\b", dutch)  # shares are percentages, distances 0,1 km: no 0,453


def test_the_map_page_shows_a_map(pages) -> None:
    """Page 2 holds the map: far more ink than a page of text, and its legend and source line."""
    folder = Path(pages["folder"][0])
    picture = image.imread(sorted(folder.glob("nl-*.png"))[1])
    assert (picture[..., :3].mean(axis=2) < 0.9).mean() > 0.15
    assert "Politiezone" in pages["nl"][1] or "Kaart" in pages["nl"][1]


def test_the_map_names_units_it_can_name_and_has_a_true_scale(atlas, antwerpen) -> None:
    layer_id, labels = map_labels(atlas, antwerpen, MAP_LAYERS)
    assert layer_id == "police_zone" and len(labels) == 22 and "PZ Antwerpen" in set(labels["name"])
    region = atlas.atoms[atlas.atoms["nis"].isin(antwerpen.region.nis)].union_all().buffer(1)
    assert labels.geometry.within(region).all()  # each name sits inside the region
    everything = region_report(atlas, find_region(atlas, "all", DATE), DATE)
    assert map_labels(atlas, everything, MAP_LAYERS)[0] == "judicial_arrondissement"  # 105 zones: too many
    assert [scale_bar_km(w) for w in (4_000, 60_000, 260_000)] == [1, 10, 50]


def test_small_shares_keep_a_decimal() -> None:
    assert [share(v, "nl") for v in (0.0029, 0.044, 0.3, 0.0)] == ["0,3 %", "4,4 %", "30 %", "0 %"]


def test_the_workbook_is_formatted_for_reading(atlas, antwerpen) -> None:
    book = openpyxl.load_workbook(io.BytesIO(report_workbook(atlas, antwerpen, "nl")))
    assert book.properties.title == "Schaalmismatch in Antwerpen" and book.properties.creator.startswith("scales ")
    first = book.worksheets[0]
    assert first["A1"].value == "Schaalmismatch in Antwerpen" and first["A1"].font.bold
    header_row = next(r for r in range(1, 30) if first.cell(r, 1).value == "Laag")
    assert first.freeze_panes == f"A{header_row + 1}"
    values = {cell.value: cell for cell in first[header_row]}
    assert "Eenheden genest (aandeel eenheden)" in values
    nested = first.cell(header_row + 1, 4)
    assert nested.number_format == "0%" and 0 <= nested.value <= 1
    for sheet in book.worksheets:
        texts = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
        assert not texts & {"True", "False", "layer_a", "layer_b", "anchor", "jurist,information_manager"}
        assert not any("information_manager" in t_ or "administrative_support" in t_ for t_ in texts)
        assert sheet.freeze_panes is not None
        assert all((sheet.column_dimensions[c].width or 0) >= 8 for c in "AB")
    moves = book["Wie van eenheid verandert"]
    assert [c.value for c in moves[1]][:2] == ["Laag", "Tegenover"]
    weight = [c for c in moves[1] if c.value == "Gewicht"][0].column_letter
    assert moves[f"{weight}2"].number_format == "#,##0"
    coverage = book["Bereik van de Veilige Huizen"]
    shares = [c for c in coverage[1] if c.value == "Aandeel (eigen Veilig Huis)"][0].column_letter
    assert coverage[f"{shares}2"].number_format == "0%"


def test_the_geopackage_describes_itself_in_the_chosen_language(atlas) -> None:
    layer, anchor = atlas.layer("police_zone", DATE), atlas.layer("judicial_arrondissement", DATE)
    data = geodata_bytes(
        unit_polygons(atlas, layer, anchor, "nl"), "gpkg", metadata=geodata_metadata(atlas, layer, DATE, anchor, "nl")
    )
    info = pyogrio.read_info(io.BytesIO(data))
    about = info["layer_metadata"]
    assert about["reference_date"] == DATE and about["population_year"] == str(atlas.population_year)
    assert about["licence"].startswith("Open-datalicentie van Statbel")
    assert about["product_version"].startswith("scales")
    assert "Provincies in Cijfers" in about["source"] and "data/" not in about["source"]
    assert "Eenheden van Politiezone op 2026-06-01" in about["DESCRIPTION"]
    frame = pyogrio.read_dataframe(io.BytesIO(data))
    assert set(frame["class_vs_judicial_arrondissement"]) == {"ligt binnen één eenheid"}  # every zone in one
