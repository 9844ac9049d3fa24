"""scales: where Belgium's public-safety territories fail to line up, and what that costs.

The Python API (`scales.api`, documented there and in the README):

>>> import scales
>>> pair = scales.compare("police_zone", "primary_care_zone", weight="inhabitants")  # doctest: +SKIP
>>> pair.metrics["v_measure"]  # doctest: +SKIP
"""

from importlib.resources import files
from pathlib import Path

__version__ = "0.2.0"


def shipped(installed: str, repository: str) -> Path:
    """A folder the project ships: package data `scales/<installed>` in an installed wheel, else the
    top-level `<repository>` folder of a source checkout (an editable install)."""
    inside = Path(str(files("scales"))) / installed
    return inside if inside.is_dir() else Path(__file__).resolve().parent.parent / repository


DATA_DIR = shipped("facts", "data")
"""Hand-made fact tables (with source and confidence columns)."""
STATIC_DIR = shipped("static", "static")
"""Vendored Leaflet, and the published map GeoJSON (`generated/`), served by Streamlit."""
PAGES_DIR = shipped("pages", "pages")
"""The dashboard's page scripts."""

_PUBLIC = {
    **dict.fromkeys(
        ["layer", "compare", "coverage", "capacity", "align", "report", "atlas", "PairResult"], "scales.api"
    ),
    "Atlas": "scales.data.atlas",
    "load_atlas": "scales.data.atlas",
    "build_atlas": "scales.data.atlas",
    "Layer": "scales.data.layers",
    "LayerMeta": "scales.data.layers",
    "Comparator": "scales.engine.compare",
    "Comparison": "scales.engine.compare",
    "METRICS": "scales.engine.compare",
    "read_custom_layer": "scales.data.custom",
    "Problem": "scales.problems",
    "ScalesError": "scales.problems",
}
__all__ = ["DATA_DIR", "__version__", *_PUBLIC]


def __getattr__(name: str):
    """The public API, imported on first use (so `import scales` stays light and cycle-free)."""
    if name in _PUBLIC:
        from importlib import import_module

        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'scales' has no attribute {name!r}")
