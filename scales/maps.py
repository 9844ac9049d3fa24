"""Folium layers from the atlas' display geometry (already coverage-simplified, EPSG:4326).

The base map (municipality polygons) is built from the same cached GeoJSON on every rerun, so its
script stays identical and the browser keeps the map; overlays go into feature groups that
streamlit-folium swaps in place. Leaflet is served from `static/` so maps render offline.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping

import folium
import geopandas as gpd
import pandas as pd

LEAFLET_JS = "/app/static/leaflet/leaflet.js"
LEAFLET_CSS = "/app/static/leaflet/leaflet.css"
BELGIUM_CENTER = (50.95, 4.35)
CLASS_COLOURS = {"coterminous": "#1a9850", "nested": "#91cf60", "union": "#fee08b", "misaligned": "#d73027"}
SEQUENTIAL = ["#fff5eb", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#8c2d04"]
OUTLINE_STYLES = [
    ("#08306b", 3.5, None),
    ("#d7301f", 2.5, "6 4"),
    ("#238b45", 2.5, None),
    ("#6a51a3", 2.0, "2 4"),
    ("#b15928", 2.0, None),
    ("#e7298a", 2.0, "8 3 2 3"),
    ("#000000", 1.5, "1 3"),
    ("#1f78b4", 1.5, None),
]
POINT_STYLES = {
    "veilig_huis_locations": ("#c51b7d", 9),
    "antenna_points": ("#f1b6da", 6),
    "houses_of_justice": ("#2166ac", 6),
    "court_seats": ("#4d4d4d", 5),
}


def geojson(frame: gpd.GeoDataFrame, properties: list[str]) -> dict:
    """A GeoJSON FeatureCollection with only the given properties (text escaped for tooltips)."""
    data = json.loads(frame[[*properties, "geometry"]].to_json(drop_id=True))
    for feature in data["features"]:
        feature["properties"] = {k: html.escape(str(v)) for k, v in feature["properties"].items()}
    return data


def blank_map() -> folium.Map:
    """An OpenStreetMap base over Flanders and Brussels, Leaflet served locally (no CDN needed)."""
    fmap = folium.Map(location=BELGIUM_CENTER, zoom_start=8, tiles=None, control_scale=True)
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    folium.TileLayer("OpenStreetMap", attr="© OpenStreetMap contributors").add_to(fmap)
    return fmap


def base_map(atoms_geojson: dict, tooltip_fields: tuple[str, str]) -> folium.Map:
    """The blank map with the clickable municipality polygons (name and NIS code in the tooltip)."""
    fmap = blank_map()
    folium.GeoJson(
        atoms_geojson,
        name="municipalities",
        style_function=lambda _: {"color": "#737373", "weight": 0.6, "fillColor": "#ffffff", "fillOpacity": 0.15},
        highlight_function=lambda _: {"weight": 2.5, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "nis"], aliases=list(tooltip_fields)),
    ).add_to(fmap)
    return fmap


def outline_group(layer_geojson: dict, index: int, label: str) -> folium.FeatureGroup:
    """A layer's unit borders in the style `OUTLINE_STYLES[index]` (no fill, not clickable)."""
    colour, weight, dash = OUTLINE_STYLES[index % len(OUTLINE_STYLES)]
    group = folium.FeatureGroup(name=label)
    folium.GeoJson(
        layer_geojson,
        style_function=lambda _: {"color": colour, "weight": weight, "dashArray": dash, "fill": False},
        interactive=False,
    ).add_to(group)
    return group


def fill_group(atoms_geojson: dict, colours: Mapping[str, str], label: str) -> folium.FeatureGroup:
    """Municipalities filled with a colour per NIS code (missing: not drawn)."""
    group = folium.FeatureGroup(name=label)
    features = [f for f in atoms_geojson["features"] if f["properties"]["nis"] in colours]
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        style_function=lambda f: {
            "fillColor": colours[f["properties"]["nis"]],
            "fillOpacity": 0.65,
            "color": "#737373",
            "weight": 0.3,
        },
        interactive=False,
    ).add_to(group)
    return group


def points_group(points: gpd.GeoDataFrame, kind: str, label: str) -> folium.FeatureGroup:
    """Service locations as circle markers with an escaped tooltip (name, address, how placed)."""
    colour, radius = POINT_STYLES[kind]
    group = folium.FeatureGroup(name=label)
    for row in points.itertuples():
        text = html.escape(f"{row.name} — {row.address}") + "<br><i>" + html.escape(row.location_basis) + "</i>"
        folium.CircleMarker(
            location=(row.lat, row.lon),
            radius=radius,
            color="#ffffff",
            weight=1.5,
            fill=True,
            fill_color=colour,
            fill_opacity=0.95,
            tooltip=text,
        ).add_to(group)
    return group


def binned_colours(values: pd.Series, bins: list[float]) -> dict[str, str]:
    """NIS → colour of a sequential palette for the bin each value falls in (right-open bins)."""
    codes = pd.cut(values, bins=bins, labels=False, right=False, include_lowest=True)
    return {nis: SEQUENTIAL[int(code)] for nis, code in codes.items() if pd.notna(code)}


def clicked_nis(state: Mapping | None) -> str | None:
    """The NIS code of the municipality polygon the user clicked last, from st_folium's return value."""
    feature = (state or {}).get("last_active_drawing") or {}
    nis = (feature.get("properties") or {}).get("nis")
    return str(nis) if nis else None
