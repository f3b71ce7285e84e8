"""`kpi db upgrade`, `demo`, `units import`, `catalogue`, `export`, and one-line errors."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from kpi.cli.main import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_db_upgrade_creates_and_seeds(cli_db: str) -> None:
    code, out = invoke("db", "upgrade")
    assert code == 0, out
    code, out = invoke("catalogue", "--format", "json")
    rows = json.loads(out)
    assert [r["code"] for r in rows][:3] == ["1.1", "1.2", "1.3"] and len(rows) == 16
    assert rows[0]["target"] == 80 and rows[0]["comparator"] == ">="


def test_demo_then_export_has_every_indicator_with_eight_quarters(cli_db: str) -> None:
    assert invoke("demo")[0] == 0
    code, out = invoke("export")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out), dtype={"indicator_code": str})
    assert list(frame.columns) == [
        "indicator_code",
        "unit_code",
        "period",
        "value",
        "numerator",
        "denominator",
        "note",
        "revision",
        "uploaded_by",
        "uploaded_at",
        "file_name",
        "source_row",
        "approval",
    ]
    assert set(frame["approval"]) == {"chưa duyệt"}  # nothing signed off yet
    quarters = frame.groupby("indicator_code")["period"].nunique()
    assert len(quarters) == 16 and (quarters >= 8).all()
    assert invoke("demo", "--clear")[0] == 0
    code, out = invoke("export")
    assert len(pd.read_csv(io.StringIO(out))) == 0


def test_export_xlsx_keeps_numbers(cli_db: str, tmp_path: Path) -> None:
    invoke("demo")
    target = tmp_path / "out.xlsx"
    code, out = invoke("export", "--out", str(target), "--format", "xlsx")
    assert code == 0, out
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert isinstance(sheet["D2"].value, float) and sheet["A2"].value == "1.1"


def test_units_import_adds_and_updates(cli_db: str, tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "code,name,parent\nHN,Thành phố Hà Nội,BNV\nHN-BD,Phường Ba Đình,HN\n", encoding="utf-8"
    )
    code, out = invoke("units", "import", str(path))
    assert code == 0 and "thêm 2" in out
    path.write_text("code,name,parent\nHN,TP Hà Nội,BNV\n", encoding="utf-8")
    code, out = invoke("units", "import", str(path))
    assert code == 0 and "cập nhật 1" in out
    path.write_text("code,name,parent\nX,Xã X,KHONG-CO\n", encoding="utf-8")
    code, out = invoke("units", "import", str(path))
    assert code == 1 and "KHONG-CO" in out


def test_errors_are_one_line_without_traceback(cli_db: str) -> None:
    env = {**os.environ, "KPI_DATABASE_URL": cli_db}
    proc = subprocess.run(
        [sys.executable, "-m", "kpi.cli.main", "units", "import", "khong-co.csv"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = subprocess.run(
        [sys.executable, "-m", "kpi.cli.main", "export"],
        capture_output=True,
        text=True,
        env={**env, "KPI_DEADLINE_DAYS": "soon"},
        check=False,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_health_with_demo_data(cli_db: str, tmp_path: Path) -> None:
    port = _free_port()
    kpi = Path(sys.executable).with_name("kpi")
    env = {**os.environ, "KPI_DATABASE_URL": cli_db}
    proc = subprocess.Popen(
        [str(kpi), "serve", "--port", str(port), "--demo"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        body = b""
        while time.monotonic() < deadline and body != b"ok":
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as resp:
                    body = resp.read()
            except OSError:
                time.sleep(0.5)
        assert body == b"ok"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    _code, out = invoke("export")
    assert len(pd.read_csv(io.StringIO(out))) > 1000
