"""Leaflet layers for the dashboard, from the atlas' display geometry (coverage-simplified, EPSG:4326).

GeoJSON is serialised once (compact, 4 decimals) and embedded by a small Leaflet element, so a rerun
costs milliseconds; the base map (municipality polygons) is identical on every rerun, so the browser
keeps it, while overlays go into feature groups that streamlit-folium swaps in place. Leaflet is
served from `static/`, so maps render without internet (tiles excepted).
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from jinja2 import Template

from scales.data.layers import dominant_units
from scales.i18n import basis_text

STATIC_URL = "/app/static"
GENERATED = "generated"
"""Sub-folder of `static/` for published GeoJSON (git-ignored, rebuilt on demand)."""
LEAFLET_JS = "/app/static/leaflet/leaflet.js"
LEAFLET_CSS = "/app/static/leaflet/leaflet.css"
FLANDERS_BOUNDS = [[50.68, 2.54], [51.51, 5.92]]
CLASS_COLOURS = {"coterminous": "#2166ac", "nested": "#92c5de", "union": "#fdb863", "misaligned": "#b35806"}
"""Blue (aligned) to orange (misaligned), ColorBrewer RdBu/PuOr hues: apart for every colour vision."""
SEQUENTIAL = ["#fff5eb", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#8c2d04"]
OUTLINE_STYLES = [
    ("#08306b", 3.5, None),
    ("#d7301f", 2.5, "6 4"),
    ("#238b45", 2.5, None),
    ("#6a51a3", 2.0, "2 4"),
    ("#b15928", 2.0, "10 3"),
    ("#e7298a", 2.0, "8 3 2 3"),
    ("#000000", 1.5, "1 3"),
    ("#1f78b4", 1.5, "4 2 1 2"),
]
"""Border styles by drawing position: two lines of close colour (for any colour vision) never share a dash pattern."""
POINT_STYLES = {
    "veilig_huis_locations": ("#c51b7d", 9),
    "antenna_points": ("#f1b6da", 6),
    "houses_of_justice": ("#2166ac", 6),
    "court_seats": ("#4d4d4d", 5),
    "uploaded": ("#1b7837", 7),
}


def feature_collection(frame: gpd.GeoDataFrame, properties: list[str]) -> str:
    """Compact GeoJSON text with only the given properties, HTML-escaped (they end up in tooltips)."""
    features = [
        f'{{"type":"Feature","properties":{json.dumps({p: html.escape(str(row[p])) for p in properties})},'
        f'"geometry":{geometry}}}'
        for (_, row), geometry in zip(frame.iterrows(), shapely.to_geojson(frame.geometry.values), strict=True)
    ]
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def publish(text: str, name: str, folder: Path, url_prefix: str) -> str:
    """Write GeoJSON text once under a content-hashed name in a statically served folder; its URL.

    Large data then travels as a cacheable file instead of inside the map script, which Streamlit
    would otherwise re-send and folium re-parse on every rerun. Returns the text itself when the
    folder cannot be written (the map still works, only slower).
    """
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    target = folder / f"{name}-{digest}.geojson"
    try:
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(".tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(target)
    except OSError:
        return text
    return f"{url_prefix}/{target.name}"


def lines_geojson(lines: shapely.Geometry) -> str:
    """Compact GeoJSON text of one (multi)line geometry."""
    return shapely.to_geojson(lines)


class GeoJsonLayer(MacroElement):
    """A Leaflet GeoJSON layer from pre-serialised text: fixed style, optional fill per feature, tooltip."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }}_fill = {{ this.fill_json }};
        {% if this.url and this.interactive %}
        var {{ this.get_name() }}_data = (function() {
            /* synchronous, like folium's own embed=False: the layer exists before clicks are wired */
            var request = new XMLHttpRequest();
            request.open("GET", {{ this.url | tojson }}, false);
            request.send();
            return JSON.parse(request.responseText);
        })();
        {% elif this.url %}
        var {{ this.get_name() }}_data = null;
        {% else %}
        var {{ this.get_name() }}_data = {{ this.data }};
        {% endif %}
        var {{ this.get_name() }} = L.geoJson({{ this.get_name() }}_data, {
            interactive: {{ this.interactive | tojson }},
            {% if this.pane %}pane: {{ this.pane | tojson }},{% endif %}
            {% if this.radius %}
            pointToLayer: function(feature, latlng) {
                var pane = {{ (this.pane or "overlayPane") | tojson }};
                return L.circleMarker(latlng, {radius: {{ this.radius }}, pane: pane});
            },
            {% endif %}
            style: function(feature) {
                var style = {{ this.style_json }};
                {% if this.fill_key %}
                var colour = {{ this.get_name() }}_fill[feature.properties[{{ this.fill_key | tojson }}]];
                if (colour) { style.fillColor = colour; } else { style.fillOpacity = 0; }
                {% endif %}
                return style;
            },
            {% if this.tooltip %}
            onEachFeature: function(feature, layer) {
                var p = feature.properties;
                var nis = p.nis ? "<br>" + {{ this.tooltip | tojson }} + " " + p.nis : "";
                var units = p.units ? "<br>" + p.units.split("\\n").join("<br>") : "";  /* escaped in Python */
                layer.bindTooltip(p.label || ("<b>" + p.name + "</b>" + nis + units), {sticky: true});
                layer.on("mouseover", function() { layer.setStyle({weight: 2.5, color: "#000"}); });
                layer.on("mouseout", function() { {{ this.get_name() }}.resetStyle(layer); });
            },
            {% endif %}
        }).addTo({{ this._parent.get_name() }});
        {% if this.url and not this.interactive %}
        /* overlays take no clicks, so they load in the background and never block the page */
        fetch({{ this.url | tojson }}).then(function(response) { return response.json(); })
            .then(function(data) {
                {{ this.get_name() }}.addData(data);
                {% if this.to_back %}{{ this.get_name() }}.bringToBack();{% endif %}
            });
        {% endif %}
        {% endmacro %}
    """)

    def __init__(
        self,
        data: str,
        style: dict,
        interactive: bool = False,
        tooltip: str = "",
        fill: Mapping[str, str] | None = None,
        fill_key: str = "",
        pane: str = "",
        radius: float = 0,
        to_back: bool = False,
    ) -> None:
        """`data` is GeoJSON text or the URL of a published file (see `publish`); points become circles
        of `radius` px; `pane` is a Leaflet pane (stacking); `to_back` sends a background-loaded layer
        under the others."""
        super().__init__()
        self._name = "GeoJsonLayer"
        self.url, self.data = (data, "") if data.startswith("/") else ("", data)
        self.interactive, self.tooltip, self.fill_key = interactive, tooltip, fill_key
        self.pane, self.radius, self.to_back = pane, radius, to_back
        self.style_json = json.dumps(style)
        self.fill_json = json.dumps(dict(fill or {}))


def blank_map() -> folium.Map:
    """An OpenStreetMap base fitted to Flanders and Brussels, Leaflet served locally (no CDN)."""
    fmap = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25)
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    folium.TileLayer("OpenStreetMap", attr="© OpenStreetMap contributors").add_to(fmap)
    fmap.fit_bounds(FLANDERS_BOUNDS)
    return fmap


def base_map(atoms_geojson: str, nis_label: str) -> folium.Map:
    """The blank map with the clickable municipality polygons (name and NIS code in the tooltip)."""
    fmap = blank_map()
    GeoJsonLayer(
        atoms_geojson,
        {"color": "#737373", "weight": 0.6, "fillColor": "#ffffff", "fillOpacity": 0.01},
        interactive=True,
        tooltip=nis_label,
    ).add_to(fmap)
    return fmap


def outline_group(lines: str, index: int, label: str) -> folium.FeatureGroup:
    """A layer's unit borders in the style `OUTLINE_STYLES[index]` (lines, not clickable)."""
    colour, weight, dash = OUTLINE_STYLES[index % len(OUTLINE_STYLES)]
    group = folium.FeatureGroup(name=label)
    GeoJsonLayer(lines, {"color": colour, "weight": weight, "dashArray": dash, "fill": False}).add_to(group)
    return group


