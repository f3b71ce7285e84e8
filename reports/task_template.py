"""The progress template of Phụ lục II and III: one row per task, current state filled in.

In the reader's language: headers, task names, lead units, completion times, the sheets'
names and the instructions (the loader reads the headers back in either language).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from kpi.task_progress import TaskStatus
from kpi.tasks import TaskState, code_sort_key
from kpi.text import t
from reports.tables import safe_text, to_csv_bytes

HEADER_KEYS = (
    "task_code",
    "task_name",
    "lead_units",
    "deadline",
    "state",
    "percent",
    "evidence",
    "issues",
    "reported_on",
)
WIDTHS = [10, 70, 28, 18, 16, 12, 40, 40, 14]


def headers(lang: str = "vi") -> list[str]:
    return [t(f"task_template.col.{key}", lang) for key in HEADER_KEYS]


def state_words(lang: str = "vi") -> list[str]:
    """The states as the officer reads and picks them (the loader also takes the codes)."""
    return [state.label(lang) for state in TaskState]


def instructions(lang: str = "vi") -> list[str]:
    return t("task_template.guide", lang).split("\n")


def template_frame(rows: Sequence[TaskStatus], lang: str = "vi") -> pd.DataFrame:
    records = [
        [
            s.task.code,
            s.task.name_in(lang),
            s.task.lead_units_in(lang),
            s.task.deadline_label_in(lang),
            s.state.label(lang),
            s.percent,
            s.evidence,
            s.issues,
            "",
        ]
        for s in sorted(rows, key=lambda s: code_sort_key(s.task.code))
    ]
    return pd.DataFrame(records, columns=headers(lang))


def task_template_csv(rows: Sequence[TaskStatus], lang: str = "vi") -> bytes:
    return to_csv_bytes(template_frame(rows, lang))


def task_template_xlsx(rows: Sequence[TaskStatus], lang: str = "vi") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("task_template.sheet_data", lang)
    sheet.append(headers(lang))
    for record in template_frame(rows, lang).itertuples(index=False):
        sheet.append([safe_text(value) for value in record])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    last = len(rows) + 1
    states = DataValidation(
        type="list",
        formula1='"' + ",".join(state_words(lang)) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t("task_template.state_error_title", lang),
        error=t("task_template.state_error", lang),
    )
    sheet.add_data_validation(states)
    states.add(f"E2:E{last}")
    for cell_row in sheet.iter_rows(min_row=2, max_row=last, max_col=1):
        for cell in cell_row:
            cell.number_format = "@"
    sheet.freeze_panes = "B2"
    guide = book.create_sheet(t("template.sheet_guide", lang))
    for line in instructions(lang):
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    guide["A1"].font = Font(bold=True, size=13)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
