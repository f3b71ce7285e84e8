"""Tasks end to end on SQLite and PostgreSQL: seeding, reports, overdue, loads, scorecards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.catalogue import load_catalogue
from kpi.services import scorecard as scores
from kpi.services import tasks as service
from kpi.services.users import add_user
from kpi.settings import Settings
from kpi.storage import AuditEntry, Storage, open_storage
from kpi.storage.engine import alembic_config
from kpi.storage.task_models import TaskReport
from kpi.task_progress import HalfYear
from kpi.tasks import TaskState, load_plan_tasks

TODAY = dt.date(2026, 12, 1)
ADMIN = Viewer(LOCAL_ADMIN, Role.ADMIN)


def officer(storage: Storage, email: str, unit: str) -> Viewer:
    return add_user(storage, email, Role.OFFICER, [unit], actor=LOCAL_ADMIN)


def test_a_fresh_database_lists_the_plans_55_items_and_every_past_one_is_overdue(storage):
    rows = service.task_statuses(storage, TODAY)
    assert len(rows) == 55
    assert sum(r.task.kind.value == "task" for r in rows) == 44
    plan = {t.code: t for t in load_plan_tasks()}
    for row in rows:
        assert row.task == plan[row.task.code]
        deadline = row.task.deadline
        past = deadline.date is not None and deadline.date < TODAY and not deadline.recurring
        assert row.overdue is past, row.task.code
    service.ensure_tasks(storage)
    assert len(service.tasks(storage)) == 55


def test_an_officer_of_the_lead_unit_reports_done_and_it_leaves_the_overdue_list(storage):
    vpc = officer(storage, "vpc@bnv.gov.vn", "VPC")
    before = {s.task.code for s in service.task_statuses(storage, TODAY, overdue_only=True)}
    assert "II.15" in before
    service.report_progress(
        storage,
        vpc,
        "II.15",
        state="in_progress",
        percent=60,
        issues="Thiếu kinh phí",
        today=dt.date(2026, 10, 2),
    )
    service.report_progress(
        storage,
        vpc,
        "II.15",
        state="done",
        evidence="QĐ 15/QĐ-BNV ngày 20/11/2026",
        today=TODAY,
        reported_on=dt.date(2026, 11, 20),
    )
    after = {s.task.code for s in service.task_statuses(storage, TODAY, overdue_only=True)}
    assert after == before - {"II.15"}
    [row] = [s for s in service.task_statuses(storage, TODAY, unit="VPC") if s.task.code == "II.15"]
    assert (row.state, row.percent, row.updated_at is not None) == (TaskState.DONE, 100, True)
    record = service.as_record(row)
    assert list(record) == list(service.LIST_KEYS)
    # append-only: both reports stay, each audited with its unit
    with storage.reading() as session:
        kept = session.scalars(select(TaskReport).order_by(TaskReport.id)).all()
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "task_report")).all()
    assert [(r.state, r.unit_code, r.reported_by) for r in kept] == [
        ("in_progress", "VPC", "vpc@bnv.gov.vn"),
        ("done", "VPC", "vpc@bnv.gov.vn"),
    ]
    assert len(audits) == 2 and audits[0].detail["task"] == "II.15"

    section = scores.report_section(storage, dt.date(2026, 7, 1), dt.date(2026, 12, 31), TODAY)
    assert [t.code for t, _ in section.completed] == ["II.15"]
    assert ("II.15", "VPC", "Thiếu kinh phí") in [(t.code, u, x) for t, u, x, _ in section.issues]
    assert "II.15" not in {s.task.code for s in section.overdue}

    sheet = scores.compute(storage, Settings(), load_catalogue(), HalfYear(2026, 2), TODAY)
    vpc_row = next(r for r in sheet if r.unit_code == "VPC")
    assert vpc_row.done_late == 1  # due 6/2025, done 20/11/2026


def test_reports_outside_the_lead_unit_or_by_leaders_are_refused(storage):
    other = officer(storage, "vpb@bnv.gov.vn", "VPB")
    with pytest.raises(service.TaskServiceError, match="chủ trì"):
        service.report_progress(storage, other, "II.15", state="in_progress", today=TODAY)
    leader = add_user(storage, "ld@bnv.gov.vn", Role.LEADER, actor=LOCAL_ADMIN)
    with pytest.raises(service.TaskServiceError, match="quyền"):
        service.report_progress(storage, leader, "II.15", state="in_progress", today=TODAY)
    with pytest.raises(service.TaskServiceError, match="minh chứng"):
        service.report_progress(storage, ADMIN, "II.15", state="done", today=TODAY)
    follow_up = officer(storage, "vccvc@bnv.gov.vn", "VCCVC")  # collective tasks: §III.2
    service.report_progress(storage, follow_up, "II.1", state="in_progress", today=TODAY)
    with storage.reading() as session:
        assert session.scalars(select(TaskReport.task_code)).all() == ["II.1"]


def test_a_progress_file_commits_every_row_or_none(storage):
    vpc = officer(storage, "vpc@bnv.gov.vn", "VPC")
    head = "Mã nhiệm vụ,Trạng thái,Tỷ lệ hoàn thành (%),Minh chứng\n"
    bad = (head + "II.15,in_progress,50,\nII.16,done,100,\n").encode()
    outcome = service.load_reports_file(
        storage, vpc, bad, "bad.csv", today=TODAY, settings=Settings()
    )
    assert not outcome.committed and [(p.row, p.code) for p in outcome.problems] == [(3, "rule")]
    good = (head + "II.15,in_progress,50,\nII.16,done,100,Công văn 77\n").encode()
    dry = service.load_reports_file(
        storage, vpc, good, "good.csv", today=TODAY, settings=Settings(), dry_run=True
    )
    assert not dry.committed and len(dry.drafts) == 2
    with storage.reading() as session:
        assert session.scalars(select(TaskReport)).all() == []
    done = service.load_reports_file(
        storage, vpc, good, "good.csv", today=TODAY, settings=Settings()
    )
    assert done.committed
    states = {s.task.code: s.state for s in service.task_statuses(storage, TODAY, unit="VPC")}
    assert states["II.15"] is TaskState.IN_PROGRESS and states["II.16"] is TaskState.DONE


def test_admins_import_more_tasks_but_never_change_the_plans(storage, tmp_path: Path):
    head = (
        "code,kind,group,name,lead_units,lead_unit_codes,coordinating_units,"
        "coordinating_unit_codes,deadline_text\n"
    )
    extra = tmp_path / "qd86.csv"
    extra.write_text(head + "QD86.1,task,V,Nhiệm vụ mang sang,Văn phòng Bộ,VPB,,,6/2026\n")
    assert service.import_tasks(storage, extra, LOCAL_ADMIN) == (1, 0)
    assert service.import_tasks(storage, extra, LOCAL_ADMIN) == (0, 0)
    codes = [t.code for t in service.tasks(storage)]
    assert len(codes) == 56 and codes[-1] == "QD86.1"
    change = tmp_path / "change.csv"
    change.write_text(head + "II.1,task,I,Tên khác,Văn phòng Bộ,VPB,,,6/2026\n")
    with pytest.raises(service.TaskServiceError, match="thuộc Kế hoạch"):
        service.import_tasks(storage, change, LOCAL_ADMIN)


def test_a_published_scorecard_never_changes_and_a_correction_is_a_new_version(storage):
    half = HalfYear(2026, 2)
    cat = load_catalogue()
    assert scores.publish(storage, Settings(), cat, half, TODAY, LOCAL_ADMIN) == 1
    first = scores.published(storage, half)[0].rows
    vpc = officer(storage, "vpc@bnv.gov.vn", "VPC")
    service.report_progress(storage, vpc, "II.16", state="done", evidence="QĐ 9", today=TODAY)
    assert scores.publish(storage, Settings(), cat, half, TODAY, LOCAL_ADMIN) == 2
    versions = scores.published(storage, half)
    assert [v.version for v in versions] == [2, 1]
    assert versions[1].rows == first
    old = next(r for r in versions[1].rows if r["unit_code"] == "VPC")
    new = next(r for r in versions[0].rows if r["unit_code"] == "VPC")
    assert (old["done_late"], new["done_late"]) == (0, 1)
    assert versions[0].weights["late"] == 0.5


@pytest.mark.integration  # migrates a database of its own
def test_the_migration_goes_up_and_down(tmp_path: Path):
    store = open_storage(f"sqlite:///{tmp_path / 'm.db'}")
    names = set(inspect(store.engine).get_table_names())
    assert {"plan_tasks", "task_reports", "scorecards"} <= names
    config = alembic_config(store)
    command.downgrade(config, "0002")  # the revision before the tasks
    assert not {"plan_tasks", "task_reports", "scorecards"} & set(
        inspect(store.engine).get_table_names()
    )
    command.upgrade(config, "head")
    assert "task_reports" in inspect(store.engine).get_table_names()
    store.dispose()
