"""The Python API (`import scales`): the README's example runs as written, and each function gives what
the matching CLI command prints."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import scales
import scales.api
from scales.data.atlas import Atlas
from tests.test_cli import run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def same_atlas(atlas: Atlas, monkeypatch: pytest.MonkeyPatch) -> None:
    """The API reads the test run's atlas (built once from the mirror), not the user's cache."""
    monkeypatch.setattr(scales.api, "atlas", lambda mirror=None: atlas)
    scales.api._comparator.cache_clear()


def test_the_readme_example_runs_as_written() -> None:
    failures, tried = doctest.testfile(
        str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert tried >= 6 and failures == 0


def test_the_api_docstrings_run() -> None:
    failures, tried = doctest.testmod(scales.api)
    assert tried >= 2 and failures == 0


def test_the_public_names_are_the_api() -> None:
    for name in ("layer", "compare", "coverage", "capacity", "align", "report"):
        assert getattr(scales, name) is getattr(scales.api, name) and getattr(scales, name).__doc__
    with pytest.raises(AttributeError):
        scales.nothing_of_that_name  # noqa: B018


def test_compare_gives_what_the_cli_prints(mirror: Path) -> None:
    pair = scales.compare("police_zone", "primary_care_zone", weight="area", date="2026-01-01")
    _, out = run("compare", "police_zone", "primary_care_zone", "--weight", "area", "--date", "2026-01-01",
                 "--mirror", str(mirror), "--json")  # fmt: skip
    body = json.loads(out)
    assert body.pop("inhabitants_year") == scales.api.atlas().population_year
    assert pair.metrics == pytest.approx(body) and len(pair.to_frame()) == len(pair.metrics)
    assert len(pair.units) == 105 + 60 and set(pair.moves["nis"]) <= set(scales.layer("police_zone").membership["nis"])


def test_coverage_capacity_align_and_report_match_the_cli(mirror: Path) -> None:
    _, out = run("coverage", "--date", "2026-01-01", "--mirror", str(mirror), "--json")
    table = scales.coverage(date="2026-01-01")
    assert table["inhabitants_within"].tolist() == [row["inhabitants_within"] for row in json.loads(out)]
    assert table.attrs["inhabitants_year"] == scales.api.atlas().population_year
    _, out = run("capacity", "--date", "2026-01-01", "--mirror", str(mirror), "--json")
    assert scales.capacity("2026-01-01")["staff_per_100k"].tolist() == pytest.approx(
        [row["staff_per_100k"] for row in json.loads(out)], nan_ok=True
    )
    proposal = scales.align("police_zone", "reference_region", date="2026-01-01")
    assert (proposal.cost_inhabitants, proposal.cost_municipalities) == (128_741, 10)
    assert scales.report("leuven", "html").lower().startswith(b"<!doctype html>")
    with pytest.raises(ValueError, match="pdf, html or xlsx"):
        scales.report("leuven", "docx")
