"""Open SDG's progress measure (Statistics Canada's 2024 `ProgressMeasure` in sdg-build),
on full calendar years, for comparison with SDG platforms (docs/methodology.md).

A year's value is its Q4 value; a year without Q4 is not used. The ratio divides the
observed compound growth by |required compound growth|.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from kpi.progress.status import OpenSdgStatus, Status

TARGET_YEAR = 2030
SUBSTANTIAL = 0.95
MODERATE = 0.6
FLOOR_SCORE = -5.0


@dataclass(frozen=True, slots=True)
class OpenSdgResult:
    status: OpenSdgStatus
    ratio: float
    score: float
    base_year: int | None = None
    current_year: int | None = None


NOT_AVAILABLE = OpenSdgResult(OpenSdgStatus.NOT_AVAILABLE, math.nan, math.nan)


def cagr(v1: float, v0: float, t1: float, t0: float) -> float:
    """Compound annual growth rate from (t0, v0) to (t1, v1)."""
    return float((v1 / v0) ** (1 / (t1 - t0)) - 1)


def opensdg_score(status: OpenSdgStatus, ratio: float) -> float:
    if status is OpenSdgStatus.TARGET_ACHIEVED:
        return 5.0
    if status is OpenSdgStatus.NOT_AVAILABLE or math.isnan(ratio):
        return math.nan
    if ratio >= MODERATE:
        return min(7.1429 * ratio - 4.2857, 5.0)
    return max(4.1667 * ratio - 2.5, FLOOR_SCORE)


def opensdg_status(ratio: float) -> OpenSdgStatus:
    if ratio >= SUBSTANTIAL:
        return OpenSdgStatus.SUBSTANTIAL_PROGRESS
    if ratio >= MODERATE:
        return OpenSdgStatus.MODERATE_PROGRESS
    if ratio >= 0:
        return OpenSdgStatus.LIMITED_PROGRESS
    return OpenSdgStatus.DETERIORATION


def assess_opensdg(annual: Mapping[int, float], target: float) -> OpenSdgResult:
    """The measure on full-year values ({year: Q4 value}, years from the baseline's on)."""
    if not annual:
        return NOT_AVAILABLE
    base_year, year = min(annual), max(annual)
    base, current = annual[base_year], annual[year]
    if current >= target:  # checked first, as the reference code does
        return OpenSdgResult(OpenSdgStatus.TARGET_ACHIEVED, math.nan, 5.0, base_year, year)
    if year - base_year < 1 or base == 0 or base_year >= TARGET_YEAR:
        return OpenSdgResult(OpenSdgStatus.NOT_AVAILABLE, math.nan, math.nan, base_year, year)
    if base >= target:  # required growth ≤ 0 while the value fell below the target
        return OpenSdgResult(OpenSdgStatus.DETERIORATION, math.nan, FLOOR_SCORE, base_year, year)
    ratio = cagr(current, base, year, base_year) / abs(cagr(target, base, TARGET_YEAR, base_year))
    status = opensdg_status(ratio)
    return OpenSdgResult(status, ratio, opensdg_score(status, ratio), base_year, year)


COMPARABLE = {
    Status.ACHIEVED: OpenSdgStatus.TARGET_ACHIEVED,
    Status.ON_TRACK: OpenSdgStatus.SUBSTANTIAL_PROGRESS,
    Status.NEEDS_ACCELERATION: OpenSdgStatus.MODERATE_PROGRESS,
    Status.LIMITED_PROGRESS: OpenSdgStatus.LIMITED_PROGRESS,
    Status.DETERIORATING: OpenSdgStatus.DETERIORATION,
}


def methods_disagree(status: Status, sdg: OpenSdgStatus) -> bool:
    """True when both methods give a verdict and the verdicts differ."""
    if status not in COMPARABLE or sdg is OpenSdgStatus.NOT_AVAILABLE:
        return False
    return COMPARABLE[status] is not sdg
