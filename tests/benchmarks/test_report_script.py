"""The report benchmark script still runs end to end (small sizes; nothing is timed here)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_run_reports_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/report.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    out = done.stdout
    for name in ("ministry", "unit"):
        assert re.search(rf"^{name} report .*[\d.]+ s .*goal < \d+ s\)\s+(PASS|FAIL)", out, re.M), (
            out
        )
    assert len(re.findall(r"^\s+again \(charts cached\)\s+[\d.]+ s", out, re.M)) == 2, out
    assert len(re.findall(r"^\s+build\s+[\d.]+ s", out, re.M)) == 2, out
    assert len(re.findall(r"^\s+render \(charts, XLSX, PDF\)\s+[\d.]+ s", out, re.M)) == 2, out
