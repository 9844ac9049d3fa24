"""The Python API: what the dashboard and the `scales` command do, as plain functions for a notebook or script.

Every function reads one atlas per process (the built layers, loaded from the cache or built from the
upstream files on first use: a local mirror from `SCALES_MIRROR`, else downloaded) and accepts a layer as
an id (`police_zone`), a saved scenario (`scenario:NAME`), a CSV path, or a `Layer`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import pandas as pd

from scales.analysis import capacity as _capacity
from scales.analysis import coverage as _coverage
from scales.analysis import scenarios as _scenarios
from scales.data.atlas import Atlas, load_atlas
from scales.data.layers import Layer
from scales.engine.compare import Comparator, Comparison

Date = dt.date | str | None
LayerRef = str | Layer


@cache
def atlas(mirror: str | None = None) -> Atlas:
    """The atlas of this process, loaded once.

    Parameters
    ----------
    mirror : str, optional
        A local folder holding the upstream files (default: `SCALES_MIRROR`, else download into the cache).
    """
    return load_atlas(mirror)


@cache
def _comparator() -> Comparator:
    data = atlas()
    return Comparator(data.atoms, data.borders)


def layer(layer_id: LayerRef, date: Date = None) -> Layer:
    """A layer as it stood on a date.

    Parameters
    ----------
    layer_id : str or Layer
        A built-in id (see `scales layers`), `scenario:NAME`, or the path of a CSV `nis,unit_id[,share]`.
    date : date or str, optional
        Reference date (ISO `YYYY-MM-DD`); default today.

    Returns
    -------
    Layer
        `.membership` (nis, unit_id, share, share_inhabitants, share_basis), `.units`, `.meta`.
    """
    return layer_id if isinstance(layer_id, Layer) else atlas().resolve(str(layer_id), date)


@dataclass(frozen=True)
class PairResult:
    """Layer A against layer B: the figures of `scales compare`, as attributes."""

    comparison: Comparison
    """The engine's object (contingency table `n`, pieces), for what the attributes do not cover."""

    @property
    def metrics(self) -> dict[str, float | int | str]:
        """Key figures and every metric (shares as fractions 0–1); the keys of `scales compare --json`."""
        return self.comparison.summary()

    @property
    def units(self) -> pd.DataFrame:
        """One row per unit of A and of B: class, split count, dominant share, rih, Mapcurves fit."""
        return self.comparison.units()

    @property
    def moves(self) -> pd.DataFrame:
        """The municipalities (or parts) that would change unit for A to nest in B, with their weight."""
        return self.comparison.moves(atlas().names)

    def to_frame(self) -> pd.DataFrame:
        """The key figures as a two-column table (key, value), like `scales compare` prints it."""
        return pd.DataFrame(list(self.metrics.items()), columns=["key", "value"])


def compare(a: LayerRef, b: LayerRef, weight: str = "inhabitants", date: Date = None, beta: float = 1.0) -> PairResult:
    """How two layers line up.

    Parameters
    ----------
    a, b : str or Layer
        The two layers (ids, `scenario:NAME`, CSV paths or `Layer` objects).
    weight : {"inhabitants", "area", "count"}
        What each municipality weighs: its inhabitants, its km², or one.
    date : date or str, optional
        Reference date of built-in layers; default today.
    beta : float
        V-measure's beta (1: homogeneity and completeness weigh the same).

    Returns
    -------
    PairResult
        `.metrics`, `.units`, `.moves`, `.to_frame()`.

    Examples
    --------
    >>> pair = compare("police_zone", "primary_care_zone", date="2026-01-01")
    >>> pair.metrics["units_a"], pair.metrics["units_b"]
    (105, 60)
    """
    return PairResult(_comparator().compare(layer(a, date), layer(b, date), weight, beta))


def coverage(
    locations: tuple[str, ...] = ("veilig_huis_locations", "antenna_points"),
    threshold_km: float = _coverage.DEFAULT_THRESHOLD_KM,
    by: LayerRef = "veilig_huis",
    date: Date = None,
) -> pd.DataFrame:
    """How many inhabitants live within `threshold_km` of a location, per unit of a layer.

    Parameters
    ----------
    locations : tuple of str
        Location kinds (`scales.analysis.coverage.LOCATION_KINDS`).
    threshold_km : float
        Straight-line distance in km (Belgian Lambert 72) from each municipality's interior point.
    by : str or Layer
        The layer whose units are reported.
    date : date or str, optional
        Reference date; default today.

    Returns
    -------
    pandas.DataFrame
        `scales coverage` columns: unit_id, name, inhabitants, inhabitants_within, share_within,
        mean_distance_km, worst_nis, worst_name, worst_km; `.attrs["inhabitants_year"]` is the population year.
    """
    data = atlas()
    result = _coverage.coverage(data, _coverage.locations(data, tuple(locations), date), threshold_km, None, date)
    table = _coverage.by_unit(result, layer(by, date), data.names)
    table.attrs["inhabitants_year"] = data.population_year
    return table


def capacity(date: Date = None) -> pd.DataFrame:
    """ARIEC staff per area against its inhabitants, municipalities and police zones, and the missing roles.

    Returns
    -------
    pandas.DataFrame
        `scales capacity` columns (ariec_id, staff, inhabitants, staff_per_100k, missing_roles, …);
        `.attrs["inhabitants_year"]` is the population year.
    """
    data = atlas()
    table = _capacity.capacity(data, date)
    table.attrs["inhabitants_year"] = data.population_year
    return table


def align(layer_id: LayerRef, to: LayerRef, weight: str = "inhabitants", date: Date = None) -> _scenarios.Alignment:
    """The smallest reassignment that makes a layer nest in an anchor layer.

    Returns
    -------
    Alignment
        `.layer` (the aligned layer), `.moves`, `.cost` (in the weight), `.cost_inhabitants`,
        `.cost_municipalities`, `.metrics`, `.as_json()`.
    """
    return _scenarios.align(_comparator(), layer(layer_id, date), layer(to, date), weight)


def report(
    region: str = "all", format: str = "pdf", lang: str = "nl", date: Date = None, weight: str = "inhabitants"
) -> bytes:
    """A region report, as `scales report` writes it.

    Parameters
    ----------
    region : str
        `all`, or a judicial arrondissement, parket or province (id or name).
    format : {"pdf", "html", "xlsx"}
    lang : {"nl", "en"}

    Returns
    -------
    bytes
        The file's content; write it with `Path(...).write_bytes(...)`.
    """
    from scales.output.region import find_region, region_report
    from scales.output.report import report_html, report_pdf, report_workbook

    data = atlas()
    found = region_report(data, find_region(data, region, date), date, weight)
    if format == "xlsx":
        return report_workbook(data, found, lang)
    if format == "pdf":
        return report_pdf(data, found, lang)
    if format == "html":
        return report_html(data, found, lang).encode("utf-8")
    raise ValueError(f"format must be pdf, html or xlsx, not {format!r}")


__all__ = ["PairResult", "align", "atlas", "capacity", "compare", "coverage", "layer", "report"]
