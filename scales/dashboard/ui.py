"""Streamlit glue shared by the pages: cached atlas and derived data, language, date, downloads.

With `webmap` (the maps), the only package module (besides `app.py` and `pages/`) that
imports Streamlit; everything it shows comes from the package's pure functions.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from scales import STATIC_DIR
from scales.dashboard import maps, profile
from scales.data.atlas import Atlas, load_atlas
from scales.data.layers import Layer
from scales.data.store import VISIBILITIES, Store, store_dir
from scales.data.timeline import changes
from scales.data.validate import date_problems
from scales.engine.compare import Comparator
from scales.i18n import DEFAULT_LANGUAGE, LANGUAGES
from scales.i18n import t as translate
from scales.output import reports, tables
from scales.problems import ScalesError
from scales.texts import for_markdown

T = TypeVar("T")


def lang() -> str:
    """The current language: the session's choice, from `?lang=` on first load, Dutch by default."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state["lang"]


def t(key: str, **values: object) -> str:
    """Translate `key` into the current language."""
    return translate(key, lang(), **values)


_ATLAS: list[Atlas] = []
"""The atlas once loaded: one per process, shared by every session."""
_LOADING = threading.Lock()


def _cached_atlas() -> Atlas:
    """The atlas, loaded on first use with a progress bar. Not a Streamlit cache: Streamlit replays the
    elements a cached function made on every later call, so each page run drew and removed a progress bar
    per cached function that asks for the atlas (the browser loaded the progress bar's code before the map's)."""
    if not _ATLAS:
        with _LOADING:
            if not _ATLAS:
                bar = st.progress(0.0, text=translate("loading", lang(), step="…"))

                def progress(fraction: float, step: str) -> None:
                    bar.progress(min(fraction, 1.0), text=translate("loading", lang(), step=step))

                _ATLAS.append(load_atlas(progress=progress))
                bar.empty()
    return _ATLAS[0]


def atlas() -> Atlas:
    """The atlas (built or fetched on first use with a progress bar; then shared by all sessions)."""
    try:
        data = _cached_atlas()
    except ScalesError as error:
        st.error(t("load_failed", error=plain(error.text(lang()))))
        st.stop()
    if data.cache_note:
        st.caption(plain(data.cache_note.text(lang())))
    return data


@st.cache_resource(show_spinner=False)
def comparator() -> Comparator:
    """One comparator for all sessions (layers are encoded once each)."""
    data = _cached_atlas()
    return Comparator(data.atoms, data.borders)


def reference_date() -> dt.date:
    """The reference date chosen in the sidebar (today by default)."""
    return st.session_state.get("reference_date") or dt.date.today()


def plain(text: object) -> str:
    """Text shown through a Markdown-rendering widget exactly as written (`texts.for_markdown`)."""
    return for_markdown(text)


def session_memo(name: str, key: object, make: Callable[[], T]) -> T:
    """One value per `name` for this browser session only, remade when `key` changes (e.g. a new upload).

    What a user uploads stays in their own session state: it is freed with the session and never
    reaches the caches shared by all sessions."""
    stored = st.session_state.get(f"_memo_{name}")
    if stored is None or stored[0] != key:
        stored = (key, make())
        st.session_state[f"_memo_{name}"] = stored
    return stored[1]


def date_warnings() -> None:
    """In the sidebar: what the chosen reference date means for the data, when it lies outside it."""
    for problem in date_problems(_cached_atlas().layers, reference_date()):
        st.sidebar.warning(plain(problem.text(lang())))


@st.cache_resource(show_spinner=False)
def layer_changes() -> pd.DataFrame:
    """Every change of a dated layer (date, layer, nis, before, after), found once."""
    return changes(_cached_atlas().layers)


def changing_on(date_iso: str) -> pd.DataFrame:
    """The municipalities whose unit changes on this date (in any dated layer)."""
    table = layer_changes()
    return table[table["date"] == date_iso]


def date_changes() -> None:
    """In the sidebar: what changes in the layers on the chosen date, and on which dates anything changes."""
    day = reference_date().isoformat()
    names = _cached_atlas().names
    today = changing_on(day)
    with st.sidebar.expander(t("changes_title", date=day), expanded=not today.empty):
        for layer_id, rows in today.groupby("layer"):
            units = atlas().layers[layer_id].unit_names()
            after = ", ".join(sorted({units.get(u, u) for u in rows["after"]}))
            st.markdown(plain(t("changes_on", layer=layer_name(layer_id), n=len(rows), after=after,
                                municipalities=", ".join(sorted(rows["nis"].map(names))))))  # fmt: skip
        if today.empty:
            st.caption(t("changes_none"))
        summary = layer_changes().groupby(["date", "layer"]).size()
        dates = "; ".join(f"{d}: {layer_name(k)} ({n})" for (d, k), n in summary.items())
        st.caption(t("changes_dates", dates=dates or "—"))


