"""Speed of coverage: all figures after one more location, greedy and exact suggestions, sector scale."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scales.analysis import coverage as cv


def test_all_coverage_figures_after_adding_one_location(benchmark, atlas) -> None:
    places = cv.locations(atlas)

    def recompute() -> int:
        result = cv.coverage(atlas, cv.add_location(places, atlas, "72018", "Kinrooi"))
        tables = [cv.by_unit(result, atlas.layer(k), atlas.names) for k in ("veilig_huis", "primary_care_zone")]
        return len(cv.gaps(result, atlas)) + sum(len(t) for t in tables) + len(cv.totals(result))

    assert benchmark(recompute) > 0


def test_greedy_suggestion_of_five_sites(benchmark, atlas) -> None:
    places = cv.locations(atlas)
    found = benchmark(lambda: cv.suggest(atlas, places, 15, 5, exact=False))
    assert len(found["greedy"]) == 5


def test_exact_suggestion_of_five_sites(benchmark, atlas) -> None:
    places = cv.locations(atlas)
    found = benchmark.pedantic(lambda: cv.suggest(atlas, places, 15, 5), rounds=2, iterations=1)
    assert len(found["exact"]) == 5 and found["gap"] >= 0


def test_greedy_suggestion_at_sector_scale(benchmark, atlas) -> None:
    """About 11,000 synthetic demand points spread over Flanders, as many as there are sectors."""
    rng = np.random.default_rng(1)
    flemish = atlas.atoms[atlas.atoms["region_nis"] == "02000"]
    pick = rng.integers(0, len(flemish), 11_000)
    points = pd.DataFrame(
        {
            "point_id": np.arange(11_000).astype(str),
            "nis": flemish["nis"].to_numpy()[pick],
            "x": flemish["x"].to_numpy()[pick] + rng.normal(0, 2000, 11_000),
            "y": flemish["y"].to_numpy()[pick] + rng.normal(0, 2000, 11_000),
            "weight": rng.integers(50, 1500, 11_000).astype(float),
        }
    )
    demand = cv.Demand(points, "sector", "synthetic")
    places = cv.locations(atlas)
    found = benchmark(lambda: cv.suggest(atlas, places, 15, 5, demand, exact=False))
    assert len(found["greedy"]) == 5
