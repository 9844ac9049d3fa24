"""Map layers for the dashboard, from the atlas' display geometry (coverage-simplified, EPSG:4326), and
the palettes that colour them.

A layer is a plain JSON spec that `leaflet.show_map` hands to the browser. GeoJSON is serialised once
(compact, 4 decimals); large, shared files (municipalities, borders) are published as static files and
travel once, while small overlays ride inline. A spec's key follows its content, so the browser keeps
what did not change between reruns. Leaflet is served from `static/`, so maps render without internet
(tiles excepted).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from scales.data.layers import dominant_units
from scales.i18n import basis_text

STATIC_URL = "/app/static"
GENERATED = "generated"
"""Sub-folder of `static/` for published GeoJSON (git-ignored, rebuilt on demand)."""
FLANDERS_BOUNDS = [[50.68, 2.54], [51.51, 5.92]]
CLASS_COLOURS = {"coterminous": "#2166ac", "nested": "#92c5de", "union": "#fdb863", "misaligned": "#b35806"}
"""Blue (aligned) to orange (misaligned), ColorBrewer RdBu/PuOr hues: apart for every colour vision."""
SEQUENTIAL = ["#fff5eb", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#8c2d04"]
OUTLINE_STYLES = [
    ("#08306b", 4.5, None),
    ("#d7301f", 3.4, "6 4"),
    ("#238b45", 2.4, None),
    ("#6a51a3", 1.8, "2 4"),
    ("#b15928", 1.4, "10 3"),
    ("#e7298a", 1.1, "8 3 2 3"),
    ("#000000", 0.9, "1 3"),
    ("#1f78b4", 0.7, "4 2 1 2"),
]
"""Border styles by drawing position: two lines of close colour (for any colour vision) never share a dash
pattern, and each line is thinner than the one drawn before it, so where borders coincide every one of them
still shows (the lower ones as bands either side of the upper)."""
POINT_STYLES = {
    "veilig_huis_locations": ("#c51b7d", 9),
    "antenna_points": ("#f1b6da", 6),
    "houses_of_justice": ("#2166ac", 6),
    "court_seats": ("#4d4d4d", 5),
    "uploaded": ("#1b7837", 7),
    "suggested": ("#ffd700", 9),
}


def feature_collection(frame: gpd.GeoDataFrame, properties: list[str], markup: tuple[str, ...] = ()) -> str:
    """Compact GeoJSON text with only the given properties, HTML-escaped (they end up in tooltips), but for
    the `markup` ones, which the product made itself from escaped parts (e.g. links)."""

    def text(row, p: str) -> str:
        return str(row[p]) if p in markup else html.escape(str(row[p]))

    features = [
        f'{{"type":"Feature","properties":{json.dumps({p: text(row, p) for p in properties})},"geometry":{geometry}}}'
        for (_, row), geometry in zip(frame.iterrows(), shapely.to_geojson(frame.geometry.values), strict=True)
    ]
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def publish(text: str, name: str, folder: Path, url_prefix: str, suffix: str = ".geojson") -> str:
    """Write GeoJSON (or other) text once under a content-hashed name in a statically served folder; its URL.

    Large data then travels once, as a file the browser fetches and keeps, instead of inside the map's
    data, which Streamlit re-sends on every rerun. Returns the text itself when the folder cannot be
    written (the map still works, only slower).
    """
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    target = folder / f"{name}-{digest}{suffix}"
    try:
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(suffix=".tmp", dir=folder)  # its own: sessions may publish at once
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text)
                os.chmod(temporary, 0o644)  # served as a static file, like the rest of static/
                os.replace(temporary, target)
            except OSError:
                os.unlink(temporary)  # a failed write (a full disk) leaves nothing behind
                raise
    except OSError:
        return text
    return f"{url_prefix}/{target.name}"


def lines_geojson(lines: shapely.Geometry) -> str:
    """Compact GeoJSON text of one (multi)line geometry, as a feature collection of one feature."""
    feature = f'{{"type":"Feature","properties":{{}},"geometry":{shapely.to_geojson(lines)}}}'
    return f'{{"type":"FeatureCollection","features":[{feature}]}}'


def municipality_links(nis: pd.Series, language: str, labels: tuple[str, str]) -> pd.Series:
    """Per municipality, HTML links (new tab) to its Gemeente page and to the Kaart centred on it."""
    gemeente, kaart = (html.escape(label) for label in labels)
    return nis.map(
        lambda n: (
            f'<a href="../../gemeente?nis={n}&lang={language}" target="_blank" rel="noopener">{gemeente}</a>'
            f' · <a href="../../kaart?nis={n}&lang={language}" target="_blank" rel="noopener">{kaart}</a>'
        )
    )


def geojson_layer(
    layer_id: str,
    data: str,
    style: Mapping[str, object],
    *,
    pane: str = "",
    fill: Mapping[str, str] | None = None,
    fill_key: str = "",
    tooltip: str | None = None,
    clickable: bool = False,
    radius: float = 0,
    label: str = "",
) -> dict:
    """One map layer for `leaflet.show_map`: `data` is GeoJSON text or the URL of a published file (see
    `publish`); `fill` colours features by their `fill_key` property (others stay transparent); with a
    `tooltip` (the NIS label) features are named on hover; a `clickable` layer is highlighted on hover and
    reports clicks to a map that asks for them (`show_map(on_click=…)`); points become circles of `radius`
    px; `pane` is a Leaflet pane (stacking); `label` names the layer in the map's layer control (unnamed
    layers stay out of it). The key changes with the content."""
    spec: dict = {"id": layer_id, "style": dict(style), "pane": pane, "radius": radius, "label": label}
    spec |= {"url": data} if data.startswith("/") else {"data": data}
    if fill_key:
        spec |= {"fill": dict(fill or {}), "fill_key": fill_key}
    if tooltip is not None:
        spec |= {"tooltip": tooltip, "interactive": True, "clickable": clickable}
    spec["key"] = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:16]
    return spec


@dataclass(frozen=True)
class Legend:
    """A legend drawn on the map itself (bottom left): a title and (CSS style of the swatch, label) items;
    the browser writes the texts as text, never as HTML."""

    title: str
    items: tuple[tuple[str, str], ...]

    def as_dict(self) -> dict:
        return {"title": self.title, "items": [list(item) for item in self.items]}


def municipalities_layer(atoms_geojson: str, nis_label: str) -> dict:
    """The clickable municipality polygons (name, NIS code and any unit names in the tooltip)."""
    style = {"color": "#737373", "weight": 0.6, "fillColor": "#ffffff", "fillOpacity": 0.01}
    return geojson_layer("municipalities", atoms_geojson, style, tooltip=nis_label, clickable=True)


def outline_layer(lines: str, index: int, layer_id: str, label: str = "", names: str = "") -> dict:
    """A layer's unit borders in the style `OUTLINE_STYLES[index]` (lines, not clickable), called `label` in the
    map's layer control; `names` (GeoJSON points with a `name`, see `label_points`) are written on the map
    when zoomed in."""
    colour, weight, dash = OUTLINE_STYLES[index % len(OUTLINE_STYLES)]
    style = {"color": colour, "weight": weight, "dashArray": dash, "fill": False}
    spec = geojson_layer(f"outline:{layer_id}", lines, style, label=label)
    return spec | ({"label_data": names} if names else {})


def label_points(units: gpd.GeoDataFrame) -> str:
    """GeoJSON points, one inside each unit, with its (escaped) name: where the map writes unit names."""
    points = units.assign(geometry=units.geometry.representative_point())
    return feature_collection(points, ["name"])


def own_units_layers(units: list[tuple[str, str, int]]) -> list[dict]:
    """The selected municipality's own units, lightly filled in their layer's border colour (not clickable:
    clicks reach the municipalities). `units` holds (GeoJSON, layer id, drawing position)."""
    layers = []
    for geojson, layer_id, index in units:
        colour = OUTLINE_STYLES[index % len(OUTLINE_STYLES)][0]
        style = {"color": colour, "weight": 0, "fillColor": colour, "fillOpacity": 0.12}
        layers.append(geojson_layer(f"own:{layer_id}", geojson, style, pane=FILLS_PANE))
    return layers


def leaflet_bounds(frame) -> list[list[float]]:
    """A GeoDataFrame's extent as Leaflet wants it: [[south, west], [north, east]]."""
    west, south, east, north = frame.total_bounds
    return [[south, west], [north, east]]


