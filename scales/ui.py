"""Streamlit glue shared by the pages: the cached atlas, the language and the reference date.

The only module (with `pages/`) that imports Streamlit; everything it shows comes from the package.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from scales.atlas import Atlas, load_atlas
from scales.i18n import DEFAULT_LANGUAGE, LANGUAGES
from scales.i18n import t as translate
from scales.sources import SourceError


def lang() -> str:
    """The current language: the session's choice, from `?lang=` on first load, Dutch by default."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state["lang"]


def t(key: str, **values: object) -> str:
    """Translate `key` into the current language."""
    return translate(key, lang(), **values)


@st.cache_resource(show_spinner=False)
def _cached_atlas() -> Atlas:
    bar = st.progress(0.0, text=translate("loading", lang(), step="…"))

    def progress(fraction: float, step: str) -> None:
        bar.progress(min(fraction, 1.0), text=translate("loading", lang(), step=step))

    atlas = load_atlas(progress=progress)
    bar.empty()
    return atlas


def atlas() -> Atlas:
    """The atlas (built or fetched on first use with a progress bar; then shared by all sessions)."""
    try:
        return _cached_atlas()
    except SourceError as error:
        st.error(t("load_failed", error=error))
        st.stop()


def reference_date() -> dt.date:
    """The reference date chosen in the sidebar (today by default)."""
    return st.session_state.get("reference_date", dt.date.today())
