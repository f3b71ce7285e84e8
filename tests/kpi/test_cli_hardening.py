"""The CLI prints what it is given: user text is never Rich markup, every error is one line,
CSV output is formula-safe, and file outputs never replace the database or another file."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.table import Table
from typer.testing import CliRunner

from kpi.cli import shell
from kpi.cli.main import app
from kpi.settings import SETTINGS_HELP

runner = CliRunner()
MARKUP_BITS = ["[", "]", "/", "[/x]", "[link=https://evil.example]", "[bold]", "[/]", ":smile:",
               "\\", "=", "@", "https://", " "]  # fmt: skip
# Printable text: Rich drops control characters itself (no terminal escapes get through).
printable = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=4)
markup_like = st.lists(st.one_of(st.sampled_from(MARKUP_BITS), printable), max_size=12).map("".join)


def captured(stderr: bool = False) -> tuple[io.StringIO, object]:
    buffer = io.StringIO()
    console = shell.literal_console(stderr=stderr)
    console.file = buffer
    return buffer, console


@settings(max_examples=300, deadline=None)
@given(markup_like)
def test_printer_prints_markup_like_text_as_typed(text: str) -> None:
    buffer, console = captured()
    console.print(text, soft_wrap=True)  # type: ignore[attr-defined]
    shown = buffer.getvalue()
    assert shown == text + "\n"  # nothing parsed, dropped, styled or linked
    table = Table("cell")
    table.add_row(text)
    buffer, console = captured()
    console.print(table)  # type: ignore[attr-defined]
    assert "\x1b]8;" not in buffer.getvalue()  # never a terminal hyperlink


@settings(max_examples=200, deadline=None)
@given(markup_like)
def test_error_line_is_one_line_with_the_text(text: str) -> None:
    buffer, console = captured(stderr=True)
    original = shell.err_console
    shell.err_console = console  # type: ignore[assignment]
    try:
        shell.error_line(text)
    finally:
        shell.err_console = original
    assert buffer.getvalue() == f"Lỗi: {shell.one_line(text)}\n"


def test_terminal_escapes_are_dropped() -> None:
    buffer, console = captured()
    console.print("a\x1b]8;;https://evil.example\x1b\\b", soft_wrap=True)  # type: ignore[attr-defined]
    assert buffer.getvalue() == "a\ufffd]8;;https://evil.example\ufffd\\b\n"


def test_users_with_markup_in_the_email_list_fine(cli_db: str) -> None:
    hostile = "[/x][link=https://evil.example]a@bnv.gov.vn"
    added = runner.invoke(app, ["users", "add", hostile, "--role", "leader"])
    assert added.exit_code == 0 and hostile.lower() in added.output
    listed = runner.invoke(app, ["users", "list"])
    assert listed.exit_code == 0 and hostile.lower() in listed.output


def test_load_as_unknown_markup_user_is_one_line(cli_db: str, tmp_path: Path) -> None:
    file = tmp_path / "x.csv"
    file.write_text("a\n", encoding="utf-8")
    result = runner.invoke(app, ["load", str(file), "--as", "[/x]"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Lỗi: không có người dùng '[/x]'"]


def test_usage_errors_are_one_line() -> None:
    command = [
        sys.executable,
        "-c",
        "from kpi.cli.main import run; run()",
        "status",
        "--format",
        "[/x]",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "Lỗi: Giá trị '[/x]' của '--format' không hợp lệ: chỉ nhận 'table', 'json', 'csv'."
    ]


def test_status_csv_is_formula_safe(cli_db: str) -> None:
    assert runner.invoke(app, ["demo"]).exit_code == 0
    result = runner.invoke(app, ["status", "--unit", "all", "--format", "csv"])
    assert result.exit_code == 0
    frame = pd.read_csv(io.StringIO(result.output), dtype={"indicator_code": str, "unit_code": str})
    text_cells = frame.select_dtypes("object").stack()
    assert not text_cells.str.match(r"^[=+\-@\t\r]").any()


def test_export_refuses_the_database_and_existing_files(cli_db: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    database = tmp_path / "cli.db"
    before = database.read_bytes()
    for target in (database, Path(f"{database}-wal")):
        result = runner.invoke(app, ["export", "--out", str(target), "--force"])
        assert result.exit_code == 2 and "cơ sở dữ liệu" in result.output
    assert database.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    mine = tmp_path / "notes.csv"
    mine.write_text("keep me", encoding="utf-8")
    refused = runner.invoke(app, ["export", "--out", str(mine)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert mine.read_text(encoding="utf-8") == "keep me"
    assert runner.invoke(app, ["export", "--out", str(mine), "--force"]).exit_code == 0
    assert mine.read_text(encoding="utf-8-sig").startswith("indicator_code")


def test_template_refuses_an_existing_file(cli_db: str, tmp_path: Path) -> None:
    out = tmp_path / "mau.csv"
    out.write_text("x", encoding="utf-8")
    assert runner.invoke(app, ["template", "--out", str(out)]).exit_code == 2
    assert out.read_text(encoding="utf-8") == "x"
    assert runner.invoke(app, ["template", "--out", str(out), "--force"]).exit_code == 0


@pytest.mark.parametrize(
    "command",
    [
        ["tasks", "template", "--out", "{file}"],
        ["uploads", "get", "1", "--out", "{file}"],
        ["report", "--period", "2025-H1", "--format", "xlsx", "--out", "{dir}"],
    ],
)
def test_every_file_output_refuses_an_existing_file(
    cli_db: str, tmp_path: Path, command: list[str]
) -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    if command[0] == "report":  # a period without figures is refused before any file
        assert runner.invoke(app, ["demo"]).exit_code == 0
    mine = tmp_path / "mine.xlsx"
    mine.write_text("keep me", encoding="utf-8")
    (tmp_path / "bao-cao-BNV-2025-H1.xlsx").write_text("keep me", encoding="utf-8")
    args = [a.format(file=mine, dir=tmp_path) for a in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "--force" in result.output, result.output
    assert mine.read_text(encoding="utf-8") == "keep me"


def test_publish_refuses_a_folder_that_holds_files(cli_db: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    out = tmp_path / "pkg"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["publish", "--out", str(out)])
    assert result.exit_code == 2 and "--force" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]
    assert runner.invoke(app, ["publish", "--out", str(out), "--force"]).exit_code == 0
    assert (out / "datapackage.json").is_file() and (out / "mine.txt").is_file()


def test_doctor_reports_every_setting_and_fails_on_an_unsafe_one(
    cli_db: str, tmp_path: Path
) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        '[kpi]\nenv = "production"\n[auth]\ncookie_secret = "change-me-to-a-long-random-string"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 1
    for name in SETTINGS_HELP:
        assert name in result.output
    assert "secrets.toml [kpi]" in result.output and "giá trị mẫu" in result.output
    served = runner.invoke(app, ["serve"])
    assert served.exit_code == 1 and "giá trị mẫu" in served.output
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        '[kpi]\nenv = "production"\n[auth]\nredirect_uri = "https://k.example/oauth2callback"\n'
        f'cookie_secret = "{"s" * 48}"\nclient_id = "kpi"\nclient_secret = "from-the-provider"\n',
        encoding="utf-8",
    )
    good = runner.invoke(app, ["doctor"])
    assert good.exit_code == 0 and "✗" not in good.output, good.output
