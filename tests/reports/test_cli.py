"""`kpi report` from the command line: files written, figures equal `kpi status --as-of`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kpi.cli import shell
from kpi.cli.main import app
from kpi.demo import load_demo
from reports.xlsx import DATA_COLUMNS
from tests.reports.conftest import DEMO_TODAY

runner = CliRunner()


def _status_json(as_of: str, unit: str | None = None) -> list[dict[str, object]]:
    args = ["status", "--as-of", as_of, "--format", "json"]
    if unit:
        args += ["--unit", unit]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return data if isinstance(data, list) else data["indicators"]


def _data_rows(path: Path) -> dict[str, dict[str, object]]:
    sheet = load_workbook(path)["Số liệu"]
    keys = [k for k, _vi, _en in DATA_COLUMNS]
    rows = [dict(zip(keys, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    return {str(r["indicator_code"]): r for r in rows}


@pytest.mark.slow
def test_report_command_matches_status_command(cli_db: str, tmp_path: Path) -> None:
    load_demo(shell.storage(), shell.catalogue(), today=DEMO_TODAY)
    out = tmp_path / "bao-cao"
    result = runner.invoke(
        app,
        ["report", "--period", "2025-H2", "--unit", "VPB", "--format", "xlsx", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    xlsx = out / "bao-cao-VPB-2025-H2.xlsx"
    assert result.stdout.strip() == str(xlsx)
    rows = _data_rows(xlsx)
    status = [s for s in _status_json("2025-Q4", "VPB") if s["unit_code"] == "VPB"]
    assert len(status) == 16
    for expected in status:
        row = rows[str(expected["indicator_code"])]
        assert row["status"] == expected["status"]
        for key in ("latest_value", "trajectory_value", "gap_pp", "projected_2030"):
            assert row[key] == expected[key], (expected["indicator_code"], key)


@pytest.mark.slow
def test_report_command_writes_both_formats_by_default(cli_db: str, tmp_path: Path) -> None:
    load_demo(shell.storage(), shell.catalogue(), today=DEMO_TODAY)
    result = runner.invoke(
        app, ["report", "--period", "2025", "--lang", "en", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    written = [Path(line) for line in result.stdout.split()]
    assert [p.name for p in written] == ["report-BNV-2025.xlsx", "report-BNV-2025.pdf"]
    assert written[1].read_bytes().startswith(b"%PDF")
    assert load_workbook(written[0]).sheetnames[:2] == ["Summary", "Data"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2025-H3"], "2025-H1"),
        (["--period", "2025-H1", "--unit", "KHONGCO"], "KHONGCO"),
    ],
)
def test_bad_period_or_unit_is_one_line_in_vietnamese(
    cli_db: str, tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["report", *args, "--out", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi:") and message in lines[0]
    assert not list(tmp_path.glob("*.pdf"))
