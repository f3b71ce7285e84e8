"""The audit page on the demo data plus two refused attempts: tables a person reads (words
for headers, actions and outcomes, Vietnam time, no 'None'), and one filter for all tables."""

from __future__ import annotations

import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from kpi.access import Role
from kpi.periods import last_ended_quarter
from kpi.services import ingest
from kpi.services.commit import refuse_scope
from kpi.storage import open_storage
from kpi.uploads import UploadMeta
from tests.dashboard.conftest import AppFactory, static_tables

OFFICER = "cb@bnv.gov.vn"
SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")


def frames(at: AppTest) -> list[pd.DataFrame]:
    return static_tables(at)  # wrapped, so each sentence, note and file name reads whole


def by_header(at: AppTest, header: str) -> list[pd.DataFrame]:
    return [f for f in frames(at) if header in f.columns]


def add_refusals(url: str) -> None:
    """A file refused for its content (no audit entry: an upload row with its problems) and
    one refused for a unit outside the officer's scope (an upload row and an audit entry)."""
    store = open_storage(url)
    ingest.record_refusal(
        store, actor=OFFICER, file_name="loi.csv", data=b"a,b\n", outcome="refused", problem_count=3
    )
    meta = UploadMeta(file_name="ngoai.csv", sha256="ab" * 32, size_bytes=2048, content_hash="c")
    refuse_scope(store, OFFICER, meta, ["CNCC"])
    store.dispose()


def shown_text(at: AppTest) -> list[str]:
    return [str(v) for f in frames(at) for v in f.to_numpy().ravel()]


def test_every_table_reads_as_words(open_page: AppFactory, app_db: str) -> None:
    add_refusals(app_db)
    at = open_page("audit.py", role=Role.ADMIN)
    tables = frames(at)
    assert len(tables) == 3
    for frame in tables:
        assert frame.columns[0] == "Thời điểm (giờ Việt Nam)"
        assert not [c for c in frame.columns if SNAKE.match(str(c))], list(frame.columns)
    cells = shown_text(at)
    assert not {"None", "nan", "NaT", "<NA>"} & set(cells)
    assert not any(c.startswith("{") for c in cells)  # no Python dict
    actions = by_header(at, "Hành động")[0]
    assert {"Ghi số liệu", "Từ chối tệp số liệu"} <= set(actions["Hành động"])
    assert {"Thành công", "Bị từ chối"} <= set(actions["Kết quả"])
    last = f"tệp minh-hoa-{last_ended_quarter()}.csv: 80 mới, 0 thay đổi, 0 không đổi"
    assert any(
        d.startswith(last)  # the demo's last file: the last ended quarter, never the running one
        for d in actions["Chi tiết"]
    )
    assert "tệp ngoai.csv: có dòng của đơn vị ngoài phạm vi (Cục Người có công)" in set(
        actions["Chi tiết"]
    )
    changes = by_header(at, "Giá trị: trước → sau")[0]
    assert all(c.startswith("mới → ") for c in changes["Giá trị: trước → sau"])
    assert set(changes["Quý"]) <= {f"Quý {q}/{y}" for q in range(1, 5) for y in range(2020, 2031)}
    uploads = by_header(at, "Tệp")[-1]
    assert {"Đã ghi", "Bị từ chối", "Bị từ chối: ngoài phạm vi"} <= set(uploads["Kết quả"])


def test_refused_only_filters_every_table(open_page: AppFactory, app_db: str) -> None:
    add_refusals(app_db)
    at = open_page("audit.py", role=Role.ADMIN)
    at.toggle(key="audit_refused").set_value(True).run()
    assert not at.exception
    actions, uploads = frames(at)  # refused attempts write no figure: that table gives way
    assert set(actions["Kết quả"]) == {"Bị từ chối"}
    assert set(uploads["Kết quả"]) == {"Bị từ chối", "Bị từ chối: ngoài phạm vi"}
    assert set(uploads["Người nộp"]) == {OFFICER}
    assert any("chỉ lần nộp được chấp nhận mới ghi số liệu" in str(c.value) for c in at.caption)


def test_person_unit_and_kind_filter_every_table(open_page: AppFactory, app_db: str) -> None:
    add_refusals(app_db)
    at = open_page("audit.py", role=Role.ADMIN)
    at.selectbox(key="audit_actor").set_value(OFFICER).run()
    actions, uploads = frames(at)[-2:]
    assert set(actions["Người thực hiện"]) == {OFFICER} == set(uploads["Người nộp"])
    assert frames(at)[0].empty or set(frames(at)[0]["Người thực hiện"]) == {OFFICER}
    at.selectbox(key="audit_actor").set_value("").run()
    at.selectbox(key="audit_unit").set_value("CNCC").run()
    changes, actions, uploads = frames(at)
    assert set(changes["Đơn vị"]) == {"Cục Người có công"}
    assert "Từ chối tệp số liệu" in set(actions["Hành động"])  # the refusal names CNCC
    assert "ngoai.csv" in set(uploads["Tệp"]) and "loi.csv" not in set(uploads["Tệp"])
    at.selectbox(key="audit_period").set_value("2026-Q3").run()
    changes = frames(at)[0]
    assert set(changes["Quý"]) == {"Quý 3/2026"} and len(changes) > 0
    at.selectbox(key="audit_unit").set_value("").run()
    at.selectbox(key="audit_period").set_value("").run()
    at.selectbox(key="audit_kind").set_value("users").run()
    assert not at.exception
    assert frames(at) == [] or all(f.empty for f in frames(at))
    assert any("không gồm" in str(c.value) for c in at.caption)


def test_audit_page_in_english(open_page: AppFactory, app_db: str) -> None:
    add_refusals(app_db)
    at = open_page("audit.py", role=Role.ADMIN, lang="en")
    for frame in frames(at):
        assert frame.columns[0] == "When (Vietnam time)"
    actions = by_header(at, "Action")[0]
    assert {"Figures written", "Upload refused"} <= set(actions["Action"])
    assert {"Done", "Refused"} <= set(actions["Outcome"])
    assert "Refused attempts only" in [el.label for el in at.toggle]
    changes = by_header(at, "Value: before → after")[0]
    assert all(c.startswith("new → ") for c in changes["Value: before → after"])
