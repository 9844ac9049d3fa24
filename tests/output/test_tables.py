"""Downloads read by people: their language, sensible rounding, and a description of the file."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from scales import __version__
from scales.engine.compare import Comparator
from scales.output.reports import csv_bytes, excel_bytes
from scales.output.tables import describe, readable

DATE = "2026-01-01"


def test_a_units_table_reads_in_dutch_with_rounded_numbers(atlas) -> None:
    police, zones = atlas.layer("police_zone", DATE), atlas.layer("primary_care_zone", DATE)
    units = Comparator(atlas.atoms, atlas.borders).compare(police, zones).units()
    shown = readable(units, "nl", {"police_zone": "Politiezone"})
    assert {"Afstemming", "Eenheid", "Aandeel in de grootste eenheid", "Code eenheid"} <= set(shown.columns)
    assert set(shown["Afstemming"]) <= {"valt samen", "ligt binnen één eenheid", "is een unie van hele eenheden",
                                         "niet afgestemd"}  # fmt: skip
    shares = shown["Aandeel in de grootste eenheid"]
    assert (shares.round(4) == shares).all() and shares.between(0, 1).all()
    assert (shown["Gewicht"] == shown["Gewicht"].round(1)).all()  # inhabitants: no 16-digit tails
    english = readable(units, "en")
    assert "Alignment" in english.columns and "misaligned" in set(english["Alignment"])


def test_no_minus_zero_and_layer_ids_become_names() -> None:
    matrix = pd.DataFrame({"layer": ["police_zone"], "police_zone": [-1e-12], "veilig_huis": [0.123456789]})
    shown = readable(matrix, "nl", {"police_zone": "Politiezone", "veilig_huis": "Veilig Huis"})
    assert list(shown.columns) == ["Laag", "Politiezone", "Veilig Huis"]
    assert shown.iloc[0].tolist() == ["Politiezone", 0.0, 0.1235] and str(shown.iloc[0, 1]) == "0.0"


def test_every_download_says_what_it_is_and_where_it_comes_from(atlas) -> None:
    about = describe(atlas, "Wie zou moeten verschuiven", "nl", DATE, [atlas.layer("police_zone", DATE)], "inhabitants")
    text = about.to_string()
    for expected in ("Wie zou moeten verschuiven", DATE, f"1 januari {atlas.population_year}", "inwoners",
                     "Politiezone (police_zone)", f"scales {__version__}", "decimale komma"):  # fmt: skip
        assert expected in text, expected
    table = pd.DataFrame({"Gemeente": ["Gent", "=cmd"], "Inwoners": [265086.0, 1.5]})
    data = csv_bytes(table, "nl", about).decode("utf-8-sig")
    lines = data.split("\r\n")
    header_at = next(i for i, line in enumerate(lines) if not line.startswith("# "))
    assert lines[0] == "# Inhoud: Wie zou moeten verschuiven" and lines[header_at] == "Gemeente;Inwoners"
    back = pd.read_csv(io.StringIO(data), sep=";", decimal=",", skiprows=header_at)
    assert back["Inwoners"].tolist() == [265086.0, 1.5] and back["Gemeente"].tolist() == ["Gent", "'=cmd"]
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes({"verschuivingen": table}, about, "Over dit bestand")))
    assert book.sheetnames == ["verschuivingen", "Over dit bestand"]
    assert book["Over dit bestand"]["B3"].value == DATE  # row 1 holds the headers


def test_the_csv_dialect_is_one_per_language() -> None:
    table = pd.DataFrame({"a": [1.5]})
    assert csv_bytes(table, "nl").decode("utf-8-sig") == "a\r\n1,5\r\n"
    assert csv_bytes(table, "en").decode("utf-8-sig") == "a\r\n1.5\r\n"


def test_key_figures_download_like_every_other_table(atlas) -> None:
    """The Vergelijk key figures: named measures, numbers that a Dutch CSV writes with a decimal comma,
    translated headers; no raw keys (`alignment_cost_a_into_b`) and no `value` header."""
    from scales.engine.compare import Comparator
    from scales.output.reports import csv_bytes
    from scales.output.tables import key_figure_table

    result = Comparator(atlas.atoms, atlas.borders).compare(
        atlas.layer("police_zone", "2026-06-01"), atlas.layer("primary_care_zone", "2026-06-01"), "inhabitants"
    )
    table = key_figure_table(result.summary(), "nl")
    assert table["value"].dtype == float and len(table) == 24  # every number; a, b and weight are in the header
    text = csv_bytes(readable(table, "nl"), "nl").decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Maat;Waarde"
    v = f"{result.summary()['v_measure']:.4f}".replace(".", ",")
    assert any(line.endswith(";" + v) for line in lines)
    assert "alignment_cost_a_into_b" not in text and "units_a" not in text and not any("0." in x for x in lines)
    assert "Eenheden in laag A;105,0" in text and "Te verschuiven;1078413,0" in text
