"""Ingest benchmark at national scale: parse, validate and commit, against the floor.

    .venv/bin/python benchmarks/ingest.py            # 54,400-row quarter + 1M-row history
    .venv/bin/python benchmarks/ingest.py --quick    # smaller, for a smoke run

The floor is raw `sqlite3.executemany` of the same rows into a table with the
same indexes as `measurements`. Goals (2 cores): end-to-end ≤ 3× the floor, the
quarter under 3 s, peak memory under 1 GB for the 1M-row file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import national_units, peak_rss_mb, reporting_units, timed

from kpi.canonical import COLUMNS, content_hash
from kpi.catalogue import load_catalogue
from kpi.exports import to_csv_bytes
from kpi.periods import Quarter, quarter_range
from kpi.storage import open_storage
from kpi.storage.repository import ensure_seeded, unit_registry
from kpi.storage.writes import UploadMeta, commit_upload
from kpi.units import UnitRegistry
from loaders import read
from schemas import validate

TODAY = dt.date(2026, 11, 22)


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


def floor_seconds(frame: pd.DataFrame, path: Path) -> float:
    conn = sqlite3.connect(path)
    conn.executescript("""
        PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
        CREATE TABLE m (id INTEGER PRIMARY KEY, indicator_code TEXT, unit_code TEXT,
          period TEXT, period_index INT, value REAL, numerator REAL, denominator REAL,
          note TEXT, upload_id INT, revision INT, created_at TEXT, created_by TEXT, is_demo INT,
          UNIQUE (indicator_code, unit_code, period, revision));
        CREATE INDEX ix_series ON m (indicator_code, unit_code, period_index);
        CREATE INDEX ix_upload ON m (upload_id);
    """)
    rows = [
        (
            r.indicator_code,
            r.unit_code,
            r.period,
            0,
            r.value,
            r.numerator,
            r.denominator,
            None,
            1,
            1,
            "2026-11-22",
            "bench",
            0,
        )
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


def run_quarter(tmp: Path, units: list[str]) -> None:
    frame = make_rows(units, [Quarter(2026, 3)])
    data = to_csv_bytes(frame)
    store = open_storage(f"sqlite:///{tmp / 'quarter.db'}")
    ensure_seeded(store, load_catalogue(), national_units())
    registry = unit_registry(store)
    times: dict[str, float] = {}
    loaded = timed("parse", lambda: read(data, "q.csv", registry), times)
    report = timed(
        "validate",
        lambda: validate(
            loaded.frame, load_catalogue(), registry, today=TODAY, prior=loaded.problems
        ),
        times,
    )
    assert report.ok, report.problems[:3]
    clean = report.frame[COLUMNS]
    digest = content_hash(clean)
    meta = UploadMeta("q.csv", hashlib.sha256(data).hexdigest(), len(data), digest)
    timed("commit", lambda: commit_upload(store, clean, actor="bench", meta=meta), times)
    floor = floor_seconds(frame, tmp / "floor.db")
    total = times["parse"] + times["validate"] + times["commit"]
    rows = len(frame)
    print(f"quarter: {rows:,} rows ({len(data) / 2**20:.1f} MB CSV)")
    for label in ("parse", "validate", "commit"):
        print(f"  {label:<9}{times[label]:7.2f} s  {rows / times[label]:>10,.0f} rows/s")
    print(f"  {'total':<9}{total:7.2f} s  {rows / total:>10,.0f} rows/s   (goal < 3 s)")
    print(f"  {'floor':<9}{floor:7.2f} s  {rows / floor:>10,.0f} rows/s")
    print(
        f"  ratio end-to-end / floor: {total / floor:.1f}x, commit / floor: "
        f"{times['commit'] / floor:.1f}x   (goal ≤ 3x)"
    )


def run_history(rows_wanted: int) -> None:
    """Parse and validate a history file in a child process, to measure its own peak RSS."""
    code = (
        "import sys; sys.path.insert(0, 'benchmarks'); import ingest; "
        f"ingest.history_child({rows_wanted})"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def history_child(rows_wanted: int) -> None:
    units = reporting_units()
    periods = quarter_range(Quarter(2021, 1), Quarter(2026, 3))
    per_unit = 16 * len(periods)
    frame = make_rows(units[: max(1, rows_wanted // per_unit)], periods)
    data = to_csv_bytes(frame)
    del frame
    registry = UnitRegistry(national_units())
    times: dict[str, float] = {}
    loaded = timed("parse", lambda: read(data, "h.csv", registry), times)
    report = timed(
        "validate",
        lambda: validate(
            loaded.frame, load_catalogue(), registry, today=TODAY, prior=loaded.problems
        ),
        times,
    )
    rows = len(report.frame)
    print(
        f"history: {rows:,} rows ({len(data) / 2**20:.0f} MB CSV): parse {times['parse']:.1f} s, "
        f"validate {times['validate']:.1f} s, peak memory {peak_rss_mb():.0f} MB "
        "(goal < 1024 MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small run for smoke tests")
    args = parser.parse_args()
    units = reporting_units()[: 300 if args.quick else None]
    with tempfile.TemporaryDirectory() as tmp:
        run_quarter(Path(tmp), units)
    run_history(20_000 if args.quick else 1_000_000)


if __name__ == "__main__":
    main()
