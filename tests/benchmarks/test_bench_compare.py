"""Speed of the mismatch engine: all pairs on the real atoms, one huge synthetic pair, vs polygon overlay."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scales.data.layers import Layer, LayerMeta, membership_frame, units_frame
from scales.engine.compare import Comparator
from tests.engine.test_compare import overlay_contingency


def test_all_metrics_for_every_pair_of_layers(benchmark, atlas) -> None:
    layers = [atlas.layer(k) for k in atlas.layers]
    comparator = Comparator(atlas.atoms, atlas.borders)

    def every_pair() -> int:
        return sum(len(comparator.compare(a, b).summary()) for i, a in enumerate(layers) for b in layers[i + 1 :])

    assert benchmark(every_pair) > 0


def synthetic(size: int, units: int, seed: int) -> Layer:
    rng = np.random.default_rng(seed)
    nis = np.char.zfill(np.arange(size).astype(str), 6)
    membership = membership_frame(nis, rng.integers(0, units, size).astype(str))
    meta = LayerMeta(f"synthetic{seed}", "s", "s", "synthetic", "none", "", "inferred")
    return Layer(meta, membership, units_frame(np.arange(units).astype(str), np.arange(units).astype(str)))


def test_one_pair_of_100000_atoms(benchmark) -> None:
    size = 100_000
    atoms = pd.DataFrame({"nis": np.char.zfill(np.arange(size).astype(str), 6)})
    atoms["name_nl"] = atoms["nis"]
    atoms["area_km2"] = np.random.default_rng(0).uniform(0.1, 10, size)
    atoms["inhabitants"] = 1
    borders = pd.DataFrame(
        {"nis_a": atoms["nis"][:-1].to_numpy(), "nis_b": atoms["nis"][1:].to_numpy(), "length_m": np.ones(size - 1)}
    )
    a, b = synthetic(size, 1000, 1), synthetic(size, 800, 2)

    def one_pair() -> dict:
        return Comparator(atoms, borders).compare(a, b, "area").summary()  # encoding included

    summary = benchmark.pedantic(one_pair, rounds=3, iterations=1)
    assert summary["atoms_compared"] == size


def test_atom_route_on_one_pair(benchmark, atlas) -> None:
    a, b = atlas.layer("police_zone"), atlas.layer("judicial_division")
    result = benchmark(lambda: Comparator(atlas.atoms, atlas.borders).compare(a, b, "area").n)
    assert result.sum() == pytest.approx(atlas.atoms["area_km2"].sum())


def test_polygon_overlay_route_on_the_same_pair(benchmark, atlas) -> None:
    a, b = atlas.layer("police_zone"), atlas.layer("judicial_division")
    table = benchmark.pedantic(overlay_contingency, args=(atlas, a, b), rounds=3, iterations=1)
    assert table.sum().sum() == pytest.approx(atlas.atoms["area_km2"].sum(), rel=1e-6)
