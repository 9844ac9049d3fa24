"""The region report's first page in plain words: what the figures mean for this region, sentence by
sentence, each one built from a figure the detail pages show (nothing here is computed anew)."""

from __future__ import annotations

import pandas as pd

from scales.data.atlas import Atlas
from scales.i18n import number, percent, t
from scales.output.region import ANCHOR, RegionReport

COVERAGE_KM = 15
"""The distance the coverage figures use (the same as `report_coverage_line`)."""


def region_weight(atlas: Atlas, report: RegionReport) -> float:
    """The region's total of the report's weight: inhabitants, km² or municipalities."""
    atoms = atlas.atoms[atlas.atoms["nis"].isin(report.region.nis)]
    if report.weight == "count":
        return float(len(atoms))
    column = "inhabitants" if report.weight == "inhabitants" else "area_km2"
    return float(atoms[column].astype(float).sum())


def _amount(value: float, weight: str, lang: str) -> str:
    """An amount with its unit: 553.008 inwoners, 12,5 km², 3 gemeenten."""
    digits = 1 if weight == "area" else 0
    return t(f"summary_amount_{weight}", lang, n=number(value, lang, digits))


def summary(atlas: Atlas, report: RegionReport, lang: str = "nl") -> list[str]:
    """The report's summary as sentences: the region, how the layers sit in the anchor, the police
    zones against the primary-care zones, coverage of the Veilige Huizen and ARIEC staffing."""
    total = region_weight(atlas, report)
    atoms = atlas.atoms[atlas.atoms["nis"].isin(report.region.nis)]
    region = report.region.name if report.region.ref != "all" else t("report_all", lang)
    lines = [
        t(
            "summary_region",
            lang,
            region=region,
            municipalities=number(len(atoms), lang),
            inhabitants=number(float(atoms["inhabitants"].astype(float).sum()), lang),
            year=report.population_year,
            date=report.date,
        )
    ]
    anchor_name = atlas.layers[ANCHOR].meta.name(lang).lower()
    nested = [p for p in report.pairs if p.b == ANCHOR and p.summary["crossing"] == 0 and p.summary["units"]]
    if nested:
        names = [t(f"plural_{p.a}", lang) for p in nested]
        lines.append(t("summary_nested", lang, layers=_listed(names, lang), anchor=anchor_name))
    for pair in report.pairs:
        if pair.summary["crossing"] == 0:
            continue
        cost = pair.summary["alignment_cost"]
        biggest = pair.moves.iloc[0] if not pair.moves.empty else None
        lines.append(
            t(
                "summary_crossing_one" if pair.summary["crossing"] == 1 else "summary_crossing",
                lang,
                crossing=number(pair.summary["crossing"], lang),
                units=number(pair.summary["units"], lang),
                layer=t(f"plural_{pair.a}", lang),
                other=atlas.layers[pair.b].meta.name(lang).lower(),
                amount=_amount(cost, report.weight, lang),
                share=share(cost / total, lang) if total else "—",
            )
            + (
                " "
                + t(
                    "summary_biggest",
                    lang,
                    municipality=biggest["municipality"],
                    unit=biggest["unit_name"],
                    to=biggest["to_unit_name"],
                    amount=_amount(float(biggest["weight"]), report.weight, lang),
                )
                if biggest is not None
                else ""
            )
        )
    lines += _coverage_lines(report, lang)
    lines += _capacity_lines(report, lang)
    lines.append(t("summary_reading", lang))
    return lines


def _coverage_lines(report: RegionReport, lang: str) -> list[str]:
    totals = report.coverage_totals
    if not totals:
        return [t("summary_no_coverage", lang)]
    line = t(
        "summary_coverage",
        lang,
        share=share(totals["share_within_own"], lang),
        km=COVERAGE_KM,
        mean=number(totals["mean_own_distance_km"], lang, 1),
    )
    houses = report.coverage.dropna(subset=["share_within_own"])
    if len(houses) > 1:
        worst = houses.sort_values("share_within_own").iloc[0]
        line += " " + t(
            "summary_coverage_worst", lang, name=worst["name"], share=share(worst["share_within_own"], lang)
        )
    return [line]


def _capacity_lines(report: RegionReport, lang: str) -> list[str]:
    lines = []
    for row in report.capacity.itertuples(index=False):
        if not row.has_data or pd.isna(row.staff):
            lines.append(t("summary_ariec_missing", lang, name=row.name))
            continue
        missing = [t(f"role_{code}", lang) for code in str(row.missing_roles).split(", ") if code]
        lines.append(
            t(
                "summary_ariec",
                lang,
                name=row.name,
                staff=t("summary_staff_one", lang)
                if row.staff == 1
                else t("summary_staff", lang, n=number(row.staff, lang)),
                per=number(row.staff_per_100k, lang, 2),
                missing=_listed(missing, lang) if missing else t("summary_ariec_complete", lang),
            )
        )
    return lines


def share(value: float, lang: str) -> str:
    """A share as a percentage a reader can tell from zero: whole percents, one decimal below 10 %."""
    return percent(value, lang, 1 if 0 < abs(value) < 0.1 else 0)


def _listed(items: list[str], lang: str) -> str:
    """`a, b en c` (Dutch) or `a, b and c` (English)."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" en " if lang == "nl" else " and ") + items[-1]
