"""Inhabitants of Antwerp's eerstelijnszone sub-zones, from sourced district figures and a stated rule.

The mirrored sector table places every statistical sector in a district (deelgemeente) and a
sub-zone; a (sub-zone, district) pair is a *part*. Parts with a sourced figure
(`data/antwerp_subzone_inhabitants.csv`) keep it; the rest of the municipality's inhabitants (in the
population year in use) is shared over the other parts in proportion to their number of sectors.
Should the sourced figures exceed that total, they are scaled down to it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scales.problems import data_error

ANTWERPEN = "11002"
FACTS = "antwerp_subzone_inhabitants.csv"
SECTOR_COLUMNS = ["statsec", "deelgemeente", "gemeente", "ELZantw"]


def read_sectors(path: Path) -> pd.DataFrame:
    """The columns of the mirrored sector table (`statsec_als_basis.xlsx`) the rule needs."""
    return pd.read_excel(path, dtype=str, usecols=SECTOR_COLUMNS, engine="calamine")


def sector_parts(sectors: pd.DataFrame, nis: str = ANTWERPEN) -> pd.Series:
    """Number of statistical sectors per (sub-zone, district) of one municipality (sectors with no
    sub-zone, such as the 'not localisable' one, are left out)."""
    mine = sectors[(sectors["gemeente"].astype(str) == nis) & sectors["ELZantw"].notna()]
    return mine.groupby([mine["ELZantw"].astype(str), mine["deelgemeente"].astype(str)]).size().rename("sectors")


def subzone_inhabitants(parts: pd.Series, facts: pd.DataFrame, total: float) -> pd.DataFrame:
    """Inhabitants per sub-zone: sourced parts as given, the remainder of `total` by sector count.

    `facts` has `subzone`, `districts` (";"-separated district codes) and `inhabitants`; each row covers
    the parts (subzone, district) it names. Returns `inhabitants`, `sourced` and `estimated` per sub-zone.
    """
    covered: dict[tuple[str, str], int] = {}
    sourced = pd.Series(0.0, index=sorted(parts.index.get_level_values(0).unique()))
    for row_number, row in enumerate(facts.to_dict("records"), start=2):
        for district in row["districts"].split(";"):
            key = (str(row["subzone"]), district.strip())
            if key not in parts.index:
                raise data_error(FACTS, f"row {row_number}: sub-zone {key[0]} has no sectors in district {key[1]}")
            if key in covered:
                detail = f"row {row_number}: sub-zone {key[0]}, district {key[1]} is already in row {covered[key]}"
                raise data_error(FACTS, detail)
            covered[key] = row_number
        sourced[str(row["subzone"])] += float(row["inhabitants"])
    known = sourced.sum()
    scale = min(1.0, total / known) if known else 1.0
    rest = parts[[key not in covered for key in parts.index]]
    remainder = max(total - known, 0.0)
    estimated = (rest / rest.sum() * remainder).groupby(level=0).sum() if rest.sum() else rest.groupby(level=0).sum()
    estimated = estimated.reindex(sourced.index, fill_value=0.0)
    return pd.DataFrame(
        {"inhabitants": sourced * scale + estimated, "sourced": sourced * scale, "estimated": estimated}
    ).rename_axis("subzone")
