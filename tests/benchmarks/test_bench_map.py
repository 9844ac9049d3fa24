"""Python work of one map-page rerun (the layer specs the browser receives) and the map's payload."""

from __future__ import annotations

import json
from pathlib import Path

from scales.dashboard import maps

DEFAULT_LAYERS = ("police_zone", "primary_care_zone", "judicial_division")


def test_map_page_rerun(benchmark, atlas, tmp_path: Path) -> None:
    frame = atlas.display_atoms.rename(columns={"name_nl": "name"})
    texts = {"municipalities": maps.feature_collection(frame, ["nis", "name"])}
    texts |= {k: maps.lines_geojson(atlas.outline(atlas.layer(k))) for k in DEFAULT_LAYERS}
    urls = {k: maps.publish(v, k, tmp_path, "/app/static/generated") for k, v in texts.items()}  # cached in the app

    def rerun() -> int:
        layers = [maps.municipalities_layer(urls["municipalities"], "NIS")]
        layers += [maps.outline_layer(urls[k], i, k) for i, k in enumerate(DEFAULT_LAYERS)]
        layers.append(maps.points_layer(atlas.points["veilig_huis_locations"], "veilig_huis_locations"))
        return len(json.dumps(layers))

    sent = benchmark(rerun)
    payload = sum(len(v) for v in texts.values())
    print(f"\nmap payload: {payload / 1e6:.2f} MB of GeoJSON files + {sent / 1e3:.0f} kB of layer specs per rerun")
    assert all(url.startswith("/app/static/generated/") for url in urls.values())
