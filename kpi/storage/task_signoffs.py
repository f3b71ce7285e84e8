"""The unit head's half-year sign-off of a unit's task progress reports, in storage.

A sign-off of (unit, half-year) covers every report the unit made dated in that
half-year; while it stands no new one may be stored there (`check_open`, run
inside the report's own transaction so a concurrent sign-off cannot slip between).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpi.messages import Explained, say
from kpi.storage.engine import Storage
from kpi.storage.repository import audit
from kpi.storage.task_models import TaskReport, TaskSignoff
from kpi.task_progress import HalfYear

SIGNOFF_COLUMNS = ["unit_code", "period", "reports", "approved_by", "approved_at"]


class SignoffError(Explained, ValueError):
    """A sign-off request that cannot be carried out (`.text(lang)` says why)."""


class HalfYearSignedOff(PermissionError):
    """New reports for (unit, half-year) pairs whose sign-off stands."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        super().__init__(", ".join(f"{u} {p}" for u, p in pairs))
        self.pairs = list(pairs)


def signoffs_frame(storage: Storage, unit_codes: Iterable[str] | None = None) -> pd.DataFrame:
    query = select(*[getattr(TaskSignoff, c) for c in SIGNOFF_COLUMNS]).order_by(
        TaskSignoff.period, TaskSignoff.unit_code
    )
    if unit_codes is not None:
        query = query.where(TaskSignoff.unit_code.in_(list(unit_codes)))
    with storage.reading() as session:
        rows = session.execute(query).all()
    return pd.DataFrame(rows, columns=SIGNOFF_COLUMNS)


def signed_pairs(storage: Storage) -> set[tuple[str, str]]:
    """Every standing sign-off as (unit_code, '2026-H2')."""
    with storage.reading() as session:
        rows = session.execute(select(TaskSignoff.unit_code, TaskSignoff.period)).all()
    return {(str(u), str(p)) for u, p in rows}


def check_open(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    """Refuse reports for half-years their unit head has signed off."""
    wanted = sorted(set(pairs))
    if not wanted:
        return
    stored = set(
        session.execute(
            select(TaskSignoff.unit_code, TaskSignoff.period).where(
                TaskSignoff.period.in_(sorted({p for _u, p in wanted}))
            )
        ).all()
    )
    hit = [pair for pair in wanted if pair in stored]
    if hit:
        raise HalfYearSignedOff(hit)


def _report_count(session: Session, unit_code: str, half: HalfYear) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(TaskReport)
            .where(
                TaskReport.unit_code == unit_code,
                TaskReport.reported_on >= half.start,
                TaskReport.reported_on <= half.end,
            )
        )
        or 0
    )


def approve(storage: Storage, unit_code: str, half: HalfYear, *, actor: str) -> int:
    """Sign off a unit's progress reports of a half-year; returns how many. Audited."""
    period = str(half)
    with storage.writing() as session:
        reports = _report_count(session, unit_code, half)
        if not reports:
            raise SignoffError(say("svc.signoff.nothing", unit=unit_code, half=half))
        if session.get(TaskSignoff, (unit_code, period)) is not None:
            raise SignoffError(say("svc.signoff.already", half=half, unit=unit_code))
        session.add(
            TaskSignoff(unit_code=unit_code, period=period, reports=reports, approved_by=actor)
        )
        audit(
            session,
            actor,
            "tasks.approve",
            unit_code=unit_code,
            detail={"period": period, "reports": reports},
        )
    return reports


def unapprove(storage: Storage, unit_code: str, half: HalfYear, reason: str, *, actor: str) -> None:
    """Withdraw a sign-off with a reason: the unit may report in that half-year again."""
    if not reason.strip():
        raise SignoffError(say("svc.signoff.reason"))
    period = str(half)
    with storage.writing() as session:
        found = session.get(TaskSignoff, (unit_code, period))
        if found is None:
            raise SignoffError(say("svc.signoff.not_signed", half=half, unit=unit_code))
        before = {
            "reports": found.reports,
            "approved_by": found.approved_by,
            "approved_at": found.approved_at.isoformat(),
        }
        session.delete(found)
        audit(
            session,
            actor,
            "tasks.unapprove",
            unit_code=unit_code,
            detail={"period": period, "reason": reason.strip(), **before},
        )
