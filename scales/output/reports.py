"""Export bytes for every table: CSV the way Belgian Excel opens it, and XLSX; user text made safe.

Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return as a formula,
also where a line break inside a quoted field starts a new visual line. Every text cell is
neutralised at each such place (OWASP CSV injection), rows end in CRLF (RFC 4180) so that every field
holding a CR or LF is quoted and stays one cell, and numbers stay numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from typing import TextIO

import pandas as pd

from scales import __version__
from scales.texts import for_spreadsheet

FORMULA_AT = re.compile(r"(?:^|(?<=[\r\n]))(?=[=+\-@\t\r])")
"""Every place a spreadsheet would start reading a formula: the start of the text and after CR or LF."""


def neutralise(value: object) -> object:
    """Text with an apostrophe before every formula start and `?` for characters no spreadsheet cell can
    hold (`texts.for_spreadsheet`); other values unchanged."""
    return FORMULA_AT.sub("'", for_spreadsheet(value)) if isinstance(value, str) else value


def escape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells and headers cannot run as formulas."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(c) for c in safe.columns]
    return safe


def write_csv(frame: pd.DataFrame, target: TextIO, sep: str = ",", decimal: str = ".", float_format=None) -> None:
    """Formula-safe CSV: text neutralised, fields with CR or LF quoted, numbers bare."""
    escape_formulas(frame).to_csv(
        target, index=False, sep=sep, decimal=decimal, float_format=float_format, lineterminator="\r\n"
    )


def csv_bytes(frame: pd.DataFrame, lang: str = "nl", about: pd.DataFrame | None = None) -> bytes:
    """CSV with a BOM; Dutch: `;` separator and decimal comma (what Excel in Belgium expects), English:
    `,` and a decimal point. `about` (field, value rows) comes first as `# field: value` lines."""
    separator, decimal = (";", ",") if lang == "nl" else (",", ".")
    buffer = io.StringIO()
    if about is not None:
        for field, value in about.itertuples(index=False):
            buffer.write(f"# {field}: {neutralise(str(value)).replace(chr(10), ' ').replace(chr(13), ' ')}\r\n")
    write_csv(frame, buffer, separator, decimal)
    return buffer.getvalue().encode("utf-8-sig")


NOT_IN_NAMES = re.compile(r"[\\/:*?\[\]<>|\"\x00-\x1f]+")
"""Characters Excel refuses in sheet names, or file systems in file names."""


def safe_name(name: str, limit: int = 80) -> str:
    """A sheet or file name made of what any spreadsheet and file system accepts."""
    return NOT_IN_NAMES.sub("-", name).strip(" .'-")[:limit] or "table"


WIDEST = 60
"""Column width (characters) beyond which a column wraps instead of growing."""


def excel_bytes(
    frames: dict[str, pd.DataFrame],
    about: pd.DataFrame | None = None,
    about_name: str = "about",
    *,
    formats: Mapping[str, Sequence[str | None]] | None = None,
    title: Sequence[str] = (),
    properties: Mapping[str, str] | None = None,
) -> bytes:
    """An XLSX workbook with one sheet per table (names made safe and cut to Excel's 31 characters), and
    `about` (what the file holds and where it comes from) as a last sheet. Every sheet has its header row
    frozen and bold, columns as wide as their text (long text wraps); `formats` gives a sheet's number
    format per column; `title` lines open the first sheet; `properties` (title, subject) and the product
    as author go into the file's properties."""
    from openpyxl.styles import Alignment, Font

    buffer = io.BytesIO()
    sheets = {**frames, **({about_name: about} if about is not None else {})}
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for index, (name, frame) in enumerate(sheets.items()):
            top = len(title) + 1 if index == 0 and title else 0
            escape_formulas(frame).to_excel(writer, sheet_name=safe_name(name, 31), index=False, startrow=top)
            sheet = writer.sheets[safe_name(name, 31)]
            if top:
                for row, line in enumerate(title, start=1):
                    cell = sheet.cell(row=row, column=1, value=neutralise(line))
                    cell.font = Font(bold=row == 1, size=14 if row == 1 else 10)
            sheet.freeze_panes = sheet.cell(row=top + 2, column=1)
            for position, column in enumerate(frame.columns, start=1):
                header = sheet.cell(row=top + 1, column=position)
                header.font = Font(bold=True)
                header.alignment = Alignment(wrap_text=True, vertical="top")
                texts = [str(column), *(str(v) for v in frame[column].head(500))]
                width = min(WIDEST, max(8, *(len(text) for text in texts)) + 2)
                letter = header.column_letter
                sheet.column_dimensions[letter].width = width
                number_format = (formats or {}).get(name, [None] * len(frame.columns))[position - 1]
                wrap = max(len(text) for text in texts) > WIDEST
                for cell in sheet[letter][top + 1 :]:
                    if number_format:
                        cell.number_format = number_format
                    if wrap:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        book = writer.book
        book.properties.creator = f"scales {__version__}"
        book.properties.created = dt.datetime.now()
        for key, value in (properties or {}).items():
            setattr(book.properties, key, value)
    return buffer.getvalue()
