"""The steps of the method, version 2, each a small pure function (docs/methodology.md).

Time is in years: quarters divided by 4. The fit runs on τ = years since the baseline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kpi.formatting import number
from kpi.periods import Quarter
from kpi.progress.status import Status
from kpi.progress.tdist import t_quantile
from kpi.text import LANGS, words

PROGRAMME_BASELINE = Quarter(2024, 4)  # the quarter before the plan
ON_TRACK_PROGRESS = 0.95
ACCELERATION_PROGRESS = 0.60
MIN_POINTS = 4
MIN_SPAN_QUARTERS = 3
NO_RECENT_QUARTERS = 2  # a latest value this many quarters before the as-of has no verdict
HOLD_PP = 1.0  # holding within a point of a target reached at the baseline
FULL_TARGET = 100.0
FULL_ACHIEVED = 99.0  # UNSD convention for a 100% target
INTERVAL_LEVEL = 0.90  # one-sided quantile of the two-sided 80% interval
# Fitted figures are rounded here so float noise cannot move a series across a boundary,
# and so the per-series and vectorised sums agree.
DECIMALS = 9
NAN = math.nan


@dataclass(frozen=True, slots=True)
class Fit:
    """Least-squares line ŷ(τ) = a + b·τ (τ in years since the baseline)."""

    intercept: float
    slope: float
    residual_se: float
    n: int
    mean_tau: float
    s_tautau: float


def least_squares(taus: Sequence[float], values: Sequence[float]) -> Fit:
    """The line through the points; NaN slope when the times do not vary."""
    n = len(taus)
    mean_t = sum(taus) / n if n else NAN
    mean_y = sum(values) / n if n else NAN
    stt = sum((t - mean_t) ** 2 for t in taus)
    if n < 2 or stt == 0:
        return Fit(NAN, NAN, NAN, n, mean_t, stt)
    sty = sum((t - mean_t) * (y - mean_y) for t, y in zip(taus, values, strict=True))
    slope = sty / stt
    intercept = mean_y - slope * mean_t
    # residuals from the unrounded line: the vectorised engine sums the same terms
    sse = sum((y - (intercept + slope * t)) ** 2 for t, y in zip(taus, values, strict=True))
    se = math.sqrt(max(sse, 0.0) / (n - 2)) if n > 2 else NAN
    return Fit(rounded(intercept), rounded(slope), se, n, mean_t, stt)


def least_squares_pace(times: Sequence[float], values: Sequence[float]) -> float:
    """Slope of the least-squares line through the points, in points per year."""
    if len(times) < 2:
        return NAN
    return least_squares([t - times[0] for t in times], values).slope


def rounded(value: float) -> float:
    return float(np.round(value, DECIMALS))


def achieved_level(target: float) -> float:
    """The value that counts as reaching the target (99 for a 100% target)."""
    return FULL_ACHIEVED if target >= FULL_TARGET else target


def projected_value(fit: Fit, horizon: float) -> float:
    """ŷ at `horizon` years after the baseline, clipped to [0, 100]."""
    if math.isnan(fit.slope):
        return NAN
    return min(100.0, max(0.0, rounded(fit.intercept + fit.slope * horizon)))


def interval(fit: Fit, horizon: float) -> tuple[float, float]:
    """80% prediction interval of the 2030 value, clipped to [0, 100]; only with n ≥ 4."""
    if fit.n < MIN_POINTS or math.isnan(fit.slope) or math.isnan(fit.residual_se):
        return NAN, NAN
    centre = fit.intercept + fit.slope * horizon
    half = (
        t_quantile(INTERVAL_LEVEL, fit.n - 2)
        * fit.residual_se
        * math.sqrt(1 + 1 / fit.n + (horizon - fit.mean_tau) ** 2 / fit.s_tautau)
    )
    return min(100.0, max(0.0, centre - half)), min(100.0, max(0.0, centre + half))


def projected_progress(projected: float, y0: float, target: float) -> float:
    """P = (ŷ_T − y0) / (yT − y0): the share of the required progress the series heads for."""
    if math.isnan(projected) or not target > y0:
        return NAN
    return rounded((projected - y0) / (target - y0))


def required_pace(y0: float, t0: float, target: float, target_t: float) -> float:
    """Points per year needed from the baseline to reach the target at the target period."""
    return (target - y0) / (target_t - t0) if target_t > t0 else NAN


def pace_ratio(observed: float, required: float) -> float:
    return observed / required if required > 0 and not math.isnan(observed) else NAN


def verdict(latest: float, target: float, y0: float, n: int, span: int, progress: float) -> Status:
    """The rules of the status table after `no_recent_data`, in the note's order."""
    if latest >= achieved_level(target):
        return Status.ACHIEVED
    if n < MIN_POINTS or span < MIN_SPAN_QUARTERS:
        return Status.INSUFFICIENT_DATA
    if y0 >= target:
        return Status.DETERIORATING if latest < target - HOLD_PP else Status.ON_TRACK
    if progress >= ON_TRACK_PROGRESS:
        return Status.ON_TRACK
    if progress >= ACCELERATION_PROGRESS:
        return Status.NEEDS_ACCELERATION
    if progress >= 0:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATING


