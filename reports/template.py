"""The officers' template: one row per indicator, Vietnamese headers, codes as text."""

from __future__ import annotations

import io
from collections.abc import Collection

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from kpi.catalogue import Catalogue
from reports.tables import to_csv_bytes

HEADERS = [
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Mã đơn vị",
    "Kỳ báo cáo",
    "Giá trị (%)",
    "Tử số",
    "Mẫu số",
    "Ghi chú",
]
WIDTHS = [12, 70, 14, 14, 13, 12, 12, 40]
INSTRUCTIONS = [
    "HƯỚNG DẪN ĐIỀN MẪU BÁO CÁO SỐ LIỆU CHỈ TIÊU (Phụ lục I, Nghị quyết 71/NQ-CP)",
    "",
    "1. Mỗi dòng là một chỉ tiêu của một đơn vị trong một quý. Không sửa dòng tiêu đề.",
    "2. Mã chỉ tiêu: chọn trong danh sách (1.1 … 1.15, 2). Giữ nguyên dạng chữ, ví dụ '1.10'.",
    "3. Mã đơn vị: mã ngắn (ví dụ VPB) hoặc đúng tên đầy đủ của đơn vị.",
    "4. Kỳ báo cáo: ví dụ 2025-Q3, Q3/2025 hoặc Quý III/2025. Chỉ nộp quý đã bắt đầu.",
    "5. Giá trị (%): số từ 0 đến 100, dùng dấu phẩy thập phân (85,5) hoặc ô định dạng %.",
    "   Với Tử số, Mẫu số không viết dạng 1.234 (không rõ là nghìn hay thập phân).",
    "6. Tử số và Mẫu số: số đếm (không âm, tử số không lớn hơn mẫu số). Có thể chỉ ghi",
    "   tử số và mẫu số: hệ thống tự tính giá trị; nếu ghi cả hai, phải khớp trong 0,05 điểm.",
    "7. Dòng chưa có số liệu: để trống cả Giá trị, Tử số và Mẫu số. Dòng đó được bỏ qua,",
    "   ghi nhận là 'chưa báo cáo' và được đếm trong kết quả nộp; tệp không bị từ chối.",
    "   Tử số và Mẫu số phải ghi cùng nhau (hoặc để trống cả hai).",
    "8. Thay đổi quá 20 điểm so với quý trước cần xác nhận kèm ghi chú khi nộp.",
    "9. Lưu tệp dạng .xlsx hoặc CSV UTF-8. Không dùng phông TCVN3/VNI; không dùng macro.",
]


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
    sheet.title = "Số liệu"
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
        errorTitle="Mã chỉ tiêu",
        error="Chọn mã trong danh sách.",
    )
    sheet.add_data_validation(dropdown)
    dropdown.add(f"A2:A{last + 200}")
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("Hướng dẫn")
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
