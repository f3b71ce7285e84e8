"""The reporting cycle in storage: obligations, lock exceptions, approvals, reminders sent,
and the checks every upload commit runs inside its transaction (kpi.storage.writes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import case, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kpi.canonical import period_indexes
from kpi.completeness import FIRST_FIGURE_COLUMNS, is_locked, lock_date
from kpi.obligations import Obligation
from kpi.periods import Quarter, parse_quarter
from kpi.storage.engine import Storage
from kpi.storage.models import (
    Approval,
    CurrentValue,
    LockException,
    Measurement,
    ObligationRecord,
    ReminderSent,
    utcnow,
)
from kpi.storage.repository import audit

# The tables hold '2025-Q3'; the frames read from them carry the quarter index instead.
APPROVAL_COLUMNS = ["unit_code", "period", "approved_by", "approved_at"]
LOCK_COLUMNS = ["id", "unit_code", "period", "until", "reason", "opened_by", "opened_at"]
REMINDER_COLUMNS = ["recipient", "reason", "period", "day", "subject", "sent_at"]


class CycleError(ValueError):
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


def open_lock(
    storage: Storage,
    unit_code: str,
    quarter: Quarter,
    until: dt.date,
    reason: str,
    *,
    actor: str,
) -> int:
    if not reason.strip():
        raise CycleError("cần ghi lý do mở khóa (--reason)")
    with storage.writing() as session:
        record = LockException(
            unit_code=unit_code,
            period=str(quarter),
            until=until,
            reason=reason.strip(),
            opened_by=actor,
        )
        session.add(record)
        session.flush()
        audit(
            session,
            actor,
            "lock.open",
            unit_code=unit_code,
            detail={"period": str(quarter), "until": until.isoformat(), "reason": reason.strip()},
        )
        return int(record.id)


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


def approve(storage: Storage, unit_code: str, quarter: Quarter, *, actor: str) -> int:
    """Sign off a unit's quarter; returns how many figures it covers. Audited."""
    period = str(quarter)
    with storage.writing() as session:
        figures = session.scalar(
            select(func.count())
            .select_from(CurrentValue)
            .where(CurrentValue.period == period, CurrentValue.unit_code == unit_code)
        )
        if not figures:
            raise CycleError(f"đơn vị {unit_code} chưa có số liệu {quarter.label} để phê duyệt")
        if session.get(Approval, (unit_code, period)) is not None:
            raise CycleError(f"số liệu {quarter.label} của {unit_code} đã được phê duyệt")
        session.add(Approval(unit_code=unit_code, period=period, approved_by=actor))
        audit(
            session,
            actor,
            "approval.approve",
            unit_code=unit_code,
            detail={"period": period, "figures": int(figures)},
        )
    return int(figures)


def unapprove(
    storage: Storage, unit_code: str, quarter: Quarter, reason: str, *, actor: str
) -> None:
    """Withdraw a sign-off with a reason: the figures can be changed again. Audited."""
    if not reason.strip():
        raise CycleError("cần ghi lý do hủy phê duyệt (--reason)")
    period = str(quarter)
    with storage.writing() as session:
        found = session.get(Approval, (unit_code, period))
        if found is None:
            raise CycleError(f"số liệu {quarter.label} của {unit_code} chưa được phê duyệt")
        before = {"approved_by": found.approved_by, "approved_at": found.approved_at.isoformat()}
        session.delete(found)
        audit(
            session,
            actor,
            "approval.unapprove",
            unit_code=unit_code,
            detail={"period": period, "reason": reason.strip(), **before},
        )


# ---- reads for completeness ----------------------------------------------------------


def first_figures(storage: Storage, since_index: int | None = None) -> pd.DataFrame:
    """Per unit, indicator and quarter: when its first figure was stored, and if demo."""
    query = select(
        Measurement.unit_code,
        Measurement.indicator_code,
        Measurement.period_index,
        func.min(Measurement.created_at).label("submitted_at"),
        # max(boolean) does not exist in PostgreSQL: count demo rows instead.
        func.max(case((Measurement.is_demo, 1), else_=0)).label("is_demo"),
    ).group_by(Measurement.unit_code, Measurement.indicator_code, Measurement.period_index)
    if since_index is not None:
        query = query.where(Measurement.period_index >= since_index)
    with storage.reading() as session:
        rows = session.execute(query).all()
    frame = pd.DataFrame(rows, columns=FIRST_FIGURE_COLUMNS)
    frame["is_demo"] = frame["is_demo"].astype(bool)
    return frame


