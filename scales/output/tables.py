"""Tables for people: headers and code values in the reader's language, sensible rounding, and a
description of the file (reference date, weight, population year, layers, sources, version).

Every download of the dashboard passes through `readable` and carries `describe`'s description: a
block of `# ` lines above a CSV table, an extra sheet in an Excel workbook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from scales import __version__
from scales.data.atlas import Atlas
from scales.data.layers import Layer
from scales.i18n import METRIC_TEXTS, metric_title, number, percent, t

HEADERS = {
    "a_name": "col_unit", "b_name": "report_other_unit", "share_of_a": "col_share", "municipalities": "col_members",
    "municipality": "col_municipality", "unit_name": "col_unit", "from_unit_name": "report_from",
    "to_unit_name": "report_to", "from_unit": "col_from_code", "to_unit": "col_to_code", "unit": "col_unit_code",
    "unit_id": "col_unit_code", "a": "col_unit_code", "b": "col_other_code", "nis": "col_nis",
    "weight": "report_weight", "name": "col_unit", "inhabitants": "col_inhabitants",
    "inhabitants_within": "col_within", "share_within": "col_share_within", "mean_distance_km": "col_mean_km",
    "worst_name": "col_worst", "worst_km": "col_worst_km", "staff": "col_staff", "staff_per_100k": "col_staff_per_100k",
    "missing_roles": "col_missing_roles", "profiles": "report_profiles", "layer": "col_layer", "layer_en": "col_layer",
    "layer_id": "col_layer_code", "source": "col_source", "licence": "col_licence",
    "reference_date": "col_reference_date", "confidence": "col_confidence", "doubts": "col_doubts",
    "doubts_en": "col_doubts",
    "class": "col_class", "split_count": "col_split_count", "dominant_share": "col_dominant_share",
    "dominant_unit": "col_dominant_code", "dominant_unit_name": "col_dominant_unit", "rih": "col_rih",
    "mapcurves_fit": "col_mapcurves_fit", "share": "col_share", "share_inhabitants": "col_share_inhabitants",
    "members": "col_members", "shared_with": "col_shared_with", "metric": "col_measure", "baseline": "col_baseline",
    "scenario": "col_scenario", "change": "col_change", "better": "col_better", "anchor_unit": "col_anchor_code",
    "supply_per_10k": "col_supply_per_10k", "nearest_km": "col_nearest_km", "candidate": "col_nis",
    "gain": "col_gain", "province": "col_province", "alternative": "col_alternative", "loss": "col_loss",
    "unit_count": "col_units", "ariec_id": "col_unit_code", "police_zones": "col_police_zones",
    "inhabitants_per_staff": "col_inhabitants_per_staff", "municipalities_per_staff": "col_municipalities_per_staff",
    "police_zones_per_staff": "col_police_zones_per_staff", "roles_present": "col_roles_present",
    "profile_completeness": "col_completeness", "staff_year": "col_staff_year", "has_data": "col_has_data",
    "worst_nis": "col_worst_nis", "nearest_id": "col_nearest_code", "nearest_vh": "col_nearest_vh",
    "own_vh": "col_own_vh", "own_km": "col_own_km", "from": "report_from", "to": "report_to",
    "inhabitants_within_own": "col_within_own", "share_within_own": "col_share_within_own",
    "mean_own_distance_km": "col_mean_own_km", "inhabitants_nearer_other": "col_nearer_other",
    "units": "col_units", "id": "col_saved_id", "bin_id": "col_saved_id", "deleted": "col_deleted",
    "key": "col_key", "description": "col_description", "attribution": "about_attribution", "url": "col_url",
    "sha256": "col_sha256", "kind": "col_kind", "parent": "col_parent", "updated": "col_updated",
    "against": "col_against", "value": "col_value", "share_of_municipality": "col_share_of_municipality",
    "into_grid": "col_into_grid", "grid_into": "col_grid_into", "counted": "col_counted", "cost": "col_cost",
    "units_split": "col_units_split", "anchor_cost": "col_anchor_cost", "best_cost": "col_best_cost",
    "anchor_counted": "col_counted", "best_counted": "col_counted", "anchor": "consensus_col_anchor",
    "tables_today": "col_tables_today", "tables_grid": "col_tables_grid", "k": "col_k", "objective": "col_objective",
    "median": "col_median", "worst": "col_worst_run",
}  # fmt: skip
"""Column → text key: downloaded and reported tables carry headers in the reader's language."""
CODED = {
    "class": "class_{}",
    "confidence": "confidence_{}",
    "better": "better_{}",
    "counted": "counted_{}",
    "anchor_counted": "counted_{}",
    "best_counted": "counted_{}",
}
"""Columns whose values are codes, and the text key of each value."""


