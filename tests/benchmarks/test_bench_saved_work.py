"""Pages with 300 saved scenarios against the same pages with none (issue #20: within 1.2x). The saved
layers are read once per server and store state, names and memberships once per rerun or input."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scales.analysis.scenarios import as_scenario
from scales.data.atlas import Atlas
from scales.data.store import Store
from tests.test_app import APP

SAVED = 300


def _store(folder: Path, atlas: Atlas, count: int) -> Path:
    store = Store(folder)
    zones = atlas.layer("police_zone")
    for i in range(count):
        store.save_layer(as_scenario(zones, f"bench-{i}"), f"bench-{i}")
    return folder


@pytest.mark.parametrize("page", ["pages/municipality.py", "pages/compare.py"])
@pytest.mark.parametrize("saved", [0, SAVED])
def test_a_page_with_saved_scenarios(benchmark, atlas, tmp_path, monkeypatch, page: str, saved: int) -> None:
    monkeypatch.setenv("SCALES_STORE", str(_store(tmp_path, atlas, saved)))

    def visit() -> AppTest:
        app = AppTest.from_file(str(APP), default_timeout=300)
        app.query_params.update({"lang": "nl", "nis": "23027"})
        return app.run().switch_page(page).run()

    visit()  # a warm server: the saved work read once, as any later visitor finds it
    app = benchmark.pedantic(visit, rounds=3, iterations=1)
    assert not app.exception
