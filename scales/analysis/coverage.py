"""Coverage of service locations: how far residents live from the nearest location, per unit of any
layer, the gaps, a what-if, and where the next antenna points would reach most people.

Distances are straight lines in Belgian Lambert 72 (EPSG:31370), in km. Demand is each
municipality's inhabitants at its interior point (`representative_point`, always inside the
municipality), or finer demand points with a NIS code and a weight (see `sectors`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from scales.data.atlas import Atlas
from scales.data.atoms import CRS_METRIC
from scales.data.custom import CustomLayerError, read_table
from scales.data.layers import Layer, dominant_units
from scales.data.validate import FLEMISH_REGION
from scales.problems import Problem, UsageError
from scales.texts import text_problem

DEFAULT_THRESHOLD_KM = 15.0
"""The default reach of a location, from the issue brief; every page and command lets it be changed."""
LOCATION_KINDS = ("veilig_huis_locations", "antenna_points", "houses_of_justice", "court_seats")
MAX_SUGGESTED = 25
"""The most sites one suggestion may ask for."""
MAX_LOCATIONS = 1_000
"""The most locations one uploaded file may hold (Flanders has 285 municipalities; 1,000 places is a dense
network, and each one costs a distance to every municipality on every what-if)."""
TO_METRIC = Transformer.from_crs("EPSG:4326", CRS_METRIC, always_xy=True)
LOCATION_COLUMNS = ["location_id", "name", "kind", "nis", "veilig_huis", "lon", "lat", "x", "y", "basis"]


@dataclass(frozen=True)
class Demand:
    """Where people live: one row per demand point (`point_id`, `nis`, `x`, `y` in metres, `weight`)."""

    points: pd.DataFrame
    resolution: str
    basis: str


def municipal_demand(atlas: Atlas, territory: str = "flanders") -> Demand:
    """Inhabitants of each municipality of `territory` (flanders: the Veilige Huizen's; or
    flanders_brussels) at its interior point."""
    flemish = atlas.atoms["region_nis"] == FLEMISH_REGION
    atoms = atlas.atoms if territory == "flanders_brussels" else atlas.atoms[flemish]
    points = atoms[["nis", "x", "y", "inhabitants"]].rename(columns={"inhabitants": "weight"})
    points = points.assign(point_id=points["nis"], weight=points["weight"].astype(float))
    basis = f"inhabitants on 1 January {atlas.population_year} at each municipality's interior point"
    return Demand(points[["point_id", "nis", "x", "y", "weight"]].reset_index(drop=True), "municipality", basis)


def own_veilig_huis(atlas: Atlas, nis: pd.Series, date: dt.date | str | None = None) -> pd.Series:
    """The Veilig Huis whose working area holds each municipality ("" where none does, e.g. Brussels)."""
    return nis.map(dominant_units(atlas.layer("veilig_huis", date).membership)).fillna("")


def locations(atlas: Atlas, kinds: tuple[str, ...] = ("veilig_huis_locations", "antenna_points"), date=None):
    """The product's own locations of the given kinds, in metres, each with the Veilig Huis whose area
    holds it (for a main location: its own Veilig Huis)."""
    unknown = [kind for kind in kinds if kind not in LOCATION_KINDS]
    if unknown:
        raise UsageError(
            Problem("locations_unknown", {"kinds": ", ".join(unknown), "known": ", ".join(LOCATION_KINDS)})
        )
    frames = []
    for kind in kinds:
        points = atlas.points[kind]
        frames.append(
            pd.DataFrame(
                {
                    "location_id": points["point_id"],
                    "name": points["name"],
                    "kind": kind,
                    "nis": points["nis"],
                    "lon": points["lon"].astype(float),
                    "lat": points["lat"].astype(float),
                    "basis": points["location_basis"],
                }
            )
        )
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=LOCATION_COLUMNS)
    return with_metric(table, atlas, date)


def with_metric(table: pd.DataFrame, atlas: Atlas, date=None) -> pd.DataFrame:
    """Add Lambert 72 coordinates and the Veilig Huis of each location (main locations keep their own)."""
    table = table.copy()
    table["x"], table["y"] = TO_METRIC.transform(table["lon"].to_numpy(float), table["lat"].to_numpy(float))
    area = own_veilig_huis(atlas, table["nis"], date)
    main = table["kind"].eq("veilig_huis_locations")
    table["veilig_huis"] = table["location_id"].where(main, area)
    return table[LOCATION_COLUMNS].reset_index(drop=True)


def distance_km(demand: pd.DataFrame, places: pd.DataFrame) -> np.ndarray:
    """Straight-line distances (km, EPSG:31370) from every demand point (rows) to every place (columns)."""
    dx = demand["x"].to_numpy(float)[:, None] - places["x"].to_numpy(float)[None, :]
    dy = demand["y"].to_numpy(float)[:, None] - places["y"].to_numpy(float)[None, :]
    return np.hypot(dx, dy) / 1000.0


@dataclass(frozen=True)
class Coverage:
    """Per demand point: the nearest location, its distance, and the distance to its own Veilig Huis."""

    demand: Demand
    places: pd.DataFrame
    threshold_km: float
    points: pd.DataFrame  # demand points with nearest_id, nearest_km, nearest_vh, own_vh, own_km

    def within(self) -> pd.Series:
        """Within the threshold of any location (the nearest, whichever Veilig Huis it belongs to)."""
        return self.points["nearest_km"] <= self.threshold_km

    def within_own(self) -> pd.Series:
        """Within the threshold of a location of the resident's own Veilig Huis (the one whose area holds
        the municipality); False where no Veilig Huis covers it."""
        return self.points["own_km"] <= self.threshold_km


def coverage(
    atlas: Atlas,
    places: pd.DataFrame,
    threshold_km: float = DEFAULT_THRESHOLD_KM,
    demand: Demand | None = None,
    date: dt.date | str | None = None,
) -> Coverage:
    """Nearest location and own-Veilig-Huis distance for every demand point of the atlas. Without any
    location there is no distance to measure: refused, never reported as 0 km."""
    if places.empty:
        raise UsageError(Problem("coverage_no_location"))
    demand = demand or municipal_demand(atlas)
    return assess(demand, places, own_veilig_huis(atlas, demand.points["nis"], date).to_numpy(), threshold_km)


def assess(demand: Demand, places: pd.DataFrame, own_vh: np.ndarray, threshold_km: float) -> Coverage:
    """For each demand point: the nearest place (id, Veilig Huis, km) and the nearest place of its own
    Veilig Huis (`own_vh`, "" for none: NaN km)."""
    points = demand.points.copy()
    points["own_vh"] = own_vh
    if places.empty:
        points[["nearest_id", "nearest_vh"]] = ""
        points[["nearest_km", "own_km"]] = np.nan
        return Coverage(demand, places, threshold_km, points)
    km = distance_km(points, places)
    nearest = km.argmin(axis=1)
    points["nearest_id"] = places["location_id"].to_numpy()[nearest]
    points["nearest_vh"] = places["veilig_huis"].to_numpy()[nearest]
    points["nearest_km"] = km[np.arange(len(points)), nearest]
    own = points["own_vh"].to_numpy()[:, None] == places["veilig_huis"].to_numpy()[None, :]
    own_km = np.where(own, km, np.inf).min(axis=1)
    points["own_km"] = np.where(np.isfinite(own_km), own_km, np.nan)
    return Coverage(demand, places, threshold_km, points)


BY_UNIT_COLUMNS = [
    "unit_id", "name", "inhabitants", "inhabitants_within", "share_within", "mean_distance_km",
    "worst_nis", "worst_name", "worst_km",
    "inhabitants_within_own", "share_within_own", "mean_own_distance_km", "inhabitants_nearer_other",
]  # fmt: skip
"""Two readings side by side: `…within`/`mean_distance_km` measure to the nearest location of any Veilig
Huis, `…_own` to the nearest location of the resident's own Veilig Huis; `inhabitants_nearer_other` counts
residents whose nearest location belongs to another house."""


def by_unit(result: Coverage, layer: Layer, names: dict[str, str]) -> pd.DataFrame:
    """Per unit of `layer`: inhabitants (by inhabitant share); those within the threshold of any location
    and of their own Veilig Huis's locations, with shares and population-weighted mean distances; those
    whose nearest location belongs to another house; and the worst-served municipality of the unit (the
    farthest from any location)."""
    members = layer.membership[["nis", "unit_id", "share_inhabitants"]]
    rows = result.points.merge(members, on="nis")
    people = rows["weight"].to_numpy() * rows["share_inhabitants"].to_numpy()
    nearest, own = rows["nearest_km"].to_numpy(), rows["own_km"].to_numpy()
    has_own = ~np.isnan(own)
    other = (rows["own_vh"] != "").to_numpy() & (rows["nearest_vh"] != rows["own_vh"]).to_numpy()
    parts = pd.DataFrame(
        {
            "inhabitants": people,
            "inhabitants_within": np.where(nearest <= result.threshold_km, people, 0.0),
            "people_km": people * nearest,
            "inhabitants_within_own": np.where(own <= result.threshold_km, people, 0.0),
            "people_own_km": np.where(has_own, people * own, 0.0),
            "people_with_own": np.where(has_own, people, 0.0),
            "inhabitants_nearer_other": np.where(other, people, 0.0),
        }
    )
    table = parts.groupby(rows["unit_id"].to_numpy()).sum()  # one pass for every sum
    table["mean_distance_km"] = table["people_km"] / table["inhabitants"]
    with_own = table["people_with_own"]
    table["mean_own_distance_km"] = (table["people_own_km"] / with_own).where(with_own > 0)
    table["share_within"] = table["inhabitants_within"] / table["inhabitants"]
    table["share_within_own"] = table["inhabitants_within_own"] / table["inhabitants"]
    per_municipality = rows.groupby(["unit_id", "nis"])["nearest_km"].max().reset_index()
    worst = per_municipality.sort_values("nearest_km").drop_duplicates("unit_id", keep="last").set_index("unit_id")
    table["worst_nis"] = worst["nis"]
    table["worst_name"] = table["worst_nis"].map(names)
    table["worst_km"] = worst["nearest_km"]
    table = table.reset_index().rename(columns={"index": "unit_id"})
    table["name"] = table["unit_id"].map(layer.unit_names())
    return table[BY_UNIT_COLUMNS].sort_values("share_within_own").reset_index(drop=True)


def units_without_location(layer: Layer, places: pd.DataFrame, atlas: Atlas) -> pd.DataFrame:
    """Units of `layer` with no location inside. A location in a municipality the layer splits is placed
    by point-in-polygon in the layer's sub-municipal pieces (e.g. Antwerp's eerstelijnszones)."""
    holding = set()
    pieces = atlas.pieces.get(layer.id) if atlas.builtin(layer) else None
    dominant = dominant_units(layer.membership)
    for place in places.itertuples():
        inside = None
        if pieces is not None and place.nis in set(pieces["nis"]):
            hit = pieces[(pieces["nis"] == place.nis) & pieces.contains(shapely.Point(place.x, place.y))]
            inside = hit["unit_id"].iloc[0] if len(hit) else None
        holding.add(inside or dominant.get(place.nis))
    empty = layer.units[~layer.units["unit_id"].isin(holding)]
    return empty[["unit_id", "name"]].reset_index(drop=True)


def gaps(result: Coverage, atlas: Atlas, date=None) -> dict[str, pd.DataFrame]:
    """What a governor should look at, each list ranked by the inhabitants it concerns and with its province:
    zones without a location, municipalities beyond the threshold, municipalities whose nearest location
    belongs to another Veilig Huis, and municipalities that no Flemish Veilig Huis covers (Brussels)."""
    names = atlas.names
    province = province_of(atlas)
    per_nis = result.points.groupby("nis").agg(
        inhabitants=("weight", "sum"), nearest_km=("nearest_km", "max"), nearest_id=("nearest_id", "first"),
        nearest_vh=("nearest_vh", "first"), own_vh=("own_vh", "first"), own_km=("own_km", "max"),
    ).reset_index()  # fmt: skip
    per_nis.insert(1, "name", per_nis["nis"].map(names))
    per_nis.insert(2, "province", per_nis["nis"].map(province))
    ranked = per_nis.sort_values(["inhabitants", "nis"], ascending=[False, True])
    beyond = ranked[ranked["nearest_km"] > result.threshold_km]
    other = ranked[(ranked["own_vh"] != "") & (ranked["nearest_vh"] != ranked["own_vh"])]
    own = own_veilig_huis(atlas, atlas.atoms["nis"], date)
    uncovered = atlas.atoms.loc[own == "", ["nis", "name_nl", "inhabitants"]].rename(columns={"name_nl": "name"})
    return {
        layer_id: zones_ranked(
            atlas,
            atlas.layer(layer_id, date),
            units_without_location(atlas.layer(layer_id, date), result.places, atlas),
        )
        for layer_id in ("primary_care_zone", "police_zone")
    } | {  # fmt: skip
        "beyond": beyond.reset_index(drop=True),
        "other_veilig_huis": other.reset_index(drop=True),
        "no_veilig_huis": uncovered.sort_values("inhabitants", ascending=False).reset_index(drop=True),
    }


def zones_ranked(atlas: Atlas, layer: Layer, zones: pd.DataFrame) -> pd.DataFrame:
    """Zones (`unit_id`, `name`) with their inhabitants and province (that of their most populous
    municipality), most inhabitants first."""
    people = atlas.atoms.set_index("nis")["inhabitants"]
    rows = layer.membership[layer.membership["unit_id"].isin(zones["unit_id"])]
    rows = rows.assign(people=rows["nis"].map(people) * rows["share_inhabitants"])
    inhabitants = rows.groupby("unit_id")["people"].sum().round()
    largest = rows.sort_values("people").drop_duplicates("unit_id", keep="last").set_index("unit_id")["nis"]
    province = largest.map(province_of(atlas))
    table = zones.assign(
        province=zones["unit_id"].map(province).fillna(""), inhabitants=zones["unit_id"].map(inhabitants).fillna(0)
    )
    return table.sort_values(["inhabitants", "unit_id"], ascending=[False, True]).reset_index(drop=True)


def province_of(atlas: Atlas) -> pd.Series:
    """NIS → province name, or the region's for Brussels (which has no province)."""
    atoms = atlas.atoms.set_index("nis")
    return atoms["province"].where(atoms["province"].fillna("") != "", atoms["region"])


