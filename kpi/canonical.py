"""The canonical long table every loader returns and every commit takes."""

from __future__ import annotations

import hashlib

import pandas as pd

COLUMNS = ["indicator_code", "unit_code", "period", "value", "numerator", "denominator", "note"]
ROW_COLUMN = "source_row"  # the row number as the officer sees it in Excel
KEY = ["indicator_code", "unit_code", "period"]


def empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    frame[ROW_COLUMN] = pd.Series(dtype="int64")
    return frame


def content_hash(frame: pd.DataFrame) -> str:
    """Hash of the normalised content: same figures in any order or format -> same hash."""
    cols = [c for c in COLUMNS if c in frame.columns]
    data = frame[cols].copy()
    for column in ("value", "numerator", "denominator"):
        if column in data:
            data[column] = pd.to_numeric(data[column], errors="coerce").round(6)
    data = data.astype(object).where(data.notna(), "")
    lines = sorted("\x1f".join(str(v) for v in row) for row in data.itertuples(index=False))
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
