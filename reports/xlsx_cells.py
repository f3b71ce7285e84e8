"""Cells of the report workbook: styles, number formats with their units, tables, the demo
line and the administrative heading (Nghị định 30/2020/NĐ-CP) of the summary sheet.

Text a person typed (file names, e-mail addresses, notes, imported unit names) goes
through reports.tables.safe_text, so it never runs as a formula. The words the report
writes itself are stored as text as they are: a cell never shows a guard quote.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from kpi.text import t
from reports.tables import safe_text

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14, color="102A54")
DEMO = Font(bold=True, size=12, color="A4001D")
HEAD_FILL = PatternFill("solid", fgColor="DEE6F2")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)
NUMBER_FORMAT = "0.00"


def percent_format(digits: int = 2) -> str:
    return ("0." + "0" * digits if digits else "0") + '"%"'


def points_format(lang: str, per_year: bool = False) -> str:
    """'+1,25 điểm %' above zero, '-1,25 điểm %' below (Excel shows the decimal sign)."""
    unit = t("export.pp_year" if per_year else "report.pp", lang)
    return f'+0.00" {unit}";-0.00" {unit}";0.00" {unit}"'


def put(ws: Worksheet, row: int, col: int, value: Any, *, user: bool = False) -> Cell:
    """Write one cell: numbers as numbers, typed text guarded, our words as plain text."""
    if user:
        value = safe_text(value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and not user:
        cell.data_type = "s"  # our words are text even when one starts with "="
    if isinstance(value, float):
        cell.number_format = NUMBER_FORMAT
    return cell


def table(
    ws: Worksheet,
    top: int,
    headings: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    user: Collection[int] = (),
    formats: Sequence[str | None] = (),
) -> int:
    """A boxed table; `user` holds the 0-based columns of typed text, `formats` a number
    format per column. Returns the next free row."""
    for c, text in enumerate(headings, start=1):
        cell = put(ws, top, c, text)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEAD_FILL, BOX, WRAP
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values, start=1):
            cell = put(ws, r, c, value, user=c - 1 in user)
            cell.border, cell.alignment = BOX, WRAP
            shape = formats[c - 1] if c - 1 < len(formats) else None
            if shape and isinstance(value, int | float) and not isinstance(value, bool):
                cell.number_format = shape
    return top + len(rows) + 2


def demo_line(ws: Worksheet, demo: bool, lang: str, row: int = 1) -> int:
    """The demo mark on the sheet (and its printed header); the next row to write."""
    if not demo:
        return row
    mark = t("export.demo_mark", lang)
    put(ws, row, 1, mark).font = DEMO
    if ws.oddHeader is not None:  # printed pages carry it too
        ws.oddHeader.center.text = mark
    return row + 2


def yes_no(value: bool, lang: str) -> str:
    return t("export.yes" if value else "export.no", lang)