class MapLegend(MacroElement):
    """A legend drawn on the map itself (bottom left), as a layer so it leaves with its feature group."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new (L.Layer.extend({
            onAdd: function(map) {
                this._div = L.DomUtil.create("div", "scales-legend", map.getContainer());
                this._div.setAttribute("role", "list");
                this._div.setAttribute("aria-label", {{ this.title | tojson }});
                this._div.style.cssText = "position:absolute;left:10px;bottom:24px;z-index:800;background:#fff;" +
                    "padding:6px 8px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.4 sans-serif;" +
                    "color:#222;max-width:45%;pointer-events:none";
                this._div.innerHTML = {{ this.html | tojson }};
            },
            onRemove: function() { L.DomUtil.remove(this._div); }
        }))();
        {{ this._parent.get_name() }}.addLayer({{ this.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, title: str, items: list[tuple[str, str]]) -> None:
        """`items` are (CSS style of the swatch, label); labels are escaped here."""
        super().__init__()
        self._name = "MapLegend"
        self.title = title
        self.html = f"<b>{html.escape(title)}</b>" + "".join(
            f'<div role="listitem"><span style="display:inline-block;width:22px;height:10px;'
            f'margin-right:6px;vertical-align:middle;{style}"></span>{html.escape(label)}</div>'
            for style, label in items
        )


def legend_group(title: str, items: list[tuple[str, str]]) -> folium.FeatureGroup:
    """The map's legend, swapped in place with the other overlays."""
    group = folium.FeatureGroup(name="legend")
    MapLegend(title, items).add_to(group)
    return group


