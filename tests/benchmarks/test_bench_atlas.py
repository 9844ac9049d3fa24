"""Speed of the data foundation (numbers go in the README, not in assertions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scales.data.atlas import build_atlas, load_atlas


def test_cold_build_from_mirror(benchmark, mirror: Path) -> None:
    atlas = benchmark.pedantic(build_atlas, args=(mirror,), rounds=1, iterations=1)
    assert len(atlas.layers) == 13


def test_warm_load_from_cache(benchmark, atlas, mirror: Path) -> None:
    loaded = benchmark.pedantic(load_atlas, args=(mirror,), rounds=5, iterations=1)
    assert len(loaded.atoms) == 304


@pytest.mark.parametrize("layer_id", ["police_zone", "judicial_canton"])
def test_layer_geometry(benchmark, atlas, layer_id: str) -> None:
    layer = atlas.layer(layer_id)
    shapes = benchmark.pedantic(
        lambda: (atlas._geometry_cache.clear(), atlas.geometry(layer))[1], rounds=3, iterations=1
    )
    assert len(shapes) == len(layer.units)
