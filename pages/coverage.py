"""Bereik: how far residents live from a Veilig Huis location (or other locations), gaps, a what-if,
and where the next antenna points would reach most people."""

import pandas as pd
import streamlit as st

from scales.analysis import coverage as cv
from scales.analysis.sectors import placed_sector_demand
from scales.dashboard import maps
from scales.dashboard.ui import (
    atlas,
    atoms_geojson,
    downloads,
    labels,
    lang,
    layer_name,
    layer_of,
    legend,
    own_layers,
    plain,
    reference_date,
    saved_listing,
    session_memo,
    show,
    store,
    store_notice,
    t,
    user,
    viewer,
    visibility_choice,
)
from scales.dashboard.webmap import show_map
from scales.data.store import BIN_DAYS
from scales.i18n import number, percent
from scales.problems import ScalesError

UNIT_LAYERS = ["veilig_huis", "primary_care_zone", "police_zone", "province", "judicial_arrondissement"]


@st.cache_resource(show_spinner=False)
def demand() -> cv.Demand:
    """Statistical sectors when Statbel's sector files are placed in the mirror or cache, else municipalities."""
    return placed_sector_demand(atlas()) or cv.municipal_demand(atlas())


data = atlas()
date = reference_date().isoformat()
names = data.names
flemish = sorted(data.atoms.loc[data.atoms["region_nis"] == "02000", "nis"], key=names.get)
st.title(t("coverage_title"))
st.caption(t("coverage_method", year=data.population_year))
if demand().resolution == "sector":
    st.caption(plain(t("coverage_sectors", basis=demand().basis)))

left, middle, right = st.columns(3)
threshold = left.slider(t("threshold_label"), 5, 40, int(cv.DEFAULT_THRESHOLD_KM), key="coverage_km")
kinds = middle.multiselect(
    t("locations_label"),
    list(cv.LOCATION_KINDS),
    default=[k for k in ("veilig_huis_locations", "antenna_points") if len(data.points[k])],  # none empty
    format_func=labels(cv.LOCATION_KINDS, lambda k: t(f"point_{k}")).get,
    key="coverage_kinds",
)
unit_layers = UNIT_LAYERS + list(own_layers())  # saved scenarios too
by = right.selectbox(t("by_label"), unit_layers, format_func=labels(unit_layers, layer_name).get, key="coverage_by")
upload = st.file_uploader(t("locations_upload"), type=["csv", "txt"], key="locations_upload", help=t("locations_help"))
own_places = cv.locations(data, (), date)
if upload is not None:
    try:
        own_places, problems = session_memo(
            "uploaded_locations", upload.file_id, lambda: cv.read_locations(upload.getvalue(), upload.name, data, date)
        )
        st.success(t("locations_ok", n=len(own_places)))
        for problem in problems:  # the valid rows are used; each bad one is named
            st.warning(plain(problem.text(lang())))
    except ScalesError as error:
        st.error(plain(error.text(lang())))
kept = store()
location_sets = saved_listing("location_sets")
store_notice()  # saved sets cannot be listed or kept now: why, and what to do
loaded = st.selectbox(
    t("locations_saved_load"),
    ["", *location_sets["name"]],
    format_func=lambda name: name or "—",
    key="coverage_saved_set",
)
if loaded:  # a saved set joins the uploaded locations, checked row by row again
    saved_places, problems = session_memo(
        "saved_locations", (loaded, tuple(location_sets["updated"])),
        lambda: cv.read_locations(cv.location_rows_csv(kept.locations(loaded)), loaded, data, date),
    )  # fmt: skip
    for problem in problems:
        st.warning(plain(problem.text(lang())))
    own_places = pd.concat([own_places, saved_places], ignore_index=True)

    def delete_set() -> None:
        """To the bin (restorable on the Scenario's page), then the choice is cleared."""
        if not st.session_state.get("coverage_set_delete_sure"):
            st.session_state["coverage_set_message"] = ("warning", t("scenario_delete_unconfirmed"))
            return
        try:
            kept.delete_locations(loaded, by=viewer())
        except ScalesError as error:
            st.session_state["coverage_set_message"] = ("error", plain(error.text(lang())))
            return
        st.session_state["coverage_saved_set"] = ""
        st.session_state["coverage_set_message"] = ("success", t("scenario_deleted", id=plain(loaded), days=BIN_DAYS))

    with st.form("coverage_set_delete"):
        st.checkbox(t("scenario_delete_confirm", id=plain(loaded)), key="coverage_set_delete_sure")
        st.form_submit_button(t("locations_delete"), on_click=delete_set)
