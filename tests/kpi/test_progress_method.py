"""The method of docs/methodology.md (version 2): rule order, boundaries, the worked
example figure by figure, the 80% interval's coverage, Open SDG on full years."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.periods import Quarter
from kpi.progress import OpenSdgStatus, Point, Status, assess_opensdg, assess_series
from kpi.progress.method import classify, least_squares_pace
from kpi.progress.tdist import t_quantile

BASE = Quarter(2024, 4)
AS_OF = Quarter(2025, 4)


def _series(*values: float, start: Quarter = BASE) -> list[Point]:
    return [Point(start + i, v) for i, v in enumerate(values)]


def test_worked_example_figure_by_figure() -> None:
    result = assess_series(_series(40, 41, 43, 44, 46), 80.0, as_of=AS_OF)
    assert result.n_points == 5
    assert result.observed_pace == pytest.approx(6.0)
    assert result.projected_2030 == pytest.approx(75.8)
    assert result.projected_progress == pytest.approx(0.895)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.required_pace == pytest.approx(40 / 6)
    assert result.ratio == pytest.approx(0.90)
    assert result.trajectory_value == pytest.approx(46.67, abs=0.005)
    assert result.gap_pp == pytest.approx(-0.67, abs=0.005)
    assert t_quantile(0.90, 3) == pytest.approx(1.6377, abs=1e-4)
    assert result.projected_low == pytest.approx(72.15, abs=0.005)
    assert result.projected_high == pytest.approx(79.45, abs=0.005)
    assert result.remaining_pace_per_year == pytest.approx(34 / 5)
    assert result.next_quarter_needed == pytest.approx(46 + 34 / 20)
    assert result.stale is False
    assert result.reason == (
        "Cần tăng tốc: dự báo năm 2030 đạt 75,8%, bằng 90% mức tăng cần có để đạt mục tiêu 80%"
    )


def _line_to(projected: float, y0: float = 20.0) -> list[Point]:
    """Four collinear points from y0 at 2024-Q4 whose line reaches `projected` at 2030-Q4."""
    pace = (projected - y0) / 6
    return _series(*(y0 + pace * q / 4 for q in range(4)))


# Baseline 20, target 80: P = (ŷ_T − 20) / 60.
@pytest.mark.parametrize(
    ("projected", "progress", "expected"),
    [
        (77.0, 0.95, Status.ON_TRACK),
        (76.94, 0.949, Status.NEEDS_ACCELERATION),
        (56.0, 0.60, Status.NEEDS_ACCELERATION),
        (55.94, 0.599, Status.LIMITED_PROGRESS),
        (20.0, 0.0, Status.LIMITED_PROGRESS),
        (19.94, -0.001, Status.DETERIORATING),
    ],
)
def test_projected_progress_boundaries(projected: float, progress: float, expected: Status) -> None:
    result = assess_series(_line_to(projected), 80.0, as_of=Quarter(2025, 3))
    assert result.projected_progress == pytest.approx(progress)
    assert result.status is expected


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        (0.95, Status.ON_TRACK),
        (0.9499, Status.NEEDS_ACCELERATION),
        (0.60, Status.NEEDS_ACCELERATION),
        (0.5999, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-0.0001, Status.DETERIORATING),
    ],
)
def test_classify_table(progress: float, expected: Status) -> None:
    assert classify(50, 80, 40, 4, 3, progress, 0) is expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((40, 41, 42), Status.INSUFFICIENT_DATA),  # 3 values
        ((40, 41, 42, 43), Status.NEEDS_ACCELERATION),  # 4 values over 3 quarters: P = 0.6
    ],
)
def test_four_value_limit(values: tuple[float, ...], expected: Status) -> None:
    result = assess_series(_series(*values), 80.0, as_of=BASE + (len(values) - 1))
    assert result.status is expected
    if expected is Status.INSUFFICIENT_DATA:
        assert math.isnan(result.projected_2030) and math.isnan(result.projected_low)
        assert math.isnan(result.projected_progress)


def test_three_quarter_span_limit() -> None:
    # 4 values but spanning 2 quarters cannot happen with quarterly data; the span rule
    # is checked on its own.
    assert classify(50, 80, 40, 4, 2, 1.0, 0) is Status.INSUFFICIENT_DATA
    assert classify(50, 80, 40, 4, 3, 1.0, 0) is Status.ON_TRACK


def test_ninety_nine_on_a_hundred_target() -> None:
    result = assess_series(_series(90, 95, 99), 100.0, as_of=Quarter(2025, 2))
    assert result.status is Status.ACHIEVED and "99%" in result.reason
    below = assess_series(_series(90, 95, 98.9), 100.0, as_of=Quarter(2025, 2))
    assert below.status is Status.INSUFFICIENT_DATA
    assert classify(98.99, 100, 90, 5, 4, 2.0, 0) is Status.ON_TRACK
    assert classify(99, 100, 90, 5, 4, -1.0, 0) is Status.ACHIEVED


@pytest.mark.parametrize(
    ("latest", "expected"),
    [(79.0, Status.ON_TRACK), (78.99, Status.DETERIORATING), (79.5, Status.ON_TRACK)],
)
def test_holding_within_a_point(latest: float, expected: Status) -> None:
    result = assess_series(_series(82, 81, 80, latest), 80.0, as_of=Quarter(2025, 3))
    assert result.status is expected
    assert math.isnan(result.projected_progress)  # P has no meaning from above the target


def test_no_recent_data_names_the_last_quarter_and_verdict() -> None:
    points = _series(40, 41, 43, 44, 46)
    one_late = assess_series(points, 80.0, as_of=Quarter(2026, 1))
    assert one_late.status is Status.NEEDS_ACCELERATION and one_late.stale
    two_late = assess_series(points, 80.0, as_of=Quarter(2026, 2))
    assert two_late.status is Status.NO_RECENT_DATA and two_late.stale
    assert "Quý 4/2025" in two_late.reason and "Cần tăng tốc" in two_late.reason
    assert math.isnan(two_late.projected_2030) and math.isnan(two_late.ratio)


def test_as_of_cuts_the_series() -> None:
    points = _series(40, 41, 43, 44, 46)
    result = assess_series(points, 80.0, as_of=Quarter(2025, 3))
    assert result.latest.period == Quarter(2025, 3) and result.n_points == 4


def test_baseline_rule() -> None:
    early = [Point(Quarter(2024, 2), 10.0), *_series(40, 41, 43, 44)]
    result = assess_series(early, 80.0, as_of=Quarter(2025, 3))
    assert result.baseline == Point(BASE, 40.0) and result.n_points == 4  # data before: shown only
    late = _series(41, 43, 44, 46, start=Quarter(2025, 1))
    assert assess_series(late, 80.0, as_of=AS_OF).baseline == Point(Quarter(2025, 1), 41.0)
    before = assess_series([Point(Quarter(2024, 2), 10.0)], 80.0, as_of=AS_OF)
    assert before.status is Status.INSUFFICIENT_DATA and before.baseline is None
    assert "kỳ gốc" in before.reason


def test_achieved_says_hold_never_a_negative_pace() -> None:
    result = assess_series(_series(70, 75, 78, 80, 81), 80.0, as_of=AS_OF)
    assert result.status is Status.ACHIEVED
    assert math.isnan(result.remaining_pace_per_year) and math.isnan(result.next_quarter_needed)


def test_least_squares_uses_every_point() -> None:
    assert least_squares_pace([0, 0.25, 0.5, 0.75], [10, 11, 12, 13]) == pytest.approx(4.0)
    assert math.isnan(least_squares_pace([1.0], [3.0]))


def test_t_quantiles_match_the_table() -> None:
    table = {1: 3.0777, 2: 1.8856, 5: 1.4759, 10: 1.3722, 30: 1.3104}
    for df, value in table.items():
        assert t_quantile(0.90, df) == pytest.approx(value, abs=1e-4)


@pytest.mark.parametrize("n_points", [5, 8, 16])
def test_interval_covers_the_true_2030_value_80_percent_of_the_time(n_points: int) -> None:
    """The 2030 value a series will show is its line plus that quarter's own noise: the
    prediction interval (the "1 +" under the root) is for that value."""
    rng = np.random.default_rng(20261 + n_points)
    runs, covered = 2000, 0
    for _ in range(runs):
        start, pace, noise = rng.uniform(25, 40), rng.uniform(0, 6), rng.uniform(0.5, 3)
        taus = np.arange(n_points) / 4
        values = start + pace * taus + rng.normal(0, noise, n_points)
        truth = start + pace * 6.0 + rng.normal(0, noise)
        result = assess_series(_series(*values.tolist()), 99.5, as_of=BASE + (n_points - 1))
        covered += result.projected_low <= truth <= result.projected_high
    assert abs(covered / runs - 0.80) <= 0.03


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(0, 100).map(lambda v: round(v, 1)), min_size=1, max_size=12),
    st.sampled_from([50.0, 80.0, 100.0]),
)
def test_status_agrees_with_projection(values: list[float], target: float) -> None:
    result = assess_series(_series(*values), target, as_of=BASE + (len(values) - 1))
    p = result.projected_progress
    if result.status in (Status.INSUFFICIENT_DATA, Status.NO_RECENT_DATA):
        assert math.isnan(result.projected_2030) and math.isnan(p)
        return
    if math.isnan(p) or result.status is Status.ACHIEVED:
        return
    assert (result.status is Status.ON_TRACK) == (p >= 0.95)
    assert (result.status is Status.DETERIORATING) == (p < 0)
    assert not math.isnan(result.projected_low) and result.projected_low <= result.projected_high


# Open SDG on full years: hand-computed with CAGR = (v1/v0)^(1/(t1-t0)) - 1.
@pytest.mark.parametrize(
    ("annual", "target", "status", "ratio", "score"),
    [
        ({2024: 42, 2025: 45}, 80, OpenSdgStatus.MODERATE_PROGRESS, 0.6300, 0.2143),
        ({2024: 50, 2025: 60}, 80, OpenSdgStatus.SUBSTANTIAL_PROGRESS, 2.4545, 5.0),
        ({2024: 50, 2026: 51}, 80, OpenSdgStatus.LIMITED_PROGRESS, 0.1221, -1.9912),
        ({2024: 50, 2025: 45}, 80, OpenSdgStatus.DETERIORATION, -1.2272, -5.0),
        ({2024: 50, 2025: 85}, 80, OpenSdgStatus.TARGET_ACHIEVED, None, 5.0),
        ({2025: 60}, 80, OpenSdgStatus.NOT_AVAILABLE, None, None),
        ({2024: 0, 2025: 10}, 80, OpenSdgStatus.NOT_AVAILABLE, None, None),
        ({2024: 80, 2025: 79}, 80, OpenSdgStatus.DETERIORATION, None, -5.0),
    ],
)
def test_opensdg_measure(
    annual: dict[int, float],
    target: float,
    status: OpenSdgStatus,
    ratio: float | None,
    score: float | None,
) -> None:
    result = assess_opensdg(annual, target)
    assert result.status is status
    assert (
        math.isnan(result.ratio)
        if ratio is None
        else result.ratio == pytest.approx(ratio, abs=1e-3)
    )
    assert (
        math.isnan(result.score)
        if score is None
        else result.score == pytest.approx(score, abs=1e-3)
    )


def test_opensdg_uses_full_years_only() -> None:
    # Q4 2024 and Q4 2025 only: the quarters between are not years.
    result = assess_series(_series(40, 41, 43, 44, 46, 47), 80.0, as_of=Quarter(2026, 1))
    assert (result.opensdg.base_year, result.opensdg.current_year) == (2024, 2025)
    short = assess_series(_series(40, 41, 43, 44), 80.0, as_of=Quarter(2025, 3))
    assert short.opensdg.status is OpenSdgStatus.NOT_AVAILABLE
