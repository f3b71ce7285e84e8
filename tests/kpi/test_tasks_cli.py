"""`kpi tasks …` and `kpi scorecard`: the JSON contract, exit codes, the done-when path."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from kpi.cli.main import app
from kpi.periods import local_today
from kpi.services.tasks import LIST_KEYS
from kpi.tasks import load_plan_tasks

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def listed(*args: str) -> list[dict]:
    code, out = run("tasks", "list", "--format", "json", *args)
    assert code == 0, out
    return json.loads(out)


def test_list_json_has_the_44_tasks_and_11_databases_with_exactly_the_keys(cli_db):
    rows = listed()
    assert len(rows) == 55
    assert all(list(r) == list(LIST_KEYS) for r in rows)
    plan = {t.code: t for t in load_plan_tasks()}
    for row in rows:
        task = plan[row["code"]]
        assert row["name"] == task.name and row["deadline_text"] == task.deadline_text
        assert row["name_en"] == task.name_in("en") != task.name
        assert row["lead_unit_codes"] == list(task.lead_unit_codes)
        assert row["deadline"] == (task.deadline.date.isoformat() if task.deadline.date else None)
    assert len(listed("--kind", "database")) == 11
    assert {r["code"] for r in listed("--unit", "VPC")} == {"II.14", "II.15", "II.16"}


def test_on_2026_12_01_every_past_item_is_overdue_until_its_lead_reports_it_done(cli_db):
    overdue = {r["code"] for r in listed("--overdue", "--as-of", "2026-12-01")}
    expected = {
        t.code
        for t in load_plan_tasks()
        if t.deadline.date and not t.deadline.recurring and t.deadline.date < dt.date(2026, 12, 1)
    }
    assert overdue == expected and "II.15" in overdue
    assert run("users", "add", "vpc@bnv.gov.vn", "--role", "officer", "--unit", "VPC")[0] == 0
    code, out = run(
        "tasks",
        "update",
        "II.15",
        "--state",
        "done",
        "--evidence",
        "QĐ 15/QĐ-BNV",
        "--issues",
        "Cần thêm kinh phí",
        "--as",
        "vpc@bnv.gov.vn",
    )
    assert code == 0, out
    today = local_today().isoformat()
    assert "II.15" not in {r["code"] for r in listed("--overdue", "--as-of", today)}
    [row] = [r for r in listed("--as-of", today) if r["code"] == "II.15"]
    assert (row["state"], row["percent"], row["overdue"]) == ("done", 100, False)
    assert row["updated_at"] is not None


def test_update_refusals_exit_non_zero_with_one_line(cli_db):
    run("users", "add", "vpb@bnv.gov.vn", "--role", "officer", "--unit", "VPB")
    for args in (
        ("II.15", "--state", "done", "--evidence", "x", "--as", "vpb@bnv.gov.vn"),
        ("II.15", "--state", "finished"),
        ("II.99", "--state", "in_progress"),
        ("II.15", "--state", "in_progress", "--percent", "140"),
        ("II.15", "--state", "in_progress", "--as", "nobody@bnv.gov.vn"),
    ):
        code, out = run("tasks", "update", *args)
        assert code == 1 and out.strip().startswith("Lỗi:") and "Traceback" not in out, args


def test_template_then_load_and_a_bad_file_writes_nothing(cli_db, tmp_path: Path):
    for name in ("mau.xlsx", "mau.csv"):
        code, out = run("tasks", "template", "--out", name, "--unit", "VPC")
        assert code == 0 and (tmp_path / name).stat().st_size > 0, out
    bad = tmp_path / "bad.csv"
    bad.write_text("Mã nhiệm vụ,Trạng thái,Tỷ lệ hoàn thành (%)\nII.15,done,80\nII.16,xong,\n")
    code, out = run("tasks", "load", str(bad))
    assert code == 1 and "2 lỗi" in out
    assert {r["state"] for r in listed()} == {"not_started"}
    code, out = run("tasks", "load", "mau.csv", "--dry-run")
    assert code == 0 and "3 báo cáo" in out
    code, out = run("tasks", "load", "mau.xlsx")
    assert code == 0 and "Đã ghi: 3" in out
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"PK\x03\x04garbage")
    assert run("tasks", "load", str(garbage))[0] == 2
    assert run("tasks", "load", "missing.csv")[0] == 2


def test_import_needs_an_admin_and_adds_tasks(cli_db, tmp_path: Path):
    extra = tmp_path / "qd86.csv"
    extra.write_text(
        "code,kind,group,name,lead_units,lead_unit_codes,coordinating_units,"
        "coordinating_unit_codes,deadline_text\nQD86.1,task,V,Mang sang,Văn phòng Bộ,VPB,,,2026\n"
    )
    run("users", "add", "vpb@bnv.gov.vn", "--role", "officer", "--unit", "VPB")
    assert run("tasks", "import", str(extra), "--as", "vpb@bnv.gov.vn")[0] == 1
    code, out = run("tasks", "import", str(extra))
    assert code == 0 and "1 nhiệm vụ mới" in out
    assert len(listed()) == 56


def test_scorecard_json_then_publish_freezes_it(cli_db):
    today = local_today().isoformat()  # publishing freezes the scorecard as of today
    code, out = run("scorecard", "--period", "2026-H2", "--format", "json", "--as-of", today)
    assert code == 0, out
    sheet = json.loads(out)
    assert sheet["status"] == "provisional" and sheet["published_versions"] == []
    units = {r["unit_code"]: r for r in sheet["rows"]}
    assert units["VPC"]["overdue"] == 3 and units["VPC"]["score"] == 0.0
    code, out = run("scorecard", "publish", "--period", "2026-H2")
    assert code == 0 and "phiên bản 1" in out
    run("users", "add", "vpc@bnv.gov.vn", "--role", "officer", "--unit", "VPC")
    run(
        "tasks",
        "update",
        "II.16",
        "--state",
        "done",
        "--evidence",
        "QĐ 9",
        "--as",
        "vpc@bnv.gov.vn",
    )
    frozen = json.loads(run("scorecard", "--period", "2026-H2", "--format", "json")[1])
    assert frozen["status"] == "published" and frozen["version"] == 1
    assert frozen["rows"] == json.loads(json.dumps(sheet["rows"]))
    live = json.loads(run("scorecard", "--period", "2026-H2", "--format", "json", "--live")[1])
    assert next(r for r in live["rows"] if r["unit_code"] == "VPC")["done_late"] == 1
    assert run("scorecard", "publish", "--period", "2026-H2")[0] == 0
    again = json.loads(run("scorecard", "--period", "2026-H2", "--format", "json")[1])
    assert again["version"] == 2 and len(again["published_versions"]) == 2
    assert run("scorecard", "--period", "2026-Q4")[0] == 1
    assert run("scorecard", "--period", "2026-H2", "--version", "9")[0] == 1


def test_an_english_template_is_english_and_loads_back(cli_db, tmp_path: Path):
    code, out = run("tasks", "template", "--out", "progress.csv", "--unit", "VPC", "--lang", "en")
    assert code == 0 and "Template progress.csv written (3 tasks)." in out, out
    text = (tmp_path / "progress.csv").read_text("utf-8-sig")
    assert text.startswith("Task code,Task name,Lead unit,Completion time,State,")
    plan = {t.code: t for t in load_plan_tasks()}
    assert plan["II.16"].name_in("en") in text and plan["II.16"].name not in text
    code, out = run("tasks", "load", "progress.csv", "--dry-run")
    assert code == 0 and "3 báo cáo" in out, out
