"""Scenario's: edit a layer (move, merge, split, rename), align it to an anchor, and keep the result."""

import streamlit as st

from scales.analysis import scenarios as sc
from scales.dashboard import maps
from scales.dashboard.ui import (
    atlas,
    atoms_geojson,
    comparator,
    downloads,
    labels,
    lang,
    layer_name,
    layer_of,
    legend,
    own_layers,
    plain,
    reference_date,
    save_form,
    saved_listing,
    session_memo,
    shapes_of,
    show,
    store,
    store_notice,
    t,
    viewer,
)
from scales.dashboard.webmap import show_map
from scales.data.custom import parse_custom_layer
from scales.data.store import BIN_DAYS, Store, layer_csv_table, layer_json
from scales.engine.metrics import WEIGHTS
from scales.i18n import metric_title, number
from scales.output.reports import csv_bytes
from scales.problems import ScalesError

EDITOR = "scenario_editor"  # session state: {"base": id, "history": [Layer, …], "log": [text, …]}; last is current

data = atlas()
date = reference_date().isoformat()
names = data.names
atom_ids = set(data.atoms["nis"])
saved = own_layers()
choices = list(data.layers) + list(saved)
choice_labels = labels(choices, layer_name)
st.title(t("scenarios_title"))
st.caption(t("scenarios_intro"))


def start(layer, base: str, note: str) -> None:
    """Begin editing `layer` (its history starts with it)."""
    st.session_state[EDITOR] = {"base": base, "history": [layer], "log": [note]}


# --- where to start --------------------------------------------------------------------------------
with st.expander(t("scenario_start"), expanded=EDITOR not in st.session_state):
    with st.form("scenario_start_form"):
        base_id = st.selectbox(t("scenario_base"), choices, format_func=choice_labels.get, key="scenario_base")
        if st.form_submit_button(t("scenario_start_button")):
            start(
                sc.as_scenario(layer_of(base_id, date), f"{base_id}-edit", parent=base_id),
                base_id,
                t("scenario_log_start", layer=layer_name(base_id)),
            )
    upload = st.file_uploader(
        t("scenario_upload"), type=["csv", "txt", "json"], key="scenario_upload", help=t("scenario_upload_help")
    )
    if upload is not None:
        try:
            parsed = session_memo(
                "scenario_upload", upload.file_id, lambda: parse_custom_layer(upload.getvalue(), atom_ids, upload.name)
            )
            for note in parsed.notes:
                st.caption(plain(note.text(lang())))
            for problem in parsed.problems:  # the valid rows stay usable while the user fixes the file
                st.warning(plain(problem.text(lang())))
            if parsed.layer is not None and st.button(t("scenario_use_upload", n=parsed.layer.atoms_covered())):
                start(
                    sc.as_scenario(parsed.layer, parsed.layer.meta.name_nl, kind=parsed.layer.meta.kind),
                    "",
                    t("scenario_log_upload", file=upload.name),
                )
        except ScalesError as error:
            st.error(plain(error.text(lang())))


def saved_work(kept: Store) -> None:
    """What is saved (export, open, delete) and the bin (restore): shown on arrival and after every edit."""
    if done := st.session_state.pop("saved_work_done", None):
        st.success(done)
    listing = saved_listing()
    if listing.empty:
        st.caption(t("scenario_nothing_saved"))
    else:
        show(listing[["id", "kind", "parent", "units", "municipalities", "updated"]])
        picked = st.selectbox(t("scenario_pick"), list(listing["id"]), key="scenario_pick")
        picked_layer = own_layers().get(picked) or kept.layer(picked, atom_ids)
        left, middle, right = st.columns(3)
        left.download_button(
            t("scenario_export_csv"),
            csv_bytes(layer_csv_table(picked_layer), lang()),
            f"{picked.removeprefix('scenario:')}.csv",
            "text/csv",
            key="scenario_export_csv",
        )
        middle.download_button(
            t("scenario_export_json"),
            layer_json(picked_layer),
            f"{picked.removeprefix('scenario:')}.json",
            "application/json",
            key="scenario_export_json",
        )
        if right.button(t("scenario_open"), key="scenario_open"):
            start(picked_layer, picked, t("scenario_log_start", layer=picked))
            st.rerun()
        with st.form("scenario_delete_form"):
            sure = st.checkbox(t("scenario_delete_confirm", id=plain(picked)))
            if st.form_submit_button(t("scenario_delete")):
                try:
                    deleted = sure and kept.delete_layer(picked, by=viewer())
                except ScalesError as error:  # a store that cannot be written: said, nothing lost
                    st.error(plain(error.text(lang())))
                    deleted = False
                if deleted:  # said after the rerun that drops it from the list
                    st.session_state["saved_work_done"] = t("scenario_deleted", id=plain(picked), days=BIN_DAYS)
                    st.rerun()
                elif not sure:
                    st.warning(t("scenario_delete_unconfirmed"))
    binned = saved_listing("bin")
    with st.expander(t("bin_title", n=len(binned))):
        st.caption(t("bin_help", days=BIN_DAYS))
        if binned.empty:
            st.caption(t("bin_empty"))
        else:
            labels_of = {
                row.bin_id: f"{row.name} ({t(f'bin_kind_{row.kind}')}, {row.deleted[:16].replace('T', ' ')})"
                for row in binned.itertuples()
            }
            with st.form("bin_form"):
                chosen = st.selectbox(t("bin_pick"), list(labels_of), format_func=labels_of.get, key="bin_pick")
                replace_live = st.checkbox(t("scenario_replace"), key="bin_replace")
                if st.form_submit_button(t("bin_restore")):
                    try:
                        restored = kept.restore(chosen, replace=replace_live, by=viewer())
                    except ScalesError as error:  # e.g. the name is taken: said, nothing changed
                        st.error(plain(error.text(lang())))
                    else:
                        st.session_state["saved_work_done"] = t("bin_restored", name=plain(restored))
                        st.rerun()


