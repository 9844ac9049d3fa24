"""What a region report says: the region's layers compared pair by pair, who would have to move,
coverage of the Veilige Huizen, ARIEC staffing and every source. `scales.output.report` lays it out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from scales.analysis import capacity as capacity_module
from scales.analysis import coverage as cv
from scales.data.atlas import Atlas
from scales.data.layers import Layer
from scales.data.store import SCENARIO_PREFIX
from scales.engine.compare import Comparator
from scales.i18n import t
from scales.problems import Problem, UsageError

REGION_LAYERS = ("judicial_arrondissement", "prosecution_area", "province")
"""Layers whose units a report can be made for (searched in this order for a bare name), besides `all`."""
ANCHOR = "judicial_arrondissement"
"""The report's recommendation: build cooperation on the arrondissements and align the rest with them."""
REPORT_LAYERS = (
    "police_zone",
    "primary_care_zone",
    "judicial_division",
    "prosecution_area",
    "veilig_huis",
    "ariec",
    "reference_region",
)


@dataclass(frozen=True)
class Region:
    """A territory to report on: a unit of one of `REGION_LAYERS`, or all of Flanders and Brussels."""

    ref: str
    layer_id: str
    name: str
    nis: frozenset[str]


def find_region(atlas: Atlas, text: str, date: dt.date | str | None = None) -> Region:
    """`all`, `LAYER:UNIT` (also `scenario:NAME:UNIT`, a unit of a saved layer), or a unit id or name of a
    judicial arrondissement, prosecution area or province."""
    wanted = text.strip().lower()
    if wanted in ("all", "alles", ""):
        return Region("all", "", "Vlaanderen en Brussel", frozenset(atlas.atoms["nis"]))
    layer_hint, _, unit_hint = wanted.rpartition(":")
    if layer_hint.startswith(SCENARIO_PREFIX):  # a unit of a saved layer, e.g. a region of an Eén kaart grid
        saved_ref = text.strip().rpartition(":")[0]
        layer = atlas.resolve(saved_ref, date)
        for unit_id, name in layer.unit_names().items():
            if unit_hint in (unit_id.lower(), name.lower()):
                members = frozenset(layer.membership.loc[layer.membership["unit_id"] == unit_id, "nis"])
                return Region(f"{saved_ref}:{unit_id}", saved_ref, name, members)
    for layer_id in [layer_hint] if layer_hint else REGION_LAYERS:
        if layer_id not in REGION_LAYERS:
            break
        layer = atlas.layer(layer_id, date)
        for unit_id, name in layer.unit_names().items():
            if unit_hint in (unit_id.lower(), name.lower(), name.lower().removeprefix("provincie ")):
                members = frozenset(layer.membership.loc[layer.membership["unit_id"] == unit_id, "nis"])
                return Region(f"{layer_id}:{unit_id}", layer_id, name, members)
    raise UsageError(Problem("unknown_region", {"region": text, "layers": ", ".join(REGION_LAYERS)}))


def within(layer: Layer, region: Region) -> Layer:
    """The layer's membership inside the region (units crossing its edge keep only their inside part)."""
    rows = layer.membership[layer.membership["nis"].isin(region.nis)]
    return replace(
        layer, membership=rows.reset_index(drop=True), units=layer.units[layer.units["unit_id"].isin(rows["unit_id"])]
    )


def sources_table(atlas: Atlas, layers: list[Layer]) -> pd.DataFrame:
    """Source, licence, reference date, confidence and doubts of each layer, and of the inhabitants; the
    raw source and licence, and both in plain Dutch and English words (`sources_in` picks a language)."""
    rows = [
        {
            "layer": layer.meta.name_nl,
            "layer_en": layer.meta.name_en,
            "source": layer.meta.source,
            "licence": layer.meta.licence,
            "reference_date": layer.meta.reference_date,
            "confidence": layer.meta.confidence,
            "doubts": " · ".join(layer.meta.doubts_in("nl")),
            "doubts_en": " · ".join(layer.meta.doubts),
            "source_nl": layer.meta.citation("nl"),
            "source_en": layer.meta.citation("en"),
            "licence_nl": layer.meta.licence_in("nl"),
            "licence_en": layer.meta.licence,
        }
        for layer in layers
    ]
    fallback = {lang: t("population_fallback_short", lang, year=atlas.population_year) for lang in ("nl", "en")}
    rows.append(
        {
            "layer": "Inwoners",
            "layer_en": "Inhabitants",
            "source": atlas.population_source,
            "licence": "Statbel open data",
            "reference_date": f"{atlas.population_year}-01-01",
            "confidence": "published",
            "doubts": fallback["nl"] if atlas.population_note else "",
            "doubts_en": fallback["en"] if atlas.population_note else "",
            "source_nl": t("population_citation", "nl", year=atlas.population_year),
            "source_en": t("population_citation", "en", year=atlas.population_year),
            "licence_nl": "Open-datalicentie van Statbel",
            "licence_en": "Statbel open data licence",
        }
    )
    return pd.DataFrame(rows)


