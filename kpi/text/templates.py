"""Words of the officers' templates: the indicator figures and the task progress files."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "template.col.indicator_code": ("Mã chỉ tiêu", "Indicator code"),
    "template.col.name": ("Tên chỉ tiêu", "Indicator name"),
    "template.col.unit_code": ("Mã đơn vị", "Unit code"),
    "template.col.period": ("Kỳ báo cáo", "Reporting period"),
    "template.col.value": ("Giá trị (%)", "Value (%)"),
    "template.col.numerator": ("Tử số", "Numerator"),
    "template.col.denominator": ("Mẫu số", "Denominator"),
    "template.col.note": ("Ghi chú", "Note"),
    "template.guide": (
        "HƯỚNG DẪN ĐIỀN MẪU BÁO CÁO SỐ LIỆU CHỈ TIÊU (Phụ lục I, Nghị quyết "
        "71/NQ-CP)\n\n1. Mỗi dòng là một chỉ tiêu của một đơn vị trong một quý. Không sửa "
        "dòng tiêu đề.\n2. Mã chỉ tiêu: chọn trong danh sách (1.1 … 1.15, 2). Giữ nguyên "
        "dạng chữ, ví dụ '1.10'.\n3. Mã đơn vị: mã ngắn (ví dụ VPB) hoặc đúng tên đầy đủ "
        "của đơn vị.\n4. Kỳ báo cáo: ví dụ 2025-Q3, Q3/2025 hoặc Quý III/2025. Chỉ nộp quý "
        "đã bắt đầu.\n5. Giá trị (%): số từ 0 đến 100, dùng dấu phẩy thập phân (85,5) hoặc "
        "ô định dạng %.\n   Với Tử số, Mẫu số không viết dạng 1.234 (không rõ là nghìn hay "
        "thập phân).\n6. Tử số và Mẫu số: số đếm (không âm, tử số không lớn hơn mẫu số). "
        "Có thể chỉ ghi\n   tử số và mẫu số: hệ thống tự tính giá trị; nếu ghi cả hai, "
        "phải khớp trong 0,05 điểm.\n7. Dòng chưa có số liệu: để trống cả Giá trị, Tử số "
        "và Mẫu số. Dòng đó được bỏ qua,\n   ghi nhận là 'chưa báo cáo' và được đếm trong "
        "kết quả nộp; tệp không bị từ chối.\n   Tử số và Mẫu số phải ghi cùng nhau (hoặc "
        "để trống cả hai).\n8. Thay đổi quá 20 điểm so với quý trước cần xác nhận kèm ghi "
        "chú khi nộp.\n9. Lưu tệp dạng .xlsx hoặc CSV UTF-8. Không dùng phông TCVN3/VNI; "
        "không dùng macro.",
        "HOW TO FILL IN THE INDICATOR REPORT TEMPLATE (Annex I, Resolution 71/NQ-CP)\n\n1. "
        "Each row is one indicator of one unit in one quarter. Do not change the header "
        "row.\n2. Indicator code: pick from the list (1.1 … 1.15, 2). Keep it as text, "
        "e.g. '1.10'.\n3. Unit code: the short code (e.g. VPB) or the unit's exact full "
        "name.\n4. Period: e.g. 2025-Q3, Q3/2025 or Quý III/2025. Only quarters that have "
        "begun.\n5. Value (%): a number from 0 to 100 with a decimal comma (85,5) or a % "
        "cell.\n   For numerator and denominator do not write 1.234 (thousands or "
        "decimal?).\n6. Numerator and denominator: counts (not negative, numerator not "
        "above denominator).\n   With only counts the value is computed; with both they "
        "must agree within 0.05 points.\n7. A row without figures: leave value, numerator "
        "and denominator empty. It is skipped,\n   recorded as 'not reported' and counted "
        "in the submission result; the file is accepted.\n   Numerator and denominator go "
        "together (or both stay empty).\n8. A change of more than 20 points from the "
        "previous quarter needs a confirmation note.\n9. Save as .xlsx or CSV UTF-8. No "
        "TCVN3/VNI fonts; no macros.",
    ),
    "template.sheet_data": ("Số liệu", "Figures"),
    "template.sheet_guide": ("Hướng dẫn", "Instructions"),
    "template.code_error_title": ("Mã chỉ tiêu", "Indicator code"),
    "template.code_error": ("Chọn mã trong danh sách.", "Pick a code from the list."),
    "task_template.col.task_code": ("Mã nhiệm vụ", "Task code"),
    "task_template.col.task_name": ("Tên nhiệm vụ", "Task name"),
    "task_template.col.lead_units": ("Đơn vị chủ trì", "Lead unit"),
    "task_template.col.deadline": ("Thời gian hoàn thành", "Completion time"),
    "task_template.col.state": ("Trạng thái", "State"),
    "task_template.col.percent": ("Tỷ lệ hoàn thành (%)", "Percent done (%)"),
    "task_template.col.evidence": ("Minh chứng", "Evidence"),
    "task_template.col.issues": ("Khó khăn, đề xuất", "Difficulties, proposals"),
    "task_template.col.reported_on": ("Ngày báo cáo", "Report date"),
    "task_template.guide": (
        "HƯỚNG DẪN BÁO CÁO TIẾN ĐỘ NHIỆM VỤ (Phụ lục II, III - Kế hoạch thực hiện NQ "
        "71/NQ-CP)\n\n1. Mỗi dòng là một nhiệm vụ. Không sửa dòng tiêu đề và cột Mã nhiệm "
        "vụ;\n   xóa dòng không báo cáo.\n2. Trạng thái: chọn trong danh sách Chưa triển khai, "
        "Đang thực hiện, Hoàn thành,\n   Tạm dừng.\n3. Tỷ "
        "lệ hoàn thành: số nguyên 0–100. Hoàn thành = 100, chưa triển khai = 0.\n4. Minh "
        "chứng: số, ngày văn bản hoặc đường dẫn. Bắt buộc khi báo cáo Hoàn thành.\n5. Ngày "
        "báo cáo: ví dụ 2026-11-30 hoặc 30/11/2026; để trống là ngày nộp.\n   Không ghi "
        "ngày trong tương lai.\n6. Chỉ báo cáo nhiệm vụ do đơn vị mình chủ trì. Tệp có lỗi "
        "thì không dòng nào được ghi.",
        "HOW TO REPORT TASK PROGRESS (Annex II, III - plan implementing Resolution "
        "71/NQ-CP)\n\n1. Each row is one task. Do not change the header row or the task "
        "code column;\n   delete the rows you do not report.\n2. State: pick from the list "
        "Not started, In progress, Done,\n   Paused."
        "\n3. Percent done: a whole number 0–100. Done = 100, not started = "
        "0.\n4. Evidence: document number and date, or a link. Required when reporting "
        "Done.\n5. Report date: e.g. 2026-11-30 or 30/11/2026; empty means the day of "
        "upload.\n   No dates in the future.\n6. Report only the tasks your unit leads. A "
        "file with problems writes no row.",
    ),
    "task_template.sheet_data": ("Tiến độ", "Progress"),
    "task_template.state_error_title": ("Trạng thái", "State"),
    "task_template.file_name": ("tien-do-nhiem-vu.xlsx", "task-progress.xlsx"),
    "task_template.state_error": (
        "Chọn trạng thái trong danh sách.",
        "Pick a state from the list.",
    ),
}
