"""Completeness of the reporting cycle: one state per obligation and quarter, and the
measures DHIS2 reports (expected reports, reports, reports on time, reporting rate,
on-time rate).

A quarter's figures are due `deadline_days` after the quarter ends; `lock_days`
after that deadline the quarter is locked for officers. The date that counts is
the first figure stored for the unit, indicator and quarter, in Vietnam's time.
Demo rows carry no real upload date, so they count as on time. A quarter that is
not yet due and holds no figure is `not_due` and is not expected yet; quarters
before an obligation starts are not listed at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from zoneinfo import ZoneInfo

import pandas as pd

from kpi.obligations import Obligation
from kpi.periods import Quarter
from kpi.text import t

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_FIGURE_COLUMNS = ["unit_code", "indicator_code", "period_index", "submitted_at", "is_demo"]
APPROVAL_COLUMNS = ["unit_code", "period_index", "approved_by", "approved_at"]
MATRIX_COLUMNS = [
    "unit_code",
    "indicator_code",
    "period_index",
    "deadline",
    "state",
    "submitted_at",
    "approved",
    "approved_by",
    "approved_at",
]
MEASURE_COLUMNS = ["expected", "reports", "on_time", "reporting_rate", "on_time_rate"]


class ReportState(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"

    @property
    def icon(self) -> str:
        return {"on_time": "✔", "late": "◐", "missing": "✖", "not_due": "○"}[self.value]

    def word(self, lang: str = "vi") -> str:
        return t(f"report_state.{self.value}", lang)


def deadline(quarter: Quarter, deadline_days: int) -> dt.date:
    """The last day a quarter's figures are on time."""
    return quarter.end + dt.timedelta(days=deadline_days)


def lock_date(quarter: Quarter, deadline_days: int, lock_days: int) -> dt.date:
    """The last day officers may still upload figures for the quarter."""
    return deadline(quarter, deadline_days) + dt.timedelta(days=lock_days)


def is_locked(quarter: Quarter, today: dt.date, deadline_days: int, lock_days: int) -> bool:
    return today > lock_date(quarter, deadline_days, lock_days)


def local_date(value: object) -> dt.date | None:
    """A stored time as a date in Vietnam (naive times are UTC, as stored)."""
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(LOCAL_TZ).date()
    if isinstance(value, dt.date):
        return value
    return local_date(pd.Timestamp(str(value)).to_pydatetime())


def classify(
    submitted: dt.date | None, due: dt.date, today: dt.date, *, is_demo: bool = False
) -> ReportState:
    if submitted is None:
        return ReportState.MISSING if today > due else ReportState.NOT_DUE
    if is_demo or submitted <= due:
        return ReportState.ON_TIME
    return ReportState.LATE


def completeness_matrix(
    obligations: Sequence[Obligation],
    quarters: Sequence[Quarter],
    first_figures: pd.DataFrame,
    approvals: pd.DataFrame,
    *,
    deadline_days: int,
    today: dt.date,
) -> pd.DataFrame:
    """One row per obligation and quarter it covers (MATRIX_COLUMNS).

    `first_figures` has FIRST_FIGURE_COLUMNS (the earliest stored figure of each unit,
    indicator and quarter); `approvals` has APPROVAL_COLUMNS (one per unit and quarter).
    Only figures that are there can be approved.
    """
    ff, ap = first_figures, approvals
    firsts = {
        (str(u), str(c), i): (at, bool(demo))
        for u, c, i, at, demo in zip(
            ff["unit_code"],
            ff["indicator_code"],
            ff["period_index"].astype("int64").tolist(),
            ff["submitted_at"],
            ff["is_demo"],
            strict=True,
        )
    }
    signed = {
        (str(u), i): (str(by), at)
        for u, i, by, at in zip(
            ap["unit_code"],
            ap["period_index"].astype("int64").tolist(),
            ap["approved_by"],
            ap["approved_at"],
            strict=True,
        )
    }
    rows = []
    for quarter in quarters:
        due = deadline(quarter, deadline_days)
        period = quarter.index
        for ob in obligations:
            if not ob.covers(quarter):
                continue
            submitted_at, is_demo = firsts.get(
                (ob.unit_code, ob.indicator_code, period), (None, False)
            )
            state = classify(local_date(submitted_at), due, today, is_demo=is_demo)
            by, at = signed.get((ob.unit_code, period), (None, None))
            approved = submitted_at is not None and by is not None
            rows.append(
                (
                    ob.unit_code,
                    ob.indicator_code,
                    period,
                    due,
                    state.value,
                    submitted_at,
                    approved,
                    by if approved else None,
                    at if approved else None,
                )
            )
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def _rate(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def measures(matrix: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Expected reports, reports, reports on time and both rates (percent, one decimal).

    A report is expected once its deadline has passed or a figure has arrived; `by`
    groups the rows ("unit_code", "indicator_code", "period_index"); None gives one row.
    """
    states = matrix["state"] if not matrix.empty else pd.Series([], dtype="str")
    frame = pd.DataFrame(
        {
            "key": matrix[by].astype(str) if by and not matrix.empty else "",
            "expected": (states != ReportState.NOT_DUE.value).astype(int),
            "reports": states.isin([ReportState.ON_TIME.value, ReportState.LATE.value]).astype(int),
            "on_time": (states == ReportState.ON_TIME.value).astype(int),
        }
    )
    if frame.empty:
        frame = pd.DataFrame({"key": [""], "expected": [0], "reports": [0], "on_time": [0]})
    summed = frame.groupby("key", sort=True)[["expected", "reports", "on_time"]].sum()
    summed["reporting_rate"] = [
        _rate(int(r), int(e)) for r, e in zip(summed["reports"], summed["expected"], strict=True)
    ]
    summed["on_time_rate"] = [
        _rate(int(o), int(e)) for o, e in zip(summed["on_time"], summed["expected"], strict=True)
    ]
    out = summed.reset_index().rename(columns={"key": by or "scope"})
    return out[[by or "scope", *MEASURE_COLUMNS]]


def state_counts(matrix: pd.DataFrame) -> dict[ReportState, int]:
    counts = matrix["state"].value_counts() if not matrix.empty else pd.Series(dtype=int)
    return {state: int(counts.get(state.value, 0)) for state in ReportState}


def unit_quarter_states(matrix: pd.DataFrame) -> pd.DataFrame:
    """The worst state of each unit and quarter (missing, late, not due, on time)."""
    order = [ReportState.MISSING, ReportState.LATE, ReportState.NOT_DUE, ReportState.ON_TIME]
    rank = {s.value: n for n, s in enumerate(order)}
    if matrix.empty:
        return pd.DataFrame(columns=["unit_code", "period_index", "state"])
    ranked = matrix.assign(rank=matrix["state"].map(rank))
    keys = ["unit_code", "period_index"]
    worst = ranked.sort_values("rank").groupby(keys, as_index=False).first()
    return worst[[*keys, "state"]]
