"""Eén kaart: the common map of K contiguous regions that the chosen safety structures fit best.

A layer fits a grid when its units lie inside regions (a fine layer) or the regions lie inside its
units (a coarse layer); each layer counts with the cheaper of the two nestings, measured as the
engine's alignment cost (`METRICS.md`). The search is a local search over contiguous moves
(municipalities, and the part of a layer's unit in one region, between neighbouring regions), run
from the existing maps and from random region growth; `exact` solves small problems as an integer
programme (PuLP/CBC, flow-based contiguity) so the heuristic's gap can be measured.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from scales.data.atlas import Atlas
from scales.data.layers import Layer, LayerMeta, membership_frame, share_column, units_frame
from scales.data.store import SCENARIO_PREFIX, clean_name
from scales.engine.contingency import encode
from scales.engine.metrics import WEIGHTS
from scales.problems import Problem, UsageError

DEFAULT_LAYERS = ("police_zone", "primary_care_zone", "veilig_huis", "ariec", "prosecution_area")
"""The safety structures of the report (§4): police, primary care, Veilige Huizen, ARIEC, parketten."""
ANCHORS = ("judicial_arrondissement", "prosecution_area", "province", "reference_region", "admin_arrondissement")
"""The existing maps a common map could be based on (SBV 2025 §5; Flanders' 15 reference regions)."""
TERRITORIES = ("flanders", "flanders_brussels")
DEFAULT_RUNS = 12
DEFAULT_KICKS = 30
"""Perturbations per run (iterated local search): each moves 2–5 edge municipalities, then descends."""
MAX_K = 60
TOLERANCE = 1e-9
"""Relative improvement below which a move counts as no improvement (rounding of fractional shares)."""

Progress = Callable[[float, str], None]


# --- the problem -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setup:
    """The municipalities to divide, their weights and adjacency, and each layer as a matrix
    `m[atom, unit] = weight × share` (so a grid's contingency table is `m.T @ one_hot(grid)`)."""

    nis: np.ndarray
    names: np.ndarray
    weight: np.ndarray
    inhabitants: np.ndarray
    weight_kind: str
    territory: str
    layers: tuple[Layer, ...]
    matrices: tuple[np.ndarray, ...]
    unit_ids: tuple[np.ndarray, ...]
    neighbours: tuple[tuple[int, ...], ...]
    links: tuple[tuple[str, str], ...] = ()
    """Links added so the territory is one piece: (municipality, nearest municipality it is tied to)."""

    @property
    def size(self) -> int:
        return len(self.nis)

    def with_atoms(self, keep: np.ndarray) -> Setup:
        """The same problem on a subset of the municipalities (a boolean mask), adjacency re-linked."""
        index = np.flatnonzero(keep)
        position = {old: new for new, old in enumerate(index)}
        neighbours = tuple(tuple(position[j] for j in self.neighbours[i] if j in position) for i in index)
        return Setup(
            self.nis[index], self.names[index], self.weight[index], self.inhabitants[index], self.weight_kind,
            self.territory, self.layers, tuple(m[index] for m in self.matrices), self.unit_ids, neighbours,
            self.links,
        )  # fmt: skip


def territory_atoms(atlas: Atlas, territory: str) -> np.ndarray:
    """NIS codes of Flanders (285 municipalities) or Flanders and Brussels (304)."""
    atoms = atlas.atoms
    if territory == "flanders":
        return atoms.loc[atoms["region_nis"].astype(str) != "04000", "nis"].to_numpy()
    return atoms["nis"].to_numpy()


def choose_territory(atlas: Atlas, layers: Sequence[Layer], territory: str = "auto") -> str:
    """The largest territory every layer covers (`auto`), or the one asked for; a layer that leaves part of
    it uncovered is named in the refusal."""
    if territory not in ("auto", *TERRITORIES):
        raise UsageError(Problem("unknown_choice", {"what": "territory", "value": territory,
                                                    "known": ", ".join(("auto", *TERRITORIES))}))  # fmt: skip
    for candidate in TERRITORIES[::-1] if territory == "auto" else (territory,):
        needed = set(territory_atoms(atlas, candidate))
        short = [(layer, len(needed - set(layer.membership["nis"]))) for layer in layers]
        short = [(layer, missing) for layer, missing in short if missing]
        if not short:
            return candidate
        if territory != "auto" or candidate == "flanders":
            layer, missing = short[0]
            raise UsageError(
                Problem(
                    "consensus_not_covered",
                    {"layer": layer.meta.name_nl, "id": layer.id, "missing": missing, "territory": candidate},
                )  # fmt: skip
            )
    raise AssertionError("unreachable")


def _adjacency(atlas: Atlas, nis: np.ndarray) -> tuple[list[set[int]], list[tuple[str, str]]]:
    """Neighbours from shared borders; every piece apart from the largest (Voeren, which borders no other
    Flemish municipality) is tied to the nearest municipality of the largest piece, and the tie is said."""
    index = pd.Index(nis)
    borders = atlas.borders
    a, b = index.get_indexer(borders["nis_a"]), index.get_indexer(borders["nis_b"])
    keep = (a >= 0) & (b >= 0)
    neighbours: list[set[int]] = [set() for _ in nis]
    for i, j in zip(a[keep], b[keep], strict=True):
        neighbours[i].add(j)
        neighbours[j].add(i)
    pieces = _components(neighbours, range(len(nis)))
    pieces.sort(key=len, reverse=True)
    links: list[tuple[str, str]] = []
    if len(pieces) > 1:
        shapes = atlas.atoms.set_index("nis").loc[nis, "geometry"].to_numpy()
        main = np.array(sorted(pieces[0]))
        for piece in pieces[1:]:
            gaps = [(shapes[i].distance(shapes[j]), i, j) for i in piece for j in main]
            _, i, j = min(gaps)
            neighbours[i].add(j)
            neighbours[j].add(i)
            links.append((str(nis[i]), str(nis[j])))
    return neighbours, links


def _components(neighbours: Sequence[set[int]] | Sequence[tuple[int, ...]], nodes) -> list[set[int]]:
    """Connected pieces of `nodes` under `neighbours` (restricted to `nodes`)."""
    todo, pieces = set(nodes), []
    while todo:
        start = todo.pop()
        piece, stack = {start}, [start]
        while stack:
            for j in neighbours[stack.pop()]:
                if j in todo:
                    todo.discard(j)
                    piece.add(j)
                    stack.append(j)
        pieces.append(piece)
    return pieces


def setup(
    atlas: Atlas,
    layers: Sequence[Layer],
    weight: str = "inhabitants",
    territory: str = "auto",
    within: set[str] | frozenset[str] | None = None,
) -> Setup:
    """The problem for these layers: the territory they all cover (or a part of it, `within`), weights,
    adjacency (with the ties needed to make it one piece) and each layer's matrix."""
    if weight not in WEIGHTS:
        raise UsageError(Problem("unknown_choice", {"what": "weight", "value": weight, "known": ", ".join(WEIGHTS)}))
    if not layers:
        raise UsageError(Problem("consensus_no_layers", {}))
    chosen = choose_territory(atlas, layers, territory)
    nis = territory_atoms(atlas, chosen)
    if within is not None:
        nis = nis[np.isin(nis, sorted(within))]
    atoms = atlas.atoms.set_index("nis").loc[nis]
    kinds = {"inhabitants": atoms["inhabitants"], "area": atoms["area_km2"], "count": pd.Series(1.0, index=nis)}
    values = kinds[weight].astype(float).to_numpy()
    index = pd.Index(nis)
    matrices, unit_ids = [], []
    for layer in layers:
        code = encode(layer.membership, index, share_column(weight))
        matrix = np.zeros((len(nis), len(code.labels)))
        np.add.at(matrix, (code.atom, code.unit), code.share * values[code.atom])
        matrices.append(matrix)
        unit_ids.append(code.labels)
    neighbours, links = _adjacency(atlas, nis)
    return Setup(
        nis, atoms["name_nl"].to_numpy(), values, atoms["inhabitants"].astype(float).to_numpy(), weight, chosen,
        tuple(layers), tuple(matrices), tuple(unit_ids), tuple(tuple(sorted(n)) for n in neighbours), tuple(links),
    )  # fmt: skip


# --- the objective ---------------------------------------------------------------------------------


def layer_costs(problem: Setup, labels: np.ndarray, k: int) -> np.ndarray:
    """Per layer: [cost of the layer into the grid, cost of the grid into the layer] (the engine's
    alignment cost `N − Σ max` in both directions of the grid × layer contingency table)."""
    one_hot = np.zeros((problem.size, k))
    one_hot[np.arange(problem.size), labels] = 1.0
    costs = []
    for matrix in problem.matrices:
        n = matrix.T @ one_hot  # units × regions
        total = n.sum()
        costs.append((total - n.max(axis=1).sum(), total - n.max(axis=0).sum()))
    return np.array(costs).reshape(len(problem.matrices), 2)


def objective(problem: Setup, labels: np.ndarray, k: int) -> float:
    """The sum over layers of the cheaper nesting."""
    return float(layer_costs(problem, labels, k).min(axis=1).sum())


# --- local search ----------------------------------------------------------------------------------


@dataclass
class _State:
    """A partition with its contingency tables kept up to date, so a move is priced in O(units).

    All layers are stacked into one table (units of every layer × regions) so a move costs a handful of
    numpy calls whatever the number of layers; `offsets` mark where each layer's units start."""

    problem: Setup
    k: int
    floor: float
    labels: np.ndarray

    def __post_init__(self) -> None:
        matrices = self.problem.matrices
        self.stacked = np.hstack(matrices)
        self.offsets = np.cumsum([0, *(m.shape[1] for m in matrices[:-1])])
        self.layer_of = np.repeat(np.arange(len(matrices)), [m.shape[1] for m in matrices])
        one_hot = np.zeros((self.problem.size, self.k))
        one_hot[np.arange(self.problem.size), self.labels] = 1.0
        self.table = self.stacked.T @ one_hot
        self.column_max = np.maximum.reduceat(self.table, self.offsets, axis=0)  # layers × regions
        self.costs = layer_costs(self.problem, self.labels, self.k)
        self.population = np.bincount(self.labels, weights=self.problem.inhabitants, minlength=self.k)
        self.members = [set(np.flatnonzero(self.labels == r)) for r in range(self.k)]
        self.penalty_rate = (len(matrices) + 1) * self.problem.weight.sum() / max(self.problem.inhabitants.sum(), 1.0)

    def shortfall(self, population: np.ndarray | None = None) -> float:
        population = self.population if population is None else population
        return float(np.clip(self.floor - population, 0, None).sum())

    def score(self) -> float:
        """Objective plus a penalty for inhabitants missing below the floor (0 when feasible)."""
        return float(self.costs.min(axis=1).sum()) + self.penalty_rate * self.shortfall()

    def priced(self, block: np.ndarray, source: int, target: int) -> tuple[float, np.ndarray]:
        """The score change of moving `block` (atoms, all in `source`) to `target`, and the new costs."""
        moved = self.stacked[block].sum(axis=0)
        rows = np.flatnonzero(moved)
        part = self.table[rows]
        before = part.max(axis=1)
        part[:, source] -= moved[rows]
        part[:, target] += moved[rows]
        layers = len(self.problem.matrices)
        new = self.costs.copy()
        new[:, 0] += np.bincount(self.layer_of[rows], weights=before - part.max(axis=1), minlength=layers)
        after = self._column_max(moved, source, target)
        new[:, 1] += self.column_max[:, source] + self.column_max[:, target] - after[0] - after[1]
        people = self.problem.inhabitants[block].sum()
        population = self.population.copy()
        population[source] -= people
        population[target] += people
        change = (new.min(axis=1).sum() - self.costs.min(axis=1).sum()) + self.penalty_rate * (
            self.shortfall(population) - self.shortfall()
        )
        return float(change), new

    def _column_max(self, moved: np.ndarray, source: int, target: int) -> tuple[np.ndarray, np.ndarray]:
        """Per layer, the largest unit in the source and the target region after the move."""
        return (
            np.maximum.reduceat(self.table[:, source] - moved, self.offsets),
            np.maximum.reduceat(self.table[:, target] + moved, self.offsets),
        )

    def contiguous_after(self, block: np.ndarray, source: int, target: int) -> bool:
        """Do both regions stay in one piece (and the source non-empty) after the move?"""
        left = self.members[source] - set(block.tolist())
        if not left:
            return False
        neighbours = self.problem.neighbours
        if len(_components(neighbours, left)) != 1:
            return False
        return len(_components(neighbours, self.members[target] | set(block.tolist()))) == 1

    def apply(self, block: np.ndarray, source: int, target: int, costs: np.ndarray) -> None:
        moved = self.stacked[block].sum(axis=0)
        self.column_max[:, source], self.column_max[:, target] = self._column_max(moved, source, target)
        self.table[:, source] -= moved
        self.table[:, target] += moved
        self.costs = costs
        people = self.problem.inhabitants[block].sum()
        self.population[source] -= people
        self.population[target] += people
        self.labels[block] = target
        self.members[source] -= set(block.tolist())
        self.members[target] |= set(block.tolist())


def _candidate_moves(state: _State, blocks: bool = True) -> list[tuple[np.ndarray, int, int]]:
    """Every municipality on a region's edge towards each neighbouring region, and every layer's unit (or
    the part of it in one region) towards each region touching it: a whole police zone can change region
    without being split."""
    labels, neighbours = state.labels, state.problem.neighbours
    moves: list[tuple[np.ndarray, int, int]] = []
    for atom in range(state.problem.size):
        for target in {labels[j] for j in neighbours[atom]} - {labels[atom]}:
            moves.append((np.array([atom]), int(labels[atom]), int(target)))
    for matrix in state.problem.matrices if blocks else ():
        present = matrix > 0
        for unit in range(matrix.shape[1]):
            atoms = np.flatnonzero(present[:, unit])
            for source in np.unique(labels[atoms]):
                block = atoms[labels[atoms] == source]
                if len(block) < 2 or len(block) == len(state.members[source]):
                    continue
                touching = {labels[j] for i in block for j in neighbours[i]} - {source}
                moves.extend((block, int(source), int(target)) for target in touching)
    return moves


def _kick(state: _State, rng: np.random.Generator, size: int) -> None:
    """Move `size` random edge municipalities to a neighbouring region (contiguity kept, cost ignored)."""
    for _ in range(size):
        moves = _candidate_moves(state, blocks=False)
        for position in rng.permutation(len(moves))[:20]:
            block, source, target = moves[position]
            if state.contiguous_after(block, source, target):
                state.apply(block, source, target, state.priced(block, source, target)[1])
                break


def _improve(state: _State, rng: np.random.Generator, kicks: int, deadline: float) -> _State:
    """Iterated local search: descend, then `kicks` times perturb the best partition and descend again,
    keeping the result when it scores better."""
    _descend(state, rng, deadline)
    best = state
    for _ in range(kicks):
        if time.perf_counter() >= deadline:
            break
        trial = _State(best.problem, best.k, best.floor, best.labels.copy())
        _kick(trial, rng, int(rng.integers(2, 6)))
        _descend(trial, rng, deadline)
        if trial.score() < best.score() - TOLERANCE * max(float(best.problem.weight.sum()), 1.0):
            best = trial
    return best


def _descend(state: _State, rng: np.random.Generator, deadline: float) -> None:
    """First-improvement local search until no move improves the score (or time runs out)."""
    scale = TOLERANCE * max(float(state.problem.weight.sum()), 1.0)
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        moves = _candidate_moves(state)
        for position in rng.permutation(len(moves)):
            block, source, target = moves[position]
            if not np.all(state.labels[block] == source) or source == target:
                continue  # stale after an earlier move this sweep
            change, costs = state.priced(block, source, target)
            if change < -scale and state.contiguous_after(block, source, target):
                state.apply(block, source, target, costs)
                improved = True


# --- starting partitions ---------------------------------------------------------------------------


def _grown(problem: Setup, k: int, rng: np.random.Generator) -> np.ndarray:
    """K random seeds grown together, the least populous region taking a neighbour each turn."""
    labels = np.full(problem.size, -1)
    seeds = rng.choice(problem.size, size=k, replace=False)
    labels[seeds] = np.arange(k)
    population = problem.inhabitants[seeds].astype(float).copy()
    while (labels < 0).any():
        grew = False
        for region in np.argsort(population):
            frontier = sorted({j for i in np.flatnonzero(labels == region) for j in problem.neighbours[i]
                               if labels[j] < 0})  # fmt: skip
            if frontier:
                pick = frontier[rng.integers(len(frontier))]
                labels[pick] = region
                population[region] += problem.inhabitants[pick]
                grew = True
                break
        if not grew:  # the remaining atoms touch no region: cannot happen on a connected territory
            raise AssertionError("territory is not connected")
    return labels


def _from_layer(problem: Setup, matrix: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """A layer's units as a start (each municipality in its largest unit, pieces split off), merged down to
    K regions (the cheapest neighbouring pair first) or split up (the most populous region halved)."""
    dominant = matrix.argmax(axis=1)
    labels = np.full(problem.size, -1)
    next_label = 0
    for unit in np.unique(dominant):
        for piece in _components(problem.neighbours, np.flatnonzero(dominant == unit)):
            labels[sorted(piece)] = next_label
            next_label += 1
    while next_label > k:  # merge the neighbouring pair whose union costs least
        best = None
        for region in range(next_label):
            touching = {labels[j] for i in np.flatnonzero(labels == region) for j in problem.neighbours[i]}
            for other in touching - {region}:
                if other < region:
                    continue
                trial = np.where(labels == other, region, labels)
                trial = np.where(trial > other, trial - 1, trial)
                score = objective(problem, trial, next_label - 1)
                if best is None or score < best[0]:
                    best = (score, trial)
        labels = best[1]
        next_label -= 1
    while next_label < k:  # halve the most populous region by growing two far-apart seeds
        population = np.bincount(labels, weights=problem.inhabitants, minlength=next_label)
        region = int(population.argmax())
        atoms = np.flatnonzero(labels == region)
        if len(atoms) < 2:
            return _grown(problem, k, rng)
        sub = problem.with_atoms(labels == region)
        halves = _grown(sub, 2, rng)
        labels[atoms[halves == 1]] = next_label
        next_label += 1
    return labels


# --- results ---------------------------------------------------------------------------------------


@dataclass
class Grid:
    """A partition into K regions with its cost per layer, how it was found and how sure that is."""

    problem: Setup
    k: int
    floor: float
    labels: np.ndarray
    objective: float
    method: str
    runs: int
    spread: dict[str, float]
    seconds: float
    lower_bound: float | None = None
    optimal: bool = False

    @property
    def region_ids(self) -> list[str]:
        return [f"R{r + 1:02d}" for r in range(self.k)]

    def region_names(self) -> dict[str, str]:
        """Each region called after its most populous municipality."""
        names = {}
        for r, region_id in enumerate(self.region_ids):
            atoms = np.flatnonzero(self.labels == r)
            names[region_id] = f"Regio {self.problem.names[atoms[self.problem.inhabitants[atoms].argmax()]]}"
        return names

    def regions(self) -> dict[str, str]:
        """NIS code → region id."""
        ids = self.region_ids
        return {str(n): ids[r] for n, r in zip(self.problem.nis, self.labels, strict=True)}

    def per_layer(self) -> pd.DataFrame:
        """Per layer: both nestings, the one counted, and how many of its units the grid splits."""
        return per_layer(self.problem, self.labels, self.k)

    def region_table(self) -> pd.DataFrame:
        """Per region: id, name, municipalities and inhabitants."""
        names = self.region_names()
        rows = []
        for r, region_id in enumerate(self.region_ids):
            atoms = np.flatnonzero(self.labels == r)
            rows.append({"region": region_id, "name": names[region_id], "municipalities": len(atoms),
                         "inhabitants": float(self.problem.inhabitants[atoms].sum())})  # fmt: skip
        return pd.DataFrame(rows)

    def note(self) -> str:
        """A one-line note for the saved-work list (within the store's 120 characters)."""
        return (f"consensus K={self.k}, floor {self.floor:.0f}, {len(self.problem.layers)} layers, "
                f"objective {self.objective:.0f} {self.problem.weight_kind}")  # fmt: skip

    def as_layer(self, name: str | None = None) -> Layer:
        """The grid as a layer (a scenario), so every page, `scales report` and `scales export` can use it."""
        title = clean_name(name or f"een-kaart-{self.k}")
        regions = self.regions()
        meta = LayerMeta(
            id=SCENARIO_PREFIX + title,
            name_nl=title,
            name_en=title,
            source=f"consensus grid: {self.k} regions fitting {', '.join(each.id for each in self.problem.layers)} "
            f"({self.problem.weight_kind}, floor {self.floor:,.0f} inhabitants; {self.method})",
            licence="derived (CC BY 4.0 sources)",
            reference_date="",
            confidence="inferred",
            territory=self.problem.territory,
            kind="scenario",
            parent="consensus",
        )
        membership = membership_frame(list(regions), list(regions.values()), confidence="inferred")
        names = self.region_names()
        return Layer(meta, membership, units_frame(self.region_ids, [names[r] for r in self.region_ids]))

    def as_json(self) -> dict:
        return {
            "territory": self.problem.territory,
            "municipalities": int(self.problem.size),
            "weight": self.problem.weight_kind,
            "layers": [layer.id for layer in self.problem.layers],
            "k": self.k,
            "min_inhabitants": self.floor,
            "regions": self.regions(),
            "region_names": self.region_names(),
            "objective": self.objective,
            "per_layer": self.per_layer().to_dict(orient="records"),
            "method": self.method,
            "runs": self.runs,
            "spread": self.spread,
            "lower_bound": self.lower_bound,
            "optimal": self.optimal,
            "seconds": round(self.seconds, 3),
            "links": [{"nis": a, "tied_to": b} for a, b in self.problem.links],
        }


def per_layer(problem: Setup, labels: np.ndarray, k: int) -> pd.DataFrame:
    """Both nestings per layer (`into_grid`: the layer's units inside regions; `grid_into`: regions inside
    its units), the cheaper one counted, and the units split over more than one region."""
    costs = layer_costs(problem, labels, k)
    one_hot = np.eye(k)[labels]
    rows = []
    for layer, matrix, (into, out) in zip(problem.layers, problem.matrices, costs, strict=True):
        n = matrix.T @ one_hot
        split = int(((n > TOLERANCE * max(n.sum(), 1.0)).sum(axis=1) > 1).sum())
        rows.append({"layer": layer.id, "into_grid": float(into), "grid_into": float(out),
                     "counted": "into_grid" if into <= out else "grid_into", "cost": float(min(into, out)),
                     "units": int((n.sum(axis=1) > 0).sum()), "units_split": split})  # fmt: skip
    return pd.DataFrame(rows)


def _checked_floor(problem: Setup, k: int, floor: float) -> None:
    """Refuse K or a floor no partition can meet, naming the largest floor possible (at most total / K)."""
    if not 1 <= k <= min(problem.size, MAX_K):
        raise UsageError(Problem("consensus_k", {"k": k, "limit": min(problem.size, MAX_K)}))
    total = float(problem.inhabitants.sum())
    if floor * k > total:
        raise UsageError(
            Problem(
                "consensus_floor", {"k": k, "floor": round(floor), "total": round(total), "largest": int(total // k)}
            )  # fmt: skip
        )


def best_grid(
    problem: Setup,
    k: int,
    floor: float = 0.0,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
    progress: Progress | None = None,
    time_limit: float = 120.0,
    kicks: int = DEFAULT_KICKS,
) -> Grid:
    """The best of `runs` local searches (starts: each existing map of the problem's layers and the anchors
    brought to K regions, then random region growth), every region contiguous and ≥ `floor` inhabitants."""
    _checked_floor(problem, k, floor)
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    starts = [matrix for matrix in problem.matrices]
    results: list[tuple[float, float, np.ndarray]] = []
    for run in range(runs):
        if progress:
            progress(run / runs, f"run {run + 1}/{runs}")
        labels = _from_layer(problem, starts[run], k, rng) if run < len(starts) else _grown(problem, k, rng)
        state = _improve(_State(problem, k, floor, labels.copy()), rng, kicks, started + time_limit)
        results.append((state.shortfall(), float(state.costs.min(axis=1).sum()), state.labels.copy()))
    feasible = [r for r in results if r[0] <= 0]
    if not feasible:
        reached = max(float(np.bincount(r[2], weights=problem.inhabitants, minlength=k).min()) for r in results)
        raise UsageError(Problem("consensus_floor_unreached", {"k": k, "floor": round(floor),
                                                               "reached": round(reached)}))  # fmt: skip
    values = np.array([r[1] for r in feasible])
    _, value, labels = min(feasible, key=lambda r: r[1])
    if progress:
        progress(1.0, "done")
    method = (
        f"local search over contiguous moves (municipalities and parts of units between neighbouring regions), "
        f"first improvement, best of {runs} runs from the layers' own maps and random region growth (seed {seed})"
    )
    return Grid(problem, k, floor, _canonical(labels, problem), value, method, runs,
                {"best": float(values.min()), "median": float(np.median(values)), "worst": float(values.max()),
                 "infeasible_runs": len(results) - len(feasible)},
                time.perf_counter() - started)  # fmt: skip


def _canonical(labels: np.ndarray, problem: Setup) -> np.ndarray:
    """Regions numbered by population, largest first, so the same partition always reads the same."""
    k = int(labels.max()) + 1
    population = np.bincount(labels, weights=problem.inhabitants, minlength=k)
    order = np.lexsort((np.arange(k), -population))
    rank = np.empty(k, dtype=int)
    rank[order] = np.arange(k)
    return rank[labels]


def anchor_grid(problem: Setup, anchor: Layer) -> tuple[Setup, np.ndarray, int]:
    """An existing map as a grid over the part of the territory it covers: (problem there, labels, K)."""
    code = encode(anchor.membership, pd.Index(problem.nis), share_column(problem.weight_kind))
    covered = np.bincount(code.atom, minlength=problem.size) > 0
    sub = problem.with_atoms(covered)
    code = encode(anchor.membership, pd.Index(sub.nis), share_column(problem.weight_kind))
    matrix = np.zeros((sub.size, len(code.labels)))
    np.add.at(matrix, (code.atom, code.unit), code.share)
    dominant = matrix.argmax(axis=1)
    used, labels = np.unique(dominant, return_inverse=True)
    return sub, labels, len(used)


def compare_anchors(
    problem: Setup,
    anchors: Sequence[Layer],
    floor: float = 0.0,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Each anchor's cost per layer beside the best grid with the same number of regions on the same
    territory; the floor is lowered to the anchor's smallest unit where the anchor itself is below it."""
    rows = []
    for step, anchor in enumerate(anchors):
        if progress:
            progress(step / len(anchors), anchor.meta.name_nl)
        sub, labels, k = anchor_grid(problem, anchor)
        smallest = float(np.bincount(labels, weights=sub.inhabitants, minlength=k).min())
        fair = min(floor, smallest)
        best = best_grid(sub, k, fair, runs, seed)
        mine, theirs = per_layer(sub, labels, k), best.per_layer()
        for own, grid in zip(mine.itertuples(), theirs.itertuples(), strict=True):
            rows.append({"anchor": anchor.id, "k": k, "municipalities": int(sub.size), "floor": fair,
                         "layer": own.layer, "anchor_cost": own.cost, "anchor_counted": own.counted,
                         "best_cost": grid.cost, "best_counted": grid.counted})  # fmt: skip
    if progress:
        progress(1.0, "done")
    return pd.DataFrame(rows)


def price_curve(
    problem: Setup,
    ks: Sequence[int],
    floor: float = 0.0,
    runs: int = 4,
    seed: int = 0,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """The best objective found for each K (the grid's price of being finer or coarser)."""
    rows = []
    for step, k in enumerate(ks):
        if progress:
            progress(step / len(ks), f"K = {k}")
        grid = best_grid(problem, k, floor, runs, seed)
        rows.append({"k": k, "objective": grid.objective, "median": grid.spread["median"],
                     "worst": grid.spread["worst"], "seconds": round(grid.seconds, 2)})  # fmt: skip
    if progress:
        progress(1.0, "done")
    return pd.DataFrame(rows)


def anchor_points(problem: Setup, anchors: Sequence[Layer]) -> pd.DataFrame:
    """Each anchor as a point on the price curve: its K and objective over the territory it covers."""
    rows = []
    for anchor in anchors:
        sub, labels, k = anchor_grid(problem, anchor)
        rows.append({"anchor": anchor.id, "name_nl": anchor.meta.name_nl, "name_en": anchor.meta.name_en, "k": k,
                     "objective": objective(sub, labels, k), "municipalities": int(sub.size)})  # fmt: skip
    return pd.DataFrame(rows)


# --- exact, for small problems ---------------------------------------------------------------------


def exact(
    problem: Setup, k: int, floor: float = 0.0, time_limit: float = 300.0, upper_bound: float | None = None
) -> Grid:
    """The optimum as a mixed-integer programme (PuLP with CBC), for a province or a toy grid.

    Assignment variables; a root and a single-commodity flow per region for contiguity (Shirabe 2005);
    per layer and direction the weight kept at home as `kept ≤ x[atom, region]`, `kept ≤ pick[unit,
    region]` (tighter than a big-M maximum), and a binary choosing the cheaper direction. A direction
    whose lower bound (`N − K × largest unit`) exceeds `upper_bound` (e.g. the heuristic's value) cannot
    be the cheaper one in any better grid and is left out, as is a layer with one unit (it costs 0).
    `optimal` says whether CBC proved optimality within `time_limit` (then `lower_bound` is the objective)."""
    import pulp

    _checked_floor(problem, k, floor)
    started = time.perf_counter()
    atoms, regions = range(problem.size), range(k)
    arcs = [(i, j) for i in atoms for j in problem.neighbours[i]]
    big = float(problem.size)
    model = pulp.LpProblem("een_kaart", pulp.LpMinimize)
    x = pulp.LpVariable.dicts("x", (atoms, regions), cat="Binary")
    root = pulp.LpVariable.dicts("root", (atoms, regions), cat="Binary")
    flow = pulp.LpVariable.dicts("flow", (range(len(arcs)), regions), lowBound=0)
    for i in atoms:
        model += pulp.lpSum(x[i][r] for r in regions) == 1
    model += x[0][0] == 1  # regions are interchangeable: the first municipality's region is region 0
    for r in regions:
        model += pulp.lpSum(root[i][r] for i in atoms) == 1
        model += pulp.lpSum(float(problem.inhabitants[i]) * x[i][r] for i in atoms) >= floor
        inflow: dict[int, list] = {i: [] for i in atoms}
        outflow: dict[int, list] = {i: [] for i in atoms}
        for a, (i, j) in enumerate(arcs):
            model += flow[a][r] <= big * x[i][r]
            model += flow[a][r] <= big * x[j][r]
            outflow[i].append(flow[a][r])
            inflow[j].append(flow[a][r])
        for i in atoms:
            model += root[i][r] <= x[i][r]
            model += pulp.lpSum(inflow[i]) - pulp.lpSum(outflow[i]) >= x[i][r] - big * root[i][r]
    total_cost = []
    for number, matrix in enumerate(problem.matrices):
        units = [u for u in range(matrix.shape[1]) if matrix[:, u].sum() > 0]
        if len(units) <= 1:
            continue
        weight_total = float(matrix.sum())
        pieces = [(i, u) for u in units for i in atoms if matrix[i, u] > 0]
        costs = {}
        for direction, owner in (("into", "unit"), ("out", "region")):
            largest = max(float(matrix[:, u].sum()) for u in units)
            if direction == "out" and upper_bound is not None and weight_total - k * largest > upper_bound:
                continue
            tag = f"{direction}{number}"
            kept = pulp.LpVariable.dicts(f"kept_{tag}", (range(len(pieces)), regions), lowBound=0, upBound=1)
            pick = pulp.LpVariable.dicts(f"pick_{tag}", (units, regions), cat="Binary")
            if owner == "unit":  # each unit keeps the weight in one region
                for u in units:
                    model += pulp.lpSum(pick[u][r] for r in regions) == 1
            else:  # each region keeps the weight of one unit
                for r in regions:
                    model += pulp.lpSum(pick[u][r] for u in units) == 1
            for p, (i, u) in enumerate(pieces):
                for r in regions:
                    model += kept[p][r] <= x[i][r]
                    model += kept[p][r] <= pick[u][r]
            home = pulp.lpSum(float(matrix[i, u]) * kept[p][r] for p, (i, u) in enumerate(pieces) for r in regions)
            costs[direction] = weight_total - home
        cost = pulp.LpVariable(f"cost{number}", lowBound=0)
        if len(costs) == 1:
            model += cost >= next(iter(costs.values()))
        else:
            choice = pulp.LpVariable(f"direction{number}", cat="Binary")
            model += cost >= costs["into"] - weight_total * choice
            model += cost >= costs["out"] - weight_total * (1 - choice)
        total_cost.append(cost)
    model += pulp.lpSum(total_cost)
    status = model.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit))
    if pulp.LpStatus[status] == "Infeasible":
        raise UsageError(Problem("consensus_floor_unreached", {"k": k, "floor": round(floor), "reached": "—"}))
    labels = np.array([max(regions, key=lambda r: x[i][r].value() or 0.0) for i in atoms])
    optimal = pulp.LpStatus[status] == "Optimal" and model.sol_status == pulp.LpSolutionOptimal
    value = objective(problem, labels, k)
    method = f"mixed-integer programme (PuLP {pulp.__version__}, CBC; flow-based contiguity)"
    return Grid(problem, k, floor, _canonical(labels, problem), value, method, 1,
                {"best": value, "median": value, "worst": value, "infeasible_runs": 0},
                time.perf_counter() - started, value if optimal else None, optimal)  # fmt: skip


# --- what the grid would change ------------------------------------------------------------------


def follow(problem: Setup, grid: Grid, comparator) -> dict[str, Layer]:
    """Each layer as it would be if it followed the grid in its counted direction: a fine layer nested
    into the regions (the engine's `align`), a coarse one grown into unions of whole regions (each region
    joins the unit holding most of its weight). Municipalities outside the territory keep their units."""
    from scales.analysis.scenarios import align  # scenarios imports the engine; kept local to stay light

    grid_layer = grid.as_layer()
    counted = dict(zip(grid.per_layer()["layer"], grid.per_layer()["counted"], strict=True))
    one_hot = np.eye(grid.k)[grid.labels]
    followed = {}
    for layer, matrix, ids in zip(problem.layers, problem.matrices, problem.unit_ids, strict=True):
        if counted[layer.id] == "into_grid":
            followed[layer.id] = align(comparator, layer, grid_layer, problem.weight_kind).layer
            continue
        owner = ids[(matrix.T @ one_hot).argmax(axis=0)]  # region → the unit holding most of its weight
        inside = pd.DataFrame({"nis": problem.nis, "unit_id": owner[grid.labels]})
        outside = layer.membership[~layer.membership["nis"].isin(problem.nis)]
        rows = pd.concat([membership_frame(inside["nis"], inside["unit_id"], confidence="inferred"), outside],
                         ignore_index=True)  # fmt: skip
        followed[layer.id] = Layer(layer.meta, rows, layer.units, layer.not_covered)
    return followed


def tables_per_municipality(problem: Setup, today: Sequence[Layer], after: Sequence[Layer]) -> pd.DataFrame:
    """Per municipality, the number of distinct regional tables it sits at: the distinct territories (sets
    of member municipalities within the territory) among its units across the layers, today and after the
    layers follow the grid. Two structures with the same members are one table."""

    def count(layers: Sequence[Layer]) -> pd.Series:
        territory = set(problem.nis)
        seats: dict[str, set[frozenset]] = {str(n): set() for n in problem.nis}
        for layer in layers:
            rows = layer.membership[layer.membership["nis"].isin(territory) & (layer.membership["share"] > 0)]
            members = rows.groupby("unit_id")["nis"].agg(frozenset)
            for nis, unit in zip(rows["nis"], rows["unit_id"], strict=True):
                seats[nis].add(members[unit])
        return pd.Series({nis: len(tables) for nis, tables in seats.items()})

    frame = pd.DataFrame({"nis": problem.nis, "name": problem.names, "inhabitants": problem.inhabitants})
    frame["tables_today"] = frame["nis"].map(count(today))
    frame["tables_grid"] = frame["nis"].map(count(after))
    return frame.sort_values(["inhabitants", "nis"]).reset_index(drop=True)


def changes(problem: Setup, followed: dict[str, Layer]) -> pd.DataFrame:
    """Per layer, the municipalities that would change unit if it followed the grid (names as read)."""
    from scales.analysis.scenarios import moved_municipalities

    parts = []
    names = dict(zip(problem.nis, problem.names, strict=True))
    for layer in problem.layers:
        moved = moved_municipalities(layer, followed[layer.id])
        moved = moved[moved["nis"].isin(problem.nis)]
        parts.append(moved.assign(layer=layer.id, name=moved["nis"].map(names)))
    columns = ["layer", "nis", "name", "from", "to", "from_name", "to_name"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)
