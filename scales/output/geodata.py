"""Unit polygons of any layer at full precision (not the simplified display geometry), with their
inhabitants, area and alignment class against an anchor, as GeoPackage (EPSG:31370) or GeoJSON
(EPSG:4326, as RFC 7946 asks)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import geopandas as gpd

from scales.data.atlas import Atlas
from scales.data.geometry import WEB_CRS, unit_geometry
from scales.data.layers import Layer
from scales.engine.compare import Comparator

FORMATS = {"gpkg": ("GPKG", "application/geopackage+sqlite3"), "geojson": ("GeoJSON", "application/geo+json")}


def unit_polygons(atlas: Atlas, layer: Layer, anchor: Layer | None = None) -> gpd.GeoDataFrame:
    """One full-precision polygon per unit (EPSG:31370): unit_id, name, inhabitants (by inhabitant
    share) with their year (`inhabitants_year`), area_km2 (by area share) and, with an anchor, the unit's
    four-class alignment against it."""
    pieces = atlas.pieces.get(layer.id) if atlas.builtin(layer) else None
    shapes = unit_geometry(layer.membership, atlas.atoms[["nis", "geometry"]], pieces)
    atoms = atlas.atoms.set_index("nis")
    rows = layer.membership.assign(
        people=layer.membership["nis"].map(atoms["inhabitants"].astype(float)) * layer.membership["share_inhabitants"],
        km2=layer.membership["nis"].map(atoms["area_km2"]) * layer.membership["share"],
    )
    totals = rows.groupby("unit_id")[["people", "km2"]].sum()
    frame = shapes.merge(layer.units[["unit_id", "name"]], on="unit_id", how="left")
    frame["inhabitants"] = frame["unit_id"].map(totals["people"]).round(0)
    frame["inhabitants_year"] = atlas.population_year
    frame["area_km2"] = frame["unit_id"].map(totals["km2"])
    if anchor is not None:
        classes = Comparator(atlas.atoms, atlas.borders).compare(layer, anchor, "count").units()
        frame["class_vs_" + anchor.id.replace(":", "_")] = frame["unit_id"].map(
            classes[classes["layer"] == "A"].set_index("unit_id")["class"]
        )
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=atlas.atoms.crs)


def geodata_bytes(frame: gpd.GeoDataFrame, kind: str, layer_name: str = "units") -> bytes:
    """The polygons as a GeoPackage (EPSG:31370) or GeoJSON (EPSG:4326) file."""
    driver, _ = FORMATS[kind]
    if kind == "geojson":
        buffer = io.BytesIO()
        frame.to_crs(WEB_CRS).to_file(buffer, driver=driver)
        return buffer.getvalue()
    with tempfile.TemporaryDirectory() as folder:  # GeoPackage is SQLite: written to a file, then read
        path = Path(folder) / "units.gpkg"
        frame.to_file(path, driver=driver, layer=layer_name)
        return path.read_bytes()