def layer_name(layer_id: str) -> str:
    """A layer's display name in the current language (a saved or session layer: its own name)."""
    known = _cached_atlas().layers.get(layer_id)  # built-in first: no look at saved work for those
    if known is None:
        known = st.session_state.get("session_layers", {}).get(layer_id) or saved_layers().get(layer_id)
    return known.meta.name(lang()) if known else layer_id


def layer_names() -> dict[str, str]:
    """Every layer's display name in the current language: built-in, saved and this session's."""
    current = lang()
    layers = {**_cached_atlas().layers, **saved_layers(), **st.session_state.get("session_layers", {})}
    return {k: layer.meta.name(current) for k, layer in layers.items()}


_STORES: dict[str, Store] = {}
"""The store of each folder, opened (and migrated) once per server rather than on every call of a rerun."""


def _open_store(folder: str) -> Store:
    if folder not in _STORES:
        _STORES[folder] = Store(folder)
    return _STORES[folder]


STORE_PROBLEM = "_store_problem"
"""Session key of what is wrong with the saved-work store (shown once per rerun by `store_status`)."""
RETRY_S = 10.0
"""How long a store that could not be opened or read is taken as such before it is tried again."""
_TROUBLE: dict[str, tuple[float, ScalesError]] = {}
"""Per store folder, when it last failed and why: for `RETRY_S` every call gets that answer at once, so a
locked store costs a page one wait rather than one per call, and other visitors none."""


def store() -> Store | None:
    """The saved-work store, or None when it cannot be opened (the reason kept for `store_status`)."""
    folder = str(store_dir())
    if (trouble := _TROUBLE.get(folder)) and time.monotonic() - trouble[0] < RETRY_S:
        st.session_state[STORE_PROBLEM] = trouble[1].text(lang())
        return None
    try:
        return _open_store(folder)
    except ScalesError as error:
        _store_failed(error)
        return None


def _store_failed(error: ScalesError) -> None:
    """Remember for a while that the store failed, and why (said in the sidebar and where work is saved)."""
    _TROUBLE[str(store_dir())] = (time.monotonic(), error)
    st.session_state[STORE_PROBLEM] = error.text(lang())


def store_status() -> None:
    """In the sidebar, once per rerun: what is wrong with the saved work and what to do; every page goes on
    working without it."""
    saved_layers()
    if problem := st.session_state.get(STORE_PROBLEM):
        st.warning(plain(problem))


def store_notice() -> None:
    """Where a page saves or lists saved work: that this cannot be done now, why, and what to do."""
    if store() is None and (problem := st.session_state.get(STORE_PROBLEM)):
        st.warning(t("store_not_now", problem=plain(problem)))


@st.cache_resource(show_spinner=False, max_entries=2)
def _all_saved(folder: str, signature: tuple) -> dict[str, Layer]:
    """Every saved layer, shared by all sessions (saved work is the installation's), per store state."""
    return _open_store(folder).all_layers(set(_cached_atlas().atoms["nis"]))


def _store_state(saved: Store) -> tuple:
    """What the store's content depends on: this server's own writes (seen at once) and its files (looked
    at at most once a second, for writes by the CLI or another server)."""
    now = time.monotonic()
    cached = st.session_state.get("_store_state")
    if cached is None or cached[0] != saved.writes or now - cached[1] > 1.0:
        cached = (saved.writes, now, (saved.writes, saved.signature()))
        st.session_state["_store_state"] = cached
    return cached[2]


def sign_in_configured() -> bool:
    """Whether this installation has Streamlit's sign-in (an `[auth]` section in its secrets, OpenID Connect)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own error type for that
        return False


def user() -> str | None:
    """Who saves: the signed-in user's e-mail (or subject), "" for the local user of an installation
    without sign-in (who owns everything, as before), None for a visitor who has not signed in."""
    if not sign_in_configured():
        return ""
    if not st.user.is_logged_in:
        return None
    return str(st.user.get("email") or st.user.get("sub"))


def viewer() -> str:
    """Whose saved work a page shows: the user's own and everything shared (a visitor: what is shared)."""
    return user() or ""


def visibility_choice(key: str) -> str:
    """Private or shared, asked only where sign-in tells users apart (a local install has one user)."""
    if not sign_in_configured():
        return "shared"
    options = list(VISIBILITIES)
    return st.radio(
        t("visibility_label"), options, format_func=lambda v: t(f"visibility_{v}"), horizontal=True, key=key
    )


