"""Help texts of the `kpi` commands and options: cli.help.<command>.<option>.

Typer reads them at import, so they are in the default language (Vietnamese).
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "cli.help.common.as": ("Thực hiện với tư cách người dùng này.", "Act as this user."),
    "cli.help.common.unit": ("Đơn vị (mã hoặc tên).", "Unit (code or name)."),
    "cli.help.tasks_approve.period": ("Kỳ 6 tháng, ví dụ 2026-H2.", "Half-year, e.g. 2026-H2."),
    "cli.help.tasks_unapprove.reason": ("Lý do hủy duyệt.", "Why the sign-off is withdrawn."),
    "cli.help.obligations_import.path": (
        "CSV: unit_code,indicator_code[,from_period,to_period].",
        "CSV: unit_code,indicator_code[,from_period,to_period].",
    ),
    "cli.help.obligations_list.unit": (
        "Chỉ đơn vị này (mã hoặc tên).",
        "Only this unit (code or name).",
    ),
    "cli.help.submissions.period": (
        "Một quý, ví dụ 2026-Q3 (mặc định: 8 quý gần nhất).",
        "One quarter, e.g. 2026-Q3 (default: the latest 8 quarters).",
    ),
    "cli.help.submissions.unit": (
        "Đơn vị (mã hoặc tên) và các đơn vị trực thuộc.",
        "Unit (code or name) and the units under it.",
    ),
    "cli.help.locks_open.period": (
        "Quý bị khóa, ví dụ 2026-Q3.",
        "The locked quarter, e.g. 2026-Q3.",
    ),
    "cli.help.locks_open.until": (
        "Mở đến hết ngày (YYYY-MM-DD).",
        "Open until the end of this day (YYYY-MM-DD).",
    ),
    "cli.help.locks_open.reason": ("Lý do mở khóa.", "Why the lock is opened."),
    "cli.help.approve.period": ("Quý, ví dụ 2026-Q3.", "Quarter, e.g. 2026-Q3."),
    "cli.help.unapprove.reason": ("Lý do hủy phê duyệt.", "Why the sign-off is withdrawn."),
    "cli.help.obligations": ("Nghĩa vụ báo cáo.", "Reporting obligations."),
    "cli.help.locks": (
        "Khóa số liệu sau hạn nộp và ngoại lệ.",
        "Locks after the deadline, and exceptions.",
    ),
    "cli.help.report.period": (
        "Kỳ báo cáo: 2025-H1 (chốt quý II), 2025-H2 hoặc 2025 (chốt quý IV).",
        "Report period: 2025-H1 (closing Q2), 2025-H2 or 2025 (closing Q4).",
    ),
    "cli.help.report.unit": (
        "Mã hoặc tên đơn vị; mặc định là toàn Bộ (BNV).",
        "Unit code or name; the whole Ministry (BNV) by default.",
    ),
    "cli.help.report.format": ("xlsx, pdf hoặc both (mặc định).", "xlsx, pdf or both (default)."),
    "cli.help.report.out": (
        "Thư mục ghi báo cáo; mặc định ./reports-out.",
        "Folder to write the report to; ./reports-out by default.",
    ),
    "cli.help.report.lang": (
        "Ngôn ngữ báo cáo: vi (mặc định) hoặc en.",
        "Report language: vi (default) or en.",
    ),
    "cli.help.common.force": ("Ghi đè tệp đã có.", "Overwrite existing files."),
    "cli.help.report.known_on": (
        "Chỉ dùng các bản sửa ghi đến hết ngày này (YYYY-MM-DD).",
        "Use only the revisions stored by the end of this day (YYYY-MM-DD).",
    ),
    "cli.help.status.unit": (
        "Mã đơn vị, hoặc 'all' cho mọi chuỗi số liệu.",
        "Unit code, or 'all' for every series.",
    ),
    "cli.help.status.as_of": (
        "Chỉ dùng số liệu đến quý này (mặc định: quý đã kết thúc gần nhất).",
        "Use figures up to this quarter (default: the latest quarter that has ended).",
    ),
    "cli.help.status.known_on": (
        "Chỉ dùng các bản số liệu tạo đến hết ngày này (2026-01-20).",
        "Use only the figures stored by the end of this day (2026-01-20).",
    ),
    "cli.help.status.off_target": (
        "Chỉ các chỉ tiêu chậm tiến độ hoặc đi xuống.",
        "Only indicators behind schedule or deteriorating.",
    ),
    "cli.help.uploads_get.upload_id": (
        "Mã lần nộp (xem `kpi uploads list`).",
        "Upload id (see `kpi uploads list`).",
    ),
    "cli.help.uploads_get.out": ("Tệp đích.", "Target file."),
    "cli.help.uploads": (
        "Các lần nộp số liệu và tệp đã nộp.",
        "Uploads of figures and the files uploaded.",
    ),
    "cli.help.users_add.email": (
        "E-mail (hoặc mã sub) của người dùng.",
        "The user's e-mail (or sub id).",
    ),
    "cli.help.users_add.role": ("leader, officer hoặc admin.", "leader, officer or admin."),
    "cli.help.users_add.unit": (
        "Đơn vị được nhập số liệu (mã hoặc tên); lặp lại.",
        "A unit the user may submit figures for (code or name); repeatable.",
    ),
    "cli.help.users_add.sub": (
        "Mã `sub` OpenID Connect, khi nhà cung cấp không gửi e-mail.",
        "OpenID Connect `sub` id, when the provider sends no e-mail.",
    ),
    "cli.help.users_remove.email": ("E-mail người dùng.", "The user's e-mail."),
    "cli.help.users": ("Người dùng và phân quyền.", "Users and access."),
    "cli.help.remind.dry_run": ("Chỉ liệt kê, không gửi.", "List only, send nothing."),
    "cli.help.remind.today": (
        "Chạy như thể hôm nay là ngày này (YYYY-MM-DD).",
        "Run as if today were this day (YYYY-MM-DD).",
    ),
    "cli.help.kpi": (
        "KPI Monitor: chỉ tiêu chuyển đổi số Phụ lục I (Nghị quyết 71/NQ-CP) đến năm 2030.",
        "KPI Monitor: the digital-transformation indicators of Annex I (Resolution 71/NQ-CP) "
        "to 2030.",
    ),
    "cli.help.tasks": (
        "Nhiệm vụ (Phụ lục II) và cơ sở dữ liệu (Phụ lục III) của Kế hoạch.",
        "The Plan's tasks (Annex II) and databases (Annex III).",
    ),
    "cli.help.tasks_list.kind": ("task hoặc database.", "task or database."),
    "cli.help.tasks_list.unit": ("Đơn vị chủ trì (mã).", "Lead unit (code)."),
    "cli.help.tasks_list.overdue": ("Chỉ nhiệm vụ quá hạn.", "Only overdue tasks."),
    "cli.help.common.as_of_day": ("Ngày xét, YYYY-MM-DD.", "The day to judge by, YYYY-MM-DD."),
    "cli.help.tasks_update.code": (
        "Mã nhiệm vụ, ví dụ II.16 hoặc III.8.",
        "Task code, e.g. II.16 or III.8.",
    ),
    "cli.help.tasks_update.state": (
        "not_started|in_progress|done|paused",
        "not_started|in_progress|done|paused",
    ),
    "cli.help.tasks_update.percent": ("Tỷ lệ hoàn thành 0–100.", "Percent done, 0–100."),
    "cli.help.tasks_update.evidence": (
        "Số, ngày văn bản, đường dẫn.",
        "Document number and date, or a link.",
    ),
    "cli.help.tasks_update.issues": (
        "Khó khăn, vướng mắc, đề xuất.",
        "Difficulties, obstacles, proposals.",
    ),
    "cli.help.tasks_update.as": ("Báo cáo với tư cách người này.", "Report as this person."),
    "cli.help.tasks_template.out": ("Tệp .xlsx hoặc .csv.", "An .xlsx or .csv file."),
    "cli.help.tasks_template.unit": (
        "Chỉ nhiệm vụ đơn vị chủ trì.",
        "Only the tasks this unit leads.",
    ),
    "cli.help.tasks_load.file": (
        "Tệp CSV, .xlsx, .xls hoặc .ods theo mẫu.",
        "A CSV, .xlsx, .xls or .ods file following the template.",
    ),
    "cli.help.tasks_load.as": ("Nộp với tư cách người này.", "Submit as this person."),
    "cli.help.common.dry_run": ("Chỉ kiểm tra, không ghi.", "Check only, write nothing."),
    "cli.help.tasks_import.file": (
        "CSV cùng cột với kpi/data/tasks.csv.",
        "A CSV with the columns of kpi/data/tasks.csv.",
    ),
    "cli.help.tasks_import.as": ("Quản trị thực hiện.", "The administrator acting."),
    "cli.help.scorecard": (
        "Mức độ hoàn thành nhiệm vụ của từng đơn vị theo 6 tháng (§II.1.c).",
        "How far each unit has completed its tasks, by half-year (§II.1.c).",
    ),
    "cli.help.common.half_year": ("Ví dụ 2026-H2.", "E.g. 2026-H2."),
    "cli.help.scorecard.version": ("Phiên bản đã công bố.", "A published version."),
    "cli.help.scorecard.live": (
        "Tính lại theo số liệu hiện tại (tạm tính).",
        "Recompute from the current reports (provisional).",
    ),
    "cli.help.scorecard_publish.as": ("Quản trị công bố.", "The administrator publishing."),
    "cli.help.template.out": (
        "Tệp mẫu cần tạo: .xlsx hoặc .csv.",
        "The template file to make: .xlsx or .csv.",
    ),
    "cli.help.template.unit": ("Điền sẵn mã đơn vị.", "Fill in the unit code."),
    "cli.help.template.period": (
        "Điền sẵn kỳ, ví dụ 2025-Q3.",
        "Fill in the period, e.g. 2025-Q3.",
    ),
    "cli.help.load.file": ("Tệp CSV, .xlsx, .xls hoặc .ods.", "A CSV, .xlsx, .xls or .ods file."),
    "cli.help.load.unit": ("Điền hoặc kiểm tra cột đơn vị.", "Fill in or check the unit column."),
    "cli.help.load.confirm": ("Xác nhận các thay đổi bất thường.", "Confirm the unusual changes."),
    "cli.help.load.note": (
        "Ghi chú xác nhận (dùng với --confirm).",
        "The confirmation note (with --confirm).",
    ),
    "cli.help.serve.port": ("Cổng HTTP.", "HTTP port."),
    "cli.help.serve.demo": (
        "Nạp dữ liệu minh họa nếu CSDL trống.",
        "Load demo data if the database is empty.",
    ),
    "cli.help.serve.host": ("Địa chỉ lắng nghe.", "Address to listen on."),
    "cli.help.demo.clear": ("Xóa mọi dữ liệu minh họa.", "Remove all demo data."),
    "cli.help.units_import.file": (
        "Tệp CSV với các cột code,name,parent.",
        "A CSV file with the columns code,name,parent.",
    ),
    "cli.help.export.out": (
        "Tệp đích; bỏ trống để in ra màn hình.",
        "Target file; leave it out to print to the screen.",
    ),
    "cli.help.db": ("Quản trị CSDL.", "Database administration."),
    "cli.help.units": ("Đơn vị báo cáo.", "Reporting units."),
    "cli.help.tokens_add.name": (
        "Tên token (ví dụ: ioc, cong-du-lieu-mo).",
        "Token name (e.g. ioc, cong-du-lieu-mo).",
    ),
    "cli.help.tokens_add.scope": ("Phạm vi: read (chỉ đọc).", "Scope: read (read only)."),
    "cli.help.tokens_revoke.name": ("Tên token.", "Token name."),
    "cli.help.publish.out": ("Thư mục đích của gói dữ liệu.", "Target folder of the data package."),
    "cli.help.publish.as_of": (
        "Chỉ dùng số liệu đến quý này.",
        "Use figures up to this quarter only.",
    ),
    "cli.help.publish.include_demo": (
        "Kèm dữ liệu minh họa, mỗi dòng gắn cột is_demo.",
        "Include demo data, every row marked in the is_demo column.",
    ),
    "cli.help.publish.force": ("Ghi đè các tệp đã có.", "Overwrite existing files."),
    "cli.help.tokens": ("Token của API đọc.", "Tokens of the read API."),
}
