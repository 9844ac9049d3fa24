"""Sector-resolution demand from small synthetic files in Statbel's layout."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from scales.analysis import coverage as cv
from scales.analysis.sectors import placed_sector_demand


def _place(folder: Path, atlas) -> None:
    """Three Aartselaar and Antwerpen sectors (codes from the mirrored sector table), one Brussels one."""
    statbel = folder / "statbel"
    statbel.mkdir(parents=True)
    codes = ["11001A00-", "11001A01-", "11002A00-", "21004A00-"]
    pd.DataFrame({"CD_REFNIS": [c[:5] for c in codes], "CD_SECTOR": codes, "TOTAL": [100, 50, 400, 999]}).to_excel(
        statbel / "OPENDATA_SECTOREN_2025.xlsx", index=False
    )
    atoms = atlas.atoms.set_index("nis")
    boxes = [
        shapely.box(
            atoms.loc[c[:5], "x"] - 50 + 10 * i,
            atoms.loc[c[:5], "y"] - 50,
            atoms.loc[c[:5], "x"] + 50,
            atoms.loc[c[:5], "y"] + 50,
        )
        for i, c in enumerate(codes)
    ]
    gpd.GeoDataFrame({"CS01012025": codes}, geometry=boxes, crs="EPSG:31370").to_file(
        statbel / "sh_statbel_statistical_sectors_31370_20250101.shp"
    )


def test_sector_demand_from_placed_files(atlas, mirror: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCALES_CACHE", str(tmp_path / "cache"))
    _place(tmp_path / "cache" / "downloads", atlas)
    demand = placed_sector_demand(atlas, mirror)
    assert demand is not None and demand.resolution == "sector"
    points = demand.points.set_index("point_id")
    assert points["weight"].to_dict() == {"11001A00-": 100, "11001A01-": 50, "11002A00-": 400}  # Brussels left out
    assert points["nis"].to_dict() == {"11001A00-": "11001", "11001A01-": "11001", "11002A00-": "11002"}
    result = cv.coverage(atlas, cv.locations(atlas), 15, demand)
    antwerp = result.points.set_index("point_id").loc["11002A00-"]
    assert antwerp["nearest_id"] == "vh-antwerpen" and antwerp["nearest_km"] == pytest.approx(0.0, abs=0.2)
    assert cv.totals(result)["inhabitants"] == 550


def test_without_placed_files_demand_stays_municipal(atlas, mirror: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCALES_CACHE", str(tmp_path))
    assert placed_sector_demand(atlas, mirror) is None
