"""Vergelijk: a heat-map matrix of one metric for all layer pairs, and one pair in detail."""

import altair as alt
import pandas as pd
import streamlit as st

from scales.dashboard import maps
from scales.dashboard.findings import reading
from scales.dashboard.ui import (
    atlas,
    chart_locale,
    comparator,
    downloads,
    file_on_request,
    labels,
    lang,
    layer_name,
    legend,
    own_layers,
    plain,
    reference_date,
    session_memo,
    shapes_of,
    show,
    t,
)
from scales.dashboard.webmap import show_map
from scales.data.custom import CustomLayerError, parse_custom_layer
from scales.engine.compare import MATRIX_METRICS, METRICS
from scales.engine.metrics import WEIGHTS
from scales.i18n import HOW_COMPUTED, metric_text, metric_title, number, percent
from scales.output.geodata import pair_geopackage
from scales.output.report import pair_workbook
from scales.output.reports import safe_name
from scales.output.tables import as_text, key_figure_table

data = atlas()
date = reference_date().isoformat()
layer_ids = list(data.layers)
atom_ids = set(data.atoms["nis"])
layer_labels = labels(layer_ids, layer_name)
year = data.population_year
st.title(t("compare_title"))

left, right = st.columns(2)
metric = left.selectbox(
    t("metric_label"),
    MATRIX_METRICS,
    format_func=labels(MATRIX_METRICS, lambda m: metric_title(m, lang())).get,
    key="metric",
)
weight = right.selectbox(
    t("weight_label"), WEIGHTS, format_func=labels(WEIGHTS, lambda w: t(f"weight_{w}")).get, key="weight"
)
st.caption(metric_text(metric, lang()))


@st.cache_data(show_spinner=False)
def metric_matrix(metric: str, weight: str, date_iso: str) -> pd.DataFrame:
    return comparator().matrix({k: atlas().layer(k, date_iso) for k in layer_ids}, metric, weight)


MATRIX_HIGHER_IS_BETTER = {key: METRICS[key].higher_is_better for key in MATRIX_METRICS}
table = metric_matrix(metric, weight, date)
labelled = table.rename(index=layer_name, columns=layer_name)
long = labelled.rename_axis("A").reset_index().melt(id_vars="A", var_name="B", value_name="value")
long["label"] = as_text(long["value"], lang(), "auto", 2)
long["ink"] = maps.label_inks(long["value"])  # black on light cells, white on dark ones
views = {t("view_matrix"): "matrix", t("view_list"): "list"}  # a list reads on a phone, the matrix does not
view = views[st.radio(t("view_label"), list(views), horizontal=True, key=f"matrix_view_{lang()}")]
if view == "matrix":
    order = list(labelled.index)
    base = alt.Chart(long).encode(
        x=alt.X("B:N", sort=order, title=t("layer_b")), y=alt.Y("A:N", sort=order, title=t("layer_a"))
    )
    heat = base.mark_rect().encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme="viridis"), title=None),
        tooltip=[
            alt.Tooltip("A:N", title=t("layer_a")),
            alt.Tooltip("B:N", title=t("layer_b")),
            alt.Tooltip("label:N", title=metric_title(metric, lang())),
        ],
    )
    text = base.mark_text(fontSize=10).encode(text="label:N", color=alt.Color("ink:N", scale=None))
    chart = (  # independent colours: the cells' scale is not the labels' ink
        (heat + text).resolve_scale(color="independent").properties(height=520).configure(locale=chart_locale(lang()))
    )
    st.altair_chart(chart, width="stretch")
else:
    pairs = long[long["A"] != long["B"]].sort_values("value", ascending=not MATRIX_HIGHER_IS_BETTER[metric])
    show(pairs[["A", "B", "label"]].rename(columns={"label": metric_title(metric, lang())}),
         headers={"A": "layer_a", "B": "layer_b"})  # fmt: skip
st.caption(t("matrix_caption", weight=t(f"weight_{weight}"), date=date))
downloads(
    table.rename_axis("layer").reset_index(),
    f"matrix-{metric}-{weight}",
    metric_title(metric, lang()),
    tuple(layer_ids),
    weight,
)
with st.expander(t("how_computed")):
    st.write(HOW_COMPUTED[lang()])
    for key in MATRIX_METRICS:
        st.markdown(f"- {metric_text(key, lang())}")

st.divider()
upload = st.file_uploader(t("custom_upload"), type=["csv", "txt", "json"], key="custom_layer", help=t("custom_help"))
session_layers = {}
if upload is not None:
    try:
        parsed = session_memo(
            "custom_layer", upload.file_id, lambda: parse_custom_layer(upload.getvalue(), atom_ids, name=upload.name)
        )
        for note in parsed.notes:
            st.caption(plain(note.text(lang())))
        if parsed.layer is None:  # not one valid row: say every reason
            st.error(t("custom_error", error=plain(" ".join(p.text(lang()) for p in parsed.problems))))
        for problem in parsed.problems if parsed.layer is not None else ():  # the valid rows are compared
            st.warning(plain(problem.text(lang())))
        if parsed.layer is not None:
            session_layers[parsed.layer.id] = parsed.layer
            st.success(t("custom_ok", units=len(parsed.layer.units), atoms=parsed.layer.atoms_covered(),
                         total=len(data.atoms)))  # fmt: skip
    except CustomLayerError as error:  # the file stays in the uploader: fix it and upload again
        st.error(t("custom_error", error=plain(error.text(lang()))))
