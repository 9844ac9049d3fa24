"""The dashboard's maps: built with folium, shown in Streamlit with streamlit-folium.

A page hands `show_map` the layer specs of `maps`. The clickable municipalities and the controls make a
base map that stays the same between reruns; every other layer is a feature group that streamlit-folium
swaps in place (`feature_group_to_add`), so toggling a layer keeps the map and the reader's view, and
only a municipality click reruns the page (`returned_objects`). Published GeoJSON is fetched by the
browser once (folium's `embed=False`), side by side (`ASYNC_LOADING`), the clickable layer's from the
start (`early`); Leaflet, jQuery and the plugins come from `static/` by URLs
relative to streamlit-folium's frame, so they work behind `server.baseUrlPath` and with no network.
`standalone_html` gives the same map as one self-contained file.
"""

from __future__ import annotations

import base64
import functools
import html
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import folium
import folium.plugins
import streamlit as st
from branca.element import Element, MacroElement
from folium.template import Template
from folium.utilities import JsCode, get_bounds
from streamlit_folium import st_folium

from scales import STATIC_DIR
from scales.dashboard.maps import FLANDERS_BOUNDS, GENERATED, PANES, STATIC_URL, Legend, publish
from scales.dashboard.ui import lang, t

FRAME_TO_ROOT = "../../"
"""From streamlit-folium's frame (`<base path>/component/streamlit_folium.st_folium/index.html`) to the app's root."""
ASSETS_JS = ("leaflet/leaflet.js", "jquery/jquery.min.js", "fullscreen/Control.FullScreen.js",
             "measure/leaflet-measure.min.js")  # fmt: skip
"""Leaflet, jQuery (folium's `embed=False` loader) and folium's Fullscreen and MeasureControl plugins, in `static/`."""
ASYNC_LOADING = """
jQuery.ajaxPrefilter(function (options) { options.async = true; });
jQuery.ajaxTransport("json", function (options) {
    var early = (window.scalesEarly || {})[options.url];
    if (!early) return undefined;
    return {
        send: function (headers, done) {
            early.then(function (data) { done(200, "success", {json: data}); }, function () {
                delete window.scalesEarly[options.url];
                jQuery.ajax(options.url, {dataType: "json"}).then(
                    function (data) { done(200, "success", {json: data}); }, function () { done(404, "error"); });
            });
        },
        abort: function () {}
    };
});
"""
"""folium's loader for published GeoJSON (`embed=False`) asks jQuery for a synchronous request: the files came
one after another and the map showed when the last had arrived. jQuery's own hooks make the requests
asynchronous (each layer drawn when its file arrives) and hand over a file that `early` began fetching."""
EARLY = (
    "(window.scalesEarly = window.scalesEarly || {})[%(url)s] = fetch(%(url)s).then(function (answer) {\n"
    "    if (!answer.ok) throw new Error(answer.status);\n    return answer.json();\n});"
)
ASSETS_CSS = ("leaflet/leaflet.css", "fullscreen/Control.FullScreen.css", "measure/leaflet-measure.css")
TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILES_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
LABEL_ZOOM = 10
"""From this zoom on, unit names are written on the map (permanent labels)."""
HOVER = {"weight": 2.5, "color": "#000000"}


def asset_url(path: str) -> str:
    """URL of a file in `static/` as seen from the map's frame (relative: works behind a base path)."""
    return f"{FRAME_TO_ROOT}{STATIC_URL.strip('/')}/{path}"


@functools.lru_cache(maxsize=1)
def scripts() -> tuple[str, ...]:
    """The map's scripts (`ASSETS_JS`, then `ASYNC_LOADING`) as one published file, in order: streamlit-folium
    loads scripts one after another, so one request instead of four; the separate files if `static/` cannot be
    written."""
    text = "\n;\n".join([*((STATIC_DIR / path).read_text(encoding="utf-8") for path in ASSETS_JS), ASYNC_LOADING])
    return _published_script(text, "folium-scripts") or ASSETS_JS


