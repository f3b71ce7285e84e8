"""The rendered XLSX and PDF: figures read back, text layer, pages kept as PNG."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.progress import Status, ministry_statuses
from kpi.storage import Storage
from kpi.storage.repository import current_frame, unit_registry
from reports.xlsx import DATA_COLUMNS
from tests.reports.conftest import ARTIFACTS, Rendered

NUMERIC = (
    "latest_value",
    "trajectory_value",
    "gap_pp",
    "remaining_pace_pp_per_quarter",
    "projected_2030",
    "required_pace_pp_per_year",
)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    )
    return unicodedata.normalize("NFC", out.stdout)


def test_xlsx_figures_equal_the_engine(
    rendered: Rendered, demo_sqlite: Storage, catalogue: Catalogue
) -> None:
    engine = ministry_statuses(
        current_frame(demo_sqlite), catalogue, unit_registry(demo_sqlite), as_of=Quarter(2025, 4)
    ).set_index("indicator_code")
    book = load_workbook(rendered.xlsx)
    assert book.sheetnames == ["Tóm tắt", "Số liệu", "Biểu đồ", "Chất lượng số liệu", "Phụ lục"]
    sheet = book["Số liệu"]
    header = [c.value for c in sheet[1]]
    assert header == [vi for _k, vi, _en in DATA_COLUMNS]
    keys = [k for k, _vi, _en in DATA_COLUMNS]
    rows = [dict(zip(keys, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    assert [r["indicator_code"] for r in rows] == list(catalogue.codes)
    for row in rows:
        expected = engine.loc[row["indicator_code"]]
        assert row["status"] == expected["status"]
        assert row["status_text"] == Status(expected["status"]).vi
        for key in NUMERIC:
            if expected[key] is None or expected[key] != expected[key]:
                assert row[key] is None
            else:
                assert isinstance(row[key], float), key
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
    assert "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ" in flat
    assert "Nghị quyết số 71/NQ-CP" in flat and "Phụ lục I" in flat
    assert "Chỉ tiêu chậm tiến độ hoặc đang đi xuống" in flat
    off = rendered.report.off_target
    assert off, "the demo has off-target indicators"
    for row in off:
        assert row.status.is_off_target
        assert row.lead_units.split(";")[0] in flat
    assert rendered.report.data_hash in flat.replace(" ", "")
    pages = text.count("\f")
    assert f"Trang 1/{pages}" in flat


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
