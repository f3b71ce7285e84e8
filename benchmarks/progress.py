"""Progress benchmark at national scale: every status, from the database and from memory.

    .venv/bin/python benchmarks/progress.py           # 3,400 units × 16 × 24 quarters
    .venv/bin/python benchmarks/progress.py --quick

Beside the vectorised engine it times a plain per-series Python loop over the same
data. Goals (2 cores): from memory < 0.5 s and ≥ 20× faster than the loop; from
the database (cold) < 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import national_units, reporting_units, timed

from kpi.catalogue import load_catalogue
from kpi.periods import Quarter, quarter_range
from kpi.progress import Point, assess_series, compute_statuses
from kpi.storage import open_storage
from kpi.storage.repository import current_frame, ensure_seeded

TODAY = dt.date(2026, 11, 22)


def national_frame(
    units: list[str], periods: list[Quarter], *, counts: bool = False
) -> pd.DataFrame:
    """Every (indicator, unit, quarter); with `counts`, each value is numerator /
    denominator of whole counts (what a roll-up sums), else a value only."""
    catalogue = load_catalogue()
    rng = np.random.default_rng(3)
    index = pd.MultiIndex.from_product(
        [list(catalogue.codes), units, [p.index for p in periods]],
        names=["indicator_code", "unit_code", "period_index"],
    )
    frame = index.to_frame(index=False)
    steps = np.tile(np.arange(len(periods)), len(frame) // len(periods))
    start = rng.uniform(10, 70, len(frame) // len(periods)).repeat(len(periods))
    pace = rng.normal(1.2, 1.0, len(frame) // len(periods)).repeat(len(periods))
    frame["value"] = np.clip(start + pace * steps + rng.normal(0, 0.8, len(frame)), 0, 100)
    frame["period"] = frame["period_index"].map({p.index: str(p) for p in periods})
    frame["numerator"] = np.nan
    frame["denominator"] = np.nan
    if counts:  # a unit's population drifts a little from quarter to quarter
        size = rng.integers(200, 5_000, len(frame) // len(periods)).repeat(len(periods))
        den = np.maximum(1, np.round(size * rng.uniform(0.97, 1.03, len(frame))))
        num = np.minimum(np.round(frame["value"].to_numpy() / 100 * den), den)
        frame["numerator"], frame["denominator"] = num, den
        frame["value"] = 100 * num / den
    return frame


def fill_database(path: Path, frame: pd.DataFrame) -> None:
    store = open_storage(f"sqlite:///{path}")
    ensure_seeded(store, load_catalogue(), national_units())
    store.dispose()
    conn = sqlite3.connect(path)
    rows = zip(
        frame["indicator_code"],
        frame["unit_code"],
        frame["period"],
        frame["period_index"].astype(int).tolist(),
        frame["value"].tolist(),
        frame["numerator"].astype(object).where(frame["numerator"].notna(), None).tolist(),
        frame["denominator"].astype(object).where(frame["denominator"].notna(), None).tolist(),
        strict=True,
    )
    with conn:
        conn.executemany(
            "INSERT INTO current_values (indicator_code, unit_code, period, period_index, "
            "value, numerator, denominator, revision, is_demo) VALUES (?,?,?,?,?,?,?,1,0)",
            rows,
        )
    conn.close()


def per_series_loop(frame: pd.DataFrame, limit: int | None) -> tuple[float, int]:
    """The comparison: one assess_series call per series, in Python."""
    catalogue = load_catalogue()
    start = time.perf_counter()
    count = 0
    for (code, _unit), part in frame.groupby(["indicator_code", "unit_code"], sort=False):
        points = [
            Point(Quarter.from_index(int(i)), float(v))
            for i, v in zip(part["period_index"], part["value"], strict=True)
        ]
        assess_series(points, catalogue[str(code)].target, today=TODAY)
        count += 1
        if limit and count >= limit:
            break
    return time.perf_counter() - start, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    units = reporting_units()[: 200 if args.quick else None]
    periods = quarter_range(Quarter(2021, 1), Quarter(2026, 4))
    frame = national_frame(units, periods)
    series = frame.groupby(["indicator_code", "unit_code"]).ngroups
    print(f"{len(frame):,} current values, {series:,} series")
    catalogue = load_catalogue()
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "progress.db"
        fill_database(path, frame)
        store = open_storage(f"sqlite:///{path}", upgrade=False)

        def from_database() -> pd.DataFrame:
            columns = ["indicator_code", "unit_code", "period_index", "value"]
            current = current_frame(store, columns=columns)
            return compute_statuses(current, catalogue, today=TODAY)

        timed("database", from_database, times)
        columns = ["indicator_code", "unit_code", "period_index", "value"]
        timed("read", lambda: current_frame(store, columns=columns), times)
        store.dispose()
    # From memory: the best of three runs on the same frame (steady state).
    runs: dict[str, float] = {}
    for _ in range(3):
        timed("memory", lambda: compute_statuses(frame, catalogue, today=TODAY), runs)
        times["memory"] = min(times.get("memory", float("inf")), runs["memory"])
    sample = 5_000
    loop_seconds, looped = per_series_loop(frame, sample)
    loop_total = loop_seconds / looped * series
    print(f"  from memory      {times['memory']:6.2f} s   (goal < 0.5 s)")
    print(f"  from database    {times['database']:6.2f} s   (goal < 3 s, cold: read + compute)")
    print(f"    of which read  {times['read']:6.2f} s   (second read, warm file cache)")
    print(f"  per-series loop  {loop_total:6.2f} s   (extrapolated from {looped:,} series)")
    print(f"  speed-up         {loop_total / times['memory']:6.0f}x  (goal ≥ 20x)")
    print(f"  load average     {os.getloadavg()[0]:6.2f}     (2 cores: above 2 means contention)")


if __name__ == "__main__":
    main()
