"""A region report as HTML, PDF (ReportLab: pure Python, works offline, no system libraries) and an
Excel workbook, with a static map (matplotlib). Every name is escaped for HTML and PDF, and every
spreadsheet cell is formula-safe (`scales.output.reports`)."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io

import pandas as pd

from scales import __version__
from scales.data.atlas import Atlas
from scales.i18n import number, percent, t
from scales.output.region import RegionReport, sources_in, sources_table
from scales.output.reports import excel_bytes
from scales.output.staticmap import MAP_LAYERS, static_map
from scales.output.summary import summary
from scales.output.tables import excel_formats, formatted, key_figure_table, readable

__all__ = ["MAP_LAYERS", "key_figures", "pair_workbook", "report_html", "report_pdf", "report_workbook", "static_map"]

MOVES_SHOWN = 25
"""The report lists this many moves per pair (largest first); the workbook has them all."""


KEY_HEADERS = {
    "pair": "col_layer", "units": "report_units", "crossing": "report_crossing", "nested_share": "report_nested",
    "alignment_cost": "report_cost", "v_measure": "report_v",
}  # fmt: skip
"""Headers of the key-figures table (the cost header names the weight)."""


def key_figure_rows(atlas: Atlas, report: RegionReport, lang: str = "nl") -> pd.DataFrame:
    """One row per pair with code columns (pair, units, crossing, nested_share, alignment_cost,
    v_measure); `key_figures` gives it headers in the reader's language."""
    rows = [
        {
            "pair": t("report_pair", lang, a=atlas.layers[p.a].meta.name(lang), b=atlas.layers[p.b].meta.name(lang)),
            "units": p.summary["units"],
            "crossing": p.summary["crossing"],
            "nested_share": p.summary["nested_share"],
            "alignment_cost": round(p.summary["alignment_cost"], 0),
            "v_measure": p.summary["v_measure"],
        }
        for p in report.pairs
    ]
    return pd.DataFrame(rows, columns=list(KEY_HEADERS))


def _key_headers(report: RegionReport, lang: str) -> list[str]:
    weight = t(f"weight_{report.weight}", lang)
    return [t(key, lang, weight=weight) if key == "report_cost" else t(key, lang) for key in KEY_HEADERS.values()]


def key_figures(atlas: Atlas, report: RegionReport, lang: str = "nl") -> pd.DataFrame:
    """One row per pair: units in the region, crossing, nested share, alignment cost, V (numbers), with
    headers in the reader's language."""
    return key_figure_rows(atlas, report, lang).set_axis(_key_headers(report, lang), axis=1)


def _html_table(frame: pd.DataFrame, lang: str) -> str:
    """A table of already formatted text (`tables.formatted`), every cell escaped."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _sections(atlas: Atlas, report: RegionReport, lang: str) -> list[tuple[str, list[object]]]:
    """The detail sections as (heading, [text or table of formatted text]) in order; HTML and PDF lay out
    the same list. Shares read as percentages, distances to 0,1 km, codes in the reader's language."""
    weight = t(f"weight_{report.weight}", lang)
    figures = formatted(key_figure_rows(atlas, report, lang), lang).set_axis(_key_headers(report, lang), axis=1)
    sections: list[tuple[str, list[object]]] = [(t("report_key_figures", lang), [t("report_intro", lang), figures])]
    for pair in report.pairs:
        if pair.straddles.empty and pair.moves.empty:
            continue
        title = t("report_pair", lang, a=atlas.layers[pair.a].meta.name(lang), b=atlas.layers[pair.b].meta.name(lang))
        straddles = pair.straddles[["a_name", "b_name", "share_of_a", "municipalities"]]
        moves = pair.moves.head(MOVES_SHOWN)[["municipality", "unit_name", "from_unit_name", "to_unit_name", "weight"]]
        sections.append(
            (
                title,
                [
                    t("report_straddles", lang),
                    formatted(straddles, lang),
                    t("report_moves", lang) + f" ({weight})",
                    formatted(moves, lang),
                ],
            )
        )
    totals = report.coverage_totals
    if totals:
        line = t(
            "report_coverage_line",
            lang,
            own=number(totals["inhabitants_within_own"], lang),
            own_share=percent(totals["share_within_own"], lang),
            own_mean=number(totals["mean_own_distance_km"], lang, 1),
            within=number(totals["inhabitants_within"], lang),
            total=number(totals["inhabitants"], lang),
            share=percent(totals["share_within"], lang),
            km=15,
            mean=number(totals["mean_distance_km"], lang, 1),
            year=report.population_year,
        )
        sections.append((t("report_coverage", lang), [line, formatted(report.coverage[COVERAGE_COLUMNS], lang)]))
    if not report.capacity.empty:
        sections.append((t("report_capacity", lang), [formatted(report.capacity[CAPACITY_COLUMNS], lang)]))
    sources = formatted(sources_in(report.sources, lang), lang)
    sections.append((t("report_sources", lang), [sources, t("attribution", lang)]))
    return sections


