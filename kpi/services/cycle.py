"""Use cases of the reporting cycle: import obligations, open lock exceptions, approve
and unapprove a unit's quarter, and what waits for sign-off.

Scopes are checked here and the locks themselves inside the upload commit
(kpi.services.locks), so the CLI and the dashboard follow one rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import pandas as pd

from kpi.access import Viewer
from kpi.catalogue import Catalogue
from kpi.completeness import deadline, is_locked, lock_date
from kpi.messages import say
from kpi.obligations import Obligation, obligation_records, parse_obligations
from kpi.periods import PeriodError, Quarter, local_today, parse_quarter
from kpi.services.locks import LockRule, QuarterLockedError
from kpi.services.ports import Store, UnitOfWork
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.cycle import (
    CycleError,
    approvals_frame,
    figure_counts,
    locks_frame,
    save_obligations,
)
from kpi.storage.repository import unit_registry

__all__ = [
    "CycleError",
    "LockRule",
    "QuarterLockedError",
    "approvals_frame",
    "approve",
    "import_obligations",
    "lock_rule",
    "locks_frame",
    "open_lock",
    "pending_approvals",
    "quarter_lock_info",
    "unapprove",
    "unapproved_count",
]


def _unit(uow: UnitOfWork, ref: str) -> str:
    unit = uow.units.registry().resolve(ref)
    if unit is None:
        raise CycleError(say("svc.no_unit", ref=ref))
    return unit.code


def _quarter(text: str | Quarter) -> Quarter:
    """A quarter typed by a person is read here; the dashboard passes a Quarter."""
    if isinstance(text, Quarter):
        return text
    try:
        return parse_quarter(text)
    except PeriodError as exc:
        raise CycleError(str(exc)) from exc


def import_obligations(
    storage: Storage, catalogue: Catalogue, text: str, *, actor: str
) -> list[dict[str, str | None]]:
    """Read an obligations CSV and store every row (all or none); returns the rows."""
    rows: list[Obligation] = parse_obligations(text, catalogue, unit_registry(storage))
    save_obligations(storage, rows, actor=actor)
    return obligation_records(rows)


def lock_rule(
    settings: Settings, *, enforce: bool = True, today: dt.date | None = None
) -> LockRule:
    """The deadline lock of the settings, for one commit."""
    return LockRule(
        today=today or local_today(),
        deadline_days=settings.deadline_days,
        lock_days=settings.lock_days,
        enforce=enforce,
        contact=settings.admin_contact,
    )


def quarter_lock_info(quarter: Quarter, settings: Settings, today: dt.date) -> dict[str, object]:
    """Deadline, last day open to officers, and whether the quarter is locked today."""
    return {
        "deadline": deadline(quarter, settings.deadline_days),
        "open_until": lock_date(quarter, settings.deadline_days, settings.lock_days),
        "locked": is_locked(quarter, today, settings.deadline_days, settings.lock_days),
    }


def open_lock(
    store: Store, unit: str, period: str | Quarter, until: str | dt.date, reason: str, *, actor: str
) -> int:
    """An administrator lets the unit's officers upload a locked quarter until a day."""
    try:
        day = until if isinstance(until, dt.date) else dt.date.fromisoformat(until.strip())
    except ValueError as exc:
        raise CycleError(say("svc.cycle.bad_day", until=until)) from exc
    with store.unit_of_work() as uow:
        code, quarter = _unit(uow, unit), _quarter(period)
        if not reason.strip():
            raise CycleError(say("svc.cycle.open_reason"))
        lock_id = uow.locks.open(code, str(quarter), day, reason.strip(), opened_by=actor)
        uow.audit.add(
            actor,
            "lock.open",
            unit_code=code,
            detail={"period": str(quarter), "until": day.isoformat(), "reason": reason.strip()},
        )
        uow.commit()
    return lock_id


def _may_approve(viewer: Viewer, unit_code: str) -> None:
    scope = viewer.approve_scope()
    if scope is not None and unit_code not in scope:
        raise CycleError(say("svc.cycle.may_not_approve", email=viewer.email, unit=unit_code))


def approve(store: Store, viewer: Viewer, unit: str, period: str | Quarter) -> int:
    """The unit head signs off the unit's quarter; returns how many figures it covers."""
    with store.unit_of_work() as uow:
        code = _unit(uow, unit)
        _may_approve(viewer, code)
        quarter = _quarter(period)
        figures = uow.approvals.figures(code, str(quarter))
        if not figures:
            raise CycleError(say("svc.cycle.nothing_to_approve", unit=code, quarter=quarter))
        if uow.approvals.get(code, str(quarter)) is not None:
            raise CycleError(say("svc.cycle.already_approved", quarter=quarter, unit=code))
        uow.approvals.add(code, str(quarter), approved_by=viewer.email)
        uow.audit.add(
            viewer.email,
            "approval.approve",
            unit_code=code,
            detail={"period": str(quarter), "figures": figures},
        )
        uow.commit()
    return figures


def unapprove(store: Store, viewer: Viewer, unit: str, period: str | Quarter, reason: str) -> None:
    """Withdraw a sign-off with a reason: the figures can be changed again. Audited."""
    with store.unit_of_work() as uow:
        code = _unit(uow, unit)
        _may_approve(viewer, code)
        quarter = _quarter(period)
        if not reason.strip():
            raise CycleError(say("svc.cycle.unapprove_reason"))
        found = uow.approvals.get(code, str(quarter))
        if found is None:
            raise CycleError(say("svc.cycle.not_approved", quarter=quarter, unit=code))
        uow.approvals.remove(code, str(quarter))
        by, at = found
        uow.audit.add(
            viewer.email,
            "approval.unapprove",
            unit_code=code,
            detail={
                "period": str(quarter),
                "reason": reason.strip(),
                "approved_by": by,
                "approved_at": at.isoformat(),
            },
        )
        uow.commit()


PENDING_COLUMNS = ["unit_code", "period_index", "figures"]


def pending_approvals(
    storage: Storage, scope: Collection[str] | None = None, since: Quarter | None = None
) -> pd.DataFrame:
    """Unit quarters holding figures and no sign-off (within `scope`; None: every unit),
    oldest quarter first."""
    counts = figure_counts(storage, since.index if since else None)
    if scope is not None:
        counts = counts[counts["unit_code"].isin(list(scope))]
    done = _signed(approvals_frame(storage))
    keys = zip(counts["unit_code"], counts["period_index"], strict=True)
    keep = [(str(u), int(i)) not in done for u, i in keys]
    pending = counts[keep] if len(counts) else counts
    return pending.sort_values(["period_index", "unit_code"])[PENDING_COLUMNS].reset_index(
        drop=True
    )


def _signed(approvals: pd.DataFrame) -> set[tuple[str, int]]:
    """(unit, quarter index) pairs its head has approved."""
    pairs = zip(approvals["unit_code"], approvals["period_index"], strict=True)
    return {(str(u), int(i)) for u, i in pairs}


def unapproved_count(storage: Storage, frame: pd.DataFrame) -> int:
    """How many figures of a current-values frame their unit head has not approved."""
    if frame.empty:
        return 0
    done = _signed(approvals_frame(storage, sorted(frame["unit_code"].astype(str).unique())))
    if not done:
        return len(frame)
    # one hashed lookup per figure: a national half-year holds a hundred thousand
    keys = pd.MultiIndex.from_arrays(
        [frame["unit_code"].astype(str), frame["period_index"].astype("int64")]
    )
    return int((~keys.isin(pd.MultiIndex.from_tuples(sorted(done)))).sum())
