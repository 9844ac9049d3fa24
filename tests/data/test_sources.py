"""The source registry, mirror reads, downloads and their failure messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from scales.data import sources
from scales.data.sources import Source, SourceError, registry, resolve


def test_registry_matches_the_mirror_manifest(mirror: Path) -> None:
    manifest = pd.read_csv(mirror / "MANIFEST.csv", dtype=str).set_index("mirror_path")
    entries = {k: s for k, s in registry().items() if s.required}
    assert len(entries) == 21
    for source in entries.values():
        row = manifest.loc[source.path]
        assert (source.url, source.sha256, source.licence) == (row["upstream_url"], row["sha256"], row["licence"])
        assert source.reference_date[:4].isdigit()


def test_every_registered_file_resolves_from_the_mirror(mirror: Path) -> None:
    paths = sources.fetch_all(mirror)
    assert set(paths) == {k for k, s in registry().items() if s.required}
    assert all(path.is_relative_to(mirror) for path in paths.values())


def _tmp_mirror(tmp_path: Path, mirror: Path, source: Source) -> Path:
    target = tmp_path / source.path
    target.parent.mkdir(parents=True)
    shutil.copyfile(mirror / source.path, target)
    return target


def test_hash_mismatch_names_the_file_and_the_fix(tmp_path: Path, mirror: Path) -> None:
    source = registry()["police_zone_table"]
    target = _tmp_mirror(tmp_path, mirror, source)
    target.write_bytes(target.read_bytes()[:-10] + b"corrupted!")
    with pytest.raises(SourceError, match=r"gemeente_politiezone\.xlsx.*sha256.*scales fetch"):
        resolve(source, tmp_path)


def test_truncated_file_is_refused(tmp_path: Path, mirror: Path) -> None:
    source = registry()["municipalities_shp"]
    target = _tmp_mirror(tmp_path, mirror, source)
    target.write_bytes(target.read_bytes()[:1000])
    with pytest.raises(SourceError, match="does not match its pinned sha256"):
        resolve(source, tmp_path)


def test_missing_mirror_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="does not exist.*--mirror"):
        resolve(registry()["population_2020"], tmp_path / "nowhere")


def test_missing_file_in_mirror(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"belgian_municipalities\.csv is missing from the mirror") as caught:
        resolve(registry()["population_2020"], tmp_path)
    assert "ontbreekt in de spiegel" in caught.value.text("nl")  # the whole message in Dutch, not just a prefix


def test_failed_download_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCALES_MIRROR", raising=False)
    monkeypatch.setenv("SCALES_CACHE", str(tmp_path))
    source = Source("x", "a/b/file.csv", "http://127.0.0.1:9/file.csv", "0" * 64, 1, "2025-01-01", "", "", "")
    with pytest.raises(SourceError, match="Could not download .*--mirror"):
        resolve(source)


def test_download_is_taken_from_the_cache_when_its_hash_matches(
    tmp_path: Path, mirror: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SCALES_MIRROR", raising=False)
    monkeypatch.setenv("SCALES_CACHE", str(tmp_path))
    source = registry()["reference_region_names"]
    cached = tmp_path / "downloads" / source.path
    cached.parent.mkdir(parents=True)
    shutil.copyfile(mirror / source.path, cached)
    assert resolve(source) == cached  # no network needed
