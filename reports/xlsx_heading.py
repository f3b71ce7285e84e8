"""The administrative heading and closing of the workbook's summary sheet, as in the PDF
(Nghị định 30/2020/NĐ-CP): issuer and number in column A, the national name, motto and
place and date over C:D, "BÁO CÁO" and its subject, and at the end the recipients and
the signature block, with the fields to fill in left as dotted lines."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from kpi.formatting import report_period_label
from kpi.text import t
from reports.model import Report
from reports.pdf_nd30 import NAME_DOTS, number_line, place_date_line, recipients
from reports.text import label, summary_sentence
from reports.xlsx_cells import put

CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
SIGN_ROWS = 4  # rows left blank for the signature and the seal


def _right(ws: Worksheet, row: int, text: str, font: Font) -> None:
    """A line over C:D, centred (the right-hand column of the heading)."""
    ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
    cell = put(ws, row, 3, text)
    cell.font, cell.alignment = font, CENTRE


def _across(ws: Worksheet, row: int, text: str, font: Font, height: float | None = None) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    cell = put(ws, row, 1, text)
    cell.font, cell.alignment = font, CENTRE
    if height:
        ws.row_dimensions[row].height = height


def heading_rows(ws: Worksheet, report: Report, row: int) -> int:
    """Write the heading from `row`; returns the next free row."""
    lang = report.lang
    left = [] if report.is_root else [(label("ministry", lang), Font())]
    issuer = label("ministry", lang) if report.is_root else report.unit_name.upper()
    left += [(issuer, Font(bold=True)), (number_line(report.unit_code, lang), Font())]
    for n, (text, font) in enumerate(left):
        cell = put(ws, row + n, 1, text, user=text == issuer and not report.is_root)
        cell.font, cell.alignment = font, CENTRE
    _right(ws, row, label("nation", lang), Font(bold=True))
    _right(ws, row + 1, label("motto", lang), Font(bold=True, underline="single"))
    _right(ws, row + 2, place_date_line(report.made_on.year, lang), Font(italic=True))
    row += max(len(left), 3) + 1
    _across(ws, row, t("nd30.kind", lang), Font(bold=True, size=14))
    period = report_period_label(report.period, lang)
    _across(ws, row + 1, t("nd30.subject", lang, period=period), Font(bold=True, size=12))
    by_status = {status.value: n for status, n in report.counts}
    sentence = summary_sentence(report.as_of, by_status, report.moves, lang)
    ws.merge_cells(start_row=row + 3, start_column=1, end_row=row + 3, end_column=4)
    cell = put(ws, row + 3, 1, sentence)
    cell.alignment = LEFT
    ws.row_dimensions[row + 3].height = 48
    return row + 5


def signature_rows(ws: Worksheet, report: Report, row: int) -> int:
    """Recipients in column A, the signer's title, hint and name over C:D."""
    lang = report.lang
    put(ws, row, 1, t("nd30.recipients", lang)).font = Font(bold=True, italic=True)
    lines = recipients(report.is_root, report.unit_code, lang)
    for n, line in enumerate(lines, start=1):
        put(ws, row + n, 1, line).font = Font(size=10)
    title = t("nd30.sign_ministry" if report.is_root else "nd30.sign_unit", lang)
    signer = title.split("\n")
    for n, line in enumerate(signer):
        _right(ws, row + n, line, Font(bold=True))
    hint_row = row + len(signer)
    _right(ws, hint_row, t("nd30.sign_hint", lang), Font(italic=True))
    _right(ws, hint_row + SIGN_ROWS + 1, NAME_DOTS, Font(bold=True))
    return max(row + len(lines), hint_row + SIGN_ROWS + 1) + 1
