"""Python work of one map-page rerun: build the base map and overlays and render them as st_folium does."""

from __future__ import annotations

from scales import maps

DEFAULT_LAYERS = ("police_zone", "primary_care_zone", "judicial_division")


def test_map_page_rerun(benchmark, atlas) -> None:
    atoms = maps.feature_collection(atlas.display_atoms.rename(columns={"name_nl": "name"}), ["nis", "name"])
    outlines = {k: maps.lines_geojson(atlas.outline(atlas.layer(k))) for k in DEFAULT_LAYERS}  # cached in the app

    def rerun() -> int:
        fmap = maps.base_map(atoms, "NIS")
        groups = [maps.outline_group(outlines[k], i, k) for i, k in enumerate(DEFAULT_LAYERS)]
        groups.append(maps.points_group(atlas.points["veilig_huis_locations"], "veilig_huis_locations", "VH"))
        size = len(fmap.get_root().render())
        for group in groups:
            group.add_to(fmap)
            size += len(group.render() or "")
        return size

    benchmark(rerun)
    payload = len(atoms) + sum(len(v) for v in outlines.values())
    print(f"\nmap payload (base + default outlines): {payload / 1e6:.2f} MB")
    assert payload < 1.5e6
