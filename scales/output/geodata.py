"""Unit polygons of any layer at full precision (not the simplified display geometry), with their
inhabitants, area and alignment class against an anchor, as GeoPackage (EPSG:31370) or GeoJSON
(EPSG:4326, as RFC 7946 asks)."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import geopandas as gpd

from scales import __version__
from scales.data.atlas import Atlas
from scales.data.geometry import WEB_CRS, unit_geometry
from scales.data.layers import Layer
from scales.engine.compare import Comparator
from scales.i18n import t

FORMATS = {"gpkg": ("GPKG", "application/geopackage+sqlite3"), "geojson": ("GeoJSON", "application/geo+json")}


def unit_polygons(atlas: Atlas, layer: Layer, anchor: Layer | None = None, lang: str | None = None) -> gpd.GeoDataFrame:
    """One full-precision polygon per unit (EPSG:31370): unit_id, name, inhabitants (by inhabitant
    share) with their year (`inhabitants_year`), area_km2 (by area share) and, with an anchor, the unit's
    four-class alignment against it (codes, or words in `lang` when given)."""
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
        codes = frame["unit_id"].map(classes[classes["layer"] == "A"].set_index("unit_id")["class"])
        frame["class_vs_" + anchor.id.replace(":", "_")] = (
            codes.map(lambda code: t(f"class_{code}", lang) if isinstance(code, str) else code) if lang else codes
        )
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=atlas.atoms.crs)


def geodata_metadata(
    atlas: Atlas, layer: Layer, date: dt.date | str, anchor: Layer | None = None, lang: str = "nl"
) -> dict[str, str]:
    """What a geodata file says about itself, in `lang`: title, description (layer, date, weight of the
    figures), source, licence, reference date, population year, confidence, anchor and product version."""
    meta = layer.meta
    title = f"{meta.name(lang)} ({layer.id})"
    about = {
        "title": title,
        "description": t(
            "geodata_description", lang, layer=meta.name(lang), date=str(date), year=atlas.population_year,
            anchor=anchor.meta.name(lang) if anchor is not None else "—",
        ),
        "source": meta.citation(lang),
        "licence": meta.licence_in(lang),
        "reference_date": str(date),
        "layer_reference_date": meta.reference_date,
        "population_year": str(atlas.population_year),
        "population_source": t("population_citation", lang, year=atlas.population_year),
        "confidence": t(f"confidence_{meta.confidence}", lang) if meta.confidence else "",
        "attribution": t("attribution", lang),
        "product_version": f"scales {__version__}",
        "created": dt.datetime.now().isoformat(timespec="seconds"),
    }  # fmt: skip
    if anchor is not None:
        about["anchor"] = f"{anchor.meta.name(lang)} ({anchor.id})"
    return about


def geodata_bytes(
    frame: gpd.GeoDataFrame, kind: str, layer_name: str = "units", metadata: dict[str, str] | None = None
) -> bytes:
    """The polygons as a GeoPackage (EPSG:31370) or GeoJSON (EPSG:4326) file; `metadata` goes inside the
    file (GeoPackage: layer description and layer metadata; GeoJSON: the description)."""
    driver, _ = FORMATS[kind]
    about = metadata or {}
    options = {"DESCRIPTION": about["description"]} if "description" in about else {}
    if kind == "geojson":
        buffer = io.BytesIO()
        frame.to_crs(WEB_CRS).to_file(buffer, driver=driver, layer=layer_name, layer_options=options)
        return buffer.getvalue()
    with tempfile.TemporaryDirectory() as folder:  # GeoPackage is SQLite: written to a file, then read
        path = Path(folder) / "units.gpkg"
        frame.to_file(
            path, driver=driver, layer=layer_name, layer_options=options, layer_metadata=about or None,
            dataset_metadata={"product_version": about["product_version"]} if about else None,
        )  # fmt: skip
        return path.read_bytes()


def pair_geopackage(atlas: Atlas, layer: Layer, anchor: Layer, date: dt.date | str, lang: str = "nl") -> bytes:
    """A layer's units with their class against another layer as a GeoPackage, described in `lang`."""
    about = geodata_metadata(atlas, layer, date, anchor, lang)
    return geodata_bytes(unit_polygons(atlas, layer, anchor, lang), "gpkg", metadata=about)
