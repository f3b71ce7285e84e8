"""Who reported which quarter, and when: the unit × quarter submissions matrix.

A quarter's report is due `deadline_days` after the quarter ends (setting
KPI_DEADLINE_DAYS, default 15). A unit has submitted a quarter when it has at
least one stored figure for it; the date that counts is the first upload. Demo
rows carry no real upload date, so they count as on time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum

import pandas as pd

from kpi.periods import Quarter, local_today
from kpi.text import t

DEFAULT_DEADLINE_DAYS = 15
FIRST_SUBMISSION_COLUMNS = ["unit_code", "period_index", "submitted_at", "is_demo"]
MATRIX_COLUMNS = ["unit_code", "period_index", "deadline", "submitted_at", "state"]


class SubmissionState(StrEnum):
    SUBMITTED = "submitted"  # on or before the deadline
    LATE = "late"  # after the deadline
    MISSING = "missing"  # deadline passed, nothing stored
    PENDING = "pending"  # not yet due, nothing stored

    @property
    def icon(self) -> str:
        return {"submitted": "✔", "late": "◐", "missing": "✖", "pending": "○"}[self.value]

    @property
    def vi(self) -> str:
        return t(f"submission.{self.value}", "vi")

    @property
    def en(self) -> str:
        return t(f"submission.{self.value}", "en")


def deadline(period: Quarter, deadline_days: int = DEFAULT_DEADLINE_DAYS) -> dt.date:
    """The last day a quarter's report is on time."""
    return period.end + dt.timedelta(days=deadline_days)


def _as_date(value: object) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(str(value)).date()


def classify(
    submitted_at: dt.date | None, due: dt.date, today: dt.date, *, is_demo: bool = False
) -> SubmissionState:
    if submitted_at is None:
        return SubmissionState.MISSING if today > due else SubmissionState.PENDING
    if is_demo or submitted_at <= due:
        return SubmissionState.SUBMITTED
    return SubmissionState.LATE


def submission_matrix(
    first_submissions: pd.DataFrame,
    unit_codes: Sequence[str],
    periods: Sequence[Quarter],
    *,
    deadline_days: int = DEFAULT_DEADLINE_DAYS,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """One row per (unit, period): deadline, first submission date and state.

    `first_submissions` has FIRST_SUBMISSION_COLUMNS: the earliest stored figure
    of each unit and period (see kpi.storage.queries.first_submissions).
    """
    today = today or local_today()
    known: dict[tuple[str, int], tuple[dt.date | None, bool]] = {}
    fs = first_submissions
    for unit, index, at, demo in zip(
        fs["unit_code"],
        fs["period_index"].astype("int64").tolist(),
        fs["submitted_at"],
        fs["is_demo"],
        strict=True,
    ):
        known[(str(unit), index)] = (_as_date(at), bool(demo))
    rows = []
    for unit in unit_codes:
        for period in periods:
            due = deadline(period, deadline_days)
            submitted, is_demo = known.get((unit, period.index), (None, False))
            state = classify(submitted, due, today, is_demo=is_demo)
            rows.append((unit, period.index, due, submitted, state.value))
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def matrix_counts(matrix: pd.DataFrame) -> dict[SubmissionState, int]:
    counts = matrix["state"].value_counts()
    return {state: int(counts.get(state.value, 0)) for state in SubmissionState}


def matrix_wide(matrix: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """Units down, quarters across ('Quý 3/2025'), each cell an icon and a word."""
    if matrix.empty:
        return pd.DataFrame()
    order = sorted(int(i) for i in matrix["period_index"].unique())

    def cell(state: str) -> str:
        status = SubmissionState(state)
        return f"{status.icon} {status.en if lang == 'en' else status.vi}"

    wide = matrix.assign(cell=matrix["state"].map(cell)).pivot(
        index="unit_code", columns="period_index", values="cell"
    )
    wide = wide[order]
    wide.columns = [Quarter.from_index(i).name(lang) for i in order]
    return wide