COVERAGE_COLUMNS = ["name", "inhabitants", "inhabitants_within_own", "share_within_own", "mean_own_distance_km",
                    "inhabitants_within", "share_within", "mean_distance_km", "inhabitants_nearer_other"]  # fmt: skip
CAPACITY_COLUMNS = ["name", "staff", "inhabitants", "staff_per_100k", "missing_roles", "profiles"]


def _title(report: RegionReport, lang: str) -> tuple[str, str]:
    name = report.region.name if report.region.ref != "all" else t("report_all", lang)
    subtitle = t(
        "report_subtitle", lang, date=report.date, weight=t(f"weight_{report.weight}", lang),
        year=report.population_year, version=__version__,
    )  # fmt: skip
    return t("report_title", lang, region=name), subtitle


def _printed(lang: str) -> str:
    """Today's date as the reader writes it: 1 december 2026 / 1 December 2026."""
    today = dt.date.today()
    return f"{today.day} {t(f'month_{today.month}', lang)} {today.year}"


def report_html(atlas: Atlas, report: RegionReport, lang: str = "nl", picture: bytes | None = None) -> str:
    """A self-contained HTML document (the map embedded), every name escaped."""
    title, subtitle = _title(report, lang)
    picture = picture if picture is not None else static_map(atlas, report, lang)
    parts = [
        f"<h1>{html.escape(title)}</h1><p class='sub'>{html.escape(subtitle)}</p>",
        f"<h2>{html.escape(t('report_summary', lang))}</h2>",
        "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in summary(atlas, report, lang)) + "</ul>",
        f"<h2>{html.escape(t('report_map', lang))}</h2>",
        f"<img alt='{html.escape(t('report_map', lang))}' src='data:image/png;base64,"
        f"{base64.b64encode(picture).decode()}'>",
    ]
    for heading, blocks in _sections(atlas, report, lang):
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        for block in blocks:
            parts.append(
                _html_table(block, lang) if isinstance(block, pd.DataFrame) else f"<p>{html.escape(block)}</p>"
            )
    parts.append(
        f"<p class='sub'>{html.escape(t('report_printed', lang, printed=_printed(lang), version=__version__))}</p>"
    )
    style = (
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}table{border-collapse:collapse;"
        "font-size:.85em;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.2em .4em;text-align:left}"
        "th{background:#f0f0f0}.sub{color:#555}img{max-width:100%}"
    )
    return (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{style}</style></head><body>{''.join(parts)}</body></html>"
    )


def report_pdf(atlas: Atlas, report: RegionReport, lang: str = "nl", picture: bytes | None = None) -> bytes:
    """The same report as PDF (A4 landscape): a summary page in plain words, the map, then the detail;
    every page with a footer (title, page X of Y, print date, version); names escaped for ReportLab."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8.5)
    body = styles["BodyText"].clone("summary", fontSize=10.5, leading=14, spaceAfter=6)
    title, subtitle = _title(report, lang)
    picture = picture if picture is not None else static_map(atlas, report, lang)
    story = [Paragraph(html.escape(title), styles["Title"]), Paragraph(html.escape(subtitle), styles["Italic"])]
    story.append(Paragraph(html.escape(t("report_summary", lang)), styles["Heading2"]))
    story += [Paragraph("• " + html.escape(line), body) for line in summary(atlas, report, lang)]
    story += [PageBreak(), Paragraph(html.escape(t("report_map", lang)), styles["Heading2"])]
    story.append(Image(io.BytesIO(picture), width=24 * cm, height=15.5 * cm, kind="proportional"))

    def table(frame: pd.DataFrame) -> Table:
        rows = [
            [Paragraph(html.escape(str(c)), small) for c in frame.columns],
            *[[Paragraph(html.escape(str(v)), small) for v in r] for r in frame.itertuples(index=False)],
        ]
        grid = Table(rows, repeatRows=1)
        grid.setStyle(
            TableStyle(
                [("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]
            )
        )
        return grid

    story.append(PageBreak())
    for heading, blocks in _sections(atlas, report, lang):
        story.append(Paragraph(html.escape(heading), styles["Heading2"]))
        for block in blocks:
            story.append(
                table(block) if isinstance(block, pd.DataFrame) else Paragraph(html.escape(block), styles["BodyText"])
            )
            story.append(Spacer(1, 0.2 * cm))
    printed = _printed(lang)

    class Numbered(Canvas):
        """A canvas that writes 'page X of Y' once the number of pages is known (two passes over the pages)."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for number_, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont("Helvetica", 7.5)
                self.setFillColor(colors.HexColor("#555555"))
                self.drawCentredString(
                    landscape(A4)[0] / 2, 0.8 * cm,
                    t("report_footer", lang, title=title, page=number_, pages=len(self._pages), printed=printed,
                      version=__version__),
                )  # fmt: skip
                super().showPage()
            super().save()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=landscape(A4), title=title, author=f"scales {__version__}", subject=subtitle,
        leftMargin=1.5 * cm, rightMargin=1.5 * cm, bottomMargin=1.6 * cm, lang=lang,
    )  # fmt: skip
    document.build(story, canvasmaker=Numbered)
    return buffer.getvalue()


