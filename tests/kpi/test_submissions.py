"""The submissions matrix: deadline rule, on time / late / missing / not yet due."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kpi.periods import Quarter
from kpi.submissions import (
    FIRST_SUBMISSION_COLUMNS,
    SubmissionState,
    classify,
    deadline,
    matrix_counts,
    matrix_wide,
    submission_matrix,
)

Q2, Q3 = Quarter(2025, 2), Quarter(2025, 3)


@pytest.mark.parametrize(
    ("days", "expected"),
    [(15, dt.date(2025, 10, 15)), (0, dt.date(2025, 9, 30)), (30, dt.date(2025, 10, 30))],
)
def test_deadline_counts_days_after_quarter_end(days: int, expected: dt.date) -> None:
    assert deadline(Q3, days) == expected


@pytest.mark.parametrize(
    ("submitted", "today", "is_demo", "state"),
    [
        (dt.date(2025, 10, 15), dt.date(2025, 12, 1), False, SubmissionState.SUBMITTED),
        (dt.date(2025, 10, 16), dt.date(2025, 12, 1), False, SubmissionState.LATE),
        (None, dt.date(2025, 10, 16), False, SubmissionState.MISSING),
        (None, dt.date(2025, 10, 15), False, SubmissionState.PENDING),
        (dt.date(2026, 3, 1), dt.date(2026, 3, 2), True, SubmissionState.SUBMITTED),
    ],
)
def test_classify_boundaries(
    submitted: dt.date | None, today: dt.date, is_demo: bool, state: SubmissionState
) -> None:
    assert classify(submitted, deadline(Q3), today, is_demo=is_demo) is state


def test_matrix_covers_every_unit_and_quarter() -> None:
    first = pd.DataFrame(
        {
            "unit_code": ["A", "A", "B"],
            "period_index": [Q2.index, Q3.index, Q2.index],
            "submitted_at": [
                pd.Timestamp("2025-07-10", tz="UTC"),
                pd.Timestamp("2025-11-02", tz="UTC"),
                pd.Timestamp("2025-07-20", tz="UTC"),
            ],
            "is_demo": [False, False, False],
        }
    )
    periods = [Quarter(2025, 2), Quarter(2025, 3), Quarter(2025, 4)]
    matrix = submission_matrix(
        first, ["A", "B", "C"], periods, deadline_days=15, today=dt.date(2025, 11, 5)
    )
    assert len(matrix) == 9
    state = {
        (r.unit_code, str(Quarter.from_index(r.period_index))): r.state for r in matrix.itertuples()
    }
    assert state[("A", "2025-Q2")] == "submitted"
    assert state[("A", "2025-Q3")] == "late"
    assert state[("B", "2025-Q2")] == "late"
    assert state[("B", "2025-Q3")] == "missing"
    assert state[("C", "2025-Q4")] == "pending"
    counts = matrix_counts(matrix)
    assert counts[SubmissionState.MISSING] == 3  # B and C in Q3, C in Q2
    assert sum(counts.values()) == 9


def test_deadline_setting_changes_the_verdict() -> None:
    first = pd.DataFrame(
        {
            "unit_code": ["A"],
            "period_index": [Q3.index],
            "submitted_at": [dt.datetime(2025, 10, 25)],
            "is_demo": [False],
        }
    )
    strict = submission_matrix(first, ["A"], [Q3], deadline_days=15, today=dt.date(2025, 12, 1))
    lenient = submission_matrix(first, ["A"], [Q3], deadline_days=30, today=dt.date(2025, 12, 1))
    assert strict["state"].tolist() == ["late"]
    assert lenient["state"].tolist() == ["submitted"]


def test_wide_matrix_labels_quarters_and_words() -> None:
    matrix = submission_matrix(
        pd.DataFrame(columns=FIRST_SUBMISSION_COLUMNS),
        ["A"],
        [Quarter(2025, 2), Quarter(2025, 3)],
        today=dt.date(2025, 10, 1),
    )
    wide = matrix_wide(matrix, "vi")
    assert list(wide.columns) == ["Quý 2/2025", "Quý 3/2025"]
    assert wide.loc["A", "Quý 2/2025"] == "✖ Chưa nộp"
    assert wide.loc["A", "Quý 3/2025"] == "○ Chưa đến hạn"
    assert matrix_wide(matrix, "en").loc["A", "Q2 2025"] == "✖ Missing"