def sources_in(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A `sources_table` with every word in one language: layer, source, licence, reference date,
    confidence (a code `readable` translates) and doubts."""
    suffix = "_en" if lang == "en" else ""
    return pd.DataFrame(
        {
            "layer": sources[f"layer{suffix}"],
            "source": sources[f"source_{lang}"],
            "licence": sources[f"licence_{lang}"],
            "reference_date": sources["reference_date"],
            "confidence": sources["confidence"],
            "doubts": sources[f"doubts{suffix}"],
        }
    )


@dataclass(frozen=True)
class PairFigures:
    """One layer against the anchor (or another layer), for the layer's units that have municipalities in the
    region: how many, how many cross the other layer's borders, their nested share, the weight that
    would move for them to nest, and V of the whole pair (Flanders and Brussels) for context."""

    a: str
    b: str
    summary: dict
    straddles: pd.DataFrame
    moves: pd.DataFrame


@dataclass(frozen=True)
class RegionReport:
    """Everything a region report states, with the date, weight and population year it rests on."""

    region: Region
    date: str
    weight: str
    population_year: int
    pairs: list[PairFigures]
    coverage: pd.DataFrame
    coverage_totals: dict
    capacity: pd.DataFrame
    sources: pd.DataFrame


def region_report(atlas: Atlas, region: Region, date: dt.date | str | None = None, weight: str = "inhabitants"):
    """Compute every figure of the report for `region` on `date` (today when None)."""
    day = date if isinstance(date, str) else (date or dt.date.today()).isoformat()
    comparator = Comparator(atlas.atoms, atlas.borders)
    names = atlas.names
    pairs = []
    for a_id, b_id in [("police_zone", "primary_care_zone"), *[(layer_id, ANCHOR) for layer_id in REPORT_LAYERS]]:
        a = atlas.layer(a_id, day)
        result = comparator.compare(a, atlas.layer(b_id, day), weight)
        mine = set(a.membership.loc[a.membership["nis"].isin(region.nis), "unit_id"])
        units = result.units().query("layer == 'A'")
        units = units[units["unit_id"].isin(mine)]
        moves = result.moves(names)
        moves = moves[moves["unit"].isin(mine)].reset_index(drop=True)
        straddles = result.straddles(names)
        figures = {
            "units": len(units),
            "crossing": int((units["split_count"] > 1).sum()),
            "nested_share": float((units["split_count"] == 1).mean()) if len(units) else 1.0,
            "alignment_cost": float(moves["weight"].sum()),
            "v_measure": result.summary()["v_measure"],
        }
        pairs.append(
            PairFigures(a_id, b_id, figures, straddles[straddles["a"].isin(mine)].reset_index(drop=True), moves)
        )
    places = cv.locations(atlas, ("veilig_huis_locations", "antenna_points"), day)
    served = cv.coverage(atlas, places, date=day)
    inside = served.points[served.points["nis"].isin(region.nis)]
    local = replace(served, points=inside.reset_index(drop=True))
    houses = within(atlas.layer("veilig_huis", day), region)
    staffing = capacity_module.capacity(atlas, day)
    ariec = set(within(atlas.layer("ariec", day), region).membership["unit_id"])
    sources = sources_table(atlas, [atlas.layers[k] for k in ("judicial_arrondissement", *REPORT_LAYERS)])
    return RegionReport(
        region=region,
        date=day,
        weight=weight,
        population_year=atlas.population_year,
        pairs=pairs,
        coverage=cv.by_unit(local, houses, names),
        coverage_totals=cv.totals(local) if len(inside) else {},
        capacity=staffing[staffing["ariec_id"].isin(ariec)].reset_index(drop=True),
        sources=sources,
    )
