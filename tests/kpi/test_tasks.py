"""The task catalogue's rules, the completion-time parser, states and the overdue rule."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi.task_progress import (
    HalfYear,
    ProgressReport,
    ReportError,
    check_report,
    parse_half_year,
    reporters_for,
    statuses,
    task_status,
)
from kpi.tasks import (
    TaskCatalogueError,
    TaskState,
    deadline_has_words,
    deadline_label,
    load_plan_tasks,
    parse_deadline,
    parse_tasks,
    tasks_csv,
)
from kpi.units import load_default_units

D = dt.date


@pytest.mark.parametrize(
    ("text", "date", "recurring"),
    [
        ("5/2025", D(2025, 5, 31), False),
        ("06/2025", D(2025, 6, 30), False),
        ("2/2028", D(2028, 2, 29), False),
        ("2025", D(2025, 12, 31), False),
        ("02/9/2025", D(2025, 9, 2), False),
        ("2025-2026", D(2026, 12, 31), False),
        ("2025 – 2026", D(2026, 12, 31), False),
        ("Nhiệm vụ thường xuyên", None, True),
        ("Thường xuyên", None, True),
        ("02/2025, nhiệm vụ thường xuyên", D(2025, 2, 28), True),
        ("", None, False),
        (
            "Luật Tổ chức Chính phủ (sửa đổi), ban hành tháng 02/2025; Luật Tổ chức chính "
            "quyền địa phương (sửa đổi) tháng 5/2025",
            D(2025, 5, 31),
            False,
        ),
    ],
)
def test_completion_times_as_the_plan_writes_them(text, date, recurring):
    parsed = parse_deadline(text)
    assert (parsed.date, parsed.recurring, parsed.text) == (date, recurring, text)


LAW_TIMES = (
    "Luật Tổ chức Chính phủ (sửa đổi), ban hành tháng 02/2025; Luật Tổ chức chính "
    "quyền địa phương (sửa đổi) tháng 5/2025"
)


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("6/2025", "06/2025", "06/2025"),
        ("06/2025", "06/2025", "06/2025"),
        ("3/2026", "03/2026", "03/2026"),
        ("02/9/2025", "02/09/2025", "02 September 2025"),
        ("2025", "2025", "2025"),
        ("2025-2026", "2025–2026", "2025–2026"),
        ("2025 – 2026", "2025–2026", "2025–2026"),
        ("Thường xuyên", "Thường xuyên", "Recurring"),
        ("Nhiệm vụ thường xuyên", "Thường xuyên", "Recurring"),
        ("02/2025, nhiệm vụ thường xuyên", "02/2025, thường xuyên", "02/2025, recurring"),
        ("", "—", "—"),
        (LAW_TIMES, "05/2025", "05/2025"),
    ],
)
def test_every_completion_time_is_shown_in_one_form(text, vi, en):
    deadline = parse_deadline(text)
    assert (deadline_label(deadline, "vi"), deadline_label(deadline, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("text", "worded"),
    [
        ("6/2025", False),
        ("Nhiệm vụ thường xuyên", False),
        ("2025 – 2026", False),
        (LAW_TIMES, True),
    ],
)
def test_the_plans_words_are_kept_only_where_they_say_more_than_a_time(text, worded):
    assert deadline_has_words(parse_deadline(text)) is worded


def test_the_plan_catalogue_shows_no_two_forms_of_a_month():
    labels = {t.deadline_label_in("vi") for t in load_plan_tasks()}
    assert "6/2025" not in labels and "06/2025" in labels
    assert not {label for label in labels if "Nhiệm vụ" in label}
    by_code = {t.code: t for t in load_plan_tasks()}
    assert by_code["II.9"].deadline_note_in("vi") == LAW_TIMES
    assert by_code["II.2"].deadline_note_in("en") == ""


@pytest.mark.parametrize("text", ["sớm", "13/2025", "31/2/2025"])
def test_unreadable_completion_times_are_refused(text):
    with pytest.raises(TaskCatalogueError):
        parse_deadline(text)


def test_the_plan_catalogue_parses_every_completion_time():
    by_code = {t.code: t for t in load_plan_tasks()}
    assert by_code["II.2"].deadline.date == D(2025, 5, 31)
    assert by_code["II.29"].deadline.date == D(2025, 9, 2)
    assert by_code["II.20"].deadline.date == D(2026, 12, 31)
    assert by_code["II.17"].deadline.recurring
    assert by_code["II.4"].deadline.date is None and not by_code["II.4"].deadline.recurring
    assert by_code["III.11"].deadline.date == D(2025, 12, 31)
    known = {u.code for u in load_default_units()}
    assert parse_tasks(tasks_csv(list(by_code.values())), known) == list(by_code.values())


HEADER = (
    "code,kind,group,name,lead_units,lead_unit_codes,coordinating_units,"
    "coordinating_unit_codes,deadline_text\n"
)


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        ("II.1,task,I,A,Văn phòng Bộ,VPB,,,5/2025\nII.1,task,I,B,Văn phòng Bộ,VPB,,,", "trùng"),
        ("X,task,I,A,Văn phòng Bộ,VPB,,,", "code"),
        ("QD86.1,job,I,A,Văn phòng Bộ,VPB,,,", "kind"),
        ("QD86.1,task,IX,A,Văn phòng Bộ,VPB,,,", "group"),
        ("QD86.1,task,I,,Văn phòng Bộ,VPB,,,", "name"),
        ("QD86.1,task,I,A,Văn phòng Bộ,VPB,,,sớm", "deadline_text"),
        ("QD86.1,task,I,A,Văn phòng Bộ,NOPE,,,", "NOPE"),
    ],
)
def test_task_files_that_break_a_rule_are_refused(row, needle):
    with pytest.raises(TaskCatalogueError, match=needle):
        parse_tasks(HEADER + row + "\n", {"VPB"})


def _task(code: str):
    return {t.code: t for t in load_plan_tasks()}[code]


def _report(state: str, day: dt.date, percent: int = 0, code: str = "II.2") -> ProgressReport:
    return ProgressReport(code, TaskState(state), percent, "QĐ 1/QĐ-BNV", "", day, "a@bnv.gov.vn")


def test_past_items_without_reports_are_overdue_on_2026_12_01():
    rows = statuses(load_plan_tasks(), {}, D(2026, 12, 1))
    overdue = {s.task.code for s in rows if s.overdue}
    past = {
        t.code
        for t in load_plan_tasks()
        if not t.deadline.recurring and t.deadline.date and t.deadline.date < D(2026, 12, 1)
    }
    assert overdue == past
    assert "II.20" not in overdue and "II.17" not in overdue and "II.4" not in overdue
    assert rows[0].overdue and not rows[-1].overdue  # overdue first


def test_a_done_report_takes_a_task_off_the_overdue_list_from_its_date():
    task = _task("II.2")
    reports = [_report("in_progress", D(2025, 4, 1), 40), _report("done", D(2026, 11, 20), 100)]
    before = task_status(task, reports, D(2026, 11, 19))
    after = task_status(task, reports, D(2026, 12, 1))
    assert (before.state, before.percent, before.overdue) == (TaskState.IN_PROGRESS, 40, True)
    assert (after.state, after.overdue, after.done_on) == (TaskState.DONE, False, D(2026, 11, 20))


def test_a_recurring_task_has_a_state_per_half_year():
    task = _task("II.17")
    reports = [_report("done", D(2026, 5, 2), 100, "II.17")]
    assert task_status(task, reports, D(2026, 6, 30)).state is TaskState.DONE
    assert task_status(task, reports, D(2026, 7, 1)).state is TaskState.NOT_STARTED
    assert not task_status(task, [], D(2030, 1, 1)).overdue


@pytest.mark.parametrize(
    ("state", "percent", "evidence", "needle"),
    [
        ("finished", None, "x", "trạng thái"),
        ("done", 80, "x", "100%"),
        ("done", None, "", "minh chứng"),
        ("in_progress", 120, "", "0–100"),
        ("not_started", 10, "", "0%"),
    ],
)
def test_reports_that_break_a_rule_are_refused(state, percent, evidence, needle):
    with pytest.raises(ReportError, match=needle):
        check_report(state, percent, evidence, "", D(2026, 11, 1), D(2026, 12, 1))


def test_report_dates_in_the_future_or_before_the_plan_are_refused():
    with pytest.raises(ReportError, match="tương lai"):
        check_report("in_progress", 10, "", "", D(2026, 12, 2), D(2026, 12, 1))
    with pytest.raises(ReportError, match="trước"):
        check_report("in_progress", 10, "", "", D(2024, 12, 31), D(2026, 12, 1))
    assert check_report("done", None, "QĐ 5", "", D(2026, 12, 1), D(2026, 12, 1)) == (
        TaskState.DONE,
        100,
    )


def test_half_years():
    half = parse_half_year("2026-h2")
    assert (half.start, half.end, str(half)) == (D(2026, 7, 1), D(2026, 12, 31), "2026-H2")
    assert HalfYear.containing(D(2026, 6, 30)) == HalfYear(2026, 1)
    assert half.previous == HalfYear(2026, 1) and HalfYear(2026, 1).previous == HalfYear(2025, 2)
    assert half.label("vi") == "6 tháng cuối năm 2026" and half.label("en") == "H2 2026"
    with pytest.raises(ReportError):
        parse_half_year("2026-Q3")


def test_collective_tasks_are_reported_by_the_follow_up_unit():
    assert reporters_for(_task("II.1"), "VCCVC") == {"VCCVC"}
    assert reporters_for(_task("II.14"), "VCCVC") == {"VPC", "CVL"}
