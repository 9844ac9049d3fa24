"""Speed of what analysts download: a region report as PDF, a workbook, a layer's GeoPackage."""

from __future__ import annotations

from scales.output.geodata import geodata_bytes, unit_polygons
from scales.output.region import find_region, region_report
from scales.output.report import report_pdf, report_workbook


def test_region_report_pdf(benchmark, atlas) -> None:
    region = find_region(atlas, "all")
    data = benchmark.pedantic(lambda: report_pdf(atlas, region_report(atlas, region), "nl"), rounds=2, iterations=1)
    assert data.startswith(b"%PDF")


def test_region_workbook(benchmark, atlas) -> None:
    report = region_report(atlas, find_region(atlas, "antwerpen"))
    assert benchmark(lambda: report_workbook(atlas, report, "nl")).startswith(b"PK")


def test_geopackage_of_the_largest_layer(benchmark, atlas) -> None:
    layer = atlas.layer("judicial_canton")
    data = benchmark.pedantic(lambda: geodata_bytes(unit_polygons(atlas, layer), "gpkg"), rounds=2, iterations=1)
    assert len(data) > 100_000