if message := st.session_state.pop("coverage_set_message", None):
    getattr(st, message[0])(message[1])
baseline_places = pd.concat([cv.locations(data, tuple(kinds), date), own_places], ignore_index=True)

regions = {"": t("region_all")} | {
    f"{layer_id}={unit}": f"{layer_name(layer_id)}: {name}"
    for layer_id in cv.REGION_LAYERS
    for unit, name in layer_of(layer_id, date).unit_names().items()
    if layer_id != "province" or unit in set(data.atoms["province_nis"])
}
region = st.selectbox(t("region_label"), list(regions), format_func=regions.get, key="coverage_region")
region_nis = cv.region_municipalities(data, *region.split("="), date) if region else None

left, right = st.columns(2)
added = left.multiselect(
    t("whatif_add"), flemish, format_func=labels(flemish, names.get).get, key="coverage_add", placeholder="Kinrooi …"
)
removed = right.multiselect(
    t("whatif_remove"),
    list(baseline_places["location_id"]),
    format_func=dict(zip(baseline_places["location_id"], baseline_places["name"], strict=True)).get,
    key="coverage_remove",
)
places = baseline_places[~baseline_places["location_id"].isin(removed)]
for nis in added:
    places = cv.add_location(places, data, nis, f"+ {names[nis]}", date)
places = places.reset_index(drop=True)
mine = places[places["kind"].eq(cv.UPLOADED) | places["location_id"].str.startswith("new-")]
if kept is not None and len(mine) and user() is None:
    st.info(t("sign_in_to_save"))
elif kept is not None and len(mine):
    with st.form("coverage_save_locations"):
        left, middle, right = st.columns([2, 1, 1])
        set_name = left.text_input(t("locations_saved_name", n=len(mine)), max_chars=60, key="coverage_set_name")
        replace = middle.checkbox(t("scenario_replace"), key="coverage_set_replace")
        shown_to = visibility_choice("coverage_set_visibility")
        if right.form_submit_button(t("scenario_save_button")):
            try:
                kept.save_locations(set_name, mine, replace=replace, owner=viewer(), visibility=shown_to)
                st.success(t("locations_saved_ok", name=plain(set_name), n=len(mine)))
            except ScalesError as error:  # the choices stay as they are: nothing is lost
                st.error(plain(error.text(lang())))


@st.cache_data(show_spinner=False, max_entries=32)
def assessed(places: pd.DataFrame, threshold: float, date_iso: str):
    """Coverage of these locations: (per point, gaps, totals)."""
    result = cv.coverage(atlas(), places, threshold, demand(), date_iso)
    return result, cv.gaps(result, atlas(), date_iso), cv.totals(result)


try:
    result, gaps, totals = assessed(places, float(threshold), date)
except ScalesError as error:  # no location at all: say what to do instead of figures of 0 km
    st.error(plain(error.text(lang())))
    st.stop()
base = assessed(baseline_places, float(threshold), date) if len(baseline_places) else (result, gaps, totals)
changed = bool(added or removed)
change = cv.delta(base[0], result)
k = int(st.session_state.get("suggest_k", 5))
asked = (tuple(places["location_id"]), threshold, k, region)  # a suggestion holds for these choices only
if st.session_state.pop("suggest_requested", False):  # asked below the map; made first, so the map shows it
    with st.spinner(t("suggest_run")):
        st.session_state["suggestion"] = (
            asked,
            cv.suggest(data, places, float(threshold), k, demand(), within=region_nis),
        )


