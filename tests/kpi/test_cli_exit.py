"""The console script ends at once (`leave`), keeping what a normal exit guarantees:
threads finished, exit handlers run, output flushed, the database closed, the exit code."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kpi.cli.main import exit_status

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("code", "status", "said"), [(None, 0, ""), (0, 0, ""), (4, 4, "")])
def test_exit_status_is_the_interpreters(
    code: object, status: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert exit_status(code) == status
    assert capsys.readouterr().err == said


def test_a_text_exit_is_said_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_status("hỏng") == 1
    assert capsys.readouterr().err == "hỏng\n"


def test_leave_waits_for_threads_runs_exit_handlers_and_flushes(tmp_path: Path) -> None:
    marker = tmp_path / "thread.txt"
    script = textwrap.dedent(
        f"""
        import atexit, sys, threading, time
        from kpi.cli.shell import leave

        def late():
            time.sleep(0.3)
            open({str(marker)!r}, "w").write("done")

        threading.Thread(target=late).start()
        atexit.register(lambda: sys.stdout.write("|handler"))
        sys.stdout.write("said")  # buffered: a pipe is not a terminal
        sys.stderr.write("warned")
        leave(3)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (3, "said|handler", "warned")
    assert marker.read_text() == "done"


def test_load_through_the_console_script_commits_and_closes_the_database(
    tmp_path: Path,
) -> None:
    """`python -m kpi.cli.main load`: the rows are stored, the summary printed, and
    SQLite's log checkpointed and removed on close, as a normal exit leaves it."""
    db = tmp_path / "kpi.db"
    file = tmp_path / "q.csv"
    file.write_text("indicator_code,unit_code,period,value\n1.1,VPB,2025-Q3,40\n", "utf-8")
    env = {**os.environ, "KPI_DATABASE_URL": f"sqlite:///{db}"}
    done = subprocess.run(
        [sys.executable, "-m", "kpi.cli.main", "load", str(file), "--confirm", "--note", "n"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "1 mới" in done.stdout
    assert not Path(f"{db}-wal").exists()
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT indicator_code, unit_code, value FROM measurements")
        assert stored.fetchall() == [("1.1", "VPB", 40.0)]
