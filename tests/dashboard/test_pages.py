"""Every page renders on the demo data, for the roles that may see it."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.navigation import page_specs
from kpi.access import Role, Viewer
from kpi.progress import Status
from kpi.text import t
from tests.dashboard.conftest import AppFactory, static_tables


def texts(at: AppTest, kind: str) -> list[str]:
    return [str(el.value) for el in at.get(kind)]


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for layer in spec.get("layer", []):
        found.append(layer)
        found.extend(_layers(layer))
    return found


def _layer_names(spec: dict[str, Any]) -> set[str]:
    return {layer["name"] for layer in _layers(spec) if "name" in layer}


def test_navigation_depends_on_role() -> None:
    def titles(role: Role) -> list[str]:
        sections = page_specs(Viewer("x@example.org", role))
        return [t(spec.title_key, "vi") for specs in sections.values() for spec in specs]

    assert "Nộp số liệu" not in titles(Role.LEADER)
    assert "Nộp số liệu" in titles(Role.OFFICER)
    assert "Nhật ký hệ thống" not in titles(Role.OFFICER)
    assert "Nhật ký hệ thống" in titles(Role.ADMIN)
    assert "Người dùng và phân quyền" in titles(Role.ADMIN)
    assert "Người dùng và phân quyền" not in titles(Role.OFFICER)
    for role in Role:
        assert {"Tổng quan", "Chỉ tiêu", "Cảnh báo", "Tình hình nộp", "Báo cáo"} <= set(
            titles(role)
        )


def test_overview_lists_16_indicators_off_target_first(open_page: AppFactory) -> None:
    at = open_page()
    assert "16 chỉ tiêu · Toàn Bộ Nội vụ" in texts(at, "title")
    assert any("Dữ liệu minh họa" in w for w in [str(w.value) for w in at.warning])  # demo banner
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table
    assert len(table) == 16
    assert set(table["Mã"]) >= {"1.1", "1.15", "2"}
    counts = status_counts(at)
    assert sum(counts.values()) == 16 and len(counts) == 7
    assert counts["▼ Đang đi xuống"] == (table["status"] == "deteriorating").sum()
    ranks = [s for s in table["status"]]
    off = [s in {"deteriorating", "limited_progress"} for s in ranks]
    assert off == sorted(off, reverse=True)  # off-target rows come first
    assert all(len(v) >= 2 for v in table["Xu hướng"])  # sparklines


def status_counts(at: AppTest) -> dict[str, int]:
    """'▼ Đang đi xuống: 1' → {'▼ Đang đi xuống': 1}, from the status buttons' labels."""
    pills = at.pills(key="ov_status")
    labels = [str(o.content) for o in pills.proto.options]
    return {label.rsplit(": ", 1)[0]: int(label.rsplit(": ", 1)[1]) for label in labels}


def test_count_buttons_filter_the_table_and_the_title_says_so(open_page: AppFactory) -> None:
    at = open_page()
    at.pills(key="ov_status").set_value([Status.NEEDS_ACCELERATION]).run()
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table
    counts = status_counts(at)
    assert len(table) == counts["▲ Cần tăng tốc"] and set(table["status"]) == {"needs_acceleration"}
    title = texts(at, "title")[0]
    assert title.startswith(f"{len(table)} chỉ tiêu cần tăng tốc")
    at.pills(key="ov_status").set_value([]).run()
    assert texts(at, "title")[0].startswith("16 chỉ tiêu")


def test_overview_legend_gives_each_status_its_threshold(open_page: AppFactory) -> None:
    at = open_page()
    legend = " ".join(texts(at, "markdown"))
    assert "P ≥ 0,95" in legend and "0,60 ≤ P < 0,95" in legend and "0 ≤ P < 0,60" in legend
    captions = " ".join(str(c.value) for c in at.caption)
    assert "VPB = Văn phòng Bộ" in captions  # the lead units shown by code, named once


def test_overview_explains_the_stale_mark_only_when_a_row_carries_it(
    open_page: AppFactory,
) -> None:
    at = open_page()
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table
    marked = table["Cập nhật"].str.startswith("⚠").any()
    assert not marked  # the whole ministry has the last quarter's figures
    assert "⚠ =" not in " ".join(str(c.value) for c in at.caption)
    at.selectbox(key="ov_unit").set_value("VCCHC").run()  # the demo's late unit
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table
    assert table["Cập nhật"].str.startswith("⚠").all()
    assert "⚠ = chưa có số liệu" in " ".join(str(c.value) for c in at.caption)


