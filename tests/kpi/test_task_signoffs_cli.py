"""`kpi tasks approve|unapprove`: one-line errors, exit codes, the refusal and reopening."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kpi.cli.main import app
from kpi.periods import local_today
from kpi.services.tasks import LIST_KEYS
from kpi.task_progress import HalfYear

runner = CliRunner()
HALF = str(HalfYear.containing(local_today()))


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _setup() -> None:
    for email, role in (("vpc@bnv.gov.vn", "officer"), ("tt.vpc@bnv.gov.vn", "approver")):
        assert run("users", "add", email, "--role", role, "--unit", "VPC")[0] == 0
    assert run("users", "add", "tt.vpb@bnv.gov.vn", "--role", "approver", "--unit", "VPB")[0] == 0
    code, out = run("tasks", "update", "II.15", "--state", "in_progress", "--as", "vpc@bnv.gov.vn")
    assert code == 0, out


def _update() -> tuple[int, str]:
    return run("tasks", "update", "II.16", "--state", "in_progress", "--as", "vpc@bnv.gov.vn")


def test_the_head_signs_off_reports_are_refused_then_reopened(cli_db):
    _setup()
    code, out = run(
        "tasks", "approve", "--unit", "VPC", "--period", HALF, "--as", "tt.vpc@bnv.gov.vn"
    )
    assert code == 0 and "Đã duyệt 1 báo cáo tiến độ" in out, out
    code, out = _update()
    assert code == 1 and len(out.strip().splitlines()) == 1
    assert "đã được thủ trưởng đơn vị duyệt" in out and "kpi tasks unapprove" in out
    code, out = run(
        "tasks", "unapprove", "--unit", "VPC", "--period", HALF, "--as", "tt.vpc@bnv.gov.vn"
    )
    assert code == 2 and "--reason" in out  # a usage error: the reason is required
    code, out = run(
        "tasks", "unapprove", "--unit", "VPC", "--period", HALF, "--reason", "Bổ sung",
        "--as", "tt.vpc@bnv.gov.vn",
    )  # fmt: skip
    assert code == 0 and "Đã hủy duyệt" in out, out
    assert _update()[0] == 0
    code, out = run("tasks", "list", "--format", "json", "--unit", "VPC")
    assert code == 0 and all(list(r) == list(LIST_KEYS) for r in json.loads(out))


def test_refusals_are_one_line_and_exit_1(cli_db):
    _setup()
    cases = [
        (("--unit", "VPC", "--period", HALF, "--as", "tt.vpb@bnv.gov.vn"), "không có quyền duyệt"),
        (("--unit", "VPC", "--period", HALF, "--as", "vpc@bnv.gov.vn"), "không có quyền duyệt"),
        (("--unit", "XYZ", "--period", HALF), "không có đơn vị 'XYZ'"),
        (("--unit", "VPC", "--period", "2026-Q3"), "2026-H1 hoặc 2026-H2"),
        (("--unit", "VPC", "--period", HALF, "--as", "ai@bnv.gov.vn"), "không có người dùng"),
    ]
    for args, message in cases:
        code, out = run("tasks", "approve", *args)
        assert code == 1 and message in out and len(out.strip().splitlines()) == 1, (args, out)
    code, out = run("tasks", "approve", "--unit", "VPC", "--period", HALF)  # the local admin
    assert code == 0, out
    code, out = run("tasks", "approve", "--unit", "VPC", "--period", HALF)
    assert code == 1 and "đã được duyệt" in out
    code, out = run("tasks", "unapprove", "--unit", "VPC", "--period", HALF, "--reason", " ")
    assert code == 1 and "lý do" in out
