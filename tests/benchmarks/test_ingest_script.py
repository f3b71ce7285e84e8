"""The ingest benchmark script still runs end to end (small sizes; nothing is timed here)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("KPI_TEST_POSTGRES_URL")
# a figure, its ratio to its floor where it has one, its goal and the verdict
GOAL = (
    r"\s+[\d.]+ (?:s |MB)\s+(?:[\d.]+x floor \([\d.]+ s\)\s+)?"
    r"goal [≤<] [\d.]+\S*(?: \w+)?\s+(PASS|FAIL)"
    r"(?:   \(CPU [\d.]+ s, [\d.]+x the floor's\))?$"
)


def _quick(*extra: str) -> str:
    servers = {"KPI_BENCH_POSTGRES_URL", "KPI_TEST_POSTGRES_URL"}  # only what is asked for
    env = {k: v for k, v in os.environ.items() if k not in servers}
    done = subprocess.run(
        [sys.executable, "benchmarks/ingest.py", "--quick", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        env=env,
    )
    return done.stdout


def test_quick_run_loads_both_files_and_reports_every_figure() -> None:
    out = _quick()
    assert re.search(r"history: 28,800 rows", out), out
    assert re.search(r"quarter \(median of 1 runs\): 1,600 rows", out), out
    for step in ("parse", "validate", "commit", "total", "floor"):
        assert len(re.findall(rf"^\s+{step}\s+[\d.]+ s\s+[\d,]+ rows/s", out, re.M)) == 2, step
    assert len(re.findall(r"ratio end-to-end / floor: [\d.]+x", out)) == 2
    assert re.search(r"peak memory \d+ MB", out), out
    sqlite = out.split("== Goals")[1]
    for label in ("history, whole process", "quarter, whole process", "history, peak memory"):
        assert re.search(rf"^  {label}{GOAL}", sqlite, re.M), label
    assert len(re.findall(r"(PASS|FAIL)", sqlite)) == 4
    assert len(re.findall(r"CPU [\d.]+ s", sqlite)) == 2  # the SQLite times against their floor
    assert "PostgreSQL" not in sqlite


@pytest.mark.postgres
def test_quick_run_on_postgres_reports_against_copy() -> None:
    if not PG_URL:
        pytest.skip("KPI_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped")
    out = _quick("--postgres", PG_URL)
    goals = out.split("== Goals")[1].split("PostgreSQL")[1]
    for label in ("history, whole process", "quarter, whole process"):
        assert re.search(rf"^  {label}{GOAL}", goals, re.M), label
    assert re.search(r"COPY floor [\d.]+ s", out), out