editor = st.session_state.get(EDITOR)
if editor is None:
    st.info(t("scenario_none"))
    st.subheader(t("scenario_saved_title"))
    if (kept_on_arrival := store()) is not None:
        saved_work(kept_on_arrival)
    store_notice()  # locked, damaged or gone: why, and what to do
    st.stop()
current = editor["history"][-1]
baseline = editor["history"][0]
unit_names = current.unit_names()
unit_ids = sorted(unit_names, key=lambda u: str(unit_names[u]).lower())
unit_labels = {u: f"{unit_names[u]} ({u})" for u in unit_ids}
covered = sorted(set(current.membership["nis"]), key=names.get)
where = current.membership.groupby("nis")["unit_id"].agg(lambda s: ", ".join(sorted(s)))
nis_labels = {n: f"{names[n]} ({where.get(n, '—')})" for n in names}


def apply(edit, note: str) -> None:
    """Apply an edit to the current layer; a refused edit says why and changes nothing."""
    try:
        changed = edit(current)
    except ScalesError as error:
        st.error(plain(error.text(lang())))
        return
    editor["history"].append(changed)
    editor["log"].append(note)
    st.rerun()


# --- edits -----------------------------------------------------------------------------------------
st.subheader(t("scenario_edit"))
move_tab, merge_tab, split_tab, rename_tab = st.tabs(
    [t("scenario_move"), t("scenario_merge"), t("scenario_split"), t("scenario_rename")]
)
with move_tab, st.form("scenario_move_form", clear_on_submit=True):
    moving = st.multiselect(t("scenario_municipalities"), sorted(names, key=names.get), format_func=nis_labels.get)
    target = st.selectbox(t("scenario_to_unit"), unit_ids, format_func=unit_labels.get)
    if st.form_submit_button(t("scenario_move_button")) and moving:
        apply(
            lambda layer: sc.move(layer, moving, target), t("scenario_log_move", n=len(moving), unit=unit_names[target])
        )
with merge_tab, st.form("scenario_merge_form", clear_on_submit=True):
    merging = st.multiselect(t("scenario_units"), unit_ids, format_func=unit_labels.get)
    merged_name = st.text_input(t("scenario_new_name"), max_chars=80)
    if st.form_submit_button(t("scenario_merge_button")) and len(merging) > 1:
        apply(
            lambda layer: sc.merge(layer, merging, merged_name or None),
            t("scenario_log_merge", n=len(merging), name=merged_name or unit_names[merging[0]]),
        )
with split_tab, st.form("scenario_split_form", clear_on_submit=True):
    splitting = st.selectbox(t("scenario_unit"), unit_ids, format_func=unit_labels.get)
    part = st.multiselect(t("scenario_municipalities"), covered, format_func=nis_labels.get)
    new_name = st.text_input(t("scenario_new_name"), max_chars=80)
    if st.form_submit_button(t("scenario_split_button")) and part and new_name:
        new_id = f"new-{len(editor['history'])}"
        apply(
            lambda layer: sc.split(layer, splitting, part, new_id, new_name),
            t("scenario_log_split", n=len(part), name=new_name),
        )
with rename_tab, st.form("scenario_rename_form", clear_on_submit=True):
    renaming = st.selectbox(t("scenario_unit"), unit_ids, format_func=unit_labels.get)
    renamed = st.text_input(t("scenario_new_name"), max_chars=80)
    if st.form_submit_button(t("scenario_rename_button")) and renamed:
        apply(lambda layer: sc.rename(layer, renaming, renamed), t("scenario_log_rename", name=renamed))

