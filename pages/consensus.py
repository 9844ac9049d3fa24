"""Eén kaart: which common map of K regions the safety structures fit best, and what each choice costs."""

import altair as alt
import pandas as pd
import streamlit as st

from scales.analysis import consensus
from scales.dashboard import maps
from scales.dashboard.ui import (
    atlas,
    atoms_geojson,
    chart_locale,
    comparator,
    downloads,
    labels,
    lang,
    layer_name,
    legend,
    outline_of,
    plain,
    reference_date,
    save_form,
    show,
    t,
)
from scales.dashboard.webmap import show_map
from scales.i18n import number, percent
from scales.problems import ScalesError

# Categorical colours (matplotlib's tab10 and tab20 light), reused past 18 regions.
REGION_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d",
)  # fmt: skip
CHOICES = ("police_zone", "primary_care_zone", "veilig_huis", "ariec", "prosecution_area", "judicial_division",
           "judicial_arrondissement", "reference_region", "transport_region")  # fmt: skip


def _problem(layer_ids: tuple[str, ...], date_iso: str) -> consensus.Setup:
    data = atlas()
    return consensus.setup(data, [data.layer(k, date_iso) for k in layer_ids])


@st.cache_resource(show_spinner=False)
def _results() -> dict:
    """Results kept for every visitor (a refresh or another visitor with the same inputs costs nothing); not a
    Streamlit cached function, because the computations move a progress bar on the page while they run."""
    return {}


def remembered(key: tuple, make):
    results = _results()
    if key not in results:
        results[key] = make()
        while len(results) > 24:
            results.pop(next(iter(results)))
    return results[key]


def best(layer_ids: tuple[str, ...], k: int, floor: float, date_iso: str, progress) -> consensus.Grid:
    """The best grid for these inputs."""
    return remembered(("best", layer_ids, k, floor, date_iso),
                lambda: consensus.best_grid(_problem(layer_ids, date_iso), k, floor, progress=progress))  # fmt: skip


def anchors_table(layer_ids: tuple[str, ...], floor: float, date_iso: str, progress) -> pd.DataFrame:
    """Each existing map beside the best grid of its size."""

    def make() -> pd.DataFrame:
        anchors = [atlas().layer(a, date_iso) for a in consensus.ANCHORS]
        return consensus.compare_anchors(_problem(layer_ids, date_iso), anchors, floor, runs=6, progress=progress)

    return remembered(("anchors", layer_ids, floor, date_iso), make)


def curve(layer_ids: tuple[str, ...], ks: tuple[int, ...], floor: float, date_iso: str, progress):
    """The price curve and the existing maps as points on it."""

    def make():
        problem = _problem(layer_ids, date_iso)
        points = consensus.anchor_points(problem, [atlas().layer(a, date_iso) for a in consensus.ANCHORS])
        return consensus.price_curve(problem, ks, floor, runs=3, progress=progress), points

    return remembered(("curve", layer_ids, ks, floor, date_iso), make)


def progress_bar() -> tuple:
    """A progress bar and the callback that moves it (the long computations report through it)."""
    bar = st.progress(0.0, text=t("consensus_working"))
    working = t("consensus_working")
    return bar, lambda fraction, step: bar.progress(min(max(fraction, 0.0), 1.0), text=f"{working} {step}")


data = atlas()
date = reference_date().isoformat()
language = lang()
st.title(t("consensus_title"))
st.markdown(t("consensus_intro"))

