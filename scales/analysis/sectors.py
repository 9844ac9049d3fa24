"""Demand at statistical-sector resolution: Statbel's population per sector at each sector's interior
point, when the user has placed the sector population and sector boundaries in `statbel/` (see
`scales.data.sources.PLACED_STATBEL`). Sectors are placed in their 2025 municipality through the
mirrored sector table, so split municipalities and every layer work as at municipal resolution."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from scales.analysis.coverage import Demand
from scales.data.atlas import Atlas
from scales.data.atoms import CRS_METRIC
from scales.data.sources import placed_statbel, registry, resolve
from scales.data.subzones import read_sectors
from scales.data.validate import FLEMISH_REGION
from scales.problems import data_error

SECTOR_CODES = ("CD_SECTOR", "cd_sector", "CS01012025", "CS01012024", "CS01012020", "statsec")
"""Column names Statbel has used for the sector code (population files and boundary files)."""
POPULATIONS = ("TOTAL", "MS_POPULATION", "POPULATION", "total", "population")


def _column(columns, candidates: tuple[str, ...], path: Path, what: str) -> str:
    found = next((c for c in candidates if c in columns), None)
    if found is None:
        raise data_error(path.name, f"no {what} column (expected one of {', '.join(candidates)})")
    return found


def read_sector_population(path: Path) -> pd.Series:
    """Sector code → inhabitants from a Statbel sector population file (xlsx, or pipe/semicolon text)."""
    if path.suffix.lower() in (".xlsx", ".xls"):
        table = pd.read_excel(path, dtype=str, engine="calamine")
    else:
        table = pd.read_csv(path, sep=None, engine="python", dtype=str)
    code = _column(table.columns, SECTOR_CODES, path, "sector code")
    people = _column(table.columns, POPULATIONS, path, "population")
    counts = pd.to_numeric(table[people], errors="coerce")
    return counts.groupby(table[code].str.strip()).sum()


def read_sector_points(path: Path) -> pd.DataFrame:
    """Sector code → interior point (x, y in EPSG:31370) from Statbel's sector boundaries (zip or shp)."""
    shapes = gpd.read_file(path).to_crs(CRS_METRIC)
    code = _column(shapes.columns, SECTOR_CODES, path, "sector code")
    points = shapes.geometry.representative_point()
    return pd.DataFrame({"sector": shapes[code].astype(str).str.strip(), "x": points.x, "y": points.y})


def sector_demand(atlas: Atlas, population: Path, boundaries: Path, sectors: pd.DataFrame) -> Demand:
    """Flemish sectors with inhabitants at their interior points, placed in their 2025 municipality."""
    people = read_sector_population(population).rename("weight")
    points = read_sector_points(boundaries).merge(people, left_on="sector", right_index=True)
    municipality = sectors.drop_duplicates("statsec").set_index("statsec")["gemeente"].astype(str)
    points["nis"] = points["sector"].map(municipality)
    flemish = set(atlas.atoms.loc[atlas.atoms["region_nis"] == FLEMISH_REGION, "nis"])
    points = points[points["nis"].isin(flemish) & points["weight"].gt(0)]
    frame = points.rename(columns={"sector": "point_id"})[["point_id", "nis", "x", "y", "weight"]]
    basis = f"Statbel population per statistical sector ({population.name}) at each sector's interior point"
    return Demand(frame.reset_index(drop=True), "sector", basis)


def placed_sector_demand(atlas: Atlas, mirror: str | Path | None = None) -> Demand | None:
    """Sector demand when both Statbel sector files are present in `statbel/`, else None (municipal)."""
    population, boundaries = placed_statbel("sector_population", mirror), placed_statbel("sector_boundaries", mirror)
    if not population or not boundaries:
        return None
    sectors = read_sectors(resolve(registry()["sector_table"], mirror))
    return sector_demand(atlas, population[-1], boundaries[-1], sectors)
