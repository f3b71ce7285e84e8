"""Use cases of the unit scorecard (§II.1.c) and the task sections of the plan's reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from kpi.catalogue import Catalogue
from kpi.messages import Explained, say
from kpi.periods import Quarter, quarter_range
from kpi.scorecard import ScoreWeights, UnitScore, done_in, unit_scores
from kpi.services.tasks import tasks
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage import tasks as store
from kpi.storage.queries import first_submissions
from kpi.submissions import deadline, submission_matrix
from kpi.task_progress import HalfYear, TaskStatus, statuses
from kpi.tasks import PlanTask


class ScorecardError(Explained, ValueError):
    """A scorecard request the rules refuse."""


def weights_from(settings: Settings) -> ScoreWeights:
    try:
        return ScoreWeights(
            on_time=settings.score_on_time,
            late=settings.score_late,
            overdue=settings.score_overdue,
            tasks=settings.score_weight_tasks,
            indicators=settings.score_weight_indicators,
        )
    except ValueError as exc:
        raise ScorecardError(say("svc.score_settings", why=exc)) from exc


def _quarters_due(half: HalfYear, as_of: dt.date, deadline_days: int) -> list[Quarter]:
    """Quarters whose report deadline falls in the half-year and has passed by `as_of`."""
    around = quarter_range(Quarter(half.year - 1, 3), Quarter(half.year, 4))
    return [
        q
        for q in around
        if half.contains(deadline(q, deadline_days)) and deadline(q, deadline_days) < as_of
    ]


def obligations(
    storage: Storage, catalogue: Catalogue, half: HalfYear, as_of: dt.date, deadline_days: int
) -> dict[str, list[str]]:
    """Each indicator lead unit's quarterly report states due in the half-year."""
    units = sorted({code for ind in catalogue for code in ind.lead_unit_codes})
    quarters = _quarters_due(half, as_of, deadline_days)
    if not quarters:
        return {unit: [] for unit in units}
    matrix = submission_matrix(
        first_submissions(storage, quarters[0].index),
        units,
        quarters,
        deadline_days=deadline_days,
        today=as_of,
    )
    out: dict[str, list[str]] = {unit: [] for unit in units}
    for row in matrix.itertuples(index=False):
        out[str(row.unit_code)].append(str(row.state))
    return out


def compute(
    storage: Storage, settings: Settings, catalogue: Catalogue, half: HalfYear, as_of: dt.date
) -> list[UnitScore]:
    """The scorecard of a half-year as the data stand on `as_of` (reports up to that day)."""
    chosen = tasks(storage)
    reports = store.load_reports(storage)
    until = min(as_of, half.end)
    known = {c: [r for r in rs if r.reported_on <= until] for c, rs in reports.items()}
    duties = obligations(storage, catalogue, half, as_of, settings.deadline_days)
    return unit_scores(chosen, known, duties, half, weights_from(settings))


@dataclass(frozen=True)
class Published:
    period: str
    version: int
    as_of: dt.date
    published_at: dt.datetime
    published_by: str
    weights: dict[str, object]
    rows: list[dict[str, object]]


def publish(
    storage: Storage,
    settings: Settings,
    catalogue: Catalogue,
    half: HalfYear,
    as_of: dt.date,
    actor: str,
) -> int:
    """Freeze the scorecard as the next version of its period."""
    rows = [asdict(r) for r in compute(storage, settings, catalogue, half, as_of)]
    weights = asdict(weights_from(settings))
    return store.publish_scorecard(storage, str(half), as_of, weights, rows, actor)


def published(storage: Storage, half: HalfYear) -> list[Published]:
    """Every published version of a half-year, newest first."""
    return [
        Published(
            s.period,
            s.version,
            s.as_of,
            s.published_at if s.published_at.tzinfo else s.published_at.replace(tzinfo=dt.UTC),
            s.published_by,
            s.weights,
            s.rows,
        )
        for s in store.published_scorecards(storage, str(half))
    ]


@dataclass(frozen=True)
class TaskSection:
    """What the 6-month and year-end reports say about the tasks (§III.2)."""

    start: dt.date
    end: dt.date
    completed: list[tuple[PlanTask, dt.date]]
    overdue: list[TaskStatus]
    issues: list[tuple[PlanTask, str, str, dt.date]]  # task, unit, text, date
    counts: dict[str, int]


def report_section(
    storage: Storage, start: dt.date, end: dt.date, as_of: dt.date, unit: str | None = None
) -> TaskSection:
    """Tasks done in [start, end], overdue at its end (or today), difficulties reported."""
    chosen = [t for t in tasks(storage) if unit is None or unit in t.lead_unit_codes]
    reports = store.load_reports(storage, [t.code for t in chosen])
    day = min(as_of, end)
    completed: list[tuple[PlanTask, dt.date]] = []
    issues: list[tuple[PlanTask, str, str, dt.date]] = []
    for task in chosen:
        mine = reports.get(task.code, [])
        finished = done_in(mine, start, day)
        if finished is not None:
            completed.append((task, finished))
        issues.extend(
            (task, r.unit_code or "", r.issues, r.reported_on)
            for r in mine
            if r.issues and start <= r.reported_on <= day
        )
    rows = statuses(chosen, reports, day)
    overdue = [s for s in rows if s.overdue]
    counts = {
        "total": len(rows),
        "done": sum(1 for s in rows if s.state.value == "done"),
        "overdue": len(overdue),
        "completed_in_period": len(completed),
    }
    return TaskSection(start, end, completed, overdue, issues, counts)