FORMATS: dict[str, tuple[str, int]] = {
    "inhabitants": ("number", 0), "inhabitants_within": ("number", 0), "weight": ("number", 0),
    "inhabitants_within_own": ("number", 0), "inhabitants_nearer_other": ("number", 0),
    "share_within": ("percent", 0), "share_within_own": ("percent", 0), "profile_completeness": ("percent", 0),
    "mean_distance_km": ("number", 1), "mean_own_distance_km": ("number", 1), "worst_km": ("number", 1),
    "own_km": ("number", 1), "nearest_km": ("number", 1),
    "staff": ("number", 0), "staff_per_100k": ("number", 2), "inhabitants_per_staff": ("number", 0),
    "municipalities_per_staff": ("number", 1), "police_zones_per_staff": ("number", 1),
    "share": ("number", 2), "gain": ("number", 0), "loss": ("number", 0),
    "share_of_a": ("percent", 0), "share_of_municipality": ("percent", 0), "nested_share": ("percent", 0),
    "alignment_cost": ("number", 0), "into_grid": ("number", 0), "grid_into": ("number", 0), "cost": ("number", 0),
    "anchor_cost": ("number", 0), "best_cost": ("number", 0), "objective": ("number", 0), "median": ("number", 0),
    "worst": ("number", 0),
    "v_measure": ("number", 2), "area_km2": ("number", 1),
    "baseline": ("auto", 4), "scenario": ("auto", 4), "change": ("auto", 4), "value": ("auto", 4),
}  # fmt: skip
"""How a column reads on a page: a number with so many decimals, a percentage, or `auto` (whole numbers from
100 up, else so many decimals, value by value: a measure beside an inhabitant count in one column)."""
LISTS = {"missing_roles": "role_{}", "roles_present": "role_{}"}
"""Columns holding a comma-separated list of codes, and the text key of each code."""
MISSING = "—"


def as_text(values: pd.Series, lang: str, kind: str = "auto", digits: int = 3) -> pd.Series:
    """Numbers as the reader reads them (Dutch `1.234,5`, `45 %`); missing values as a dash."""

    def one(value: float) -> str:
        if value is None or pd.isna(value):
            return MISSING
        if kind == "percent":
            return percent(value, lang, digits)
        return number(value, lang, 0 if kind == "auto" and abs(value) >= 100 else digits)

    return values.map(one)


