"""Python work of one map-page rerun (build the map and overlays, render as st_folium does) and the payload."""

from __future__ import annotations

from pathlib import Path

from scales.dashboard import maps

DEFAULT_LAYERS = ("police_zone", "primary_care_zone", "judicial_division")


def test_map_page_rerun(benchmark, atlas, tmp_path: Path) -> None:
    frame = atlas.display_atoms.rename(columns={"name_nl": "name"})
    texts = {"municipalities": maps.feature_collection(frame, ["nis", "name"])}
    texts |= {k: maps.lines_geojson(atlas.outline(atlas.layer(k))) for k in DEFAULT_LAYERS}
    urls = {k: maps.publish(v, k, tmp_path, "/app/static/generated") for k, v in texts.items()}  # cached in the app

    def rerun() -> int:
        fmap = maps.base_map(urls["municipalities"], "NIS")
        groups = [maps.outline_group(urls[k], i, k) for i, k in enumerate(DEFAULT_LAYERS)]
        groups.append(maps.points_group(atlas.points["veilig_huis_locations"], "veilig_huis_locations", "VH"))
        size = len(fmap.get_root().render())
        for group in groups:
            group.add_to(fmap)
            size += len(group.render() or "")
        return size

    script = benchmark(rerun)
    payload = sum(len(v) for v in texts.values())
    print(f"\nmap payload: {payload / 1e6:.2f} MB of GeoJSON files + {script / 1e3:.0f} kB of map script")
    assert all(url.startswith("/app/static/generated/") for url in urls.values())
