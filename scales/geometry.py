"""Geometry that the layers need only for display and borders: simplification, dissolve, border lengths.

Atoms are simplified once as a coverage (`shapely.coverage_simplify`), so neighbours keep sharing
exactly the same edges; every layer is dissolved from those atoms, so unit borders coincide too.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

WEB_CRS = "EPSG:4326"
DISPLAY_TOLERANCE_M = 60.0
"""Coverage-simplification tolerance in metres: invisible at region zoom, keeps the map payload small."""
DISPLAY_GRID_DEG = 1e-5
"""Coordinate grid of display geometry (about 1 m): snapping shared vertices keeps them shared."""


def simplify_coverage(frame: gpd.GeoDataFrame, tolerance: float = DISPLAY_TOLERANCE_M) -> gpd.GeoDataFrame:
    """A copy of a polygon coverage simplified as a whole (shared edges stay shared)."""
    simplified = shapely.coverage_simplify(frame.geometry.values, tolerance)
    return frame.set_geometry(gpd.GeoSeries(simplified, index=frame.index, crs=frame.crs))


def unit_geometry(
    membership: pd.DataFrame,
    atoms: gpd.GeoDataFrame,
    pieces: gpd.GeoDataFrame | None = None,
) -> gpd.GeoDataFrame:
    """One polygon per unit, dissolved from (simplified) atoms in the atoms' CRS.

    An atom split over several units is drawn from its sub-municipal `pieces` when known; without
    pieces (e.g. a custom layer with fractional shares) it is drawn in its dominant unit.
    """
    shares = membership.groupby("nis")["unit_id"].transform("size")
    whole = membership[shares == 1][["nis", "unit_id"]]
    split = membership[shares > 1]
    geometry = atoms.set_index("nis").geometry
    parts = [gpd.GeoDataFrame(whole.assign(geometry=geometry.loc[whole["nis"]].values), crs=atoms.crs)]
    drawn = set()
    if pieces is not None and not split.empty:
        known = pieces[pieces["nis"].isin(split["nis"])]
        for nis, group in known.groupby("nis"):
            clipped = group.geometry.intersection(geometry.loc[nis])
            rest = shapely.difference(geometry.loc[nis], shapely.union_all(clipped.values))
            biggest = int(np.argmax(shapely.area(clipped.values)))
            clipped.iloc[biggest] = shapely.union(clipped.iloc[biggest], rest)
            parts.append(
                gpd.GeoDataFrame(
                    {"nis": nis, "unit_id": group["unit_id"].values}, geometry=clipped.values, crs=atoms.crs
                )
            )
            drawn.add(nis)
    dominant = split[~split["nis"].isin(drawn)].sort_values("share").drop_duplicates("nis", keep="last")
    parts.append(
        gpd.GeoDataFrame(
            dominant[["nis", "unit_id"]].assign(geometry=geometry.loc[dominant["nis"]].values), crs=atoms.crs
        )
    )
    frame = pd.concat(parts, ignore_index=True)
    dissolved = frame.dissolve(by="unit_id", as_index=False)[["unit_id", "geometry"]]
    dissolved["geometry"] = shapely.make_valid(dissolved.geometry.values, method="structure", keep_collapsed=False)
    return dissolved


def shared_borders(atoms: gpd.GeoDataFrame) -> pd.DataFrame:
    """Length in metres of the border shared by every pair of neighbouring atoms (`nis_a < nis_b`)."""
    pairs = gpd.sjoin(atoms[["nis", "geometry"]], atoms[["nis", "geometry"]], predicate="intersects")
    pairs = pairs[pairs["nis_left"] < pairs["nis_right"]]
    geometry = atoms.set_index("nis").geometry
    left = shapely.boundary(geometry.loc[pairs["nis_left"]].values)
    right = shapely.boundary(geometry.loc[pairs["nis_right"]].values)
    length = shapely.length(shapely.intersection(left, right))
    borders = pd.DataFrame({"nis_a": pairs["nis_left"].values, "nis_b": pairs["nis_right"].values, "length_m": length})
    return borders[borders["length_m"] > 0].reset_index(drop=True)
