"""The reporting cycle in storage: obligations, lock exceptions, approvals, reminders sent.
The checks every upload commit runs inside its transaction are kpi.services.locks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

import pandas as pd
from sqlalchemy import Select, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kpi.canonical import period_indexes
from kpi.completeness import FIRST_FIGURE_COLUMNS
from kpi.messages import Explained
from kpi.obligations import Obligation
from kpi.periods import parse_quarter
from kpi.storage.engine import Storage
from kpi.storage.models import (
    Approval,
    CurrentValue,
    LockException,
    ObligationRecord,
    ReminderSent,
)
from kpi.storage.queries import first_stored
from kpi.storage.repository import audit

# The tables hold '2025-Q3'; the frames read from them carry the quarter index instead.
APPROVAL_COLUMNS = ["unit_code", "period", "approved_by", "approved_at"]
LOCK_COLUMNS = ["id", "unit_code", "period", "until", "reason", "opened_by", "opened_at"]
REMINDER_COLUMNS = ["recipient", "reason", "period", "day", "subject", "sent_at"]


class CycleError(Explained, ValueError):
    """A request of the reporting cycle that cannot be carried out (the message says why)."""


# ---- obligations ---------------------------------------------------------------------


def stored_obligations(storage: Storage) -> list[Obligation]:
    with storage.reading() as session:
        rows = session.scalars(select(ObligationRecord)).all()
    return [
        Obligation(
            r.unit_code,
            r.indicator_code,
            parse_quarter(r.from_period) if r.from_period else None,
            parse_quarter(r.to_period) if r.to_period else None,
            "import",
        )
        for r in rows
    ]


def save_obligations(storage: Storage, rows: Sequence[Obligation], *, actor: str) -> int:
    """Add or replace imported obligations (one per unit and indicator); audited."""
    with storage.writing() as session:
        existing = {
            (r.unit_code, r.indicator_code): r for r in session.scalars(select(ObligationRecord))
        }
        for ob in rows:
            record = existing.get(ob.key)
            first = str(ob.first) if ob.first else None
            last = str(ob.last) if ob.last else None
            if record is None:
                session.add(
                    ObligationRecord(
                        unit_code=ob.unit_code,
                        indicator_code=ob.indicator_code,
                        from_period=first,
                        to_period=last,
                        created_by=actor,
                    )
                )
            else:
                record.from_period, record.to_period, record.created_by = first, last, actor
        audit(
            session,
            actor,
            "obligations.import",
            detail={"rows": len(rows), "units": sorted({o.unit_code for o in rows})},
        )
    return len(rows)


# ---- lock exceptions -----------------------------------------------------------------


class SqlLocks:
    def __init__(self, session: Session) -> None:
        self.session = session

    def open(self, unit_code: str, period: str, until: dt.date, reason: str, opened_by: str) -> int:
        record = LockException(
            unit_code=unit_code, period=period, until=until, reason=reason, opened_by=opened_by
        )
        self.session.add(record)
        self.session.flush()
        return int(record.id)

    def opened(self, periods: Collection[str], today: dt.date) -> set[tuple[str, str]]:
        query = select(LockException.unit_code, LockException.period).where(
            LockException.period.in_(sorted(periods)), LockException.until >= today
        )
        return {(str(u), str(p)) for u, p in self.session.execute(query)}


def locks_frame(storage: Storage) -> pd.DataFrame:
    query = select(*[getattr(LockException, c) for c in LOCK_COLUMNS]).order_by(
        LockException.id.desc()
    )
    with storage.reading() as session:
        rows = session.execute(query).all()
    return _indexed(pd.DataFrame(rows, columns=LOCK_COLUMNS))


def _indexed(frame: pd.DataFrame) -> pd.DataFrame:
    """The stored '2025-Q3' read once into `period_index`, in the same column place."""
    place = list(frame.columns).index("period")
    frame.insert(place, "period_index", period_indexes(frame["period"]))
    return frame.drop(columns="period")


# ---- approvals -----------------------------------------------------------------------


def approvals_frame(storage: Storage, unit_codes: Sequence[str] | None = None) -> pd.DataFrame:
    query = select(*[getattr(Approval, c) for c in APPROVAL_COLUMNS])
    if unit_codes is not None:
        query = query.where(Approval.unit_code.in_(list(unit_codes)))
    with storage.reading() as session:
        rows = session.execute(query).all()
    return _indexed(pd.DataFrame(rows, columns=APPROVAL_COLUMNS))


class SqlApprovals:
    def __init__(self, session: Session) -> None:
        self.session = session

    def figures(self, unit_code: str, period: str) -> int:
        query = _figure_counts().where(
            CurrentValue.period == period, CurrentValue.unit_code == unit_code
        )
        row = self.session.execute(query).first()
        return int(row.figures) if row else 0

    def get(self, unit_code: str, period: str) -> tuple[str, dt.datetime] | None:
        found = self.session.get(Approval, (unit_code, period))
        return None if found is None else (found.approved_by, found.approved_at)

    def add(self, unit_code: str, period: str, approved_by: str) -> None:
        self.session.add(Approval(unit_code=unit_code, period=period, approved_by=approved_by))

    def remove(self, unit_code: str, period: str) -> None:
        self.session.execute(
            delete(Approval).where(Approval.unit_code == unit_code, Approval.period == period)
        )

    def approved(self, periods: Collection[str]) -> set[tuple[str, str]]:
        query = select(Approval.unit_code, Approval.period)
        query = query.where(Approval.period.in_(sorted(periods)))
        return {(str(u), str(p)) for u, p in self.session.execute(query)}


# ---- reads for completeness ----------------------------------------------------------


def first_figures(
    storage: Storage,
    since_index: int | None = None,
    *,
    until_index: int | None = None,
    unit_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Per unit, indicator and quarter: when its first figure was stored, and if demo."""
    keys = [c for c in FIRST_FIGURE_COLUMNS if c not in ("submitted_at", "is_demo")]
    return first_stored(storage, keys, since_index, until_index=until_index, unit_codes=unit_codes)


