"""Display geometry stays a valid coverage and layers dissolve without gaps."""

from __future__ import annotations

import shapely

from scales.data.atlas import Atlas
from scales.data.geometry import unit_geometry


def test_display_atoms_are_a_valid_simplified_coverage(atlas: Atlas) -> None:
    display = atlas.display_atoms
    assert len(display) == 304 and display.crs.to_epsg() == 4326
    assert bool(shapely.coverage_is_valid(display.geometry.values))
    assert bool(shapely.coverage_is_valid(atlas.atoms.geometry.values))  # what lets units dissolve as a coverage
    full = shapely.get_num_coordinates(atlas.atoms.geometry.values).sum()
    assert shapely.get_num_coordinates(display.geometry.values).sum() < 0.7 * full


def test_layer_geometry_covers_the_same_ground(atlas: Atlas) -> None:
    atoms_area = atlas.display_atoms.to_crs(31370).area.sum()
    for layer_id in ("police_zone", "judicial_canton", "primary_care_zone", "prosecution_area"):
        shapes = atlas.geometry(atlas.layer(layer_id))
        assert len(shapes) == len(atlas.layer(layer_id).units)
        assert shapes.is_valid.all()
        shapes = shapes.to_crs(31370)
        assert abs(shapes.area.sum() - atoms_area) / atoms_area < 1e-4


def test_shared_borders(atlas: Atlas) -> None:
    borders = atlas.borders
    assert (borders["nis_a"] < borders["nis_b"]).all()
    ghent_neighbours = borders[(borders["nis_a"] == "44021") | (borders["nis_b"] == "44021")]
    assert len(ghent_neighbours) >= 8


def test_a_coverage_dissolve_draws_the_units_a_plain_union_draws(atlas: Atlas) -> None:
    """Units of whole municipalities are dissolved as a coverage (faster): the same shapes as a plain union."""
    layer = atlas.layer("police_zone")
    shapes = unit_geometry(layer.membership, atlas.display_atoms).set_index("unit_id")
    atoms = atlas.display_atoms.set_index("nis").geometry
    for unit, group in layer.membership.groupby("unit_id"):
        plain = shapely.union_all(atoms.loc[group["nis"]].values)
        assert shapely.area(shapely.symmetric_difference(plain, shapes.geometry[unit])) < 1e-12
