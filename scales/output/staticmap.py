"""The region report's map (matplotlib, in Belgian Lambert 72 so that the scale bar is true): the
region's municipalities, the borders of the chosen layers, unit names where they stay legible, the
Veilig Huis locations, a scale bar, a north arrow, a source and date line, and a legend below the map
so that it covers nothing."""

from __future__ import annotations

import io

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")  # no screen: render to files only
import matplotlib.patheffects as effects  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from scales.data.atlas import Atlas  # noqa: E402
from scales.data.geometry import WEB_CRS  # noqa: E402
from scales.i18n import t  # noqa: E402
from scales.output.region import RegionReport  # noqa: E402

LAMBERT = "EPSG:31370"
MAP_LAYERS = ("judicial_arrondissement", "police_zone", "primary_care_zone")
MAP_STYLES = {
    "judicial_arrondissement": ("#08306b", 2.2),
    "police_zone": ("#d7301f", 0.9),
    "primary_care_zone": ("#2166ac", 0.9),
}
OTHER_STYLES = [("#6a51a3", 1.2), ("#b15928", 1.2), ("#e7298a", 1.0), ("#1f78b4", 1.0)]
MAX_LABELS = 25
"""Name the units of the finest chosen layer that has at most this many units in the region: more
names than this overlap at A4 size."""
SCALE_STEPS_KM = (1, 2, 5, 10, 20, 25, 50, 100)


def scale_bar_km(width_m: float) -> int:
    """The longest round length (km) that fits in a fifth of the map's width."""
    fitting = [step for step in SCALE_STEPS_KM if step * 1000 <= width_m / 5]
    return fitting[-1] if fitting else SCALE_STEPS_KM[0]


def map_labels(atlas: Atlas, report: RegionReport, layers: tuple[str, ...]) -> tuple[str, gpd.GeoDataFrame]:
    """The layer whose units the map names and one point per unit (inside its part of the region, in
    Lambert 72): the finest chosen layer with at most `MAX_LABELS` units in the region, else none."""
    candidates = []
    for layer_id in layers:
        layer = atlas.layer(layer_id, report.date)
        inside = layer.membership[layer.membership["nis"].isin(report.region.nis)]
        candidates.append((inside["unit_id"].nunique(), layer_id, layer))
    legible = [c for c in candidates if c[0] <= MAX_LABELS]
    if not legible:
        return "", gpd.GeoDataFrame({"name": []}, geometry=[], crs=LAMBERT)
    _, layer_id, layer = max(legible, key=lambda c: c[0])
    shapes = atlas.geometry(layer).to_crs(LAMBERT)
    region = atlas.display_atoms[atlas.display_atoms["nis"].isin(report.region.nis)].to_crs(LAMBERT).union_all()
    inside = set(layer.membership.loc[layer.membership["nis"].isin(report.region.nis), "unit_id"])
    shapes = shapes[shapes["unit_id"].isin(inside)].copy()
    shapes["geometry"] = shapes.geometry.intersection(region).representative_point()
    return layer_id, shapes[["unit_id", "name", "geometry"]].reset_index(drop=True)


def static_map(atlas: Atlas, report: RegionReport, lang: str = "nl", layers: tuple[str, ...] = MAP_LAYERS) -> bytes:
    """PNG of the region: municipalities, the borders of the chosen layers (by default arrondissements,
    police zones and eerstelijnszones), unit names, Veilig Huis locations, scale bar, north arrow,
    source line and legend."""
    figure, axes = plt.subplots(figsize=(8, 7.2), dpi=130)
    atoms = atlas.display_atoms.to_crs(LAMBERT)
    inside = atoms[atoms["nis"].isin(report.region.nis)]
    atoms.plot(ax=axes, color="#f0f0f0", edgecolor="#d9d9d9", linewidth=0.2)
    inside.plot(ax=axes, color="#fee8c8", edgecolor="#bdbdbd", linewidth=0.3)
    for index, layer_id in enumerate(layers):
        colour, width = MAP_STYLES.get(layer_id, OTHER_STYLES[index % len(OTHER_STYLES)])
        lines = gpd.GeoSeries([atlas.outline(atlas.layer(layer_id, report.date))], crs=WEB_CRS).to_crs(LAMBERT)
        lines.plot(ax=axes, color=colour, linewidth=width, label=atlas.layers[layer_id].meta.name(lang))
    west, south, east, north = inside.total_bounds
    pad = 0.05 * max(east - west, north - south)
    points = atlas.points["veilig_huis_locations"]
    located = gpd.GeoSeries(gpd.points_from_xy(points["lon"], points["lat"]), crs=WEB_CRS).to_crs(LAMBERT)
    axes.scatter(
        located.x, located.y, s=36, color="#c51b7d", edgecolor="white", linewidth=0.6, zorder=8,
        label=t("point_veilig_huis_locations", lang),
    )  # fmt: skip
    _, labels = map_labels(atlas, report, layers)
    halo = [effects.withStroke(linewidth=2.2, foreground="white")]
    for row in labels.itertuples(index=False):
        axes.annotate(
            row.name, (row.geometry.x, row.geometry.y), fontsize=6, ha="center", va="center", color="#222222",
            path_effects=halo, zorder=6,
        )  # fmt: skip
    axes.set_xlim(west - pad, east + pad)
    axes.set_ylim(south - pad, north + pad)
    axes.set_aspect("equal")
    axes.set_axis_off()
    _scale_bar(axes, west - pad, south - pad, east - west + 2 * pad, north - south + 2 * pad)
    axes.annotate(
        "N", xy=(0.96, 0.97), xytext=(0.96, 0.88), xycoords="axes fraction", ha="center", va="center",
        fontsize=9, fontweight="bold", arrowprops={"facecolor": "black", "width": 2.5, "headwidth": 8},
    )  # fmt: skip
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=7, frameon=False)
    figure.text(
        0.5, 0.01, t("map_source_line", lang, date=report.date, year=report.population_year),
        ha="center", fontsize=6, color="#444444",
    )  # fmt: skip
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _scale_bar(axes, x0: float, y0: float, width: float, height: float) -> None:
    """A black and white bar of a round number of km in the lower right corner, labelled `0` and `N km`."""
    km = scale_bar_km(width)
    left, base = x0 + width * 0.97 - km * 1000, y0 + height * 0.04
    thick = height * 0.008
    for part in range(2):
        start = left + part * km * 500
        axes.fill(
            [start, start + km * 500, start + km * 500, start], [base, base, base + thick, base + thick],
            color="black" if part == 0 else "white", edgecolor="black", linewidth=0.6, zorder=7,
        )  # fmt: skip
    for x, text in ((left, "0"), (left + km * 1000, f"{km} km")):
        axes.text(x, base + thick * 1.8, text, ha="center", va="bottom", fontsize=6.5, zorder=7)
