"""Shared fixtures: the real atlas built from the mirror (`SCALES_MIRROR`, else ../shared/mirror)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scales.data.atlas import Atlas, load_atlas

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def store_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Saved work of the whole test run goes to a temporary folder, never the user's own store."""
    folder = tmp_path_factory.mktemp("scales-store")
    os.environ["SCALES_STORE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def mirror() -> Path:
    path = Path(os.environ.get("SCALES_MIRROR") or SHARED / "mirror").resolve()
    if not (path / "MANIFEST.csv").is_file():
        pytest.fail(f"No mirror at {path}: set SCALES_MIRROR to the shared mirror folder")
    return path


@pytest.fixture(scope="session")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scales-cache")


@pytest.fixture(scope="session")
def atlas(mirror: Path, cache: Path) -> Atlas:
    os.environ["SCALES_CACHE"] = str(cache)
    return load_atlas(mirror)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Small fixtures with known answers: `SCALES_FIXTURES`, else ../shared/fixtures (like the mirror)."""
    path = Path(os.environ.get("SCALES_FIXTURES") or SHARED / "fixtures").resolve()
    if not (path / "sabre_fig1_regions.csv").is_file():
        pytest.fail(f"No fixtures at {path}: set SCALES_FIXTURES to the shared fixtures folder")
    return path