with st.form("consensus_form"):
    chosen = st.multiselect(
        t("consensus_layers"), list(CHOICES), default=list(consensus.DEFAULT_LAYERS),
        format_func=labels(list(CHOICES), layer_name).get, key="consensus_layers",
    )  # fmt: skip
    left, middle, right = st.columns(3)
    k = left.number_input(t("consensus_k"), min_value=2, max_value=40, value=15, step=1, key="consensus_k")
    floor = middle.number_input(t("consensus_floor"), min_value=0, max_value=3_000_000, value=150_000, step=10_000,
                                key="consensus_floor")  # fmt: skip
    anchor_names = labels(list(consensus.ANCHORS), layer_name)
    anchor = right.selectbox(t("consensus_anchor"), list(consensus.ANCHORS), index=3, format_func=anchor_names.get,
                             key="consensus_anchor")  # fmt: skip
    asked = st.form_submit_button(t("consensus_run"), type="primary")

inputs = (tuple(chosen), int(k), float(floor), date)
if asked:
    st.session_state["consensus_inputs"] = inputs
if st.session_state.get("consensus_inputs") != inputs:
    st.info(t("consensus_start", seconds=20))
    st.stop()

try:
    bar, report = progress_bar()
    grid = best(*inputs, report)
    bar.empty()
except ScalesError as error:  # an impossible floor, an uncovered territory: said, the choices kept
    st.error(plain(error.text(language)))
    st.stop()

problem = grid.problem
where = t("territory_flanders") if problem.territory == "flanders" else t("territory_flanders_brussels")
total = float(problem.weight.sum())
st.markdown(
    t("consensus_summary", k=grid.k, where=where, municipalities=problem.size, cost=number(grid.objective, language),
      share=percent(grid.objective / total / len(problem.layers), language, 1),
      layers=len(problem.layers))
)  # fmt: skip
st.caption(
    t("consensus_method", runs=grid.runs, seconds=number(grid.seconds, language, 1),
      best=number(grid.spread["best"], language), median=number(grid.spread["median"], language),
      worst=number(grid.spread["worst"], language))
)  # fmt: skip
for nis, tied in problem.links:
    st.caption(t("consensus_link", name=data.names[nis], tied=data.names[tied]))
if "13002" in set(problem.nis):
    st.caption(t("consensus_baarle"))

# --- the map --------------------------------------------------------------------------------------
regions = grid.regions()
names = grid.region_names()
colours = {nis: REGION_COLOURS[(int(r[1:]) - 1) % len(REGION_COLOURS)] for nis, r in regions.items()}
shapes = [
    maps.municipalities_layer(atoms_geojson(), t("tooltip_nis")),
    maps.fill_layer(atoms_geojson(), colours, "consensus", t("consensus_map_grid", k=grid.k)),
    maps.outline_layer(outline_of(anchor, date), 0, anchor, layer_name(anchor)),
]
show_map(shapes, key="consensus-map", label=t("consensus_map_grid", k=grid.k), failed=t("map_failed"), height=520,
         about=(t("consensus_map_about", anchor=layer_name(anchor)),))  # fmt: skip
regions_table = grid.region_table()
legend([(f"background:{REGION_COLOURS[i % len(REGION_COLOURS)]}", plain(name))
        for i, name in enumerate(regions_table["name"])])  # fmt: skip
st.caption(t("consensus_map_caption", anchor=layer_name(anchor)))

# --- what each layer pays ------------------------------------------------------------------------
st.subheader(t("consensus_layers_title"))
costs = grid.per_layer()
show(costs[["layer", "into_grid", "grid_into", "counted", "cost", "units", "units_split"]])
st.caption(t("consensus_layers_caption", weight=t(f"weight_{problem.weight_kind}")))
with st.expander(t("consensus_regions_title")):
    show(regions_table.rename(columns={"region": "unit_id"}))
    members = pd.DataFrame({"nis": list(regions), "municipality": [data.names[n] for n in regions],
                            "unit": [names[r] for r in regions.values()]})  # fmt: skip
    downloads(members, f"een-kaart-{grid.k}", t("consensus_map_grid", k=grid.k), tuple(chosen))

