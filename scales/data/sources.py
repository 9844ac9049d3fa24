"""The registry of upstream files and how to get them: download with a hash check, or a local mirror.

Upstream files are never part of the repository. `data/sources.csv` pins each one (URL at a fixed
commit, sha256, licence, attribution, reference date); `resolve()` returns a verified local path.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import platformdirs

from scales import DATA_DIR
from scales.problems import Problem, SourceError

MIRROR_ENV = "SCALES_MIRROR"
CACHE_ENV = "SCALES_CACHE"


@dataclass(frozen=True)
class Source:
    """One pinned upstream file."""

    key: str
    path: str
    url: str
    sha256: str
    bytes: int
    reference_date: str
    description: str
    licence: str
    attribution: str
    required: bool = True


OPTIONAL_TIMEOUT_S = 8.0
"""An optional download (e.g. the newest population) gives up after this and the fallback is used."""


def registry(path: Path = DATA_DIR / "sources.csv") -> dict[str, Source]:
    """All pinned upstream files by key (`required` no: used when reachable, else a stated fallback)."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return {
        row["key"]: Source(**{**row, "bytes": int(row["bytes"]), "required": row["required"] != "no"})
        for row in table.to_dict("records")
    }


def cache_dir() -> Path:
    """Where downloads and the built atlas live (`SCALES_CACHE` overrides the user cache dir)."""
    return Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("scales"))


def mirror_dir(mirror: str | Path | None = None) -> Path | None:
    """The local mirror folder, from the argument or `SCALES_MIRROR`; None means download."""
    value = mirror if mirror is not None else os.environ.get(MIRROR_ENV)
    return Path(value).expanduser().resolve() if value else None


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_hash(source: Source, path: Path) -> None:
    actual = sha256_of(path)
    if actual != source.sha256:
        raise SourceError(
            Problem(
                "source_hash", {"path": str(path), "source": source.key, "expected": source.sha256, "found": actual,
                                "url": source.url}
            )
        )  # fmt: skip


def _from_mirror(source: Source, mirror: Path) -> Path:
    if not mirror.is_dir():
        raise SourceError(Problem("mirror_missing", {"mirror": str(mirror), "env": MIRROR_ENV}))
    path = mirror / source.path
    if not path.is_file():
        raise SourceError(
            Problem(
                "mirror_file_missing",
                {"path": source.path, "mirror": str(mirror), "url": source.url, "env": MIRROR_ENV},
            )
        )
    _check_hash(source, path)
    return path


def _download(source: Source, cache: Path, progressbar: bool, timeout: float | None = None) -> Path:
    import pooch

    target = cache / "downloads" / source.path
    if target.is_file() and sha256_of(target) == source.sha256:
        return target
    try:
        fetched = pooch.retrieve(
            source.url,
            known_hash=f"sha256:{source.sha256}",
            fname=target.name,
            path=target.parent,
            progressbar=progressbar,
            downloader=pooch.HTTPDownloader(progressbar=progressbar, timeout=timeout),
        )
    except ValueError as error:  # pooch raises ValueError on a hash mismatch
        raise SourceError(Problem("download_hash", {"url": source.url, "error": str(error)})) from error
    except Exception as error:  # network errors come in many types (requests, OSError, ...)
        raise SourceError(
            Problem("download_failed", {"url": source.url, "error": str(error), "env": MIRROR_ENV})
        ) from error
    return Path(fetched)


def resolve(source: Source, mirror: str | Path | None = None, progressbar: bool = False) -> Path:
    """Local, hash-checked path of one upstream file (from the mirror, the cache, or a download)."""
    folder = mirror_dir(mirror)
    if folder is not None:
        return _from_mirror(source, folder)
    return _download(source, cache_dir(), progressbar)


def resolve_optional(source: Source, mirror: str | Path | None = None) -> tuple[Path | None, str]:
    """An optional file if it can be had quickly: from the mirror or cache (hash-checked), else one
    download with a short timeout (only without a mirror). Returns the path, or None and the reason."""
    folder = mirror_dir(mirror)
    cached = cache_dir() / "downloads" / source.path
    for candidate in [p for p in (folder and folder / source.path, cached) if p]:
        if candidate.is_file():
            if sha256_of(candidate) == source.sha256:
                return candidate, ""
            return None, f"{candidate} does not match its pinned sha256"
    if folder is not None:
        return None, f"{source.path} is not in the mirror {folder}"
    try:
        return _download(source, cache_dir(), False, OPTIONAL_TIMEOUT_S), ""
    except SourceError as error:
        return None, str(error)


def fetch_all(
    mirror: str | Path | None = None,
    progress: Callable[[int, int, Source], None] | None = None,
    progressbar: bool = False,
) -> dict[str, Path]:
    """Resolve every registered file; `progress(done, total, source)` is called before each one."""
    sources = [s for s in registry().values() if s.required]
    paths = {}
    for index, source in enumerate(sources):
        if progress is not None:
            progress(index, len(sources), source)
        paths[source.key] = resolve(source, mirror, progressbar)
    return paths


PLACED_STATBEL = {
    "population": "TF_SOC_POP_STRUCT_*",
    "sector_population": "OPENDATA_SECTOREN_*",
    "sector_boundaries": "sh_statbel_statistical_sectors_31370_*",
}
"""Optional official Statbel files a user may place in `statbel/` of the mirror or the cache. They are
not hash-pinned (Statbel renames them yearly and no copy could be checked here): they are used only
when present, and the product says so wherever it uses them."""


def placed_statbel(kind: str, mirror: str | Path | None = None) -> list[Path]:
    """Statbel files of one `PLACED_STATBEL` kind found in the mirror's and the cache's `statbel/` folder."""
    folders = [p for p in (mirror_dir(mirror), cache_dir() / "downloads") if p is not None]
    return [path for folder in folders for path in sorted((folder / "statbel").glob(PLACED_STATBEL[kind]))]


def optional_statbel_population(mirror: str | Path | None = None) -> list[Path]:
    """Official Statbel population files by municipality placed by the user (`TF_SOC_POP_STRUCT_YYYY.*`)."""
    return placed_statbel("population", mirror)