st.session_state["session_layers"] = session_layers  # Kaart and Gemeente show it too, in this session only
own = own_layers()  # saved scenarios and this session's upload, by id
custom = next(iter(session_layers.values()), None)
pair_ids = layer_ids + list(own)
pair_labels = {**layer_labels, **{k: v.meta.name(lang()) for k, v in own.items()}}


for key, param, default in (("pair_a", "a", "police_zone"), ("pair_b", "b", "primary_care_zone")):
    if st.session_state.get(key) not in pair_ids:  # arriving on the page: the pair from the link, else the default
        wanted = st.query_params.get(param)
        st.session_state[key] = wanted if wanted in pair_ids else default
left, right = st.columns(2)
a_id = left.selectbox(t("layer_a"), pair_ids, format_func=pair_labels.get, key="pair_a")
b_id = right.selectbox(t("layer_b"), pair_ids, format_func=pair_labels.get, key="pair_b")
st.query_params.update({"a": a_id, "b": b_id})  # a link to this view reproduces the pair
result = comparator().compare(data.resolve(a_id, date, own), data.resolve(b_id, date, own), weight)
summary = result.summary()
st.subheader(t("pair_title", a=plain(pair_labels[a_id]), b=plain(pair_labels[b_id])))
st.markdown(plain(reading(summary, pair_labels[a_id], pair_labels[b_id], lang())))
unit = t(f"weight_{weight}")
cols = st.columns(4)
cols[0].metric(
    metric_title("nested_a_in_b", lang()),
    percent(summary["nested_a_in_b"], lang()),
    help=metric_text("nested_a_in_b", lang()),
)
cols[1].metric(metric_title("coterminous", lang()), summary["coterminous"], help=metric_text("coterminous", lang()))
cols[2].metric(
    metric_title("v_measure", lang()), number(summary["v_measure"], lang(), 2), help=metric_text("v_measure", lang())
)
cols[3].metric(
    t("cost_label", weight=unit),
    number(summary["alignment_cost_a_into_b"], lang()),
    help=metric_text("alignment_cost_a_into_b", lang()),
)
st.caption(
    t("data_note", date=date, weight=unit, year=year)
    + (" " + t("left_out", n=summary["atoms_left_out"]) if summary["atoms_left_out"] else "")
)

key_figures = key_figure_table(summary, lang())
downloads(key_figures, f"kerncijfers-{a_id}-{b_id}", t("pair_title", a=pair_labels[a_id], b=pair_labels[b_id]),
          (a_id, b_id), weight)  # fmt: skip
units = result.units()
classes = units.query("layer == 'A'").set_index("unit_id")["class"]
shapes = shapes_of(a_id, date, None if a_id in layer_ids else own[a_id])
st.markdown(f"**{t('class_map')}**")
colours = {unit: maps.CLASS_COLOURS[value] for unit, value in classes.items()}
class_style = {"color": "#444", "weight": 0.8, "fillOpacity": 0.7}
class_layer = maps.geojson_layer("classes", shapes, class_style, fill=colours, fill_key="unit_id", tooltip="")
show_map([class_layer], key="class_map", label=t("class_map"), failed=t("map_failed"), height=420)
legend([(f"background:{c}", t(f"class_{k}")) for k, c in maps.CLASS_COLOURS.items()])

st.subheader(t("straddles_title"))
straddles = result.straddles(comparator().atom_names)
show(straddles)
downloads(straddles, f"straddles-{a_id}-{b_id}", t("straddles_title"), (a_id, b_id), weight)
st.subheader(t("moves_title"))
moves = result.moves(comparator().atom_names)
show(moves)
downloads(moves, f"moves-{a_id}-{b_id}", t("moves_title"), (a_id, b_id), weight)
st.subheader(t("units_title"))
show(units)
downloads(units, f"units-{a_id}-{b_id}", t("units_title"), (a_id, b_id), weight)
left, right = st.columns(2)
with left:
    file_on_request(
        t("pair_workbook"),
        (a_id, b_id, weight, date, lang(), custom.meta.source if custom else "", len(own)),
        lambda: pair_workbook(data, result, table, lang()),
        safe_name(f"werkboek-{a_id}-{b_id}-{weight}-{date}") + ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
with right:
    file_on_request(
        t("pair_geopackage"),
        (a_id, b_id, date, custom.meta.source if custom else ""),
        lambda: pair_geopackage(data, data.resolve(a_id, date, own), data.resolve(b_id, date, own), date, lang()),
        safe_name(f"{a_id}-tegenover-{b_id}-{date}") + ".gpkg",
        "application/geopackage+sqlite3",
    )
