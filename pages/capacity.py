"""Capaciteit: ARIEC staff per area against inhabitants, municipalities and police zones, and the roles
each team misses against the report's ideal team."""

import altair as alt
import streamlit as st

from scales.analysis.capacity import capacity
from scales.dashboard.ui import atlas, chart_locale, downloads, lang, plain, reference_date, show, t

data = atlas()
date = reference_date().isoformat()
st.title(t("capacity_title"))
st.caption(t("capacity_method", year=data.population_year, date=date))

table = capacity(data, date)
columns = ["name", "staff", "staff_per_100k", "missing_roles", "profile_completeness", "inhabitants",
           "inhabitants_per_staff", "municipalities_per_staff", "police_zones_per_staff"]  # fmt: skip
show(  # the deciding columns first (staff, per 100,000, missing roles): they stay in view at any width
    table[columns],
    headers={"name": "col_area"},
    column_config={t("col_missing_roles"): st.column_config.TextColumn(width="large")},
)
downloads(table, "ariec-capaciteit", t("capacity_title"), ("ariec",))
missing = table.loc[~table["has_data"], "name"]
if not missing.empty:
    st.warning(plain(t("capacity_no_data", areas=", ".join(missing))))

chart = (
    alt.Chart(table[table["has_data"]])
    .mark_bar(color="#2166ac")
    .encode(
        x=alt.X("staff_per_100k:Q", title=t("capacity_chart")),
        y=alt.Y("name:N", sort="-x", title=None),
        tooltip=[
            alt.Tooltip("name:N", title=t("col_area")),
            alt.Tooltip("staff:Q", title=t("col_staff")),
            alt.Tooltip("staff_per_100k:Q", title=t("col_staff_per_100k"), format=",.2f"),
        ],
    )
    .configure(locale=chart_locale(lang()))
)
st.markdown(f"**{t('capacity_chart')}**")
st.altair_chart(chart, width="stretch")
st.caption(t("data_note", date=date, weight=t("weight_inhabitants"), year=data.population_year))
