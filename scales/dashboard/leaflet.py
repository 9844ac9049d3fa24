"""The dashboard's map as a Streamlit v2 component: Leaflet drawn in the page itself, without an iframe.

One small script (`leaflet_map.js`) draws the layer specs of `maps`, keeps unchanged layers and the
reader's view between reruns, and reports a clicked municipality. It replaced streamlit-folium, whose
iframe and 250 ms debounce made a click reach the panel in 1.17 s (median) against 0.67 s here; the
first paint is the same with either (README, Speed).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from scales.dashboard.maps import FLANDERS_BOUNDS, PANES, Legend

SCRIPT = Path(__file__).with_name("leaflet_map.js")

_map = st.components.v2.component("scales.map", js=SCRIPT.read_text(encoding="utf-8"), isolate_styles=False)


def show_map(
    layers: list[dict],
    *,
    key: str,
    label: str,
    failed: str,
    height: int = 600,
    legend: Legend | None = None,
    view: dict | None = None,
    bounds: list[list[float]] = FLANDERS_BOUNDS,
    on_click: Callable[[str], None] | None = None,
) -> None:
    """Draw `layers` (specs from `maps`, in drawing order) on an OpenStreetMap base fitted to Flanders.

    `label` names the map for screen readers; `failed` is shown if Leaflet or a layer cannot load. The map
    opens on `bounds` ([[south, west], [north, east]]) and moves to `view` ({"center", "zoom"}) when that
    changes. `on_click(nis)` runs before the rerun that a click on a municipality starts (only a layer
    made `clickable` reports clicks).
    """
    data = {
        "layers": layers,
        "legend": legend.as_dict() if legend else None,
        "view": view,
        "height": height,
        "bounds": bounds,
        "panes": PANES,
        "label": label,
        "failed": failed,
        "clicks": on_click is not None,
    }
    callback = None
    if on_click:

        def callback() -> None:
            clicked = (st.session_state.get(key) or {}).get("clicked")
            if clicked:
                on_click(str(clicked))

    _map(key=key, data=data, on_clicked_change=callback)
