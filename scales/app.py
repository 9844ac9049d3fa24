"""The dashboard's frame: page setup, language switch, reference date and navigation.

`streamlit run app.py` in a checkout, or `scales dashboard` from an installed wheel (which runs this
file, with `pages/` and `static/` installed beside it), both call `main()` on every script run.
"""

from __future__ import annotations

import datetime as dt
import time
import urllib.request

import streamlit as st

from scales.dashboard.ui import date_changes, date_warnings, lang, plain, reference_date, sign_in_panel, store_status, t
from scales.i18n import LANGUAGES

SETTINGS = {
    "server.enableStaticServing": "true",
    "server.headless": "true",
    "server.fileWatcherType": "none",
    "server.maxUploadSize": "5",
    "server.scriptHealthCheckEnabled": "true",
    "client.showErrorDetails": "none",
    "client.toolbarMode": "viewer",
    "browser.gatherUsageStats": "false",
    "theme.base": "light",
}
"""Streamlit settings the dashboard needs: served Leaflet, 5 MB uploads, no tracebacks for users, the
script health check (`wake`).
`.streamlit/config.toml` holds the same for `streamlit run app.py` (a test keeps the two equal)."""


STYLE = """<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * { color: #555555 !important; }
.stElementContainer:has(iframe[title="streamlit_folium.st_folium"]) { margin-top: -3.5rem; z-index: 1; }
</style>"""
"""Captions in a grey with 7.5:1 contrast on white, not faded (Streamlit's own reach 2.8–3.9:1, below the
4.5:1 of WCAG 2.1 AA). A map's frame is drawn over the message before it (`webmap.show_map`): the message
shows while the map loads, and stays if it cannot."""


def wake(base_url: str, timeout: float = 120.0) -> bool:
    """Run the dashboard's script once, through Streamlit's script health check, as soon as the server at
    `base_url` answers; True when it ran without error.

    Streamlit decides on the first script run after a start whether an app with a `pages/` folder beside
    its entry script is a legacy multipage app; until `st.navigation` has run once, a deep link opened as
    the very first visit (`/scenarios`) runs that page alone, without this frame, or shows "Page not
    found" (`/kaart`). One run of the entry script settles it for every visitor after.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.3)
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/script-health-check", timeout=timeout) as answer:
            return answer.status == 200
    except OSError:
        return False


def main() -> None:
    """Lay out the frame and run the chosen page."""
    st.set_page_config(page_title="scales", page_icon="🗺️", layout="wide")
    st.markdown(STYLE, unsafe_allow_html=True)
    current = lang()
    with st.sidebar:
        choice = st.radio(
            t("language"),
            list(LANGUAGES),
            format_func=LANGUAGES.get,
            index=list(LANGUAGES).index(current),
            horizontal=True,
            key="language_choice",
        )
        if choice != current:
            st.session_state["lang"] = choice
            st.query_params["lang"] = choice
            st.rerun()
        if "reference_date" not in st.session_state:  # arriving: the date from the link, else today
            st.session_state["reference_date"] = date_from(st.query_params.get("date")) or dt.date.today()
        if "date_text" not in st.session_state:  # the field shows the date in use
            st.session_state["date_text"] = st.session_state["reference_date"].isoformat()
        # A text field commits on Enter (and on leaving it); Streamlit's date field only on leaving it.
        st.text_input(t("date_label"), key="date_text", on_change=commit_date, max_chars=10, help=t("date_help"))
        if st.session_state.get("date_refused"):
            st.error(t("date_refused", value=st.session_state["date_refused"], date=reference_date().isoformat()))
        sign_in_panel()  # before the page: a page that stops early (st.stop) still shows who is signed in
        store_status()
    pages = [
        st.Page("pages/home.py", title=t("page_home"), url_path="overzicht", default=True),
        st.Page("pages/map.py", title=t("page_map"), url_path="kaart"),
        st.Page("pages/compare.py", title=t("page_compare"), url_path="vergelijk"),
        st.Page("pages/municipality.py", title=t("page_municipality"), url_path="gemeente"),
        st.Page("pages/coverage.py", title=t("page_coverage"), url_path="bereik"),
        st.Page("pages/capacity.py", title=t("page_capacity"), url_path="capaciteit"),
        st.Page("pages/scenarios.py", title=t("page_scenarios"), url_path="scenarios"),
        st.Page("pages/consensus.py", title=t("page_consensus"), url_path="een-kaart"),
        st.Page("pages/report.py", title=t("page_report"), url_path="rapport"),
        st.Page("pages/sources.py", title=t("page_sources"), url_path="bronnen"),
    ]
    page = st.navigation(pages)
    st.query_params["lang"] = lang()  # after navigation, so a deep link's page is resolved first
    st.query_params["date"] = st.session_state["reference_date"].isoformat()  # a link reproduces the date
    page.run()
    date_warnings()
    date_changes()


def commit_date() -> None:
    """Take the typed reference date, or keep the previous one and say why (nothing typed is lost)."""
    text = st.session_state["date_text"].strip()
    parsed = date_from(text)
    st.session_state["date_refused"] = "" if parsed else plain(text[:20])
    if parsed:
        st.session_state["reference_date"] = parsed


def date_from(text: str | None) -> dt.date | None:
    """A date from a link (`?date=YYYY-MM-DD`), or None when absent or malformed."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


if __name__ == "__main__":  # Streamlit runs its main script as __main__
    main()
