"""Eén kaart: a toy lattice with a known optimum, brute force and the integer programme agreeing, and the real
grid checked independently (contiguity, floor, the engine's alignment costs, the seed, the refusals)."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from scales.analysis import consensus
from scales.analysis.coverage import region_municipalities
from scales.data.atlas import Atlas
from scales.data.layers import Layer, LayerMeta, membership_frame, units_frame
from scales.engine.compare import Comparator
from scales.problems import UsageError


def lattice(rows: int, cols: int, layers: dict[str, list[int]]) -> consensus.Setup:
    """A rows × cols lattice of atoms (weight 1 each, rook adjacency) with layers given as a unit per atom."""
    size = rows * cols
    nis = np.array([f"{i:05d}" for i in range(size)])
    neighbours = []
    for i in range(size):
        r, c = divmod(i, cols)
        near = [(r + dr) * cols + c + dc for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))
                if 0 <= r + dr < rows and 0 <= c + dc < cols]  # fmt: skip
        neighbours.append(tuple(sorted(near)))
    made, matrices, ids = [], [], []
    for name, units in layers.items():
        meta = LayerMeta(name, name, name, "toy", "none", "", "inferred")
        labels = [f"u{u}" for u in units]
        made.append(Layer(meta, membership_frame(nis, labels), units_frame(sorted(set(labels)), sorted(set(labels)))))
        matrix = np.zeros((size, max(units) + 1))
        matrix[np.arange(size), units] = 1.0
        matrices.append(matrix)
        ids.append(np.array([f"u{u}" for u in range(max(units) + 1)]))
    ones = np.ones(size)
    return consensus.Setup(nis, nis, ones, ones, "inhabitants", "flanders", tuple(made), tuple(matrices), tuple(ids),
                           tuple(neighbours))  # fmt: skip


def brute_force(problem: consensus.Setup, k: int, floor: float = 0.0) -> float:
    """The optimum over every contiguous partition into k regions meeting the floor (tiny problems only)."""
    best = np.inf
    for labels in itertools.product(range(k), repeat=problem.size - 1):
        labels = np.array((0, *labels))
        if len(set(labels)) != k or any(labels[i] > max(labels[:i], default=0) + 1 for i in range(1, len(labels))):
            continue  # each partition once: regions numbered in order of first appearance
        if np.bincount(labels, weights=problem.inhabitants, minlength=k).min() < floor:
            continue
        pieces = [consensus._components(problem.neighbours, np.flatnonzero(labels == r)) for r in range(k)]
        if all(len(p) == 1 for p in pieces):
            best = min(best, consensus.objective(problem, labels, k))
    return best


# quadrants of a 4 × 4 lattice (a fine layer) and its left and right halves (a coarse one)
QUADRANTS = [0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3]
HALVES = [0, 0, 1, 1] * 4


def test_the_known_optimum_of_a_toy_lattice_is_found() -> None:
    """Quadrants nest in the halves: the halves themselves cost 0 for both, and any other split costs."""
    problem = lattice(4, 4, {"fine": QUADRANTS, "coarse": HALVES})
    grid = consensus.best_grid(problem, 2, runs=3, seed=1)
    assert grid.objective == 0
    assert list(grid.labels) == [0, 0, 1, 1] * 4 or list(grid.labels) == [1, 1, 0, 0] * 4
    costs = grid.per_layer().set_index("layer")
    assert costs.loc["fine", "counted"] == "into_grid" and costs.loc["fine", "grid_into"] == 8  # 16 − 2 × 4
    assert costs.loc["coarse", ["into_grid", "grid_into"]].tolist() == [0, 0]  # the halves are the grid
    top_bottom = np.repeat([0, 1], 8)  # the other way to halve costs 8 for the coarse layer, 0 for the fine one
    assert consensus.layer_costs(problem, top_bottom, 2).min(axis=1).tolist() == [0.0, 8.0]


@pytest.mark.parametrize("seed", [3, 7])
def test_heuristic_and_integer_programme_match_brute_force(seed: int) -> None:
    """Random layers on a 3 × 4 lattice: the local search and the MIP both reach the enumerated optimum."""
    rng = np.random.default_rng(seed)
    problem = lattice(3, 4, {"a": list(rng.integers(0, 4, 12)), "b": list(rng.integers(0, 2, 12))})
    optimum = brute_force(problem, 3, floor=3)
    heuristic = consensus.best_grid(problem, 3, floor=3, runs=6, seed=seed)
    solved = consensus.exact(problem, 3, floor=3)
    assert solved.optimal and solved.objective == optimum == solved.lower_bound
    assert heuristic.objective == optimum


def test_an_infeasible_floor_names_the_largest_possible_one(atlas: Atlas) -> None:
    problem = consensus.setup(atlas, [atlas.layer("police_zone")])
    total = problem.inhabitants.sum()
    with pytest.raises(UsageError) as refused:
        consensus.best_grid(problem, 5, 3_000_000)
    assert str(int(total // 5)) in str(refused.value) and "3000000" in str(refused.value)


def test_a_layer_that_does_not_cover_the_territory_is_named(atlas: Atlas) -> None:
    layers = [atlas.layer("police_zone"), atlas.layer("veilig_huis")]
    with pytest.raises(UsageError, match="veilig_huis.*19 municipalities"):
        consensus.setup(atlas, layers, territory="flanders_brussels")
    assert consensus.setup(atlas, layers).territory == "flanders"  # auto: the largest both cover
    assert consensus.setup(atlas, [atlas.layer("police_zone")]).size == 304


@pytest.fixture(scope="module")
def real(atlas: Atlas) -> tuple[consensus.Setup, consensus.Grid]:
    problem = consensus.setup(atlas, [atlas.layer(k) for k in consensus.DEFAULT_LAYERS])
    return problem, consensus.best_grid(problem, 15, 150_000, runs=3, seed=5, kicks=5)


def test_every_region_is_contiguous_and_above_the_floor(atlas: Atlas, real) -> None:
    """Checked from the atlas' own borders (plus the one stated tie: Voeren to Riemst), not the engine's lists."""
    problem, grid = real
    assert problem.links == (("73109", "73066"),)
    edges = pd.concat([atlas.borders[["nis_a", "nis_b"]], pd.DataFrame({"nis_a": ["73109"], "nis_b": ["73066"]})])
    regions = pd.Series(grid.regions())
    inhabitants = atlas.atoms.set_index("nis")["inhabitants"]
    assert regions.nunique() == 15 and len(regions) == 285
    for region, members in regions.groupby(regions):
        assert inhabitants[members.index].sum() >= 150_000, region
        inside = edges[edges["nis_a"].isin(members.index) & edges["nis_b"].isin(members.index)]
        reached, todo = {members.index[0]}, [members.index[0]]
        while todo:
            here = todo.pop()
            for there in [*inside.loc[inside["nis_a"] == here, "nis_b"], *inside.loc[inside["nis_b"] == here, "nis_a"]]:
                if there not in reached:
                    reached.add(there)
                    todo.append(there)
        assert reached == set(members.index), region


def test_the_objective_is_the_engines_cheaper_alignment_cost_summed(atlas: Atlas, real) -> None:
    problem, grid = real
    comparator, layer = Comparator(atlas.atoms, atlas.borders), grid.as_layer("toets")
    total = 0.0
    rows = grid.per_layer().set_index("layer")
    for each in problem.layers:
        summary = comparator.compare(each, layer, "inhabitants").summary()
        into, out = summary["alignment_cost_a_into_b"], summary["alignment_cost_b_into_a"]
        assert rows.loc[each.id, ["into_grid", "grid_into"]].tolist() == pytest.approx([into, out])
        total += min(into, out)
    assert grid.objective == pytest.approx(total)
    assert grid.spread["best"] == grid.objective <= grid.spread["median"] <= grid.spread["worst"]


def test_the_same_seed_gives_the_same_grid(real) -> None:
    problem, grid = real
    again = consensus.best_grid(problem, 15, 150_000, runs=3, seed=5, kicks=5)
    assert again.regions() == grid.regions() and again.objective == grid.objective


def test_following_the_grid_costs_what_the_grid_says(atlas: Atlas, real) -> None:
    """Each layer made to follow the grid nests in it (fine) or holds it (coarse), and the municipalities that
    change unit carry the layer's counted cost (inhabitants)."""
    problem, grid = real
    comparator = Comparator(atlas.atoms, atlas.borders)
    followed = consensus.follow(problem, grid, comparator)
    layer = grid.as_layer()
    rows = grid.per_layer().set_index("layer")
    inhabitants = atlas.atoms.set_index("nis")["inhabitants"]
    moved = consensus.changes(problem, followed)
    for each in problem.layers:
        summary = comparator.compare(followed[each.id], layer, "inhabitants").summary()
        key = "alignment_cost_a_into_b" if rows.loc[each.id, "counted"] == "into_grid" else "alignment_cost_b_into_a"
        assert summary[key] == pytest.approx(0, abs=1e-6), each.id
        if each.id != "primary_care_zone":  # Antwerp is split there: a part of it moves, not all its people
            movers = moved.loc[moved["layer"] == each.id, "nis"]
            assert inhabitants[movers].sum() == pytest.approx(rows.loc[each.id, "cost"])
    tables = consensus.tables_per_municipality(problem, list(problem.layers), list(followed.values()))
    assert len(tables) == 285 and tables["inhabitants"].is_monotonic_increasing
    assert tables.iloc[0]["name"] == "Herstappe" and tables["tables_today"].between(1, 5).all()