def save_form(
    make: Callable[[str], Layer], note: str, prefix: str, saved_text: str, default_name: str = ""
) -> Store | None:
    """The form that keeps a layer in the saved-work store: name, replace, visibility (where sign-in tells
    users apart); `make(name)` gives the layer. A refusal is said and nothing the user made is lost. Returns
    the store (None when it cannot be opened), for the page's list of saved work."""
    kept = store()
    if kept is not None and user() is None:
        st.info(t("sign_in_to_save"))
    if kept is None:
        store_notice()
        return None
    with st.form(f"{prefix}_save_form"):
        name = st.text_input(t("scenario_name"), value=default_name, max_chars=60, key=f"{prefix}_name")
        replace = st.checkbox(t("scenario_replace"), key=f"{prefix}_replace")
        shown_to = visibility_choice(f"{prefix}_visibility")
        if st.form_submit_button(t("scenario_save_button"), disabled=user() is None):
            try:
                saved_id = kept.save_layer(make(name), name, replace=replace, note=note, owner=viewer(),
                                           visibility=shown_to)  # fmt: skip
                st.success(t(saved_text, id=plain(saved_id)))
            except ScalesError as error:
                st.error(plain(error.text(lang())))
    return kept


def sign_in_panel() -> None:
    """In the sidebar: who is signed in, with a way in or out; without sign-in, that all saved work is the
    local user's."""
    if not sign_in_configured():
        st.caption(t("local_user_note"))
    elif (who := user()) is None:
        st.button(t("sign_in"), on_click=st.login, key="sign_in")
    else:
        st.caption(t("signed_in_as", who=plain(who)))
        st.button(t("sign_out"), on_click=st.logout, key="sign_out")


def saved_layers() -> dict[str, Layer]:
    """Saved scenarios and custom layers by id (`scenario:NAME`), read again only when the store changes."""
    saved = store()
    if saved is None:
        return {}
    try:  # read once for the whole server, again only when the store changed; a few µs per call
        key = (_store_state(saved), viewer())
        memo = st.session_state.get("_saved_layers")
        if memo is None or memo[0] != key:
            visible = set(saved_listing()["id"])  # what this visitor may see: their own and what is shared
            everything = _all_saved(str(saved.path.parent), key[0])
            memo = (key, {k: layer for k, layer in everything.items() if k in visible})
            st.session_state["_saved_layers"] = memo
        layers = memo[1]
    except ScalesError as error:  # locked, damaged or gone: said in the sidebar, the page works without it
        _store_failed(error)
        return {}
    st.session_state.pop(STORE_PROBLEM, None)
    if saved.read_only:
        st.session_state[STORE_PROBLEM] = t("store_read_only_note")
    return layers


def saved_listing(what: str = "layers") -> pd.DataFrame:
    """The store's list of saved layers (`layers`) or location sets (`location_sets`), read again only when
    the store changed; empty (the reason in the sidebar) when the store is locked, damaged or gone."""
    saved = store()
    try:
        if saved is not None:
            return session_memo(
                f"listing_{what}", (_store_state(saved), viewer()), lambda: getattr(saved, what)(viewer())
            )
    except ScalesError as error:
        _store_failed(error)
    return pd.DataFrame({"name": [], "id": [], "updated": []})


def municipality_memberships(nis: str, date_iso: str) -> pd.DataFrame:
    """Every unit of every layer (built-in, saved, this session's) a municipality belongs to
    (`profile.memberships`), computed once per municipality, date, language and state of the layers."""
    session = st.session_state.get("session_layers", {})
    uploads = tuple((k, _content_key(layer)) for k, layer in session.items())
    saved = store()
    state = _store_state(saved) if saved is not None else None
    return _memberships(nis, date_iso, lang(), state, uploads, own_layers())


@st.cache_data(show_spinner=False, max_entries=64)
def _memberships(nis: str, date_iso: str, language: str, state: tuple | None, uploads: tuple, _layers) -> pd.DataFrame:
    """`state` and `uploads` key the cache (the layers themselves are not hashed: they are what those name)."""
    return profile.memberships(_cached_atlas(), nis, date_iso, language, _layers)


def own_layers() -> dict[str, Layer]:
    """The layers of this user beside the built-in ones: saved ones, and this session's unsaved upload."""
    return {**saved_layers(), **st.session_state.get("session_layers", {})}


def layer_of(layer_id: str, date_iso: str) -> Layer:
    """Any layer by id: built-in (on the date), saved, or this session's own."""
    return _cached_atlas().resolve(layer_id, date_iso, own_layers())


