"""One series at a time: the reference implementation of the method.

`compute_statuses` does the same for every series at once; tests hold the two equal.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from kpi.periods import TARGET_PERIOD, Quarter, last_ended_quarter
from kpi.progress import method
from kpi.progress.opensdg import OpenSdgResult, assess_opensdg, methods_disagree
from kpi.progress.status import Status


@dataclass(frozen=True, slots=True)
class Point:
    period: Quarter
    value: float


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the method says about one series."""

    status: Status
    reason: str
    reason_en: str
    baseline: Point
    latest: Point
    target: float
    n_points: int
    observed_pace: float
    required_pace: float
    ratio: float
    trajectory_value: float
    gap_pp: float
    remaining_pace_per_year: float
    next_quarter_needed: float
    projected_2030: float
    opensdg: OpenSdgResult
    methods_disagree: bool
    stale: bool

    @property
    def remaining_pace_per_quarter(self) -> float:
        return self.remaining_pace_per_year / 4


def choose_baseline(points: Sequence[Point], catalogue_baseline: Quarter | None) -> Point:
    """The catalogue's baseline period when it has data, else the earliest point."""
    if catalogue_baseline is not None:
        for point in points:
            if point.period == catalogue_baseline:
                return point
    return min(points, key=lambda p: p.period)


def annual_values(points: Sequence[Point]) -> dict[int, float]:
    """For each year, the value of its latest quarter with data."""
    out: dict[int, tuple[int, float]] = {}
    for point in points:
        known = out.get(point.period.year)
        if known is None or point.period.q > known[0]:
            out[point.period.year] = (point.period.q, point.value)
    return {year: value for year, (_q, value) in out.items()}


def assess_series(
    points: Sequence[Point],
    target: float,
    *,
    baseline_period: Quarter | None = None,
    target_period: Quarter = TARGET_PERIOD,
    today: dt.date | None = None,
) -> Assessment:
    """Assess one series (at least one point) against its target."""
    if not points:
        raise ValueError("a series needs at least one value")
    ordered = sorted(points, key=lambda p: p.period)
    baseline = choose_baseline(ordered, baseline_period)
    used = [p for p in ordered if p.period >= baseline.period]
    latest = used[-1]
    t0, t, big_t = baseline.period.years, latest.period.years, target_period.years
    observed = method.least_squares_pace([p.period.years for p in used], [p.value for p in used])
    required = method.required_pace(baseline.value, t0, target, big_t)
    ratio = method.pace_ratio(observed, required)
    status = method.classify(
        latest.value, target, len(used), latest.period - baseline.period, ratio, required
    )
    trajectory = method.trajectory_value(baseline.value, t0, target, big_t, t)
    next_t = (latest.period + 1).years
    needed = method.trajectory_value(baseline.value, t0, target, big_t, next_t)
    annual = annual_values(used)
    sdg = assess_opensdg(
        annual[baseline.period.year],
        annual[latest.period.year],
        target,
        baseline.period.year,
        latest.period.year,
    )
    return Assessment(
        status=status,
        reason=method.reason(status, observed, required, latest.value, target, "vi"),
        reason_en=method.reason(status, observed, required, latest.value, target, "en"),
        baseline=baseline,
        latest=latest,
        target=target,
        n_points=len(used),
        observed_pace=observed,
        required_pace=required,
        ratio=ratio,
        trajectory_value=trajectory,
        gap_pp=latest.value - trajectory,
        remaining_pace_per_year=method.remaining_pace(latest.value, t, target, big_t),
        next_quarter_needed=min(100.0, max(0.0, needed)),
        projected_2030=method.projection(latest.value, observed, t, big_t),
        opensdg=sdg,
        methods_disagree=methods_disagree(status, sdg.status),
        stale=latest.period < last_ended_quarter(today),
    )


def is_nan(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)
