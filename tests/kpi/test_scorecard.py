"""The unit completion score of a half-year: which tasks count and how."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi.scorecard import Outcome, ScoreWeights, task_outcome, unit_scores
from kpi.task_progress import HalfYear, ProgressReport
from kpi.tasks import TaskState, load_plan_tasks

D = dt.date
H2 = HalfYear(2026, 2)
TASKS = {t.code: t for t in load_plan_tasks()}


def done(day: dt.date, code: str) -> ProgressReport:
    return ProgressReport(code, TaskState.DONE, 100, "QĐ 9", "", day, "a@bnv.gov.vn")


@pytest.mark.parametrize(
    ("code", "reports", "expected"),
    [
        ("II.16", [], Outcome.OVERDUE),  # due 9/2026, not done
        ("II.16", [D(2026, 9, 1)], Outcome.ON_TIME),
        ("II.16", [D(2026, 10, 3)], Outcome.LATE),
        ("II.2", [], Outcome.OVERDUE),  # due 5/2025, still open: counts every half-year
        ("II.2", [D(2026, 8, 1)], Outcome.LATE),
        ("II.2", [D(2025, 5, 1)], None),  # done in an earlier half-year
        ("II.20", [], Outcome.OVERDUE),  # due 2026-12-31: the half-year ends without it done
        ("II.34", [], Outcome.OVERDUE),  # due 3/2026, in H1, still open
        ("II.20", [D(2026, 1, 10)], None),
        ("II.4", [], None),  # no completion time, not done
        ("II.4", [D(2026, 7, 9)], Outcome.ON_TIME),
        ("II.17", [], Outcome.OVERDUE),  # recurring, not done this half-year
        ("II.17", [D(2026, 3, 1)], Outcome.OVERDUE),
        ("II.17", [D(2026, 11, 1)], Outcome.ON_TIME),
    ],
)
def test_which_tasks_count_in_a_half_year(code, reports, expected):
    history = [done(day, code) for day in reports]
    assert task_outcome(TASKS[code], history, H2) is expected


def test_scores_weigh_tasks_and_obligations():
    tasks = [TASKS["II.16"], TASKS["II.11"], TASKS["II.15"]]  # VPC leads 16, 15; VTCCB 11
    reports = {"II.16": [done(D(2026, 9, 1), "II.16")], "II.15": [done(D(2026, 8, 1), "II.15")]}
    obligations = {"VPC": ["submitted", "late"], "VPB": ["missing", "submitted"]}
    scores = {s.unit_code: s for s in unit_scores(tasks, reports, obligations, H2, ScoreWeights())}
    vpc = scores["VPC"]
    # tasks: on time 1 + late 0.5 -> 75; obligations: 1 + 0.5 -> 75
    assert (vpc.done_on_time, vpc.done_late, vpc.task_score, vpc.indicator_score) == (
        1,
        1,
        75.0,
        75.0,
    )
    assert vpc.score == 75.0
    vtccb = scores["VTCCB"]
    assert (vtccb.overdue, vtccb.task_score, vtccb.indicator_score, vtccb.score) == (
        1,
        0.0,
        None,
        0.0,
    )
    assert scores["VPB"].task_score is None and scores["VPB"].score == 50.0


def test_weights_are_settings_and_change_the_score():
    tasks = [TASKS["II.16"]]
    reports = {"II.16": [done(D(2026, 10, 3), "II.16")]}
    obligations = {"VPC": ["submitted"]}
    heavy = ScoreWeights(late=0.0, tasks=1.0, indicators=0.0)
    [row] = unit_scores(tasks, reports, obligations, H2, heavy)
    assert row.score == 0.0
    [row] = unit_scores(tasks, reports, obligations, H2, ScoreWeights())
    assert row.score == pytest.approx(100 * (0.6 * 0.5 + 0.4 * 1.0))
    with pytest.raises(ValueError):
        ScoreWeights(late=2)
    with pytest.raises(ValueError):
        ScoreWeights(tasks=0, indicators=0)
