"""Exports that spreadsheets can open safely: text never runs as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> object:
    """Prefix text that a spreadsheet would evaluate; leave numbers and blanks alone."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_text)
    return out


def _naive_datetimes(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_convert("UTC").dt.tz_localize(None)
    return out


def unambiguous_number(value: float) -> str:
    """Never exactly three decimals: '1.875' would read as a thousands group, so '1.8750'."""
    text = repr(float(value))
    whole, _, frac = text.partition(".")
    if "e" in text or len(frac) != 3:
        return text
    return f"{whole}.{frac}0"


def to_csv_bytes(frame: pd.DataFrame, preface: Sequence[str] = ()) -> bytes:
    """CSV for Excel: UTF-8 with BOM, formula-safe text, numbers our loader reads back.

    `preface` lines (a demo mark) come before the header, one quoted cell each."""
    out = safe_frame(frame)
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].map(lambda v: "" if pd.isna(v) else unambiguous_number(v))
    head = io.StringIO()
    writer = csv.writer(head, lineterminator="\n")
    for line in preface:
        writer.writerow([line])
    return (head.getvalue() + out.to_csv(index=False)).encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _naive_datetimes(safe_frame(frame)).to_excel(writer, index=False, sheet_name=sheet)
    return buffer.getvalue()


def write_export(frame: pd.DataFrame, out: Path, fmt: str) -> None:
    data = to_xlsx_bytes(frame) if fmt == "xlsx" else to_csv_bytes(frame)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
