"""Status benchmark at national scale: `kpi status --unit all --format json`, whole process.

    .venv/bin/python benchmarks/status.py           # 3,400 units × 16 × 24 quarters
    .venv/bin/python benchmarks/status.py --quick

Goal (issue 18, 2 cores): under 2 s for the whole process. Beside it, in process: the
statuses themselves, and their JSON by the column-wise encoder and by the standard one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import reporting_units
from progress import fill_database, national_frame

from kpi.catalogue import load_catalogue
from kpi.periods import Quarter, quarter_range
from kpi.progress import compute_statuses, status_json, status_records

AS_OF = "2026-Q3"
GOAL_S = 2.0
COMMAND = "from kpi.cli.main import run; run()"


def whole_process(url: str, runs: int) -> tuple[float, int]:
    """Median seconds of the command, and the number of objects it printed."""
    env = {**os.environ, "KPI_DATABASE_URL": url}
    args = [sys.executable, "-c", COMMAND, "status", "--unit", "all", "--format", "json"]
    args += ["--as-of", AS_OF]
    times, printed = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(args, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
        printed = len(json.loads(done.stdout))
    return statistics.median(times), printed


def in_process(frame_rows: object) -> dict[str, float]:
    frame = frame_rows
    catalogue = load_catalogue()
    out: dict[str, float] = {}
    start = time.perf_counter()
    statuses = compute_statuses(frame, catalogue, as_of=Quarter(2026, 3))  # type: ignore[arg-type]
    out["compute"] = time.perf_counter() - start
    start = time.perf_counter()
    fast = status_json(statuses)
    out["json (columns)"] = time.perf_counter() - start
    start = time.perf_counter()
    slow = json.dumps(status_records(statuses), ensure_ascii=False, indent=2)
    out["json (standard)"] = time.perf_counter() - start
    assert fast == slow, "the column-wise JSON differs from the standard encoder's"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    units = reporting_units()[: 200 if args.quick else None]
    frame = national_frame(units, quarter_range(Quarter(2021, 1), Quarter(2026, 4)))
    print(f"{len(frame):,} current values, {len(units):,} reporting units")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "status.db"
        fill_database(path, frame)
        seconds, printed = whole_process(f"sqlite:///{path}", 1 if args.quick else 3)
    parts = in_process(frame)
    print(f"whole process    {seconds:6.2f} s   {printed:,} objects   (goal < {GOAL_S:.0f} s)")
    for name, value in parts.items():
        print(f"  {name:<15}{value:6.2f} s   (in process)")
    print(f"load average     {os.getloadavg()[0]:6.2f}     (2 cores: above 2 means contention)")
    print(f"measured on      {dt.date.today().isoformat()}")


if __name__ == "__main__":
    main()
