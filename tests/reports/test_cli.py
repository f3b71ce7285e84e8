"""`kpi report` from the command line: files written, figures equal `kpi status --as-of`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kpi.cli import shell
from kpi.cli.main import app
from kpi.progress import Status
from kpi.services.demo import load_demo
from reports.xlsx import DATA_COLUMNS
from tests.reports.conftest import DEMO_TODAY, header_row, sheet_records

runner = CliRunner()


def _status_json(as_of: str, unit: str | None = None) -> list[dict[str, object]]:
    args = ["status", "--as-of", as_of, "--format", "json"]
    if unit:
        args += ["--unit", unit]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return data if isinstance(data, list) else data["indicators"]


def _data_rows(path: Path, sheet_name: str = "Số liệu") -> dict[str, dict[str, object]]:
    sheet = load_workbook(path)[sheet_name]
    rows = sheet_records(sheet, [k for k, _vi, _en in DATA_COLUMNS])
    return {str(r["indicator_code"]): r for r in rows}


def _assert_matches_status(
    rows: dict[str, dict[str, object]], as_of: str, unit: str, lang: str = "vi"
) -> None:
    status = _status_json(as_of, unit)
    assert len(status) == 16
    for expected in status:
        row = rows[str(expected["indicator_code"])]
        word = Status(expected["status"]).en if lang == "en" else Status(expected["status"]).vi
        assert row["status_text"] == word  # the status in words, never its code
        for key in (
            "latest_value",
            "trajectory_value",
            "gap_pp",
            "remaining_pace_pp_per_quarter",
            "projected_2030",
        ):
            assert row[key] == expected[key], (expected["indicator_code"], key)


@pytest.mark.slow
def test_report_command_defaults_match_status_command(cli_db: str, tmp_path: Path) -> None:
    load_demo(shell.storage(), shell.catalogue(), today=DEMO_TODAY)
    result = runner.invoke(app, ["report", "--period", "2025-H2", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = [Path(line) for line in result.stdout.split()]
    assert [p.name for p in written] == ["bao-cao-BNV-2025-H2.xlsx", "bao-cao-BNV-2025-H2.pdf"]
    assert written[1].read_bytes().startswith(b"%PDF")
    _assert_matches_status(_data_rows(written[0]), "2025-Q4", "BNV")


@pytest.mark.slow
def test_report_command_for_a_unit_in_english(cli_db: str, tmp_path: Path) -> None:
    load_demo(shell.storage(), shell.catalogue(), today=DEMO_TODAY)
    args = ["report", "--period", "2025-H1", "--unit", "vpb", "--format", "xlsx", "--lang", "en"]
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    xlsx = tmp_path / "out" / "report-VPB-2025-H1.xlsx"
    assert result.stdout.strip() == str(xlsx)
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Summary", "Data", "Charts", "Data quality", "Tasks", "Annex"]
    sheet = book["Data"]
    keys = [k for k, _vi, _en in DATA_COLUMNS]
    assert sheet["A1"].value == "Demo data — illustrative, not real figures"
    assert [c.value for c in sheet[header_row(sheet)]] == [en for _k, _vi, en in DATA_COLUMNS]
    rows = sheet_records(sheet, keys)
    _assert_matches_status({str(r["indicator_code"]): r for r in rows}, "2025-Q2", "VPB", "en")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2025-H3"], "2025-H1"),
        (["--period", "2025-H1", "--unit", "KHONGCO"], "KHONGCO"),
        (["--period", "2025-H1"], "Bộ Nội vụ chưa có số liệu nào: chưa lập được báo cáo."),
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


def test_a_period_before_the_first_figure_is_refused_with_the_first_one(
    cli_db: str, tmp_path: Path
) -> None:
    load_demo(shell.storage(), shell.catalogue(), today=DEMO_TODAY)
    result = runner.invoke(app, ["report", "--period", "2023", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Lỗi: Chưa có số liệu nào của Bộ Nội vụ trong kỳ năm 2023: báo cáo không được lập. "
        "Kỳ đầu tiên có số liệu: 6 tháng đầu năm 2024."
    )
    assert not (tmp_path / "out").exists()
