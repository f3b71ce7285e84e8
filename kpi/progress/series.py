"""One series at a time: the reference implementation of the method (version 2).

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

NAN = math.nan


@dataclass(frozen=True, slots=True)
class Point:
    period: Quarter
    value: float


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the method says about one series; NaN where a figure has no meaning."""

    status: Status
    reason: str
    reason_en: str
    baseline: Point | None
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
    projected_low: float
    projected_high: float
    projected_progress: float
    opensdg: OpenSdgResult
    methods_disagree: bool
    stale: bool
    as_of: Quarter

    @property
    def remaining_pace_per_quarter(self) -> float:
        return self.remaining_pace_per_year / 4


def choose_baseline(points: Sequence[Point], programme: Quarter) -> Point | None:
    """The programme baseline when it has data, else the first point after it."""
    after = [p for p in points if p.period >= programme]
    return min(after, key=lambda p: p.period) if after else None


def annual_values(points: Sequence[Point]) -> dict[int, float]:
    """Full calendar years only: each year's Q4 value."""
    return {p.period.year: p.value for p in points if p.period.q == 4}


def assess_series(
    points: Sequence[Point],
    target: float,
    *,
    baseline_period: Quarter | None = None,
    target_period: Quarter = TARGET_PERIOD,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """Assess one series (at least one point up to the as-of quarter) against its target."""
    as_of = as_of or last_ended_quarter(today)
    ordered = sorted((p for p in points if p.period <= as_of), key=lambda p: p.period)
    if not ordered:
        raise ValueError("a series needs at least one value")
    baseline = choose_baseline(ordered, baseline_period or method.PROGRAMME_BASELINE)
    if baseline is None:
        return _without_baseline(ordered, target, as_of, baseline_period)
    used = [p for p in ordered if p.period >= baseline.period]
    latest = used[-1]
    t0, t, big_t = baseline.period.years, latest.period.years, target_period.years
    fit = method.least_squares([p.period.years - t0 for p in used], [p.value for p in used])
    projected = method.projected_value(fit, big_t - t0)
    progress = method.projected_progress(projected, baseline.value, target)
    old = as_of - latest.period
    status = method.classify(
        latest.value,
        target,
        baseline.value,
        len(used),
        latest.period - baseline.period,
        progress,
        old,
    )
    then = method.verdict(
        latest.value, target, baseline.value, len(used), latest.period - baseline.period, progress
    )
    judged = method.has_verdict(status)
    low, high = method.interval(fit, big_t - t0) if judged else (NAN, NAN)
    required = method.required_pace(baseline.value, t0, target, big_t)
    trajectory = method.trajectory_value(baseline.value, t0, target, big_t, t)
    achieved = status is Status.ACHIEVED
    remaining = NAN if achieved else method.remaining_pace(latest.value, t, target, big_t)
    needed = NAN if achieved else min(100.0, max(0.0, latest.value + remaining / 4))
    sdg = assess_opensdg(annual_values(used), target)
    texts = {
        lang: _reason(status, then, latest, baseline, target, projected, progress, lang)
        for lang in ("vi", "en")
    }
    return Assessment(
        status=status,
        reason=texts["vi"],
        reason_en=texts["en"],
        baseline=baseline,
        latest=latest,
        target=target,
        n_points=len(used),
        observed_pace=fit.slope,
        required_pace=required,
        ratio=method.pace_ratio(fit.slope, required) if judged else NAN,
        trajectory_value=trajectory,
        gap_pp=latest.value - trajectory,
        remaining_pace_per_year=remaining,
        next_quarter_needed=needed,
        projected_2030=projected if judged else NAN,
        projected_low=low,
        projected_high=high,
        projected_progress=progress if judged else NAN,
        opensdg=sdg,
        methods_disagree=methods_disagree(status, sdg.status),
        stale=latest.period < as_of,
        as_of=as_of,
    )


def _reason(
    status: Status,
    then: Status,
    latest: Point,
    baseline: Point,
    target: float,
    projected: float,
    progress: float,
    lang: str,
) -> str:
    case = method.reason_case(status, target, baseline.value, True)
    fields = method.reason_fields(
        latest=latest.value, target=target, projected=projected, progress=progress, lang=lang
    )
    fields |= {
        "word": status.word(lang),
        "last": latest.period.name(lang),
        "verdict": then.word(lang),
    }
    return method.fill(method.REASONS[lang][case], fields)


def _without_baseline(
    ordered: Sequence[Point], target: float, as_of: Quarter, baseline_period: Quarter | None
) -> Assessment:
    """Data only before the baseline: shown, never judged."""
    latest = ordered[-1]
    base = baseline_period or method.PROGRAMME_BASELINE
    texts = {
        lang: method.fill(
            method.REASONS[lang]["no_baseline"],
            {"word": Status.INSUFFICIENT_DATA.word(lang), "base": base.name(lang)},
        )
        for lang in ("vi", "en")
    }
    return Assessment(
        status=Status.INSUFFICIENT_DATA,
        reason=texts["vi"],
        reason_en=texts["en"],
        baseline=None,
        latest=latest,
        target=target,
        n_points=0,
        observed_pace=NAN,
        required_pace=NAN,
        ratio=NAN,
        trajectory_value=NAN,
        gap_pp=NAN,
        remaining_pace_per_year=NAN,
        next_quarter_needed=NAN,
        projected_2030=NAN,
        projected_low=NAN,
        projected_high=NAN,
        projected_progress=NAN,
        opensdg=assess_opensdg({}, target),
        methods_disagree=False,
        stale=latest.period < as_of,
        as_of=as_of,
    )


def is_nan(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)