def view_of(bounds: tuple[float, float, float, float]) -> tuple[tuple[float, float], int]:
    """Centre and zoom that show a (west, south, east, north) box on a map about 600 px high."""
    west, south, east, north = bounds
    span = max(east - west, (north - south) * 1.5, 1e-3)
    zoom = int(np.clip(np.floor(np.log2(360 * 3 / span)) - 1, 7, 13))  # ~3 tiles of 256 px across
    return ((south + north) / 2, (west + east) / 2), zoom


SELECTED_FILL = "#ffd700"


def highlight_layer(feature_geojson: str, label: str = "") -> dict:
    """The selected municipality as a light fill with no outline, so every border along its edge stays visible
    (under the clickable shapes, so clicks reach the municipalities)."""
    style = {"weight": 0, "fillColor": SELECTED_FILL, "fillOpacity": 0.35}
    return geojson_layer("selected", feature_geojson, style, pane=FILLS_PANE, label=label)


HIGHLIGHT_FILL = "#000040"
"""Municipalities to notice (moved in a scenario, changing on the date): near-black navy, the colour furthest
from the blue-to-orange classes and the orange bands for every colour vision (tests/dashboard/test_palettes.py)."""
GAP_STYLE = {"color": "#2166ac", "weight": 3, "dashArray": "6 4", "fill": False}
"""Units without a location: a dashed blue outline, distinct from the orange distance bands."""
FILLS_PANE = "scalesFills"
"""The pane under the clickable municipalities where filled areas go."""
PANES = {FILLS_PANE: 350}
"""Leaflet panes the map makes, by z-index (Leaflet's own: tiles 200, overlays 400, shadows 500, markers 600)."""