def test_limburg_in_three_the_heuristic_reaches_the_proven_optimum(atlas: Atlas) -> None:
    """A real sub-problem small enough for the integer programme: the gap is measured, here 0 (13,144)."""
    within = region_municipalities(atlas, "province", "70000", None)
    problem = consensus.setup(atlas, [atlas.layer(k) for k in consensus.DEFAULT_LAYERS], within=within)
    heuristic = consensus.best_grid(problem, 3, 150_000, seed=0)
    solved = consensus.exact(problem, 3, 150_000, upper_bound=heuristic.objective)
    assert solved.optimal and solved.lower_bound == solved.objective == 13_144
    assert heuristic.objective == solved.objective


def test_existing_maps_sit_on_the_curve_at_their_own_size(atlas: Atlas) -> None:
    problem = consensus.setup(atlas, [atlas.layer(k) for k in consensus.DEFAULT_LAYERS])
    points = consensus.anchor_points(problem, [atlas.layer(a) for a in consensus.ANCHORS]).set_index("anchor")
    assert points.loc["province", "k"] == 5 and points.loc["reference_region", "k"] == 15
    assert points.loc["judicial_arrondissement", "k"] == 6  # over Flanders: Brussels' by its Halle-Vilvoorde part
    assert points.loc["province", "objective"] == 0  # every structure nests in the provinces or holds them
    curve = consensus.price_curve(problem, [4, 6], runs=1, seed=0)
    assert list(curve["k"]) == [4, 6] and (curve["objective"] >= 0).all()


def test_a_saved_grid_is_a_layer_every_command_takes(atlas: Atlas, real) -> None:
    """Saved as scenario:NAME, the grid resolves like any layer and its regions can be reported on."""
    from scales.data.store import Store
    from scales.output.region import find_region

    _, grid = real
    saved = Store().save_layer(grid.as_layer("een-kaart-toets"), "een-kaart-toets", note=grid.note())
    layer = atlas.resolve(saved)
    assert dict(zip(layer.membership["nis"], layer.membership["unit_id"], strict=True)) == grid.regions()
    region = find_region(atlas, f"{saved}:R01")
    assert region.nis == {n for n, r in grid.regions().items() if r == "R01"}
    assert region.name == grid.region_names()["R01"]
