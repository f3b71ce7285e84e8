"""Ingest benchmark at national scale: parse, validate and commit, against the floor.

    .venv/bin/python benchmarks/ingest.py            # 54,400-row quarter + 1M-row history
    .venv/bin/python benchmarks/ingest.py --quick    # smaller, for a smoke run

Each file goes through the upload service exactly as `kpi load` drives it:
- parse: `ingest.read_file` (size check, unit registry, loaders.read);
- validate: `ingest.check_file` (pandera schema, jumps against the stored previous
  quarter, content hash);
- commit: `ingest.commit` (one transaction: dedupe, revisions, current values,
  upload row, audit).
The quarter lands on a database already holding the previous quarter for every
unit, so the jump check reads real figures. The floor is raw `sqlite3.executemany`
of the same rows into an empty table with the same indexes as `measurements`.
Goals (2 cores): end-to-end ≤ 3× the floor, the quarter under 3 s, peak memory
under 1 GB for the 1M-row file.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import national_units, peak_rss_mb, reporting_units, timed

from kpi.canonical import COLUMNS
from kpi.catalogue import load_catalogue
from kpi.periods import Quarter, quarter_range
from kpi.services import ingest
from kpi.settings import Settings
from kpi.storage import Storage, open_storage
from kpi.storage.repository import ensure_seeded
from reports.tables import to_csv_bytes

TODAY = dt.date(2026, 11, 22)
SETTINGS = dataclasses.replace(Settings(), max_rows=2_000_000, max_upload_mb=500)


def make_rows(units: list[str], periods: list[Quarter]) -> pd.DataFrame:
    codes = load_catalogue().codes
    rng = np.random.default_rng(7)
    index = pd.MultiIndex.from_product(
        [codes, units, [str(p) for p in periods]], names=["indicator_code", "unit_code", "period"]
    )
    frame = index.to_frame(index=False)
    den = rng.integers(100, 5000, len(frame)).astype(float)
    num = np.floor(den * rng.uniform(0.1, 0.95, len(frame)))
    frame["value"] = np.round(100 * num / den, 4)
    frame["numerator"], frame["denominator"], frame["note"] = num, den, None
    return frame[COLUMNS]


def quarter_before(frame: pd.DataFrame, quarter: Quarter) -> pd.DataFrame:
    """The same series a quarter earlier, a little lower: ordinary progress, few jumps."""
    rng = np.random.default_rng(6)
    before = frame.assign(period=str(quarter))
    before["numerator"] = np.floor(frame["numerator"] * rng.uniform(0.85, 1.0, len(frame)))
    before["value"] = np.round(100 * before["numerator"] / before["denominator"], 4)
    return before


FLOOR_SCHEMA = """
    PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
    CREATE TABLE m (id INTEGER PRIMARY KEY, indicator_code TEXT, unit_code TEXT,
      period TEXT, period_index INT, value REAL, numerator REAL, denominator REAL,
      note TEXT, upload_id INT, revision INT, created_at TEXT, created_by TEXT, is_demo INT,
      UNIQUE (indicator_code, unit_code, period, revision));
    CREATE INDEX ix_series ON m (indicator_code, unit_code, period_index);
    CREATE INDEX ix_upload ON m (upload_id);
