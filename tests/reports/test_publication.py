"""Output a ministry can file as it is (issue 19): the layout of an administrative report
(Nghị định 30/2020/NĐ-CP), the demo mark on every page and sheet, cells in words, chart
images that say what they show."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import struct
import subprocess
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpi.catalogue import Catalogue
from kpi.periods import parse_report_period
from kpi.progress import OpenSdgStatus, Status
from kpi.services.report_output import render_bytes, report_series
from kpi.services.reporting import build_report
from kpi.storage import Storage
from reports.chart_images import chart_spec, spec_to_svg
from reports.xlsx import DATA_COLUMNS
from tests.kpi.test_english_words import vietnamese_letters
from tests.reports.conftest import MADE_ON, Rendered, sheet_records

pytestmark = pytest.mark.xdist_group("reports-render")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)
DEMO_VI = "Dữ liệu minh họa — không phải số liệu thật"
CODES = {s.value for s in Status} | {s.value for s in OpenSdgStatus}


def _pages(pdf: Path, *layout: str) -> list[str]:
    out = subprocess.run(
        ["pdftotext", *layout, str(pdf), "-"], capture_output=True, check=True, text=True
    )
    return unicodedata.normalize("NFC", out.stdout).split("\f")[:-1]


def _line_with(page: str, *words: str) -> str:
    return next(line for line in page.splitlines() if all(w in line for w in words))


@needs_poppler
def test_the_pdf_has_the_blocks_of_an_administrative_report(rendered: Rendered) -> None:
    pages = _pages(rendered.pdf, "-layout")
    first = pages[0]
    heading = _line_with(first, "BỘ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert heading.index("BỘ NỘI VỤ") < heading.index("CỘNG HÒA")  # issuer left, nation right
    assert _line_with(first, "Số: ……/BC-BNV").index("Số:") < heading.index("CỘNG HÒA")  # left
    motto = _line_with(first, "Độc lập - Tự do - Hạnh phúc")
    assert motto.index("Độc lập") > heading.index("BỘ NỘI VỤ") + len("BỘ NỘI VỤ")  # right
    assert "Hà Nội, ngày …… tháng …… năm 2026" in first
    flat = " ".join(first.split())
    assert "BÁO CÁO Kết quả thực hiện các chỉ tiêu chuyển đổi số 6 tháng cuối năm 2025" in flat
    text = "\n".join(pages)
    everything = " ".join(text.split())
    for words in ("Toàn Bộ Nội vụ", "Bộ Nội vụ · Kỳ báo cáo: 6 tháng cuối năm 2025"):
        assert words in everything, words  # the scope as every page names it
    closing = _line_with(text, "Nơi nhận:", "KT. BỘ TRƯỞNG")
    assert closing.index("Nơi nhận:") < closing.index("KT. BỘ TRƯỞNG")
    for line in ("THỨ TRƯỞNG", "(Ký, ghi rõ họ tên)", "- Bộ trưởng (để báo cáo);", "Lưu: VT,"):
        assert line in text, line
    assert "………………" in text  # the signer's name, left to fill in
    signed = next(n for n, page in enumerate(pages) if "Nơi nhận:" in page)
    annex = next(n for n, page in enumerate(pages) if "PHỤ LỤC" in page)
    assert signed < annex  # the annex follows the signature


@needs_poppler
def test_every_pdf_page_carries_the_demo_mark(rendered: Rendered) -> None:
    pages = _pages(rendered.pdf)
    assert len(pages) >= 8
    for number, page in enumerate(pages, start=1):
        assert DEMO_VI.upper() in " ".join(page.split()), number


@needs_poppler
def test_a_unit_report_in_english_keeps_the_layout(
    demo_sqlite: Storage, catalogue: Catalogue, tmp_path: Path
) -> None:
    period = parse_report_period("2025-H2")
    report = build_report(demo_sqlite, catalogue, period, "VPB", lang="en", made_on=MADE_ON)
    files = render_bytes(report, ("pdf", "xlsx"), {})
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(files["pdf"])
    pages = _pages(pdf, "-layout")
    heading = _line_with(pages[0], "MINISTRY OF HOME AFFAIRS", "SOCIALIST REPUBLIC OF VIET NAM")
    assert heading.index("MINISTRY") < heading.index("SOCIALIST")
    flat = " ".join("\n".join(pages).split())
    for words in (
        "MINISTRY OFFICE",
        "VPB · Ministry Office",
        "Ministry Office · Reporting period: H2 2025",
        "No.: ……/BC-VPB",
        "Independence - Freedom - Happiness",
        "Hanoi, …… 2026",
        "REPORT Results on the digital transformation indicators, H2 2025",
        "Recipients:",
        "HEAD OF UNIT",
        "(Signature, full name)",
        "Archived: Records office, VPB.",
        "DEMO DATA — ILLUSTRATIVE, NOT REAL FIGURES",
    ):
        assert words in flat, words
    assert "Bộ trưởng" not in flat and "Nơi nhận" not in flat
    # units, lead units and the footer read in English: no Vietnamese letter is left
    assert vietnamese_letters(flat) == ""
    cells = _texts(load_workbook(BytesIO(files["xlsx"])))
    assert [c for v in cells.values() for c in v if vietnamese_letters(c)] == []


def _texts(book: object) -> dict[str, list[str]]:
    return {
        ws.title: [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        for ws in book  # type: ignore[attr-defined]
    }


def test_every_sheet_says_demo_and_cells_are_words(rendered: Rendered) -> None:
    book = load_workbook(rendered.xlsx)
    texts = _texts(book)
    for ws in book:
        assert ws["A1"].value == DEMO_VI, ws.title
        assert ws.oddHeader.center.text == DEMO_VI, ws.title
    every = [text for values in texts.values() for text in values]
    assert not [t for t in every if t.startswith("'")]  # no guard quote on our own words
    assert not CODES & set(every)  # statuses in words, never their codes
    assert "Không đổi" in every and "= Không đổi" not in every
    assert "Quý 4/2025" in every and "2025-Q4" not in every
    summary = texts["Tóm tắt"]
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO"):
        assert words in summary, words
    assert "Số: ……/BC-BNV" in summary and "Nơi nhận:" in summary and "KT. BỘ TRƯỞNG" in summary
    assert "Kết quả thực hiện các chỉ tiêu chuyển đổi số 6 tháng cuối năm 2025" in summary


def test_data_sheet_numbers_carry_their_unit(rendered: Rendered) -> None:
    sheet = load_workbook(rendered.xlsx)["Số liệu"]
    keys = [k for k, _vi, _en in DATA_COLUMNS]
    rows = sheet_records(sheet, keys)
    first = rows[0]
    assert first["methods_disagree"] in ("Có", "Không") and first["stale"] in ("Có", "Không")
    assert first["latest_period"] == "Quý 4/2025"
    top = next(c.row for c in sheet["A"] if c.value == "Mã")
    formats = {k: sheet.cell(row=top + 1, column=n).number_format for n, k in enumerate(keys, 1)}
    assert formats["latest_value"] == '0.00"%"' and formats["target"] == '0"%"'
    assert formats["gap_pp"] == '+0.00" điểm %";-0.00" điểm %";0.00" điểm %"'
    assert formats["observed_pace_pp_per_year"].startswith('+0.00" điểm %/năm"')
    assert sheet.column_dimensions["B"].width == 50 and sheet.column_dimensions["D"].width == 11


def test_our_own_dash_lines_are_not_guarded(demo_storage: Storage, catalogue: Catalogue) -> None:
    """The guard stays on what people type (test_render checks file names and e-mails)."""
    report = build_report(demo_storage, catalogue, parse_report_period("2025-H2"))
    book = load_workbook(BytesIO(render_bytes(report, ("xlsx",), {})["xlsx"]))
    recipients = [c.value for c in book["Tóm tắt"]["A"] if str(c.value or "").startswith("- ")]
    assert recipients[0] == "- Bộ trưởng (để báo cáo);"  # our own "-" lines, not "'-"


def _png_size_cm(png: bytes) -> tuple[float, int]:
    width = struct.unpack(">I", png[16:20])[0]
    start = png.index(b"pHYs") + 4
    per_metre = struct.unpack(">I", png[start : start + 4])[0]  # pixels per metre, x
    return width / per_metre * 100, round(per_metre * 0.0254)


def test_report_chart_images_fit_an_a4_page(rendered: Rendered) -> None:
    assert len(rendered.charts) == 16
    for png in rendered.charts.values():
        width_cm, dpi = _png_size_cm(png)
        assert 16.0 <= width_cm <= 18.0 and 150 <= dpi <= 200, (width_cm, dpi)


def test_report_chart_says_what_it_shows(
    rendered: Rendered, demo_sqlite: Storage, catalogue: Catalogue
) -> None:
    report = rendered.report
    series = report_series(report, demo_sqlite)
    row = report.rows[0]
    part = series[series["indicator_code"] == row.code][["period_index", "value"]]
    spec = chart_spec(part.reset_index(drop=True), row, report, catalogue)
    assert spec is not None
    svg = spec_to_svg(spec).decode("utf-8")
    for words in (
        "Lộ trình thực hiện chỉ tiêu 1.1 đến năm 2030",
        "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp",
        "Phạm vi: Toàn Bộ Nội vụ · Số liệu tính đến Quý 4/2025",
        "Nguồn: KPI Monitor, Bộ Nội vụ · Lập ngày 25/04/2026",
        DEMO_VI,
        "Số thực tế",
        "Dự báo theo tốc độ hiện nay",
    ):
        assert words in svg, words
    fonts = {part.split('"')[0] for part in svg.split('font-family="')[1:]}
    assert fonts == {"DejaVu Sans"}  # one font, embedded below
    assert svg.count("@font-face") == 2 and "data:font/ttf;base64," in svg
    assert len(svg) < 120_000
    legends = {"color": "independent", "strokeDash": "independent"}
    assert json.loads(spec)["resolve"] == {"legend": legends}
    # one legend under the plot (colour and dash merged), not a dashed copy under the source
    assert svg.count(">Số thực tế<") == 1 and svg.count(">Lộ trình cần thiết<") == 1
    assert '"direction": "horizontal"' in spec and '"columns": 1' not in spec  # one legend row


def test_no_demo_mark_on_real_figures(storage: Storage, catalogue: Catalogue) -> None:
    from tests.kpi.services.helpers import rising, upload

    upload(storage, catalogue, rising("1.1", "VPB", 40, 2))
    report = build_report(
        storage, catalogue, parse_report_period("2026-H1"), "VPB", made_on=dt.date(2026, 7, 10)
    )
    assert not report.is_demo
    book = load_workbook(BytesIO(render_bytes(report, ("xlsx",), {})["xlsx"]))
    assert not [t for values in _texts(book).values() for t in values if "minh họa" in t]


def test_the_embedded_font_covers_every_character_drawn() -> None:
    from base64 import b64decode

    from fontTools.ttLib import TTFont

    from reports.svg_fonts import embed_font, used_characters

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><text font-family="DejaVu Sans">'
        "<tspan>Tỷ lệ hồ sơ</tspan><tspan>Quý 4/2025 &amp; ữ</tspan></text></svg>"
    )
    assert set("Tỷlệhồsơ Quý4/2025&ữ") <= set(used_characters(svg))
    out = embed_font(svg)
    faces = [part.split(")")[0] for part in out.split("base64,")[1:]]
    assert len(faces) == 2  # regular and bold
    for face in faces:
        cmap = TTFont(BytesIO(b64decode(face))).getBestCmap()
        assert all(ord(c) in cmap for c in "Tỷlệhồsơ Quý4/2025&ữ")
