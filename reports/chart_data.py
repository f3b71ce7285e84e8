"""The data of a chart, as a person downloads it beside the image: exactly the lines drawn
(actual points, the required path, the projection with its 80% interval, the target),
with the headers and line names of the chart's language, never unit rows or codes."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kpi.catalogue import Indicator
from kpi.formatting import quarter_label
from kpi.text import t
from reports.chart_frame import DEMO_RED, ChartFacts, footer_lines, heading_lines, known_on_line
from reports.tables import safe_text, to_csv_bytes
from reports.trajectory import KINDS
from reports.xlsx_print import set_up_printing

COLUMN_KEYS = ("series", "quarter", "value", "low", "high")
DIGITS = 2
HEAD_FILL = PatternFill("solid", fgColor="DEE6F2")
WIDTHS = (30, 14, 14, 30, 30)
PERCENT_FORMAT = '0.00"%"'


def headers(lang: str = "vi") -> list[str]:
    return [t(f"export.col.{key}", lang) for key in COLUMN_KEYS]


def series_table(data: pd.DataFrame, indicator: Indicator, lang: str = "vi") -> pd.DataFrame:
    """One row per point drawn, line by line in the legend's order, then the target.

    `data` is the chart's input (reports.charts.trajectory_data)."""
    order = {kind: n for n, kind in enumerate(KINDS)}
    drawn = data.assign(_order=data["kind"].map(order)).sort_values(["_order", "t"], kind="stable")
    names = [t(f"chart_{kind}", lang) for kind in drawn["kind"]]
    target = t("export.series.target", lang, year=indicator.target_period.year)
    columns = headers(lang)
    table = pd.DataFrame(
        {
            columns[0]: [*names, target],
            columns[1]: [
                *drawn["period_label"],
                quarter_label(indicator.target_period, lang),
            ],
            columns[2]: [*drawn["value"].round(DIGITS), float(indicator.target)],
            columns[3]: [*drawn["low"].round(DIGITS), float("nan")],
            columns[4]: [*drawn["high"].round(DIGITS), float("nan")],
        }
    )
    return table


def csv_bytes(table: pd.DataFrame, facts: ChartFacts) -> bytes:
    """CSV for Excel; a file made from demo data says so on its first line, one made from
    the figures as known on an earlier day says which."""
    preface = [t("export.demo_mark", facts.lang)] if facts.demo else []
    if facts.known_on is not None:
        preface.append(known_on_line(facts))
    return to_csv_bytes(table, preface=preface)


def xlsx_bytes(table: pd.DataFrame, facts: ChartFacts) -> bytes:
    """One sheet: what the chart shows (title, scope, as-of, source, demo mark), then the data."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("export.sheet_series", facts.lang)
    title, subtitle = heading_lines(facts, 100_000)  # one line each: cells wrap themselves
    lines = [*title, *subtitle, *footer_lines(facts, band=False)]
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=str(safe_text(line)))  # a unit's name is typed text
    sheet["A1"].font = Font(bold=True, size=13)
    top = len(lines) + 1
    if facts.demo:
        cell = sheet.cell(row=top, column=1, value=t("export.demo_mark", facts.lang))
        cell.font = Font(bold=True, color=DEMO_RED[1:])
        top += 1
    _write_table(sheet, table, top + 1)
    set_up_printing(book, facts.lang)
    book.properties.title = title[0]
    book.properties.creator = "KPI Monitor"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_table(sheet: Worksheet, table: pd.DataFrame, top: int) -> None:
    for col, heading in enumerate(table.columns, start=1):
        cell = sheet.cell(row=top, column=col, value=str(heading))
        cell.font, cell.fill = Font(bold=True), HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, values in enumerate(table.itertuples(index=False), start=top + 1):
        for col, value in enumerate(values, start=1):
            if isinstance(value, float) and pd.isna(value):
                continue
            cell = sheet.cell(row=r, column=col, value=value)
            if isinstance(value, float):
                cell.number_format = PERCENT_FORMAT
    for col, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = f"A{top + 1}"
