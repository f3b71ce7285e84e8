"""The method of docs/methodology.md: boundaries, the worked example, edge series."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from kpi.periods import Quarter
from kpi.progress import OpenSdgStatus, Point, Status, assess_opensdg, assess_series
from kpi.progress.method import classify, least_squares_pace, reason

TODAY = dt.date(2026, 1, 10)  # last ended quarter: 2025-Q4


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (1.50, Status.ON_TRACK),
        (0.95, Status.ON_TRACK),
        (0.9499, Status.NEEDS_ACCELERATION),
        (0.60, Status.NEEDS_ACCELERATION),
        (0.5999, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-0.0001, Status.DETERIORATING),
        (-2.0, Status.DETERIORATING),
    ],
)
def test_ratio_boundaries(ratio: float, expected: Status) -> None:
    assert classify(50, 80, 4, 4, ratio, 5.0) is expected


@pytest.mark.parametrize(
    ("latest", "n", "span", "required", "expected"),
    [
        (80.0, 1, 0, 5.0, Status.ACHIEVED),  # achieved is checked first
        (79.9, 1, 0, 5.0, Status.INSUFFICIENT_DATA),
        (70.0, 2, 1, 5.0, Status.INSUFFICIENT_DATA),  # span under 2 quarters
        (70.0, 2, 2, -1.0, Status.DETERIORATING),  # baseline above target, fell below
    ],
)
def test_rule_order(latest: float, n: int, span: int, required: float, expected: Status) -> None:
    assert classify(latest, 80, n, span, 1.0, required) is expected


def test_worked_example_figure_by_figure() -> None:
    points = [Point(Quarter(2024, 4), 42.0), Point(Quarter(2025, 4), 45.0)]
    result = assess_series(points, 80.0, today=TODAY)
    assert result.observed_pace == pytest.approx(3.0)
    assert result.required_pace == pytest.approx(38 / 6)
    assert result.ratio == pytest.approx(0.47, abs=0.005)
    assert result.status is Status.LIMITED_PROGRESS
    assert result.trajectory_value == pytest.approx(48.33, abs=0.005)
    assert result.gap_pp == pytest.approx(-3.33, abs=0.005)
    assert result.projected_2030 == pytest.approx(60.0)
    assert result.opensdg.ratio == pytest.approx(0.63, abs=0.005)
    assert result.opensdg.status is OpenSdgStatus.MODERATE_PROGRESS
    assert result.methods_disagree is True
    assert result.reason == "Tiến độ chậm: tốc độ hiện tại 3,0 điểm/năm, cần 6,3 điểm/năm"
    assert result.remaining_pace_per_year == pytest.approx(35 / 5)
    assert result.next_quarter_needed == pytest.approx(42 + 38 * 5 / 24)
    assert result.stale is False


def test_reason_example_of_the_issue() -> None:
    text = reason(Status.NEEDS_ACCELERATION, 3.0, 6.3, 50, 80)
    assert text == "Cần tăng tốc: tốc độ hiện tại 3,0 điểm/năm, cần 6,3 điểm/năm"


def test_least_squares_uses_every_point() -> None:
    assert least_squares_pace([0, 0.25, 0.5, 0.75], [10, 11, 12, 13]) == pytest.approx(4.0)
    assert math.isnan(least_squares_pace([1.0], [3.0]))


def _series(*values: float, start: Quarter = Quarter(2024, 1)) -> list[Point]:
    return [Point(start + i, v) for i, v in enumerate(values)]


def test_series_starting_at_zero() -> None:
    result = assess_series(_series(0, 4, 8, 12, 16, start=Quarter(2024, 4)), 80, today=TODAY)
    assert result.baseline.value == 0
    assert result.ratio == pytest.approx(16 / (80 / 6))
    assert result.status is Status.ON_TRACK
    # A zero base is replaced by 0.001 in the Open SDG measure, not divided by.
    assert result.opensdg.status is OpenSdgStatus.SUBSTANTIAL_PROGRESS


def test_series_already_at_target() -> None:
    result = assess_series(_series(85, 86), 80, today=TODAY)
    assert result.status is Status.ACHIEVED and "≥ mục tiêu 80%" in result.reason
    longer = assess_series(_series(70, 75, 78, 80, 81), 80, today=TODAY)
    assert longer.status is Status.ACHIEVED
    assert longer.opensdg.status is OpenSdgStatus.TARGET_ACHIEVED and longer.opensdg.score == 5.0


def test_series_that_falls_back_below_target() -> None:
    result = assess_series(_series(85, 84, 82, 79), 80, today=TODAY)
    assert result.status is Status.DETERIORATING
    assert result.required_pace < 0
    assert "giảm xuống" in result.reason


def test_single_point() -> None:
    result = assess_series(_series(50), 80, today=TODAY)
    assert result.status is Status.INSUFFICIENT_DATA
    assert math.isnan(result.observed_pace) and math.isnan(result.projected_2030)


def test_single_quarter_span() -> None:
    result = assess_series(_series(50, 55), 80, today=TODAY)
    assert result.status is Status.INSUFFICIENT_DATA


def test_catalogue_baseline_used_when_it_has_data() -> None:
    points = _series(30, 40, 50, 60)
    result = assess_series(points, 80, baseline_period=Quarter(2024, 2), today=TODAY)
    assert result.baseline.value == 40 and result.n_points == 3
    missing = assess_series(points, 80, baseline_period=Quarter(2020, 1), today=TODAY)
    assert missing.baseline.value == 30


def test_stale_when_latest_is_before_last_ended_quarter() -> None:
    assert assess_series(_series(40, 41, 42), 80, today=TODAY).stale is True


# Open SDG parity: hand-computed with CAGR = (v1/v0)^(1/(t1-t0)) - 1.
@pytest.mark.parametrize(
    ("base", "current", "target", "base_year", "year", "status", "ratio", "score"),
    [
        (42, 45, 80, 2024, 2025, OpenSdgStatus.MODERATE_PROGRESS, 0.6300, 0.2143),
        (50, 60, 80, 2024, 2025, OpenSdgStatus.SUBSTANTIAL_PROGRESS, 2.4545, 5.0),
        (50, 51, 80, 2024, 2026, OpenSdgStatus.LIMITED_PROGRESS, 0.1221, -1.9912),
        (50, 45, 80, 2024, 2025, OpenSdgStatus.DETERIORATION, -1.2272, -5.0),
        (50, 85, 80, 2024, 2025, OpenSdgStatus.TARGET_ACHIEVED, None, 5.0),
        (50, 60, 80, 2025, 2025, OpenSdgStatus.NOT_AVAILABLE, None, None),
        (0, 10, 80, 2024, 2025, OpenSdgStatus.SUBSTANTIAL_PROGRESS, 1797.0245, 5.0),
    ],
)
def test_opensdg_parity(
    base: float,
    current: float,
    target: float,
    base_year: int,
    year: int,
    status: OpenSdgStatus,
    ratio: float | None,
    score: float | None,
) -> None:
    result = assess_opensdg(base, current, target, base_year, year)
    assert result.status is status
    if ratio is None:
        assert math.isnan(result.ratio)
    else:
        assert result.ratio == pytest.approx(ratio, abs=1e-3)
    if score is None:
        assert math.isnan(result.score)
    else:
        assert result.score == pytest.approx(score, abs=1e-3)
