"""ARIEC capacity: staff per area against inhabitants, municipalities and police zones, and the team
profile against the report's ideal team (SBV 2025 §4.3.4: a criminologist who coordinates, a jurist,
an information manager and administrative support)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from scales.data.atlas import Atlas

IDEAL_ROLES = {
    "criminologist": ("criminolo",),
    "jurist": ("jurist",),
    "information_manager": ("informatiebeheer", "informatiemanag"),
    "administrative_support": ("administratie",),
}
"""The ideal ARIEC team (SBV 2025 §4.3.4) and the words that name each role in the annex's profiles."""
CAPACITY_COLUMNS = [
    "ariec_id",
    "name",
    "staff",
    "inhabitants",
    "municipalities",
    "police_zones",
    "staff_per_100k",
    "inhabitants_per_staff",
    "municipalities_per_staff",
    "police_zones_per_staff",
    "roles_present",
    "missing_roles",
    "profile_completeness",
    "profiles",
    "staff_year",
    "has_data",
]


def roles_in(profiles: str) -> list[str]:
    """The ideal-team roles a profile text names (e.g. "1 jurist, 1 criminoloog" → criminologist, jurist)."""
    text = profiles.lower()
    return [role for role, words in IDEAL_ROLES.items() if any(word in text for word in words)]


def capacity(atlas: Atlas, date: dt.date | str | None = None) -> pd.DataFrame:
    """Per ARIEC area: staff, inhabitants (by inhabitant share), municipalities and police zones, the
    ratios per staff member, and the ideal-team roles present and missing. An area without staffing
    data keeps its counts and has empty ratios (`has_data` False)."""
    ariec = atlas.layer("ariec", date)
    inhabitants = atlas.atoms.set_index("nis")["inhabitants"].astype(float)
    rows = ariec.membership.assign(
        people=ariec.membership["nis"].map(inhabitants) * ariec.membership["share_inhabitants"]
    )
    police = atlas.layer("police_zone", date).membership[["nis", "unit_id"]].rename(columns={"unit_id": "zone"})
    zones = rows[["nis", "unit_id"]].merge(police, on="nis").groupby("unit_id")["zone"].nunique()
    table = ariec.units.set_index("unit_id")
    result = pd.DataFrame(
        {
            "ariec_id": table.index,
            "name": table["name"].to_numpy(),
            "staff": table["staff"].astype("Float64").to_numpy(),
            "inhabitants": rows.groupby("unit_id")["people"].sum().reindex(table.index).to_numpy(),
            "municipalities": rows.groupby("unit_id")["nis"].nunique().reindex(table.index).to_numpy(),
            "police_zones": zones.reindex(table.index).fillna(0).astype(int).to_numpy(),
            "profiles": table["profiles"].to_numpy(),
            "staff_year": pd.to_numeric(table["staff_year"], errors="coerce").astype("Int64").to_numpy(),
        }
    )
    staff = result["staff"].astype(float)
    has_data = staff.notna() & (staff > 0)
    result["staff_per_100k"] = (staff / result["inhabitants"] * 100_000).where(has_data)
    result["inhabitants_per_staff"] = (result["inhabitants"] / staff).where(has_data)
    result["municipalities_per_staff"] = (result["municipalities"] / staff).where(has_data)
    result["police_zones_per_staff"] = (result["police_zones"] / staff).where(has_data)
    present = result["profiles"].fillna("").map(roles_in)
    result["roles_present"] = present.map(", ".join)
    result["missing_roles"] = present.map(lambda found: ", ".join(r for r in IDEAL_ROLES if r not in found))
    result["profile_completeness"] = present.map(len) / len(IDEAL_ROLES)
    result["has_data"] = has_data.to_numpy()
    return result[CAPACITY_COLUMNS].sort_values("staff_per_100k", na_position="last").reset_index(drop=True)
