"""The layer model: a dated membership table `atom → unit, share` plus unit attributes and metadata.

A layer at a reference date is a filter on validity; a custom layer or a scenario is just another
`Layer` over the same atoms. Metrics, maps and reports only ever see this shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from scales import DATA_DIR

MEMBERSHIP_COLUMNS = [
    "nis",
    "unit_id",
    "share",
    "share_inhabitants",
    "share_basis",
    "valid_from",
    "valid_to",
    "confidence",
]
"""`share` is the area share of a split municipality; `share_inhabitants` its share of the inhabitants
(equal to `share` unless a sourced basis says otherwise); `share_basis` says how the inhabitant share
was found (empty for a whole municipality)."""
CONFIDENCE_LEVELS = ("published", "derived", "inferred")
SHARE_TOLERANCE = 1e-6
"""Shares within this of 1 count as whole, and shares per municipality must sum to 1 within it."""
SHARE_BASES = ("", "area", "inhabitants", "user")
"""How a split municipality's inhabitant share was found: whole (""), by area, from inhabitant figures, or given."""


def share_column(weight: str) -> str:
    """The membership column whose shares match a weight: inhabitant shares for inhabitants, else area."""
    return "share_inhabitants" if weight == "inhabitants" else "share"


@dataclass(frozen=True)
class LayerMeta:
    """What a layer is, where it comes from and how sure we are of it."""

    id: str
    name_nl: str
    name_en: str
    source: str
    licence: str
    reference_date: str
    confidence: str
    valid_from: str = ""
    valid_to: str = ""
    territory: str = "none"
    """What the layer must cover: flanders, flanders_brussels (all 304), or none stated (custom layers)."""
    kind: str = "builtin"
    """builtin (from `data/layers.csv`), custom (a user's file) or scenario (an edited layer)."""
    parent: str = ""
    """The layer a custom layer or scenario was derived from, if any."""
    doubts: tuple[str, ...] = ()
    doubts_nl: tuple[str, ...] = ()
    """The same doubts in Dutch (empty for a user's layer)."""
    citation_nl: str = ""
    citation_en: str = ""
    """The source in plain words without file names, for reports (empty: `source` is used)."""
    licence_nl: str = ""

    def name(self, lang: str = "nl") -> str:
        """The display name in the given language (Dutch by default)."""
        return self.name_en if lang == "en" else self.name_nl

    def doubts_in(self, lang: str = "nl") -> tuple[str, ...]:
        """The known doubts in the given language (English where no Dutch text is given)."""
        return self.doubts_nl if lang == "nl" and self.doubts_nl else self.doubts

    def citation(self, lang: str = "nl") -> str:
        """Where the layer comes from, in plain words in the given language (the raw `source` if none)."""
        return (self.citation_en if lang == "en" else self.citation_nl) or self.source

    def licence_in(self, lang: str = "nl") -> str:
        """The licence in the given language (the raw `licence` where no Dutch text is given)."""
        return self.licence_nl if lang == "nl" and self.licence_nl else self.licence


@dataclass(frozen=True)
class Layer:
    """Metadata, membership rows (`MEMBERSHIP_COLUMNS`) and a unit table (`unit_id`, `name`, …)."""

    meta: LayerMeta
    membership: pd.DataFrame
    units: pd.DataFrame
    not_covered: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return self.meta.id

    def at(self, date: dt.date | str | None = None) -> Layer:
        """The layer as it stood on `date` (today when None): rows valid on that day only."""
        day = _iso(date)
        rows = self.membership
        valid = (rows["valid_from"].eq("") | rows["valid_from"].le(day)) & (
            rows["valid_to"].eq("") | rows["valid_to"].ge(day)
        )
        current = rows[valid].reset_index(drop=True)
        units = self.units[self.units["unit_id"].isin(current["unit_id"])].reset_index(drop=True)
        return replace(self, membership=current, units=units)

    def atoms_covered(self) -> int:
        """How many distinct atoms have at least one membership row."""
        return int(self.membership["nis"].nunique())

    def unit_names(self) -> dict[str, str]:
        """unit_id → display name."""
        return dict(zip(self.units["unit_id"], self.units["name"], strict=True))


def _iso(date: dt.date | str | None) -> str:
    if date is None:
        return dt.date.today().isoformat()
    if isinstance(date, dt.date):
        return date.isoformat()
    return dt.date.fromisoformat(date).isoformat()


def dominant_units(membership: pd.DataFrame) -> pd.Series:
    """NIS → the unit holding the largest (area) share of each municipality: how a split municipality
    is drawn or coloured when only one unit can be shown."""
    return membership.sort_values("share").drop_duplicates("nis", keep="last").set_index("nis")["unit_id"]


def membership_frame(
    nis,
    unit_id,
    share=1.0,
    valid_from="",
    valid_to="",
    confidence="published",
    share_inhabitants=None,
    share_basis=None,
) -> pd.DataFrame:
    """A membership table in the canonical column order and types.

    Without `share_inhabitants` the inhabitant share is the area share, and a split municipality's
    basis is "area".
    """
    frame = pd.DataFrame(
        {
            "nis": nis,
            "unit_id": unit_id,
            "share": share,
            "share_inhabitants": share if share_inhabitants is None else share_inhabitants,
            "share_basis": "" if share_basis is None else share_basis,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "confidence": confidence,
        }
    )
    frame["nis"] = frame["nis"].astype(str).str.zfill(5)
    frame["unit_id"] = frame["unit_id"].astype(str)
    frame["share"] = frame["share"].astype(float)
    frame["share_inhabitants"] = frame["share_inhabitants"].astype(float)
    frame["share_basis"] = frame["share_basis"].fillna("").astype(str)
    if share_basis is None:
        frame.loc[frame["share"] < 1.0, "share_basis"] = "area"
    for column in ("valid_from", "valid_to", "confidence"):
        frame[column] = frame[column].fillna("").astype(str)
    return frame[MEMBERSHIP_COLUMNS]


def units_frame(unit_id, name, **attributes) -> pd.DataFrame:
    """A unit table: `unit_id`, `name` and any extra attributes."""
    frame = pd.DataFrame({"unit_id": unit_id, "name": name, **attributes})
    frame["unit_id"] = frame["unit_id"].astype(str)
    return frame.drop_duplicates("unit_id").reset_index(drop=True)


def layer_catalogue(path: Path = DATA_DIR / "layers.csv") -> dict[str, LayerMeta]:
    """Metadata of the built-in layers by id (doubts are `|`-separated in the CSV)."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    catalogue = {}
    for row in table.to_dict("records"):
        doubts, doubts_nl = (
            tuple(d.strip() for d in row.pop(key).split("|") if d.strip()) for key in ("doubts", "doubts_nl")
        )
        catalogue[row["id"]] = LayerMeta(**row, doubts=doubts, doubts_nl=doubts_nl)
    return catalogue
