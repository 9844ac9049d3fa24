"""Custom layers: a user's CSV `nis,unit_id[,unit_name][,share]` on the same atoms, checked with clear messages.

A custom layer is just another `Layer`; a scenario is a custom layer with a parent.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from scales.data.layers import SHARE_TOLERANCE, Layer, LayerMeta, membership_frame, units_frame
from scales.data.validate import validate_layer
from scales.problems import Problem, ScalesError
from scales.texts import text_problem

CUSTOM_PREFIX = "custom:"
"""Ids of user layers start with this, so they never collide with a built-in layer's id."""
MAX_BYTES = 5_000_000
"""A membership table for 304 atoms is a few kB; anything this large is not one."""
MAX_FIELD = 10_000
"""No code, name or share in a layer file is this long."""


class CustomLayerError(ScalesError):
    """A user-supplied layer file cannot be used; the problems say what to change (in nl or en)."""


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text of a user's file and the encoding it was read in (UTF-8, UTF-16 from Excel, or Windows-1252)."""
    if not raw.strip():
        raise CustomLayerError(Problem("file_empty", {"label": name}))
    if len(raw) > MAX_BYTES:
        raise CustomLayerError(
            Problem("file_too_large", {"label": name, "size": f"{len(raw):,}", "limit": f"{MAX_BYTES:,}"})
        )
    attempts = ("utf-16",) if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "cp1252")
    for encoding in attempts:  # UTF-16 is Excel's "Unicode text" export
        try:
            return raw.decode(encoding), {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252"}.get(encoding, "UTF-16")
        except UnicodeDecodeError:
            continue
    raise CustomLayerError(Problem("file_encoding", {"label": name}))


def read_table(raw: bytes, label: str) -> pd.DataFrame:
    """A user's CSV as text columns: encoding and delimiter (`,` `;` tab `|`) detected, a line with
    another number of fields than the header refused naming the line. Raises `CustomLayerError`."""
    text, encoding = _decode(raw, label)
    try:
        delimiter = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)  # CR, CRLF and LF line ends alike
    try:
        rows = [row for row in reader if row]
    except csv.Error as error:  # a field over csv's own 128 kB limit, or a stray NUL
        if "field limit" in str(error):
            raise CustomLayerError(_field_too_long(label, reader.line_num)) from error
        raise CustomLayerError(Problem("file_unreadable", {"label": label, "error": str(error)[:120]})) from error
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            raise CustomLayerError(
                Problem("file_ragged", {"label": label, "line": line, "delimiter": delimiter, "found": len(row)})
            )
    for line, row in enumerate(rows, start=1):  # a layer's fields are codes and names, far below csv's limit
        if max(map(len, row)) > MAX_FIELD:
            raise CustomLayerError(_field_too_long(label, line))
    header = [c.strip().lower() for c in rows[0]]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        raise CustomLayerError(Problem("file_repeated_column", {"label": label, "columns": ", ".join(repeated)}))
    table = pd.DataFrame(rows[1:], columns=header, dtype=str)
    table.attrs = {"encoding": encoding, "delimiter": {"\t": "tab"}.get(delimiter, delimiter), "first_line": 2}
    return table


def _field_too_long(label: str, line: int) -> Problem:
    return Problem("file_field_too_long", {"label": label, "line": line, "limit": MAX_FIELD})


@dataclass(frozen=True)
class Parsed:
    """A user's layer file read leniently: the layer of its valid rows (None when no row is valid), one
    problem per bad row (named by line and value), and notes (how the file was read, what it leaves out)."""

    layer: Layer | None
    problems: list[Problem]
    notes: list[Problem]


def _json_table(text: str, label: str) -> pd.DataFrame:
    """The membership of an exported scenario (`scales scenario export --format json`) as text columns."""
    try:
        document = json.loads(text)
        units = {str(u["unit_id"]): str(u.get("name", u["unit_id"])) for u in document.get("units", [])}
        rows = pd.DataFrame(document["membership"], dtype=str)
    except RecursionError as error:  # arrays or objects nested thousands deep: no export looks like that
        raise CustomLayerError(Problem("file_json_deep", {"label": label})) from error
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise CustomLayerError(Problem("file_json", {"label": label, "error": str(error)[:120]})) from error
    parent = str(document.get("parent", ""))
    if problem := text_problem(parent, "parent"):
        raise CustomLayerError(problem)
    rows = rows.reindex(columns=["nis", "unit_id", "share", "share_inhabitants"])
    rows["unit_name"] = rows["unit_id"].map(units).fillna(rows["unit_id"])
    kind = "scenario" if document.get("kind") == "scenario" else "custom"
    rows.attrs = {"encoding": "UTF-8", "delimiter": "JSON", "first_line": 1, "kind": kind, "parent": parent}
    return rows.fillna("")


def _number(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column.str.strip().str.replace(",", ".", regex=False), errors="coerce")


