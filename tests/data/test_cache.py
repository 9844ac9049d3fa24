"""The atlas cache: typed files checked by hash; damage is detected, never read as different numbers."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from scales.data.atlas import Atlas, atlas_path, load_atlas
from scales.data.cache import CacheError, read_atlas, write_atlas


@pytest.fixture(scope="module")
def stored(atlas: Atlas, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_atlas(atlas, tmp_path_factory.mktemp("stored") / "atlas")


def _same(first: Atlas, second: Atlas) -> bool:
    """Every table of the two atlases holds the same values."""
    pairs = [(first.atoms, second.atoms), (first.borders, second.borders), (first.display_atoms, second.display_atoms)]
    pairs += [(first.layers[k].membership, second.layers[k].membership) for k in first.layers]
    pairs += [(first.layers[k].units, second.layers[k].units) for k in first.layers]
    pairs += [(first.points[k], second.points[k]) for k in first.points]
    for left, right in pairs:
        left, right = (pd.DataFrame(f).reset_index(drop=True) for f in (left, right))  # row labels carry no data
        pd.testing.assert_frame_equal(left, right, check_dtype=False)
    return [v.meta for v in first.layers.values()] == [v.meta for v in second.layers.values()]


def test_a_stored_atlas_reads_back_identical(atlas: Atlas, stored: Path) -> None:
    assert _same(atlas, read_atlas(stored, Atlas))
    assert not list(stored.glob("*.pickle"))


def test_random_damage_gives_the_same_numbers_or_a_clear_error(atlas: Atlas, stored: Path, tmp_path: Path) -> None:
    chance = random.Random(20261129)
    files = sorted(p for p in stored.iterdir())
    outcomes = {"refused": 0, "unchanged": 0}
    for trial in range(60):
        copy = tmp_path / f"trial-{trial}"
        shutil.copytree(stored, copy)
        target = copy / chance.choice(files).name
        data = bytearray(target.read_bytes())
        offset = chance.randrange(max(1, len(data) - 8))
        data[offset : offset + 8] = chance.randbytes(8)
        target.write_bytes(bytes(data))
        try:
            loaded = read_atlas(copy, Atlas)
        except CacheError as error:
            assert str(copy) in str(error)  # the message says which cache is bad
            outcomes["refused"] += 1
        else:
            assert _same(atlas, loaded)  # never a different number
            outcomes["unchanged"] += 1
        shutil.rmtree(copy)
    assert outcomes["refused"] >= 55, outcomes


def test_a_damaged_cache_is_rebuilt_with_a_note(atlas: Atlas, mirror: Path, cache: Path) -> None:
    folder = atlas_path(mirror)
    victim = folder / "membership-police_zone.parquet"
    victim.write_bytes(victim.read_bytes()[:-100])  # truncated
    rebuilt = load_atlas(mirror)
    assert rebuilt.cache_note.key == "cache_rebuilt" and "opnieuw opgebouwd" in rebuilt.cache_note.text("nl")
    assert _same(atlas, rebuilt)
    assert load_atlas(mirror).cache_note is None  # the fresh copy is trusted again


def test_an_unwritable_cache_folder_keeps_the_atlas_in_memory(mirror: Path, tmp_path: Path, monkeypatch) -> None:
    if os.geteuid() == 0:  # root writes anywhere: make the cache path a file instead of a folder
        blocked = tmp_path / "blocked"
        blocked.write_text("not a folder")
    else:
        blocked = tmp_path / "readonly"
        blocked.mkdir(mode=0o500)
    monkeypatch.setenv("SCALES_CACHE", str(blocked / "cache" if os.geteuid() != 0 else blocked))
    loaded = load_atlas(mirror)
    assert "kept in memory" in str(loaded.cache_note)
    assert len(loaded.layers) == 13


def test_two_builders_at_once_both_succeed(mirror: Path, tmp_path: Path) -> None:
    script = "from scales.data.atlas import load_atlas; a = load_atlas(); print(len(a.layers), repr(a.cache_note))"
    env = {**os.environ, "SCALES_CACHE": str(tmp_path), "SCALES_MIRROR": str(mirror)}
    runs = [subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True) for _ in "ab"]
    outputs = [run.communicate(timeout=300)[0].strip() for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert outputs == ["13 None", "13 None"]
    assert len(list(tmp_path.glob("atlas-*"))) == 1 and not list(tmp_path.glob(".atlas-*"))