def current_suggestion() -> dict | None:
    """The suggestion made for the choices on screen, if any."""
    made = st.session_state.get("suggestion")
    return made[1] if made and made[0] == asked else None


readings = {  # the resident's own Veilig Huis first (the default reading), then any location
    "own": ("within_own_label", "inhabitants_within_own", "share_within_own", "mean_own_distance_label"),
    "any": ("within_label", "inhabitants_within", "share_within", "mean_distance_label"),
}
for reading, (within_label, within, share, mean_label) in readings.items():
    mean = "mean_own_distance_km" if reading == "own" else "mean_distance_km"
    cols = st.columns(3)
    cols[0].metric(
        t(within_label, km=threshold),
        f"{number(totals[within], lang())} ({percent(totals[share], lang())})",
        delta=number(change[within], lang()) if changed else None,
    )
    cols[1].metric(
        t(mean_label),
        f"{number(totals[mean], lang(), 1)} km",
        delta=number(change[mean], lang(), 1) if changed else None,
        delta_color="inverse",
    )
cols[2].metric(
    t("beyond_label", km=threshold),
    len(gaps["beyond"]),
    delta=len(gaps["beyond"]) - len(base[1]["beyond"]) if changed else None,
    delta_color="inverse",
)
st.caption(t("own_versus_any", other=number(totals["inhabitants_nearer_other"], lang()), year=data.population_year))
st.caption(t("data_note", date=date, weight=t("weight_inhabitants"), year=data.population_year))

distance = result.points.set_index("nis")["nearest_km"]
colours, steps = maps.distance_fill(distance, threshold)
layers = [
    maps.municipalities_layer(atoms_geojson(), t("tooltip_nis")),
    maps.fill_layer(atoms_geojson(), colours, "distance", t("distance_legend")),
]
gap_layer = st.radio(
    t("gap_map_label"),
    ["", "primary_care_zone", "police_zone"],
    format_func=labels(
        ["", "primary_care_zone", "police_zone"], lambda k: layer_name(k) if k else t("gap_map_none")
    ).get,
    horizontal=True,
    key="coverage_gap_layer",
)
if gap_layer:
    empty = data.geometry(data.layer(gap_layer, date))
    empty = empty[empty["unit_id"].isin(gaps[gap_layer]["unit_id"])]
    layers.append(maps.gap_layer(maps.feature_collection(empty, ["unit_id", "name"]), t("gap_map_label")))
suggested = current_suggestion()
if suggested is not None:  # the recommended sites, with what each adds
    picks = suggested[suggested["recommended"]]
    sites = places.iloc[:0]
    for row in picks.itertuples():
        label = t("suggested_site", name=names[row.candidate], gain=number(row.gain, lang()))
        sites = cv.add_location(sites, data, row.candidate, label, date)
    if len(sites):
        layers.append(maps.places_layer(sites.assign(kind="suggested"), "suggested", lang(), t("point_suggested")))
shown_kinds = [*kinds, *([cv.UPLOADED] if len(own_places) else [])]
for kind in shown_kinds:
    mine = places[places["kind"] == kind]
    if not mine.empty:
        layers.append(maps.places_layer(mine, kind, lang(), t(f"point_{kind}")))
map_column, legend_column = st.columns([3, 1])
with map_column:
    about = (t("data_note", date=date, weight=t("weight_inhabitants"), year=data.population_year),)
    show_map(layers, key="coverage_map", label=t("distance_legend"), failed=t("map_failed"), height=520, about=about)
with legend_column:
    st.markdown(f"**{t('distance_legend')}**")
    legend(
        [(f"background:{c}", f"{number(low, lang())}{'+' if last else ''} km") for c, low, last in steps]
        + [
            (f"background:{maps.POINT_STYLES[k][0]};border-radius:6px;width:12px", t(f"point_{k}"))
            for k in [*shown_kinds, *(["suggested"] if suggested is not None else [])]
        ]
        + (
            [("border-top:3px dashed #2166ac", t(f"gap_{gap_layer}", n=len(gaps[gap_layer]), km=threshold))]
            if gap_layer
            else []
        )
    )

