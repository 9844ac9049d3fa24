"""Gemeente: in which structures is my municipality, with whom does it share them, how many partners."""

import streamlit as st

from scales.dashboard import maps
from scales.dashboard.profile import neighbours, span_standing, spans, structures_table
from scales.dashboard.ui import (
    atlas,
    downloads,
    file_on_request,
    labelled_atoms_geojson,
    labels,
    lang,
    layer_name,
    municipality_memberships,
    outline_of,
    plain,
    reference_date,
    show,
    t,
    unit_labels,
)
from scales.dashboard.webmap import show_map
from scales.i18n import number
from scales.output.region import find_region, region_report
from scales.output.report import report_pdf
from scales.output.reports import safe_name

MAP_LAYERS = ("judicial_arrondissement", "police_zone", "primary_care_zone")
"""The structures whose borders the Gemeente map draws around the municipality."""
SAFETY_LAYERS = [
    "judicial_arrondissement",
    "judicial_division",
    "prosecution_area",
    "police_zone",
    "primary_care_zone",
    "veilig_huis",
    "ariec",
]


@st.cache_data(show_spinner=False)
def span_table(date_iso: str):
    """How many units of each other structure every municipality's own units deal with (once per date)."""
    return spans({k: atlas().layer(k, date_iso) for k in SAFETY_LAYERS})


data = atlas()
date = reference_date().isoformat()
names = data.names
st.title(t("municipality_title"))

wanted = st.query_params.get("nis")
if wanted and wanted not in names:
    st.warning(t("unknown_nis", nis=plain(wanted[:20])))
    wanted = None
options = sorted(names, key=names.get)
nis = st.selectbox(
    t("search"),
    options,
    index=options.index(wanted) if wanted else None,
    format_func=labels(options, lambda n: f"{names[n]} ({n})").get,
    placeholder=t("search_placeholder"),
    key="profile_nis",
)
if nis is None:
    st.query_params.pop("nis", None)
    st.info(t("municipality_start"))
    st.stop()
st.query_params["nis"] = nis

table = municipality_memberships(nis, date)  # saved scenarios and uploads listed after the rest


def median_text(value: float) -> str:
    """A median as read: whole when it is whole (3), else with one decimal (2,5)."""
    return number(value, lang(), 0 if float(value).is_integer() else 1)


standing = span_standing(span_table(date), data.atoms.set_index("nis")["region_nis"], nis)
pair = standing.set_index(["own", "other"])
left, right = st.columns([2, 1])
with right:
    for own, other in (("primary_care_zone", "police_zone"), ("police_zone", "primary_care_zone")):
        row = pair.loc[(own, other)]
        st.metric(
            t("span_metric", own=layer_name(own).lower(), other=layer_name(other).lower()),
            int(row["count"]),
            help=t("span_help", median=median_text(row["median"])),
        )
        st.caption(t("span_median", median=median_text(row["median"])))
    atom = data.display_atoms[data.display_atoms["nis"] == nis].rename(columns={"name_nl": "name"})
    near = neighbours(data.borders, nis)
    around = data.display_atoms[data.display_atoms["nis"].isin(near | {nis})]
    shapes = [
        maps.municipalities_layer(labelled_atoms_geojson(date, lang()), t("tooltip_nis")),
        maps.highlight_layer(maps.feature_collection(atom, ["nis", "name"]), names[nis]),
    ]
    for index, layer_id in enumerate(MAP_LAYERS):
        shapes.append(
            maps.outline_layer(outline_of(layer_id, date), index, layer_id, layer_name(layer_id),
                               unit_labels(layer_id, date))
        )  # fmt: skip

    def go_to(chosen: str) -> None:
        st.session_state["profile_nis"] = chosen

    center, zoom = maps.view_of(tuple(around.total_bounds))
    show_map(shapes, key="profile-map", label=names[nis], failed=t("map_failed"), height=380,
             bounds=maps.leaflet_bounds(around), view={"center": center, "zoom": zoom}, on_click=go_to)  # fmt: skip
    st.caption(t("municipality_map_caption"))
with left:
    shown = table.fillna({"unit": t("not_covered")}).rename(columns={"share": "share_of_municipality"})
    show(
        shown[["layer", "unit", "members", "confidence", "share_of_municipality", "shared_with"]],
        headers={"unit": "col_unit"},
        height=600,
        column_config={t("col_shared_with"): st.column_config.TextColumn(width="large")},
    )
    st.caption(t("share_explained"))
    downloads(table, f"gemeente-{nis}", t("panel_title", name=names[nis], nis=nis), tuple(table["layer_id"].unique()))
    arrondissement = data.layer("judicial_arrondissement", date).membership.query("nis == @nis")["unit_id"].iloc[0]
    region = find_region(data, f"judicial_arrondissement:{arrondissement}", date)
    file_on_request(
        t("municipality_report", region=region.name),
        (region.ref, date, lang()),
        lambda: report_pdf(data, region_report(data, region, date), lang()),
        safe_name(f"rapport-{region.name}-{date}") + ".pdf",
        "application/pdf",
    )
st.subheader(t("span_title"))
grid = standing.assign(
    cell=[f"{c} ({median_text(m)})" for c, m in zip(standing["count"], standing["median"], strict=True)]
).pivot(index="own", columns="other", values="cell")
grid = grid.reindex(index=SAFETY_LAYERS, columns=SAFETY_LAYERS).fillna("—")
grid.index = [layer_name(k) for k in grid.index]
grid.columns = [layer_name(k) for k in grid.columns]
show(grid.rename_axis("").reset_index())
st.caption(t("span_caption"))
all_structures = structures_table(data, list(data.layers), date)
downloads(all_structures, "alle-gemeenten-alle-structuren", t("span_download"), tuple(data.layers))
st.caption(t("data_note", date=date, weight=t("weight_count"), year=data.population_year))
