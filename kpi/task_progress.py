"""Progress reports on the plan's tasks, each task's state on a day, and the overdue rule.

A report is never changed: the state of a task on a day is its latest report
dated on or before that day. A recurring task ("Nhiệm vụ thường xuyên") has a
state per half-year: only the reports dated inside that half-year count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kpi.formatting import half_year_label
from kpi.tasks import PlanTask, TaskState, code_sort_key
from kpi.text import both

MAX_TEXT = 2000
# §III.2: Vụ Công chức - Viên chức follows and presses the plan's implementation.
FOLLOW_UP_UNIT = "VCCVC"
EARLIEST_REPORT = dt.date(2025, 1, 1)


class ReportError(ValueError):
    """A progress report that breaks a rule: the message in Vietnamese, `.en` in English."""

    def __init__(self, vi: str, en: str = "") -> None:
        super().__init__(vi)
        self.en = en or vi

    @classmethod
    def of(cls, key: str, /, **values: object) -> ReportError:
        """The error whose words are the catalogue's `key`, in both languages."""
        return cls(*both(key, **values))


@dataclass(frozen=True, slots=True, order=True)
class HalfYear:
    year: int
    half: int  # 1 or 2

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def containing(cls, day: dt.date) -> HalfYear:
        return cls(day.year, 1 if day.month <= 6 else 2)

    @property
    def previous(self) -> HalfYear:
        return HalfYear(self.year, 1) if self.half == 2 else HalfYear(self.year - 1, 2)

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}"

    def label(self, lang: str = "vi") -> str:
        return half_year_label(self.year, self.half, lang)


def parse_half_year(text: str) -> HalfYear:
    match = re.fullmatch(r"\s*(\d{4})-H([12])\s*", text.upper())
    if not match:
        raise ReportError.of("error.half_year", text=text)
    return HalfYear(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True, slots=True)
class ProgressReport:
    task_code: str
    state: TaskState
    percent: int
    evidence: str
    issues: str
    reported_on: dt.date
    reported_by: str
    recorded_at: dt.datetime | None = None
    unit_code: str | None = None


@dataclass(frozen=True, slots=True)
class TaskStatus:
    """One task as of a day: the row of `kpi tasks list`."""

    task: PlanTask
    state: TaskState
    percent: int
    updated_at: dt.datetime | None
    overdue: bool
    evidence: str = ""
    issues: str = ""
    done_on: dt.date | None = None


def check_report(
    state: str,
    percent: int | None,
    evidence: str,
    issues: str,
    reported_on: dt.date,
    today: dt.date,
) -> tuple[TaskState, int]:
    """The state and percent a report will store, or ReportError."""
    try:
        parsed = TaskState(state.strip())
    except ValueError as exc:
        allowed = ", ".join(s.value for s in TaskState)
        raise ReportError.of("error.task_state", state=state, allowed=allowed) from exc
    if percent is None:
        percent = {TaskState.DONE: 100, TaskState.NOT_STARTED: 0}.get(parsed, 0)
    if not 0 <= percent <= 100:
        raise ReportError.of("error.task_percent", percent=percent)
    if parsed is TaskState.DONE and percent != 100:
        raise ReportError.of("error.done_is_100")
    if parsed is TaskState.NOT_STARTED and percent != 0:
        raise ReportError.of("error.not_started_is_0")
    if parsed is TaskState.DONE and not evidence.strip():
        raise ReportError.of("error.done_needs_evidence")
    if len(evidence) > MAX_TEXT or len(issues) > MAX_TEXT:
        raise ReportError.of("error.text_too_long", limit=MAX_TEXT)
    if reported_on > today:
        raise ReportError.of("error.report_in_future", day=reported_on.isoformat())
    if reported_on < EARLIEST_REPORT:
        raise ReportError.of("error.report_before_plan", day=reported_on.isoformat())
    return parsed, percent


def _latest(reports: Iterable[ProgressReport]) -> ProgressReport | None:
    ordered = sorted(
        reports,
        key=lambda r: (r.reported_on, r.recorded_at or dt.datetime.min.replace(tzinfo=dt.UTC)),
    )
    return ordered[-1] if ordered else None


def first_done(reports: Iterable[ProgressReport], until: dt.date) -> dt.date | None:
    """The day the task was first reported done (on or before `until`)."""
    days = [r.reported_on for r in reports if r.state is TaskState.DONE and r.reported_on <= until]
    return min(days) if days else None


def is_overdue(task: PlanTask, state: TaskState, as_of: dt.date) -> bool:
    """A non-recurring item whose completion time has passed and that is not done."""
    deadline = task.deadline.date
    if task.deadline.recurring or deadline is None:
        return False
    return as_of > deadline and state is not TaskState.DONE


def _known(
    task: PlanTask, reports: Sequence[ProgressReport], as_of: dt.date
) -> list[ProgressReport]:
    """The reports that count on `as_of` (for a recurring task: in the half-year of `as_of`)."""
    known = [r for r in reports if r.reported_on <= as_of]
    if task.deadline.recurring:
        half = HalfYear.containing(as_of)
        known = [r for r in known if half.contains(r.reported_on)]
    return known


def latest_report(
    task: PlanTask, reports: Sequence[ProgressReport], as_of: dt.date
) -> ProgressReport | None:
    """The report a task's status on `as_of` comes from, if any."""
    return _latest(_known(task, reports, as_of))


def task_status(task: PlanTask, reports: Sequence[ProgressReport], as_of: dt.date) -> TaskStatus:
    """The task's state on `as_of` (for a recurring task: in the half-year of `as_of`)."""
    known = _known(task, reports, as_of)
    latest = _latest(known)
    if latest is None:
        return TaskStatus(
            task, TaskState.NOT_STARTED, 0, None, is_overdue(task, TaskState.NOT_STARTED, as_of)
        )
    return TaskStatus(
        task=task,
        state=latest.state,
        percent=latest.percent,
        updated_at=latest.recorded_at,
        overdue=is_overdue(task, latest.state, as_of),
        evidence=latest.evidence,
        issues=latest.issues,
        done_on=first_done(known, as_of) if latest.state is TaskState.DONE else None,
    )


def statuses(
    tasks: Iterable[PlanTask],
    reports: Mapping[str, Sequence[ProgressReport]],
    as_of: dt.date,
) -> list[TaskStatus]:
    """Every task's status, overdue first, then by code."""
    rows = [task_status(t, reports.get(t.code, ()), as_of) for t in tasks]
    return sorted(rows, key=lambda s: (not s.overdue, code_sort_key(s.task.code)))


def reporters_for(task: PlanTask, follow_up_unit: str) -> frozenset[str]:
    """Units whose officers may report on a task: its lead units.

    A task led collectively ("các đơn vị thuộc và trực thuộc Bộ") has no single
    lead unit; the unit that follows the plan (§III.2) reports for it.
    """
    return frozenset(task.lead_unit_codes) or frozenset({follow_up_unit})