@functools.lru_cache(maxsize=64)
def early(urls: tuple[str, ...]) -> tuple[str, ...]:
    """A script that starts fetching the base map's published files (as seen from the map's frame) before
    streamlit-folium loads Leaflet, so they download while the map's scripts load and run; none if `static/`
    cannot be written."""
    return _published_script("\n".join(EARLY % {"url": json.dumps(url)} for url in urls), "early")


def _published_script(text: str, name: str) -> tuple[str, ...]:
    """A script published in `static/` (its path there), or nothing if `static/` cannot be written."""
    url = publish(text, name, STATIC_DIR / GENERATED, f"{STATIC_URL}/{GENERATED}", suffix=".js")
    return (static_path(url),) if url.startswith(STATIC_URL) else ()


def static_path(url: str) -> str:
    """A published file's path in `static/`, from its URL (`maps.publish`)."""
    return url.removeprefix(STATIC_URL).strip("/")


def _local(element, js: tuple[str, ...], css: tuple[str, ...]):
    """Point an element's scripts and style sheets at the copies in `static/` instead of a CDN."""
    element.default_js = [(name, asset_url(name)) for name in js]
    element.default_css = [(name, asset_url(name)) for name in css]
    return element


class _Reading(MacroElement):
    """How the map reads: shapes are not Tab stops (the map itself is one, operable with the arrow and
    +/- keys; the search is the keyboard's way to a municipality), and the scale bar is metric only."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>.scales-label{background:rgba(255,255,255,.85);border:0;box-shadow:none;
        font:600 11px/1.2 sans-serif;padding:1px 3px}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            L.control.scale({imperial: false}).addTo(map);
            var unfocusable = function (layer) {
                var element = layer.getElement && layer.getElement();
                if (element) element.setAttribute("tabindex", "-1");
            };
            map.eachLayer(unfocusable);
            map.on("layeradd", function (event) { unfocusable(event.layer); });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Reading"


class _ShownFrom(MacroElement):
    """Keep a layer (made with `show=False`) in its group only from `zoom` on: unit names are written where
    they can be read, and a map zoomed out does not build hundreds of labels it would not show (they took a
    third of a second of the first paint)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (layer, group) {
            var map = null;
            var update = function () {
                if (map.getZoom() >= {{ this.zoom }}) group.addLayer(layer); else group.removeLayer(layer);
            };
            group.on("add", function () { map = group._map; map.on("zoomend", update); update(); });
            group.on("remove", function () { map.off("zoomend", update); });
        })({{ this._parent.get_name() }}, {{ this._parent._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, zoom: int = LABEL_ZOOM) -> None:
        super().__init__()
        self._name = "ShownFrom"
        self.zoom = zoom


@functools.lru_cache(maxsize=64)
def _published(url: str) -> dict:
    """A published GeoJSON file, parsed once (content-addressed, so never stale; folium only adds ids)."""
    return json.loads((STATIC_DIR / static_path(url)).read_text(encoding="utf-8"))


def _data(spec: Mapping) -> dict:
    return json.loads(spec["data"]) if "data" in spec else _published(spec["url"])


@functools.lru_cache(maxsize=64)
def _published_bounds(url: str) -> list[list[float]]:
    """A published file's bounds, found once (`GeoJson`)."""
    return get_bounds(_published(url), lonlat=True)


class GeoJson(folium.GeoJson):
    """folium's GeoJson with its bounds known beforehand: streamlit-folium asks the map for its bounds on every
    rerun, and folium finds them by walking every coordinate in Python (90 ms for the municipalities)."""

    def __init__(self, data: dict, bounds: list[list[float]], **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.bounds = bounds

    def _get_self_bounds(self) -> list[list[float]]:
        return self.bounds


def _styler(spec: Mapping) -> Callable[[dict], dict]:
    style, fill, key = dict(spec["style"]), spec.get("fill") or {}, spec.get("fill_key")

    def styled(feature: dict) -> dict:
        if not key:
            return style
        colour = fill.get(feature["properties"].get(key))
        return style | ({"fillColor": colour} if colour else {"fillOpacity": 0})

    return styled


def _tooltip(spec: Mapping, data: dict, nis_label: str) -> folium.GeoJsonTooltip | None:
    """Names on hover: a location's prepared label, a municipality's name, code and units, a unit's name."""
    if spec.get("tooltip") is None or not data["features"]:
        return None
    present = data["features"][0]["properties"]
    if "label" in present:
        return folium.GeoJsonTooltip(["label"], labels=False, sticky=True)
    fields = [f for f in ("name", "nis", "units") if f in present]
    aliases = ["", nis_label, ""][: len(fields)] if "nis" in fields else [""] * len(fields)
    return folium.GeoJsonTooltip(fields, aliases=aliases, labels="nis" in fields, sticky=True)


def _popup(spec: Mapping, data: dict) -> folium.GeoJsonPopup | None:
    """On a click, a clickable unit's name and its `links` (made and escaped in `maps`; they open a new tab)."""
    if not spec.get("clickable") or not data["features"] or "links" not in data["features"][0]["properties"]:
        return None
    return folium.GeoJsonPopup(["name", "links"], labels=False)


def geojson(spec: Mapping, *, embed: bool, nis_label: str = ""):
    """One spec of `maps` as a folium GeoJson layer (published data fetched by the browser unless `embed`)."""
    data = _data(spec)
    interactive = spec.get("tooltip") is not None
    options: dict = {"interactive": interactive}
    if spec.get("pane"):
        options["pane"] = spec["pane"]
    marker = None
    if spec.get("radius"):
        marker = folium.CircleMarker(radius=spec["radius"], fill=True, pane=spec.get("pane") or "markerPane")
    bounds = _published_bounds(spec["url"]) if "url" in spec else get_bounds(data, lonlat=True)
    layer = GeoJson(
        data,
        bounds,
        name=spec.get("label") or spec["id"],
        style_function=_styler(spec),
        highlight_function=(lambda feature: HOVER) if spec.get("clickable") else None,
        tooltip=_tooltip(spec, data, nis_label),
        popup=_popup(spec, data),
        marker=marker,
        **options,
    )
    if not embed and "url" in spec:  # the browser fetches the published file once and keeps it
        layer.embed, layer.embed_link = False, asset_url(static_path(spec["url"]))
    return layer


def base_map(lang: str, bounds: list[list[float]] = FLANDERS_BOUNDS, *, fetched: tuple[str, ...] = ()) -> folium.Map:
    """An OpenStreetMap base fitted to `bounds` with fullscreen and a distance measure in km (Belgian number
    format); the panes `maps` draws in. `fetched`: published files (frame URLs) to start fetching first."""
    m = folium.Map(tiles=None, zoom_snap=0.25, prefer_canvas=False)
    _local(m, (*(early(fetched) if fetched else ()), *scripts()), ASSETS_CSS[:1])  # the plugins' scripts included
    folium.TileLayer(TILES, attr=TILES_ATTRIBUTION, name="OpenStreetMap", max_zoom=19, control=False).add_to(m)
    for name, z_index in PANES.items():
        folium.map.CustomPane(name, z_index=z_index, pointer_events=False).add_to(m)
    title = {"nl": ("Volledig scherm", "Volledig scherm sluiten"), "en": ("Full screen", "Exit full screen")}[lang]
    fullscreen = folium.plugins.Fullscreen(title=title[0], title_cancel=title[1])
    _local(fullscreen, (), ASSETS_CSS[1:2]).add_to(m)
    measure = folium.plugins.MeasureControl(
        position="topleft", primary_length_unit="kilometers", secondary_length_unit="",
        primary_area_unit="sqkilometers", secondary_area_unit="", localization=lang,
        dec_point=",", thousands_sep=".",
    )  # fmt: skip
    _local(measure, (), ASSETS_CSS[2:]).add_to(m)
    m.fit_bounds(bounds, padding=(12, 12))
    return m


def _finish(m: folium.Map) -> folium.Map:
    """Add what must see every layer (`_Reading`): last, so its script runs after the base layers exist."""
    _Reading().add_to(m)
    return m


def groups(specs: list[Mapping], *, embed: bool, nis_label: str = "") -> list[folium.FeatureGroup]:
    """Each non-clickable spec as a named feature group (for the layer control), in drawing order."""
    made = []
    for spec in specs:
        group = folium.FeatureGroup(name=spec.get("label") or spec["id"], control=bool(spec.get("label")))
        geojson(spec, embed=embed, nis_label=nis_label).add_to(group)
        made.append(group)
    return made


LABEL = JsCode(
    """function (feature, layer) {
        layer.bindTooltip(feature.properties.name, {permanent: true, direction: "center", className: "scales-label"});
    }"""
)
"""Each point's (escaped) name as a permanent label (on the map from `LABEL_ZOOM` on: `_ShownFrom`)."""


def _labels(spec: Mapping) -> folium.FeatureGroup:
    """The unit names of an outline spec (`label_data`), written on the map."""
    group = folium.FeatureGroup(name=f"labels:{spec['id']}", control=False)
    invisible = folium.Marker(icon=folium.DivIcon(html="", icon_size=(0, 0)), interactive=False, keyboard=False)
    names = folium.GeoJson(
        json.loads(spec["label_data"]), marker=invisible, on_each_feature=LABEL, interactive=False, show=False
    )
    _ShownFrom().add_to(names)
    names.add_to(group)
    return group


def build(
    layers: list[Mapping],
    lang: str,
    *,
    nis_label: str = "",
    bounds: list[list[float]] = FLANDERS_BOUNDS,
    embed: bool = False,
) -> tuple[folium.Map, list[folium.FeatureGroup]]:
    """The base map with the clickable layers, and a feature group per other layer (names included)."""
    clickable = [spec for spec in layers if spec.get("clickable")]
    fetched = () if embed else tuple(asset_url(static_path(spec["url"])) for spec in clickable if "url" in spec)
    m = base_map(lang, bounds, fetched=fetched)
    for spec in clickable:
        geojson(spec, embed=embed, nis_label=nis_label).add_to(m)
    others = [spec for spec in layers if not spec.get("clickable")]
    made = groups(others, embed=embed, nis_label=nis_label)
    made += [_labels(spec) for spec in others if spec.get("label_data")]
    return _finish(m), made


def legend_html(legend: Legend | None) -> str:
    """The legend as HTML (texts escaped; swatch styles are the product's own)."""
    if legend is None:
        return ""
    rows = "".join(
        f'<div><span style="display:inline-block;width:22px;height:10px;margin-right:6px;{swatch}"></span>'
        f"{html.escape(label)}</div>"
        for swatch, label in legend.items
    )
    return f"<b>{html.escape(legend.title)}</b>{rows}"


INLINE = re.compile(r'<script src="(?P<js>[^"]+)"></script>|<link rel="stylesheet" href="(?P<css>[^"]+)"/>')


def _inline_css(path: Path) -> str:
    """A style sheet with the images it names inlined as data URLs."""
    text = path.read_text(encoding="utf-8")

    def data_url(match: re.Match) -> str:
        image = path.parent / match.group(1).strip("'\"")
        if not image.is_file():  # e.g. Leaflet's old-IE `url(#default#VML)`
            return match.group(0)
        kind = "svg+xml" if image.suffix == ".svg" else image.suffix.lstrip(".")
        return f"url(data:image/{kind};base64,{base64.b64encode(image.read_bytes()).decode()})"

    return re.sub(r"url\(([^)]+)\)", data_url, text)


def inline_assets(page: str) -> str:
    """folium's HTML with every local script and style sheet written into it: one file that opens offline."""
    prefix = asset_url("")

    def inline(match: re.Match) -> str:
        url = match.group("js") or match.group("css")
        if not url.startswith(prefix):
            return match.group(0)
        path = STATIC_DIR / url.removeprefix(prefix)
        if match.group("js"):
            return "<script>" + path.read_text(encoding="utf-8").replace("</script", "<\\/script") + "</script>"
        return "<style>" + _inline_css(path) + "</style>"

    return INLINE.sub(inline, page)


def standalone_html(
    layers: list[Mapping],
    lang: str,
    *,
    title: str,
    lines: list[str],
    legend: Legend | None = None,
    nis_label: str = "",
    bounds: list[list[float]] = FLANDERS_BOUNDS,
) -> bytes:
    """The map as one HTML file (folium's own output, data and assets inlined) with its title, reference
    date, sources and attribution written on it, and a layer control; opens offline in any browser."""
    m, made = build(layers, lang, nis_label=nis_label, bounds=bounds, embed=True)
    for group in made:
        group.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    root = m.get_root()
    root.title = title
    about = "".join(f"<div>{html.escape(line)}</div>" for line in lines)
    box = (
        '<div style="position:fixed;z-index:1000;bottom:24px;left:10px;max-width:340px;background:#fff;'
        'padding:8px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.4 sans-serif">'
        f'<div style="font-size:14px;font-weight:700">{html.escape(title)}</div>{legend_html(legend)}'
        f'<div style="margin-top:4px;color:#444">{about}</div></div>'
    )
    root.html.add_child(Element(box))
    return inline_assets(root.render()).encode("utf-8")


def clicked_nis(value: Mapping | None) -> str | None:
    """The NIS code of the municipality a map click reported (streamlit-folium's `last_active_drawing`)."""
    drawn = (value or {}).get("last_active_drawing") or {}
    nis = (drawn.get("properties") or {}).get("nis")
    return str(nis) if nis else None


def show_map(
    layers: list[dict],
    *,
    key: str,
    label: str,
    failed: str,
    height: int = 600,
    legend: Legend | None = None,
    view: dict | None = None,
    bounds: list[list[float]] = FLANDERS_BOUNDS,
    on_click: Callable[[str], None] | None = None,
    about: tuple[str, ...] = (),
) -> None:
    """Draw `layers` (specs from `maps`, in drawing order) with a skip link before the map, and under it a
    download of the same map as a stand-alone HTML file (`label` its title, `about` its source lines).

    `failed` stays visible behind the map until the map paints over it, so a map whose scripts are
    blocked says so instead of leaving a blank box. `view` ({"center", "zoom"}) moves the map when it
    changes; `on_click(nis)` runs before the rerun a municipality click starts (nothing else reruns).
    """
    language = lang()
    nis_label = next((spec["tooltip"] for spec in layers if spec.get("clickable")), "")
    m, made = build(layers, language, nis_label=nis_label, bounds=bounds)
    skip = f"{key}-after"
    st.markdown(f"[{t('skip_map')}](#{skip})")
    st.caption(failed)  # not in a container of its own: that made Streamlit remount the map on every rerun

    def clicked() -> None:
        nis = clicked_nis(st.session_state.get(key))
        if nis and on_click:
            on_click(nis)

    st_folium(
        m,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=["last_active_drawing"] if on_click else [],
        center=tuple(view["center"]) if view else None,
        zoom=view["zoom"] if view else None,
        feature_group_to_add=made or None,
        layer_control=folium.LayerControl(collapsed=True),
        on_change=clicked if on_click else None,
        render=False,
    )
    st.markdown(f'<span id="{skip}"></span>', unsafe_allow_html=True)
    lines = (*about, t("map_attribution"))
    st.download_button(
        t("map_download"),
        lambda: standalone_html(
            layers, language, title=label, lines=list(lines), legend=legend, nis_label=nis_label, bounds=bounds
        ),  # fmt: skip
        f"{key}.html",
        "text/html",
        key=f"{key}-html",
        on_click="ignore",
    )
