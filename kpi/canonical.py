"""The canonical long table every loader returns and every commit takes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.fingerprint import COLUMNS, NUMERIC, content_hash
from kpi.periods import parse_quarter, period_code

ROW_COLUMN = "source_row"  # the row number as the officer sees it in Excel
KEY = ["indicator_code", "unit_code", "period"]
__all__ = [
    "COLUMNS",
    "KEY",
    "NUMERIC",
    "ROW_COLUMN",
    "content_hash",
    "empty_frame",
    "period_indexes",
    "with_period",
]


def empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    frame[ROW_COLUMN] = pd.Series(dtype="int64")
    return frame


def period_indexes(periods: pd.Series) -> pd.Series:
    """Quarter index per row of canonical periods, parsing each distinct one once."""
    codes, uniques = pd.factorize(periods)
    indexes = np.array([parse_quarter(str(p)).index for p in uniques], dtype="int64")
    return pd.Series(indexes[codes], index=periods.index, dtype="int64")


def with_period(frame: pd.DataFrame, *, drop_index: bool = False) -> pd.DataFrame:
    """The frame with the external period ('2025-Q3') from its `period_index`, just before
    it: for the edges (JSON, CSV, fingerprints) only; inside, the index is the period."""
    found, uniques = pd.factorize(frame["period_index"])  # each distinct quarter once
    names = np.array([period_code(int(i)) for i in uniques], dtype=object)
    codes = names[found].tolist() if len(names) else []
    out = frame.drop(columns="period", errors="ignore")
    out.insert(list(out.columns).index("period_index"), "period", codes)
    return out.drop(columns="period_index") if drop_index else out
