"""Metrics against sabre's published example, and the properties any partition comparison must have."""

from __future__ import annotations

from pathlib import Path

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


def make_layer(layer_id: str, membership: pd.DataFrame) -> Layer:
    meta = LayerMeta(layer_id, layer_id, layer_id, "test", "none", "", "published")
    units = sorted(membership["unit_id"].unique())
    return Layer(
        meta, membership_frame(membership["nis"], membership["unit_id"], membership["share"]), units_frame(units, units)
    )


@pytest.fixture(scope="module")
def sabre(fixtures_dir: Path) -> tuple[Comparator, Layer, Layer]:
    """The sabre Figure 1 maps as atoms (their overlay pieces) and two layers, like real data."""
    table = pd.read_csv(fixtures_dir / "sabre_fig1_regions.csv")
    shapes = gpd.GeoDataFrame(table, geometry=shapely.from_wkt(table["wkt"]))
    first, second = (shapes[shapes["layer"] == name][["region", "geometry"]] for name in ("regions1", "regions2"))
    atoms = gpd.overlay(first, second, how="intersection", keep_geom_type=True)
    atoms["nis"] = [f"{i:05d}" for i in range(len(atoms))]
    atoms["name_nl"] = atoms["nis"]
    atoms["area_km2"] = atoms.area
    atoms["inhabitants"] = 1
    layer_1 = make_layer("regions1", atoms.rename(columns={"region_1": "unit_id"}).assign(share=1.0))
    layer_2 = make_layer("regions2", atoms.rename(columns={"region_2": "unit_id"}).assign(share=1.0))
    return Comparator(atoms, shared_borders(atoms)), layer_1, layer_2


def test_sabre_figure_1(sabre) -> None:
    comparator, regions1, regions2 = sabre
    result = comparator.compare(regions1, regions2, weight="area")
    summary = result.summary()
    assert summary["v_measure"] == pytest.approx(0.36, abs=0.01)
    assert summary["homogeneity"] == pytest.approx(0.32, abs=0.01)
    assert summary["completeness"] == pytest.approx(0.42, abs=0.01)
    assert summary["mapcurves"] == pytest.approx(0.61, abs=0.01)
    assert summary["ari"] == pytest.approx(0.2887, abs=1e-4)
    units = result.units().set_index(["layer", "unit_id"])["rih"]
    assert units["A"].round(2).tolist() == [0.86, 0.48, 0.48, 0.48]
    assert units["B"].round(2).tolist() == [0.39, 0.59, 0.86]
    # area contingency (rows z1..z3, columns r1..r4) from the fixture's README
    assert np.allclose(result.n.T, [[13, 0, 4, 0], [3, 16, 0, 4], [4, 4, 16, 16]])


def test_beta_moves_v_from_homogeneity_to_completeness() -> None:
    n = np.array([[13, 3, 4], [0, 16, 4], [4, 0, 16], [0, 4, 16]], dtype=float)
    assert metrics.v_measure(n, 1.0) == pytest.approx(0.3612, abs=1e-4)
    assert metrics.v_measure(n, 0.0) == pytest.approx(metrics.homogeneity(n))
    assert metrics.v_measure(n, 1e9) == pytest.approx(metrics.completeness(n), abs=1e-6)


def test_four_classes() -> None:
    # a0 = b0 (coterminous); a1 inside b1 (nested); a2 = b2 ∪ b3 (union); a3 half of b4 and half of b5 (misaligned)
    n = np.diag([5.0, 0, 0, 0, 0, 0])[:4]
    n[1, 1] = 2
    n[2, 2], n[2, 3] = 3, 4
    n[3, 4], n[3, 5] = 1, 1
    full = np.vstack([n, [0, 3, 0, 0, 1, 1]])  # another unit fills the rest of b1, b4 and b5
    assert metrics.classes(full)[:4].tolist() == ["coterminous", "nested", "union", "misaligned"]
    assert metrics.alignment_cost(full) == pytest.approx(3 + 1 + 2)  # a2 keeps 4, a3 keeps 1, a4 keeps 3


# --- properties ----------------------------------------------------------------------------------


@st.composite
def partitions(draw, max_atoms: int = 25):
    """Atoms with weights and a layer over them (some atoms split over two units)."""
    size = draw(st.integers(2, max_atoms))
    units = draw(st.lists(st.integers(0, 6), min_size=size, max_size=size))
    splits = draw(
        st.lists(st.one_of(st.none(), st.tuples(st.integers(0, 6), st.floats(0.1, 0.9))), min_size=size, max_size=size)
    )
    weight = draw(st.lists(st.floats(0.5, 1000), min_size=size, max_size=size))
    atoms = pd.DataFrame({"nis": [f"{i:05d}" for i in range(size)], "area_km2": weight, "inhabitants": weight})
    atoms["name_nl"] = atoms["nis"]
    rows = []
    for nis, unit, split in zip(atoms["nis"], units, splits, strict=True):
        if split is None or split[0] == unit:
            rows.append((nis, f"u{unit}", 1.0))
        else:
            rows += [(nis, f"u{unit}", split[1]), (nis, f"u{split[0]}", 1 - split[1])]
    return atoms, pd.DataFrame(rows, columns=["nis", "unit_id", "share"])


