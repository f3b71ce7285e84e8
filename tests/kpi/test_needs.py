"""Words for every state: what an indicator still needs, never a negative pace."""

from __future__ import annotations

import math

import pytest

from kpi.progress import method
from kpi.progress.legend import RULE_ORDER, status_legend
from kpi.progress.needs import needs_lines
from kpi.progress.status import Status

NAN = math.nan


def row(status: Status, **fields: object) -> dict[str, object]:
    base = {
        "status": status.value,
        "latest_value": 60.0,
        "latest_period": "2026-Q3",
        "baseline_value": 40.0,
        "remaining_pace_pp_per_quarter": 1.25,
        "next_quarter_needed": 61.25,
    }
    return base | fields


@pytest.mark.parametrize(
    ("given", "target", "vi_words", "en_words"),
    [
        (row(Status.ACHIEVED, latest_value=81.0), 80, "cần giữ mức ≥ 80%", "hold at or above 80%"),
        (row(Status.INSUFFICIENT_DATA), 80, "Chưa đủ số liệu", "Not enough figures"),
        (row(Status.NO_RECENT_DATA), 80, "sau Quý 3/2026", "after Q3 2026"),
        (row(Status.ON_TRACK, baseline_value=85.0), 80, "từ kỳ gốc", "since the baseline"),
        (row(Status.NEEDS_ACCELERATION), 80, "**1,25** điểm %/quý", "**1.25** pp per quarter"),
        (row(Status.NEEDS_ACCELERATION), 80, "quý tới cần đạt **61,2%**", "needs **61.2%**"),
        (
            row(Status.ON_TRACK, remaining_pace_pp_per_quarter=-0.65, next_quarter_needed=56.6),
            80,
            "đã cao hơn mức lộ trình",
            "already above",
        ),
        (row(Status.LIMITED_PROGRESS, next_quarter_needed=NAN), 80, "Chưa đủ", "Not enough"),
    ],
)
def test_one_sentence_per_state(given: dict, target: float, vi_words: str, en_words: str) -> None:
    vi, en = needs_lines(given, target, "vi"), needs_lines(given, target, "en")
    assert any(vi_words in line for line in vi), vi
    assert any(en_words in line for line in en), en
    for line in vi + en:  # never a negative pace or a level below where the series is
        assert "−" not in line and "-0" not in line


def test_legend_lists_every_status_once_with_the_method_thresholds() -> None:
    vi = dict(status_legend("vi"))
    assert set(vi) == set(Status) and len(RULE_ORDER) == len(Status)
    assert "0,95" in vi[Status.ON_TRACK] and "0,60" in vi[Status.NEEDS_ACCELERATION]
    assert f"{method.MIN_POINTS} giá trị" in vi[Status.INSUFFICIENT_DATA]
    en = dict(status_legend("en"))
    assert "P ≥ 0.95" in en[Status.ON_TRACK] and "0.60 ≤ P < 0.95" in en[Status.NEEDS_ACCELERATION]