def _figure_counts() -> Select[str, int, int]:
    """The one count of current figures per unit and quarter."""
    return select(
        CurrentValue.unit_code, CurrentValue.period_index, func.count().label("figures")
    ).group_by(CurrentValue.unit_code, CurrentValue.period_index)


def figure_counts(storage: Storage, since_index: int | None = None) -> pd.DataFrame:
    """How many current figures each unit holds per quarter (unit_code, period_index, figures)."""
    query = _figure_counts()
    if since_index is not None:
        query = query.where(CurrentValue.period_index >= since_index)
    with storage.reading() as session:
        rows = session.execute(query).all()
    return pd.DataFrame(rows, columns=["unit_code", "period_index", "figures"])


# ---- reminders sent ------------------------------------------------------------------


def reminders_sent(storage: Storage, day: dt.date | None = None) -> pd.DataFrame:
    query = select(*[getattr(ReminderSent, c) for c in REMINDER_COLUMNS]).order_by(ReminderSent.id)
    if day is not None:
        query = query.where(ReminderSent.day == day)
    with storage.reading() as session:
        rows = session.execute(query).all()
    return pd.DataFrame(rows, columns=REMINDER_COLUMNS)


def claim_reminder(
    storage: Storage, recipient: str, reason: str, period: str, day: dt.date, subject: str
) -> bool:
    """Record a reminder before it is sent; False if the same one is already recorded,
    so two runs the same day (even at once) never send it twice."""
    try:
        with storage.writing() as session:
            session.add(
                ReminderSent(
                    recipient=recipient, reason=reason, period=period, day=day, subject=subject
                )
            )
    except IntegrityError:
        return False
    return True


def release_reminder(
    storage: Storage, recipient: str, reason: str, period: str, day: dt.date
) -> None:
    """Forget a claimed reminder whose delivery failed, so the next run tries again."""
    with storage.writing() as session:
        session.execute(
            delete(ReminderSent).where(
                ReminderSent.recipient == recipient,
                ReminderSent.reason == reason,
                ReminderSent.period == period,
                ReminderSent.day == day,
            )
        )
