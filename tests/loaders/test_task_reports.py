"""The task progress template read back, and every rule of a progress file by row and column."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from kpi.problems import FileRejected
from kpi.task_progress import statuses
from kpi.task_reports import check_rows, parse_percent, parse_state
from kpi.tasks import TaskState, load_plan_tasks
from loaders.task_reports import FIELDS, read_task_file
from reports.task_template import (
    headers,
    instructions,
    state_words,
    task_template_csv,
    task_template_xlsx,
)
from tests.kpi.test_english_words import vietnamese_letters

TODAY = dt.date(2026, 12, 1)
TASKS = {t.code: t for t in load_plan_tasks()}


def _rows(data: bytes):
    parsed = read_task_file(data, max_rows=1000)
    assert parsed.problems == []
    return [(r.row, r.cells) for r in parsed.rows]


@pytest.mark.parametrize("maker", [task_template_csv, task_template_xlsx])
def test_the_template_reads_back_with_every_task(maker):
    data = maker(statuses(TASKS.values(), {}, TODAY))
    rows = _rows(data)
    assert [cells["task_code"] for _, cells in rows] == list(TASKS)
    assert rows[0][0] == 2  # row numbers as the officer sees them
    drafts, problems = check_rows(rows, TASKS, TODAY, None, "VCCVC")
    assert problems == []
    assert {d.state for d in drafts} == {TaskState.NOT_STARTED}
    assert {d.reported_on for d in drafts} == {TODAY}


CSV_HEAD = "Báo cáo tiến độ\nMã nhiệm vụ;Trạng thái;Tỷ lệ hoàn thành (%);Minh chứng;Ngày báo cáo\n"


def test_a_valid_file_with_a_title_row_and_vietnamese_words():
    data = (
        CSV_HEAD + "II.16;Hoàn thành;100;QĐ 12/QĐ-BNV ngày 20/11/2026;20/11/2026\n"
        "II.15;Đang thực hiện;40%;;\n"
    ).encode()
    drafts, problems = check_rows(_rows(data), TASKS, TODAY, frozenset({"VPC"}), "VCCVC")
    assert problems == []
    assert [(d.task_code, d.state, d.percent, d.reported_on) for d in drafts] == [
        ("II.16", TaskState.DONE, 100, dt.date(2026, 11, 20)),
        ("II.15", TaskState.IN_PROGRESS, 40, TODAY),
    ]


def test_every_problem_is_listed_by_row_and_column():
    data = (
        CSV_HEAD
        + "II.99;done;100;x;\n"  # row 3: unknown task
        + "II.16;finished;;;\n"  # row 4: bad state
        + "II.15;in_progress;140;;\n"  # row 5: bad percent
        + "II.13;done;100;;\n"  # row 6: done without evidence
        + "II.11;paused;10;;31/02/2026\n"  # row 7: bad date
        + "II.2;in_progress;10;;\n"  # row 8: not the officer's unit
        + "II.16;in_progress;10;;\n"  # row 9: fine
        + "II.16;in_progress;20;;\n"  # row 10: duplicate
        + ";in_progress;20;;\n"  # row 11: no code
    ).encode()
    drafts, problems = check_rows(_rows(data), TASKS, TODAY, frozenset({"VPC"}), "VCCVC")
    found = sorted((p.row, p.column, p.code) for p in problems)
    assert found == [
        (3, "task_code", "unknown_task"),
        (4, "state", "bad_state"),
        (5, "percent", "bad_percent"),
        (6, "state", "rule"),
        (7, "reported_on", "bad_date"),
        (8, "task_code", "not_lead_unit"),
        (10, "task_code", "duplicate_row"),
        (11, "task_code", "missing_task"),
    ]
    assert [d.task_code for d in drafts] == ["II.16"]
    assert all(p.text("vi") and p.text("en") for p in problems)
    rule = next(p for p in problems if p.code == "rule")
    assert "minh chứng" in rule.text("vi")


def test_files_without_a_header_or_rows_are_refused():
    assert read_task_file(b"a,b\n1,2\n", 10).problems[0].code == "no_header"
    assert read_task_file("Mã nhiệm vụ,Trạng thái\n".encode(), 10).problems[0].code == "no_rows"
    many = "Mã nhiệm vụ,Trạng thái\n" + "II.1,done\n" * 3
    assert read_task_file(many.encode(), 2).problems[0].code == "too_many_rows"
    with pytest.raises(FileRejected):
        read_task_file(b"PK\x03\x04not a workbook", 10)


def test_words_for_states_and_percents():
    assert parse_state("Hoàn thành") is TaskState.DONE
    assert parse_state("hoan thanh") is TaskState.DONE
    assert parse_state("In progress") is TaskState.IN_PROGRESS
    assert parse_state("in_progress") is TaskState.IN_PROGRESS
    assert parse_state("xong") is None
    assert (parse_percent("85"), parse_percent("85,0"), parse_percent("")) == (85, 85, None)
    assert parse_percent("85,5") == "85,5" and parse_percent("101") == "101"


def _xlsx_texts(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    names = list(book.sheetnames)
    cells = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    return names + [c for c in cells if isinstance(c, str)]


@pytest.mark.parametrize("maker", [task_template_csv, task_template_xlsx])
def test_the_english_template_reads_back_through_the_loader(maker):
    data = maker(statuses(TASKS.values(), {}, TODAY), "en")
    rows = _rows(data)
    assert [cells["task_code"] for _, cells in rows] == list(TASKS)
    drafts, problems = check_rows(rows, TASKS, TODAY, None, "VCCVC")
    assert problems == []
    assert {d.state for d in drafts} == {TaskState.NOT_STARTED}


def test_the_english_template_is_in_english():
    data = task_template_xlsx(statuses(TASKS.values(), {}, TODAY), "en")
    texts = _xlsx_texts(data)
    assert texts[:2] == ["Progress", "Instructions"]
    assert texts[2:11] == headers("en")
    ii2 = TASKS["II.2"]
    assert ii2.name_in("en") in texts and ii2.name not in texts
    assert {t: vietnamese_letters(t) for t in texts if vietnamese_letters(t)} == {}
    csv_text = task_template_csv(statuses(TASKS.values(), {}, TODAY), "en").decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(csv_text))) == headers("en")


def test_the_vietnamese_template_has_no_english_instructions():
    data = task_template_xlsx(statuses(TASKS.values(), {}, TODAY))
    texts = _xlsx_texts(data)
    assert texts[:2] == ["Tiến độ", "Hướng dẫn"] and texts[2:11] == headers("vi")
    guide = [line for line in instructions("en") if line.strip()]
    assert [line for line in guide if line in texts] == []


def test_english_and_vietnamese_headers_name_the_same_fields():
    for lang in ("vi", "en"):
        row = "II.16;name;unit;2026;done;100;QĐ 12;none;2026-11-30"
        head = ";".join(headers(lang)) + "\n" + row + "\n"
        _row, cells = _rows(head.encode())[0]
        assert set(cells) == set(FIELDS), lang


PERCENT_FOR = {
    TaskState.NOT_STARTED: 0,
    TaskState.IN_PROGRESS: 40,
    TaskState.DONE: 100,
    TaskState.PAUSED: 20,
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_template_offers_state_words_and_a_filled_copy_loads_back(lang):
    book = load_workbook(io.BytesIO(task_template_xlsx(statuses(TASKS.values(), {}, TODAY), lang)))
    sheet = book.worksheets[0]
    (rule,) = sheet.data_validations.dataValidation
    offered = rule.formula1.strip('"').split(",")
    assert offered == state_words(lang) == [s.label(lang) for s in TaskState]
    assert {row[4].value for row in sheet.iter_rows(min_row=2)} == {
        TaskState.NOT_STARTED.label(lang)
    }
    for index, row in enumerate(sheet.iter_rows(min_row=2)):
        row[4].value = offered[index % len(offered)]  # as an officer picks from the list
        row[5].value = PERCENT_FOR[list(TaskState)[index % len(offered)]]
        row[6].value = "QĐ 12/QĐ-BNV"
    filled = io.BytesIO()
    book.save(filled)
    drafts, problems = check_rows(_rows(filled.getvalue()), TASKS, TODAY, None, "VCCVC")
    assert problems == []
    states = list(TaskState)
    assert [d.state for d in drafts] == [states[i % len(states)] for i in range(len(TASKS))]


def test_the_instructions_name_the_state_words_not_the_codes():
    for lang in ("vi", "en"):
        guide = "\n".join(instructions(lang))
        assert all(word in guide for word in state_words(lang)), lang
        # 'done' is also an English word; the codes with an underscore are the tell
        assert "not_started" not in guide and "in_progress" not in guide, lang
