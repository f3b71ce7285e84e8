"""The vectorised engine equals the per-series reference; invariants; the roll-up."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi.catalogue import Catalogue
from kpi.periods import Quarter, parse_quarter
from kpi.progress import (
    CONTRACT_COLUMNS,
    Point,
    Status,
    assess_series,
    compute_statuses,
    ministry_statuses,
    rollup,
    trajectory_points,
)
from kpi.services.demo import demo_frame
from kpi.units import Unit, UnitRegistry

TODAY = dt.date(2026, 11, 22)


def long_frame(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indicator_code", "unit_code", "period", "value"])
    frame["period_index"] = [parse_quarter(p).index for p in frame["period"]]
    frame["numerator"] = np.nan
    frame["denominator"] = np.nan
    return frame


def demo_long(catalogue: Catalogue) -> pd.DataFrame:
    frame = demo_frame(catalogue, TODAY)
    frame["period_index"] = [parse_quarter(p).index for p in frame["period"]]
    return frame


def _close(a: object, b: float) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return math.isnan(b)
    return math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-9)  # type: ignore[arg-type]


def assert_same_as_reference(frame: pd.DataFrame, catalogue: Catalogue) -> None:
    statuses = compute_statuses(frame, catalogue, today=TODAY)
    for row in statuses.to_dict("records"):
        part = frame[
            (frame["indicator_code"] == row["indicator_code"])
            & (frame["unit_code"] == row["unit_code"])
        ]
        indicator = catalogue[row["indicator_code"]]
        ref = assess_series(
            [
                Point(Quarter.from_index(int(i)), float(v))
                for i, v in zip(part["period_index"], part["value"], strict=True)
            ],
            indicator.target,
            baseline_period=indicator.baseline_period,
            today=TODAY,
        )
        assert row["status"] == ref.status.value
        assert row["reason"] == ref.reason and row["reason_en"] == ref.reason_en
        assert row["opensdg_status"] == ref.opensdg.status.value
        assert row["methods_disagree"] == ref.methods_disagree and row["stale"] == ref.stale
        assert row["baseline_period"] == (str(ref.baseline.period) if ref.baseline else None)
        assert row["latest_period"] == str(ref.latest.period)
        for column, expected in [
            ("ratio", ref.ratio),
            ("observed_pace_pp_per_year", ref.observed_pace),
            ("required_pace_pp_per_year", ref.required_pace),
            ("gap_pp", ref.gap_pp),
            ("trajectory_value", ref.trajectory_value),
            ("projected_2030", ref.projected_2030),
            ("next_quarter_needed", ref.next_quarter_needed),
            ("remaining_pace_pp_per_quarter", ref.remaining_pace_per_quarter),
            ("opensdg_score", ref.opensdg.score),
            ("opensdg_ratio", ref.opensdg.ratio),
            ("projected_progress", ref.projected_progress),
            ("projected_2030_low", ref.projected_low),
            ("projected_2030_high", ref.projected_high),
        ]:
            assert _close(row[column], expected), (column, row[column], expected)


def test_vectorised_equals_reference_on_demo(catalogue: Catalogue) -> None:
    frame = demo_long(catalogue)
    statuses = compute_statuses(frame, catalogue, today=TODAY)
    assert list(statuses.columns[: len(CONTRACT_COLUMNS)]) == CONTRACT_COLUMNS
    assert len(statuses) == frame.groupby(["indicator_code", "unit_code"]).ngroups
    assert_same_as_reference(frame, catalogue)


def test_as_of_uses_only_earlier_periods(catalogue: Catalogue) -> None:
    frame = demo_long(catalogue)
    statuses = compute_statuses(frame, catalogue, as_of=Quarter(2025, 2), today=TODAY)
    assert set(statuses["latest_period"]) == {"2025-Q2"}
    assert set(statuses["as_of_index"]) == {Quarter(2025, 2).index}


values = st.floats(min_value=0, max_value=100, allow_nan=False)


@st.composite
def series(draw: st.DrawFn) -> list[float]:
    return draw(st.lists(values, min_size=1, max_size=12))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(series(), st.sampled_from(["1.1", "1.8", "2"]), st.floats(min_value=0, max_value=60))
def test_raising_latest_never_worsens(points: list[float], code: str, bump: float) -> None:
    from kpi.catalogue import load_catalogue

    target = load_catalogue()[code].target
    before = assess_series(_points(points), target, as_of=_points(points)[-1].period)
    raised = [*points[:-1], min(100.0, points[-1] + bump)]
    after = assess_series(_points(raised), target, as_of=_points(points)[-1].period)
    no_verdict = (Status.INSUFFICIENT_DATA, Status.NO_RECENT_DATA)
    assert after.status.rank >= before.status.rank or before.status in no_verdict


def _points(vals: list[float]) -> list[Point]:
    return [Point(Quarter(2024, 4) + i, v) for i, v in enumerate(vals)]


@settings(max_examples=80, deadline=None)
@given(series(), st.floats(min_value=1, max_value=100))
def test_achieved_iff_latest_at_target_and_projection_bounded(
    points: list[float], target: float
) -> None:
    result = assess_series(_points(points), target, as_of=_points(points)[-1].period)
    level = 99.0 if target >= 100 else target
    judged_from_baseline = result.baseline is not None
    assert (result.status is Status.ACHIEVED) == (judged_from_baseline and points[-1] >= level)
    if not math.isnan(result.projected_2030):
        assert 0 <= result.projected_2030 <= 100
    if not math.isnan(result.next_quarter_needed):
        assert 0 <= result.next_quarter_needed <= 100


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 1000), st.integers(1, 1000)), min_size=1, max_size=8))
def test_rollup_of_one_unit_equals_that_unit(counts: list[tuple[int, int]]) -> None:
    registry = UnitRegistry([Unit("BNV", "Bộ", None), Unit("A", "Đơn vị A", "BNV")])
    rows = []
    for i, (a, b) in enumerate(counts):
        num, den = min(a, b), max(a, b)
        rows.append(("1.1", "A", str(Quarter(2024, 1) + i), 100 * num / den, num, den))
    frame = pd.DataFrame(
        rows, columns=["indicator_code", "unit_code", "period", "value", "numerator", "denominator"]
    )
    frame["period_index"] = [parse_quarter(p).index for p in frame["period"]]
    rolled = rollup(frame, registry)
    assert np.allclose(rolled["value"], frame["value"])
    assert (rolled["source"] == "rollup").all() and (rolled["missing_count_units"] == "").all()


def _counts_frame(
    rows: list[tuple[str, str, float | None, float | None, float | None]],
) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["unit_code", "period", "value", "numerator", "denominator"])
    frame["indicator_code"] = "1.1"
    frame["period_index"] = [parse_quarter(p).index for p in frame["period"]]
    return frame


def test_rollup_sums_counts_never_averages_percentages() -> None:
    registry = UnitRegistry(
        [
            Unit("BNV", "Bộ", None),
            Unit("A", "A", "BNV"),
            Unit("B", "B", "BNV"),
            Unit("B1", "B1", "B"),
            Unit("B2", "B2", "B"),
        ]
    )
    frame = _counts_frame(
        [
            ("A", "2025-Q1", 10.0, 10, 100),
            ("B1", "2025-Q1", 90.0, 900, 1000),
            ("B2", "2025-Q1", 50.0, None, None),  # value without counts
        ]
    )
    rolled = rollup(frame, registry)
    assert rolled.loc[0, "value"] == pytest.approx(100 * 910 / 1100)
    assert rolled.loc[0, "missing_count_units"] == "B2"


def test_reported_root_is_official_and_difference_flagged() -> None:
    registry = UnitRegistry([Unit("BNV", "Bộ", None), Unit("A", "A", "BNV")])
    frame = _counts_frame(
        [
            ("A", "2025-Q1", 40.0, 40, 100),
            ("BNV", "2025-Q1", 45.0, 45, 100),
            ("A", "2025-Q2", 50.0, 50, 100),
            ("BNV", "2025-Q2", 50.0, 50, 100),
        ]
    )
    rolled = rollup(frame, registry)
    assert list(rolled["value"]) == [45.0, 50.0]
    assert list(rolled["source"]) == ["reported", "reported"]
    assert list(rolled["rollup_differs"]) == [True, False]


def test_ministry_statuses_cover_all_indicators(catalogue: Catalogue) -> None:
    registry = UnitRegistry(
        [Unit("BNV", "Bộ", None)]
        + [Unit(code, code, "BNV") for code in ("VPB", "TTCNTT", "CVTLT", "CNCC", "VCCVC", "VCCHC")]
    )
    statuses = ministry_statuses(demo_long(catalogue), catalogue, registry, today=TODAY)
    assert list(statuses["indicator_code"]) == list(catalogue.codes)
    assert (statuses["unit_code"] == "BNV").all()
    found = set(statuses["status"])
    assert {
        "achieved",
        "on_track",
        "needs_acceleration",
        "limited_progress",
        "deteriorating",
    } <= found


def test_trajectory_points_for_chart() -> None:
    """The projection is the status' own fit: it ends on the printed 2030 value and interval;
    nothing after the as-of quarter is drawn; no verdict, no projection."""
    from kpi.catalogue import load_catalogue

    values = [("2024-Q4", 40.0), ("2025-Q1", 41.0), ("2025-Q2", 43.0), ("2025-Q3", 44.0),
              ("2025-Q4", 46.0), ("2026-Q1", 90.0)]  # fmt: skip
    frame = long_frame([("1.1", "A", p, v) for p, v in values])
    as_of = parse_quarter("2025-Q4")
    row = compute_statuses(frame, load_catalogue(), as_of=as_of).iloc[0]
    points = trajectory_points(frame, row)
    assert set(points["kind"]) == {"actual", "required", "projection"}
    assert "2026-Q1" not in set(points.loc[points["kind"] == "actual", "period"])
    required = points[points["kind"] == "required"]
    assert list(required["label"]) == ["Q4/2024", "Q4/2030"]
    projection = points[points["kind"] == "projection"]
    assert (projection["lower"] <= projection["value"]).all()
    assert (projection["value"] <= projection["upper"]).all()
    end = projection.iloc[-1]
    assert end["period"] == "2030-Q4"
    assert end["value"] == pytest.approx(row["projected_2030"])
    assert (end["lower"], end["upper"]) == pytest.approx(
        (row["projected_2030_low"], row["projected_2030_high"])
    )
    short = compute_statuses(frame.head(3), load_catalogue(), as_of=parse_quarter("2025-Q2")).iloc[
        0
    ]
    assert short["status"] == "insufficient_data"
    assert "projection" not in set(trajectory_points(frame.head(3), short)["kind"])
