"""Reads and writes of the plan's tasks, their append-only reports and published scorecards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpi.messages import Explained, say
from kpi.storage.engine import Storage
from kpi.storage.repository import SYSTEM_ACTOR, audit
from kpi.storage.task_models import PlanTaskRecord, Scorecard, TaskReport
from kpi.storage.task_signoffs import check_open
from kpi.task_progress import ProgressReport
from kpi.task_reports import ReportDraft
from kpi.tasks import Deadline, PlanTask, TaskKind, TaskState, sorted_tasks


class PlanTaskConflict(Explained, ValueError):
    """An import that would change a task of the plan itself."""


def _record_values(task: PlanTask) -> dict[str, Any]:
    return {
        "kind": task.kind.value,
        "group": task.group,
        "name": task.name,
        "lead_units": task.lead_units,
        "lead_unit_codes": ";".join(task.lead_unit_codes),
        "coordinating_units": task.coordinating_units,
        "coordinating_unit_codes": ";".join(task.coordinating_unit_codes),
        "deadline_text": task.deadline.text,
        "deadline": task.deadline.date,
        "recurring": task.deadline.recurring,
    }


def _changed(record: PlanTaskRecord, values: dict[str, Any]) -> bool:
    return any(getattr(record, key) != value for key, value in values.items())


def save_tasks(
    storage: Storage, tasks: Sequence[PlanTask], *, source: str, actor: str = SYSTEM_ACTOR
) -> tuple[int, int]:
    """Add new tasks and update changed ones; (added, updated). Audited when anything changes.

    `source` is 'plan' for the packaged data file and 'import' for an admin's file;
    an import never changes a task of the plan.
    """
    with storage.reading() as session:
        stored = {r.code: r for r in session.scalars(select(PlanTaskRecord))}
        if all(t.code in stored and not _changed(stored[t.code], _record_values(t)) for t in tasks):
            return 0, 0  # nothing to write: no write lock taken
    added = updated = 0
    with storage.writing() as session:
        existing = {r.code: r for r in session.scalars(select(PlanTaskRecord))}
        for task in tasks:
            values = _record_values(task)
            record = existing.get(task.code)
            if record is None:
                session.add(
                    PlanTaskRecord(code=task.code, source=source, created_by=actor, **values)
                )
                added += 1
            elif record.source == "plan" and source != "plan":
                if _changed(record, values):
                    raise PlanTaskConflict(say("svc.tasks.plan_task", code=task.code))
            elif _changed(record, values):
                for key, value in values.items():
                    setattr(record, key, value)
                updated += 1
        if added or updated:
            codes = [t.code for t in tasks]
            audit(
                session,
                actor,
                "tasks_import",
                detail={"source": source, "added": added, "updated": updated, "codes": codes[:100]},
            )
    return added, updated


def has_tasks(storage: Storage) -> bool:
    with storage.reading() as session:
        return bool(session.scalar(select(func.count()).select_from(PlanTaskRecord)))


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in text.split(";") if c)


def load_tasks(storage: Storage) -> list[PlanTask]:
    with storage.reading() as session:
        records = list(session.scalars(select(PlanTaskRecord)))
    tasks = [
        PlanTask(
            code=r.code,
            kind=TaskKind(r.kind),
            group=r.group,
            name=r.name,
            lead_units=r.lead_units,
            lead_unit_codes=_codes(r.lead_unit_codes),
            coordinating_units=r.coordinating_units,
            coordinating_unit_codes=_codes(r.coordinating_unit_codes),
            deadline=Deadline(r.deadline_text, r.deadline, r.recurring),
        )
        for r in records
    ]
    return sorted_tasks(tasks)


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def load_reports(
    storage: Storage, codes: Iterable[str] | None = None
) -> dict[str, list[ProgressReport]]:
    """Every report, oldest first, by task code."""
    query = select(TaskReport).order_by(TaskReport.reported_on, TaskReport.id)
    if codes is not None:
        query = query.where(TaskReport.task_code.in_(list(codes)))
    out: dict[str, list[ProgressReport]] = {}
    with storage.reading() as session:
        for r in session.scalars(query):
            out.setdefault(r.task_code, []).append(
                ProgressReport(
                    task_code=r.task_code,
                    state=TaskState(r.state),
                    percent=r.percent,
                    evidence=r.evidence,
                    issues=r.issues,
                    reported_on=r.reported_on,
                    reported_by=r.reported_by,
                    recorded_at=_as_utc(r.recorded_at),
                    unit_code=r.unit_code,
                )
            )
    return out


class SqlTaskReports:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, draft: ReportDraft, actor: str, unit_code: str | None) -> None:
        self.session.add(
            TaskReport(
                task_code=draft.task_code,
                state=draft.state.value,
                percent=draft.percent,
                evidence=draft.evidence,
                issues=draft.issues,
                reported_on=draft.reported_on,
                unit_code=unit_code,
                reported_by=actor,
            )
        )

    def check_open(self, pairs: Iterable[tuple[str, str]]) -> None:
        """HalfYearSignedOff for (unit, half-year) pairs whose sign-off stands, checked
        inside the write so a concurrent sign-off cannot slip in between."""
        check_open(self.session, pairs)


def published_scorecards(storage: Storage, period: str) -> list[Scorecard]:
    """Every published version of a period, newest first (detached, read-only)."""
    query = select(Scorecard).where(Scorecard.period == period).order_by(Scorecard.version.desc())
    with storage.reading() as session:
        rows = list(session.scalars(query))
        session.expunge_all()
    return rows


def publish_scorecard(
    storage: Storage,
    period: str,
    as_of: dt.date,
    weights: dict[str, object],
    rows: list[dict[str, object]],
    actor: str,
) -> int:
    """Freeze a scorecard as the next version of its period; returns the version."""
    with storage.writing() as session:
        latest = session.scalar(
            select(func.max(Scorecard.version)).where(Scorecard.period == period)
        )
        version = (latest or 0) + 1
        session.add(
            Scorecard(
                period=period,
                version=version,
                as_of=as_of,
                weights=weights,
                rows=rows,
                published_by=actor,
            )
        )
        audit(
            session,
            actor,
            "scorecard_publish",
            detail={"period": period, "version": version, "units": len(rows)},
        )
    return version
