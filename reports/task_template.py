"""The progress template of Phụ lục II and III: one row per task, current state filled in."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from kpi.task_progress import TaskStatus
from kpi.tasks import TaskState, code_sort_key
from reports.tables import safe_text, to_csv_bytes

HEADERS = [
    "Mã nhiệm vụ",
    "Tên nhiệm vụ",
    "Đơn vị chủ trì",
    "Thời gian hoàn thành",
    "Trạng thái",
    "Tỷ lệ hoàn thành (%)",
    "Minh chứng",
    "Khó khăn, đề xuất",
    "Ngày báo cáo",
]
WIDTHS = [10, 70, 28, 18, 16, 12, 40, 40, 14]
INSTRUCTIONS = [
    "HƯỚNG DẪN BÁO CÁO TIẾN ĐỘ NHIỆM VỤ (Phụ lục II, III - Kế hoạch thực hiện NQ 71/NQ-CP)",
    "",
    "1. Mỗi dòng là một nhiệm vụ. Không sửa dòng tiêu đề và cột Mã nhiệm vụ;",
    "   xóa dòng không báo cáo.",
    "2. Trạng thái: not_started, in_progress, done, paused (hoặc Chưa triển khai, Đang thực hiện,",
    "   Hoàn thành, Tạm dừng).",
    "3. Tỷ lệ hoàn thành: số nguyên 0–100. Hoàn thành = 100, chưa triển khai = 0.",
    "4. Minh chứng: số, ngày văn bản hoặc đường dẫn. Bắt buộc khi báo cáo Hoàn thành.",
    "5. Ngày báo cáo: ví dụ 2026-11-30 hoặc 30/11/2026; để trống là ngày nộp.",
    "   Không ghi ngày trong tương lai.",
    "6. Chỉ báo cáo nhiệm vụ do đơn vị mình chủ trì. Tệp có lỗi thì không dòng nào được ghi.",
    "",
    "Progress template: one row per task; states not_started, in_progress, done, paused; percent",
    "0-100; evidence is required for done; date as 2026-11-30 (blank = today).",
]


def template_frame(rows: Sequence[TaskStatus]) -> pd.DataFrame:
    records = [
        [
            s.task.code,
            s.task.name,
            s.task.lead_units,
            s.task.deadline_text,
            s.state.value,
            s.percent,
            s.evidence,
            s.issues,
            "",
        ]
        for s in sorted(rows, key=lambda s: code_sort_key(s.task.code))
    ]
    return pd.DataFrame(records, columns=HEADERS)


def task_template_csv(rows: Sequence[TaskStatus]) -> bytes:
    return to_csv_bytes(template_frame(rows))


def task_template_xlsx(rows: Sequence[TaskStatus]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tiến độ"
    sheet.append(HEADERS)
    for record in template_frame(rows).itertuples(index=False):
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
        formula1='"' + ",".join(s.value for s in TaskState) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Trạng thái",
        error="Chọn trạng thái trong danh sách.",
    )
    sheet.add_data_validation(states)
    states.add(f"E2:E{last}")
    for cell_row in sheet.iter_rows(min_row=2, max_row=last, max_col=1):
        for cell in cell_row:
            cell.number_format = "@"
    sheet.freeze_panes = "B2"
    guide = book.create_sheet("Hướng dẫn")
    for line in INSTRUCTIONS:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    guide["A1"].font = Font(bold=True, size=13)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
