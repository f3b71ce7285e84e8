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
    "broken_workbook": (
        "Không mở được tệp bảng tính: tệp bị hỏng hoặc không đúng định dạng. Hãy mở tệp "
        "trong Excel, lưu lại dưới dạng .xlsx rồi nộp lại.",
        "Cannot open the workbook: the file is damaged or not what its format says. Open it "
        "in Excel, save it as .xlsx and upload again.",
    ),
    "encrypted_file": (
        "Tệp được đặt mật khẩu (mã hóa); hãy bỏ mật khẩu, lưu lại rồi nộp lại.",
        "The file is password-protected (encrypted); remove the password, save and upload again.",
    ),
    "unreadable_file": (
        "Không đọc được nội dung tệp. Hãy mở tệp trong Excel, lưu lại dưới dạng .xlsx hoặc "
        "CSV UTF-8 rồi nộp lại.",
        "The file's content cannot be read. Open it in Excel, save it as .xlsx or CSV UTF-8 "
        "and upload again.",
    ),
    "too_big_in_memory": (
        "Tệp nhỏ nhưng khi mở ra cần quá nhiều bộ nhớ (có ô ở rất xa hoặc nội dung lặp lại "
        "rất nhiều lần); không xử lý. Hãy chép riêng bảng số liệu sang tệp mới rồi nộp lại.",
        "The file is small but needs too much memory once opened (a cell far away or "
        "content repeated very many times); refused. Copy the table alone into a new file "
        "and upload again.",
    ),
    "too_slow": (
        "Đọc tệp mất hơn {seconds} giây; không xử lý. Hãy chép riêng bảng số liệu sang tệp "
        "mới rồi nộp lại.",
        "Reading the file took over {seconds} seconds; refused. Copy the table alone into a "
        "new file and upload again.",
    ),
    "sheet_too_large": (
        "Trang '{sheet}' dùng đến ô {cell}, vượt giới hạn ({rows} dòng, {columns} cột). Hãy "
        "xóa các dòng, cột thừa hoặc chép riêng bảng số liệu sang tệp mới.",
        "Sheet '{sheet}' reaches cell {cell}, beyond the limits ({rows} rows, {columns} "
        "columns). Delete the extra rows and columns or copy the table into a new file.",
    ),
    "text_expands": (
        "Trang '{sheet}' lặp lại văn bản dài ở rất nhiều ô (khoảng {size_mb} MB khi mở ra); "
        "không xử lý.",
        "Sheet '{sheet}' repeats long text in very many cells (about {size_mb} MB once "
        "opened); refused.",
    ),
    "cell_too_long": (
        "Có ô dài hơn {limit} ký tự (giới hạn của Excel); hãy rút gọn.",
        "A cell is longer than {limit} characters (Excel's limit); shorten it.",
    ),
    "line_too_long": (
        "Dòng {row} dài hơn {limit} ký tự; tệp không phải bảng số liệu hợp lệ.",
        "Row {row} is longer than {limit} characters; this is not a valid table.",
    ),
    "too_many_columns": (
        "Dòng {row} có {found} cột, vượt giới hạn {limit} cột.",
        "Row {row} has {found} columns, over the {limit} limit.",
    ),
    "unterminated_quote": (
        'Dấu ngoặc kép (") mở ở dòng {row} không được đóng đúng chỗ, nên các dòng sau bị '
        "nuốt vào một ô. Hãy đóng dấu ngoặc kép hoặc bỏ nó khỏi ghi chú.",
        'A quote (") opened on row {row} is not closed where it should be, so the rows after '
        "it would be swallowed into one cell. Close the quote or remove it from the note.",
    ),
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
    "duplicate_column": (
        "Hai cột cùng là '{column}': '{first}' và '{second}'. Hãy giữ một cột.",
        "Two columns both mean '{column}': '{first}' and '{second}'. Keep one.",
    ),
    "field_count": (
        "Dòng có {found} ô, dòng tiêu đề có {expected} ô.{hint}",
        "The row has {found} fields; the header has {expected}.{hint}",
    ),
    "no_rows": ("Tệp không có dòng số liệu nào.", "The file has no data rows."),
    # cell level
    "not_a_number": ("'{value}' không phải là số.", "'{value}' is not a number."),
    "ambiguous_number": (
        "'{value}' không rõ nghĩa: dấu chấm/phẩy là phân cách hàng nghìn hay thập phân? "
        "Hãy ghi rõ, ví dụ 85,5 hoặc 1234.",
        "'{value}' is ambiguous: thousands or decimal separator? Write e.g. 85.5 or 1234.",
    ),
    "number_too_large": (
        "Số '{value}' quá lớn (số đếm tối đa 10^15).",
        "Number '{value}' is too large (counts go up to 10^15).",
    ),
    "control_characters": (
        "Ghi chú chứa ký tự điều khiển ({value}); hãy xóa các ký tự lạ.",
        "The note holds control characters ({value}); remove them.",
    ),
    "counts_incomplete": (
        "Tử số và mẫu số phải ghi cùng nhau (hoặc bỏ trống cả hai).",
        "Give numerator and denominator together (or leave both empty).",
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
        "Thay đổi {delta} điểm so với quý trước ({period}: {previous}%); cần xác nhận kèm ghi chú.",
        "Changed by {delta} points against the previous quarter ({period}: {previous}%); "
        "needs a confirmation with a note.",
    ),
    "outlier_next": (
        "Chênh {delta} điểm so với quý sau đã lưu ({period}: {previous}%); cần xác nhận kèm "
        "ghi chú.",
        "Differs by {delta} points from the stored next quarter ({period}: {previous}%); "
        "needs a confirmation with a note.",
    ),
    # committing
    "database_busy": (
        "Cơ sở dữ liệu đang bận, đã thử nhiều lần; không có gì được ghi. Vui lòng thử lại "
        "sau ít phút.",
        "The database stayed busy after several tries; nothing was written. Please try again "
        "in a few minutes.",
    ),
    "commit_failed": (
        "Không ghi được tệp vào cơ sở dữ liệu; không có gì được ghi. Hãy báo quản trị viên "
        "(lần nộp đã được ghi nhận).",
        "The file could not be written to the database; nothing was written. Tell an "
        "administrator (the attempt is recorded).",
    ),
}

