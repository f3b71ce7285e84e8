"""Words of the tasks of Phụ lục II, III, their progress files and the unit scorecard."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "nav_tasks": ("Nhiệm vụ", "Tasks"),
    "tasks_title": (
        "Nhiệm vụ Phụ lục II và cơ sở dữ liệu Phụ lục III",
        "Tasks of Annex II and databases of Annex III",
    ),
    "tasks_caption": (
        "Nhiệm vụ quá hạn đứng đầu. Quá hạn: đã qua thời gian hoàn thành mà chưa hoàn "
        "thành. Nhiệm vụ thường xuyên được đánh giá theo từng 6 tháng. Tính đến {day}.",
        "Overdue items first. Overdue: past the completion time and not done. Recurring "
        "tasks are judged per half-year. As of {day}.",
    ),
    "tasks_tab_list": ("Danh sách", "List"),
    "tasks_tab_report": ("Báo cáo tiến độ", "Report progress"),
    "tasks_tab_score": ("Mức độ hoàn thành của đơn vị", "Unit completion score"),
    "tasks_kind": ("Loại", "Kind"),
    "tasks_kind_task": ("Nhiệm vụ", "Task"),
    "tasks_kind_database": ("Cơ sở dữ liệu", "Database"),
    "tasks_unit": ("Đơn vị chủ trì", "Lead unit"),
    "tasks_as_of": ("Tính đến ngày", "As of"),
    "tasks_only_overdue": ("Chỉ nhiệm vụ quá hạn", "Overdue only"),
    "tasks_total": ("Tổng số", "Total"),
    "tasks_done": ("Hoàn thành", "Done"),
    "tasks_in_progress": ("Đang thực hiện", "In progress"),
    "tasks_overdue": ("Quá hạn", "Overdue"),
    "tasks_by_unit": ("Quá hạn theo đơn vị chủ trì", "Overdue by lead unit"),
    "tasks_unit_page": ("Nhiệm vụ do {unit} chủ trì", "Tasks led by {unit}"),
    "tasks_table_alt": (
        "Bảng {n} nhiệm vụ: mã, quá hạn, tên, chủ trì, thời hạn, trạng thái, tiến độ.",
        "Table of {n} {n|task|tasks}: code, overdue, name, lead, deadline, state, progress.",
    ),
    "tasks_none": ("Không có nhiệm vụ nào.", "No tasks."),
    "col_task_code": ("Mã", "Code"),
    "col_task_name": ("Tên nhiệm vụ", "Task"),
    "col_task_lead": ("Chủ trì", "Lead"),
    "col_task_deadline": ("Thời gian hoàn thành", "Completion time"),
    "col_task_state": ("Trạng thái", "State"),
    "col_task_percent": ("Tỷ lệ", "Done"),
    "col_task_updated": ("Cập nhật", "Updated"),
    "col_task_overdue": ("Quá hạn", "Overdue"),
    "col_task_count": ("Số nhiệm vụ quá hạn", "Overdue tasks"),
    "overdue_mark": ("⚠ Quá hạn", "⚠ Overdue"),
    "tasks_deadline_note": (
        "{code} — thời gian hoàn thành theo Kế hoạch: {text}",
        "{code} — completion time as the plan writes it: {text}",
    ),
    "task_deadline.recurring": ("Thường xuyên", "Recurring"),
    "task_deadline.recurring_from": ("{when}, thường xuyên", "{when}, recurring"),
    "task_pick": ("Nhiệm vụ", "Task"),
    "task_state": ("Trạng thái", "State"),
    "task_percent": ("Tỷ lệ hoàn thành (%)", "Percent done"),
    "task_evidence": (
        "Minh chứng (số, ngày văn bản, đường dẫn)",
        "Evidence (document number and date, link)",
    ),
    "task_issues": ("Khó khăn, vướng mắc, đề xuất", "Difficulties and proposals"),
    "task_submit": ("Ghi báo cáo", "Save report"),
    "task_saved": ("Đã ghi báo cáo tiến độ {code}.", "Progress report on {code} saved."),
    "task_no_scope": (
        "Tài khoản của bạn không chủ trì nhiệm vụ nào.",
        "Your account leads no task.",
    ),
    "task_template": ("Tải mẫu báo cáo tiến độ (.xlsx)", "Download the progress template (.xlsx)"),
    "task_upload": ("Nộp tệp báo cáo tiến độ", "Upload a progress file"),
    "task_problems": (
        "{count} lỗi — không ghi dòng nào",
        "{count} {count|problem|problems} — nothing written",
    ),
    "task_loaded": (
        "Đã ghi {count} báo cáo tiến độ.",
        "{count} progress {count|report|reports} saved.",
    ),
    "score_period": ("Kỳ 6 tháng", "Half-year"),
    "score_caption": (
        "Điểm = trọng số nhiệm vụ × điểm nhiệm vụ + trọng số báo cáo quý × điểm báo cáo; "
        "nhiệm vụ hoàn thành đúng hạn được điểm cao hơn hoàn thành trễ hạn, nhiệm vụ quá "
        "hạn không được điểm. {status}",
        "Score = task weight × task score + report weight × report score; a task done on "
        "time scores more than one done late, and an overdue task scores nothing. {status}",
    ),
    "score_published": ("Đã công bố, phiên bản {version}.", "Published, version {version}."),
    "score_provisional": ("Tạm tính, chưa công bố.", "Provisional, not published."),
    "col_score_unit": ("Đơn vị", "Unit"),
    "col_score": ("Điểm", "Score"),
    "col_score_tasks": ("Nhiệm vụ tính điểm", "Tasks counted"),
    "col_score_on_time": ("Đúng hạn", "On time"),
    "col_score_late": ("Trễ hạn", "Late"),
    "col_score_overdue": ("Quá hạn", "Overdue"),
    "col_score_reports": ("Báo cáo quý đúng hạn", "Quarterly reports on time"),
    # the unit head's half-year sign-off of progress reports (kpi.services.task_signoffs)
    "col_task_signoff": ("Duyệt", "Sign-off"),
    "tso_title": ("Duyệt báo cáo tiến độ {half}", "Sign off progress reports, {half}"),
    "tso_caption": (
        "Báo cáo chưa duyệt vẫn được tính, ghi “chưa duyệt”. Khi đã duyệt, đơn vị không "
        "báo cáo thêm trong kỳ cho đến khi thủ trưởng hủy duyệt ở mục “Hủy duyệt báo cáo "
        "tiến độ” bên dưới.",
        "Reports not signed off still count, marked “not approved”. Once signed off, the unit "
        "reports nothing more in the half-year until the head withdraws it under “Withdraw a "
        "sign-off” below.",
    ),
    "tso_refused": (
        "Báo cáo tiến độ nhiệm vụ {halves} đã được thủ trưởng đơn vị duyệt. Muốn báo cáo thêm "
        "trong kỳ này, thủ trưởng đơn vị hủy duyệt ở thẻ “Danh sách” của trang này, mục "
        "“Hủy duyệt báo cáo tiến độ”.",
        "The progress reports of {halves} are signed off by the unit head. To report more in "
        "that half-year, the head withdraws the sign-off on this page's “List” tab, under "
        "“Withdraw a sign-off”.",
    ),
    "tso_waiting": ("{unit}: {n} báo cáo chưa duyệt", "{unit}: {n} {n|report|reports} waiting"),
    "tso_signed": ("{unit}: đã duyệt ({by}, {at})", "{unit}: signed off ({by}, {at})"),
    "tso_button": ("Duyệt", "Sign off"),
    "tso_done": (
        "Đã duyệt {n} báo cáo tiến độ {half} của {unit}.",
        "{n} progress {n|report|reports} of {unit} for {half} signed off.",
    ),
    "tso_signed_by": ("đã duyệt: {by}, {at}", "signed off by {by}, {at}"),
    "tso_withdraw_title": ("Hủy duyệt báo cáo tiến độ", "Withdraw a sign-off"),
    "tso_withdraw_pick": ("Kỳ đã duyệt", "Signed-off half-year"),
    "tso_withdraw_reason": ("Lý do hủy duyệt (bắt buộc)", "Reason for withdrawing (required)"),
    "tso_withdraw_button": ("Hủy duyệt…", "Withdraw…"),
    "tso_withdraw_confirm": (
        "Hủy duyệt báo cáo tiến độ {half} của {unit}? Đơn vị sẽ được báo cáo trong kỳ này "
        "trở lại; việc hủy được ghi vào nhật ký cùng lý do: {reason}",
        "Withdraw the sign-off of the progress reports of {unit}, {half}? The unit may "
        "report in that half-year again; the audit log records it with the reason: {reason}",
    ),
    "tso_withdraw_yes": ("Xác nhận hủy duyệt", "Confirm the withdrawal"),
    "tso_withdraw_no": ("Không hủy", "Keep the sign-off"),
    "tso_undone": (
        "Đã hủy duyệt báo cáo tiến độ {half} của {unit}; đơn vị được báo cáo trong kỳ này trở lại.",
        "Sign-off of the progress reports of {unit}, {half} withdrawn; the unit may report "
        "in that half-year again.",
    ),
    "tso_none": ("Không có báo cáo tiến độ nào chờ duyệt.", "No progress reports waiting."),
    "overview_tasks": (
        "**Nhiệm vụ Phụ lục II, III:** {total} mục · ⚠ {overdue} quá hạn · ✓ {done} hoàn thành",
        "**Tasks of Annex II, III:** {total} {total|item|items} · ⚠ {overdue} overdue · ✓ {done} "
        "done",
    ),
    "task_problem.no_header": (
        "Không tìm thấy dòng tiêu đề (cần các cột: Mã nhiệm vụ, Trạng thái).",
        "No header row found (expected: task_code, state).",
    ),
    "task_problem.missing_column": (
        "Thiếu cột bắt buộc '{column}'.",
        "Required column '{column}' is missing.",
    ),
    "task_problem.no_rows": ("Tệp không có dòng báo cáo nào.", "The file has no report rows."),
    "task_problem.too_many_rows": (
        "Tệp có {rows} dòng, vượt giới hạn {limit} dòng.",
        "The file has {rows} rows, over the {limit} limit.",
    ),
    "task_problem.unknown_task": (
        "Không có nhiệm vụ mã '{value}' trong Phụ lục II, III.",
        "There is no task '{value}' in Phụ lục II or III.",
    ),
    "task_problem.missing_task": ("Thiếu mã nhiệm vụ.", "The task code is missing."),
    "task_problem.bad_state": (
        "Trạng thái '{value}' không hợp lệ (not_started, in_progress, done, paused hoặc "
        "Chưa triển khai, Đang thực hiện, Hoàn thành, Tạm dừng).",
        "State '{value}' is not valid (not_started, in_progress, done, paused).",
    ),
    "task_problem.bad_percent": (
        "Tỷ lệ '{value}' phải là số nguyên từ 0 đến 100.",
        "Percent '{value}' must be a whole number from 0 to 100.",
    ),
    "task_problem.bad_date": (
        "Ngày '{value}' không đúng dạng (ví dụ 2026-11-30 hoặc 30/11/2026).",
        "Date '{value}' is malformed (e.g. 2026-11-30 or 30/11/2026).",
    ),
    "task_problem.rule": ("{why}", "{why}"),
    "task_problem.not_lead_unit": (
        "Nhiệm vụ {value} do {lead} chủ trì; tài khoản không thuộc đơn vị chủ trì.",
        "Task {value} is led by {lead}; the account is not in a lead unit.",
    ),
    "task_problem.duplicate_row": ("Trùng nhiệm vụ với dòng {other}.", "Same task as row {other}."),
    "task_column.task_code": ("Mã nhiệm vụ", "Task code"),
    "task_column.state": ("Trạng thái", "State"),
    "task_column.percent": ("Tỷ lệ hoàn thành (%)", "Percent done (%)"),
    "task_column.evidence": ("Minh chứng", "Evidence"),
    "task_column.issues": ("Khó khăn, đề xuất", "Difficulties, proposals"),
    "task_column.reported_on": ("Ngày báo cáo", "Report date"),
    "task_state.not_started": ("Chưa triển khai", "Not started"),
    "task_state.in_progress": ("Đang thực hiện", "In progress"),
    "task_state.done": ("Hoàn thành", "Done"),
    "task_state.paused": ("Tạm dừng", "Paused"),
}
