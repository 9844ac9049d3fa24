"""Shared fixtures: the real atlas, built from the upstream files (a local mirror folder, else downloaded
once into the cache), and the small fixtures with known answers that live in `tests/fixtures/`."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from scales.data.atlas import Atlas, load_atlas
from scales.data.sources import cache_dir, fetch_all, registry

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
"""Where a checkout finds the shared mirror when SCALES_MIRROR is not set (as in CI)."""


@pytest.fixture(scope="session", autouse=True)
def store_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Saved work of the whole test run goes to a temporary folder, never the user's own store."""
    folder = tmp_path_factory.mktemp("scales-store")
    os.environ["SCALES_STORE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def mirror() -> Path:
    """A folder holding the upstream files: `SCALES_MIRROR`, else ../shared/mirror, else each pinned file
    downloaded (sha256 checked) into the cache, whose `downloads/` folder has a mirror's layout."""
    given = os.environ.get("SCALES_MIRROR")
    path = Path(given or SHARED / "mirror").resolve()
    if (path / "MANIFEST.csv").is_file():
        return path
    if given:
        pytest.fail(f"No mirror at {path} (SCALES_MIRROR): point it at a folder with MANIFEST.csv, or unset it")
    return downloaded_mirror()


@pytest.fixture(scope="session")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scales-cache")


@pytest.fixture(scope="session")
def atlas(mirror: Path, cache: Path) -> Atlas:
    os.environ["SCALES_CACHE"] = str(cache)
    return load_atlas(mirror)


def downloaded_mirror() -> Path:
    """Every required upstream file fetched from its publisher into the cache (as `scales fetch` does), with
    a MANIFEST.csv beside them like the shared mirror's: a fresh machine with a network needs nothing else."""
    try:
        fetch_all()
    except Exception as error:  # offline: say what to do instead of a traceback per test
        pytest.fail(f"The upstream files could not be downloaded ({error}). Offline, set SCALES_MIRROR to a mirror.")
    folder = cache_dir() / "downloads"
    rows = [
        {"mirror_path": s.path, "upstream_url": s.url, "sha256": s.sha256, "bytes": s.bytes,
         "licence": s.licence, "attribution": s.attribution}
        for s in registry().values() if s.required
    ]  # fmt: skip
    pd.DataFrame(rows).to_csv(folder / "MANIFEST.csv", index=False)
    return folder.resolve()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Small fixtures with known answers, kept in the repository (`tests/fixtures/`, with their origin)."""
    return ROOT / "tests" / "fixtures"


SLOW_FOLDERS = ("e2e", "benchmarks")
"""Browser tests and benchmarks are slow by nature: `pytest -m "not slow"` is the quick local run."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(part in SLOW_FOLDERS for part in item.path.relative_to(ROOT).parts):
            item.add_marker(pytest.mark.slow)
