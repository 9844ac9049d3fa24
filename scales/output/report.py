"""A region report as HTML, PDF (ReportLab: pure Python, works offline, no system libraries) and an
Excel workbook, with a static map (matplotlib). Every name is escaped for HTML and PDF, and every
spreadsheet cell is formula-safe (`scales.output.reports`)."""

from __future__ import annotations

import base64
import html
import io

import matplotlib

matplotlib.use("Agg")  # no screen: render to files only
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import shapely  # noqa: E402

from scales import __version__  # noqa: E402
from scales.data.atlas import Atlas  # noqa: E402
from scales.i18n import number, percent, t  # noqa: E402
from scales.output.region import ANCHOR, RegionReport, sources_table  # noqa: E402
from scales.output.reports import excel_bytes  # noqa: E402
from scales.output.tables import HEADERS  # noqa: E402

MAP_LAYERS = ("judicial_arrondissement", "police_zone", "primary_care_zone")
MAP_STYLES = {
    "judicial_arrondissement": ("#08306b", 2.2),
    "police_zone": ("#d7301f", 0.9),
    "primary_care_zone": ("#2166ac", 0.9),
}
OTHER_STYLES = [("#6a51a3", 1.2), ("#b15928", 1.2), ("#e7298a", 1.0), ("#1f78b4", 1.0)]
MOVES_SHOWN = 25
"""The report lists this many moves per pair (largest first); the workbook has them all."""


def static_map(atlas: Atlas, report: RegionReport, lang: str = "nl", layers: tuple[str, ...] = MAP_LAYERS) -> bytes:
    """PNG of the region: municipalities, the borders of the chosen layers (by default arrondissements,
    police zones and eerstelijnszones) and the Veilig Huis main locations."""
    figure, axes = plt.subplots(figsize=(8, 6), dpi=110)
    atoms = atlas.display_atoms
    inside = atoms[atoms["nis"].isin(report.region.nis)]
    atoms.plot(ax=axes, color="#f0f0f0", edgecolor="#d9d9d9", linewidth=0.2)
    inside.plot(ax=axes, color="#fee8c8", edgecolor="#bdbdbd", linewidth=0.3)
    for index, layer_id in enumerate(layers):
        colour, width = MAP_STYLES.get(layer_id, OTHER_STYLES[index % len(OTHER_STYLES)])
        lines = atlas.outline(atlas.layer(layer_id, report.date))
        axes.plot(*_xy(lines), color=colour, linewidth=width, label=atlas.layers[layer_id].meta.name(lang))
    points = atlas.points["veilig_huis_locations"]
    axes.scatter(
        points["lon"], points["lat"], s=40, color="#c51b7d", zorder=5, label=t("point_veilig_huis_locations", lang)
    )
    west, south, east, north = inside.total_bounds
    pad = 0.05 * max(east - west, north - south)
    axes.set_xlim(west - pad, east + pad)
    axes.set_ylim(south - pad, north + pad)
    axes.set_aspect(1.6)
    axes.set_axis_off()
    axes.legend(loc="lower left", fontsize=7, frameon=True)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _xy(lines) -> tuple[list[float], list[float]]:
    """Coordinates of (multi)lines as one x and one y list, with None between parts (one plot call)."""
    xs, ys = [], []
    for part in shapely.get_parts(lines):
        x, y = part.xy
        xs += [*x, None]
        ys += [*y, None]
    return xs, ys


def key_figures(atlas: Atlas, report: RegionReport, lang: str = "nl") -> pd.DataFrame:
    """One row per pair: units in the region, crossing, nested share, alignment cost, V (numbers)."""
    weight = t(f"weight_{report.weight}", lang)
    rows = [
        {
            t("col_layer", lang): t(
                "report_pair", lang, a=atlas.layers[p.a].meta.name(lang), b=atlas.layers[p.b].meta.name(lang)
            ),
            t("report_units", lang): p.summary["units"],
            t("report_crossing", lang): p.summary["crossing"],
            t("report_nested", lang): round(p.summary["nested_share"], 3),
            t("report_cost", lang, weight=weight): round(p.summary["alignment_cost"], 0),
            t("report_v", lang): round(p.summary["v_measure"], 3),
        }
        for p in report.pairs
    ]
    return pd.DataFrame(rows)