REGION_LAYERS = ("province", "judicial_arrondissement", "veilig_huis")
"""The layers a governor can narrow suggestions and gap lists to (one unit of one of them)."""


def region_municipalities(atlas: Atlas, layer_id: str, unit_id: str, date=None) -> frozenset[str]:
    """The municipalities of one unit (a split municipality counts where most of it lies)."""
    dominant = dominant_units(atlas.layer(layer_id, date).membership)
    return frozenset(dominant.index[dominant == unit_id])


def totals(result: Coverage) -> dict[str, float]:
    """Headline figures of a coverage, to any location and to the resident's own Veilig Huis: inhabitants,
    within the threshold, share, weighted mean distance; and residents nearer another house's location."""
    points = result.points
    weight = points["weight"]
    total = float(weight.sum())
    within, within_own = float(weight[result.within()].sum()), float(weight[result.within_own()].sum())
    has_own = points["own_km"].notna()
    other = (points["own_vh"] != "") & (points["nearest_vh"] != points["own_vh"])
    return {
        "inhabitants": total,
        "inhabitants_within": within,
        "share_within": within / total if total else 0.0,
        "mean_distance_km": float((weight * points["nearest_km"]).sum() / total) if total else 0.0,
        "inhabitants_within_own": within_own,
        "share_within_own": within_own / total if total else 0.0,
        "mean_own_distance_km": float((weight * points["own_km"])[has_own].sum() / weight[has_own].sum())
        if weight[has_own].sum()
        else float("nan"),
        "inhabitants_nearer_other": float(weight[other].sum()),
    }


