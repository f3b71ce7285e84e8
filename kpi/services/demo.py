"""Deterministic, labelled demo data: plausible trajectories for every indicator.

Each indicator is given a pace ratio against the path its 2030 target needs, so
the demo shows every status: achieved, on track, needs acceleration, off target
and one deteriorating series. Every row is marked `is_demo`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd

from kpi.audit_text import DEMO_NOTE
from kpi.canonical import content_hash, period_indexes
from kpi.catalogue import Catalogue
from kpi.periods import TARGET_PERIOD, Quarter, last_ended_quarter, period_code, quarter_range
from kpi.services.commit import UploadMeta, commit_upload
from kpi.storage import Storage
from kpi.storage.repository import clear_demo, has_measurements

DEMO_ACTOR = "demo@kpi.local"
FIRST = Quarter(2024, 1)
SEED = 71
UNITS = ("VPB", "TTCNTT", "CVTLT", "CNCC", "VCCVC", "VCCHC")
# indicator -> (start value, pace ratio vs the required pace); ratio None = reaches target.
PROFILES: dict[str, tuple[float, float | None]] = {
    "1.1": (42.0, 0.45),
    "1.2": (55.0, 1.15),
    "1.3": (48.0, 0.8),
    "1.4": (40.0, 1.0),
    "1.5": (20.0, 0.3),
    "1.6": (35.0, 0.75),
    "1.7": (22.0, 1.25),
    "1.8": (24.0, None),
    "1.9": (60.0, 0.85),
    "1.10": (58.0, 1.05),
    "1.11": (70.0, 1.0),
    "1.12": (70.0, -0.6),
    "1.13": (15.0, 0.4),
    "1.14": (45.0, None),
    "1.15": (45.0, 1.3),
    "2": (62.0, 0.7),
}
STALE_UNIT = "VCCHC"  # reports late: no figure for the last quarters


def _series_values(start: float, ratio: float | None, target: float, n: int) -> np.ndarray:
    years = np.arange(n) / 4
    span = (TARGET_PERIOD - FIRST) / 4
    if ratio is None:  # reaches the target within the first two years
        return np.minimum(start + (target + 3 - start) * years / 2.0, 100.0)
    pace = ratio * (target - start) / span
    return start + pace * years


def demo_frame(catalogue: Catalogue, today: dt.date | None = None) -> pd.DataFrame:
    """The demo figures as a canonical frame with counts, 2024-Q1 to the last ended quarter.

    A quarter still running cannot be uploaded (methodology), so the demo has none either.
    """
    rng = np.random.default_rng(SEED)
    periods = quarter_range(FIRST, last_ended_quarter(today))
    parts = []
    for indicator in catalogue:
        start, ratio = PROFILES.get(indicator.code, (40.0, 0.9))
        base = _series_values(start, ratio, indicator.target, len(periods))
        for unit in UNITS:
            offset = rng.normal(0, 2.5)
            noise = rng.normal(0, 0.6, len(periods))
            values = np.clip(base + offset + noise, 0.5, 100.0)
            denominator = rng.integers(300, 4000) + np.arange(len(periods)) * rng.integers(0, 20)
            numerator = np.minimum(np.round(values / 100 * denominator), denominator)
            parts.append(
                pd.DataFrame(
                    {
                        "indicator_code": indicator.code,
                        "unit_code": unit,
                        "period": [str(p) for p in periods],
                        "numerator": numerator.astype(float),
                        "denominator": denominator.astype(float),
                    }
                )
            )
    frame = pd.concat(parts, ignore_index=True)
    frame["value"] = (100 * frame["numerator"] / frame["denominator"]).round(2)
    frame["note"] = None
    last_two = {str(p) for p in periods[-2:]}
    stale = (frame["unit_code"] == STALE_UNIT) & frame["period"].isin(last_two)
    return frame[~stale].reset_index(drop=True)


def load_demo(
    storage: Storage,
    catalogue: Catalogue,
    today: dt.date | None = None,
    progress: Callable[[float], None] | None = None,
) -> int:
    """Load the demo quarter by quarter, as officers would; returns rows written."""
    frame = demo_frame(catalogue, today)
    written = 0
    indexes = period_indexes(frame["period"])
    periods = sorted(int(i) for i in indexes.unique())
    for n, index in enumerate(periods, start=1):
        part = frame[indexes == index].reset_index(drop=True)
        digest = content_hash(part)
        meta = UploadMeta(
            file_name=f"minh-hoa-{period_code(index)}.csv",
            sha256=digest,
            size_bytes=0,
            content_hash=digest,
            note=DEMO_NOTE,
            is_demo=True,
        )
        result = commit_upload(storage, part, actor=DEMO_ACTOR, meta=meta)
        written += result.rows_new + result.rows_changed
        if progress:
            progress(n / len(periods))
    return written


def seed_demo_if_empty(storage: Storage, catalogue: Catalogue) -> bool:
    """Used by `kpi serve --demo` and `make run`: seed only an empty database."""
    if has_measurements(storage):
        return False
    load_demo(storage, catalogue)
    return True


__all__ = ["DEMO_ACTOR", "clear_demo", "demo_frame", "load_demo", "seed_demo_if_empty"]
