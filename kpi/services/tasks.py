"""Use cases of the plan's tasks: list, report progress, template and load, import, scorecard."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpi.access import Viewer
from kpi.messages import Explained, say
from kpi.services import task_signoffs as signoffs
from kpi.services.ports import Store
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage import tasks as store
from kpi.storage.repository import unit_registry
from kpi.task_problems import TaskProblem
from kpi.task_progress import (
    FOLLOW_UP_UNIT,
    HalfYear,
    ReportError,
    TaskStatus,
    check_report,
    reporters_for,
    statuses,
)
from kpi.task_reports import ReportDraft, check_rows
from kpi.tasks import PlanTask, load_plan_tasks, parse_tasks
from kpi.units import UnitRegistry
from loaders.task_reports import read_task_file

LIST_KEYS = (
    "code",
    "kind",
    "group",
    "name",
    "name_en",
    "lead_unit_codes",
    "coordinating_unit_codes",
    "deadline_text",
    "deadline",
    "recurring",
    "state",
    "percent",
    "updated_at",
    "overdue",
)
# Storages already holding the plan's tasks (weak: a disposed storage drops out).
_SEEDED: weakref.WeakSet[Storage] = weakref.WeakSet()


class TaskServiceError(Explained, ValueError):
    """A request the task rules refuse (one line; `str` Vietnamese, `.text(lang)` either)."""


def ensure_tasks(storage: Storage) -> None:
    """The plan's tasks are in the database (added once per storage, kept in step)."""
    if storage in _SEEDED:
        return
    store.save_tasks(storage, load_plan_tasks(), source="plan")
    _SEEDED.add(storage)


def units(storage: Storage) -> UnitRegistry:
    return unit_registry(storage)


def tasks(storage: Storage) -> list[PlanTask]:
    ensure_tasks(storage)
    return store.load_tasks(storage)


def task_statuses(
    storage: Storage,
    as_of: dt.date,
    *,
    kind: str | None = None,
    unit: str | None = None,
    overdue_only: bool = False,
) -> list[TaskStatus]:
    """Every task as of a day, overdue first; filtered by kind and by a lead unit."""
    chosen = [
        t
        for t in tasks(storage)
        if (kind is None or t.kind.value == kind) and (unit is None or unit in t.lead_unit_codes)
    ]
    rows = statuses(chosen, store.load_reports(storage, [t.code for t in chosen]), as_of)
    return [s for s in rows if s.overdue] if overdue_only else rows


def as_record(status: TaskStatus) -> dict[str, Any]:
    """One item of `kpi tasks list --format json`: exactly LIST_KEYS."""
    task = status.task
    return {
        "code": task.code,
        "kind": task.kind.value,
        "group": task.group,
        "name": task.name,
        "name_en": task.name_in("en"),
        "lead_unit_codes": list(task.lead_unit_codes),
        "coordinating_unit_codes": list(task.coordinating_unit_codes),
        "deadline_text": task.deadline.text,
        "deadline": task.deadline.date.isoformat() if task.deadline.date else None,
        "recurring": task.deadline.recurring,
        "state": status.state.value,
        "percent": status.percent,
        "updated_at": status.updated_at.isoformat() if status.updated_at else None,
        "overdue": status.overdue,
    }


def _task(storage: Storage, code: str) -> PlanTask:
    by_code = {t.code: t for t in tasks(storage)}
    found = by_code.get(code.strip()) or by_code.get(code.strip().upper())
    if found is None:
        raise TaskServiceError(say("svc.tasks.no_task", code=code))
    return found


def _reporting_unit(task: PlanTask, viewer: Viewer) -> str | None:
    """The unit a report is made for; an officer must belong to a lead unit."""
    leads = reporters_for(task, FOLLOW_UP_UNIT)
    scope = viewer.write_scope()
    if scope is None:
        return sorted(leads)[0] if len(leads) == 1 else None
    mine = sorted(leads & scope)
    if not mine:
        raise TaskServiceError(
            say(
                "svc.tasks.not_lead",
                email=viewer.email,
                code=task.code,
                leads=", ".join(sorted(leads)),
            )
        )
    return mine[0]


def report_progress(
    storage: Storage,
    viewer: Viewer,
    code: str,
    *,
    state: str,
    percent: int | None = None,
    evidence: str = "",
    issues: str = "",
    today: dt.date,
    reported_on: dt.date | None = None,
) -> ReportDraft:
    """Store one progress report by an officer of the lead unit (or an admin); audited."""
    if not viewer.can_upload:
        raise TaskServiceError(say("svc.tasks.may_not_report", email=viewer.email))
    task = _task(storage, code)
    unit = _reporting_unit(task, viewer)
    day = reported_on or today
    try:
        checked, value = check_report(state, percent, evidence, issues, day, today)
    except ReportError as exc:
        raise TaskServiceError(str(exc)) from exc
    draft = ReportDraft(task.code, checked, value, evidence.strip(), issues.strip(), day)
    _store_open(storage, [draft], viewer.email, {task.code: unit})
    return draft


