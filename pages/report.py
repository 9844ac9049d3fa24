"""Rapport: a region report (PDF, HTML or Excel) to hand to a governor, and any layer's geometry."""

import streamlit as st
import streamlit.components.v1 as components

from scales.dashboard.ui import atlas, labels, lang, layer_name, layer_of, own_layers, reference_date, t
from scales.i18n import LANGUAGES
from scales.output.geodata import FORMATS, geodata_bytes, geodata_metadata, unit_polygons
from scales.output.region import REGION_LAYERS, find_region, region_report
from scales.output.report import MAP_LAYERS, report_html, report_pdf, report_workbook, static_map
from scales.output.reports import safe_name

MEDIA = {
    "pdf": "application/pdf",
    "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

data = atlas()
date = reference_date().isoformat()
st.title(t("page_report"))
regions = {"all": t("report_all")}
for layer_id in REGION_LAYERS:
    for unit_id, name in data.layer(layer_id, date).unit_names().items():
        regions[f"{layer_id}:{unit_id}"] = f"{name} ({layer_name(layer_id)})"
left, middle, right = st.columns(3)
region_ref = left.selectbox(t("report_region_label"), list(regions), format_func=regions.get, key="report_region")
report_lang = middle.radio(
    t("language"),
    list(LANGUAGES),
    index=list(LANGUAGES).index(lang()),
    format_func=LANGUAGES.get,
    horizontal=True,
    key="report_lang",
)
kind = right.radio(t("report_format_label"), list(MEDIA), horizontal=True, key="report_format")
all_layers = list(data.layers)
map_layers = st.multiselect(
    t("map_layers"),
    all_layers,
    default=list(MAP_LAYERS),
    format_func=labels(all_layers, layer_name).get,
    key="report_map_layers",
)
st.caption(t("data_note", date=date, weight=t("weight_inhabitants"), year=data.population_year))

wanted = (region_ref, report_lang, kind, date, tuple(map_layers))
if st.button(t("report_make"), key="report_make", type="primary"):
    with st.spinner(t("report_make")):
        report = region_report(data, find_region(data, region_ref, date), date)
        picture = static_map(data, report, report_lang, tuple(map_layers)) if kind != "xlsx" else None
        made = {
            "pdf": lambda: report_pdf(data, report, report_lang, picture),
            "html": lambda: report_html(data, report, report_lang, picture).encode("utf-8"),
            "xlsx": lambda: report_workbook(data, report, report_lang),
        }[kind]()
        preview = report_html(data, report, report_lang, picture) if kind != "xlsx" else ""
    st.session_state["report_file"] = (wanted, made, preview, safe_name(f"rapport-{regions[region_ref]}-{date}"))
saved = st.session_state.get("report_file")
if saved and saved[0] == wanted:  # made for exactly these choices
    _, made, preview, stem = saved
    st.download_button(
        t("download_file", kind=kind.upper()), made, f"{stem}.{kind}", MEDIA[kind], key="report_download"
    )
    if preview:
        st.markdown(f"**{t('report_preview')}**")
        components.html(preview, height=700, scrolling=True)

st.divider()
st.subheader(t("report_layer_export"))
layer_ids = list(data.layers) + list(own_layers())  # saved scenarios export too
left, middle, right = st.columns(3)
layer_id = left.selectbox(t("col_layer"), layer_ids, format_func=labels(layer_ids, layer_name).get, key="export_layer")
anchor_id = middle.selectbox(
    t("report_anchor_label"),
    layer_ids,
    index=layer_ids.index("judicial_arrondissement"),
    format_func=labels(layer_ids, layer_name).get,
    key="export_anchor",
)
geo_kind = right.radio(t("report_format_label"), list(FORMATS), horizontal=True, key="export_format")
if st.button(t("report_make"), key="export_make"):
    with st.spinner(t("report_make")):
        layer, anchor = layer_of(layer_id, date), layer_of(anchor_id, date)
        about = geodata_metadata(data, layer, date, anchor, lang())
        frame = unit_polygons(data, layer, anchor, lang())
        st.session_state["export_file"] = (
            (layer_id, anchor_id, geo_kind, date),
            geodata_bytes(frame, geo_kind, metadata=about),
        )
exported = st.session_state.get("export_file")
if exported and exported[0] == (layer_id, anchor_id, geo_kind, date):
    st.download_button(
        t("download_file", kind=geo_kind.upper()),
        exported[1],
        f"{safe_name(layer_id)}-{date}.{geo_kind}",
        FORMATS[geo_kind][1],
        key="export_download",
    )
