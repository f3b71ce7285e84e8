"""Use cases of the reporting cycle: import obligations, open lock exceptions, approve
and unapprove a unit's quarter, and what waits for sign-off.

Scopes are checked here and the locks themselves inside the upload commit
(kpi.storage.writes), so the CLI and the dashboard follow one rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import pandas as pd

from kpi.access import Viewer
from kpi.catalogue import Catalogue
from kpi.completeness import deadline, is_locked, lock_date
from kpi.obligations import Obligation, obligation_records, parse_obligations
from kpi.periods import PeriodError, Quarter, parse_quarter
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.cycle import (
    CycleError,
    LockRule,
    QuarterLockedError,
    approvals_frame,
    figure_counts,
    locks_frame,
    save_obligations,
)
from kpi.storage.cycle import approve as store_approval
from kpi.storage.cycle import open_lock as store_lock
from kpi.storage.cycle import unapprove as store_unapproval
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


def _unit(storage: Storage, ref: str) -> str:
    unit = unit_registry(storage).resolve(ref)
    if unit is None:
        raise CycleError(f"không có đơn vị '{ref}'")
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
        today=today or dt.date.today(),
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
    storage: Storage,
    unit: str,
    period: str | Quarter,
    until: str | dt.date,
    reason: str,
    *,
    actor: str,
) -> int:
    """An administrator lets the unit's officers upload a locked quarter until a day."""
    try:
        day = until if isinstance(until, dt.date) else dt.date.fromisoformat(until.strip())
    except ValueError as exc:
        raise CycleError(f"ngày '{until}' phải có dạng YYYY-MM-DD") from exc
    return store_lock(storage, _unit(storage, unit), _quarter(period), day, reason, actor=actor)


def _may_approve(viewer: Viewer, unit_code: str) -> None:
    scope = viewer.approve_scope()
    if scope is not None and unit_code not in scope:
        raise CycleError(f"{viewer.email} không có quyền phê duyệt số liệu của đơn vị {unit_code}")


def approve(storage: Storage, viewer: Viewer, unit: str, period: str | Quarter) -> int:
    """The unit head signs off the unit's quarter; returns how many figures it covers."""
    code = _unit(storage, unit)
    _may_approve(viewer, code)
    return store_approval(storage, code, _quarter(period), actor=viewer.email)


def unapprove(
    storage: Storage, viewer: Viewer, unit: str, period: str | Quarter, reason: str
) -> None:
    code = _unit(storage, unit)
    _may_approve(viewer, code)
    store_unapproval(storage, code, _quarter(period), reason, actor=viewer.email)


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
    keys = zip(frame["unit_code"].astype(str), frame["period_index"].astype(int), strict=True)
    return sum((u, int(i)) not in done for u, i in keys)
