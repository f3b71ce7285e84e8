"""Words the `kpi` command prints: errors, confirmations, table headers."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "cli.no_unit": ("không có đơn vị '{unit}'", "no unit '{unit}'"),
    "cli.no_user": ("không có người dùng '{user}'", "no user '{user}'"),
    "cli.file_not_found": ("không tìm thấy tệp {file}", "file not found: {file}"),
    "cli.template.no_obligation": (
        "đơn vị {unit} không có nghĩa vụ báo cáo chỉ tiêu nào (kpi obligations)",
        "unit {unit} has no reporting obligation for any indicator (kpi obligations)",
    ),
    "cli.template.bad_suffix": (
        "tệp mẫu phải có đuôi .xlsx hoặc .csv",
        "the template must end in .xlsx or .csv",
    ),
    "cli.template.made": (
        "Đã tạo mẫu {out} ({n} chỉ tiêu).",
        "Template {out} written ({n} {n|indicator|indicators}).",
    ),
    "cli.problems.title": (
        "{total} lỗi — không có gì được ghi",
        "{total} {total|problem|problems} — nothing was written",
    ),
    "cli.load.committed": (
        "Đã ghi: {new} mới, {changed} thay đổi, {same} không đổi; mã lần nộp {upload_id}.",
        "Committed: {new} new, {changed} changed, {same} unchanged; upload {upload_id}.",
    ),
    "cli.load.reimported": (
        " Tệp này đã được nhập trước đó (lần nộp {previous}); các số liệu của tệp được ghi "
        "lại thành bản sửa mới.",
        " This file was imported before (upload {previous}); its figures were written again "
        "as new revisions.",
    ),
    "cli.load.not_reported": (
        " {n} dòng không có số liệu được bỏ qua (chưa báo cáo); đã báo cáo {reported}/{expected}.",
        " {n} {n|row|rows} without figures skipped as not reported ({reported} of {expected} "
        "reported).",
    ),
    "cli.load.confirm_needs_note": (
        "--confirm cần kèm --note (ghi chú xác nhận)",
        "--confirm needs --note",
    ),
    "cli.load.needs_confirm": (
        "Cần --confirm kèm --note để ghi.",
        "Use --confirm with --note to commit.",
    ),
    "cli.load.outside_scope": (
        "không có quyền nhập số liệu cho đơn vị: {units}",
        "not allowed to submit figures for: {units}",
    ),
    "cli.load.checked": (
        "Kiểm tra xong, không ghi: {new} mới, {changed} thay đổi, {unchanged} không đổi.",
        "Checked, nothing written: {new} new, {changed} changed, {unchanged} unchanged.",
    ),
    "cli.load.writing": ("Đang ghi", "Writing"),
    "cli.load.already_imported": (
        "Tệp đã được nhập trước đó (lần nộp {previous}); không ghi gì thêm.",
        "The file was already imported (upload {previous}); nothing new was written.",
    ),
    "cli.load.already_current": (
        "Tệp đã được nhập trước đó: mọi số liệu trùng với số đang lưu; không ghi gì thêm.",
        "The file was already imported: every figure equals the stored one; nothing new "
        "was written.",
    ),
    "cli.users.saved": (
        "Đã lưu {email}: {role}, đơn vị: {units}.",
        "Saved {email}: {role}, units: {units}.",
    ),
    "cli.users.removed": ("Đã xóa {email}.", "Removed {email}."),
    "cli.col.email": ("E-mail", "E-mail"),
    "cli.col.role": ("Vai trò", "Role"),
    "cli.col.unit": ("Đơn vị", "Unit"),
    "cli.remind.due_soon": ("còn 7 ngày đến hạn", "due in 7 days"),
    "cli.remind.due_today": ("hôm nay là hạn", "due today"),
    "cli.remind.overdue": ("quá hạn", "overdue"),
    "cli.remind.approval_pending": ("chờ phê duyệt", "waiting for sign-off"),
    "cli.remind.weekly_digest": ("tổng hợp tuần", "weekly digest"),
    "cli.bad_day": ("ngày '{text}' phải có dạng YYYY-MM-DD", "day '{text}' must be YYYY-MM-DD"),
    "cli.col.recipient": ("Người nhận", "Recipient"),
    "cli.col.reason": ("Lý do", "Reason"),
    "cli.col.quarter": ("Quý", "Quarter"),
    "cli.col.subject": ("Tiêu đề", "Subject"),
    "cli.remind.title": ("Thư nhắc ngày {day}", "Reminders of {day}"),
    "cli.remind.will_send": (
        "Sẽ gửi {n} thư; {before} thư đã gửi trước đó trong ngày.",
        "Would send {n} {n|message|messages}; {before} already sent earlier today.",
    ),
    "cli.remind.sent": (
        "Đã gửi {n} thư; {before} thư đã gửi trước đó trong ngày.",
        "Sent {n} {n|message|messages}; {before} already sent earlier today.",
    ),
    "cli.remind.failed": (
        "Không gửi được thư cho {recipient}: {problem}",
        "Could not send to {recipient}: {problem}",
    ),
    "cli.col.code": ("Mã", "Code"),
    "cli.col.time": ("Thời điểm (giờ VN)", "Time (Vietnam)"),
    "cli.col.uploaded_by": ("Người nộp", "Uploaded by"),
    "cli.col.file": ("Tệp", "File"),
    "cli.col.outcome": ("Kết quả", "Outcome"),
    "cli.col.problems": ("Số lỗi", "Problems"),
    "cli.col.new": ("Mới", "New"),
    "cli.col.changed": ("Thay đổi", "Changed"),
    "cli.uploads.no_file": (
        "không có tệp của lần nộp {upload_id}",
        "no file for upload {upload_id}",
    ),
    "cli.uploads.written": (
        "Đã ghi {out} ({size} byte, tệp gốc '{name}').",
        "Wrote {out} ({size} bytes, original file '{name}').",
    ),
    "cli.tokens.secret": (
        "Token '{name}' ({scope}); lưu mã này, nó không được hiện lại:",
        "Token '{name}' ({scope}); keep this secret, it is not shown again:",
    ),
    "cli.tokens.none": ("Chưa có token.", "No tokens yet."),
    "cli.col.name": ("Tên", "Name"),
    "cli.col.scope": ("Phạm vi", "Scope"),
    "cli.col.created_at": ("Tạo lúc (giờ VN)", "Created at (Vietnam time)"),
    "cli.col.created_by": ("Người tạo", "Created by"),
    "cli.col.revoked_at": ("Thu hồi lúc (giờ VN)", "Revoked at (Vietnam time)"),
    "cli.col.last_used_at": ("Dùng lần cuối (giờ VN)", "Last used (Vietnam time)"),
    "cli.tokens.revoked": ("Đã thu hồi token '{name}'.", "Token '{name}' revoked."),
    "cli.notify.no_url": ("chưa đặt KPI_WEBHOOK_URL", "KPI_WEBHOOK_URL is not set"),
    "cli.notify.nothing": ("Không có thay đổi mới để báo.", "Nothing new to report."),
    "cli.notify.event": (
        "{type}: {n} mục (sự kiện {id})",
        "{type}: {n} {n|item|items} (event {id})",
    ),
    "cli.score.title": ("Mức độ hoàn thành nhiệm vụ — {half}", "Task completion — {half}"),
    "cli.score.published": (
        "Đã công bố, phiên bản {version} (số liệu đến {day})",
        "Published, version {version} (data as of {day})",
    ),
    "cli.score.provisional": (
        "Tạm tính đến {day}, chưa công bố",
        "Provisional as of {day}, not published",
    ),
    "cli.col.score": ("Điểm", "Score"),
    "cli.col.tasks": ("Nhiệm vụ", "Tasks"),
    "cli.col.on_time": ("Đúng hạn", "On time"),
    "cli.col.late": ("Trễ hạn", "Late"),
    "cli.col.overdue": ("Quá hạn", "Overdue"),
    "cli.col.task_score": ("Điểm NV", "Task score"),
    "cli.col.reports": ("Báo cáo quý", "Quarterly reports"),
    "cli.col.report_score": ("Điểm BC", "Report score"),
    "cli.status.stale_note": (
        "⚠ chưa có số liệu của quý được chọn ({period})",
        "⚠ no figure yet for the chosen quarter ({period})",
    ),
    "cli.status.bad_known_on": (
        "ngày '{text}' không hợp lệ: dùng dạng 2026-01-20",
        "invalid date '{text}': use the form 2026-01-20",
    ),
    "cli.status.no_data": ("Không có số liệu.", "No data."),
    "cli.col.indicator": ("Chỉ tiêu", "Indicator"),
    "cli.col.period": ("Kỳ", "Period"),
    "cli.col.value": ("Giá trị", "Value"),
    "cli.col.coverage": ("Độ phủ", "Coverage"),
    "cli.col.target": ("Mục tiêu", "Target"),
    "cli.col.projection": ("Dự báo 2030", "2030 projection"),
    "cli.col.progress": ("P", "P"),
    "cli.col.status": ("Trạng thái", "Status"),
    "cli.col.lead": ("Đơn vị chủ trì", "Lead unit"),
    "cli.error": ("Lỗi:", "Error:"),
    "cli.output.is_database": (
        "{path} là tệp cơ sở dữ liệu; chọn tệp khác",
        "{path} is the database file; choose another file",
    ),
    "cli.output.is_directory": (
        "{path} là một thư mục; cho biết tên tệp",
        "{path} is a folder; give a file name",
    ),
    "cli.output.is_file": (
        "{path} là một tệp; cho biết một thư mục",
        "{path} is a file; give a folder",
    ),
    "cli.output.dir_not_empty": (
        "thư mục {path} đã có tệp; thêm --force để ghi đè",
        "folder {path} already holds files; add --force to write over them",
    ),
    "cli.output.exists": (
        "tệp {path} đã có; thêm --force để ghi đè",
        "file {path} exists; add --force to replace it",
    ),
    "cli.demo.loaded": ("Đã nạp dữ liệu minh họa.", "Demo data loaded."),
    "cli.db.upgraded": (
        "CSDL đã ở phiên bản mới nhất ({dialect}).",
        "The database is at the latest version ({dialect}).",
    ),
    "cli.demo.removed": ("Đã xóa {n} bản ghi minh họa.", "Removed {n} demo {n|record|records}."),
    "cli.demo.loading": ("Đang nạp dữ liệu minh họa", "Loading demo data"),
    "cli.demo.written": ("Đã nạp {n} số liệu minh họa.", "Loaded {n} demo {n|figure|figures}."),
    "cli.units.imported": (
        "Đơn vị: thêm {added}, cập nhật {updated}.",
        "Units: {added} added, {updated} updated.",
    ),
    "cli.col.target_2030": ("Mục tiêu 2030", "2030 target"),
    "cli.export.xlsx_needs_out": (
        "định dạng xlsx cần --out FILE",
        "the xlsx format needs --out FILE",
    ),
    "cli.export.written": ("Đã ghi {n} dòng vào {out}.", "Wrote {n} {n|row|rows} to {out}."),
    "cli.col.setting": ("Thiết lập (setting)", "Setting"),
    "cli.col.setting_value": ("Giá trị (value)", "Value"),
    "cli.col.source": ("Nguồn (source)", "Source"),
    "cli.col.check": ("Kiểm tra (check)", "Check"),
    "cli.col.detail": ("Chi tiết (detail)", "Detail"),
    "cli.doctor.failed": (
        "{n} kiểm tra không đạt (checks failed).",
        "{n} {n|check|checks} failed.",
    ),
    "cli.doctor.passed": ("Mọi kiểm tra đều đạt (all checks passed).", "All checks passed."),
    "cli.obligations.saved": (
        "Đã lưu {n} nghĩa vụ báo cáo.",
        "Saved {n} reporting {n|obligation|obligations}.",
    ),
    "cli.col.from": ("Từ quý", "From"),
    "cli.col.to": ("Đến quý", "Until"),
    "cli.col.origin": ("Nguồn", "Source"),
    "cli.col.state": ("Tình trạng", "State"),
    "cli.col.submitted_at": ("Nộp lúc", "Submitted at"),
    "cli.col.approval": ("Phê duyệt", "Sign-off"),
    "cli.col.until": ("Đến hết", "Until"),
    "cli.col.opened_by": ("Người mở", "Opened by"),
    "cli.col.at": ("Lúc", "At"),
    "cli.submissions.totals": (
        "Dự kiến {expected} báo cáo, đã nộp {reports}, đúng hạn {on_time}; tỷ lệ nộp "
        "{rate}, tỷ lệ đúng hạn {on_time_rate}.",
        "{expected} {expected|report|reports} expected, {reports} submitted, {on_time} on time; "
        "reporting "
        "rate {rate}, on-time rate {on_time_rate}.",
    ),
    "cli.locks.opened": (
        "Đã mở khóa {quarter} cho {unit} đến hết {until}.",
        "Opened {quarter} for {unit} until {until}.",
    ),
    "cli.approve.not_approver": (
        "{email} không có vai trò phê duyệt (approver)",
        "{email} has no sign-off role (approver)",
    ),
    "cli.approve.done": (
        "Đã phê duyệt {n} số liệu {quarter} của {unit}.",
        "Approved {n} {n|figure|figures} of {unit}, {quarter}.",
    ),
    "cli.approve.undone": (
        "Đã hủy phê duyệt {quarter} của {unit}.",
        "Sign-off of {unit}, {quarter} withdrawn.",
    ),
    "cli.signoff.done": (
        "Đã duyệt {reports} báo cáo tiến độ nhiệm vụ {half} của {unit}.",
        "Signed off {reports} task progress {reports|report|reports} of {unit}, {half}.",
    ),
    "cli.signoff.undone": (
        "Đã hủy duyệt báo cáo tiến độ nhiệm vụ {half} của {unit}.",
        "Sign-off of the task progress reports of {unit}, {half} withdrawn.",
    ),
    "cli.tasks.bad_day": (
        "{option} '{text}' phải có dạng YYYY-MM-DD",
        "{option} '{text}' must be YYYY-MM-DD",
    ),
    "cli.col.kind": ("Loại", "Kind"),
    "cli.col.task_name": ("Tên", "Name"),
    "cli.col.task_lead": ("Chủ trì", "Lead"),
    "cli.col.deadline": ("Thời hạn", "Deadline"),
    "cli.col.percent": ("%", "%"),
    "cli.tasks.kind_database": ("CSDL", "DB"),
    "cli.tasks.kind_task": ("NV", "Task"),
    "cli.tasks.overdue_mark": ("⚠ quá hạn", "⚠ overdue"),
    "cli.tasks.caption": ("{n} mục, {overdue} quá hạn", "{n} {n|item|items}, {overdue} overdue"),
    "cli.tasks.saved": (
        "Đã ghi: {code} {state} {percent}% ngày {day}.",
        "Saved: {code} {state} {percent}% on {day}.",
    ),
    "cli.tasks.bad_out": (
        "--out phải là tệp .xlsx hoặc .csv",
        "--out must be a .xlsx or .csv file",
    ),
    "cli.tasks.template_made": (
        "Đã tạo mẫu {out} ({n} nhiệm vụ).",
        "Template {out} written ({n} {n|task|tasks}).",
    ),
    "cli.tasks.problems_title": (
        "{n} lỗi — không ghi gì",
        "{n} {n|problem|problems} — nothing written",
    ),
    "cli.tasks.checked": (
        "Kiểm tra xong, không ghi: {n} báo cáo tiến độ.",
        "Checked, nothing written: {n} progress {n|report|reports}.",
    ),
    "cli.tasks.loaded": ("Đã ghi: {n} báo cáo tiến độ.", "Saved: {n} progress {n|report|reports}."),
    "cli.not_admin": ("{email} không phải quản trị", "{email} is not an administrator"),
    "cli.tasks.imported": (
        "Đã nhập: {added} nhiệm vụ mới, {updated} cập nhật.",
        "Imported: {added} new {added|task|tasks}, {updated} updated.",
    ),
    "cli.score.needs_period": ("cần --period, ví dụ 2026-H2", "--period is needed, e.g. 2026-H2"),
    "cli.score.no_version": (
        "kỳ {half} không có phiên bản đã công bố {version}",
        "{half} has no published version {version}",
    ),
    "cli.score.published_now": (
        "Đã công bố bảng điểm {half} phiên bản {version}.",
        "Scorecard {half} published as version {version}.",
    ),
}