NO_BORDERS = pd.DataFrame(
    {"nis_a": pd.Series(dtype=str), "nis_b": pd.Series(dtype=str), "length_m": pd.Series(dtype=float)}
)
SYMMETRIC = ("v_measure", "nmi", "ari", "vi", "mapcurves", "coterminous")


@settings(max_examples=60, deadline=None)
@given(partitions())
def test_identical_layers_score_perfectly(case) -> None:
    atoms, membership = case
    layer = make_layer("x", membership)
    summary = Comparator(atoms, NO_BORDERS).compare(layer, layer, "area").summary()
    for key in (
        "v_measure",
        "homogeneity",
        "completeness",
        "nmi",
        "ari",
        "mapcurves",
        "nested_a_in_b",
        "nested_b_in_a",
    ):
        assert summary[key] == pytest.approx(1.0), key
    assert summary["vi"] == pytest.approx(0.0, abs=1e-9)
    assert summary["alignment_cost_a_into_b"] == pytest.approx(0.0, abs=1e-6)
    assert summary["coterminous"] == summary["units_a"]


@settings(max_examples=60, deadline=None)
@given(partitions(), partitions(), st.randoms(use_true_random=False))
def test_relabelling_units_changes_nothing(first, second, rng) -> None:
    atoms, membership_a = first
    membership_b = second[1]
    membership_b = membership_b[membership_b["nis"].isin(atoms["nis"])]
    labels = sorted(membership_a["unit_id"].unique())
    shuffled = labels[:]
    rng.shuffle(shuffled)
    relabelled = membership_a.assign(
        unit_id=membership_a["unit_id"].map(dict(zip(labels, [f"z{x}" for x in shuffled], strict=True)))
    )
    comparator = Comparator(atoms, NO_BORDERS)
    b = make_layer("b", membership_b) if not membership_b.empty else make_layer("b", membership_a)
    original = comparator.compare(make_layer("a", membership_a), b, "area").summary()
    renamed = comparator.compare(make_layer("a2", relabelled), b, "area").summary()
    for key, value in original.items():
        if isinstance(value, float):
            assert renamed[key] == pytest.approx(value, rel=1e-9, abs=1e-9), key


@settings(max_examples=60, deadline=None)
@given(partitions(), st.integers(1, 4))
def test_a_refinement_nests_in_its_coarsening(case, groups) -> None:
    atoms, membership = case
    whole = membership.drop_duplicates("nis", keep="first").assign(share=1.0)  # a partition without splits
    coarse = whole.assign(unit_id=whole["unit_id"].map(lambda u: f"g{int(u[1:]) % groups}"))
    summary = (
        Comparator(atoms, NO_BORDERS)
        .compare(make_layer("fine", whole), make_layer("coarse", coarse), "count")
        .summary()
    )
    assert summary["nested_a_in_b"] == 1.0
    assert summary["alignment_cost_a_into_b"] == 0.0
    assert summary["completeness"] == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(partitions(), partitions(), st.floats(0.01, 1000))
def test_scaling_all_weights_changes_nothing(first, second, factor) -> None:
    atoms, membership_a = first
    membership_b = second[1][second[1]["nis"].isin(atoms["nis"])]
    if membership_b.groupby("nis")["share"].sum().round(9).ne(1).any() or membership_b.empty:
        membership_b = membership_a
    a, b = make_layer("a", membership_a), make_layer("b", membership_b)
    base = Comparator(atoms, NO_BORDERS).compare(a, b, "area").summary()
    scaled = Comparator(atoms.assign(area_km2=atoms["area_km2"] * factor), NO_BORDERS).compare(a, b, "area").summary()
    for key, value in base.items():
        if key in ("total_weight", "alignment_cost_a_into_b", "alignment_cost_b_into_a"):
            # costs are differences of sums: exact up to rounding on the scale of the total weight
            assert scaled[key] == pytest.approx(value * factor, rel=1e-9, abs=1e-12 * scaled["total_weight"])
        elif isinstance(value, float):
            assert scaled[key] == pytest.approx(value, rel=1e-9, abs=1e-9), key


@settings(max_examples=60, deadline=None)
@given(partitions(), partitions())
def test_symmetric_metrics_are_symmetric(first, second) -> None:
    atoms, membership_a = first
    membership_b = second[1][second[1]["nis"].isin(atoms["nis"])]
    if membership_b.empty:
        membership_b = membership_a
    a, b = make_layer("a", membership_a), make_layer("b", membership_b)
    comparator = Comparator(atoms, NO_BORDERS)
    forward, backward = comparator.compare(a, b, "area").summary(), comparator.compare(b, a, "area").summary()
    for key in SYMMETRIC:
        assert backward[key] == pytest.approx(forward[key], rel=1e-9, abs=1e-12), key
    assert backward["homogeneity"] == pytest.approx(forward["completeness"])
    assert backward["nested_a_in_b"] == pytest.approx(forward["nested_b_in_a"])