def delta(before: Coverage, after: Coverage) -> dict[str, float]:
    """How the headline figures change from `before` to `after` (a what-if)."""
    first, second = totals(before), totals(after)
    return {key: second[key] - first[key] for key in first}


def add_location(places: pd.DataFrame, atlas: Atlas, nis: str, name: str, date=None) -> pd.DataFrame:
    """The locations plus a new antenna point at a municipality's interior point (a what-if)."""
    atom = atlas.atoms.set_index("nis").loc[nis]
    new = pd.DataFrame(
        {"location_id": [f"new-{nis}"], "name": [name], "kind": ["antenna_points"], "nis": [nis],
         "lon": [float(atom["lon"])], "lat": [float(atom["lat"])], "basis": ["what-if: interior point"]}
    )  # fmt: skip
    return pd.concat([places, with_metric(new, atlas, date)], ignore_index=True)


# --- where to put the next antenna points ---------------------------------------------------------


def _reach(demand: pd.DataFrame, candidates: pd.DataFrame, threshold_km: float) -> np.ndarray:
    return distance_km(demand, candidates) <= threshold_km


def greedy_sites(
    demand: pd.DataFrame, places: pd.DataFrame, candidates: pd.DataFrame, threshold_km: float, k: int
) -> pd.DataFrame:
    """K sites chosen one by one, each the candidate that adds the most people within reach (within a
    factor 1 − 1/e of the optimum, Nemhauser et al. 1978). Returns `candidate`, `gain`, `covered`."""
    weight = demand["weight"].to_numpy(float)
    covered = _reach(demand, places, threshold_km).any(axis=1) if len(places) else np.zeros(len(demand), bool)
    reach = _reach(demand, candidates, threshold_km)
    picks = []
    for _ in range(k):
        gains = (reach & ~covered[:, None]).T @ weight
        best = int(np.argmax(gains))
        if gains[best] <= 0:
            break
        covered |= reach[:, best]
        picks.append((candidates["candidate"].iloc[best], float(gains[best]), float(weight[covered].sum())))
    return pd.DataFrame(picks, columns=["candidate", "gain", "covered"])


