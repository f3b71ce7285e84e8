"""The rendered XLSX and PDF: figures read back, text layer, pages kept as PNG."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from io import BytesIO
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from kpi.catalogue import Catalogue
from kpi.periods import Quarter, parse_report_period
from kpi.progress import Status, ministry_statuses, status_records
from kpi.services.commit import UploadMeta, commit_upload
from kpi.services.report_output import render_bytes
from kpi.services.reporting import build_report
from kpi.storage import Storage
from kpi.storage.repository import current_frame, unit_registry
from reports.xlsx import DATA_COLUMNS
from tests.reports.conftest import ARTIFACTS, Rendered, header_row, sheet_records

NUMERIC = (
    "latest_value",
    "trajectory_value",
    "gap_pp",
    "remaining_pace_pp_per_quarter",
    "projected_2030",
    "required_pace_pp_per_year",
)
# one worker renders the module's report once (`make test` runs with --dist loadgroup)
pytestmark = pytest.mark.xdist_group("reports-render")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True)
    return unicodedata.normalize("NFC", out.stdout)


def test_xlsx_figures_equal_the_engine(
    rendered: Rendered, demo_sqlite: Storage, catalogue: Catalogue
) -> None:
    statuses = ministry_statuses(
        current_frame(demo_sqlite), catalogue, unit_registry(demo_sqlite), as_of=Quarter(2025, 4)
    )
    engine = {str(r["indicator_code"]): r for r in status_records(statuses)}
    book = load_workbook(rendered.xlsx)
    assert book.sheetnames == [
        "Tóm tắt",
        "Số liệu",
        "Biểu đồ",
        "Chất lượng số liệu",
        "Nhiệm vụ",
        "Phụ lục",
    ]
    sheet = book["Số liệu"]
    header = [c.value for c in sheet[header_row(sheet)]]
    assert header == [vi for _k, vi, _en in DATA_COLUMNS]
    rows = sheet_records(sheet, [k for k, _vi, _en in DATA_COLUMNS])
    assert [r["indicator_code"] for r in rows] == list(catalogue.codes)
    for row in rows:
        expected = engine[str(row["indicator_code"])]
        assert row["status_text"] == Status(expected["status"]).vi
        for key in NUMERIC:
            if expected[key] is None:
                assert row[key] is None
            else:
                assert isinstance(row[key], int | float) and not isinstance(row[key], bool), key
                assert row[key] == float(expected[key]), (row["indicator_code"], key)
    assert len(book["Biểu đồ"]._images) == len(rendered.charts) == 16


def test_xlsx_summary_counts_statuses(rendered: Rendered) -> None:
    sheet = load_workbook(rendered.xlsx)["Tóm tắt"]
    cells = {r[0].value: r[1].value for r in sheet.iter_rows() if r[0].value}
    for status, count in rendered.report.counts:
        assert cells[status.vi] == count
    assert cells["Tổng số"] == 16
    assert cells["Mã kiểm tra dữ liệu (SHA-256)"] == rendered.report.data_hash


@needs_poppler
def test_pdf_text_layer(rendered: Rendered) -> None:
    text = _pdf_text(rendered.pdf)
    flat = " ".join(text.split())
    for code in rendered.report.rows:
        assert f" {code.code} " in f" {flat} ", code.code
    for status in {r.status for r in rendered.report.rows}:
        assert status.vi in flat, status.vi
    assert "BÁO CÁO Kết quả thực hiện các chỉ tiêu chuyển đổi số 6 tháng cuối năm 2025" in flat
    assert "Nghị quyết số 71/NQ-CP" in flat and "Phụ lục I" in flat
    assert "Chỉ tiêu chậm tiến độ hoặc đang đi xuống" in flat
    off = rendered.report.off_target
    assert off, "the demo has off-target indicators"
    for row in off:
        assert row.status.is_off_target
        assert row.lead_units.split(";")[0] in flat
    assert rendered.report.data_hash in flat.replace(" ", "")
    pages = text.split("\f")[:-1]
    for number, page in enumerate(pages[1:], start=2):  # numbered at the top from page 2
        assert page.split()[0] == str(number), number


@needs_poppler
def test_pdf_pages_kept_as_png(rendered: Rendered) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("bao-cao-BNV-2025-H2-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(rendered.pdf), str(ARTIFACTS / "bao-cao-BNV-2025-H2")],
        check=True,
    )
    pages = sorted(ARTIFACTS.glob("bao-cao-BNV-2025-H2-*.png"))
    assert len(pages) >= 6
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pages)


def test_text_from_officers_never_runs_as_a_formula(
    demo_storage: Storage, catalogue: Catalogue, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {
            "indicator_code": ["1.1"],
            "unit_code": ["VPB"],
            "period": ["2025-Q4"],
            "value": [50.0],
            "numerator": [None],
            "denominator": [None],
            "note": [None],
        }
    )
    name = '=HYPERLINK("http://x.invalid","bam").csv'
    meta = UploadMeta(file_name=name, sha256="a" * 64, size_bytes=1, content_hash="b" * 64)
    commit_upload(demo_storage, frame, actor="@can.bo", meta=meta)
    report = build_report(demo_storage, catalogue, parse_report_period("2025-H2"), "VPB")
    files = render_bytes(report, ("xlsx", "pdf"), {})
    (tmp_path / "r.xlsx").write_bytes(files["xlsx"])
    annex = load_workbook(tmp_path / "r.xlsx")["Phụ lục"]
    texts = [c.value for row in annex.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'" + name in texts and "'@can.bo" in texts
    assert not any(t.startswith(("=", "@")) for t in texts)
    (tmp_path / "r.pdf").write_bytes(files["pdf"])
    if shutil.which("pdftotext"):
        assert "HYPERLINK" in _pdf_text(tmp_path / "r.pdf")


@needs_poppler
def test_a_half_year_missing_its_last_quarter_still_renders(
    demo_sqlite: Storage, catalogue: Catalogue, tmp_path: Path
) -> None:
    report = build_report(demo_sqlite, catalogue, parse_report_period("2026-H1"))
    files = render_bytes(report, ("xlsx", "pdf"), {})
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(files["pdf"])
    flat = " ".join(_pdf_text(pdf).split())
    assert "Chưa có số liệu Quý 2/2026" in flat
    assert "Chưa đủ dữ liệu" in flat or "Đúng lộ trình" in flat
    sheet = load_workbook(BytesIO(files["xlsx"]))["Số liệu"]
    assert sheet.max_row == header_row(sheet) + 16


@needs_poppler
def test_confirmed_outliers_and_revisions_appear_with_notes(
    demo_storage: Storage, catalogue: Catalogue, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {
            "indicator_code": ["1.5", "1.1"],
            "unit_code": ["CNCC", "VPB"],
            "period": ["2025-Q3", "2025-Q4"],
            "value": [79.0, 10.0],
            "numerator": [None, None],
            "denominator": [None, None],
            "note": [None, None],
        }
    )
    note = "Đã xác minh: số hóa toàn bộ hồ sơ tồn đọng trong quý"
    outlier = {
        "indicator_code": "1.5",
        "unit_code": "CNCC",
        "period": "2025-Q3",
        "value": 79.0,
        "previous": "25.1",
        "delta": "+53.9",
    }
    meta = UploadMeta(
        file_name="cuc-nguoi-co-cong.xlsx",
        sha256="c" * 64,
        size_bytes=1,
        content_hash="d" * 64,
        note=note,
        confirmed_outliers=[outlier],
    )
    commit_upload(demo_storage, frame, actor="can.bo@bnv.gov.vn", meta=meta)
    report = build_report(demo_storage, catalogue, parse_report_period("2025-H2"))
    (line,) = report.quality.outliers
    assert (line.indicator_code, line.unit_code, line.period) == ("1.5", "CNCC", "2025-Q3")
    assert (line.previous, line.value, line.note) == (25.1, 79.0, note)
    assert {(r.indicator_code, r.unit_code) for r in report.quality.revised} == {
        ("1.5", "CNCC"),
        ("1.1", "VPB"),
    }
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_bytes(report, ("pdf",), {})["pdf"])
    flat = " ".join(_pdf_text(pdf).split())
    assert "Biến động bất thường đã được xác nhận" in flat
    assert "Đã xác minh: số hóa" in flat and "tồn đọng trong quý" in flat
    assert "cuc-nguoi-co-cong.xlsx" in flat
