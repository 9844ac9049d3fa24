"""Headline findings for the overview page, computed live from the engine (never typed in by hand)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scales.analysis.capacity import capacity
from scales.data.atlas import Atlas
from scales.engine.compare import Comparator
from scales.i18n import number, t


@dataclass(frozen=True)
class Finding:
    """A headline: a text key (see `scales.i18n`), the values it states, and the page that explains it."""

    key: str
    values: dict[str, object]
    page: str
    pair: tuple[str, ...] = ()
    """The layers (A, B) the Vergelijk page should open on for this finding."""


def _crossing(comparator: Comparator, atlas: Atlas, a: str, b: str, date) -> list[tuple[str, str, str]]:
    """(A-unit name, B-unit names, municipalities) of every A-unit split over B."""
    straddles = comparator.compare(atlas.layer(a, date), atlas.layer(b, date), "count").straddles(comparator.atom_names)
    out = []
    for _, group in straddles.groupby("a_name"):
        minority = group.iloc[1:]
        out.append((group["a_name"].iloc[0], ", ".join(group["b_name"]), ", ".join(minority["municipalities"])))
    return out


def headline_findings(atlas: Atlas, date: dt.date | str | None = None) -> list[Finding]:
    """The overview's findings: police zones vs eerstelijnszones, judicial borders crossed, ARIEC staffing."""
    comparator = Comparator(atlas.atoms, atlas.borders)
    police = comparator.compare(atlas.layer("police_zone", date), atlas.layer("primary_care_zone", date), "inhabitants")
    summary = police.summary()
    findings = [
        Finding(
            "finding_police_elz",
            {
                "split": summary["split_units_a"],
                "units": summary["units_a"],
                "cost": summary["alignment_cost_a_into_b"],
                "year": atlas.population_year,
            },
            "compare",
            ("police_zone", "primary_care_zone"),
        )
    ]
    for unit, parketten, municipalities in _crossing(comparator, atlas, "primary_care_zone", "prosecution_area", date):
        findings.append(
            Finding(
                "finding_elz_parket",
                {"unit": unit, "areas": parketten, "municipalities": municipalities},
                "compare",
                ("primary_care_zone", "prosecution_area"),
            )
        )
    for unit, areas, municipalities in _crossing(
        comparator, atlas, "reference_region", "judicial_arrondissement", date
    ):
        findings.append(
            Finding(
                "finding_refreg_arr",
                {"unit": unit, "areas": areas, "municipalities": municipalities},
                "compare",
                ("reference_region", "judicial_arrondissement"),
            )
        )
    staffed = capacity(atlas, date).dropna(subset=["inhabitants_per_staff"])
    staffed = staffed.sort_values("inhabitants_per_staff", ascending=False)
    findings.append(
        Finding(
            "finding_ariec",
            {
                "thin": staffed["name"].iloc[0],
                "thin_value": staffed["inhabitants_per_staff"].iloc[0],
                "thick": staffed["name"].iloc[-1],
                "thick_value": staffed["inhabitants_per_staff"].iloc[-1],
                "year": atlas.population_year,
            },
            "capacity",
        )
    )
    return findings


AGREEMENT_LEVELS = ((0.9, "reading_almost"), (0.7, "reading_largely"), (0.4, "reading_partly"), (0.0, "reading_little"))
"""V-measure thresholds and the words that read them (≥ 0.9 almost the same division, … below 0.4 little to do)."""


def reading(summary: dict, a_name: str, b_name: str, lang: str = "nl") -> str:
    """One plain sentence that reads a pair's key figures, e.g. "0,86: Politiezone en Eerstelijnszone vallen
    grotendeels samen; 37 van de 105 eenheden van Politiezone liggen over een grens van Eerstelijnszone; …"."""
    value = summary["v_measure"]
    level = next(key for bound, key in AGREEMENT_LEVELS if value >= bound)
    weight = t(f"weight_{summary['weight']}", lang)
    return t(
        "reading_pair",
        lang,
        v=number(value, lang, 2),
        level=t(level, lang),
        a=a_name,
        b=b_name,
        split=summary["split_units_a"],
        units=summary["units_a"],
        cost=number(summary["alignment_cost_a_into_b"], lang),
        weight=weight,
    )