def exact_sites(
    demand: pd.DataFrame, places: pd.DataFrame, candidates: pd.DataFrame, threshold_km: float, k: int
) -> pd.DataFrame:
    """K sites that together bring the most people within reach, solved exactly as a maximal covering
    location problem (Church & ReVelle 1974) with PySAL spopt and the CBC solver; existing locations
    are kept. Returns `candidate`, `gain` (marginal, in the order of the greedy ranking) and `covered`."""
    import pulp
    from spopt.locate import MCLP

    sites = pd.concat([places[["x", "y"]], candidates[["x", "y"]]], ignore_index=True)
    fixed = np.r_[np.ones(len(places), int), np.zeros(len(candidates), int)]
    cost = distance_km(demand, sites)
    weight = demand["weight"].to_numpy(float)
    model = MCLP.from_cost_matrix(
        cost, weight, service_radius=threshold_km, p_facilities=len(places) + k, predefined_facilities_arr=fixed
    )
    model = model.solve(pulp.PULP_CBC_CMD(msg=False))
    chosen = [i - len(places) for i, var in enumerate(model.fac_vars) if var.value() > 0.5 and i >= len(places)]
    ordered = greedy_sites(demand, places, candidates.iloc[chosen], threshold_km, len(chosen))
    return ordered


def suggest(
    atlas: Atlas, places: pd.DataFrame, threshold_km: float = DEFAULT_THRESHOLD_KM, k: int = 5,
    demand: Demand | None = None, exact: bool = True, within: frozenset[str] | set[str] | None = None,
) -> dict[str, object]:  # fmt: skip
    """The next K antenna sites among Flemish municipalities (at their interior points), greedy and exact.

    `within` (NIS codes, e.g. `region_municipalities`) narrows both the candidates and the people counted
    to one region. Returns `greedy` and `exact` (`candidate`, `gain`, `covered`), `recommended` (the exact
    answer when it was solved, else greedy), `gap` (greedy's shortfall on all people reached, kept for
    0.2 scripts), `gain_gap` (its shortfall on the people *added*, what the choice is about) and `firm`:
    for each recommended site the best other candidate in its place and the inhabitants that swap loses
    (a small loss: a near-tie). K is 1 to `MAX_SUGGESTED`."""
    if not 1 <= int(k) <= MAX_SUGGESTED:
        raise UsageError(Problem("suggest_too_many", {"k": k, "limit": MAX_SUGGESTED}))
    demand = demand or municipal_demand(atlas)
    points = demand.points if within is None else demand.points[demand.points["nis"].isin(within)]
    points = points.reset_index(drop=True)
    flemish = atlas.atoms[atlas.atoms["region_nis"] == FLEMISH_REGION]
    if within is not None:
        flemish = flemish[flemish["nis"].isin(within)]
    candidates = pd.DataFrame({"candidate": flemish["nis"], "x": flemish["x"], "y": flemish["y"]}).reset_index(
        drop=True
    )
    greedy = greedy_sites(points, places, candidates, threshold_km, k)
    result: dict[str, object] = {"greedy": greedy, "exact": None, "gap": None, "gain_gap": None}
    weight = points["weight"].to_numpy(float)
    reached = _reach(points, places, threshold_km).any(axis=1) if len(places) else np.zeros(len(points), bool)
    before = float(weight[reached].sum())
    if exact and len(candidates):
        best = exact_sites(points, places, candidates, threshold_km, k)
        result["exact"] = best
        greedy_total = greedy["covered"].iloc[-1] if len(greedy) else before
        exact_total = best["covered"].iloc[-1] if len(best) else before
        result["gap"] = (exact_total - greedy_total) / exact_total if exact_total else 0.0
        added = exact_total - before
        result["gain_gap"] = (exact_total - greedy_total) / added if added > 0 else 0.0
    result["recommended"] = "exact" if result["exact"] is not None else "greedy"
    chosen = result[result["recommended"]]["candidate"].tolist()
    result["firm"] = site_alternatives(points, places, candidates, chosen, threshold_km)
    return result