def classify(
    latest: float,
    target: float,
    y0: float,
    n: int,
    span: int,
    progress: float,
    quarters_old: int,
) -> Status:
    """The status table, first rule that holds (`quarters_old`: as-of minus latest quarter)."""
    found = verdict(latest, target, y0, n, span, progress)
    if found is not Status.ACHIEVED and quarters_old >= NO_RECENT_QUARTERS:
        return Status.NO_RECENT_DATA
    return found


def has_verdict(status: Status) -> bool:
    return status not in (Status.INSUFFICIENT_DATA, Status.NO_RECENT_DATA)


def trajectory_value(y0: float, t0: float, target: float, target_t: float, t: float) -> float:
    """Where the straight path from the baseline to the target stands at time t."""
    if target_t <= t0:
        return target
    return y0 + (target - y0) * (t - t0) / (target_t - t0)


def remaining_pace(latest: float, t: float, target: float, target_t: float) -> float:
    """Points per year still needed from the latest value to reach the target."""
    return (target - latest) / (target_t - t) if target_t > t else NAN


ENGINE_MISSING = "–"  # the reasons' mark for no number (an en dash)


def fmt_number(value: float | None, lang: str = "vi", digits: int = 1) -> str:
    """'6,3' in Vietnamese, '6.3' in English, as the reason sentences print numbers."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ENGINE_MISSING
    # numpy's rounding, as the vectorised engine uses, so both print the same digits
    rounded = float(np.round(value, digits)) + 0.0  # + 0.0: no "-0,0"
    return number(rounded, lang, digits, grouping=False, missing=ENGINE_MISSING)


# Which sentence a status row gets; the vectorised engine fills the same templates.
REASON_CASES = (
    "achieved",
    "achieved_full",
    "no_recent",
    "short",
    "no_baseline",
    "no_figure",
    "fell_back",
    "holding",
    "projected",
)
REASONS: dict[str, dict[str, str]] = {
    lang: {case: words(f"reason.{case}", lang) for case in REASON_CASES} for lang in LANGS
}
FIELD = re.compile(r"\{(\w+)\}")


def reason_case(status: Status, target: float, y0: float, has_baseline: bool) -> str:
    """The template a status takes (see REASONS)."""
    if not has_baseline:
        return "no_baseline"
    if status is Status.ACHIEVED:
        return "achieved_full" if target >= FULL_TARGET else "achieved"
    if status is Status.NO_RECENT_DATA:
        return "no_recent"
    if status is Status.INSUFFICIENT_DATA:
        return "short"
    if y0 >= target:
        return "fell_back" if status is Status.DETERIORATING else "holding"
    return "projected"


def reason_fields(
    *, latest: float, target: float, projected: float, progress: float, lang: str
) -> dict[str, str]:
    return {
        "now": fmt_number(latest, lang),
        "goal": fmt_number(target, lang, 0),
        "proj": fmt_number(projected, lang),
        "share": fmt_number(100 * progress if not math.isnan(progress) else NAN, lang, 0),
    }


def fill(template: str, fields: Mapping[str, str]) -> str:
    return FIELD.sub(lambda m: fields[m.group(1)], template)