"""


def floor_seconds(frame: pd.DataFrame, path: Path) -> float:
    conn = sqlite3.connect(path)
    conn.executescript(FLOOR_SCHEMA)
    fixed = (None, 1, 1, "2026-11-22", "bench", 0)  # note, upload, revision, when, who, demo
    rows = [
        (r.indicator_code, r.unit_code, r.period, 0, r.value, r.numerator, r.denominator, *fixed)
        for r in frame.itertuples(index=False)
    ]
    results: dict[str, float] = {}

    def insert() -> None:
        with conn:
            conn.executemany(
                "INSERT INTO m (indicator_code, unit_code, period, period_index, value, "
                "numerator, denominator, note, upload_id, revision, created_at, created_by, "
                "is_demo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )

    timed("floor", insert, results)
    conn.close()
    return results["floor"]


def load(store: Storage, data: bytes, name: str) -> tuple[dict[str, float], pd.DataFrame]:
    """One file through the service, each phase timed; returns the times and the rows."""
    times: dict[str, float] = {}
    read = timed("parse", lambda: ingest.read_file(store, data, name, settings=SETTINGS), times)
    prepared = timed(
        "validate",
        lambda: ingest.check_file(
            store, read, catalogue=load_catalogue(), settings=SETTINGS, today=TODAY, preview=False
        ),
        times,
    )
    assert prepared.ok, prepared.problems[:3]
    note = "benchmark" if prepared.warnings else None
    result = timed(
        "commit", lambda: ingest.commit(store, prepared, actor="bench", confirm_note=note), times
    )
    assert result.rows_new == len(prepared.frame), result
    return times, prepared.frame[COLUMNS]


def print_times(label: str, data: bytes, times: dict[str, float], rows: int) -> None:
    total = times["parse"] + times["validate"] + times["commit"]
    print(f"{label}: {rows:,} rows ({len(data) / 2**20:.1f} MB CSV)")
    for step in ("parse", "validate", "commit"):
        print(f"  {step:<9}{times[step]:7.2f} s  {rows / times[step]:>10,.0f} rows/s")
    print(f"  {'total':<9}{total:7.2f} s  {rows / total:>10,.0f} rows/s")


def print_floor(times: dict[str, float], floor: float, rows: int) -> None:
    total = times["parse"] + times["validate"] + times["commit"]
    print(f"  {'floor':<9}{floor:7.2f} s  {rows / floor:>10,.0f} rows/s")
    print(
        f"  ratio end-to-end / floor: {total / floor:.2f}x, commit / floor: "
        f"{times['commit'] / floor:.2f}x   (goal ≤ 3x)"
    )


def quarter_once(tmp: Path, units: list[str]) -> tuple[dict[str, float], float, int, bytes]:
    """One fresh database: the previous quarter stored, then the quarter timed; and its floor."""
    for old in tmp.glob("*.db*"):
        old.unlink()
    store = open_storage(f"sqlite:///{tmp / 'quarter.db'}")
    ensure_seeded(store, load_catalogue(), national_units())
    quarter = make_rows(units, [Quarter(2026, 3)])
    previous = to_csv_bytes(quarter_before(quarter, Quarter(2026, 2)))
    load(store, previous, "q2.csv")  # the stored quarter the jump check compares against
    data = to_csv_bytes(quarter)
    times, frame = load(store, data, "q3.csv")
    store.dispose()
    return times, floor_seconds(frame, tmp / "floor.db"), len(frame), data


def run_quarter(tmp: Path, units: list[str], runs: int) -> None:
    """The median of `runs` runs, each phase and the floor on its own."""
    results = [quarter_once(tmp, units) for _ in range(runs)]
    times = {
        step: statistics.median(r[0][step] for r in results)
        for step in ("parse", "validate", "commit")
    }
    floor = statistics.median(r[1] for r in results)
    _, _, rows, data = results[0]
    print_times(f"quarter (median of {runs} runs)", data, times, rows)
    print("  (goal < 3 s)")
    print_floor(times, floor, rows)


def run_history(rows_wanted: int) -> None:
    """The history file in a child process, to measure its own peak memory."""
    code = (
        "import sys; sys.path.insert(0, 'benchmarks'); import ingest; "
        f"ingest.history_child({rows_wanted})"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def history_child(rows_wanted: int) -> None:
    units = reporting_units()
    periods = quarter_range(Quarter(2021, 1), Quarter(2026, 3))
    per_unit = 16 * len(periods)
    frame = make_rows(units[: -(-rows_wanted // per_unit)], periods)  # enough units, then cut
    data = to_csv_bytes(frame.head(rows_wanted))
    del frame
    with tempfile.TemporaryDirectory() as tmp:
        store = open_storage(f"sqlite:///{Path(tmp) / 'history.db'}")
        ensure_seeded(store, load_catalogue(), national_units())
        times, frame = load(store, data, "history.csv")
        store.dispose()
        peak = peak_rss_mb()  # before the floor builds its own rows
        print_times("history", data, times, len(frame))
        print(f"  peak memory {peak:.0f} MB (goal < 1024 MB)")
        print_floor(times, floor_seconds(frame, Path(tmp) / "floor.db"), len(frame))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small run for smoke tests")
    parser.add_argument("--runs", type=int, default=3, help="quarter runs; the median is shown")
    args = parser.parse_args()
    units = reporting_units()[: 300 if args.quick else None]
    with tempfile.TemporaryDirectory() as tmp:
        run_quarter(Path(tmp), units, 1 if args.quick else args.runs)
    run_history(20_000 if args.quick else 1_000_000)


if __name__ == "__main__":
    main()