def site_alternatives(
    demand: pd.DataFrame, places: pd.DataFrame, candidates: pd.DataFrame, chosen: list[str], threshold_km: float
) -> pd.DataFrame:
    """For each chosen site, the best candidate to put in its place (the others kept) and the inhabitants
    that swap would no longer reach: `candidate`, `alternative`, `loss` (0: an equally good alternative)."""
    weight = demand["weight"].to_numpy(float)
    base = _reach(demand, places, threshold_km).any(axis=1) if len(places) else np.zeros(len(demand), bool)
    reach = _reach(demand, candidates, threshold_km)
    index = {nis: j for j, nis in enumerate(candidates["candidate"])}
    picked = [index[nis] for nis in chosen]
    total = float(weight[base | reach[:, picked].any(axis=1)].sum()) if picked else float(weight[base].sum())
    rows = []
    for site in picked:
        others = [j for j in picked if j != site]
        without = base | reach[:, others].any(axis=1) if others else base
        gains = (reach & ~without[:, None]).T @ weight
        gains[picked] = -1.0
        best = int(np.argmax(gains))
        loss = total - (float(weight[without].sum()) + max(float(gains[best]), 0.0))
        alternative = candidates["candidate"].iloc[best] if gains[best] >= 0 else ""
        rows.append((candidates["candidate"].iloc[site], alternative, round(loss)))
    return pd.DataFrame(rows, columns=["candidate", "alternative", "loss"])


