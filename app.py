"""Entry point: page frame, language switch, reference date and navigation."""

import datetime as dt

import streamlit as st

from scales.i18n import LANGUAGES
from scales.ui import date_warnings, lang, t

st.set_page_config(page_title="scales", page_icon="🗺️", layout="wide")

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
    st.date_input(t("date_label"), value=dt.date.today(), key="reference_date", format="YYYY-MM-DD")
pages = [
    st.Page("pages/home.py", title=t("page_home"), url_path="overzicht", default=True),
    st.Page("pages/map.py", title=t("page_map"), url_path="kaart"),
    st.Page("pages/compare.py", title=t("page_compare"), url_path="vergelijk"),
    st.Page("pages/municipality.py", title=t("page_municipality"), url_path="gemeente"),
    st.Page("pages/sources.py", title=t("page_sources"), url_path="bronnen"),
]
page = st.navigation(pages)
st.query_params["lang"] = lang()  # after navigation, so a deep link's page is resolved first
page.run()
date_warnings()
