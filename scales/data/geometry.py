"""Geometry that the layers need only for display and borders: simplification, dissolve, border lengths.

Atoms are simplified once as a coverage (`shapely.coverage_simplify`), so neighbours keep sharing
exactly the same edges; every layer is dissolved from those atoms, so unit borders coincide too.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from scales.data.layers import dominant_units

WEB_CRS = "EPSG:4326"
DISPLAY_TOLERANCE_M = 100.0
"""Coverage-simplification tolerance in metres: invisible at region zoom, keeps the map payload small."""
DISPLAY_GRID_DEG = 1e-4
"""Coordinate grid of display geometry (about 10 m, below the simplification tolerance): snapping
shared vertices keeps them shared and keeps the GeoJSON short."""
INNER_MARGIN_DEG = 5e-4
"""Borders inside a split municipality stop this far (about 50 m) from its display outline."""


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
    dominant = dominant_units(split[~split["nis"].isin(drawn)]).reset_index()
    parts.append(
        gpd.GeoDataFrame(
            dominant[["nis", "unit_id"]].assign(geometry=geometry.loc[dominant["nis"]].values), crs=atoms.crs
        )
    )
    frame = pd.concat(parts, ignore_index=True)
    # Whole (simplified) atoms form a coverage, which unions 2–7 times faster; clipped pieces might not.
    pieced = frame["unit_id"].isin(frame.loc[frame["nis"].isin(drawn), "unit_id"])
    dissolved = pd.concat(
        [
            frame[~pieced].dissolve(by="unit_id", as_index=False, method="coverage"),
            frame[pieced].dissolve(by="unit_id", as_index=False, method="unary"),
        ],
        ignore_index=True,
    ).sort_values("unit_id", ignore_index=True)[["unit_id", "geometry"]]
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


def display_edges(display: gpd.GeoDataFrame, borders: pd.DataFrame) -> gpd.GeoDataFrame:
    """Every border line of the display coverage once: between two neighbours, or on the outside (`nis_b` "")."""
    geometry = display.set_index("nis").geometry
    rims = shapely.boundary(geometry.values)
    left = shapely.boundary(geometry.loc[borders["nis_a"]].values)
    right = shapely.boundary(geometry.loc[borders["nis_b"]].values)
    shared = shapely.line_merge(_lines(shapely.intersection(left, right)))
    inner = gpd.GeoDataFrame(
        {"nis_a": borders["nis_a"].values, "nis_b": borders["nis_b"].values}, geometry=shared, crs=display.crs
    )
    touching = inner.melt(id_vars="geometry", value_vars=["nis_a", "nis_b"], value_name="nis").groupby("nis")[
        "geometry"
    ]
    used = touching.agg(lambda lines: shapely.union_all(lines.values))
    outer = shapely.difference(rims, used.reindex(geometry.index).fillna(shapely.GeometryCollection()).values)
    outside = gpd.GeoDataFrame({"nis_a": geometry.index, "nis_b": ""}, geometry=_lines(outer), crs=display.crs)
    edges = pd.concat([inner, outside], ignore_index=True)
    return edges[~edges.geometry.is_empty].reset_index(drop=True)


def _lines(geometries: np.ndarray) -> np.ndarray:
    """Keep only the line parts of each geometry (intersections of rings also yield points)."""
    parts, index = shapely.get_parts(geometries, return_index=True)
    keep = shapely.get_type_id(parts) == 1
    merged = [shapely.MultiLineString()] * len(geometries)
    for i in np.unique(index[keep]):
        merged[i] = shapely.multilinestrings(parts[keep & (index == i)])
    return np.array(merged, dtype=object)


def unit_borders(
    membership: pd.DataFrame,
    edges: gpd.GeoDataFrame,
    pieces: gpd.GeoDataFrame | None = None,
    display: gpd.GeoDataFrame | None = None,
) -> shapely.Geometry:
    """The borders of a layer's units as lines, for drawing outlines without doubled edges.

    An edge is a border when the units on its two sides differ (an atom split over units is taken
    at its dominant unit), or at the outside of the covered area; inside split atoms the borders
    between their known `pieces` (EPSG:4326) are added, simplified and kept just inside the atom.
    """
    dominant = dominant_units(membership)
    side_a = edges["nis_a"].map(dominant)
    side_b = edges["nis_b"].map(dominant)
    border = edges[(side_a != side_b) | side_a.isna() | side_b.isna()]
    border = border[~(side_a.isna() & side_b.isna())[border.index]]
    lines = [shapely.union_all(border.geometry.values)]
    if pieces is not None and display is not None:
        split = membership.loc[membership.duplicated("nis", keep=False), "nis"].unique()
        inside = shapely.buffer(display.set_index("nis").geometry.loc[split].values, -INNER_MARGIN_DEG)
        inner = shapely.intersection(
            shapely.union_all(shapely.boundary(pieces.geometry.values)), shapely.union_all(inside)
        )
        lines.append(shapely.set_precision(shapely.simplify(inner, INNER_MARGIN_DEG), DISPLAY_GRID_DEG))
    return shapely.line_merge(shapely.union_all(lines))
