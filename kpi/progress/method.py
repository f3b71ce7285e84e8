"""The steps of the primary method, each a small pure function (docs/methodology.md).

Time is in years: quarters since year 0 divided by 4.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from kpi.progress.status import Status

ON_TRACK_RATIO = 0.95
ACCELERATION_RATIO = 0.60
MIN_POINTS = 2
MIN_SPAN_QUARTERS = 2
# Paces are rounded here so float noise (1e-15 on a flat series) cannot turn R
# negative, and so the per-series and vectorised sums agree.
PACE_DECIMALS = 9
NAN = math.nan


def least_squares_pace(times: Sequence[float], values: Sequence[float]) -> float:
    """Slope of the least-squares line through the points, in points per year."""
    n = len(times)
    if n < 2:
        return NAN
    mean_t = sum(times) / n
    mean_y = sum(values) / n
    sxx = sum((t - mean_t) ** 2 for t in times)
    if sxx == 0:
        return NAN
    sxy = sum((t - mean_t) * (y - mean_y) for t, y in zip(times, values, strict=True))
    return float(np.round(sxy / sxx, PACE_DECIMALS))


def required_pace(y0: float, t0: float, target: float, target_t: float) -> float:
    """Points per year needed from the baseline to reach the target at the target period."""
    return (target - y0) / (target_t - t0) if target_t > t0 else NAN


def pace_ratio(observed: float, required: float) -> float:
    return observed / required if required > 0 and not math.isnan(observed) else NAN


def classify(
    latest: float,
    target: float,
    n_points: int,
    span_quarters: int,
    ratio: float,
    required: float,
) -> Status:
    """The status rules, checked in the methodology's order."""
    if latest >= target:
        return Status.ACHIEVED
    if n_points < MIN_POINTS or span_quarters < MIN_SPAN_QUARTERS:
        return Status.INSUFFICIENT_DATA
    if not required > 0:  # baseline at or above target, latest fell below it
        return Status.DETERIORATING
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= ACCELERATION_RATIO:
        return Status.NEEDS_ACCELERATION
    if ratio >= 0:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATING


def trajectory_value(y0: float, t0: float, target: float, target_t: float, t: float) -> float:
    """Where the straight path from the baseline to the target stands at time t."""
    if target_t <= t0:
        return target
    return y0 + (target - y0) * (t - t0) / (target_t - t0)


def remaining_pace(latest: float, t: float, target: float, target_t: float) -> float:
    """Points per year still needed from the latest value to reach the target."""
    return (target - latest) / (target_t - t) if target_t > t else NAN


def projection(latest: float, observed: float, t: float, target_t: float) -> float:
    """The latest value carried forward at the observed pace, clipped to [0, 100]."""
    if math.isnan(observed):
        return NAN
    return min(100.0, max(0.0, latest + observed * (target_t - t)))


def fmt_number(value: float, lang: str = "vi", digits: int = 1) -> str:
    """'6,3' in Vietnamese, '6.3' in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    # numpy's rounding, as the vectorised engine uses, so both print the same digits
    text = f"{float(np.round(value, digits)) + 0.0:.{digits}f}"  # + 0.0: no "-0,0"
    return text.replace(".", ",") if lang == "vi" else text


def reason(
    status: Status,
    observed: float,
    required: float,
    latest: float,
    target: float,
    lang: str = "vi",
) -> str:
    """A human sentence for the status, e.g. 'Cần tăng tốc: tốc độ hiện tại 3,0 điểm/năm, ...'."""
    obs, req = fmt_number(observed, lang), fmt_number(required, lang)
    now, goal = fmt_number(latest, lang), fmt_number(target, lang, 0)
    if lang == "en":
        texts = {
            Status.ACHIEVED: f"{status.en}: latest {now}% ≥ target {goal}%",
            Status.INSUFFICIENT_DATA: f"{status.en}: need at least 2 values half a year apart",
        }
        default = f"{status.en}: current pace {obs} points/year, needs {req} points/year"
    else:
        texts = {
            Status.ACHIEVED: f"{status.vi}: giá trị mới nhất {now}% ≥ mục tiêu {goal}%",
            Status.INSUFFICIENT_DATA: f"{status.vi}: cần ít nhất 2 giá trị cách nhau từ 2 quý",
        }
        default = f"{status.vi}: tốc độ hiện tại {obs} điểm/năm, cần {req} điểm/năm"
    if status is Status.DETERIORATING and not required > 0:
        if lang == "en":
            return f"{status.en}: fell from the target to {now}% (target {goal}%)"
        return f"{status.vi}: đã đạt rồi giảm xuống {now}% (mục tiêu {goal}%)"
    return texts.get(status, default)