def own_units_group(units: list[tuple[str, str, int]], label: str) -> folium.FeatureGroup:
    """The selected municipality's own units, lightly filled in their layer's border colour, with their
    names on hover (not clickable: clicks reach the municipalities). `units` holds (GeoJSON, layer, index)."""
    group = folium.FeatureGroup(name=label)
    for geojson, _, index in units:
        colour = OUTLINE_STYLES[index % len(OUTLINE_STYLES)][0]
        style = {"color": colour, "weight": 0, "fillColor": colour, "fillOpacity": 0.12}
        GeoJsonLayer(geojson, style).add_to(group)
    return group


def view_of(bounds: tuple[float, float, float, float]) -> tuple[tuple[float, float], int]:
    """Centre and zoom that show a (west, south, east, north) box on a map about 600 px high."""
    west, south, east, north = bounds
    span = max(east - west, (north - south) * 1.5, 1e-3)
    zoom = int(np.clip(np.floor(np.log2(360 * 3 / span)) - 1, 7, 13))  # ~3 tiles of 256 px across
    return ((south + north) / 2, (west + east) / 2), zoom


def highlight_group(feature_geojson: str) -> folium.FeatureGroup:
    """The selected municipality, outlined thickly (not clickable, so clicks reach the base map)."""
    group = folium.FeatureGroup(name="selected")
    GeoJsonLayer(feature_geojson, {"color": "#ffd700", "weight": 4, "fill": False}, pane="shadowPane").add_to(group)
    return group


HIGHLIGHT_FILL = "#000040"
"""Municipalities to notice (moved in a scenario, changing on the date): near-black navy, the colour furthest
from the blue-to-orange classes and the orange bands for every colour vision (tests/dashboard/test_palettes.py)."""
GAP_STYLE = {"color": "#2166ac", "weight": 3, "dashArray": "6 4", "fill": False}
"""Units without a location: a dashed blue outline, distinct from the orange distance bands."""


def gap_group(units_geojson: str, label: str) -> folium.FeatureGroup:
    """Units of a layer that hold no location, outlined (not clickable)."""
    group = folium.FeatureGroup(name=label)
    GeoJsonLayer(units_geojson, GAP_STYLE, pane="shadowPane").add_to(group)
    return group


def fill_group(atoms_geojson: str, colours: Mapping[str, str], label: str) -> folium.FeatureGroup:
    """Municipalities filled with a colour per NIS code (others left transparent)."""
    group = folium.FeatureGroup(name=label)
    GeoJsonLayer(
        atoms_geojson,
        {"fillOpacity": 0.65, "color": "#737373", "weight": 0.3},
        fill=colours,
        fill_key="nis",
        to_back=True,
    ).add_to(group)
    return group


def points_group(points: gpd.GeoDataFrame, kind: str, label: str, lang: str = "nl") -> folium.FeatureGroup:
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
    group = folium.FeatureGroup(name=label)
    style = {"color": "#ffffff", "weight": 1.5, "fillColor": colour, "fillOpacity": 0.95}
    GeoJsonLayer(features, style, interactive=True, tooltip=" ", pane="markerPane", radius=radius).add_to(group)
    return group


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


def places_group(places: pd.DataFrame, kind: str, label: str, lang: str = "nl") -> folium.FeatureGroup:
    """Coverage locations (lon/lat, incl. what-if ones) as the point layer of their kind."""
    frame = gpd.GeoDataFrame(
        places.assign(address="", location_basis=places["basis"]),
        geometry=gpd.points_from_xy(places["lon"], places["lat"]),
        crs="EPSG:4326",
    )
    return points_group(frame, kind, label, lang)


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


def clicked_nis(state: Mapping | None) -> str | None:
    """The NIS code of the municipality polygon the user clicked last, from st_folium's return value."""
    feature = (state or {}).get("last_active_drawing") or {}
    nis = (feature.get("properties") or {}).get("nis")
    return str(nis) if nis else None


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
