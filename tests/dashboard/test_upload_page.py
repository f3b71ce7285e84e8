"""The upload page end to end in AppTest: good file, bad file, outlier needing a note."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from kpi.access import Role
from kpi.periods import last_ended_quarter
from kpi.storage import CurrentValue, open_storage
from kpi.storage.repository import data_version
from tests.dashboard.conftest import AppFactory, static_tables

HEADER = "Mã chỉ tiêu,Mã đơn vị,Kỳ báo cáo,Giá trị (%),Tử số,Mẫu số,Ghi chú\n"


def csv_file(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode("utf-8")


def stored(url: str, indicator: str, unit: str, period: str) -> tuple[float, int]:
    store = open_storage(url)
    with store.engine.connect() as conn:
        row = conn.execute(
            select(CurrentValue.value, CurrentValue.revision).where(
                CurrentValue.indicator_code == indicator,
                CurrentValue.unit_code == unit,
                CurrentValue.period == period,
            )
        ).one()
    store.dispose()
    return float(row[0]), int(row[1])


@pytest.fixture(autouse=True)
def quarters_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about uploading, not the deadline lock: keep every quarter open."""
    monkeypatch.setenv("KPI_LOCK_DAYS", "36500")


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.get("file_uploader")[0].set_value((name, content, "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_good_file_previews_commits_and_shows_on_overview(
    open_page: AppFactory, app_db: str
) -> None:
    period = str(last_ended_quarter())
    before, revision = stored(app_db, "1.1", "VPB", period)
    at = open_page("upload.py", role=Role.OFFICER)
    assert "Nộp số liệu quý" in [str(x.value) for x in at.title]
    assert [b.proto.label for b in at.get("download_button")] == ["Tải mẫu Excel", "Tải mẫu CSV"]
    upload(at, "vpb.csv", csv_file(f"1.1,VPB,{period},55.5,555,1000,ghi chú <b>x</b>"))
    assert any("1 thay đổi" in str(s.value) for s in at.success)
    preview = at.dataframe[0].value
    assert preview["Loại"].tolist() == ["thay đổi"]
    assert preview["Giá trị mới"].tolist() == ["55,5%"]
    at.button(key="commit").click().run()
    assert not at.exception
    assert any("Đã ghi" in str(s.value) for s in at.success)
    assert stored(app_db, "1.1", "VPB", period) == (55.5, revision + 1)
    assert before != 55.5
    at.switch_page("app_pages/overview.py").run()
    at.selectbox(key="ov_unit").set_value("VPB").run()
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table
    latest = dict(zip(table["Mã"], table["Số mới nhất"], strict=True))
    assert latest["1.1"].startswith("55,5%")


def test_bad_file_lists_row_errors_and_changes_nothing(open_page: AppFactory, app_db: str) -> None:
    period = str(last_ended_quarter())
    store = open_storage(app_db)
    version = data_version(store)
    at = open_page("upload.py", role=Role.OFFICER)
    upload(
        at,
        "bad.csv",
        csv_file(
            f"1.1,VPB,{period},abc,,,",
            f"9.9,VPB,{period},50,,,",
            f"1.2,VPB,{period},150,,,",
        ),
    )
    assert at.error, "the page shows the problems"
    errors = at.table[0].value  # a static table: every message wraps, read whole
    assert set(errors["Dòng"]) == {"2", "3", "4"}  # text, so a whole-file problem shows "—"
    assert {"Dòng", "Cột", "Giá trị", "Lỗi"} == set(errors.columns)
    # escaped for the table's markdown, so a value shows exactly as in the file
    assert any("9\\.9" in message for message in errors["Lỗi"])
    assert at.get("download_button"), "the list of problems can be downloaded"
    assert not at.get("button")  # no commit button
    assert "Hãy sửa các dòng dưới đây" in str(at.error[0].value)
    assert data_version(store) == version
    store.dispose()


def test_a_whole_file_problem_says_to_fix_the_file_not_rows(open_page: AppFactory) -> None:
    at = open_page("upload.py", role=Role.OFFICER)
    upload(at, "headless.csv", b"a,b\n1,2\n")
    message = str(at.error[0].value)
    assert "cả tệp" in message and "các dòng dưới đây" not in message
    assert list(at.table[0].value["Dòng"]) == ["—"] * len(at.table[0].value)


def test_outlier_needs_a_note_before_commit(open_page: AppFactory, app_db: str) -> None:
    period = str(last_ended_quarter())
    at = open_page("upload.py", role=Role.OFFICER)
    upload(at, "jump.csv", csv_file(f"1.1,VPB,{period},95,950,1000,"))
    assert at.warning, "the jump is flagged"
    warnings = at.table[-1].value
    assert "Cảnh báo" in warnings.columns and "Lỗi" not in warnings.columns  # not an error
    assert at.button(key="commit").disabled
    at.text_area(key="upload_note").input("Đã rà soát: số liệu đúng").run()
    at.checkbox(key="upload_confirm").check().run()
    assert not at.button(key="commit").disabled
    at.button(key="commit").click().run()
    assert any("Đã ghi" in str(s.value) for s in at.success)
    assert stored(app_db, "1.1", "VPB", period)[0] == 95.0


def test_officer_cannot_commit_for_another_unit(open_page: AppFactory, app_db: str) -> None:
    period = str(last_ended_quarter())
    at = open_page("upload.py", role=Role.OFFICER)
    upload(at, "other.csv", csv_file(f"1.1,CNCC,{period},50,500,1000,"))
    assert any("CNCC" in str(e.value) for e in at.error)
    assert not at.get("button")


def test_notes_and_codes_stay_literal(open_page: AppFactory) -> None:
    from dashboard.ui import cell_text, literal

    period = str(last_ended_quarter())
    note = "<script>alert(1)</script> [x](javascript:alert(2)) =HYPERLINK(1)"
    at = open_page("upload.py", role=Role.OFFICER)
    upload(at, "note.csv", csv_file(f"1.1,VPB,{period},49.5,495,1000,{note}"))
    at.button(key="commit").click().run()
    at.switch_page("app_pages/indicator.py").run()
    at.selectbox(key="ind_unit").set_value("VPB").run()
    history = at.table[-1].value  # escaped: the note shows as typed, never as markup
    assert cell_text(note) in history["Ghi chú"].tolist()
    assert note in static_tables(at)[-1]["Ghi chú"].tolist()
    markdown = " ".join(str(m.value) for m in at.markdown)
    assert "<script>" not in markdown
    assert literal("[x](javascript:y)") == "\\[x\\]\\(javascript\\:y\\)"


def test_a_problem_of_the_whole_file_shows_a_dash_for_its_row() -> None:
    """The grid would draw a missing row number as the English word 'None'."""
    from dashboard.upload_flow import _problem_frame
    from kpi.problems import Problem

    problems = [Problem("missing_column", column="unit_code"), Problem("empty_file", 3)]
    frame = _problem_frame(problems, "vi")
    assert list(frame["Dòng"]) == ["—", "3"]
