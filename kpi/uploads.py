"""What one upload commit records and how its rows compare with the stored figures.

Pure: the upload service (kpi.services.commit) and storage both use these types.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kpi.canonical import KEY
from kpi.canonical import NUMERIC as VALUE_COLUMNS
from kpi.text import t

# what the commit compares a file with: the current figure of each key, and its revision
STORED_COLUMNS = [*KEY, *VALUE_COLUMNS, "revision"]
OLD_COLUMNS = [*VALUE_COLUMNS, "revision"]


@dataclass(frozen=True)
class UploadMeta:
    file_name: str
    sha256: str
    size_bytes: int
    content_hash: str
    note: str | None = None
    is_demo: bool = False
    # figures that jumped against the previous quarter and were confirmed with the note
    confirmed_outliers: list[dict[str, Any]] = field(default_factory=list)
    content: bytes | None = None  # the uploaded bytes, kept once per SHA-256
    problem_count: int = 0


@dataclass(frozen=True)
class RowCounts:
    """How the rows of one attempt compare with what is stored."""

    total: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0


def _same(a: pd.Series, b: pd.Series) -> pd.Series:
    both_na = a.isna() & b.isna()
    close = np.isclose(a.fillna(-1.0), b.fillna(-2.0), rtol=0, atol=1e-9)
    return both_na | pd.Series(close, index=a.index)


def classify_rows(frame: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """Join the file with current values; adds `state` (new/changed/unchanged) and `revision`."""
    if current.empty:  # a first report for these quarters: every row is new
        return frame.assign(**{f"old_{c}": np.nan for c in OLD_COLUMNS}, state="new", revision=1)
    cur = current[STORED_COLUMNS].rename(columns={c: f"old_{c}" for c in OLD_COLUMNS})
    merged = frame.merge(cur, on=KEY, how="left")
    is_new = merged["old_revision"].isna()
    same = pd.Series(True, index=merged.index)
    for column in VALUE_COLUMNS:
        same &= _same(merged[column].astype("float64"), merged[f"old_{column}"].astype("float64"))
    merged["state"] = np.where(is_new, "new", np.where(same, "unchanged", "changed"))
    merged["revision"] = merged["old_revision"].fillna(0).astype("int64") + 1
    return merged


def row_counts(merged: pd.DataFrame) -> RowCounts:
    states = merged["state"].value_counts()
    return RowCounts(
        total=len(merged),
        new=int(states.get("new", 0)),
        changed=int(states.get("changed", 0)),
        unchanged=int(states.get("unchanged", 0)),
    )


def outside_scope(frame: pd.DataFrame, allowed_units: Collection[str] | None) -> list[str]:
    """Units in the frame that the acting user may not write for (None: no limit)."""
    if allowed_units is None:
        return []
    return sorted(set(frame["unit_code"].astype(str)) - set(allowed_units))


SHOWN_ROWS = 10  # row numbers listed in a notice; the count says how many in all


def value_only_notice(rows: Sequence[int], lang: str = "vi") -> str | None:
    """Before commit: rows with a value but no counts are not summed into parent figures."""
    if not rows:
        return None
    listed = ", ".join(str(r) for r in rows[:SHOWN_ROWS]) + ("…" if len(rows) > SHOWN_ROWS else "")
    return t("value_only_rows", lang, n=len(rows), rows=listed)
