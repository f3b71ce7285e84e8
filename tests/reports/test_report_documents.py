"""The report as a document an office forwards: the annex says what the method does, one
quarter, period and date form per language, a sentence for an empty list, no page holding
only the results table's note, and workbooks that print on A4 one page wide."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from kpi.catalogue import Catalogue
from kpi.formatting import half_year_label, number, percent, quarter_label
from kpi.periods import TARGET_PERIOD, Quarter, parse_report_period
from kpi.progress import method
from kpi.progress.legend import status_legend
from kpi.services.report_output import render_bytes
from kpi.services.reporting import build_report
from kpi.storage import Storage
from reports import chart_data
from reports.chart_frame import ChartFacts
from reports.pdf import FIT_SIZES, ReportPDF, _note_fitting_size
from reports.task_section import TaskReportSection, signoff_line
from reports.task_section import label as task_label
from reports.text import day_text, label, method_lines, moment_text
from tests.reports.conftest import MADE_ON

LANGS = ("vi", "en")
# a code form ('2030-Q4', '2025-H2') as running text; a typed file name may hold one
CODE_PERIOD = re.compile(r"quý IV|(?<![-\w])\d{4}-[QH]\d(?![\w.])")
SLASH_DAY = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
LONG_DAY = re.compile(
    r"\b\d{2} (January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{4}\b"
)


@pytest.fixture(scope="module")
def documents(demo_sqlite: Storage, catalogue: Catalogue) -> dict[str, dict[str, bytes]]:
    """The 2025-H2 report in both languages, PDF and XLSX, without chart images."""
    period = parse_report_period("2025-H2")
    out = {}
    for lang in LANGS:
        report = build_report(demo_sqlite, catalogue, period, lang=lang, made_on=MADE_ON)
        out[lang] = render_bytes(report, ("pdf", "xlsx"), {})
    return out


def pdf_pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages]


def workbook_text(xlsx: bytes) -> str:
    book = openpyxl.load_workbook(BytesIO(xlsx))
    return " ".join(
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_annex_states_every_rule_of_the_legend_with_the_methods_numbers(lang: str) -> None:
    lines = method_lines(lang)
    for status, rule in status_legend(lang):
        assert any(line.endswith(rule) and status_word(status, lang) in line for line in lines)
    text = " ".join(lines)
    assert f"≥ {percent(method.FULL_ACHIEVED, lang, 0)}" in text  # 99 % reaches a 100 % target
    hold = number(method.HOLD_PP, lang, 0)
    unit = "pp" if lang == "en" else "điểm %"
    assert text.count(f"{hold} {unit}") == 2  # holding within, and falling back by more than
    assert quarter_label(TARGET_PERIOD, lang) in text
    assert "quý IV" not in text and "2030-Q4" not in text


def status_word(status: object, lang: str) -> str:
    return str(getattr(status, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_annex_and_title_use_the_languages_forms(
    documents: dict[str, dict[str, bytes]], lang: str
) -> None:
    pdf = documents[lang]["pdf"]
    text = " ".join(pdf_pages(pdf))
    assert f"≥ {percent(method.FULL_ACHIEVED, lang, 0)}" in text
    assert quarter_label(TARGET_PERIOD, lang) in text
    assert not CODE_PERIOD.search(text)
    title = PdfReader(BytesIO(pdf)).metadata.title
    assert title.endswith(half_year_label(2025, 2, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_the_workbook_annex_states_the_same_rules(
    documents: dict[str, dict[str, bytes]], lang: str
) -> None:
    text = workbook_text(documents[lang]["xlsx"])
    for line in method_lines(lang):
        assert line in text
    assert not CODE_PERIOD.search(text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_results_note_shares_a_page_with_its_table(
    documents: dict[str, dict[str, bytes]], lang: str
) -> None:
    note_start = " ".join(label("table_note", lang, start="", end="").split()[:2])
    pages = pdf_pages(documents[lang]["pdf"])
    (with_note,) = [page for page in pages if note_start in page]
    # the page with the note holds rows of the table: their status marks
    assert any(str(status.icon) in with_note for status, _rule in status_legend(lang))


def test_the_table_shrinks_when_only_its_note_would_turn_the_page(
    demo_sqlite: Storage, catalogue: Catalogue
) -> None:
    report = build_report(
        demo_sqlite, catalogue, parse_report_period("2025-H2"), lang="vi", made_on=MADE_ON
    )
    pdf = ReportPDF(report)
    pdf.add_page(orientation="landscape")
    room = {FIT_SIZES[0]: 2.0, FIT_SIZES[1]: 30.0}  # mm left under a table drawn at a size

    def draw(size: float) -> None:
        pdf.set_y(pdf.page_break_trigger - room.get(size, 40.0))

    assert _note_fitting_size(pdf, draw, "một dòng ghi chú") == FIT_SIZES[1]
    room[FIT_SIZES[0]] = 20.0
    assert _note_fitting_size(pdf, draw, "một dòng ghi chú") == FIT_SIZES[0]


@pytest.mark.parametrize("lang", LANGS)
def test_one_date_form_per_language(documents: dict[str, dict[str, bytes]], lang: str) -> None:
    texts = [" ".join(pdf_pages(documents[lang]["pdf"])), workbook_text(documents[lang]["xlsx"])]
    other = SLASH_DAY if lang == "en" else LONG_DAY
    for text in texts:
        assert not other.search(text)
    day = dt.date(2026, 6, 30)
    assert day_text(day, lang) == ("30 June 2026" if lang == "en" else "30/06/2026")
    moment = dt.datetime(2026, 6, 30, 17, 30, tzinfo=dt.UTC)  # 00:30 on 1 July in Việt Nam
    assert moment_text(moment, lang).startswith(day_text(dt.date(2026, 7, 1), lang))


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_list_gets_a_sentence(documents: dict[str, dict[str, bytes]], lang: str) -> None:
    text = " ".join(pdf_pages(documents[lang]["pdf"]))
    assert "None." not in text and "Không có." not in text
    section = TaskReportSection(
        day=dt.date(2026, 6, 30), counts={}, completed=(), overdue=(), issues=()
    )
    assert signoff_line(section, lang) == task_label("no_reports", lang)
    assert not re.search(r"\b0\b", signoff_line(section, lang))


def assert_prints_on_a4(xlsx: bytes) -> dict[str, openpyxl.worksheet.worksheet.Worksheet]:
    book = openpyxl.load_workbook(BytesIO(xlsx))
    for ws in book.worksheets:
        setup = ws.page_setup
        assert (setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (9, 1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.orientation in ("portrait", "landscape"), ws.title
        assert "&P" in (ws.oddFooter.center.text or ""), ws.title
    return {ws.title: ws for ws in book.worksheets}


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_workbook_prints_on_a4_one_page_wide(
    documents: dict[str, dict[str, bytes]], lang: str
) -> None:
    sheets = assert_prints_on_a4(documents[lang]["xlsx"])
    data = sheets[label("sheet_data", lang)]
    assert data.page_setup.orientation == "landscape"  # 30-odd columns
    top = int(str(data.freeze_panes)[1:]) - 1
    assert data.print_title_rows == f"${top}:${top}"
    assert data.cell(row=top, column=1).value == label("col.indicator_code", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_workbook_prints_on_a4_with_its_heading_row(lang: str) -> None:
    columns = chart_data.headers(lang)
    rows = [["a", quarter_label(Quarter(2025, q), lang), 40.0 + q, 39.0, 41.0] for q in (1, 2)]
    table = pd.DataFrame(rows, columns=columns)
    facts = ChartFacts("1.1", "x", 2030, "BNV", Quarter(2025, 2), MADE_ON, demo=True, lang=lang)
    (ws,) = assert_prints_on_a4(chart_data.xlsx_bytes(table, facts)).values()
    top = int(ws.print_title_rows.split(":")[0].strip("$"))
    assert [ws.cell(row=top, column=c + 1).value for c in range(len(columns))] == columns
