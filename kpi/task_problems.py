"""Every message a task progress file can get, in Vietnamese and English.

Same shape as kpi.problems (row as in Excel, column, value, message code), for
the progress template of Phụ lục II and III.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    "no_header": (
        "Không tìm thấy dòng tiêu đề (cần các cột: Mã nhiệm vụ, Trạng thái).",
        "No header row found (expected: task_code, state).",
    ),
    "missing_column": ("Thiếu cột bắt buộc '{column}'.", "Required column '{column}' is missing."),
    "no_rows": ("Tệp không có dòng báo cáo nào.", "The file has no report rows."),
    "too_many_rows": (
        "Tệp có {rows} dòng, vượt giới hạn {limit} dòng.",
        "The file has {rows} rows, over the {limit} limit.",
    ),
    "unknown_task": (
        "Không có nhiệm vụ mã '{value}' trong Phụ lục II, III.",
        "There is no task '{value}' in Phụ lục II or III.",
    ),
    "missing_task": ("Thiếu mã nhiệm vụ.", "The task code is missing."),
    "bad_state": (
        "Trạng thái '{value}' không hợp lệ (not_started, in_progress, done, paused hoặc "
        "Chưa triển khai, Đang thực hiện, Hoàn thành, Tạm dừng).",
        "State '{value}' is not valid (not_started, in_progress, done, paused).",
    ),
    "bad_percent": (
        "Tỷ lệ '{value}' phải là số nguyên từ 0 đến 100.",
        "Percent '{value}' must be a whole number from 0 to 100.",
    ),
    "bad_date": (
        "Ngày '{value}' không đúng dạng (ví dụ 2026-11-30 hoặc 30/11/2026).",
        "Date '{value}' is malformed (e.g. 2026-11-30 or 30/11/2026).",
    ),
    "rule": ("{why}", "{why_en}"),
    "not_lead_unit": (
        "Nhiệm vụ {value} do {lead} chủ trì; tài khoản không thuộc đơn vị chủ trì.",
        "Task {value} is led by {lead}; the account is not in a lead unit.",
    ),
    "duplicate_row": (
        "Trùng nhiệm vụ với dòng {other}.",
        "Same task as row {other}.",
    ),
}

COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "task_code": ("Mã nhiệm vụ", "task_code"),
    "state": ("Trạng thái", "state"),
    "percent": ("Tỷ lệ hoàn thành (%)", "percent"),
    "evidence": ("Minh chứng", "evidence"),
    "issues": ("Khó khăn, đề xuất", "issues"),
    "reported_on": ("Ngày báo cáo", "reported_on"),
}


@dataclass(frozen=True)
class TaskProblem:
    code: str
    row: int | None = None
    column: str | None = None
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        vi, en = MESSAGES[self.code]
        params = {"why": "", "why_en": "", **self.params}
        return (en if lang == "en" else vi).format(value=self.value, **params)

    def column_label(self, lang: str = "vi") -> str:
        labels = COLUMN_LABELS.get(self.column or "")
        if labels is None:
            return self.column or ""
        return labels[1] if lang == "en" else labels[0]

    def as_row(self, lang: str = "vi") -> dict[str, object]:
        keys = (
            ("Dòng", "Cột", "Giá trị", "Lỗi")
            if lang == "vi"
            else ("Row", "Column", "Value", "Problem")
        )
        values = (self.row, self.column_label(lang), self.value, self.text(lang))
        return dict(zip(keys, values, strict=True))