# --- capacity-aware access ------------------------------------------------------------------------


def floating_catchment(
    atlas: Atlas, places: pd.DataFrame, supply: pd.Series | float = 1.0, threshold_km: float = DEFAULT_THRESHOLD_KM
) -> pd.DataFrame:
    """Enhanced two-step floating catchment per Flemish municipality (`e2sfca` on its interior point and
    inhabitants): supply per 10,000 inhabitants within `threshold_km`."""
    demand = municipal_demand(atlas).points
    per_10k = e2sfca(demand, places, supply, threshold_km)
    return pd.DataFrame({"nis": demand["nis"], "name": demand["nis"].map(atlas.names), "supply_per_10k": per_10k})


STEP_WEIGHTS = (1.0, 0.68, 0.22)
"""E2SFCA's distance-decay weights for the first, second and last third of the radius (Luo & Qi 2009)."""


def e2sfca(demand: pd.DataFrame, places: pd.DataFrame, supply: pd.Series | float, threshold_km: float) -> np.ndarray:
    """Enhanced two-step floating catchment (Luo & Qi 2009, PySAL `access`) for demand points (`nis`, `weight`,
    `x`, `y` in metres): supply (one per location, or e.g. staff) per 10,000 people, with `STEP_WEIGHTS` at
    a third and two thirds of the radius; 0 where nothing is within reach."""
    from access import Access, weights

    km = distance_km(demand, places)
    cost = pd.DataFrame(
        {
            "origin": np.repeat(demand["nis"].to_numpy(), len(places)),
            "dest": np.tile(places["location_id"].to_numpy(), len(demand)),
            "km": km.ravel(),
        }
    )
    values = supply if isinstance(supply, pd.Series) else pd.Series(float(supply), index=places["location_id"])
    supply_df = pd.DataFrame(
        {"supply": values.reindex(places["location_id"]).to_numpy(float)}, index=places["location_id"]
    )
    demand_df = demand.set_index("nis")[["weight"]]
    model = Access(
        demand_df=demand_df, demand_value="weight", supply_df=supply_df, supply_value="supply",
        cost_df=cost, cost_origin="origin", cost_dest="dest", cost_name="km",
    )  # fmt: skip
    third = threshold_km / 3
    step = weights.step_fn(dict(zip((third, 2 * third, threshold_km), STEP_WEIGHTS, strict=True)))
    scores = model.enhanced_two_stage_fca(name="e2sfca", max_cost=threshold_km, weight_fn=step)
    values = scores.iloc[:, 0] if isinstance(scores, pd.DataFrame) else scores  # one supply type: one column
    return values.reindex(demand["nis"]).fillna(0.0).to_numpy() * 1e4  # nothing within reach: no access