def _header(column: str, lang: str) -> str:
    return t(HEADERS[column], lang) if column in HEADERS else column


def _translated(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The frame with headers in the reader's language (values untouched, numbers stay numbers); a header
    whose translation is already taken keeps its own name, so no two columns share one."""
    names: list[str] = []
    for column in frame.columns:
        name = _header(column, lang)
        names.append(name if name not in names else str(column))
    return frame.set_axis(names, axis=1)


def _html_table(frame: pd.DataFrame, lang: str) -> str:
    def cell(value) -> str:
        if isinstance(value, float):
            return html.escape(number(value, lang, 0 if abs(value) >= 100 or value == int(value) else 3))
        return html.escape(str(value))

    head = "".join(f"<th>{html.escape(_header(c, lang))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _sections(atlas: Atlas, report: RegionReport, lang: str) -> list[tuple[str, list[object]]]:
    """The report's sections as (heading, [text or table]) in order; HTML and PDF lay out the same list."""
    weight = t(f"weight_{report.weight}", lang)
    sections: list[tuple[str, list[object]]] = [
        (t("report_key_figures", lang), [t("report_intro", lang), key_figures(atlas, report, lang)])
    ]
    for pair in report.pairs:
        if pair.straddles.empty and pair.moves.empty:
            continue
        title = t("report_pair", lang, a=atlas.layers[pair.a].meta.name(lang), b=atlas.layers[pair.b].meta.name(lang))
        straddles = pair.straddles.assign(share_of_a=pair.straddles["share_of_a"].round(3))[
            ["a_name", "b_name", "share_of_a", "municipalities"]
        ]
        moves = pair.moves.head(MOVES_SHOWN)[["municipality", "unit_name", "from_unit_name", "to_unit_name", "weight"]]
        sections.append(
            (title, [t("report_straddles", lang), straddles, t("report_moves", lang) + f" ({weight})", moves])
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
        columns = ["name", "inhabitants", "inhabitants_within_own", "share_within_own", "mean_own_distance_km",
                   "inhabitants_within", "share_within", "mean_distance_km", "inhabitants_nearer_other"]  # fmt: skip
        sections.append((t("report_coverage", lang), [line, report.coverage[columns]]))
    if not report.capacity.empty:
        columns = ["name", "staff", "inhabitants", "staff_per_100k", "missing_roles", "profiles"]
        sections.append((t("report_capacity", lang), [report.capacity[columns]]))
    sources = report.sources.drop(columns=["layer_en", "doubts_en"] if lang == "nl" else ["layer", "doubts"])
    sections.append((t("report_sources", lang), [sources, t("attribution", lang)]))
    return sections


def _title(report: RegionReport, lang: str) -> tuple[str, str]:
    name = report.region.name if report.region.ref != "all" else t("report_all", lang)
    subtitle = t(
        "report_subtitle", lang, date=report.date, weight=t(f"weight_{report.weight}", lang),
        year=report.population_year, version=__version__,
    )  # fmt: skip
    return t("report_title", lang, region=name), subtitle


def report_html(atlas: Atlas, report: RegionReport, lang: str = "nl", picture: bytes | None = None) -> str:
    """A self-contained HTML document (the map embedded), every name escaped."""
    title, subtitle = _title(report, lang)
    picture = picture if picture is not None else static_map(atlas, report, lang)
    parts = [
        f"<h1>{html.escape(title)}</h1><p class='sub'>{html.escape(subtitle)}</p>",
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
    """The same report as PDF (A4), names escaped for ReportLab's markup."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8.5)
    title, subtitle = _title(report, lang)
    picture = picture if picture is not None else static_map(atlas, report, lang)
    story = [Paragraph(html.escape(title), styles["Title"]), Paragraph(html.escape(subtitle), styles["Italic"])]
    story += [Spacer(1, 0.3 * cm), Image(io.BytesIO(picture), width=18 * cm, height=13.5 * cm, kind="proportional")]

    def table(frame: pd.DataFrame) -> Table:
        def cell(value) -> Paragraph:
            if isinstance(value, float):
                value = number(value, lang, 0 if abs(value) >= 100 or value == int(value) else 3)
            return Paragraph(html.escape(str(value)), small)

        rows = [
            [cell(_header(c, lang)) for c in frame.columns],
            *[[cell(v) for v in r] for r in frame.itertuples(index=False)],
        ]
        grid = Table(rows, repeatRows=1)
        grid.setStyle(
            TableStyle(
                [("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]
            )
        )
        return grid

    for heading, blocks in _sections(atlas, report, lang):
        story.append(Paragraph(html.escape(heading), styles["Heading2"]))
        for block in blocks:
            story.append(
                table(block) if isinstance(block, pd.DataFrame) else Paragraph(html.escape(block), styles["BodyText"])
            )
            story.append(Spacer(1, 0.2 * cm))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=landscape(A4), title=title, author="scales", leftMargin=1.5 * cm, rightMargin=1.5 * cm
    )
    document.build(story)
    return buffer.getvalue()


def report_workbook(atlas: Atlas, report: RegionReport, lang: str = "nl") -> bytes:
    """An Excel workbook: key figures, straddles and moves of every pair, coverage, ARIEC, sources and
    method; numbers stay numbers, every text cell is formula-safe."""
    sheets = {t("report_key_figures", lang): key_figures(atlas, report, lang)}
    straddles = [p.straddles.assign(layer_a=p.a, layer_b=p.b) for p in report.pairs if not p.straddles.empty]
    moves = [p.moves.assign(layer_a=p.a, layer_b=p.b) for p in report.pairs if not p.moves.empty]
    sheets[t("report_straddles", lang)] = pd.concat(straddles, ignore_index=True) if straddles else pd.DataFrame()
    sheets[t("report_moves", lang)] = pd.concat(moves, ignore_index=True) if moves else pd.DataFrame()
    sheets[t("report_coverage", lang)] = report.coverage
    sheets[t("report_capacity", lang)] = report.capacity
    title, subtitle = _title(report, lang)
    method = pd.DataFrame({"": [title, subtitle, t("report_intro", lang), f"anchor: {ANCHOR}", t("attribution", lang)]})
    sheets[t("report_sources", lang)] = pd.concat(
        [
            report.sources.drop(columns=["layer_en", "doubts_en"] if lang == "nl" else ["layer", "doubts"]),
            method.rename(columns={"": "source"}),
        ],
        ignore_index=True,
    )
    return excel_bytes({name: _translated(frame, lang) for name, frame in sheets.items()})


def pair_workbook(atlas: Atlas, comparison, matrix: pd.DataFrame | None = None, lang: str = "nl") -> bytes:
    """One Excel file for a pair: key figures, units, straddles, moves, the matrix, sources and method."""
    names = atlas.names
    summary = pd.DataFrame({"metric": list(comparison.summary()), "value": list(comparison.summary().values())})
    sources = sources_table(atlas, [comparison.a, comparison.b]).drop(
        columns=["layer_en", "doubts_en"] if lang == "nl" else ["layer", "doubts"]
    )
    sheets = {
        t("report_key_figures", lang): summary,
        t("units_title", lang): comparison.units(),
        t("report_straddles", lang): comparison.straddles(names),
        t("report_moves", lang): comparison.moves(names),
    }
    if matrix is not None:
        sheets["matrix"] = matrix.rename_axis("layer").reset_index()
    sheets[t("report_sources", lang)] = sources
    return excel_bytes({name: _translated(frame, lang) for name, frame in sheets.items()})
