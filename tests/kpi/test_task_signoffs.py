"""The unit head's half-year sign-off of task progress reports, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import inspect, select

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.services import task_signoffs as signoffs
from kpi.services import tasks as service
from kpi.services.users import add_user
from kpi.settings import Settings
from kpi.storage import AuditEntry, Storage
from kpi.storage.engine import alembic_config
from kpi.storage.task_models import TaskReport
from kpi.storage.task_signoffs import HalfYearSignedOff, check_open
from kpi.task_progress import HalfYear

TODAY = dt.date(2026, 12, 1)
ADMIN = Viewer(LOCAL_ADMIN, Role.ADMIN)
H2 = HalfYear(2026, 2)


def _people(storage: Storage) -> tuple[Viewer, Viewer]:
    officer = add_user(storage, "vpc@bnv.gov.vn", Role.OFFICER, ["VPC"], actor=LOCAL_ADMIN)
    head = add_user(storage, "tt.vpc@bnv.gov.vn", Role.APPROVER, ["VPC"], actor=LOCAL_ADMIN)
    return officer, head


def _report(storage: Storage, who: Viewer, code: str, day: dt.date, state: str = "in_progress"):
    return service.report_progress(storage, who, code, state=state, percent=40, today=day)


def _actions(storage: Storage) -> list[tuple[str, str | None, dict]]:
    with storage.reading() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.unit_code, AuditEntry.detail).where(
                AuditEntry.action.like("tasks.%")
            )
        ).all()
    return [(a, u, d) for a, u, d in rows]


def test_the_head_signs_off_the_half_year_and_new_reports_are_refused_until_withdrawn(storage):
    officer, head = _people(storage)
    _report(storage, officer, "II.15", dt.date(2026, 8, 3))
    _report(storage, officer, "II.16", dt.date(2026, 11, 20))
    _report(storage, officer, "II.14", dt.date(2026, 5, 4))  # first half-year: not covered
    assert signoffs.waiting(storage, H2, head.approve_scope()) == {"VPC": 2}

    assert signoffs.approve(storage, head, "VPC", "2026-H2") == ("VPC", H2, 2)
    assert signoffs.waiting(storage, H2, head.approve_scope()) == {"VPC": 0}
    with pytest.raises(service.TaskServiceError, match="6 tháng cuối năm 2026 của VPC") as err:
        _report(storage, officer, "II.15", TODAY)
    assert "hủy duyệt" in str(err.value) and "kpi tasks unapprove" in str(err.value)
    _report(storage, officer, "II.14", dt.date(2026, 6, 30))  # H1 stays open
    with pytest.raises(signoffs.SignoffError, match="đã được duyệt"):
        signoffs.approve(storage, head, "VPC", "2026-H2")

    with pytest.raises(signoffs.SignoffError, match="lý do"):
        signoffs.unapprove(storage, head, "VPC", "2026-H2", "  ")
    signoffs.unapprove(storage, head, "VPC", "2026-H2", "Bổ sung minh chứng II.16")
    _report(storage, officer, "II.16", TODAY, state="paused")
    with pytest.raises(signoffs.SignoffError, match="chưa được duyệt"):
        signoffs.unapprove(storage, head, "VPC", "2026-H2", "lại")

    actions = _actions(storage)
    assert [(a, u) for a, u, _ in actions] == [("tasks.approve", "VPC"), ("tasks.unapprove", "VPC")]
    assert actions[0][2] == {"period": "2026-H2", "reports": 2}
    assert actions[1][2]["reason"] == "Bổ sung minh chứng II.16"
    assert actions[1][2]["approved_by"] == "tt.vpc@bnv.gov.vn"


def test_only_an_approver_of_the_unit_or_an_admin_signs_off(storage):
    officer, head = _people(storage)
    _report(storage, officer, "II.15", TODAY)
    other = add_user(storage, "tt.vpb@bnv.gov.vn", Role.APPROVER, ["VPB"], actor=LOCAL_ADMIN)
    for who in (other, officer):
        with pytest.raises(signoffs.SignoffError, match="không có quyền duyệt"):
            signoffs.approve(storage, who, "VPC", "2026-H2")
    with pytest.raises(signoffs.SignoffError, match="không có đơn vị 'XYZ'"):
        signoffs.approve(storage, head, "XYZ", "2026-H2")
    with pytest.raises(signoffs.SignoffError, match="2026-H1 hoặc 2026-H2"):
        signoffs.approve(storage, head, "VPC", "2026-Q3")
    with pytest.raises(signoffs.SignoffError, match="chưa có báo cáo"):
        signoffs.approve(storage, head, "VPC", "2026-H1")
    assert signoffs.approve(storage, ADMIN, "VPC", "2026-H2")[2] == 1
    assert list(signoffs.signoffs_frame(storage)["approved_by"]) == [LOCAL_ADMIN]


def test_a_progress_file_for_a_signed_off_half_year_commits_nothing(storage):
    officer, head = _people(storage)
    _report(storage, officer, "II.15", dt.date(2026, 9, 1))
    signoffs.approve(storage, head, "VPC", "2026-H2")
    data = (
        "Mã nhiệm vụ,Trạng thái,Tỷ lệ hoàn thành (%),Ngày báo cáo\n"
        "II.14,in_progress,30,2026-06-15\nII.16,in_progress,50,2026-11-30\n"
    ).encode()
    for dry_run in (True, False):
        outcome = service.load_reports_file(
            storage, officer, data, "f.csv", today=TODAY, settings=Settings(), dry_run=dry_run
        )
        assert not outcome.committed
        assert [(p.row, p.column) for p in outcome.problems] == [(3, "reported_on")]
        assert "6 tháng cuối năm 2026 của VPC" in outcome.problems[0].text("vi")
        assert "H2 2026 of VPC" in outcome.problems[0].text("en")
    with storage.reading() as session:
        assert session.scalars(select(TaskReport.task_code)).all() == ["II.15"]


def test_the_check_inside_the_write_refuses_a_sign_off_that_landed_first(storage):
    officer, head = _people(storage)
    _report(storage, officer, "II.15", TODAY)
    signoffs.approve(storage, head, "VPC", "2026-H2")
    with storage.reading() as session, pytest.raises(HalfYearSignedOff) as err:
        check_open(session, [("VPC", "2026-H2"), ("VPC", "2026-H1"), ("VPB", "2026-H2")])
    assert err.value.pairs == [("VPC", "2026-H2")]


def test_latest_reports_are_marked_and_the_period_counts_the_unsigned(storage):
    officer, head = _people(storage)
    _report(storage, officer, "II.15", dt.date(2026, 5, 2))
    _report(storage, officer, "II.16", dt.date(2026, 10, 1))
    signoffs.approve(storage, head, "VPC", "2026-H1")
    rows = service.task_statuses(storage, TODAY, unit="VPC")
    assert signoffs.latest_marks(storage, rows, TODAY) == {
        "II.14": None,
        "II.15": True,
        "II.16": False,
    }
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert signoffs.period_counts(storage, *year) == (2, 1)
    assert signoffs.period_counts(storage, *year, {"II.15"}) == (1, 0)
    assert signoffs.period_counts(storage, H2.start, H2.end) == (1, 1)


def test_the_migration_goes_up_and_down(storage):
    officer, head = _people(storage)
    _report(storage, officer, "II.15", TODAY)
    assert "task_signoffs" in inspect(storage.engine).get_table_names()
    config = alembic_config(storage)
    command.downgrade(config, "0003_upload_trace")
    names = set(inspect(storage.engine).get_table_names())
    assert "task_signoffs" not in names and "task_reports" in names
    command.upgrade(config, "head")
    columns = {c["name"] for c in inspect(storage.engine).get_columns("task_signoffs")}
    assert columns == {"unit_code", "period", "reports", "approved_by", "approved_at"}
    assert signoffs.approve(storage, head, "VPC", "2026-H2")[2] == 1  # the report survived