# --- the anchors beside the best grid ------------------------------------------------------------
st.subheader(t("consensus_anchors_title"))
st.caption(t("consensus_anchors_caption"))
if st.button(t("consensus_anchors_run"), key="consensus_anchors_run") or st.session_state.get("consensus_anchors"):
    st.session_state["consensus_anchors"] = True
    bar, report = progress_bar()
    table = anchors_table(tuple(chosen), float(floor), date, report)
    bar.empty()
    summed = table.groupby(["anchor", "k"], sort=False)[["anchor_cost", "best_cost"]].sum().reset_index()
    summed["layer"] = summed["anchor"]
    show(summed[["layer", "k", "anchor_cost", "best_cost"]], headers={"layer": "consensus_col_anchor"})
    named = table.assign(anchor=table["anchor"].map(layer_name))
    show(named[["anchor", "layer", "anchor_cost", "anchor_counted", "best_cost", "best_counted"]])
    downloads(table, "een-kaart-ankers", t("consensus_anchors_title"), tuple(chosen))

# --- the price curve -----------------------------------------------------------------------------
st.subheader(t("consensus_curve_title"))
low, high = st.slider(t("consensus_curve_range"), 2, 40, (5, 25), key="consensus_curve_range")
if st.button(t("consensus_curve_run", seconds=(high - low + 1) * 4), key="consensus_curve_run") or (
    st.session_state.get("consensus_curve") == (low, high)
):
    st.session_state["consensus_curve"] = (low, high)
    bar, report = progress_bar()
    line, points = curve(tuple(chosen), tuple(range(low, high + 1)), float(floor), date, report)
    bar.empty()
    points = points.assign(label=points["anchor"].map(layer_name))
    axis_x, axis_y = alt.X("k:Q", title=t("consensus_k")), alt.Y("objective:Q", title=t("consensus_cost_axis"))
    chart = alt.layer(
        alt.Chart(line).mark_line(point=True, color="#2166ac").encode(axis_x, axis_y),
        alt.Chart(points).mark_point(color="#b2182b", size=80, filled=True).encode(axis_x, axis_y,
                                                                                  tooltip=["label", "k", "objective"]),
        alt.Chart(points).mark_text(align="left", dx=7, color="#b2182b").encode(axis_x, axis_y, text="label"),
    ).configure(locale=chart_locale(language))  # fmt: skip
    st.altair_chart(chart, width="stretch")
    st.caption(t("consensus_curve_caption"))
    show(line[["k", "objective", "median", "worst"]])

# --- what would change, and for the smallest municipalities --------------------------------------
followed = remembered(("follow", *inputs), lambda: consensus.follow(problem, grid, comparator()))
st.subheader(t("consensus_changes_title"))
moved = consensus.changes(problem, followed)
if moved.empty:
    st.info(t("consensus_no_changes"))
else:
    show(moved[["layer", "name", "from_name", "to_name"]].rename(columns={"name": "municipality"}),
         headers={"from_name": "report_from", "to_name": "report_to"})  # fmt: skip
    downloads(moved, "een-kaart-wijzigingen", t("consensus_changes_title"), tuple(chosen))
st.subheader(t("consensus_small_title"))
small = consensus.tables_per_municipality(problem, [data.layer(k_, date) for k_ in chosen], list(followed.values()))
show(small.head(50)[["name", "inhabitants", "tables_today", "tables_grid"]].rename(columns={"name": "municipality"}))
st.caption(t("consensus_small_caption", today=number(small["tables_today"].mean(), language, 2),
             grid=number(small["tables_grid"].mean(), language, 2)))  # fmt: skip

with st.expander(t("how_computed")):
    st.markdown(t("consensus_how"))

# --- keep it ---------------------------------------------------------------------------------------
st.subheader(t("consensus_save_title"))
save_form(grid.as_layer, grid.note(), "consensus", "consensus_saved", default_name=f"een-kaart-{grid.k}")
st.caption(t("data_note", date=date, weight=t(f"weight_{problem.weight_kind}"), year=data.population_year))
