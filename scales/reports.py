"""Export bytes for every table: CSV the way Belgian Excel opens it, and XLSX; user text made safe."""

from __future__ import annotations

import io

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with an apostrophe (CSV injection)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v
            )
    safe.columns = [("'" + c if isinstance(c, str) and c.startswith(FORMULA_START) else c) for c in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame, lang: str = "nl") -> bytes:
    """CSV with a BOM; Dutch: `;` separator and decimal comma (what Excel in Belgium expects)."""
    separator, decimal = (";", ",") if lang == "nl" else (",", ".")
    return escape_formulas(frame).to_csv(index=False, sep=separator, decimal=decimal).encode("utf-8-sig")


def excel_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook with one sheet per table (sheet names cut to Excel's 31 characters)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            escape_formulas(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()