def test_overview_filters_by_unit_and_group(open_page: AppFactory) -> None:
    at = open_page()
    at.selectbox(key="ov_unit").set_value("VPB").run()
    assert not at.exception
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table
    assert len(table) == 16
    at.selectbox(key="ov_group").set_value("2").run()
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table
    assert list(table["Mã"]) == ["2"]


def test_overview_in_english(open_page: AppFactory) -> None:
    at = open_page(lang="en")
    assert "16 indicators · Whole Ministry of Home Affairs" in texts(at, "title")
    assert "Demo role" in " ".join(str(r.label) for r in at.radio)
    assert "Administrator" in [str(o) for r in at.radio for o in r.options]


def test_indicator_page_chart_words_and_history(open_page: AppFactory) -> None:
    at = open_page("indicator.py")
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert charts, "no chart on the indicator page"
    spec = json.loads(charts[0].proto.spec)
    names = _layer_names(spec)
    assert {"target_rule", "required_path", "projection", "projection_band"} <= names
    marks = {layer["name"]: layer["mark"] for layer in _layers(spec) if "name" in layer}
    assert marks["target_rule"]["type"] == "rule"
    dashes = {
        layer["name"]: layer["encoding"].get("strokeDash")
        for layer in _layers(spec)
        if "name" in layer
    }
    assert dashes["required_path"]["legend"]["symbolType"] == "stroke"
    words = " ".join(texts(at, "markdown"))
    assert "Tỷ lệ tốc độ R" in words and "2030 dự kiến" in words
    # Which ratio sets the colour, in words: P does, R is for reference only.
    assert "P quyết định màu tình trạng" in words and "không quyết định màu" in words
    assert "chỉ báo tỷ lệ (không cộng): không có" in words  # the demo sends counts only
    assert ": –" not in words
    labels = [b.proto.label for b in at.get("download_button")]
    # the chart's files, then the history's CSV under its table
    assert labels == ["Biểu đồ PNG", "Biểu đồ SVG", "Số liệu CSV", "Số liệu XLSX", "Tải CSV"]
    assert len(at.dataframe) == 1  # the units table (the metadata is prose)
    assert len(static_tables(at)[-1]) > 0  # the history wraps notes and file names whole


def test_indicator_page_metadata_section(open_page: AppFactory) -> None:
    at = open_page("indicator.py")
    assert "Siêu dữ liệu" in texts(at, "subheader")
    # prose, not a grid: each field in bold, its wording whole on the next line (escaped)
    meta = next(m.value for m in at.markdown if "**Đơn vị tính**" in m.value)
    fields = dict(
        (part.split("  \n")[0].strip("*"), part.split("  \n")[1]) for part in meta.split("\n\n")
    )
    assert fields["Đơn vị tính"] == "%"
    assert fields["Định nghĩa"] == "\\(chưa có thông tin\\)"  # the plan does not define it
    assert fields["Cập nhật lần cuối"] != "\\(chưa có thông tin\\)"  # demo figures are stored
    english = open_page("indicator.py", lang="en")
    assert "Metadata" in texts(english, "subheader")
    assert any("**Unit of measure**" in m.value for m in english.markdown)


def test_indicator_page_other_indicator_and_unit(open_page: AppFactory) -> None:
    at = open_page("indicator.py")
    at.selectbox(key="ind_code").set_value("1.12").run()
    at.selectbox(key="ind_unit").set_value("CNCC").run()
    assert not at.exception
    assert any("1.12" in title for title in texts(at, "title"))


def test_submissions_matrix(open_page: AppFactory) -> None:
    at = open_page("submissions.py")
    assert "Tình hình nộp báo cáo" in texts(at, "title")
    matrix = at.dataframe[0].value
    matrix = matrix.data if hasattr(matrix, "data") else matrix
    assert any(code.startswith("VPB") for code in matrix.index)  # a lead unit owes figures
    assert not any(code.startswith("VCCHC") for code in matrix.index)  # it owes none
    assert matrix.shape[1] == 8
    assert {m.label for m in at.metric} >= {"Báo cáo phải nộp", "Tỷ lệ nộp", "Tỷ lệ đúng hạn"}


