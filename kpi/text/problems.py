"""Every message an upload can get, the hints and the column names officers see."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "problem.empty_file": ("Tệp rỗng.", "The file is empty."),
    "problem.too_large": (
        "Tệp lớn {size_mb} MB, vượt giới hạn {limit_mb} MB.",
        "The file is {size_mb} MB, over the {limit_mb} MB limit.",
    ),
    "problem.zip_bomb": (
        "Tệp nén giải nén ra quá lớn ({size_mb} MB); không xử lý.",
        "The archive expands to {size_mb} MB; refused.",
    ),
    "problem.macro_file": (
        "Tệp có macro (.xlsm) không được nhận; hãy lưu lại dưới dạng .xlsx.",
        "Files with macros (.xlsm) are refused; save as .xlsx.",
    ),
    "problem.not_a_table": (
        "Không đọc được tệp: không phải CSV, Excel (.xlsx, .xls) hay .ods.",
        "Cannot read the file: it is not CSV, Excel (.xlsx, .xls) or .ods.",
    ),
    "problem.broken_workbook": (
        "Không mở được tệp bảng tính: tệp bị hỏng hoặc không đúng định dạng. Hãy mở tệp "
        "trong Excel, lưu lại dưới dạng .xlsx rồi nộp lại.",
        "Cannot open the workbook: the file is damaged or not what its format says. Open "
        "it in Excel, save it as .xlsx and upload again.",
    ),
    "problem.encrypted_file": (
        "Tệp được đặt mật khẩu (mã hóa); hãy bỏ mật khẩu, lưu lại rồi nộp lại.",
        "The file is password-protected (encrypted); remove the password, save and upload again.",
    ),
    "problem.unreadable_file": (
        "Không đọc được nội dung tệp. Hãy mở tệp trong Excel, lưu lại dưới dạng .xlsx hoặc "
        "CSV UTF-8 rồi nộp lại.",
        "The file's content cannot be read. Open it in Excel, save it as .xlsx or CSV "
        "UTF-8 and upload again.",
    ),
    "problem.too_big_in_memory": (
        "Tệp nhỏ nhưng khi mở ra cần quá nhiều bộ nhớ (có ô ở rất xa hoặc nội dung lặp lại "
        "rất nhiều lần); không xử lý. Hãy chép riêng bảng số liệu sang tệp mới rồi nộp "
        "lại.",
        "The file is small but needs too much memory once opened (a cell far away or "
        "content repeated very many times); refused. Copy the table alone into a new file "
        "and upload again.",
    ),
    "problem.too_slow": (
        "Đọc tệp mất hơn {seconds} giây; không xử lý. Hãy chép riêng bảng số liệu sang tệp "
        "mới rồi nộp lại.",
        "Reading the file took over {seconds} seconds; refused. Copy the table alone into "
        "a new file and upload again.",
    ),
    "problem.sheet_too_large": (
        "Trang '{sheet}' dùng đến ô {cell}, vượt giới hạn ({rows} dòng, {columns} cột). "
        "Hãy xóa các dòng, cột thừa hoặc chép riêng bảng số liệu sang tệp mới.",
        "Sheet '{sheet}' reaches cell {cell}, beyond the limits ({rows} rows, {columns} "
        "columns). Delete the extra rows and columns or copy the table into a new file.",
    ),
    "problem.text_expands": (
        "Trang '{sheet}' lặp lại văn bản dài ở rất nhiều ô (khoảng {size_mb} MB khi mở "
        "ra); không xử lý.",
        "Sheet '{sheet}' repeats long text in very many cells (about {size_mb} MB once "
        "opened); refused.",
    ),
    "problem.cell_too_long": (
        "Có ô dài hơn {limit} ký tự (giới hạn của Excel); hãy rút gọn.",
        "A cell is longer than {limit} characters (Excel's limit); shorten it.",
    ),
    "problem.line_too_long": (
        "Dòng {row} dài hơn {limit} ký tự; tệp không phải bảng số liệu hợp lệ.",
        "Row {row} is longer than {limit} characters; this is not a valid table.",
    ),
    "problem.too_many_columns": (
        "Dòng {row} có {found} cột, vượt giới hạn {limit} cột.",
        "Row {row} has {found} columns, over the {limit} limit.",
    ),
    "problem.unterminated_quote": (
        'Dấu ngoặc kép (") mở ở dòng {row} không được đóng đúng chỗ, nên các dòng sau bị '
        "nuốt vào một ô. Hãy đóng dấu ngoặc kép hoặc bỏ nó khỏi ghi chú.",
        'A quote (") opened on row {row} is not closed where it should be, so the rows '
        "after it would be swallowed into one cell. Close the quote or remove it from the "
        "note.",
    ),
    "problem.legacy_font": (
        "Tệp chứa chữ gõ bằng phông TCVN3/VNI (ví dụ '{sample}'); hãy lưu lại dưới dạng "
        "Unicode UTF-8 rồi nộp lại.",
        "The file holds TCVN3/VNI font text (e.g. '{sample}'); save it as Unicode UTF-8 "
        "and upload again.",
    ),
    "problem.no_header": (
        "Không tìm thấy dòng tiêu đề (cần các cột: Mã chỉ tiêu, Mã đơn vị, Kỳ báo cáo, Giá "
        "trị (%) hoặc Tử số/Mẫu số).",
        "No header row found (expected: indicator_code, unit_code, period, value or "
        "numerator/denominator).",
    ),
    "problem.formula_without_value": (
        "Ô công thức chưa có giá trị lưu sẵn: {cells}. Hãy mở tệp trong Excel, tính lại "
        "(F9) và lưu.",
        "Formula cells without a stored value: {cells}. Open the file in Excel, "
        "recalculate and save.",
    ),
    "problem.too_many_rows": (
        "Tệp có {rows} dòng số liệu, vượt giới hạn {limit} dòng.",
        "The file has {rows} data rows, over the {limit} limit.",
    ),
    "problem.missing_column": (
        "Thiếu cột bắt buộc '{column}'.",
        "Required column '{column}' is missing.",
    ),
    "problem.duplicate_column": (
        "Hai cột cùng là '{column}': '{first}' và '{second}'. Hãy giữ một cột.",
        "Two columns both mean '{column}': '{first}' and '{second}'. Keep one.",
    ),
    "problem.field_count": (
        "Dòng có {found} ô, dòng tiêu đề có {expected} ô.{hint}",
        "The row has {found} {found|field|fields}; the header has {expected}.{hint}",
    ),
    "problem.no_rows": ("Tệp không có dòng số liệu nào.", "The file has no data rows."),
    "problem.not_a_number": ("'{value}' không phải là số.", "'{value}' is not a number."),
    "problem.ambiguous_number": (
        "'{value}' không rõ nghĩa: dấu chấm/phẩy là phân cách hàng nghìn hay thập phân? "
        "Hãy ghi rõ, ví dụ 85,5 hoặc 1234.",
        "'{value}' is ambiguous: thousands or decimal separator? Write e.g. 85.5 or 1234.",
    ),
    "problem.number_too_large": (
        "Số '{value}' quá lớn (số đếm tối đa 10^15).",
        "Number '{value}' is too large (counts go up to 10^15).",
    ),
    "problem.control_characters": (
        "Ghi chú chứa ký tự điều khiển ({value}); hãy xóa các ký tự lạ.",
        "The note holds control characters ({value}); remove them.",
    ),
    "problem.counts_incomplete": (
        "Tử số và mẫu số phải ghi cùng nhau (hoặc bỏ trống cả hai).",
        "Give numerator and denominator together (or leave both empty).",
    ),
    "problem.missing_indicator": ("Thiếu mã chỉ tiêu.", "The indicator code is missing."),
    "problem.unknown_indicator": (
        "Không có chỉ tiêu mã '{value}' trong Phụ lục I.",
        "There is no indicator '{value}' in Phụ lục I.",
    ),
    "problem.missing_unit": ("Thiếu mã đơn vị.", "The unit is missing."),
    "problem.unknown_unit": (
        "Không có đơn vị '{value}' (ghi mã hoặc đúng tên đầy đủ).",
        "Unknown unit '{value}' (give its code or exact full name).",
    ),
    "problem.unit_mismatch": (
        "Đơn vị '{value}' khác đơn vị đã chọn ({unit}).",
        "Unit '{value}' differs from the chosen unit ({unit}).",
    ),
    "problem.missing_period": ("Thiếu kỳ báo cáo.", "The period is missing."),
    "problem.malformed_period": (
        "Kỳ báo cáo '{value}' không đúng dạng (ví dụ 2025-Q3, Q3/2025, Quý III/2025).",
        "Period '{value}' is malformed (e.g. 2025-Q3, Q3/2025, Quý III/2025).",
    ),
    "problem.period_too_early": (
        "Kỳ '{value}' trước 2020-Q1.",
        "Period '{value}' is before 2020-Q1.",
    ),
    "problem.period_not_ended": (
        "Kỳ '{value}' chưa kết thúc: chỉ nhận số liệu của quý đã kết thúc.",
        "Period '{value}' has not ended yet: only quarters that have ended can be uploaded.",
    ),
    "problem.value_out_of_range": (
        "Giá trị {value} nằm ngoài khoảng 0–100%.",
        "Value {value} is outside 0–100%.",
    ),
    "problem.negative_count": (
        "Số đếm {value} không được âm.",
        "Count {value} must not be negative.",
    ),
    "problem.zero_denominator": ("Mẫu số phải lớn hơn 0.", "The denominator must be above 0."),
    "problem.numerator_above_denominator": (
        "Tử số {value} lớn hơn mẫu số {denominator}.",
        "Numerator {value} exceeds denominator {denominator}.",
    ),
    "problem.value_disagrees": (
        "Giá trị {value}% khác tử số/mẫu số ({computed}%) quá 0,05 điểm.",
        "Value {value}% differs from numerator/denominator ({computed}%) by over 0.05 points.",
    ),
    "problem.no_value": (
        "Dòng không có giá trị cũng không có tử số và mẫu số.",
        "The row has neither a value nor numerator and denominator.",
    ),
    "problem.duplicate_row": (
        "Trùng chỉ tiêu, đơn vị và kỳ với dòng {other}.",
        "Same indicator, unit and period as row {other}.",
    ),
    "problem.outlier": (
        "Thay đổi {delta} điểm so với quý trước ({period}: {previous}%); cần xác nhận kèm ghi chú.",
        "Changed by {delta} points against the previous quarter ({period}: {previous}%); "
        "needs a confirmation with a note.",
    ),
    "problem.outlier_next": (
        "Chênh {delta} điểm so với quý sau đã lưu ({period}: {previous}%); cần xác nhận "
        "kèm ghi chú.",
        "Differs by {delta} points from the stored next quarter ({period}: {previous}%); "
        "needs a confirmation with a note.",
    ),
    "problem.database_busy": (
        "Cơ sở dữ liệu đang bận, đã thử nhiều lần; không có gì được ghi. Vui lòng thử lại "
        "sau ít phút.",
        "The database stayed busy after several tries; nothing was written. Please try "
        "again in a few minutes.",
    ),
    "problem.commit_failed": (
        "Không ghi được tệp vào cơ sở dữ liệu; không có gì được ghi. Hãy báo quản trị viên "
        "(lần nộp đã được ghi nhận).",
        "The file could not be written to the database; nothing was written. Tell an "
        "administrator (the attempt is recorded).",
    ),
    "hint.decimal_comma": (
        " Có thể do dấu phẩy thập phân (48,9) trong tệp phân cách bằng dấu phẩy: hãy dùng "
        "dấu chấm (48.9) hoặc lưu tệp với dấu chấm phẩy (;).",
        " Probably a decimal comma (48,9) in a comma-separated file: write 48.9 or save the "
        "file with ';' separators.",
    ),
    "column.indicator_code": ("Mã chỉ tiêu", "Indicator code"),
    "column.unit_code": ("Mã đơn vị", "Unit code"),
    "column.period": ("Kỳ báo cáo", "Reporting period"),
    "column.value": ("Giá trị (%)", "Value (%)"),
    "column.numerator": ("Tử số", "Numerator"),
    "column.denominator": ("Mẫu số", "Denominator"),
    "column.note": ("Ghi chú", "Note"),
    "problem_col.row": ("Dòng", "Row"),
    "problem_col.column": ("Cột", "Column"),
    "problem_col.value": ("Giá trị", "Value"),
    "problem_col.message": ("Lỗi", "Problem"),
}