def _content_key(layer: Layer) -> int:
    return int(pd.util.hash_pandas_object(layer.membership[["nis", "unit_id", "share"]]).sum())


def outline_of(layer_id: str, date_iso: str) -> str:
    """A layer's unit borders: the published file of a built-in layer, inline GeoJSON for a user's layer
    (made once per content, kept in this session only)."""
    if layer_id in _cached_atlas().layers:
        return layer_outline(layer_id, date_iso)
    layer = layer_of(layer_id, date_iso)
    return session_memo(
        f"outline-{layer_id}", _content_key(layer), lambda: maps.lines_geojson(_cached_atlas().outline(layer))
    )


def unit_labels(layer_id: str, date_iso: str) -> str:
    """Where the map writes a layer's unit names (`maps.label_points`): once per built-in layer and date,
    once per content for a user's layer."""
    if layer_id in _cached_atlas().layers:
        return _builtin_labels(layer_id, date_iso)
    layer = layer_of(layer_id, date_iso)
    return session_memo(
        f"labels-{layer_id}", _content_key(layer), lambda: maps.label_points(_cached_atlas().geometry(layer))
    )


@st.cache_resource(show_spinner=False)
def _builtin_labels(layer_id: str, date_iso: str) -> str:
    data = _cached_atlas()
    return maps.label_points(data.geometry(data.layer(layer_id, date_iso)))


def shapes_of(layer_id: str, date_iso: str, layer: Layer | None = None) -> str:
    """A layer's unit polygons with names: published for a built-in layer, inline for a user's layer."""
    if layer is None and layer_id in _cached_atlas().layers:
        return layer_geojson(layer_id, date_iso)
    layer = layer or layer_of(layer_id, date_iso)
    return session_memo(
        f"shapes-{layer_id}",
        _content_key(layer),
        lambda: maps.feature_collection(_cached_atlas().geometry(layer), ["unit_id", "name"]),
    )


def labels(keys, label) -> dict:
    """`key → label(key)` computed now, for widgets' `format_func=labels(...).get`.

    A format function must not read the language at call time: Streamlit may call it outside the
    script run, where session state (and so the language) is not available.
    """
    return {key: label(key) for key in keys}


def published(text: str, name: str) -> str:
    """URL of GeoJSON text served from `static/generated/` (or the text itself if that is read-only)."""
    return maps.publish(text, name, STATIC_DIR / maps.GENERATED, f"{maps.STATIC_URL}/{maps.GENERATED}")


@st.cache_resource(show_spinner=False)
def atoms_geojson() -> str:
    """The 304 simplified municipality polygons as published GeoJSON (built once)."""
    frame = _cached_atlas().display_atoms.rename(columns={"name_nl": "name"})
    return published(maps.feature_collection(frame, ["nis", "name"]), "municipalities")


HOVER_LAYERS = (
    "judicial_arrondissement", "judicial_division", "prosecution_area", "police_zone", "primary_care_zone",
    "veilig_huis", "ariec", "reference_region",
)  # fmt: skip
"""The structures a municipality's tooltip names (a planner's "where am I" at a glance)."""


@st.cache_resource(show_spinner=False)
def labelled_atoms_geojson(date_iso: str, language: str) -> str:
    """The municipality polygons with, per municipality, its unit in each `HOVER_LAYERS` layer (published
    once per date and language; names escaped)."""
    data = _cached_atlas()
    lines: dict[str, list[str]] = {}
    for layer_id in HOVER_LAYERS:
        layer = data.layer(layer_id, date_iso)
        title = data.layers[layer_id].meta.name(language)
        named = layer.membership.assign(name=layer.membership["unit_id"].map(layer.unit_names()))
        units = named.groupby("nis")["name"].agg(", ".join)
        for nis, unit in units.items():
            lines.setdefault(nis, []).append(f"{title}: {unit}")
    frame = data.display_atoms.rename(columns={"name_nl": "name"})
    frame = frame.assign(
        units=frame["nis"].map(lambda n: "\n".join(lines.get(n, []))),
        links=maps.municipality_links(frame["nis"], language, (translate("page_municipality", language),
                                                                translate("page_map", language))),
    )  # fmt: skip
    text = maps.feature_collection(frame, ["nis", "name", "units", "links"], markup=("links",))
    return published(text, f"municipalities-{language}")


@st.cache_resource(show_spinner=False)
def layer_geojson(layer_id: str, date_iso: str) -> str:
    """A layer's dissolved unit polygons on a date, as published GeoJSON (built once per layer and date)."""
    data = _cached_atlas()
    text = maps.feature_collection(data.geometry(data.layer(layer_id, date_iso)), ["unit_id", "name"])
    return published(text, f"{layer_id}-polygons")


