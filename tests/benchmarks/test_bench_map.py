"""Python work of one Kaart rerun's map (what streamlit-folium does with it: build, render, the script it
sends) and what travels to the browser."""

from __future__ import annotations

import json
from pathlib import Path

import folium
import pytest
import streamlit_folium

from scales import STATIC_DIR
from scales.dashboard import maps, webmap

DEFAULT_LAYERS = ("judicial_division", "police_zone", "primary_care_zone")


def test_map_rerun(benchmark, atlas, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, prefix = STATIC_DIR / maps.GENERATED, f"{maps.STATIC_URL}/{maps.GENERATED}"
    frame = atlas.display_atoms.rename(columns={"name_nl": "name"})
    files = {"municipalities": maps.feature_collection(frame, ["nis", "name"])}
    files |= {k: maps.lines_geojson(atlas.outline(atlas.layer(k))) for k in DEFAULT_LAYERS}
    urls = {k: maps.publish(v, f"bench-{k}", folder, prefix) for k, v in files.items()}  # published once, as the app
    sent: dict = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs))

    def rerun() -> None:
        layers = [maps.municipalities_layer(urls["municipalities"], "NIS")]
        layers += [maps.outline_layer(urls[k], i, k, k) for i, k in enumerate(DEFAULT_LAYERS)]
        layers.append(maps.points_layer(atlas.points["veilig_huis_locations"], "veilig_huis_locations"))
        m, made = webmap.build(layers, "nl", nis_label="NIS")
        streamlit_folium.st_folium(
            m, feature_group_to_add=made, returned_objects=["last_active_drawing"], render=False,
            layer_control=folium.LayerControl(collapsed=True),
        )  # fmt: skip

    benchmark(rerun)
    args = len(json.dumps({k: v for k, v in sent.items() if k != "on_change"}, default=str))
    fetched = sum(Path(folder / url.rsplit("/", 1)[1]).stat().st_size for url in urls.values())
    scripts = sum((STATIC_DIR / p).stat().st_size for p in webmap.ASSETS_JS + webmap.ASSETS_CSS)
    print(f"\nmap payload: {args / 1e3:.0f} kB of map script per rerun; once: {fetched / 1e6:.2f} MB of GeoJSON files"
          f" and {scripts / 1e6:.2f} MB of scripts and styles (browser-cached, content-addressed)")  # fmt: skip
    assert all(url.startswith(prefix) for url in urls.values())
