"""How a workbook prints: A4, one page wide, the table's heading row on every page and the
page number in the footer, so a sheet printed as it is can be filed or forwarded."""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kpi.text import t

# Column widths (in characters) that fit across a portrait A4 page at 100 %; a wider sheet
# prints landscape, and either way it is scaled to one page wide.
PORTRAIT_WIDTH = 100.0
DEFAULT_WIDTH = 13.0  # Excel's width of a column never set
MARGIN_INCH = 0.5
_FROZEN_ROW = re.compile(r"[A-Z]+(\d+)")


def sheet_width(ws: Worksheet) -> float:
    """The printed width of the used columns, in characters."""
    widths = ws.column_dimensions
    total = 0.0
    for col in range(1, ws.max_column + 1):
        width = widths[get_column_letter(col)].width if get_column_letter(col) in widths else None
        total += width or DEFAULT_WIDTH
    return total


def heading_row(ws: Worksheet) -> int | None:
    """The row above the frozen pane: the heading of the sheet's one long table."""
    match = _FROZEN_ROW.fullmatch(str(ws.freeze_panes or ""))
    row = int(match[1]) - 1 if match else 0
    return row if row >= 1 else None


def set_up_sheet(ws: Worksheet, lang: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    wide = sheet_width(ws) > PORTRAIT_WIDTH
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if wide else ws.ORIENTATION_PORTRAIT
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    for side in ("left", "right", "top", "bottom"):
        setattr(ws.page_margins, side, MARGIN_INCH)
    row = heading_row(ws)
    if row is not None:
        ws.print_title_rows = f"{row}:{row}"
    if ws.oddFooter is not None:
        ws.oddFooter.center.text = t("export.print_page", lang)
        ws.oddFooter.center.size = 9


def set_up_printing(book: Workbook, lang: str) -> None:
    """Every sheet of the workbook."""
    for ws in book.worksheets:
        set_up_sheet(ws, lang)
