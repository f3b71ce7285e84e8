"""The status benchmark script still runs end to end (small sizes; nothing is timed here)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_run_reports_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/status.py", "--quick", "--compare"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    out = done.stdout
    for kind in ("cold", "warm"):
        line = rf"whole process\s+[\d.]+ s\s+[\d,]+ objects\s+{kind} .*(PASS|FAIL)"
        assert re.search(line, out), out
    parts = ("read", r"parents \(one pass\)", r"parents \(one by one\)", "leaf statuses")
    texts = (r"text, one core", r"text, both cores")
    for part in (*parts, r"json \(columns\)", r"json \(standard\)", *texts):
        assert re.search(rf"^\s+{part}\s+[\d.]+ s", out, re.M), part