HINTS: dict[str, tuple[str, str]] = {
    "decimal_comma": (
        " Có thể do dấu phẩy thập phân (48,9) trong tệp phân cách bằng dấu phẩy: hãy dùng "
        "dấu chấm (48.9) hoặc lưu tệp với dấu chấm phẩy (;).",
        " Probably a decimal comma (48,9) in a comma-separated file: write 48.9 or save the "
        "file with ';' separators.",
    ),
}
# params shown as numbers (Vietnamese decimal comma) and as quarters ("Quý 2/2026")
NUMBER_PARAMS = frozenset({"previous", "computed", "denominator"})
SIGNED_PARAMS = frozenset({"delta"})
QUARTER_PARAMS = frozenset({"period"})

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
        params = {k: _shown(k, v, lang) for k, v in self.params.items()}
        params.setdefault("row", self.row)
        return template.format(value=self.value, column=self.column_label(lang), **params)

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


def number_text(value: float, lang: str = "vi", signed: bool = False) -> str:
    """46.7 -> '46,7' (vi) / '46.7' (en); at most one decimal, none when whole."""
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    text = text.removesuffix(".0")
    return text.replace(".", ",") if lang == "vi" else text


def quarter_text(period: str, lang: str = "vi") -> str:
    """'2026-Q2' -> 'Quý 2/2026' (vi) / 'Q2 2026' (en); other text as it is."""
    if len(period) == 7 and period[4:6] == "-Q":
        year, quarter = period[:4], period[6]
        return f"Quý {quarter}/{year}" if lang == "vi" else f"Q{quarter} {year}"
    return period


def _shown(key: str, value: Any, lang: str) -> Any:
    if key == "hint":
        return HINTS[value][lang == "en"] if value in HINTS else ""
    if key in QUARTER_PARAMS and isinstance(value, str):
        return quarter_text(value, lang)
    if isinstance(value, float) and (key in NUMBER_PARAMS or key in SIGNED_PARAMS):
        return number_text(value, lang, signed=key in SIGNED_PARAMS)
    return value


class FileRejected(Exception):
    """The file cannot be read at all (the CLI exits 2)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text("vi"))
        self.problem = problem


def problems_table(problems: list[Problem], lang: str = "vi") -> list[dict[str, object]]:
    return [p.as_row(lang) for p in sorted(problems, key=lambda p: (p.row or 0, p.column or ""))]
