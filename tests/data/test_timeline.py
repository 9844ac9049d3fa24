"""The dated layers' changes: the 2026 police-zone merger in Noord-Limburg is found, with its municipalities."""

from __future__ import annotations

from scales.data.timeline import change_dates, changes


def test_the_noord_limburg_police_merger_is_the_change_of_1_january_2026(atlas) -> None:
    table = changes(atlas.layers)
    assert change_dates(atlas.layers["police_zone"]) == ["2026-01-01"]
    assert set(table["layer"]) == {"police_zone"} and set(table["date"]) == {"2026-01-01"}  # the only dated layer
    names = sorted(table["nis"].map(atlas.names))
    assert names == ["Hamont-Achel", "Hechtel-Eksel", "Leopoldsburg", "Lommel", "Peer", "Pelt"]
    assert set(table["after"]) == {"pz-noord-limburg"} and set(table["before"]) == {"ipz106", "ipz108", "ipz110"}
