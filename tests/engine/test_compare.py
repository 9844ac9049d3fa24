"""Comparisons on the real layers: known facts, the polygon-overlay cross-check, tables and the CLI."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from scales.cli import main
from scales.data.atlas import Atlas
from scales.data.geometry import unit_geometry
from scales.engine.compare import Comparator, counterparts, partner_counts


@pytest.fixture(scope="module")
def comparator(atlas: Atlas) -> Comparator:
    return Comparator(atlas.atoms, atlas.borders)


def test_every_police_zone_nests_in_one_prosecution_area(atlas: Atlas, comparator: Comparator) -> None:
    result = comparator.compare(atlas.layer("police_zone"), atlas.layer("prosecution_area"), "inhabitants")
    summary = result.summary()
    assert summary["nested_a_in_b"] == summary["nested_a_in_b_weighted"] == 1.0
    assert summary["alignment_cost_a_into_b"] == 0.0
    assert summary["completeness"] == pytest.approx(1.0)
    assert set(result.units().query("layer == 'A'")["class"]) <= {"nested", "coterminous"}


def test_the_eerstelijnszone_across_halle_vilvoorde_and_leuven_is_found(atlas: Atlas, comparator: Comparator) -> None:
    result = comparator.compare(atlas.layer("primary_care_zone"), atlas.layer("prosecution_area"), "inhabitants")
    straddles = result.straddles(comparator.atom_names)
    crossing = straddles.groupby("a")["b"].apply(set)
    found = crossing[crossing.apply(lambda parketten: {"halle-vilvoorde", "leuven"} <= parketten)]
    assert found.index.tolist() == ["elz11"]  # Druivenstreek
    tervuren = straddles[(straddles["a"] == "elz11") & (straddles["b"] == "leuven")]
    assert tervuren["municipalities"].tolist() == ["Tervuren"]


def test_the_reference_region_across_a_judicial_arrondissement_is_found(atlas: Atlas, comparator: Comparator) -> None:
    result = comparator.compare(atlas.layer("reference_region"), atlas.layer("judicial_arrondissement"), "count")
    straddles = result.straddles(comparator.atom_names)
    assert set(straddles["a"]) == {"REFREG05"}  # Oost-Brabant
    brussel = straddles[straddles["b"] == "brussel"]
    assert brussel["municipalities"].tolist() == ["Hoeilaart, Overijse"]
    assert result.summary()["atoms_left_out"] == 19  # Brussels has no reference region


def test_alignment_cost_equals_the_moves(atlas: Atlas, comparator: Comparator) -> None:
    result = comparator.compare(atlas.layer("police_zone"), atlas.layer("primary_care_zone"), "inhabitants")
    summary = result.summary()
    moves = result.moves(comparator.atom_names)
    assert moves["weight"].sum() == pytest.approx(summary["alignment_cost_a_into_b"])
    assert summary["split_units_a"] == moves["unit"].nunique()
    back = result.moves(comparator.atom_names, b_into_a=True)
    assert back["weight"].sum() == pytest.approx(summary["alignment_cost_b_into_a"])


def test_polygon_overlay_agrees_with_the_atom_computation(atlas: Atlas, comparator: Comparator) -> None:
    a, b = atlas.layer("police_zone"), atlas.layer("judicial_division")
    result = comparator.compare(a, b, "area")
    overlay = overlay_contingency(atlas, a, b)
    atoms = pd.DataFrame(result.n, index=result.a_units, columns=result.b_units)
    merged = overlay.reindex_like(atoms).fillna(0.0)
    assert np.allclose(merged.to_numpy(), atoms.to_numpy(), rtol=1e-6, atol=1e-6 * atoms.to_numpy().max())


def overlay_contingency(atlas: Atlas, a, b) -> pd.DataFrame:
    """The sabre route: dissolve both layers to polygons, overlay them, sum intersection areas (km²)."""
    shapes_a = unit_geometry(a.membership, atlas.atoms)
    shapes_b = unit_geometry(b.membership, atlas.atoms)
    pieces = gpd.overlay(shapes_a, shapes_b, how="intersection", keep_geom_type=True)
    pieces["area"] = pieces.area / 1e6
    return pieces.pivot_table(index="unit_id_1", columns="unit_id_2", values="area", aggfunc="sum")


def test_partner_counts_and_counterparts(atlas: Atlas) -> None:
    chosen = {k: atlas.layer(k) for k in ("police_zone", "primary_care_zone", "judicial_division", "veilig_huis")}
    partners = partner_counts(chosen).set_index("nis")
    assert partners.loc["11002", "primary_care_zone"] == 4  # Antwerp deals with four sub-zones
    assert partners.loc["21004", "veilig_huis"] == 0  # Brussels: no Veilig Huis
    assert (partners["partner_count"] == partners.drop(columns="partner_count").sum(axis=1)).all()
    units = counterparts(atlas.layer("police_zone"), {"primary_care_zone": atlas.layer("primary_care_zone")})
    carma = units.set_index("unit_id").loc["ipz102", "primary_care_zone"]
    assert carma == 4  # PZ Carma deals with Kemp en Duin, MidWestLim, Noord-Limburg and Maasland


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main([*argv, "-q"])
    return code, out.getvalue()


REQUIRED_KEYS = {
    "units_a",
    "units_b",
    "atoms_compared",
    "nested_a_in_b",
    "nested_b_in_a",
    "nested_a_in_b_weighted",
    "nested_b_in_a_weighted",
    "coterminous",
    "split_units_a",
    "split_units_b",
    "alignment_cost_a_into_b",
    "alignment_cost_b_into_a",
    "homogeneity",
    "completeness",
    "v_measure",
    "mapcurves",
    "ari",
    "nmi",
    "vi",
    "boundary_coincidence_a_on_b",
    "boundary_coincidence_b_on_a",
}


def test_cli_compare_json_units_and_matrix(atlas: Atlas, mirror: Path) -> None:
    code, out = run(
        "compare", "police_zone", "primary_care_zone", "--weight", "inhabitants", "--json", "--mirror", str(mirror)
    )
    summary = json.loads(out)
    assert code == 0 and set(summary) >= REQUIRED_KEYS
    assert all(0 <= summary[k] <= 1 for k in ("nested_a_in_b", "homogeneity", "v_measure", "mapcurves"))
    code, out = run("compare", "police_zone", "primary_care_zone", "--units", "--mirror", str(mirror))
    units = pd.read_csv(io.StringIO(out))
    assert len(units) == 105 + 60 and {"class", "split_count", "dominant_share", "rih", "mapcurves_fit"} <= set(units)
    code, out = run("matrix", "--metric", "v_measure", "--weight", "inhabitants", "--mirror", str(mirror))
    table = pd.read_csv(io.StringIO(out), index_col=0).drop(columns="inhabitants_year")
    assert table.shape == (13, 13)
    assert np.allclose(np.diag(table.to_numpy()), 1.0)
    assert np.allclose(table.to_numpy(), table.to_numpy().T)


def test_cli_compares_a_custom_csv_layer(atlas: Atlas, mirror: Path, tmp_path: Path) -> None:
    police = atlas.layer("police_zone").membership[["nis", "unit_id", "share"]]
    path = tmp_path / "my_zones.csv"
    police.to_csv(path, index=False, sep=";")
    code, out = run("compare", str(path), "police_zone", "--json", "--mirror", str(mirror))
    summary = json.loads(out)
    assert code == 0 and summary["coterminous"] == 105 and summary["v_measure"] == pytest.approx(1.0)


def test_the_metric_registry_is_the_one_list() -> None:
    from scales.engine.compare import MATRIX_METRICS, METRICS
    from scales.i18n import METRIC_TEXTS

    for key, metric in METRICS.items():
        assert METRICS[metric.mirror].mirror == key  # mirror images pair up
    assert set(MATRIX_METRICS) == set(METRIC_TEXTS)  # every matrix choice is named and explained
    assert all(set(METRIC_TEXTS[k]) == {"nl", "en"} for k in MATRIX_METRICS)
    assert {k for k, m in METRICS.items() if not m.higher_is_better} == {
        "vi",
        "alignment_cost_a_into_b",
        "alignment_cost_b_into_a",
        "split_units_a",
        "split_units_b",
    }


def test_the_public_api_is_reachable_from_the_package() -> None:
    import scales

    for name in scales.__all__:
        assert getattr(scales, name) is not None, name


def test_the_home_headline_recomputed_outside_the_engine(atlas: Atlas, comparator: Comparator) -> None:
    """Police zones into eerstelijnszones (2026-01-01, inhabitants): for each zone, the inhabitants outside its
    largest eerstelijnszone, summed. Computed here with pandas from the membership tables and inhabitant
    shares (Antwerp's sub-zones by inhabitants, not by area); the engine and the Overzicht say 1,078,413."""
    people = atlas.atoms.set_index("nis")["inhabitants"]
    police = atlas.layer("police_zone", "2026-01-01").membership
    care = atlas.layer("primary_care_zone", "2026-01-01").membership
    crossed = police.merge(care, on="nis", suffixes=("_p", "_e"))
    crossed["people"] = crossed["nis"].map(people) * crossed["share_inhabitants_p"] * crossed["share_inhabitants_e"]
    table = crossed.groupby(["unit_id_p", "unit_id_e"])["people"].sum()
    by_zone = table.groupby(level=0)
    outside = (by_zone.sum() - by_zone.max()).sum()
    assert round(outside) == 1_078_413
    engine = comparator.compare(atlas.layer("police_zone", "2026-01-01"), atlas.layer("primary_care_zone",
                                "2026-01-01"), "inhabitants").summary()["alignment_cost_a_into_b"]  # fmt: skip
    assert engine == pytest.approx(outside, abs=0.5)