# --- a user's own locations ------------------------------------------------------------------------

UPLOADED = "uploaded"
"""The kind of locations a user uploads (CSV `name, veilig_huis, nis` or `name, lon, lat`, optional address)."""
BELGIUM_LON, BELGIUM_LAT = (2.5, 6.5), (49.45, 51.55)


def location_rows_csv(table: pd.DataFrame) -> bytes:
    """Saved or chosen locations (`name`, `nis`, `lon`, `lat`) as the CSV `read_locations` checks: a
    location with coordinates keeps them, one without is placed at its municipality's interior point."""
    rows = table.reindex(columns=["name", "nis", "lon", "lat"]).copy()
    rows["nis"] = rows["nis"].fillna("").astype(str)
    for column in ("lon", "lat"):
        rows[column] = pd.to_numeric(rows[column], errors="coerce").map(lambda v: "" if pd.isna(v) else f"{v:.6f}")
    return rows.to_csv(index=False).encode("utf-8")


def read_locations(raw: bytes, label: str, atlas: Atlas, date=None) -> tuple[pd.DataFrame, list[Problem]]:
    """A user's locations, checked row by row: the valid rows as locations (at the given coordinates, or
    at the municipality's interior point), and one problem per bad row. Raises `CustomLayerError` only
    when the file as a whole cannot be read (empty, wrong encoding, ragged, no usable columns)."""
    table = read_table(raw, label)
    columns = set(table.columns)
    if "name" not in columns or not ({"nis"} <= columns or {"lon", "lat"} <= columns):
        raise CustomLayerError(Problem("locations_columns", {"label": label, "found": ", ".join(table.columns)}))
    if table.empty:
        raise CustomLayerError(Problem("file_no_rows", {"label": label}))
    if len(table) > MAX_LOCATIONS:  # each location costs a distance per municipality, and a what-if per refresh
        raise CustomLayerError(
            Problem("locations_too_many", {"label": label, "count": len(table), "limit": MAX_LOCATIONS})
        )
    houses = atlas.layers["veilig_huis"].units
    house_ids = {
        **dict(zip(houses["name"].str.lower(), houses["unit_id"], strict=True)),
        **{u: u for u in houses["unit_id"]},
    }
    atoms = atlas.atoms.set_index("nis")
    outline = atlas.display_atoms.union_all()
    problems, rows, seen = [], [], set()
    for line, row in enumerate(table.fillna("").to_dict("records"), start=2):
        name = row["name"].strip()
        values = {"label": label, "line": line, "name": name}
        if not name:
            problems.append(Problem("location_no_name", values))
            continue
        if bad := text_problem(name, "name"):
            problems.append(Problem(f"row_{bad.key}", {"label": label, "line": line, **bad.values}))
            continue
        if name.lower() in seen:
            problems.append(Problem("location_duplicate", values))
            continue
        house = row.get("veilig_huis", "").strip()
        if house and house.lower() not in house_ids:
            problems.append(Problem("location_unknown_vh", {**values, "value": house}))
            continue
        nis = row.get("nis", "").strip().zfill(5) if row.get("nis", "").strip() else ""
        lon_text, lat_text = row.get("lon", "").strip(), row.get("lat", "").strip()
        if lon_text or lat_text:
            try:
                lon, lat = float(lon_text.replace(",", ".")), float(lat_text.replace(",", "."))
            except ValueError:
                problems.append(Problem("location_bad_coordinates", {**values, "value": f"{lon_text}, {lat_text}"}))
                continue
            if BELGIUM_LAT[0] <= lon <= BELGIUM_LAT[1] and BELGIUM_LON[0] <= lat <= BELGIUM_LON[1]:
                problems.append(Problem("location_swapped", {**values, "value": f"{lon_text}, {lat_text}"}))
                continue
            if not outline.contains(shapely.Point(lon, lat)):
                problems.append(Problem("location_outside", {**values, "value": f"{lon_text}, {lat_text}"}))
                continue
            inside = atlas.display_atoms[atlas.display_atoms.contains(shapely.Point(lon, lat))]
            nis = inside["nis"].iloc[0] if len(inside) else nis
        elif nis:
            if nis not in atoms.index:
                problems.append(Problem("location_unknown_nis", {**values, "value": nis}))
                continue
            lon, lat = float(atoms.loc[nis, "lon"]), float(atoms.loc[nis, "lat"])
        else:
            problems.append(Problem("location_no_place", values))
            continue
        seen.add(name.lower())
        basis = "coordinates given" if lon_text else "interior point of the municipality (no coordinates given)"
        rows.append({"location_id": f"{UPLOADED}-{line}", "name": name, "kind": UPLOADED, "nis": nis,
                     "lon": lon, "lat": lat, "basis": basis, "house": house_ids.get(house.lower(), "")})  # fmt: skip
    places = with_metric(
        pd.DataFrame(rows, columns=[*LOCATION_COLUMNS[:4], "lon", "lat", "basis", "house"]), atlas, date
    )
    given = pd.Series([r["house"] for r in rows], dtype=str)
    if len(rows):
        places["veilig_huis"] = given.where(given != "", places["veilig_huis"]).to_numpy()
    return places, problems