@st.cache_resource(show_spinner=False)
def layer_outline(layer_id: str, date_iso: str) -> str:
    """A layer's unit borders on a date as published GeoJSON lines (built once per layer and date)."""
    data = _cached_atlas()
    return published(maps.lines_geojson(data.outline(data.layer(layer_id, date_iso))), f"{layer_id}-borders")


@st.cache_data(show_spinner=False)
def locations_layer(kind: str, language: str) -> dict:
    """A built-in kind of location as a map layer (`maps.points_layer`), made once per language."""
    label = translate(f"point_{kind}", language)
    return maps.points_layer(_cached_atlas().points[kind], kind, language, label)


@st.cache_data(show_spinner=False, max_entries=64)
def _file_bytes(frame: pd.DataFrame, name: str, kind: str, language: str, about: pd.DataFrame) -> bytes:
    if kind == "csv":
        return reports.csv_bytes(frame, language, about)
    return reports.excel_bytes({name: frame}, about, translate("about_sheet", language))


def downloads(
    frame: pd.DataFrame, name: str, title: str = "", layers: tuple[str, ...] = (), weight: str | None = None
) -> None:
    """CSV and Excel download buttons for a table, in the reader's language, describing themselves: what
    the table is (`title`), the reference date, the weight, the population year, the layers and their
    sources, and the product version (a `#` block above the CSV, a sheet in the workbook).

    The files are made before the buttons are shown, so a click during a rerun still gets its file;
    they are cached per table content, so a rerun does not make them again. Formula-like text is neutralised.
    """
    current, name = lang(), reports.safe_name(name)
    date = reference_date().isoformat()
    names = layer_names()
    about = tables.describe(atlas(), title or name, current, date, [layer_of(k, date) for k in layers], weight)
    shown = tables.readable(frame, current, names)
    left, right = st.columns(2)
    left.download_button(
        t("download_csv"),
        _file_bytes(shown, name, "csv", current, about),
        f"{name}.csv",
        "text/csv",
        key=f"csv-{name}",
    )
    right.download_button(
        t("download_xlsx"),
        _file_bytes(shown, name, "xlsx", current, about),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx-{name}",
    )


def file_on_request(label: str, signature: tuple, make: Callable[[], bytes], file_name: str, mime: str) -> None:
    """A button that makes a heavier file (a workbook, report or GeoPackage) for the current choices, then
    its download button. The file is kept for this session and these choices only: change a choice and it
    is made again; a download click can never arrive at a file that is still being made."""
    key = f"file-{safe_key(file_name)}"
    if st.button(label, key=f"{key}-make"):
        with st.spinner(label):
            st.session_state[key] = (signature, make())
    made = st.session_state.get(key)
    if made and made[0] == signature:
        st.download_button(
            t("download_file", kind=file_name.rsplit(".", 1)[-1].upper()), made[1], file_name, mime, key=f"{key}-get"
        )


def safe_key(text: str) -> str:
    return re.sub(r"[^\w-]+", "-", text)


def show(frame: pd.DataFrame, headers: dict[str, str] | None = None, static: bool = False, **options) -> None:
    """A table on the page as the reader reads it (`tables.formatted`): headers, codes and layer ids in the
    UI language, numbers in its format and per column (`tables.FORMATS`). `headers` overrides a column's
    text key; `static` draws a plain table (no scrolling grid) for a few rows."""
    names = layer_names()
    table = tables.formatted(frame, lang(), names, headers)
    if static:  # st.table renders Markdown in its cells: user text (a unit's name) is escaped to stay text
        st.table(table.map(lambda v: for_markdown(v) if isinstance(v, str) else v), hide_index=True)
    else:
        st.dataframe(table, **{"hide_index": True, "width": "stretch", **options})


def chart_locale(language: str) -> dict:
    """Vega number formats of the language: Belgian Dutch `1.234,5`, English `1,234.5` (axes, colour bars)."""
    if language == "nl":
        return {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " €"]}}
    return {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]}}


def legend(items: list[tuple[str, str]]) -> None:
    """A legend of (CSS style of the swatch, label) pairs; labels are escaped."""
    rows = "".join(
        f'<div role="listitem" style="display:flex;align-items:center;gap:.5em;margin:.15em 0">'
        f'<span aria-hidden="true" style="display:inline-block;width:28px;height:12px;{style}"></span>'
        f"{html.escape(label)}</div>"
        for style, label in items
    )
    st.markdown(f'<div role="list" aria-label="{html.escape(t("legend"))}">{rows}</div>', unsafe_allow_html=True)