def _store_open(
    storage: Storage,
    drafts: Sequence[ReportDraft],
    actor: str,
    units: dict[str, str | None],
    file_name: str | None = None,
) -> None:
    """Store reports unless their unit's half-year is signed off (checked before the write
    and again inside it, against a sign-off landing in between)."""
    closed = signoffs.closed_pairs(
        storage, [(units.get(d.task_code), d.reported_on) for d in drafts]
    )
    try:
        if closed:
            raise signoffs.HalfYearSignedOff(closed)
        _store_reports(storage, drafts, actor, units, file_name)
    except signoffs.HalfYearSignedOff as exc:
        raise TaskServiceError(signoffs.refused(exc.pairs)) from exc


def _signed_off_problems(
    storage: Storage, drafts: Sequence[ReportDraft], units: dict[str, str | None]
) -> list[TaskProblem]:
    """A row problem for each report whose unit's half-year is signed off."""
    dated = [(units.get(d.task_code), d.reported_on) for d in drafts]
    closed = set(signoffs.closed_pairs(storage, dated))
    problems = []
    for d, (unit, day) in zip(drafts, dated, strict=True):
        pair = (unit or "", str(HalfYear.containing(day)))
        if pair in closed:
            vi, en = signoffs.refusal([pair])
            params = {"why": vi, "why_en": en}
            problems.append(TaskProblem("rule", d.row, "reported_on", day.isoformat(), params))
    return problems


def _unit_halves(
    drafts: Sequence[ReportDraft], units: dict[str, str | None]
) -> set[tuple[str, str]]:
    return {
        (unit, str(HalfYear.containing(d.reported_on)))
        for d in drafts
        if (unit := units.get(d.task_code))
    }


def _store_reports(
    store: Store,
    drafts: Sequence[ReportDraft],
    actor: str,
    units: dict[str, str | None],
    file_name: str | None = None,
) -> None:
    """Checked reports and their audit in one unit of work; `units` maps a task to the
    reporting unit. HalfYearSignedOff when a unit's half-year is signed off (nothing
    stored)."""
    with store.unit_of_work() as uow:
        uow.task_reports.check_open(_unit_halves(drafts, units))
        for draft in drafts:
            unit = units.get(draft.task_code)
            uow.task_reports.add(draft, actor, unit)
            detail = {
                "task": draft.task_code,
                "state": draft.state.value,
                "percent": draft.percent,
                "reported_on": draft.reported_on.isoformat(),
            }
            uow.audit.add(actor, "task_report", unit_code=unit, detail=detail)
        if file_name is not None:
            detail = {"file": file_name, "rows": len(drafts)}
            uow.audit.add(actor, "task_reports_load", detail=detail)
        uow.commit()


@dataclass
class LoadOutcome:
    drafts: list[ReportDraft]
    problems: list[TaskProblem] = field(default_factory=list)
    committed: bool = False


def load_reports_file(
    storage: Storage,
    viewer: Viewer,
    data: bytes,
    file_name: str,
    *,
    today: dt.date,
    settings: Settings,
    dry_run: bool = False,
) -> LoadOutcome:
    """Check a progress file row by row; commit every row or none. FileRejected propagates."""
    if not viewer.can_upload:
        raise TaskServiceError(say("svc.tasks.may_not_report", email=viewer.email))
    if len(data) > settings.max_upload_mb * 1024 * 1024:
        raise TaskServiceError(say("svc.tasks.too_big", limit=settings.max_upload_mb))
    parsed = read_task_file(data, settings.max_rows)
    if parsed.problems:
        return LoadOutcome([], parsed.problems)
    by_code = {t.code: t for t in tasks(storage)}
    rows = [(r.row, r.cells) for r in parsed.rows]
    drafts, problems = check_rows(rows, by_code, today, viewer.write_scope(), FOLLOW_UP_UNIT)
    if problems:
        return LoadOutcome(drafts, problems)
    units = {d.task_code: _reporting_unit(by_code[d.task_code], viewer) for d in drafts}
    closed = _signed_off_problems(storage, drafts, units)
    if closed or dry_run:
        return LoadOutcome(drafts, closed)
    _store_open(storage, drafts, viewer.email, units, file_name=file_name)
    return LoadOutcome(drafts, [], committed=True)


def import_tasks(storage: Storage, path: Path, actor: str) -> tuple[int, int]:
    """Add or update tasks from a CSV with the columns of kpi/data/tasks.csv (admins)."""
    ensure_tasks(storage)
    known = {u.code for u in unit_registry(storage)}
    parsed = parse_tasks(path.read_text(encoding="utf-8-sig"), known)
    try:
        return store.save_tasks(storage, parsed, source="import", actor=actor)
    except store.PlanTaskConflict as exc:
        raise TaskServiceError(str(exc)) from exc


def reports_by_task(storage: Storage, codes: Sequence[str] | None = None) -> dict[str, Any]:
    """Every stored report by task code, oldest first."""
    return store.load_reports(storage, codes)
