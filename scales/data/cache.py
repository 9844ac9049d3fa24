"""The atlas on disk: typed files (GeoParquet, Parquet, JSON) and a manifest of their sha256 hashes.

Nothing in the cache can run code (no pickle), and nothing is trusted unread: every file's hash is
checked against the manifest, and the manifest against its own hash, before any of it is used. A
folder is written under a unique temporary name and renamed into place, so concurrent builders never
see each other's half-written files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow.parquet as pq

from scales.data.layers import Layer, LayerMeta

FORMAT = 1
"""Bumped whenever the layout below changes; a cache of another format is rebuilt."""
MANIFEST = "manifest.json"


class CacheError(Exception):
    """The cached atlas is missing, partial, damaged or of another format: rebuild it (never shown to
    users as such: `load_atlas` rebuilds and says so)."""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _body_hash(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _frames(atlas) -> dict[str, pd.DataFrame]:
    """Every table of the atlas by file stem."""
    frames: dict[str, pd.DataFrame] = {
        "atoms": atlas.atoms,
        "display_atoms": atlas.display_atoms,
        "display_edges": atlas.display_edges,
        "borders": atlas.borders,
    }
    for layer_id, layer in atlas.layers.items():
        frames[f"membership-{layer_id}"] = layer.membership
        frames[f"units-{layer_id}"] = layer.units
    frames.update({f"pieces-{k}": v for k, v in atlas.pieces.items()})
    frames.update({f"points-{k}": v for k, v in atlas.points.items()})
    return frames


def write_atlas(atlas, folder: Path) -> Path:
    """Write `atlas` to `folder` atomically (a unique temporary folder renamed into place)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        files = {}
        for stem, frame in _frames(atlas).items():
            path = staging / f"{stem}.parquet"
            frame = frame.copy()
            frame.attrs = {}
            frame.to_parquet(path, index=False)
            files[path.name] = _digest(path)
        body = {
            "format": FORMAT,
            "files": files,
            "layers": {
                k: {**dataclasses.asdict(v.meta), "not_covered": list(v.not_covered)} for k, v in atlas.layers.items()
            },
            "pieces": sorted(atlas.pieces),
            "points": sorted(atlas.points),
            "population_source": atlas.population_source,
            "population_note": atlas.population_note,
            "built_on": atlas.built_on,
        }
        (staging / MANIFEST).write_text(json.dumps({"body": body, "sha256": _body_hash(body)}), encoding="utf-8")
        try:
            os.replace(staging, folder)
        except OSError:  # another process put the same atlas there first: keep theirs
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def _read(folder: Path, name: str, expected: str) -> pd.DataFrame:
    path = folder / name
    if not path.is_file() or _digest(path) != expected:
        raise CacheError(f"{path} is missing or does not match its recorded hash")
    try:
        spatial = b"geo" in (pq.read_schema(path).metadata or {})
        frame = gpd.read_parquet(path) if spatial else pd.read_parquet(path)
    except Exception as error:  # parquet and arrow raise many types for damaged files
        raise CacheError(f"{path} cannot be read: {error}") from error
    return frame


def read_atlas(folder: Path, atlas_type):
    """The atlas stored in `folder`, every file checked against the manifest; raises `CacheError`."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        body = manifest["body"]
        if manifest["sha256"] != _body_hash(body) or body["format"] != FORMAT:
            raise CacheError(f"{folder / MANIFEST} is damaged or of another format")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CacheError(f"{folder / MANIFEST} cannot be read: {error}") from error
    files = body["files"]
    frames = {name.removesuffix(".parquet"): _read(folder, name, digest) for name, digest in files.items()}
    layers = {}
    for layer_id, meta in body["layers"].items():
        not_covered = tuple(meta.pop("not_covered"))
        meta["doubts"], meta["doubts_nl"] = tuple(meta["doubts"]), tuple(meta["doubts_nl"])
        layers[layer_id] = Layer(
            LayerMeta(**meta), frames[f"membership-{layer_id}"], frames[f"units-{layer_id}"], not_covered
        )
    atoms = frames["atoms"]
    atoms.attrs.update(population_source=body["population_source"], population_note=body["population_note"])
    return atlas_type(
        atoms=atoms,
        layers=layers,
        pieces={k: frames[f"pieces-{k}"] for k in body["pieces"]},
        points={k: frames[f"points-{k}"] for k in body["points"]},
        display_atoms=frames["display_atoms"],
        display_edges=frames["display_edges"],
        borders=frames["borders"],
        population_source=body["population_source"],
        population_note=body["population_note"],
        built_on=body["built_on"],
    )
