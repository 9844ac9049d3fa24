"""Custom layers: a user's CSV `nis,unit_id[,unit_name][,share]` on the same atoms, checked with clear messages.

A custom layer is just another `Layer`; a scenario is a custom layer with a parent.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from scales.layers import Layer, LayerMeta, membership_frame, units_frame
from scales.validate import validate_layer

MAX_BYTES = 5_000_000
"""A membership table for 304 atoms is a few kB; anything this large is not one."""


class CustomLayerError(ValueError):
    """A user-supplied layer file cannot be used; the message says what to change."""


def _decode(raw: bytes, name: str) -> str:
    if not raw.strip():
        raise CustomLayerError(f"{name} is empty: expected a header `nis,unit_id` and one row per municipality.")
    if len(raw) > MAX_BYTES:
        raise CustomLayerError(f"{name} is {len(raw):,} bytes; a layer file is at most {MAX_BYTES:,} bytes.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as error:
            raise CustomLayerError(f"{name} is neither UTF-8 nor Windows-1252 text: save it as UTF-8 CSV.") from error


def read_custom_layer(source: str | Path | bytes, atom_ids: set[str], name: str = "custom") -> Layer:
    """Parse and check a custom layer; raises `CustomLayerError` naming every problem found."""
    if isinstance(source, bytes):
        raw, label = source, name
    else:
        path = Path(source)
        if not path.is_file():
            raise CustomLayerError(f"{path} does not exist.")
        raw, label, name = path.read_bytes(), path.name, path.stem
    name = re.sub(r"[^\w\-]+", "_", name)[:40] or "custom"  # ids and titles never carry markup
    text = _decode(raw, label)
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    table = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False)
    table.columns = [c.strip().lower() for c in table.columns]
    if not {"nis", "unit_id"} <= set(table.columns):
        raise CustomLayerError(
            f"{label}: expected columns nis,unit_id[,unit_name][,share]; found {', '.join(table.columns)}. "
            "Check the delimiter (comma or semicolon) and the header row."
        )
    if table.empty:
        raise CustomLayerError(f"{label} has a header but no rows.")
    table["nis"] = table["nis"].str.strip().str.zfill(5)
    share = (
        pd.to_numeric(table["share"].str.replace(",", ".", regex=False), errors="coerce") if "share" in table else 1.0
    )
    if isinstance(share, pd.Series) and share.isna().any():
        bad = table.loc[share.isna(), "nis"].tolist()[:5]
        raise CustomLayerError(f"{label}: share is not a number for {bad}.")
    names = table["unit_name"] if "unit_name" in table else table["unit_id"]
    meta = LayerMeta(
        id=name,
        name_nl=name,
        name_en=name,
        source=f"user file {label}",
        licence="user-supplied",
        reference_date="",
        confidence="inferred",
    )
    membership = membership_frame(table["nis"], table["unit_id"].str.strip(), share, confidence="inferred")
    layer = Layer(
        meta,
        membership,
        units_frame(table["unit_id"].str.strip(), names),
        tuple(sorted(atom_ids - set(membership["nis"]))),
    )
    problems = validate_layer(layer, atom_ids)
    if problems:
        raise CustomLayerError(f"{label}: " + "; ".join(problems))
    return layer