def _pair_rows(report: RegionReport, attribute: str, atlas: Atlas, lang: str) -> pd.DataFrame:
    """Straddles or moves of every pair in one table, the pair named in the reader's language."""
    frames = [
        getattr(p, attribute).drop(columns=[c for c in ("a", "b", "nis", "unit", "from_unit", "to_unit")
                                            if c in getattr(p, attribute)])
        .assign(layer=atlas.layers[p.a].meta.name(lang), against=atlas.layers[p.b].meta.name(lang))
        for p in report.pairs
        if not getattr(p, attribute).empty
    ]  # fmt: skip
    if not frames:
        return pd.DataFrame()
    joined = pd.concat(frames, ignore_index=True)
    return joined[["layer", "against", *[c for c in joined.columns if c not in ("layer", "against")]]]


def report_workbook(atlas: Atlas, report: RegionReport, lang: str = "nl") -> bytes:
    """An Excel workbook a reader can print: a title block and the key figures on the first sheet, then
    straddles and moves of every pair, coverage, ARIEC staffing and sources; number formats per column,
    widths, frozen headers, workbook properties; every column and value in the reader's language."""
    title, subtitle = _title(report, lang)
    codes = {
        t("report_key_figures", lang): key_figure_rows(atlas, report, lang),
        t("report_straddles", lang): _pair_rows(report, "straddles", atlas, lang),
        t("report_moves", lang): _pair_rows(report, "moves", atlas, lang),
        t("report_coverage", lang): report.coverage.drop(columns=["unit_id", "worst_nis"], errors="ignore"),
        t("report_capacity", lang): report.capacity.drop(columns=["ariec_id", "roles_present"], errors="ignore"),
        t("report_sources", lang): sources_in(report.sources, lang),
    }
    sheets, formats = {}, {}
    for name, frame in codes.items():
        sheets[name] = readable(_listed(frame, lang), lang)
        formats[name] = excel_formats(frame)
    first = t("report_key_figures", lang)
    sheets[first] = sheets[first].set_axis(_key_headers(report, lang), axis=1)
    block = [title, subtitle, *summary(atlas, report, lang), t("report_intro", lang), t("attribution", lang)]
    return excel_bytes(sheets, formats=formats, title=block, properties={"title": title, "subject": subtitle})


def _listed(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Code lists (roles) and yes/no as words, so that no code or `True` reaches the reader."""
    table = frame.copy()
    for column in table.columns:
        if column in ("missing_roles", "roles_present"):
            table[column] = table[column].map(
                lambda v: ", ".join(t(f"role_{c}", lang) for c in str(v).split(", ") if c)
            )
        elif pd.api.types.is_bool_dtype(table[column]):
            table[column] = table[column].map({True: t("better_yes", lang), False: t("better_no", lang)})
    return table


def pair_workbook(atlas: Atlas, comparison, matrix: pd.DataFrame | None = None, lang: str = "nl") -> bytes:
    """One Excel file for a pair: key figures, units, straddles, moves, the matrix, sources and method."""
    names = atlas.names
    summary_ = key_figure_table(comparison.summary(), lang)
    sources = sources_in(sources_table(atlas, [comparison.a, comparison.b]), lang)
    sheets = {
        t("report_key_figures", lang): summary_,
        t("units_title", lang): comparison.units(),
        t("report_straddles", lang): comparison.straddles(names),
        t("report_moves", lang): comparison.moves(names),
    }
    if matrix is not None:
        sheets["matrix"] = matrix.rename_axis("layer").reset_index()
    sheets[t("report_sources", lang)] = sources
    formats = {name: excel_formats(frame) for name, frame in sheets.items()}
    return excel_bytes({name: readable(_listed(frame, lang), lang) for name, frame in sheets.items()}, formats=formats)
