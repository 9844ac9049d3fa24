"""Speed of Eén kaart on the real layers: K = 15 with the default runs, and the price curve K = 5..25
(figures and the spread over runs in the README)."""

from __future__ import annotations

from scales.analysis import consensus


def test_best_grid_of_15_for_five_layers(benchmark, atlas) -> None:
    problem = consensus.setup(atlas, [atlas.layer(k) for k in consensus.DEFAULT_LAYERS])
    grid = benchmark.pedantic(consensus.best_grid, args=(problem, 15, 150_000), rounds=1, iterations=1)
    print(f"\nK = 15: objective {grid.objective:,.0f} inhabitants, spread {grid.spread}, {grid.seconds:.1f} s")
    assert grid.spread["infeasible_runs"] < grid.runs


def test_price_curve_5_to_25(benchmark, atlas) -> None:
    problem = consensus.setup(atlas, [atlas.layer(k) for k in consensus.DEFAULT_LAYERS])
    curve = benchmark.pedantic(consensus.price_curve, args=(problem, range(5, 26)), rounds=1, iterations=1)
    print("\n" + curve.to_string())
    assert list(curve["k"]) == list(range(5, 26))
