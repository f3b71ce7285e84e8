"""The report's figures are the progress engine's, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import math
from io import BytesIO

import pandas as pd
import pytest
from openpyxl import load_workbook

from kpi.canonical import content_hash
from kpi.catalogue import Catalogue
from kpi.periods import Quarter, parse_report_period
from kpi.progress import Status, compute_statuses, ministry_statuses, status_records
from kpi.services.commit import UploadMeta, commit_upload
from kpi.services.cycle import import_obligations
from kpi.services.report_output import render_bytes
from kpi.services.reporting import EmptyPeriodError, ReportError, build_report, report_periods
from kpi.storage import Storage
from kpi.storage.repository import current_frame, unit_registry
from reports.model import IndicatorRow
from tests.reports.conftest import MADE_ON

H2 = parse_report_period("2025-H2")
FIGURES = {
    "latest_value": "end_value",
    "trajectory_value": "trajectory_value",
    "gap_pp": "gap_pp",
    "remaining_pace_pp_per_quarter": "remaining_pace_pp_per_quarter",
    "required_pace_pp_per_year": "required_pace_pp_per_year",
    "projected_2030": "projected_2030",
    "baseline_value": "baseline_value",
}


def _same(expected: object, got: float | None) -> bool:
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return got is None
    return got is not None and float(expected) == got  # type: ignore[arg-type]


def _assert_rows_equal(rows: tuple[IndicatorRow, ...], engine: pd.DataFrame) -> None:
    by_code = {str(r["indicator_code"]): r for r in status_records(engine)}
    assert len(by_code) == 16
    for row in rows:
        expected = by_code[row.code]
        assert row.status == Status(expected["status"]), row.code
        assert row.end_period == expected["latest_period"], row.code
        for key, attribute in FIGURES.items():
            assert _same(expected[key], getattr(row, attribute)), (row.code, key)


def test_ministry_figures_equal_the_engine(demo_storage: Storage, catalogue: Catalogue) -> None:
    report = build_report(demo_storage, catalogue, H2, made_on=MADE_ON)
    registry = unit_registry(demo_storage)
    engine = ministry_statuses(
        current_frame(demo_storage), catalogue, registry, as_of=Quarter(2025, 4)
    )
    assert report.unit_code == "BNV"
    assert [r.code for r in report.rows] == list(catalogue.codes)
    _assert_rows_equal(report.rows, engine)
    assert sum(n for _s, n in report.counts) == 16
    assert not any(r.stale for r in report.rows)  # every figure reaches 2025-Q4
    start = ministry_statuses(
        current_frame(demo_storage), catalogue, registry, as_of=Quarter(2025, 2)
    )
    start_by_code = {str(r["indicator_code"]): r for r in status_records(start)}
    for row in report.rows:
        assert row.start_value == start_by_code[row.code]["latest_value"]
        assert row.previous_status == Status(start_by_code[row.code]["status"])
        assert row.change == round(row.end_value - row.start_value, 2)  # type: ignore[operator]


def test_unit_figures_equal_the_engine(demo_storage: Storage, catalogue: Catalogue) -> None:
    report = build_report(demo_storage, catalogue, H2, "VPB", made_on=MADE_ON)
    engine = compute_statuses(current_frame(demo_storage), catalogue, as_of=Quarter(2025, 4))
    _assert_rows_equal(report.rows, engine[engine["unit_code"] == "VPB"])
    assert report.unit_name == "Văn phòng Bộ"


def test_same_data_same_hash_whatever_the_day(demo_storage: Storage, catalogue: Catalogue) -> None:
    first = build_report(demo_storage, catalogue, H2, made_on=MADE_ON)
    again = build_report(demo_storage, catalogue, H2, made_on=MADE_ON.replace(day=28))
    assert first.data_hash == again.data_hash and len(first.data_hash) == 64
    assert first.rows == again.rows
    other = build_report(demo_storage, catalogue, parse_report_period("2025-H1"), made_on=MADE_ON)
    assert other.data_hash != first.data_hash


def _upload(
    storage: Storage, rows: list[tuple[str, str, str, float]], name: str, note: str | None = None
) -> None:
    frame = pd.DataFrame(rows, columns=["indicator_code", "unit_code", "period", "value"])
    frame["numerator"] = None
    frame["denominator"] = None
    frame["note"] = None
    digest = content_hash(frame)
    meta = UploadMeta(file_name=name, sha256=digest, size_bytes=1, content_hash=digest, note=note)
    commit_upload(storage, frame, actor="can.bo@bnv.gov.vn", meta=meta)


def test_quality_lists_missing_late_revised_and_uploads(
    demo_storage: Storage, catalogue: Catalogue
) -> None:
    # Units owe what their obligations say: the lead units, and these two imported rows.
    import_obligations(
        demo_storage, catalogue, "unit_code,indicator_code\nVCCHC,1.1\nVPC,1.2\n", actor="admin"
    )
    before = build_report(demo_storage, catalogue, H2, made_on=MADE_ON)
    _upload(demo_storage, [("1.1", "VPB", "2025-Q3", 12.5)], "sua-so-lieu.xlsx")
    _upload(demo_storage, [("1.2", "VPC", "2025-Q4", 40.0)], "vu-phap-che.csv")
    report = build_report(demo_storage, catalogue, H2, made_on=MADE_ON)
    missing = {(m.unit_code, m.period) for m in report.quality.missing}
    assert ("VCCHC", "2025-Q4") in missing  # the demo's late unit sent nothing for Q4
    assert ("VPC", "2025-Q4") not in missing
    late = {(m.unit_code, m.period) for m in report.quality.late}
    assert ("VPC", "2025-Q4") in late
    revised = [
        r for r in report.quality.revised if (r.indicator_code, r.unit_code) == ("1.1", "VPB")
    ]
    assert len(revised) == 1 and revised[0].new_value == 12.5 and revised[0].old_value is not None
    files = {u.file_name for u in report.uploads}
    assert {"sua-so-lieu.xlsx", "vu-phap-che.csv", "minh-hoa-2025-Q4.csv"} <= files
    assert report.data_hash != before.data_hash
    assert any("chưa được thủ trưởng đơn vị phê duyệt" in n for n in report.notices)
    book = load_workbook(BytesIO(render_bytes(report, ("xlsx",), {})["xlsx"]))
    quality = [c.value for row in book["Chất lượng số liệu"].iter_rows() for c in row if c.value]
    assert "VCCHC · Vụ Cải cách hành chính" in quality and 12.5 in quality
    annex = [c.value for row in book["Phụ lục"].iter_rows() for c in row if c.value]
    assert "sua-so-lieu.xlsx" in annex and "can.bo@bnv.gov.vn" in annex


def test_unknown_unit_is_a_clear_error(demo_storage: Storage, catalogue: Catalogue) -> None:
    with pytest.raises(ReportError, match="XYZ"):
        build_report(demo_storage, catalogue, H2, "XYZ")


def test_unit_with_no_data_makes_no_report(demo_storage: Storage, catalogue: Catalogue) -> None:
    with pytest.raises(EmptyPeriodError) as caught:
        build_report(demo_storage, catalogue, H2, "VPC", made_on=MADE_ON)
    assert str(caught.value) == "Vụ Pháp chế chưa có số liệu nào: chưa lập được báo cáo."
    assert caught.value.message("en") == (
        "Department of Legal Affairs has no figures yet: no report can be made."
    )
    assert report_periods(demo_storage, "VPC") == []


def test_period_before_the_first_figure_makes_no_report(
    demo_storage: Storage, catalogue: Catalogue
) -> None:
    with pytest.raises(EmptyPeriodError) as caught:
        build_report(demo_storage, catalogue, parse_report_period("2021"), made_on=MADE_ON)
    assert str(caught.value) == (
        "Chưa có số liệu nào của Bộ Nội vụ trong kỳ năm 2021: báo cáo không được lập. "
        "Kỳ đầu tiên có số liệu: 6 tháng đầu năm 2024."
    )
    assert caught.value.message("en").startswith(
        "Ministry of Home Affairs has no figures in the period year 2021"
    )


def test_period_list_starts_at_the_first_figure(demo_storage: Storage) -> None:
    periods = [str(p) for p in report_periods(demo_storage, None, dt.date(2026, 1, 20))]
    assert periods == ["2025", "2025-H2", "2025-H1", "2024", "2024-H2", "2024-H1"]
    assert [str(p) for p in report_periods(demo_storage, "VPB", dt.date(2026, 7, 5))][:2] == [
        "2026-H1",
        "2025",
    ]


def test_a_report_knows_it_is_made_from_demo_data(
    demo_storage: Storage, catalogue: Catalogue
) -> None:
    ministry = build_report(demo_storage, catalogue, H2, made_on=MADE_ON)
    assert ministry.is_demo and ministry.is_root
    unit = build_report(demo_storage, catalogue, H2, "VPB", made_on=MADE_ON)
    assert unit.is_demo and not unit.is_root


def test_real_figures_make_a_report_without_the_demo_mark(
    storage: Storage, catalogue: Catalogue
) -> None:
    _upload(storage, [("1.1", "VPB", "2025-Q3", 40.0), ("1.1", "VPB", "2025-Q4", 42.0)], "a.csv")
    report = build_report(storage, catalogue, H2, "VPB", made_on=MADE_ON)
    assert not report.is_demo
    assert report.rows[1].reason == "Chưa có số liệu đến kỳ báo cáo."


def test_half_year_missing_its_second_quarter(demo_storage: Storage, catalogue: Catalogue) -> None:
    report = build_report(demo_storage, catalogue, parse_report_period("2026-H1"), made_on=MADE_ON)
    assert any("Quý 2/2026" in n for n in report.notices)
    assert {r.end_period for r in report.rows} == {"2026-Q1"}
    assert all(r.stale for r in report.rows)  # judged against the closing quarter
    assert report.as_of == Quarter(2026, 2)


def test_rollup_warnings_become_notices(demo_storage: Storage, catalogue: Catalogue) -> None:
    _upload(
        demo_storage,
        [("1.1", "BNV", "2025-Q4", 99.0), ("1.2", "VPB", "2025-Q4", 70.0)],
        "so-lieu-toan-bo.xlsx",
    )
    report = build_report(demo_storage, catalogue, H2, made_on=MADE_ON)
    assert report.rows[0].end_value == 99.0  # the figure reported for the ministry is official
    assert any(
        n.startswith("Chỉ tiêu 1.1: số liệu toàn Bộ báo cáo trực tiếp") for n in report.notices
    )
    assert any(n.startswith("Chỉ tiêu 1.2: thiếu tử số/mẫu số của VPB") for n in report.notices)


def test_whole_tree_read_in_a_child_gives_the_same_report(
    demo_sqlite: Storage, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A national database's figures come through the columnar reader (a child process):
    the report built from them is the one built from the in-process read."""
    from kpi.storage import columnar

    in_process = build_report(demo_sqlite, catalogue, H2, made_on=MADE_ON)
    monkeypatch.setattr(columnar, "_size", lambda _database: columnar.COLUMNAR_BYTES)
    calls: list[dict[str, object]] = []
    run = columnar._run
    monkeypatch.setattr(columnar, "_run", lambda job: calls.append(job) or run(job))
    in_child = build_report(demo_sqlite, catalogue, H2, made_on=MADE_ON)
    assert len(calls) == 1, "the figures were read by the child"
    assert in_child == in_process
    assert in_child.chart_values is not None and in_process.chart_values is not None
    pd.testing.assert_frame_equal(in_child.chart_values, in_process.chart_values)