def gap_layer(units_geojson: str, label: str = "") -> dict:
    """Units of a layer that hold no location, outlined (not clickable)."""
    return geojson_layer("gaps", units_geojson, GAP_STYLE, pane="shadowPane", label=label)


def fill_layer(atoms_geojson: str, colours: Mapping[str, str], name: str, label: str = "") -> dict:
    """Municipalities filled with a colour per NIS code (others left transparent), under the clickable ones."""
    style = {"fillOpacity": 0.65, "color": "#737373", "weight": 0.3}
    return geojson_layer(
        f"fill:{name}", atoms_geojson, style, pane=FILLS_PANE, fill=colours, fill_key="nis", label=label
    )


def points_layer(points: gpd.GeoDataFrame, kind: str, lang: str = "nl", label: str = "") -> dict:
    """Service locations as circles above every area layer, with an escaped tooltip (name, address, and how
    the location was placed, in the reader's language)."""
    colour, radius = POINT_STYLES[kind]
    labelled = points.assign(
        label=[
            html.escape(" — ".join(p for p in (row.name, row.address) if p)) + "<br><i>"
            + html.escape(basis_text(row.location_basis, lang)) + "</i>"
            for row in points.itertuples()
        ]
    )  # fmt: skip
    features = json.dumps(json.loads(labelled[["label", "geometry"]].to_json(drop_id=True)))
    style = {"color": "#ffffff", "weight": 1.5, "fillColor": colour, "fillOpacity": 0.95}
    return geojson_layer(f"points:{kind}", features, style, tooltip="", pane="markerPane", radius=radius, label=label)


DISTANCE_STEPS_KM = (0.0, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0)
"""Distance bands of the Bereik map (km); the threshold the user picks is drawn as its own edge."""


