"""Speed of the scenario editor and align-to-anchor on the real layers (figures in the README)."""

from __future__ import annotations

import itertools

from scales.analysis.scenarios import align, deltas, move
from scales.engine.compare import Comparator

DATE = "2026-01-01"


def test_one_move_then_the_metrics_against_every_other_layer(benchmark, atlas) -> None:
    """What the editor does on one move: the edit, then every editor measure against the 12 other layers."""
    comparator = Comparator(atlas.atoms, atlas.borders)
    police = atlas.layer("police_zone", DATE)
    others = {k: atlas.layer(k, DATE) for k in atlas.layers if k != "police_zone"}
    deltas(comparator, police, police, others)  # the built-in layers are encoded once, as in the dashboard
    targets = itertools.cycle(["ipz55", "ipz59"])

    def one_move():
        return deltas(comparator, police, move(police, ["31033"], next(targets)), others)

    assert len(benchmark(one_move)) == 12 * 5


def test_align_the_slowest_pair_of_built_in_layers(benchmark, atlas) -> None:
    """Judicial cantons into eerstelijnszones: the pair with the most split municipalities on both sides."""
    comparator = Comparator(atlas.atoms, atlas.borders)
    cantons, zones = atlas.layer("judicial_canton", DATE), atlas.layer("primary_care_zone", DATE)
    result = benchmark(align, comparator, cantons, zones)
    assert result.metrics["nested_a_in_b"] == 1.0
