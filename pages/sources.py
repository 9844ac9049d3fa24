"""Bronnen: every layer and upstream file with source, licence, dates, confidence and doubts."""

import pandas as pd
import streamlit as st

from scales.dashboard.ui import atlas, lang, plain, reference_date, show, t
from scales.data.sources import cache_dir, mirror_dir, registry

data = atlas()
st.title(t("sources_title"))
st.write(t("sources_intro"))

rows = []
for layer_id in data.layers:
    layer = data.layer(layer_id, reference_date())
    meta = layer.meta
    rows.append(
        {
            t("col_layer"): meta.name(st.session_state["lang"]),
            t("col_layer_code"): layer_id,
            t("col_units"): len(layer.units),
            t("col_atoms"): f"{layer.atoms_covered()} / {len(data.atoms)}",
            t("col_source"): meta.source,
            t("col_licence"): meta.licence,
            t("col_reference_date"): meta.reference_date,
            t("col_valid_from"): meta.valid_from,
            t("col_valid_to"): meta.valid_to or "—",
            t("col_confidence"): t(f"confidence_{meta.confidence}"),
            t("col_doubts"): " · ".join(meta.doubts_in(lang())),
        }
    )
show(pd.DataFrame(rows))
st.caption(t("population_note", source=data.population_source))
if data.population_note:
    st.caption(plain(t("population_fallback", year=data.population_year, note=data.population_note)))
st.caption(t("subzone_method"))

st.subheader(t("upstream_title"))
upstream = pd.DataFrame([vars(s) for s in registry().values()])
show(upstream[["key", "description", "reference_date", "licence", "attribution", "url", "sha256"]])
folder = mirror_dir()
where = t("mirror", path=folder) if folder else t("cache", path=cache_dir())
st.caption(t("fetch_state", where=where, date=reference_date().isoformat()))
st.caption(t("attribution"))
