"""Kaart: overlay any layers and locations, colour municipalities, click one to see its structures."""

import streamlit as st
from streamlit_folium import st_folium

from scales.dashboard import maps
from scales.dashboard.profile import memberships, units_in
from scales.dashboard.ui import (
    atlas,
    atoms_geojson,
    comparator,
    labels,
    lang,
    layer_name,
    layer_of,
    legend,
    outline_of,
    own_layers,
    reference_date,
    t,
)
from scales.engine.compare import partner_counts
from scales.i18n import number

data = atlas()
date = reference_date().isoformat()
own = own_layers()  # saved scenarios and custom layers, and this session's upload
layer_ids = list(data.layers) + list(own)
layer_labels = labels(layer_ids, layer_name)
names = data.names
st.title(t("map_title"))

with st.sidebar:
    st.divider()
    chosen = st.multiselect(
        t("map_layers"),
        layer_ids,
        default=["police_zone", "primary_care_zone", "judicial_division"],
        format_func=layer_labels.get,
        key="map_layers",
    )
    points = st.multiselect(
        t("map_points"),
        list(data.points),
        default=["veilig_huis_locations"],
        format_func=labels(data.points, lambda k: t(f"point_{k}")).get,
        key="map_points",
    )
    fills = {t(f"fill_{k}"): k for k in ("none", "partners", "classes")}  # labels as options: AppTest-safe
    fill = fills[st.radio(t("map_fill"), list(fills), horizontal=True, key=f"map_fill_{lang()}")]
    if fill == "classes":
        left, right = st.columns(2)
        fill_a = left.selectbox(
            t("layer_a"), layer_ids, index=layer_ids.index("police_zone"), format_func=layer_labels.get, key="fill_a"
        )
        fill_b = right.selectbox(
            t("layer_b"),
            layer_ids,
            index=layer_ids.index("primary_care_zone"),
            format_func=layer_labels.get,
            key="fill_b",
        )


def select_from_search() -> None:
    st.session_state["selected_nis"] = st.session_state["search_nis"]


controls, panel = st.columns([3, 2])
with panel:
    st.selectbox(
        t("search"),
        list(names),
        index=None,
        format_func=labels(names, lambda n: f"{names[n]} ({n})").get,
        key="search_nis",
        on_change=select_from_search,
        placeholder="Gent, 44021 …",
    )


def remember_click(state) -> None:
    """Make the municipality clicked last the selected one (a new click only)."""
    clicked = maps.clicked_nis(state)
    if clicked and clicked != st.session_state.get("last_click"):
        st.session_state["last_click"] = clicked
        st.session_state["selected_nis"] = clicked


remember_click(st.session_state.get("map"))  # the click that caused this rerun, so the map can highlight it
groups, items = [], []
for index, layer_id in enumerate(chosen):
    groups.append(maps.outline_group(outline_of(layer_id, date), index, layer_name(layer_id)))
    colour, weight, dash = maps.OUTLINE_STYLES[index % len(maps.OUTLINE_STYLES)]
    border = "dashed" if dash else "solid"
    items.append((f"border-top:{max(2, int(weight))}px {border} {colour}", layer_name(layer_id)))
if fill == "partners" and chosen:
    counts = partner_counts({k: layer_of(k, date) for k in chosen}).set_index("nis")["partner_count"]
    colours, steps = maps.partner_fill(counts, len(chosen))
    groups.append(maps.fill_group(atoms_geojson(), colours, t("fill_partners")))
    items += [(f"background:{c}", f"{t('partner_count')}: {low}{'+' if last else ''}") for c, low, last in steps]
elif fill == "classes":
    result = comparator().compare(layer_of(fill_a, date), layer_of(fill_b, date), "count")
    groups.append(maps.fill_group(atoms_geojson(), maps.class_fill(result), t("fill_classes")))
    items += [(f"background:{c}", t(f"class_{k}")) for k, c in maps.CLASS_COLOURS.items()]
for kind in points:
    groups.append(maps.points_group(data.points[kind], kind, t(f"point_{kind}")))
    colour, _ = maps.POINT_STYLES[kind]
    items.append((f"background:{colour};border-radius:6px;width:12px", t(f"point_{kind}")))
if st.session_state.get("selected_nis"):
    chosen_atom = data.display_atoms[data.display_atoms["nis"] == st.session_state["selected_nis"]]
    groups.append(
        maps.highlight_group(maps.feature_collection(chosen_atom.rename(columns={"name_nl": "name"}), ["nis", "name"]))
    )

with controls:
    base = maps.base_map(atoms_geojson(), t("tooltip_nis"))
    state = st_folium(
        base,
        key="map",
        height=600,
        use_container_width=True,
        feature_group_to_add=groups,
        returned_objects=["last_active_drawing"],
    )
    remember_click(state)
    st.caption(t("point_basis"))
    year = data.population_year
    st.caption(t("data_note", date=date, weight=t("weight_count"), year=year))

with panel:
    st.markdown(f"**{t('legend')}**")
    legend(items)
    selected = st.session_state.get("selected_nis")
    if not selected:
        st.info(t("click_hint"))
    else:
        table = memberships(data, selected, date, lang(), {k: own[k] for k in chosen if k in own})
        st.subheader(t("panel_title", name=names[selected], nis=selected))
        st.metric(t("partner_count"), units_in(table, chosen), help=t("partner_help"))
        shown = table.assign(share=table["share"].map(lambda v: "—" if v != v or v is None else number(v, lang(), 2)))
        shown = shown.fillna({"unit": t("not_covered")})
        st.table(
            shown[["layer", "unit", "share"]].rename(
                columns={"layer": t("col_layer"), "unit": t("col_unit"), "share": t("col_share")}
            ),
            hide_index=True,
        )
