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
}
