"""Kaart: overlay any layers and locations, colour municipalities, click or search one to see where it is
and which structures it is in. Layers and the chosen municipality are kept in the link."""

from urllib.parse import urlencode

import streamlit as st

from scales.dashboard import maps
from scales.dashboard.profile import memberships
from scales.dashboard.ui import (
    atlas,
    changing_on,
    comparator,
    labelled_atoms_geojson,
    labels,
    lang,
    layer_name,
    layer_of,
    legend,
    locations_layer,
    outline_of,
    own_layers,
    reference_date,
    show,
    t,
    unit_labels,
)
from scales.dashboard.webmap import show_map
from scales.engine.compare import partner_counts

DEFAULT_LAYERS = ["police_zone", "primary_care_zone", "judicial_division"]

data = atlas()
date = reference_date().isoformat()
own = own_layers()  # saved scenarios and custom layers, and this session's upload
layer_ids = list(data.layers) + list(own)
layer_labels = labels(layer_ids, layer_name)
names = data.names
st.title(t("map_title"))

if "map_layers" not in st.session_state:  # arriving: the layers and municipality from the link
    wanted = [k for k in st.query_params.get("layers", "").split(",") if k in layer_ids]
    st.session_state["map_layers"] = wanted or DEFAULT_LAYERS
    if st.query_params.get("nis") in names:
        st.session_state["selected_nis"] = st.session_state["search_nis"] = st.query_params["nis"]


def select_clicked(nis: str) -> None:
    """Make the clicked municipality the selected one, the search box following it (runs before the rerun)."""
    st.session_state["selected_nis"] = st.session_state["search_nis"] = nis


with st.sidebar:
    st.divider()
    chosen = st.multiselect(t("map_layers"), layer_ids, format_func=layer_labels.get, key="map_layers")
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


panel, controls = st.columns([2, 3])  # the search first: above the map on a narrow screen
panel.selectbox(
    t("search"),
    list(names),
    index=None,
    format_func=labels(names, lambda n: f"{names[n]} ({n})").get,
    key="search_nis",
    on_change=select_from_search,
    placeholder="Gent, 44021 …",
)
selected = st.session_state.get("selected_nis")
ordered = [k for k in layer_ids if k in chosen]  # a fixed drawing order: the catalogue's, not the clicks'
state_in_link = {"lang": lang(), "date": date, "layers": ",".join(ordered), **({"nis": selected} if selected else {})}
st.query_params.from_dict(state_in_link)  # the address bar too: the map is drawn in the page, so nothing reloads

with panel:  # the answer first, before the map is worked out; the legend goes above it once known
    legend_box = st.container()
    if not selected:
        st.info(t("click_hint"))
    else:
        table = memberships(data, selected, date, lang(), {k: own[k] for k in ordered if k in own})
        st.subheader(t("panel_title", name=names[selected], nis=selected))
        show(
            table.fillna({"unit": t("not_covered")})[["layer", "unit", "share"]],
            headers={"unit": "col_unit"},
            static=True,
        )

municipalities = labelled_atoms_geojson(date, lang())  # one file for the clickable shapes and every fill
layers, items = [maps.municipalities_layer(municipalities, t("tooltip_nis"))], []
changing = changing_on(date)
if not changing.empty:  # what the chosen date changes, marked on the map
    changed = dict.fromkeys(changing["nis"], maps.HIGHLIGHT_FILL)
    layers.append(maps.fill_layer(municipalities, changed, "changes", t("changes_legend", date=date)))
    items.append((f"background:{maps.HIGHLIGHT_FILL}", t("changes_legend", date=date)))
if fill == "partners" and ordered:
    counts = partner_counts({k: layer_of(k, date) for k in ordered}).set_index("nis")["partner_count"]
    colours, steps = maps.partner_fill(counts, len(ordered))
    layers.append(maps.fill_layer(municipalities, colours, "partners", t("partner_count")))
    items += [(f"background:{c}", f"{t('partner_count')}: {low}{'+' if last else ''}") for c, low, last in steps]
elif fill == "classes":
    result = comparator().compare(layer_of(fill_a, date), layer_of(fill_b, date), "count")
    layers.append(maps.fill_layer(municipalities, maps.class_fill(result), "classes", t("fill_classes")))
    items += [(f"background:{c}", t(f"class_{k}")) for k, c in maps.CLASS_COLOURS.items()]
if selected:  # its own units, lightly filled in their layer's colour
    own_units = []
    for index, layer_id in enumerate(ordered):
        layer = layer_of(layer_id, date)
        mine = set(layer.membership.loc[layer.membership["nis"] == selected, "unit_id"])
        shapes = data.geometry(layer)
        own_units.append((maps.feature_collection(shapes[shapes["unit_id"].isin(mine)], ["unit_id", "name"]),
                          layer_id, index))  # fmt: skip
    layers += maps.own_units_layers(own_units)
    if ordered:
        items.append((f"background:{maps.OUTLINE_STYLES[0][0]};opacity:.25", t("own_units")))
for index, layer_id in enumerate(ordered):
    names_at = unit_labels(layer_id, date)
    layers.append(maps.outline_layer(outline_of(layer_id, date), index, layer_id, layer_name(layer_id), names_at))
    colour, weight, dash = maps.OUTLINE_STYLES[index % len(maps.OUTLINE_STYLES)]
    border = "dashed" if dash else "solid"
    items.append((f"border-top:{max(2, int(weight))}px {border} {colour}", layer_name(layer_id)))
for kind in points:
    layers.append(locations_layer(kind, lang()))
    colour, _ = maps.POINT_STYLES[kind]
    items.append((f"background:{colour};border-radius:6px;width:12px", t(f"point_{kind}")))
view = {}
if selected:
    chosen_atom = data.display_atoms[data.display_atoms["nis"] == selected]
    layers.append(
        maps.highlight_layer(
            maps.feature_collection(chosen_atom.rename(columns={"name_nl": "name"}), ["nis", "name"]), names[selected]
        )
    )
    items.append((f"background:{maps.SELECTED_FILL};opacity:.6", names[selected]))
    centre, zoom = maps.view_of(tuple(chosen_atom.total_bounds))
    view = {"center": centre, "zoom": zoom}  # choosing or clicking a municipality zooms to it

with controls:
    show_map(
        layers,
        key="map",
        label=t("map_title"),
        failed=t("map_failed"),
        legend=maps.Legend(t("legend"), tuple(items)) if items else None,
        view=view or None,
        on_click=select_clicked,
        about=(
            t("data_note", date=date, weight=t("weight_count"), year=data.population_year),
            *(f"{layer_name(k)}: {layer_of(k, date).meta.source}" for k in ordered),
        ),  # fmt: skip
    )
    st.markdown(f"[{t('share_link')}](?{urlencode(state_in_link)})", help=t("share_help"))
    st.caption(t("point_basis"))
    st.caption(t("data_note", date=date, weight=t("weight_count"), year=data.population_year))
with legend_box:
    st.markdown(f"**{t('legend')}**")
    legend(items)
    if len(ordered) > 1:
        st.caption(t("borders_stacked"))