def formatted(
    frame: pd.DataFrame,
    lang: str = "nl",
    layer_names: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """A table for the page: every value as text in `lang` (numbers per `FORMATS`, yes/no, translated
    codes and code lists), headers translated (`headers` overrides a column's text key)."""
    table = frame.copy()
    for column in table.columns:
        values = table[column]
        if column in LISTS:
            pattern = LISTS[column]
            table[column] = values.map(
                lambda v, p=pattern: ", ".join(t(p.format(c), lang) for c in str(v).split(", ") if c) or MISSING
            )
        elif pd.api.types.is_bool_dtype(values):
            table[column] = values.map({True: t("better_yes", lang), False: t("better_no", lang)})
        elif column in FORMATS:
            table[column] = as_text(values.astype(float), lang, *FORMATS[column])
        elif pd.api.types.is_integer_dtype(values):
            table[column] = as_text(values.astype(float), lang, "number", 0)
        elif pd.api.types.is_float_dtype(values):
            digits = 0 if values.abs().max() >= 100 else 3
            table[column] = as_text(values, lang, "number", digits)
    table = readable(table, lang, layer_names)
    overrides = headers or {}
    table.columns = [
        t(overrides[c], lang) if c in overrides else h for c, h in zip(frame.columns, table.columns, strict=True)
    ]
    return table


def excel_formats(frame: pd.DataFrame) -> list[str | None]:
    """Excel number formats for a table's columns, by position (read from the code column names before
    `readable` translates them): thousands separators, percentages and decimals as the page shows them."""

    def one(column: str) -> str | None:
        values = frame[column]
        if column in FORMATS:
            kind, digits = FORMATS[column]
            decimals = "." + "0" * digits if digits else ""
            if kind == "percent":
                return f"0{decimals}%"
            return "0.0000" if kind == "auto" else f"#,##0{decimals}"
        if pd.api.types.is_bool_dtype(values):
            return None
        if pd.api.types.is_integer_dtype(values):
            return "#,##0"
        if pd.api.types.is_float_dtype(values):
            large = values.abs().max() >= 100 if values.notna().any() else False
            return "#,##0" if large and (values.dropna() % 1 == 0).all() else "#,##0.0" if large else "0.000"
        return None

    return [one(column) for column in frame.columns]


def _rounded(column: pd.Series) -> pd.Series:
    """Whole numbers for counts and large figures (inhabitants, km² totals), four decimals for shares
    and measures: enough to tell values apart, never 16 digits. An `auto` column (measures beside counts,
    `FORMATS`) is rounded value by value."""
    values = column.to_numpy(dtype=float, na_value=np.nan)
    if FORMATS.get(str(column.name), ("",))[0] == "auto":
        rounded = np.where(np.abs(values) >= 100, np.round(values, 0), np.round(values, 4)) + 0.0
        return pd.Series(rounded, index=column.index, name=column.name)
    large = np.nanmax(np.abs(values)) >= 100 if np.isfinite(values).any() else False
    rounded = np.round(values, 1 if large else 4) + 0.0  # + 0.0 turns -0.0 into 0.0
    return pd.Series(rounded, index=column.index, name=column.name)


def readable(frame: pd.DataFrame, lang: str = "nl", layer_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The table as a reader gets it: headers and code values in `lang`, layer ids as names (in a
    `layer` column and as column headers of a matrix), floats rounded; numbers stay numbers."""
    names = dict(layer_names or {})
    table = frame.copy()
    for column, pattern in CODED.items():
        if column in table:
            table[column] = table[column].map(lambda v, p=pattern: t(p.format(v), lang) if v else v)
    if "metric" in table:
        table["metric"] = table["metric"].map(lambda m: metric_title(m, lang) if m in METRIC_TEXTS else m)
    if "layer" in table and names:
        table["layer"] = table["layer"].map(lambda v: names.get(v, v))
    for column in table.columns:
        if pd.api.types.is_float_dtype(table[column]):
            table[column] = _rounded(table[column])
    headers: list[str] = []
    for column in table.columns:
        header = names.get(column) or (t(HEADERS[column], lang) if column in HEADERS else str(column))
        headers.append(header if header not in headers else str(column))  # never two columns with one name
    return table.set_axis(headers, axis=1)


def key_figure_table(summary: Mapping[str, object], lang: str = "nl") -> pd.DataFrame:
    """A comparison's key figures as a table like every other download: `metric` named in `lang`, `value` as
    a number (so a Dutch CSV writes a decimal comma); the layer ids and weight are in the file's description."""
    rows = [
        (metric_title(key, lang) if key in METRIC_TEXTS else t(f"summary_key_{key}", lang), float(value))
        for key, value in summary.items()
        if isinstance(value, int | float | np.number) and not isinstance(value, bool)
    ]
    return pd.DataFrame(rows, columns=["metric", "value"])


def describe(
    atlas: Atlas,
    title: str,
    lang: str,
    date: dt.date | str,
    layers: Iterable[Layer] = (),
    weight: str | None = None,
) -> pd.DataFrame:
    """What a downloaded file holds and where it comes from, as (field, value) rows in `lang`."""
    layers = list(layers)
    rows = [
        (t("about_title", lang), title),
        (t("col_reference_date", lang), str(date)),
        (
            t("about_population", lang),
            t("about_population_value", lang, year=atlas.population_year, source=atlas.population_source),
        ),  # fmt: skip
    ]
    if weight:
        rows.append((t("report_weight", lang), t(f"weight_{weight}", lang)))
    for layer in layers:
        rows.append(
            (
                t("col_layer", lang),
                f"{layer.meta.name(lang)} ({layer.id}) — {layer.meta.source}; {layer.meta.licence}; "
                f"{t('col_confidence', lang).lower()}: {t(f'confidence_{layer.meta.confidence}', lang)}",
            )
        )
    rows += [
        (t("about_attribution", lang), t("attribution", lang)),
        (t("about_version", lang), f"scales {__version__}"),
        (t("about_made", lang), dt.datetime.now().isoformat(timespec="minutes")),
        (t("about_format", lang), t("about_format_value", lang)),
    ]
    return pd.DataFrame(rows, columns=[t("about_field", lang), t("about_value", lang)])
