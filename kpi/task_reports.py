"""Check the rows of a task progress file as strictly as figure uploads: all or nothing.

Every problem is listed by row and column; a file with any problem commits no row.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kpi.task_problems import TaskProblem
from kpi.task_progress import ReportError, check_report, reporters_for
from kpi.tasks import PlanTask, TaskState


@dataclass(frozen=True, slots=True)
class ReportDraft:
    """A checked report not yet stored (the service adds who and when)."""

    task_code: str
    state: TaskState
    percent: int
    evidence: str
    issues: str
    reported_on: dt.date
    row: int | None = None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").split())


STATE_WORDS = {
    _fold(word): state
    for state in TaskState
    for word in (state.value, state.label("vi"), state.label("en"))
}


def parse_state(text: str) -> TaskState | None:
    return STATE_WORDS.get(_fold(text.replace("_", " "))) or STATE_WORDS.get(_fold(text))


def parse_percent(raw: object) -> int | str | None:
    """An int 0-100, None when blank, or the text as written when it is not one."""
    text = str(raw).strip().rstrip("%").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{1,3}([.,]0+)?", text):
        value = int(re.split(r"[.,]", text)[0])
        return value if value <= 100 else str(raw)
    return str(raw)


def parse_day(raw: object) -> dt.date | str | None:
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return text


def _check_row(
    row: int, cells: Mapping[str, object], tasks: Mapping[str, PlanTask], today: dt.date
) -> tuple[ReportDraft | None, list[TaskProblem]]:
    code = str(cells.get("task_code", "")).strip()
    state_text = str(cells.get("state", "")).strip()
    state = parse_state(state_text)
    percent = parse_percent(cells.get("percent", ""))
    day = parse_day(cells.get("reported_on", ""))
    problems = []
    if not code:
        problems.append(TaskProblem("missing_task", row, "task_code"))
    elif code not in tasks:
        problems.append(TaskProblem("unknown_task", row, "task_code", code))
    if state is None:
        problems.append(TaskProblem("bad_state", row, "state", state_text))
    if isinstance(percent, str):
        problems.append(TaskProblem("bad_percent", row, "percent", percent))
    if isinstance(day, str):
        problems.append(TaskProblem("bad_date", row, "reported_on", day))
    if problems or state is None or isinstance(percent, str) or isinstance(day, str):
        return None, problems
    evidence = str(cells.get("evidence", "")).strip()
    issues = str(cells.get("issues", "")).strip()
    try:
        checked, value = check_report(state.value, percent, evidence, issues, day or today, today)
    except ReportError as exc:
        return None, [
            TaskProblem("rule", row, "state", state_text, {"why": str(exc), "why_en": exc.en})
        ]
    return ReportDraft(code, checked, value, evidence, issues, day or today, row), []


def check_rows(
    rows: Sequence[tuple[int, Mapping[str, object]]],
    tasks: Mapping[str, PlanTask],
    today: dt.date,
    write_scope: frozenset[str] | None,
    follow_up_unit: str,
) -> tuple[list[ReportDraft], list[TaskProblem]]:
    """Every row checked; `write_scope` None means an admin (any task)."""
    drafts: list[ReportDraft] = []
    problems: list[TaskProblem] = []
    seen: dict[str, int] = {}
    for row, cells in rows:
        draft, found = _check_row(row, cells, tasks, today)
        problems.extend(found)
        if draft is None:
            continue
        if draft.task_code in seen:
            problems.append(
                TaskProblem(
                    "duplicate_row",
                    row,
                    "task_code",
                    draft.task_code,
                    {"other": seen[draft.task_code]},
                )
            )
            continue
        seen[draft.task_code] = row
        task = tasks[draft.task_code]
        leads = reporters_for(task, follow_up_unit)
        if write_scope is not None and not leads & write_scope:
            problems.append(
                TaskProblem(
                    "not_lead_unit", row, "task_code", task.code, {"lead": ", ".join(sorted(leads))}
                )
            )
            continue
        drafts.append(draft)
    return drafts, problems