def distance_fill(nearest_km: pd.Series, threshold_km: float) -> tuple[dict[str, str], list[tuple[str, float, bool]]]:
    """NIS → colour by distance to the nearest location (light near, dark far; the chosen threshold is
    a band edge), and the legend as (colour, lower bound km, open-ended) steps."""
    edges = sorted({*DISTANCE_STEPS_KM, float(threshold_km)})[: len(SEQUENTIAL)]
    bins = [*edges, 10.0**6]
    steps = [(SEQUENTIAL[i], edges[i], i == len(edges) - 1) for i in range(len(edges))]
    return binned_colours(nearest_km, bins), steps


def graded_fill(values: pd.Series, steps: int = 6) -> tuple[dict[str, str], list[tuple[str, float, bool]]]:
    """NIS → colour: 0 (nothing within reach) the lightest, positive values by quantile class; and the
    legend as (colour, lower bound, open-ended) steps."""
    positive = values[values > 0]
    cuts = (
        np.unique(np.quantile(positive, np.linspace(0, 1, steps)[:-1]))[: len(SEQUENTIAL) - 1] if len(positive) else []
    )
    bins = [-1.0, *cuts, float("inf")]
    lows = [0.0, *cuts]
    return binned_colours(values, bins), [(SEQUENTIAL[i], lows[i], i == len(lows) - 1) for i in range(len(lows))]


def places_layer(places: pd.DataFrame, kind: str, lang: str = "nl", label: str = "") -> dict:
    """Coverage locations (lon/lat, incl. what-if ones) as the point layer of their kind."""
    frame = gpd.GeoDataFrame(
        places.assign(address="", location_basis=places["basis"]),
        geometry=gpd.points_from_xy(places["lon"], places["lat"]),
        crs="EPSG:4326",
    )
    return points_layer(frame, kind, lang, label)


def binned_colours(values: pd.Series, bins: list[float]) -> dict[str, str]:
    """NIS → colour of a sequential palette for the bin each value falls in (right-open bins)."""
    codes = pd.cut(values, bins=bins, labels=False, right=False, include_lowest=True)
    return {nis: SEQUENTIAL[int(code)] for nis, code in codes.items() if pd.notna(code)}


PARTNER_BINS = 7
"""How many colour steps the partner-count fill has; the last is open-ended."""


def partner_fill(counts: pd.Series, layers: int) -> tuple[dict[str, str], list[tuple[str, int, bool]]]:
    """Colours for municipalities by partner count over `layers` layers (the minimum is one unit each),
    and the legend as (colour, lowest count, open-ended) steps."""
    bins = [*range(layers, layers + PARTNER_BINS), 10**6]
    steps = [(SEQUENTIAL[i], bins[i], i == PARTNER_BINS - 1) for i in range(PARTNER_BINS)]
    return binned_colours(counts, bins), steps


def class_fill(comparison) -> dict[str, str]:
    """NIS → colour of the four-class alignment of its (dominant) unit of layer A in a comparison."""
    unit_class = comparison.units().query("layer == 'A'").set_index("unit_id")["class"]
    return {nis: CLASS_COLOURS[unit_class[unit]] for nis, unit in dominant_units(comparison.a.membership).items()}


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours (1 to 21; 4.5 is the AA minimum for text)."""

    def luminance(colour: str) -> float:
        channels = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
        linear = np.where(channels <= 0.03928, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
        return float(linear @ [0.2126, 0.7152, 0.0722])

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def label_inks(values: pd.Series, scheme: str = "viridis") -> pd.Series:
    """Black or white per value, whichever contrasts more with the cell colour a linear `scheme` scale over
    the values' range gives it: heat-map labels stay readable on dark and light cells alike."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    position = (values - low) / (high - low) if high > low else values * 0 + 0.5
    cells = [to_hex(colormaps[scheme](float(p))) if pd.notna(p) else "#ffffff" for p in position]
    inks = ["#000000" if contrast_ratio(c, "#000000") >= contrast_ratio(c, "#ffffff") else "#ffffff" for c in cells]
    return pd.Series(inks, index=values.index)
