"""The atlas: atoms, every layer, point layers and display geometry, built once and cached on disk.

Pages and the CLI receive an `Atlas`; `load_atlas()` returns the cached one (`scales.data.cache`: typed
files, hash-checked) when the inputs (pinned sources, `data/` tables, the build code, optional
Statbel files) are unchanged, else rebuilds it. A damaged cache is rebuilt and an unwritable cache
folder leaves the atlas in memory, each with a one-line `cache_note`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from scales import DATA_DIR, __version__
from scales.data.atoms import load_atoms
from scales.data.builders import BASE_BUILDERS, DERIVED_BUILDERS, BuildContext, Built
from scales.data.cache import CacheError, read_atlas, write_atlas
from scales.data.custom import read_custom_layer
from scales.data.geometry import (
    DISPLAY_GRID_DEG,
    WEB_CRS,
    display_edges,
    shared_borders,
    simplify_coverage,
    unit_borders,
    unit_geometry,
)
from scales.data.layers import Layer, layer_catalogue
from scales.data.points import POINT_LAYERS
from scales.data.sources import cache_dir, fetch_all, optional_statbel_population, registry
from scales.data.store import SCENARIO_PREFIX, Store
from scales.problems import Problem, UsageError

Progress = Callable[[float, str], None]
BUILD_MODULES = ("atlas", "atoms", "builders", "cache", "geometry", "layers", "points", "sources", "subzones")
"""The modules whose code shapes the atlas: editing one of them (not a page or a label) rebuilds it."""
log = logging.getLogger(__name__)


@dataclass
class Atlas:
    """Everything the product shows, at full precision (EPSG:31370) plus a display copy (EPSG:4326)."""

    atoms: gpd.GeoDataFrame
    layers: dict[str, Layer]
    pieces: dict[str, gpd.GeoDataFrame]
    points: dict[str, gpd.GeoDataFrame]
    display_atoms: gpd.GeoDataFrame
    display_edges: gpd.GeoDataFrame
    borders: pd.DataFrame
    population_source: str
    population_note: str
    built_on: str
    cache_note: Problem | None = None
    """Set when the cache was damaged (and rebuilt) or could not be written (atlas kept in memory)."""
    _geometry_cache: dict = field(default_factory=dict, repr=False)
    _layer_cache: dict = field(default_factory=dict, repr=False)

    @property
    def population_year(self) -> int:
        """The reference year of the inhabitants (1 January)."""
        return int(self.atoms["inhabitants_year"].iloc[0])

    @property
    def names(self) -> dict[str, str]:
        """NIS code → Dutch municipality name."""
        return dict(zip(self.atoms["nis"], self.atoms["name_nl"], strict=True))

    def layer(self, layer_id: str, date: dt.date | str | None = None) -> Layer:
        """A built-in layer as it stood on `date` (today when None); the same object for the same day."""
        if layer_id not in self.layers:
            raise UsageError(Problem("unknown_layer", {"layer": layer_id, "known": ", ".join(self.layers)}))
        day = (date if isinstance(date, dt.date) else dt.date.fromisoformat(date)) if date else dt.date.today()
        key = (layer_id, day)
        if key not in self._layer_cache:
            self._layer_cache[key] = self.layers[layer_id].at(day)
        return self._layer_cache[key]

    def resolve(self, ref: str, date: dt.date | str | None = None, own: Mapping[str, Layer] | None = None) -> Layer:
        """The one way to get a layer: a built-in id (as it stood on `date`), one of the caller's own
        layers by id (an upload or scenario of this session), a saved one (`scenario:NAME`, from the
        saved-work store), or the path of a CSV or exported JSON file."""
        if ref in self.layers:
            return self.layer(ref, date)
        if own and ref in own:
            return own[ref]
        if ref.startswith(SCENARIO_PREFIX):
            return Store().layer(ref, set(self.atoms["nis"]))
        if ref.lower().endswith((".csv", ".json")) or Path(ref).exists():
            return read_custom_layer(Path(ref), set(self.atoms["nis"]))
        raise UsageError(Problem("unknown_layer", {"layer": ref, "known": ", ".join(self.layers)}))

    def builtin(self, layer: Layer) -> bool:
        """Is `layer` one of the atlas' own layers (at some date), not a user's layer with the same id?"""
        known = self.layers.get(layer.id)
        return known is not None and known.meta is layer.meta

    def _cached(self, kind: str, layer: Layer, make: Callable[[gpd.GeoDataFrame | None], object]):
        """`make(pieces)` once per built-in layer membership; a user's layer is never kept here, since the
        atlas is shared by every session."""
        if not self.builtin(layer):
            return make(None)
        membership = layer.membership[["nis", "unit_id", "share", "share_inhabitants"]]
        key = (kind, layer.id, pd.util.hash_pandas_object(membership).sum())
        if key not in self._geometry_cache:
            pieces = self.pieces.get(layer.id)
            self._geometry_cache[key] = make(None if pieces is None else pieces.to_crs(WEB_CRS))
        return self._geometry_cache[key]

    def outline(self, layer: Layer) -> shapely.Geometry:
        """A layer's unit borders as display lines (EPSG:4326), each border once."""
        return self._cached(
            "outline",
            layer,
            lambda pieces: unit_borders(layer.membership, self.display_edges, pieces, self.display_atoms),
        )

    def geometry(self, layer: Layer) -> gpd.GeoDataFrame:
        """Display polygons (EPSG:4326) of a layer's units, with their names."""

        def make(pieces: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame:
            shapes = unit_geometry(layer.membership, self.display_atoms, pieces)
            return shapes.merge(layer.units[["unit_id", "name"]], on="unit_id", how="left")

        return self._cached("polygons", layer, make)


def _inputs_key(mirror: str | Path | None) -> str:
    """Changes whenever the code, the `data/` tables or the optional Statbel files change."""
    digest = hashlib.sha256(__version__.encode())
    code = [Path(__file__).parent / f"{name}.py" for name in BUILD_MODULES]
    for path in [*code, *sorted(DATA_DIR.glob("*.csv"))]:
        digest.update(path.read_bytes())
    for path in optional_statbel_population(mirror):
        digest.update(f"{path.name}:{path.stat().st_size}".encode())
    return digest.hexdigest()[:16]


def build_atlas(mirror: str | Path | None = None, progress: Progress | None = None) -> Atlas:
    """Build everything from the pinned sources (downloading what is missing) and `data/`."""
    report = progress or (lambda fraction, text: None)
    fetch_all(mirror, progress=lambda done, total, s: report(0.4 * done / total, f"{s.path.rsplit('/', 1)[-1]}"))
    report(0.4, "atoms")
    atoms = load_atoms(mirror)
    context = BuildContext(atoms, registry(), mirror)
    catalogue = layer_catalogue()
    built: dict[str, Built] = {}
    steps = {**BASE_BUILDERS, **DERIVED_BUILDERS}
    for index, (layer_id, builder) in enumerate(steps.items()):
        report(0.45 + 0.4 * index / len(steps), layer_id)
        built[layer_id] = builder(context, built) if layer_id in DERIVED_BUILDERS else builder(context)
    layers = {}
    for layer_id, result in built.items():
        covered = set(result.membership["nis"])
        layers[layer_id] = Layer(
            catalogue[layer_id],
            result.membership,
            result.units,
            tuple(sorted(set(atoms["nis"]) - covered)),
        )
    report(0.87, "geometry")
    display = simplify_coverage(atoms[["nis", "name_nl", "geometry"]]).to_crs(WEB_CRS)
    display["geometry"] = shapely.set_precision(display.geometry.values, DISPLAY_GRID_DEG)
    points = {name: make(atoms) for name, make in POINT_LAYERS.items()}
    report(0.95, "borders")
    borders = shared_borders(atoms)
    atlas = Atlas(
        atoms=atoms,
        layers=layers,
        pieces={k: v.pieces for k, v in built.items() if v.pieces is not None},
        points=points,
        display_atoms=display,
        display_edges=display_edges(display, borders),
        borders=borders,
        population_source=atoms.attrs.get("population_source", ""),
        population_note=atoms.attrs.get("population_note", ""),
        built_on=dt.date.today().isoformat(),
    )
    report(1.0, "done")
    return atlas


def atlas_path(mirror: str | Path | None = None) -> Path:
    """The folder of the cached atlas for the current inputs."""
    return cache_dir() / f"atlas-{_inputs_key(mirror)}"


def load_atlas(mirror: str | Path | None = None, progress: Progress | None = None, rebuild: bool = False) -> Atlas:
    """The cached atlas if its inputs are unchanged and every file checks out, else a fresh build."""
    folder = atlas_path(mirror)
    note = None
    if folder.exists() and not rebuild:
        try:
            return read_atlas(folder, Atlas)
        except CacheError as error:
            log.warning("cached atlas rejected: %s", error)
            note = Problem("cache_rebuilt", {"folder": str(folder), "error": str(error)})
            shutil.rmtree(folder, ignore_errors=True)
    atlas = build_atlas(mirror, progress)
    try:
        write_atlas(atlas, folder)
    except OSError as error:
        log.warning("atlas not cached: %s", error)
        note = Problem("cache_unwritable", {"folder": str(folder.parent), "error": error.strerror or str(error)})
    atlas.cache_note = note
    return atlas