def figure_counts(storage: Storage, since_index: int | None = None) -> pd.DataFrame:
    """How many current figures each unit holds per quarter (unit_code, period_index,
    figures)."""
    query = select(
        CurrentValue.unit_code, CurrentValue.period_index, func.count().label("figures")
    ).group_by(CurrentValue.unit_code, CurrentValue.period_index)
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


# ---- the checks of an upload commit --------------------------------------------------


@dataclass(frozen=True)
class LockRule:
    """How the deadline lock applies to one commit.

    `enforce` is False for an administrator at the command line: locked quarters are
    then written anyway and the override is audited.
    """

    today: dt.date
    deadline_days: int
    lock_days: int
    enforce: bool = True
    contact: str = ""


class QuarterLockedError(PermissionError):
    """Figures for a quarter locked after its deadline, or signed off by the unit head."""

    def __init__(self, message: str, blocked: list[dict[str, str]]) -> None:
        super().__init__(message)
        self.blocked = blocked


def _pairs(frame: pd.DataFrame) -> list[tuple[str, str]]:
    pairs = frame[["unit_code", "period"]].astype(str).drop_duplicates()
    return sorted(pairs.itertuples(index=False, name=None))


def check_approved(session: Session, frame: pd.DataFrame) -> None:
    """Refuse figures of a unit's quarter that its head has approved."""
    pairs = _pairs(frame)
    periods = sorted({p for _u, p in pairs})
    approved = set(
        session.execute(
            select(Approval.unit_code, Approval.period).where(Approval.period.in_(periods))
        ).all()
    )
    hit = [(u, p) for u, p in pairs if (u, p) in approved]
    if hit:
        names = "; ".join(f"{parse_quarter(p).label} của {u}" for u, p in hit)
        raise QuarterLockedError(
            f"số liệu {names} đã được thủ trưởng đơn vị phê duyệt và bị khóa; "
            "người phê duyệt hoặc quản trị cần hủy phê duyệt (kpi unapprove) trước khi sửa",
            [{"unit_code": u, "period": p, "why": "approved"} for u, p in hit],
        )


def locked_pairs(session: Session, frame: pd.DataFrame, rule: LockRule) -> list[tuple[str, str]]:
    """(unit, quarter) pairs of the frame that are locked today and have no open exception."""
    pairs = [
        (u, p)
        for u, p in _pairs(frame)
        if is_locked(parse_quarter(p), rule.today, rule.deadline_days, rule.lock_days)
    ]
    if not pairs:
        return []
    opened = set(
        session.execute(
            select(LockException.unit_code, LockException.period).where(
                LockException.period.in_(sorted({p for _u, p in pairs})),
                LockException.until >= rule.today,
            )
        ).all()
    )
    return [pair for pair in pairs if pair not in opened]


def check_locks(session: Session, frame: pd.DataFrame, rule: LockRule, actor: str) -> None:
    """Refuse locked quarters, or (an admin at the CLI) write them and audit the override."""
    locked = locked_pairs(session, frame, rule)
    if not locked:
        return
    detail = [
        {
            "unit_code": u,
            "period": p,
            "locked_since": (
                lock_date(parse_quarter(p), rule.deadline_days, rule.lock_days)
                + dt.timedelta(days=1)
            ).isoformat(),
        }
        for u, p in locked
    ]
    if not rule.enforce:
        audit(
            session,
            actor,
            "upload.lock_override",
            detail={"quarters": detail, "at": utcnow().isoformat()},
        )
        return
    names = "; ".join(
        f"{parse_quarter(d['period']).label} của {d['unit_code']} "
        f"(khóa từ {_day(d['locked_since'])})"
        for d in detail
    )
    contact = f" — liên hệ {rule.contact}" if rule.contact else ""
    raise QuarterLockedError(
        f"đã quá hạn nộp, số liệu {names} đã bị khóa; chỉ quản trị hệ thống mở được ngoại lệ "
        f"(kpi locks open){contact}",
        [{**d, "why": "locked"} for d in detail],
    )


def _day(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
