"""Overzicht: what the tool shows, for whom, and headline findings computed live."""

import streamlit as st

from scales.dashboard.findings import headline_findings
from scales.dashboard.ui import atlas, labels, lang, plain, reference_date, t
from scales.i18n import number

PAGES = {
    "compare": ("pages/compare.py", "page_compare"),
    "sources": ("pages/sources.py", "page_sources"),
    "capacity": ("pages/capacity.py", "page_capacity"),
}

data = atlas()
st.title(t("home_title"))
st.write(t("home_intro"))
names = data.names
options = sorted(names, key=names.get)
chosen = st.selectbox(
    t("home_search"),
    options,
    index=None,
    format_func=labels(options, lambda n: f"{names[n]} ({n})").get,
    placeholder=t("search_placeholder"),
    key="home_nis",
    help=t("search"),
)
if chosen:  # the same search as the Gemeente page, which opens on the chosen municipality
    st.switch_page("pages/municipality.py", query_params={"lang": lang(), "nis": chosen})
st.subheader(t("findings_title"))


@st.cache_data(show_spinner=False)
def findings(date_iso: str):
    return headline_findings(atlas(), date_iso)


for finding in findings(reference_date().isoformat()):
    values = {k: number(v, lang()) if isinstance(v, float) else v for k, v in finding.values.items()}
    with st.container(border=True):
        st.markdown(t(finding.key, **values))
        page, title = PAGES[finding.page]
        pair = dict(zip(("a", "b"), finding.pair, strict=True)) if finding.pair else {}
        st.page_link(page, label=t("explained_on", page=t(title)), icon="➡️", query_params={"lang": lang(), **pair})
st.caption(t("home_dates", year=data.population_year))
if data.population_note:
    st.caption(plain(t("population_fallback", year=data.population_year, note=data.population_note)))
st.caption(t("attribution"))