def _row_problems(table: pd.DataFrame, label: str, atom_ids: set[str]) -> tuple[pd.Series, list[Problem]]:
    """Which rows are usable, and one problem per bad row (or per municipality whose shares do not add up)."""
    first = table.attrs.get("first_line", 2)
    line = pd.Series(range(first, first + len(table)), index=table.index)
    ok = pd.Series(True, index=table.index)
    problems: list[Problem] = []

    def refuse(mask: pd.Series, key: str, column: str) -> None:
        for index in table.index[mask & ok]:
            problems.append(Problem(key, {"label": label, "line": line[index], "value": table.at[index, column]}))
        ok.loc[mask] = False

    refuse(~table["nis"].isin(atom_ids), "row_unknown_nis", "nis")
    for column in ("unit_id", "unit_name"):  # names: no control characters, not over the length limit
        if column in table:
            found = table[column].map(lambda v, c=column: text_problem(v, c))
            for index in table.index[found.notna() & ok]:
                problem = found[index]
                problems.append(Problem(f"row_{problem.key}", {"label": label, "line": line[index], **problem.values}))
            ok.loc[found.notna()] = False
    refuse(table["unit_id"].str.strip() == "", "row_empty_unit", "nis")
    for column in ("share", "share_inhabitants"):
        if column in table:
            value = _number(table[column])
            refuse(value.isna() | (value <= 0) | (value > 1 + SHARE_TOLERANCE), "row_bad_share", column)
    repeated = table.duplicated(["nis", "unit_id"]) if "share" in table else table.duplicated("nis")
    refuse(repeated, "row_duplicate", "nis")
    if "share" in table:
        sums = _number(table["share"]).where(ok).groupby(table["nis"]).sum()
        for nis in sums.index[((sums - 1).abs() > SHARE_TOLERANCE) & (sums > 0)]:
            problems.append(Problem("row_share_sum", {"label": label, "value": nis, "total": f"{sums[nis]:.4f}"}))
            ok.loc[table["nis"] == nis] = False
    return ok, problems


def parse_custom_layer(source: str | Path | bytes, atom_ids: set[str], name: str = "custom") -> Parsed:
    """A custom layer from a CSV (`nis,unit_id[,unit_name][,share][,share_inhabitants]`) or an exported JSON,
    keeping the valid rows. A file that cannot be read at all raises `CustomLayerError`."""
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
    text_start = raw.lstrip()[:1]
    table = _json_table(_decode(raw, label)[0], label) if text_start in (b"{", b"[") else read_table(raw, label)
    table.columns = [c.strip().lower() for c in table.columns]
    if not {"nis", "unit_id"} <= set(table.columns):
        raise CustomLayerError(Problem("file_columns", {"label": label, "found": ", ".join(table.columns)}))
    if table.empty:
        raise CustomLayerError(Problem("file_no_rows", {"label": label}))
    table["nis"] = table["nis"].str.strip().str.zfill(5)
    table["unit_id"] = table["unit_id"].str.strip()
    notes = [
        Problem("file_read_as", {"label": label, **{k: table.attrs.get(k, "?") for k in ("encoding", "delimiter")}})
    ]
    ok, problems = _row_problems(table, label, atom_ids)
    rows = table[ok]
    if rows.empty:
        return Parsed(None, problems, notes)
    share = _number(rows["share"]) if "share" in rows else 1.0
    inhabitants = _number(rows["share_inhabitants"]) if "share_inhabitants" in rows else None
    names = (
        rows["unit_name"].where(rows["unit_name"].str.strip() != "", rows["unit_id"])
        if "unit_name" in rows
        else rows["unit_id"]
    )
    meta = LayerMeta(
        id=f"{CUSTOM_PREFIX}{name}",
        kind=table.attrs.get("kind", "custom"),
        parent=table.attrs.get("parent", ""),
        name_nl=name,
        name_en=name,
        source=f"user file {label}",
        licence="user-supplied",
        reference_date="",
        confidence="inferred",
    )
    membership = membership_frame(
        rows["nis"], rows["unit_id"], share, confidence="inferred", share_inhabitants=inhabitants
    )
    membership.loc[membership["share"] < 1.0, "share_basis"] = "user"
    missing = tuple(sorted(atom_ids - set(membership["nis"])))
    layer = Layer(meta, membership, units_frame(rows["unit_id"], names), missing)
    if missing:
        notes.append(
            Problem(
                "file_missing_municipalities",
                {
                    "label": label,
                    "count": len(missing),
                    "codes": ", ".join(missing[:20]) + (" …" if len(missing) > 20 else ""),
                },
            )
        )
    problems += validate_layer(layer, atom_ids)
    return Parsed(layer, problems, notes)


def read_custom_layer(source: str | Path | bytes, atom_ids: set[str], name: str = "custom") -> Layer:
    """A custom layer whose every row is valid; raises `CustomLayerError` naming every bad row."""
    parsed = parse_custom_layer(source, atom_ids, name)
    if parsed.problems or parsed.layer is None:
        raise CustomLayerError(*parsed.problems)
    return parsed.layer