left, right = st.columns([3, 1])
left.markdown(" → ".join(plain(step) for step in editor["log"]))
if len(editor["history"]) > 1 and right.button(t("scenario_undo")):
    editor["history"].pop()
    editor["log"].pop()
    st.rerun()

# --- what the edits change -------------------------------------------------------------------------
weight = st.selectbox(
    t("weight_label"), WEIGHTS, format_func=labels(WEIGHTS, lambda w: t(f"weight_{w}")).get, key="scenario_weight"
)
others = {k: data.layer(k, date) for k in data.layers if k != editor["base"]}
table = sc.deltas(comparator(), baseline, current, others, weight)
changed_only = st.toggle(t("scenario_changed_only"), value=True, key="scenario_changed_only")
columns = ["layer", "metric", "baseline", "scenario", "change", "better"]
changes = table.loc[table["better"] != "", columns]
if changed_only and changes.empty:
    st.info(t("scenario_no_change"))
else:
    show(changes if changed_only else table[columns])
st.caption(t("scenario_delta_note", weight=t(f"weight_{weight}"), date=date, year=data.population_year))
downloads(
    table,
    f"scenario-deltas-{weight}",
    t("scenario_edit"),
    (editor["base"], *others) if editor["base"] else tuple(others),
    weight,
)

moved = sc.moved_municipalities(baseline, current)
st.markdown(f"**{t('scenario_map')}**")
unit_style = {"color": "#333", "weight": 1.2, "fillOpacity": 0.0}
units = maps.geojson_layer("scenario", shapes_of("scenario-editor", date, current), unit_style, tooltip="")
moved_fill = maps.fill_layer(atoms_geojson(), dict.fromkeys(moved["nis"], maps.HIGHLIGHT_FILL), "moved")
show_map([units, moved_fill], key="scenario_map", label=t("scenario_map"), failed=t("map_failed"), height=420)
legend(
    [
        (f"background:{maps.HIGHLIGHT_FILL}", t("scenario_moved")),
        ("border-top:2px solid #333", t("scenario_units_legend")),
    ]
)
moved_table = moved.assign(municipality=moved["nis"].map(names))[["municipality", "from_name", "to_name"]]
show(moved_table, headers={"from_name": "report_from", "to_name": "report_to"})

# --- align to an anchor ----------------------------------------------------------------------------
st.subheader(t("align_title"))
st.caption(t("align_intro"))
with st.form("align_form"):
    left, right = st.columns(2)
    anchor_id = left.selectbox(
        t("align_anchor"),
        list(data.layers),
        format_func=choice_labels.get,
        index=list(data.layers).index("reference_region"),
        key="align_anchor",
    )
    align_weight = right.selectbox(
        t("weight_label"), WEIGHTS, format_func=labels(WEIGHTS, lambda w: t(f"weight_{w}")).get, key="align_weight"
    )
    proposed = st.form_submit_button(t("align_button"))
if proposed:
    with st.spinner(t("align_button")):
        st.session_state["align_result"] = sc.align(comparator(), current, data.layer(anchor_id, date), align_weight)
proposal = st.session_state.get("align_result")
if proposal is not None:
    cols = st.columns(3)
    cols[0].metric(t("align_cost_inhabitants"), number(proposal.cost_inhabitants, lang()))
    cols[1].metric(t("align_cost_municipalities"), proposal.cost_municipalities)
    cols[2].metric(metric_title("v_measure", lang()), number(proposal.metrics["v_measure"], lang(), 3))
    st.caption(
        t(
            "align_note",
            anchor=layer_name(proposal.anchor.id),
            weight=t(f"weight_{proposal.weight}"),
            cost=number(proposal.cost, lang()),
            date=date,
            year=data.population_year,
        )
    )
    named = ["municipality", "from_unit_name", "to_unit_name", "anchor_unit_name", "weight", "inhabitants"]
    show(proposal.moves[named], headers={"anchor_unit_name": "col_anchor_unit"})
    downloads(
        proposal.moves,
        f"align-{proposal.layer.meta.parent}-{proposal.anchor.id}",
        t("align_title"),
        (proposal.anchor.id,),
        proposal.weight,
    )
    if st.button(t("align_use")):
        editor["history"].append(proposal.layer)
        editor["log"].append(t("scenario_log_align", anchor=layer_name(proposal.anchor.id)))
        del st.session_state["align_result"]
        st.rerun()

# --- keep it ---------------------------------------------------------------------------------------
st.subheader(t("scenario_save_title"))
kept = save_form(lambda _: current, " → ".join(editor["log"]), "scenario", "scenario_saved")  # edits stay
if kept is not None:
    saved_work(kept)
