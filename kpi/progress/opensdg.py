"""Open SDG's compound-growth progress measure, on annual values (for comparability)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kpi.progress.status import OpenSdgStatus, Status

ZERO_SUBSTITUTE = 0.001
TARGET_YEAR = 2030
SUBSTANTIAL = 0.95
MODERATE = 0.6


@dataclass(frozen=True, slots=True)
class OpenSdgResult:
    status: OpenSdgStatus
    ratio: float
    score: float


def cagr(v1: float, v0: float, t1: float, t0: float) -> float:
    return float((v1 / v0) ** (1 / (t1 - t0)) - 1)


def opensdg_ratio(base: float, current: float, target: float, base_year: int, year: int) -> float:
    if base_year >= TARGET_YEAR:
        return math.nan
    base = base or ZERO_SUBSTITUTE
    target = target or ZERO_SUBSTITUTE
    observed = cagr(current, base, year, base_year)
    needed = cagr(target, base, TARGET_YEAR, base_year)
    return observed / abs(needed) if needed != 0 else math.nan


def opensdg_score(status: OpenSdgStatus, ratio: float) -> float:
    if status is OpenSdgStatus.TARGET_ACHIEVED:
        return 5.0
    if status is OpenSdgStatus.NOT_AVAILABLE or math.isnan(ratio):
        return math.nan
    if ratio >= MODERATE:
        return min(7.1429 * ratio - 4.2857, 5.0)
    return max(4.1667 * ratio - 2.5, -5.0)


def opensdg_status(ratio: float) -> OpenSdgStatus:
    if ratio >= SUBSTANTIAL:
        return OpenSdgStatus.SUBSTANTIAL_PROGRESS
    if ratio >= MODERATE:
        return OpenSdgStatus.MODERATE_PROGRESS
    if ratio >= 0:
        return OpenSdgStatus.LIMITED_PROGRESS
    return OpenSdgStatus.DETERIORATION


def assess_opensdg(
    base: float, current: float, target: float, base_year: int, year: int
) -> OpenSdgResult:
    """The measure for one series' annual base and current values."""
    if year - base_year < 1:
        return OpenSdgResult(OpenSdgStatus.NOT_AVAILABLE, math.nan, math.nan)
    if current >= target:
        return OpenSdgResult(OpenSdgStatus.TARGET_ACHIEVED, math.nan, 5.0)
    ratio = opensdg_ratio(base, current, target, base_year, year)
    status = opensdg_status(ratio) if not math.isnan(ratio) else OpenSdgStatus.NOT_AVAILABLE
    return OpenSdgResult(status, ratio, opensdg_score(status, ratio))


COMPARABLE = {
    Status.ACHIEVED: OpenSdgStatus.TARGET_ACHIEVED,
    Status.ON_TRACK: OpenSdgStatus.SUBSTANTIAL_PROGRESS,
    Status.NEEDS_ACCELERATION: OpenSdgStatus.MODERATE_PROGRESS,
    Status.LIMITED_PROGRESS: OpenSdgStatus.LIMITED_PROGRESS,
    Status.DETERIORATING: OpenSdgStatus.DETERIORATION,
}


def methods_disagree(status: Status, sdg: OpenSdgStatus) -> bool:
    """True when both methods give a verdict and the verdicts differ."""
    if status is Status.INSUFFICIENT_DATA or sdg is OpenSdgStatus.NOT_AVAILABLE:
        return False
    return COMPARABLE[status] is not sdg
