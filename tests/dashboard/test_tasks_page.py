"""The Nhiệm vụ page and the task counts on the overview, on the demo database."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.navigation import page_specs
from kpi.access import Role, Viewer
from kpi.periods import local_today
from kpi.services import tasks as service
from kpi.services.app import open_store
from kpi.task_progress import TaskStatus
from kpi.text import t
from tests.dashboard.conftest import AppFactory


def frame(at: AppTest, index: int = 0):
    """The task list (a static table, its markdown escaped) or, from 1, the grids below."""
    value = at.table[0].value if index == 0 else at.dataframe[index - 1].value
    value = value.data if hasattr(value, "data") else value
    if index == 0:
        value = value.rename(columns=unescape).map(unescape)
    return value


def unescape(text: object) -> object:
    return re.sub(r"\\(.)", r"\1", text) if isinstance(text, str) else text


def test_every_role_sees_the_tasks_page() -> None:
    for role in Role:
        specs = [s for group in page_specs(Viewer("x@bnv.gov.vn", role)).values() for s in group]
        assert "tasks.py" in [s.file for s in specs]


def test_the_list_puts_overdue_items_first_and_counts_them(open_page: AppFactory) -> None:
    at = open_page("tasks.py")
    assert t("tasks_title", "vi") in [str(x.value) for x in at.title]
    table = frame(at)
    assert len(table) == 55
    marks = list(table["Quá hạn"])
    overdue = sum(1 for m in marks if m)
    assert overdue > 0 and marks[:overdue] == ["⚠ Quá hạn"] * overdue and not any(marks[overdue:])
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["Tổng số"] == 55 and metrics["⚠ Quá hạn"] == overdue
    by_unit = frame(at, 1)
    assert by_unit["Số nhiệm vụ quá hạn"].sum() >= overdue  # a task with two leads counts twice
    assert list(by_unit["Số nhiệm vụ quá hạn"]) == sorted(
        by_unit["Số nhiệm vụ quá hạn"], reverse=True
    )
    assert not [tab for tab in at.tabs if tab.label == "Báo cáo tiến độ"]  # leaders do not report


def test_a_units_page_lists_only_the_tasks_it_leads(open_page: AppFactory) -> None:
    at = open_page("tasks.py")
    at.selectbox(key="tk_unit").set_value("VPC").run()
    assert not at.exception
    assert set(frame(at)["Mã"]) == {"II.14", "II.15", "II.16"}
    assert any("Vụ Pháp chế" in str(h.value) for h in at.subheader)


def test_an_officer_reports_done_and_the_task_leaves_the_overdue_list(
    open_page: AppFactory, app_db: str
) -> None:
    at = open_page("tasks.py", role=Role.OFFICER)  # demo officer: VPB and TTCNTT
    assert [tab.label for tab in at.tabs] == [
        "Danh sách",
        "Báo cáo tiến độ",
        "Mức độ hoàn thành của đơn vị",
    ]
    at.selectbox(key="tr_code").set_value("II.13")
    at.radio(key="tr_state").set_value("done")
    at.text_input(key="tr_evidence").input("Quyết định 45/QĐ-BNV ngày 25/11/2026")
    at.button[0].click().run()
    assert not at.exception
    assert any("II.13" in str(s.value) for s in at.success)
    store = open_store(app_db)
    rows = {s.task.code: s for s in service.task_statuses(store, local_today())}
    store.dispose()
    assert rows["II.13"].state.value == "done" and not rows["II.13"].overdue


def test_the_scorecard_tab_and_english(open_page: AppFactory) -> None:
    at = open_page("tasks.py", lang="en")
    assert "Unit completion score" in [tab.label for tab in at.tabs]
    scores = frame(at, 2)
    assert "Score" in scores.columns and len(scores) > 10
    assert any("Provisional" in str(c.value) for c in at.caption)


def test_the_overview_shows_the_task_counts(open_page: AppFactory) -> None:
    at = open_page()
    text = " ".join(str(m.value) for m in at.markdown)
    assert "Nhiệm vụ Phụ lục II, III:" in text and "55 mục" in text and "quá hạn" in text


def test_the_english_list_reads_in_english(open_page: AppFactory) -> None:
    from tests.kpi.test_english_words import vietnamese_letters

    at = open_page("tasks.py", lang="en")
    table = frame(at)
    assert len(table) == 55
    for column in ("Task", "Lead", "Completion time"):
        found = {v for v in table[column].astype(str) if vietnamese_letters(v)}
        assert found == set(), column
    names = " ".join(table.astype(str).to_numpy().ravel())
    assert "Draft and issue a scheme" in names and "Xây dựng" not in names


def test_the_progress_template_is_made_in_the_pages_language(
    open_page: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboard import task_views

    made: list[str] = []
    real = task_views.task_template_xlsx

    def recorded(rows: list[TaskStatus], lang: str = "vi") -> bytes:
        made.append(lang)
        return real(rows, lang)

    monkeypatch.setattr(task_views, "task_template_xlsx", recorded)
    for lang in ("vi", "en"):
        at = open_page("tasks.py", role=Role.OFFICER, lang=lang)
        assert t("task_template", lang) in [b.proto.label for b in at.get("download_button")]
    assert made == ["vi", "en"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_list_has_a_card_per_task_and_one_form_of_time(open_page: AppFactory, lang) -> None:
    at = open_page("tasks.py", lang=lang)
    table = frame(at)
    times = set(table[t("col_task_deadline", lang)])
    # one form: two-digit months, an en dash in a range, no 'Nhiệm vụ thường xuyên'
    assert not [x for x in times if re.search(r"(^|\D)\d/\d{4}|\d-\d|Nhiệm vụ", x)]
    day = "02 September 2025" if lang == "en" else "02/09/2025"  # English days in words
    assert {"06/2025", "2025–2026", day} <= times
    cards = next(h.proto.body for h in at.get("html") if 'role="list"' in h.proto.body)
    assert cards.count('role="listitem"') == len(table) == 55
    note = [unescape(str(c.value)) for c in at.caption if "II\\.9" in str(c.value)]
    assert len(note) == 1 and "2025" in note[0]
