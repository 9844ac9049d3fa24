"""Capaciteit: ARIEC staff per area against inhabitants, municipalities and police zones, and the roles
each team misses against the report's ideal team."""

import altair as alt
import streamlit as st

from scales.analysis.capacity import IDEAL_ROLES, capacity
from scales.dashboard.ui import atlas, chart_locale, downloads, lang, plain, reference_date, t
from scales.i18n import number, percent

data = atlas()
date = reference_date().isoformat()
st.title(t("capacity_title"))
st.caption(t("capacity_method", year=data.population_year, date=date))

table = capacity(data, date)
roles = {role: t(f"role_{role}") for role in IDEAL_ROLES}
shown = table.assign(
    inhabitants=table["inhabitants"].map(lambda v: number(v, lang())),
    staff_per_100k=table["staff_per_100k"].map(lambda v: "—" if v != v else number(v, lang(), 2)),
    inhabitants_per_staff=table["inhabitants_per_staff"].map(lambda v: "—" if v != v else number(v, lang())),
    municipalities_per_staff=table["municipalities_per_staff"].map(lambda v: "—" if v != v else number(v, lang(), 1)),
    police_zones_per_staff=table["police_zones_per_staff"].map(lambda v: "—" if v != v else number(v, lang(), 1)),
    missing_roles=table["missing_roles"].map(lambda v: ", ".join(roles[r] for r in v.split(", ") if r) or "—"),
    profile_completeness=table["profile_completeness"].map(lambda v: percent(v, lang())),
    staff=table["staff"].map(lambda v: "—" if v != v else number(v, lang())),
)
columns = {
    "name": t("col_area"),
    "staff": t("col_staff"),
    "inhabitants": t("col_inhabitants"),
    "staff_per_100k": t("col_staff_per_100k"),
    "inhabitants_per_staff": t("col_inhabitants_per_staff"),
    "municipalities_per_staff": t("col_municipalities_per_staff"),
    "police_zones_per_staff": t("col_police_zones_per_staff"),
    "missing_roles": t("col_missing_roles"),
    "profile_completeness": t("col_completeness"),
}
st.dataframe(shown[list(columns)].rename(columns=columns), hide_index=True, width="stretch")
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
