"""Golden values from outside the project for every metric, each with where it comes from.

Tables are built from label vectors (one element = one unit of weight), so the pair-count forms apply.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from scales.data.geometry import shared_borders
from scales.data.layers import Layer, LayerMeta, membership_frame, units_frame
from scales.engine import metrics
from scales.engine.compare import Comparator


def table(x, y) -> np.ndarray:
    """Contingency table, rows = x (sabre's map 1, our A), columns = y."""
    return pd.crosstab(pd.Series(x, name="x"), pd.Series(y, name="y")).to_numpy(dtype=float)


# Rosenberg & Hirschberg (2007), Figure 2, as sabre's tests/testthat/test-vmeasure.R encodes them.
RH_Y15 = [1] * 5 + [2] * 5 + [3] * 5
RH = {
    "a": ([1, 1, 1, 2, 3, 3, 3, 3, 1, 2, 2, 2, 2, 1, 3], RH_Y15, 0.14),
    "b": ([1, 1, 1, 2, 2, 3, 3, 3, 1, 1, 2, 2, 2, 3, 3], RH_Y15, 0.39),
    "c": (
        [1, 1, 1, 2, 2, 3, 3, 3, 1, 1, 2, 2, 2, 3, 3, 1, 2, 3, 1, 2, 3],
        RH_Y15 + [4, 4, 5, 5, 6, 6],
        0.30,
    ),
    "d": ([1, 1, 1, 2, 2, 3, 3, 3, 1, 1, 2, 2, 2, 3, 3, 1, 2, 3, 1, 2, 3], RH_Y15 + [4, 5, 6, 7, 8, 9], 0.41),
}


@pytest.mark.parametrize("solution", sorted(RH))
def test_v_measure_of_rosenberg_and_hirschberg_figure_2(solution: str) -> None:
    x, y, expected = RH[solution]
    assert metrics.v_measure(table(x, y)) == pytest.approx(expected, abs=0.01)


# scikit-learn's documented examples (user guide "Clustering performance evaluation" and docstrings);
# labels_true is our A, labels_pred our B. Its homogeneity is 1 - H(true|pred) / H(true) = I / H(A).
USER_GUIDE = ([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])


def test_scikit_learn_user_guide_example() -> None:
    n = table(*USER_GUIDE)
    assert metrics.adjusted_rand(n, counts=True) == pytest.approx(0.24242424, abs=1e-8)  # 8/33
    assert metrics.homogeneity(n) == pytest.approx(0.66666667, abs=1e-8)
    assert metrics.completeness(n) == pytest.approx(0.42061983, abs=1e-8)
    assert metrics.v_measure(n) == pytest.approx(0.51580374, abs=1e-8)
    assert metrics.nmi(n) == pytest.approx(0.51580374, abs=1e-8)  # arithmetic NMI = V1


@pytest.mark.parametrize(
    ("true", "pred", "ari"),
    [
        ([0, 0, 1, 1], [0, 0, 1, 1], 1.0),
        ([0, 0, 1, 1], [1, 1, 0, 0], 1.0),
        ([0, 0, 1, 2], [0, 0, 1, 1], 4 / 7),  # "0.57..." in adjusted_rand_score's docstring
        ([0, 0, 1, 1], [0, 0, 1, 2], 4 / 7),
        ([0, 0, 0, 0], [0, 1, 2, 3], 0.0),
        ([0, 0, 1, 1], [0, 1, 0, 1], -0.5),
    ],
)
def test_adjusted_rand_index_of_scikit_learn_examples(true, pred, ari) -> None:
    assert metrics.adjusted_rand(table(true, pred), counts=True) == pytest.approx(ari, abs=1e-12)


def test_variation_of_information_by_hand() -> None:
    # User-guide example: H(A) = 1, H(B) = log2 3, H(A,B) = log2 6 - 2/3, so
    # VI = 2 H(A,B) - H(A) - H(B) = log2 3 - 1/3 bits (Meila 2007, definition).
    assert metrics.variation_of_information(table(*USER_GUIDE)) == pytest.approx(math.log2(3) - 1 / 3, abs=1e-12)
    # One unit against four singletons: H(B|A) = 2 bits, H(A|B) = 0.
    assert metrics.variation_of_information(table([0, 0, 0, 0], [0, 1, 2, 3])) == pytest.approx(2.0)
    assert metrics.variation_of_information(table([0, 0, 1], [5, 5, 7])) == 0.0


# sabre's tests/testthat/test-mapcurves.R (after Emiel van Loon): 10 x 10 rasters, column-major.
B1 = [1] * 10 + [1] * 6 + [2] * 3 + [1] + [1] * 6 + [2] * 3 + [1] + [1] * 6 + [2] * 3 + [1]
B1 += [3, 3, 1, 1, 1, 2, 2, 2, 2, 1, 3, 3, 1, 1, 1, 2, 2, 2, 1, 1] + [3, 3, 3] + [1] * 7 + [3, 3, 3] + [1] * 7
B1 += [3, 3, 3, 1, 1, 1, 1, 1, 4, 1] + [1] * 8 + [4, 4]
B2 = [1] * 10 + [1] * 6 + [2, 5, 5, 1] + [1] * 6 + [2, 5, 5, 1] + [1] * 6 + [2, 5, 5, 1]
B2 += [3, 3, 1, 1, 1, 2, 2, 5, 5, 1, 3, 3, 1, 1, 1, 2, 2, 5, 1, 1] + [3, 3, 3] + [1] * 7 + [3, 3, 3] + [1] * 7
B2 += [3, 3, 3, 1, 1, 1, 1, 1, 4, 1] + [1] * 8 + [4, 4]
B3 = [1] * 7 + [2, 1, 1] + [1] * 6 + [2, 2, 5, 1] + [1] * 6 + [2, 5, 5, 1] + [1] * 5 + [2, 2, 5, 5, 1]
B3 += [3, 3, 1, 1, 1, 2, 2, 5, 5, 1, 3, 3, 1, 1, 1, 2, 2, 5, 1, 1] + [3, 3, 3] + [1] * 7 + [3, 3, 3] + [1] * 7
B3 += [3, 3, 3, 1, 1, 1, 1, 1, 4, 1] + [3, 3, 3, 1, 1, 1, 1, 4, 4, 4]


@pytest.mark.parametrize(
    ("x", "y", "gof"), [(B1, B2, 1.0), (B2, B3, 0.8194291), (B1, B3, 0.8507659)], ids=["B1-B2", "B2-B3", "B1-B3"]
)
def test_mapcurves_of_sabre_rasters(x, y, gof) -> None:
    assert len(x) == len(y) == 100
    assert metrics.mapcurves(table(x, y)) == pytest.approx(gof, abs=1e-6)


# Boundary coincidence on a 2 x 2 grid with known border lengths: columns 1 and 2 km wide, rows 1 and
# 3 km high. Borders: a|b 1 km, c|d 3 km (vertical); a/c 1 km, b/d 2 km (horizontal).
GRID = gpd.GeoDataFrame(
    {"nis": ["0000a", "0000b", "0000c", "0000d"], "name_nl": list("abcd"),
     "inhabitants": [1, 1, 1, 1], "area_km2": [1, 2, 3, 6]},
    geometry=[shapely.box(0, 3000, 1000, 4000), shapely.box(1000, 3000, 3000, 4000),
              shapely.box(0, 0, 1000, 3000), shapely.box(1000, 0, 3000, 3000)],
    crs="EPSG:31370",
)  # fmt: skip


def grid_layer(name: str, units: dict[str, str]) -> Layer:
    meta = LayerMeta(name, name, name, "test", "none", "", "published")
    members = membership_frame([f"0000{atom}" for atom in units], list(units.values()))  # NIS codes have 5 digits
    return Layer(meta, members, units_frame(list(units.values()), list(units.values())))


def test_boundary_coincidence_on_a_grid_with_known_lengths() -> None:
    borders = shared_borders(GRID)
    lengths = {(r.nis_a[-1], r.nis_b[-1]): r.length_m for r in borders.itertuples()}
    assert lengths == pytest.approx({("a", "b"): 1000, ("c", "d"): 3000, ("a", "c"): 1000, ("b", "d"): 2000})
    comparator = Comparator(GRID, borders)
    columns = grid_layer("columns", {"a": "L", "c": "L", "b": "R", "d": "R"})  # borders a|b + c|d = 4 km
    corner = grid_layer("corner", {"a": "1", "b": "2", "c": "2", "d": "2"})  # borders a|b + a/c = 2 km
    rows = grid_layer("rows", {"a": "T", "b": "T", "c": "B", "d": "B"})  # borders a/c + b/d = 3 km
    summary = comparator.compare(columns, corner, "count").summary()
    assert summary["boundary_coincidence_a_on_b"] == pytest.approx(1 / 4)  # a|b of 4 km
    assert summary["boundary_coincidence_b_on_a"] == pytest.approx(1 / 2)  # a|b of 2 km
    crossing = comparator.compare(columns, rows, "count").summary()
    assert crossing["boundary_coincidence_a_on_b"] == crossing["boundary_coincidence_b_on_a"] == 0.0
    assert comparator.compare(rows, corner, "count").summary()["boundary_coincidence_a_on_b"] == pytest.approx(1 / 3)


def test_alignment_cost_and_nesting_on_the_grid_by_area() -> None:
    comparator = Comparator(GRID, shared_borders(GRID))
    columns = grid_layer("columns", {"a": "L", "c": "L", "b": "R", "d": "R"})
    rows = grid_layer("rows", {"a": "T", "b": "T", "c": "B", "d": "B"})
    summary = comparator.compare(columns, rows, "area").summary()
    # L = a(1) + c(3): keeps c, moves a (1 km²); R = b(2) + d(6): keeps d, moves b (2 km²).
    assert summary["alignment_cost_a_into_b"] == pytest.approx(3.0)
    # T = a(1) + b(2): keeps b, moves a; B = c(3) + d(6): keeps d, moves c -> 1 + 3.
    assert summary["alignment_cost_b_into_a"] == pytest.approx(4.0)
    assert summary["nested_a_in_b"] == summary["nested_b_in_a"] == 0.0


# Property tests with borders: random partitions of a 4 x 4 grid of 1 km squares.

SQUARES = gpd.GeoDataFrame(
    {
        "nis": [f"{10000 + i}" for i in range(16)],
        "name_nl": [str(i) for i in range(16)],
        "inhabitants": np.arange(1, 17),
        "area_km2": np.ones(16),
    },
    geometry=[shapely.box(1000 * (i % 4), 1000 * (i // 4), 1000 * (i % 4 + 1), 1000 * (i // 4 + 1)) for i in range(16)],
    crs="EPSG:31370",
)
SQUARE_BORDERS = shared_borders(SQUARES)
SQUARE_COMPARATOR = Comparator(SQUARES, SQUARE_BORDERS)


def square_layer(name: str, labels: list[int]) -> Layer:
    meta = LayerMeta(name, name, name, "test", "none", "", "published")
    units = [f"u{label}" for label in labels]
    return Layer(meta, membership_frame(SQUARES["nis"], units), units_frame(sorted(set(units)), sorted(set(units))))


def border_length(labels: list[int]) -> float:
    """Length of the borders between differently labelled squares, summed by hand."""
    index = {nis: i for i, nis in enumerate(SQUARES["nis"])}
    return sum(r.length_m for r in SQUARE_BORDERS.itertuples() if labels[index[r.nis_a]] != labels[index[r.nis_b]])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=16, max_size=16), st.lists(st.integers(0, 2), min_size=6, max_size=6))
def test_a_coarsening_keeps_only_borders_of_the_finer_layer(labels, merge) -> None:
    coarse_labels = [merge[label] for label in labels]
    fine, coarse = square_layer("fine", labels), square_layer("coarse", coarse_labels)
    summary = SQUARE_COMPARATOR.compare(fine, coarse, "count").summary()
    fine_length, coarse_length = border_length(labels), border_length(coarse_labels)
    if coarse_length:
        assert summary["boundary_coincidence_b_on_a"] == pytest.approx(1.0)  # every coarse border is a fine one
    if fine_length:
        assert summary["boundary_coincidence_a_on_b"] == pytest.approx(coarse_length / fine_length)
    same = SQUARE_COMPARATOR.compare(fine, square_layer("copy", labels), "inhabitants").summary()
    assert same["boundary_coincidence_a_on_b"] == same["boundary_coincidence_b_on_a"] == pytest.approx(1.0)
    assert same["alignment_cost_a_into_b"] == pytest.approx(0.0) and same["vi"] == pytest.approx(0.0, abs=1e-9)
