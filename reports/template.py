"""The officers' template: one row per indicator, Vietnamese headers, codes as text."""

from __future__ import annotations

import io
from collections.abc import Collection

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from kpi.catalogue import Catalogue
from kpi.text import t
from reports.tables import to_csv_bytes

HEADER_KEYS = (
    "indicator_code",
    "name",
    "unit_code",
    "period",
    "value",
    "numerator",
    "denominator",
    "note",
)
# The officers' file columns (read back through the header aliases): Vietnamese headers
HEADERS = [t(f"template.col.{key}") for key in HEADER_KEYS]
WIDTHS = [12, 70, 14, 14, 13, 12, 12, 40]
INSTRUCTIONS = t("template.guide").split("\n")


def template_rows(
    catalogue: Catalogue,
    unit: str = "",
    period: str = "",
    codes: Collection[str] | None = None,
) -> list[list[object]]:
    """One row per indicator; `codes` keeps only the indicators a unit owes."""
    return [
        [i.code, i.name_vi, unit, period, None, None, None, None]
        for i in catalogue
        if codes is None or i.code in codes
    ]


def template_xlsx(
    catalogue: Catalogue, unit: str = "", period: str = "", codes: Collection[str] | None = None
) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("template.sheet_data")
    sheet.append(HEADERS)
    rows = template_rows(catalogue, unit, period, codes)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    last = len(rows) + 1
    for cell_row in sheet.iter_rows(min_row=2, max_row=last + 200, max_col=4):
        for cell in cell_row:
            cell.number_format = "@"  # codes, units and periods stay text
    dropdown = DataValidation(
        type="list",
        formula1='"' + ",".join(c for c in catalogue.codes if codes is None or c in codes) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t("template.code_error_title"),
        error=t("template.code_error"),
    )
    sheet.add_data_validation(dropdown)
    dropdown.add(f"A2:A{last + 200}")
    sheet.freeze_panes = "A2"
    guide = book.create_sheet(t("template.sheet_guide"))
    for line in INSTRUCTIONS:
        guide.append([line])
    guide.column_dimensions["A"].width = 100
    guide["A1"].font = Font(bold=True, size=13)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_csv(
    catalogue: Catalogue, unit: str = "", period: str = "", codes: Collection[str] | None = None
) -> bytes:
    import pandas as pd

    frame = pd.DataFrame(template_rows(catalogue, unit, period, codes), columns=HEADERS)
    return to_csv_bytes(frame)
