"""The folium maps: what streamlit-folium is handed, the stand-alone HTML file, and reading a click."""

from __future__ import annotations

import json
import re

import folium
import pytest
import streamlit_folium

from scales import STATIC_DIR
from scales.dashboard import maps, webmap

SQUARE = {"type": "Polygon", "coordinates": [[[4.0, 51.0], [4.1, 51.0], [4.1, 51.1], [4.0, 51.1], [4.0, 51.0]]]}


def _collection(*properties: dict) -> str:
    return json.dumps(
        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": p, "geometry": SQUARE}
                                                   for p in properties]}
    )  # fmt: skip


@pytest.fixture
def layers() -> list[dict]:
    municipalities = _collection({"nis": "11001", "name": "Aartselaar", "units": "", "links": "<a href='x'>G</a>"})
    fills = maps.fill_layer(_collection({"nis": "11001", "name": "Aartselaar"}), {"11001": "#000040"}, "f", "Fill")
    names = _collection({"name": "PZ &lt;Rupel&gt;"})
    outline = maps.outline_layer(maps.lines_geojson(__import__("shapely").box(4, 51, 4.1, 51.1).boundary), 0,
                                 "police_zone", "Politiezone", names)  # fmt: skip
    return [maps.municipalities_layer(municipalities, "NIS"), fills, outline]


def _handed(layers: list[dict], monkeypatch: pytest.MonkeyPatch) -> dict:
    """The arguments streamlit-folium sends to its frame for these layers (its component call captured)."""
    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs))
    m, made = webmap.build(layers, "nl", nis_label="NIS")
    streamlit_folium.st_folium(
        m, feature_group_to_add=made, returned_objects=["last_active_drawing"], render=False,
        layer_control=folium.LayerControl(),
    )  # fmt: skip
    return sent


def test_the_map_loads_only_local_assets_by_relative_urls(layers, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _handed(layers, monkeypatch)
    links = sent["js_links"] + sent["css_links"]
    assert links and all(link.startswith("../../app/static/") for link in links)  # no CDN; works under a base path
    for link in links:
        assert (STATIC_DIR / link.removeprefix("../../app/static/")).is_file()
    bundle = (STATIC_DIR / sent["js_links"][0].removeprefix("../../app/static/")).read_text(encoding="utf-8")
    for part in webmap.ASSETS_JS:  # one request for Leaflet, jQuery and both plugins, in that order
        assert (STATIC_DIR / part).read_text(encoding="utf-8")[:200] in bundle
    assert sent["returned_objects"] == ["last_active_drawing"]  # only a click reruns the page


def test_the_base_map_has_the_tools_and_the_groups_hold_the_rest(layers, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _handed(layers, monkeypatch)
    script = sent["script"]
    assert "L.Control.Fullscreen" in script or "L.control.fullscreen" in script
    assert "L.Control.Measure" in script and '"primaryLengthUnit": "kilometers"' in script
    assert '"decPoint": ","' in script and '"thousandsSep": "."' in script and '"localization": "nl"' in script
    assert "Aartselaar" in script  # the clickable municipalities are in the base map, with their popup
    assert "#08306b" not in script and "#08306b" in sent["feature_group"]  # other layers swap in place
    assert "Politiezone" in sent["layer_control"] and "Fill" in sent["layer_control"]  # named on the map
    assert "PZ \\u0026lt;Rupel\\u0026gt;" in sent["feature_group"]  # unit names, escaped (&lt;), JSON-safe
    assert 'tabindex", "-1"' in script  # shapes are no Tab stops


def test_published_shapes_are_fetched_early_and_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _collection({"nis": "11001", "name": "Aartselaar", "units": ""}, {"nis": "11002", "name": "Antwerpen"})
    url = maps.publish(text, "test-municipalities", STATIC_DIR / maps.GENERATED, f"{maps.STATIC_URL}/{maps.GENERATED}")
    sent = _handed([maps.municipalities_layer(url, "NIS")], monkeypatch)
    frame_url = webmap.asset_url(webmap.static_path(url))
    first, bundle = ((STATIC_DIR / link.removeprefix("../../app/static/")).read_text(encoding="utf-8")
                     for link in sent["js_links"][:2])  # fmt: skip
    assert f"fetch({json.dumps(frame_url)})" in first  # before Leaflet: the download starts at once
    assert "options.async = true" in bundle and "ajaxTransport" in bundle  # after jQuery: folium's loader uses it
    assert f"$.ajax({json.dumps(frame_url)}" in sent["script"] and "Aartselaar" not in sent["script"]
    m, _ = webmap.build([maps.municipalities_layer(url, "NIS")], "nl")
    assert m.get_bounds() == [[51.0, 4.0], [51.1, 4.1]]  # known per file, not walked on every rerun


def test_unit_names_join_their_group_only_from_zoom_10(layers, monkeypatch: pytest.MonkeyPatch) -> None:
    groups = _handed(layers, monkeypatch)["feature_group"]
    assert "if (map.getZoom() >= 10) group.addLayer(layer); else group.removeLayer(layer);" in groups
    names = re.search(r'group\.on\("remove".*?\}\)\((\w+), (\w+)\);', groups, re.S)
    layer = names.group(1) if names else "?"
    assert "scales-label" in groups.split(f"function {layer}_onEachFeature")[1].split(f"var {layer} =")[0]
    assert f"{layer}.addTo(" not in groups  # the names: not added with their group, built when zoomed in


def test_a_rerun_with_the_same_layers_sends_the_same_map(layers, monkeypatch: pytest.MonkeyPatch) -> None:
    """streamlit-folium keeps its frame while the map script is unchanged: same layers, same text."""
    first, second = _handed(layers, monkeypatch), _handed(layers, monkeypatch)
    assert first["script"] == second["script"] and first["feature_group"] == second["feature_group"]
    fewer = _handed(layers[:2], monkeypatch)
    assert fewer["script"] == first["script"] and fewer["feature_group"] != first["feature_group"]


def test_the_downloaded_map_is_one_file_with_its_sources(layers) -> None:
    legend = maps.Legend("Legende", (("background:#000040", "<b>Gent</b>"),))
    page = webmap.standalone_html(layers, "nl", title="Kaart <1>", lines=["Referentiedatum 2026-01-01"], legend=legend)
    text = page.decode("utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet", text)  # assets inlined
    assert "https://cdn" not in text and "Leaflet 1.9.3" in text
    assert "Kaart &lt;1&gt;" in text and "&lt;b&gt;Gent&lt;/b&gt;" in text and "Referentiedatum 2026-01-01" in text
    assert "Aartselaar" in text and "Politiezone" in text and "L.control.layers" in text
    assert "data:image/png;base64," in text  # the plugins' icons too


def test_a_click_is_read_from_the_clicked_feature() -> None:
    assert webmap.clicked_nis({"last_active_drawing": {"properties": {"nis": "44021", "name": "Gent"}}}) == "44021"
    assert webmap.clicked_nis({"last_active_drawing": {"properties": {"label": "a location"}}}) is None
    assert webmap.clicked_nis({"last_active_drawing": None}) is None and webmap.clicked_nis(None) is None