st.subheader(layer_name(by))
table = cv.by_unit(result, layer_of(by, date), names)
show(table[["name", "inhabitants", "inhabitants_within_own", "share_within_own", "mean_own_distance_km",
            "inhabitants_within", "share_within", "mean_distance_km", "inhabitants_nearer_other", "worst_name",
            "worst_km"]])  # fmt: skip
downloads(table, f"bereik-{by}-{threshold}km", t("coverage_title"), (by, "veilig_huis"), "inhabitants")

st.subheader(t("gaps_title"))
st.caption(t("gaps_ranked", region=regions[region]))
for key, frame in gaps.items():
    if region_nis is not None:  # one's own province, arrondissement or Veilig Huis
        if "nis" in frame:
            frame = frame[frame["nis"].isin(region_nis)]
        else:
            layer = layer_of(key, date).membership
            frame = frame[frame["unit_id"].isin(layer.loc[layer["nis"].isin(region_nis), "unit_id"])]
    people = number(frame["inhabitants"].sum(), lang()) if "inhabitants" in frame else ""
    with st.expander(t(f"gap_{key}", n=len(frame), km=threshold, people=people)):
        show(frame.drop(columns=[c for c in ("nearest_id", "nearest_vh", "own_vh") if c in frame]))
        downloads(frame, f"lacunes-{key}-{threshold}km", t(f"gap_{key}", n=len(frame), km=threshold, people=people))

st.subheader(t("suggest_title"))
st.caption(t("suggest_help"))
st.number_input(t("suggest_k"), 1, 10, 5, key="suggest_k")
st.button(t("suggest_run"), key="suggest_run", on_click=lambda: st.session_state.update(suggest_requested=True))
found = current_suggestion()
if found is not None:
    chosen = found[found["recommended"]]
    firm = found["firm"].set_index("candidate")
    st.markdown(f"**{t('suggest_recommended' if found['recommended'] == 'exact' else 'suggest_greedy_only')}**")
    province = cv.province_of(data)
    show(
        pd.DataFrame(
            {
                "municipality": chosen["candidate"].map(names),
                "province": chosen["candidate"].map(province),
                "gain": chosen["gain"],
                "alternative": chosen["candidate"].map(firm["alternative"]).map(names),
                "loss": chosen["candidate"].map(firm["loss"]),
            }
        )
    )
    st.caption(t("suggest_firm", region=regions[region]))

    def add_suggested() -> None:
        """The recommended sites join the what-if locations (as if chosen one by one above)."""
        current = st.session_state.get("coverage_add", [])
        st.session_state["coverage_add"] = [*current, *(n for n in chosen["candidate"] if n not in current)]

    st.button(t("suggest_add", n=len(chosen)), key="suggest_add", on_click=add_suggested, type="primary")
    if found["exact"] is not None:
        with st.expander(t("suggest_fallback")):
            fast = found["greedy"]
            show(pd.DataFrame({"municipality": fast["candidate"].map(names), "gain": fast["gain"]}))
            gain = {m: found[m]["gain"].sum() for m in ("greedy", "exact")}
            st.caption(
                t(
                    "suggest_gap",
                    greedy=number(gain["greedy"], lang()),
                    exact=number(gain["exact"], lang()),
                    gap=percent(found["gain_gap"], lang(), 1),
                    total_gap=percent(found["gap"], lang(), 1),
                )
            )

with st.expander(t("fca_title")):
    st.caption(t("fca_help"))
    access = cv.floating_catchment(data, places, threshold_km=float(threshold))
    show(access.rename(columns={"name": "municipality"}))
    downloads(access, f"e2sfca-{threshold}km", t("fca_title"), (), "inhabitants")
    fill, steps = maps.graded_fill(access.set_index("nis")["supply_per_10k"])
    supply = maps.fill_layer(atoms_geojson(), fill, "supply")
    show_map([supply], key="e2sfca_map", label=t("fca_title"), failed=t("map_failed"), height=380)
    legend([(f"background:{c}", f"{number(low, lang(), 3)}{'+' if last else ''}") for c, low, last in steps])
