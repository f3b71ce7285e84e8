"""Report benchmark at national scale: `kpi report --period 2026-H1`, whole process.

    .venv/bin/python benchmarks/report.py            # 3,400 units × 16 × 24 quarters
    .venv/bin/python benchmarks/report.py --quick    # 200 units × 8 quarters

The database is built through the commit path (revisions, uploads, audit), once, into
artifacts/bench/ (--quick: a temporary folder). Goals (issue 18, 2 cores): the
ministry's report (XLSX and PDF) under 10 s, one unit's under 3 s, each the first
report of these figures (the chart cache beside the database emptied before each run),
then again with its charts cached. Beside them, in process: building the report
(figures, roll-ups, data quality) and rendering it (charts drawn here, XLSX, PDF).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national_db import ROOT, build_database, database_path

from kpi.catalogue import load_catalogue
from kpi.periods import parse_report_period
from kpi.services.report_output import render_report
from kpi.services.reporting import build_report
from kpi.storage import open_storage
from reports.chart_cache import cache_beside

PERIOD = "2026-H1"
UNIT = "DV0001"  # a reporting unit (a leaf)
GOALS = {"ministry": 10.0, "unit": 3.0}
COMMAND = "from kpi.cli.main import run; run()"


def whole_process(
    url: str, unit: str | None, runs: int, cached: bool = False
) -> tuple[float, float]:
    """Median wall and CPU seconds (the workers' included) of `kpi report` writing both
    files: its first report of these figures (the chart cache emptied), or `cached`."""
    env = {**os.environ, "KPI_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    charts = cache_beside(url.removeprefix("sqlite:///"))
    walls, cpus = [], []
    for _ in range(runs):
        if charts is not None and not cached:
            shutil.rmtree(charts, ignore_errors=True)
        with tempfile.TemporaryDirectory() as out:
            args = [sys.executable, "-c", COMMAND, "report", "--period", PERIOD, "--out", out]
            args += ["--unit", unit] if unit else []
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(args, env=env, capture_output=True, check=True)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            assert len(list(Path(out).iterdir())) == 2, "an XLSX and a PDF"
    return statistics.median(walls), statistics.median(cpus)


def in_process(url: str, unit: str | None) -> dict[str, float]:
    store, catalogue = open_storage(url, upgrade=False), load_catalogue()
    out: dict[str, float] = {}
    start = time.perf_counter()
    report = build_report(store, catalogue, parse_report_period(PERIOD), unit)
    out["build"] = time.perf_counter() - start
    charts = cache_beside(url.removeprefix("sqlite:///"))
    if charts is not None:
        shutil.rmtree(charts, ignore_errors=True)  # every chart drawn, here
    start = time.perf_counter()
    files = render_report(report, store, catalogue)
    out["render (charts, XLSX, PDF)"] = time.perf_counter() - start
    assert set(files) == {"xlsx", "pdf"}
    store.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    units, quarters = (200, 8) if args.quick else (3400, 24)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.db" if args.quick else database_path(units, quarters)
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"database {path} ({units:,} units × 16 × {quarters} quarters) …", flush=True)
        url = build_database(path, units, quarters)
        runs = 1 if args.quick else args.runs
        for name, unit in (("ministry", None), ("unit", UNIT)):
            wall, cpu = whole_process(url, unit, runs)
            goal = GOALS[name]
            verdict = "PASS" if wall < goal else "FAIL"
            label = f"{name} report ({unit or 'BNV'})"
            print(f"{label:<24}{wall:6.2f} s   CPU {cpu:5.2f} s   (goal < {goal:.0f} s)  {verdict}")
            wall, cpu = whole_process(url, unit, runs, cached=True)
            print(f"  {'again (charts cached)':<22}{wall:6.2f} s   CPU {cpu:5.2f} s")
            for part, seconds in in_process(url, unit).items():
                print(f"  {part:<26}{seconds:6.2f} s   (in process)")
    print(
        f"load average            {os.getloadavg()[0]:6.2f}   (2 cores: above 2 means contention)"
    )
    print(f"measured on             {dt.date.today().isoformat()}")


if __name__ == "__main__":
    main()
