"""Each unit's completion score for a half-year (§II.1.c of the plan).

The method and its default weights are described in docs/scorecard.md; the
weights are settings (KPI_SCORE_*). Pure: statuses and submission states in,
one row per unit out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum

from kpi.messages import say
from kpi.task_progress import HalfYear, ProgressReport, first_done
from kpi.tasks import PlanTask, TaskState

SCORE_COLUMNS = (
    "unit_code",
    "tasks_counted",
    "done_on_time",
    "done_late",
    "overdue",
    "task_score",
    "obligations_counted",
    "obligations_on_time",
    "obligations_late",
    "indicator_score",
    "score",
)


class Outcome(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class ScoreWeights:
    """Credits per outcome and the weight of each part; defaults in docs/scorecard.md."""

    on_time: float = 1.0
    late: float = 0.5
    overdue: float = 0.0
    tasks: float = 0.6
    indicators: float = 0.4

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if not 0 <= value <= 1:
                raise ValueError(say("error.score.weight_range", name=name, value=value))
        if self.tasks + self.indicators <= 0:
            raise ValueError(say("error.score.zero_weights"))


@dataclass(frozen=True, slots=True)
class UnitScore:
    unit_code: str
    tasks_counted: int
    done_on_time: int
    done_late: int
    overdue: int
    task_score: float | None
    obligations_counted: int
    obligations_on_time: int
    obligations_late: int
    indicator_score: float | None
    score: float | None


def task_outcome(
    task: PlanTask, reports: Sequence[ProgressReport], half: HalfYear
) -> Outcome | None:
    """How a task counts in a half-year, or None when it does not count there.

    A task counts in the half-year its completion time falls in, in every later
    half-year until it is done (late), and in the half-year it is done in (early
    completion is on time). A recurring task counts in every half-year: done
    there or not.
    """
    if task.deadline.recurring:
        inside = [r for r in reports if half.contains(r.reported_on)]
        done = first_done(inside, half.end)
        return Outcome.ON_TIME if done is not None else Outcome.OVERDUE
    done = first_done(reports, half.end)
    deadline = task.deadline.date
    if done is not None and done < half.start:
        return None  # counted in the half-year it was done in
    if done is not None:
        return Outcome.ON_TIME if deadline is None or done <= deadline else Outcome.LATE
    if deadline is None or deadline > half.end:
        return None
    return Outcome.OVERDUE


def _mean(credits: Sequence[float]) -> float | None:
    return sum(credits) / len(credits) if credits else None


def _combine(
    parts: Iterable[tuple[float | None, float]],
) -> float | None:
    known = [(value, weight) for value, weight in parts if value is not None and weight > 0]
    total = sum(weight for _, weight in known)
    if not known or total == 0:
        return None
    return round(100 * sum(value * weight for value, weight in known) / total, 1)


def unit_scores(
    tasks: Sequence[PlanTask],
    reports: Mapping[str, Sequence[ProgressReport]],
    obligations: Mapping[str, Sequence[str]],
    half: HalfYear,
    weights: ScoreWeights,
) -> list[UnitScore]:
    """One score per unit that leads a counted task or has indicator obligations.

    `obligations` maps a unit code to the states (kpi.submissions values
    "submitted", "late", "missing") of its quarterly reports due in the half-year.
    """
    outcomes: dict[str, list[Outcome]] = {}
    for task in tasks:
        outcome = task_outcome(task, reports.get(task.code, ()), half)
        if outcome is None:
            continue
        for unit in task.lead_unit_codes:
            outcomes.setdefault(unit, []).append(outcome)
    credit = {
        Outcome.ON_TIME: weights.on_time,
        Outcome.LATE: weights.late,
        Outcome.OVERDUE: weights.overdue,
    }
    rows = []
    for unit in sorted(set(outcomes) | set(obligations)):
        mine = outcomes.get(unit, [])
        states = [s for s in obligations.get(unit, ()) if s in {"submitted", "late", "missing"}]
        state_credit = {
            "submitted": weights.on_time,
            "late": weights.late,
            "missing": weights.overdue,
        }
        task_score = _mean([credit[o] for o in mine])
        indicator_score = _mean([state_credit[s] for s in states])
        rows.append(
            UnitScore(
                unit_code=unit,
                tasks_counted=len(mine),
                done_on_time=mine.count(Outcome.ON_TIME),
                done_late=mine.count(Outcome.LATE),
                overdue=mine.count(Outcome.OVERDUE),
                task_score=None if task_score is None else round(100 * task_score, 1),
                obligations_counted=len(states),
                obligations_on_time=states.count("submitted"),
                obligations_late=states.count("late"),
                indicator_score=None
                if indicator_score is None
                else round(100 * indicator_score, 1),
                score=_combine(
                    [(task_score, weights.tasks), (indicator_score, weights.indicators)]
                ),
            )
        )
    return sorted(rows, key=lambda r: (r.score is None, -(r.score or 0), r.unit_code))


def done_in(reports: Sequence[ProgressReport], start: dt.date, end: dt.date) -> dt.date | None:
    """The first done report of a task dated inside [start, end], if any."""
    days = [
        r.reported_on
        for r in reports
        if r.state is TaskState.DONE and start <= r.reported_on <= end
    ]
    return min(days) if days else None
