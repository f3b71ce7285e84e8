"""The ingest benchmark script still runs end to end (small sizes; nothing is timed here)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_run_loads_both_files_and_reports_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/ingest.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    out = done.stdout
    assert re.search(r"quarter \(median of 1 runs\): 4,800 rows", out), out
    assert re.search(r"history: 20,000 rows", out), out
    for step in ("parse", "validate", "commit", "total", "floor"):
        assert len(re.findall(rf"^\s+{step}\s+[\d.]+ s\s+[\d,]+ rows/s", out, re.M)) == 2, step
    assert len(re.findall(r"ratio end-to-end / floor: [\d.]+x", out)) == 2
    assert re.search(r"peak memory \d+ MB", out), out