def test_alerts_page_shows_stale_series(open_page: AppFactory) -> None:
    at = open_page("alerts.py")
    assert "Cảnh báo" in texts(at, "title")
    stale = at.dataframe[-1].value
    assert any("VCCHC" in str(u) for u in stale["Đơn vị"])


def test_audit_page_for_admin_only(open_page: AppFactory) -> None:
    at = open_page("audit.py", role=Role.ADMIN)
    assert "Nhật ký hệ thống" in texts(at, "title")
    assert len(static_tables(at)[0]) > 0


def test_reports_page_renders(open_page: AppFactory) -> None:
    at = open_page("reports.py")
    assert at.title, "the reports page shows a title"


def test_leader_cannot_reach_the_upload_page(open_page: AppFactory) -> None:
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        open_page("upload.py", role=Role.LEADER)  # not registered for leaders at all


def test_role_change_closes_the_upload_page(open_page: AppFactory) -> None:
    at = open_page("upload.py", role=Role.OFFICER)
    assert at.get("file_uploader")
    at.session_state["demo_role"] = Role.LEADER
    at.run()
    assert not at.exception
    assert not at.get("file_uploader")


def test_every_page_in_english(open_page: AppFactory) -> None:
    for page, title in (
        ("indicator.py", "The figures in words"),
        ("submissions.py", "Report submissions"),
        ("alerts.py", "Alerts"),
    ):
        at = open_page(page, lang="en")
        shown = " ".join(texts(at, "title") + texts(at, "markdown"))
        assert title in shown, page


def test_statuses_in_parts_equal_one_pass(app_db: str, monkeypatch) -> None:
    from dashboard import resources
    from kpi.progress import compute_statuses, statuses_in_parts
    from kpi.progress import frame as progress_frame
    from kpi.storage.repository import current_frame

    frame = current_frame(resources.storage())
    whole = compute_statuses(frame, resources.catalogue())
    monkeypatch.setattr(progress_frame, "PART_ROWS", 100)  # many parts
    parts = statuses_in_parts(frame, resources.catalogue())
    assert len(parts) == len(whole) == 16 * 6
    cols = ["indicator_code", "unit_code", "status", "ratio", "latest_value"]
    pd.testing.assert_frame_equal(
        parts[cols].reset_index(drop=True), whole[cols].reset_index(drop=True), check_dtype=False
    )


def test_ministry_rows_equal_the_engine(app_db: str) -> None:
    from dashboard import data, resources
    from kpi.periods import parse_quarter
    from kpi.progress import ministry_statuses
    from kpi.storage.repository import current_frame, unit_registry

    store = resources.storage()
    as_of = data.default_as_of()
    assert as_of is not None
    expected = ministry_statuses(
        current_frame(store),
        resources.catalogue(),
        unit_registry(store),
        as_of=parse_quarter(as_of),
    )
    ours = data.ministry(as_of)
    cols = ["indicator_code", "status", "ratio", "latest_value", "gap_pp", "source"]
    pd.testing.assert_frame_equal(
        ours[cols].reset_index(drop=True), expected[cols].reset_index(drop=True), check_dtype=False
    )


def test_indicator_history_reads_as_words_and_the_chart_has_a_name(open_page: AppFactory) -> None:
    at = open_page("indicator.py")
    history = static_tables(at)[-1]
    assert {"Quý", "Giá trị: trước → sau", "Thời điểm (giờ Việt Nam)", "Người nộp"} <= set(
        history.columns
    )
    assert not any("_" in c for c in history.columns)  # no snake_case header
    cells = history.astype(str).to_numpy().ravel().tolist()
    assert "None" not in cells and "nan" not in cells
    assert all(q.startswith("Quý ") for q in history["Quý"])
    assert any(c.startswith("mới") or "→" in c for c in history["Giá trị: trước → sau"])
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    spec = json.loads(charts[0].proto.spec)
    assert spec["description"].startswith("Biểu đồ chỉ tiêu 1.1")
