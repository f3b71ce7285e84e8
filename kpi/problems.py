"""Every message an upload can get, in Vietnamese and English, in one place.

A `Problem` names the row as the officer sees it in Excel, the column, the
offending value and a message code; `text(lang)` renders it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    # file level (the file cannot be read: exit 2)
    "empty_file": ("Tệp rỗng.", "The file is empty."),
    "too_large": (
        "Tệp lớn {size_mb} MB, vượt giới hạn {limit_mb} MB.",
        "The file is {size_mb} MB, over the {limit_mb} MB limit.",
    ),
    "zip_bomb": (
        "Tệp nén giải nén ra quá lớn ({size_mb} MB); không xử lý.",
        "The archive expands to {size_mb} MB; refused.",
    ),
    "macro_file": (
        "Tệp có macro (.xlsm) không được nhận; hãy lưu lại dưới dạng .xlsx.",
        "Files with macros (.xlsm) are refused; save as .xlsx.",
    ),
    "not_a_table": (
        "Không đọc được tệp: không phải CSV, Excel (.xlsx, .xls) hay .ods.",
        "Cannot read the file: it is not CSV, Excel (.xlsx, .xls) or .ods.",
    ),
    "broken_workbook": ("Không mở được tệp Excel: {why}", "Cannot open the workbook: {why}"),
    "legacy_font": (
        "Tệp chứa chữ gõ bằng phông TCVN3/VNI (ví dụ '{sample}'); hãy lưu lại dưới dạng "
        "Unicode UTF-8 rồi nộp lại.",
        "The file holds TCVN3/VNI font text (e.g. '{sample}'); save it as Unicode UTF-8 "
        "and upload again.",
    ),
    "no_header": (
        "Không tìm thấy dòng tiêu đề (cần các cột: Mã chỉ tiêu, Mã đơn vị, Kỳ báo cáo, "
        "Giá trị (%) hoặc Tử số/Mẫu số).",
        "No header row found (expected: indicator_code, unit_code, period, value or "
        "numerator/denominator).",
    ),
    "formula_without_value": (
        "Ô công thức chưa có giá trị lưu sẵn: {cells}. Hãy mở tệp trong Excel, tính lại "
        "(F9) và lưu.",
        "Formula cells without a stored value: {cells}. Open the file in Excel, "
        "recalculate and save.",
    ),
    "too_many_rows": (
        "Tệp có {rows} dòng số liệu, vượt giới hạn {limit} dòng.",
        "The file has {rows} data rows, over the {limit} limit.",
    ),
    # table level
    "missing_column": ("Thiếu cột bắt buộc '{column}'.", "Required column '{column}' is missing."),
    "no_rows": ("Tệp không có dòng số liệu nào.", "The file has no data rows."),
    # cell level
    "not_a_number": ("'{value}' không phải là số.", "'{value}' is not a number."),
    "ambiguous_number": (
        "'{value}' không rõ nghĩa: dấu chấm/phẩy là phân cách hàng nghìn hay thập phân? "
        "Hãy ghi rõ, ví dụ 85,5 hoặc 1234.",
        "'{value}' is ambiguous: thousands or decimal separator? Write e.g. 85.5 or 1234.",
    ),
    "missing_indicator": ("Thiếu mã chỉ tiêu.", "The indicator code is missing."),
    "unknown_indicator": (
        "Không có chỉ tiêu mã '{value}' trong Phụ lục I.",
        "There is no indicator '{value}' in Phụ lục I.",
    ),
    "missing_unit": ("Thiếu mã đơn vị.", "The unit is missing."),
    "unknown_unit": (
        "Không có đơn vị '{value}' (ghi mã hoặc đúng tên đầy đủ).",
        "Unknown unit '{value}' (give its code or exact full name).",
    ),
    "unit_mismatch": (
        "Đơn vị '{value}' khác đơn vị đã chọn ({unit}).",
        "Unit '{value}' differs from the chosen unit ({unit}).",
    ),
    "missing_period": ("Thiếu kỳ báo cáo.", "The period is missing."),
    "malformed_period": (
        "Kỳ báo cáo '{value}' không đúng dạng (ví dụ 2025-Q3, Q3/2025, Quý III/2025).",
        "Period '{value}' is malformed (e.g. 2025-Q3, Q3/2025, Quý III/2025).",
    ),
    "period_too_early": ("Kỳ '{value}' trước 2020-Q1.", "Period '{value}' is before 2020-Q1."),
    "period_not_ended": (
        "Kỳ '{value}' chưa kết thúc: chỉ nhận số liệu của quý đã kết thúc.",
        "Period '{value}' has not ended yet: only quarters that have ended can be uploaded.",
    ),
    "value_out_of_range": (
        "Giá trị {value} nằm ngoài khoảng 0–100%.",
        "Value {value} is outside 0–100%.",
    ),
    "negative_count": ("Số đếm {value} không được âm.", "Count {value} must not be negative."),
    "zero_denominator": ("Mẫu số phải lớn hơn 0.", "The denominator must be above 0."),
    "numerator_above_denominator": (
        "Tử số {value} lớn hơn mẫu số {denominator}.",
        "Numerator {value} exceeds denominator {denominator}.",
    ),
    "value_disagrees": (
        "Giá trị {value}% khác tử số/mẫu số ({computed}%) quá 0,05 điểm.",
        "Value {value}% differs from numerator/denominator ({computed}%) by over 0.05 points.",
    ),
    "no_value": (
        "Dòng không có giá trị cũng không có tử số và mẫu số.",
        "The row has neither a value nor numerator and denominator.",
    ),
    "duplicate_row": (
        "Trùng chỉ tiêu, đơn vị và kỳ với dòng {other}.",
        "Same indicator, unit and period as row {other}.",
    ),
    # warnings that need a confirmation
    "outlier": (
        "Thay đổi {delta} điểm so với quý trước ({previous}% kỳ {period}); cần xác nhận kèm "
        "ghi chú.",
        "Changed by {delta} points against the previous quarter ({previous}% in {period}); "
        "needs a confirmation with a note.",
    ),
}

COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "indicator_code": ("Mã chỉ tiêu", "indicator_code"),
    "unit_code": ("Mã đơn vị", "unit_code"),
    "period": ("Kỳ báo cáo", "period"),
    "value": ("Giá trị (%)", "value"),
    "numerator": ("Tử số", "numerator"),
    "denominator": ("Mẫu số", "denominator"),
    "note": ("Ghi chú", "note"),
}


@dataclass(frozen=True)
class Problem:
    """One problem of an upload, by row (as in Excel) and column."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        vi, en = MESSAGES[self.code]
        template = en if lang == "en" else vi
        return template.format(value=self.value, column=self.column_label(lang), **self.params)

    def column_label(self, lang: str = "vi") -> str:
        if self.column is None:
            return ""
        labels = COLUMN_LABELS.get(self.column)
        return (labels[1] if lang == "en" else labels[0]) if labels else self.column

    def as_row(self, lang: str = "vi") -> dict[str, object]:
        keys = (
            ("Dòng", "Cột", "Giá trị", "Lỗi")
            if lang == "vi"
            else ("Row", "Column", "Value", "Problem")
        )
        return dict(
            zip(keys, (self.row, self.column_label(lang), self.value, self.text(lang)), strict=True)
        )


class FileRejected(Exception):
    """The file cannot be read at all (the CLI exits 2)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text("vi"))
        self.problem = problem


def problems_table(problems: list[Problem], lang: str = "vi") -> list[dict[str, object]]:
    return [p.as_row(lang) for p in sorted(problems, key=lambda p: (p.row or 0, p.column or ""))]
