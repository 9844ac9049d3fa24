"""Custom layers: a user's CSV `nis,unit_id[,unit_name][,share]` on the same atoms, checked with clear messages.

A custom layer is just another `Layer`; a scenario is a custom layer with a parent.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from scales.data.layers import Layer, LayerMeta, membership_frame, units_frame
from scales.data.validate import validate_layer
from scales.problems import Problem, ScalesError

CUSTOM_PREFIX = "custom:"
"""Ids of user layers start with this, so they never collide with a built-in layer's id."""
MAX_BYTES = 5_000_000
"""A membership table for 304 atoms is a few kB; anything this large is not one."""


class CustomLayerError(ScalesError):
    """A user-supplied layer file cannot be used; the problems say what to change (in nl or en)."""


def _decode(raw: bytes, name: str) -> str:
    if not raw.strip():
        raise CustomLayerError(Problem("file_empty", {"label": name}))
    if len(raw) > MAX_BYTES:
        raise CustomLayerError(
            Problem("file_too_large", {"label": name, "size": f"{len(raw):,}", "limit": f"{MAX_BYTES:,}"})
        )
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel's "Unicode text" export
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise CustomLayerError(Problem("file_encoding", {"label": name})) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as error:
            raise CustomLayerError(Problem("file_encoding", {"label": name})) from error


def read_table(raw: bytes, label: str) -> pd.DataFrame:
    """A user's CSV as text columns: encoding and delimiter (`,` `;` tab `|`) detected, a line with
    another number of fields than the header refused naming the line. Raises `CustomLayerError`."""
    text = _decode(raw, label)
    try:
        delimiter = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if row]
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            raise CustomLayerError(
                Problem("file_ragged", {"label": label, "line": line, "delimiter": delimiter, "found": len(row)})
            )
    table = pd.DataFrame(rows[1:], columns=[c.strip().lower() for c in rows[0]], dtype=str)
    return table


def read_custom_layer(source: str | Path | bytes, atom_ids: set[str], name: str = "custom") -> Layer:
    """Parse and check a custom layer; raises `CustomLayerError` naming every problem found."""
    if isinstance(source, bytes):  # `name` is then the uploaded file's name
        raw, label, name = source, name, Path(name).stem
    else:
        path = Path(source)
        if path.is_dir():
            raise CustomLayerError(Problem("file_is_folder", {"label": str(path)}))
        if not path.is_file():
            raise CustomLayerError(Problem("file_missing", {"label": str(path)}))
        raw, label, name = path.read_bytes(), path.name, path.stem
    name = re.sub(r"[^\w\-]+", "_", name)[:40] or "custom"  # ids and titles never carry markup
    table = read_table(raw, label)
    table.columns = [c.strip().lower() for c in table.columns]
    if not {"nis", "unit_id"} <= set(table.columns):
        raise CustomLayerError(Problem("file_columns", {"label": label, "found": ", ".join(table.columns)}))
    if table.empty:
        raise CustomLayerError(Problem("file_no_rows", {"label": label}))
    table["nis"] = table["nis"].str.strip().str.zfill(5)
    share = (
        pd.to_numeric(table["share"].str.replace(",", ".", regex=False), errors="coerce") if "share" in table else 1.0
    )
    if isinstance(share, pd.Series) and share.isna().any():
        bad = table.loc[share.isna(), "nis"].tolist()[:5]
        raise CustomLayerError(Problem("share_not_number", {"label": label, "codes": bad}))
    names = table["unit_name"] if "unit_name" in table else table["unit_id"]
    meta = LayerMeta(
        id=f"{CUSTOM_PREFIX}{name}",
        kind="custom",
        name_nl=name,
        name_en=name,
        source=f"user file {label}",
        licence="user-supplied",
        reference_date="",
        confidence="inferred",
    )
    membership = membership_frame(table["nis"], table["unit_id"].str.strip(), share, confidence="inferred")
    membership.loc[membership["share"] < 1.0, "share_basis"] = "user"
    layer = Layer(
        meta,
        membership,
        units_frame(table["unit_id"].str.strip(), names),
        tuple(sorted(atom_ids - set(membership["nis"]))),
    )
    problems = validate_layer(layer, atom_ids)
    if problems:
        raise CustomLayerError(*problems)
    return layer
