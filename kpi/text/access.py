"""Words of sign-in, the administration pages (users, audit), the report page and the read API."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "users.title": ("Người dùng và phân quyền", "Users and access"),
    "users.add": ("Thêm hoặc cập nhật người dùng", "Add or update a user"),
    "users.email": ("E-mail", "E-mail"),
    "users.role": ("Vai trò", "Role"),
    "users.units": ("Đơn vị được nhập số liệu (cán bộ đầu mối)", "Units they write for (officers)"),
    "users.save": ("Lưu", "Save"),
    "users.saved": ("Đã lưu người dùng.", "User saved."),
    "users.remove": ("Xóa người dùng", "Remove a user"),
    "users.remove_button": ("Xóa", "Remove"),
    "users.removed": ("Đã xóa người dùng.", "User removed."),
    "users.not_self": ("Không thể tự xóa tài khoản của mình.", "You cannot remove yourself."),
    "users.empty": ("Chưa có người dùng nào.", "No users yet."),
    "audit.unit": ("Đơn vị", "Unit"),
    "audit.user": ("Người thực hiện (e-mail)", "User (e-mail)"),
    "audit.period": ("Kỳ báo cáo", "Period"),
    "audit.all": ("Tất cả", "All"),
    "audit.changes": ("Số liệu đã ghi (trước → sau)", "Figures written (before → after)"),
    "audit.actions": ("Hành động", "Actions"),
    "reports_page.use_known_on": (
        "Dùng số liệu như đã biết tại một ngày trước",
        "Use the figures as known on an earlier day",
    ),
    "reports_page.known_on": ("Số liệu như đã biết đến hết ngày", "Figures as known at the end of"),
    "reports_page.title": ("Báo cáo 6 tháng và cả năm", "6-month and year-end reports"),
    "reports_page.caption": (
        "Báo cáo theo mục III.2 của Kế hoạch, gửi Vụ Công chức - Viên chức. Số liệu trùng "
        "với trang Tổng quan.",
        "The plan's section III.2 report to the Department of Civil Servants and Public "
        "Employees. Figures match the Overview page.",
    ),
    "reports_page.unit": ("Đơn vị", "Unit"),
    "reports_page.period": ("Kỳ báo cáo", "Reporting period"),
    "reports_page.language": ("Ngôn ngữ báo cáo", "Report language"),
    "reports_page.build": ("Lập báo cáo", "Build report"),
    "reports_page.building": (
        "Đang lập báo cáo và vẽ biểu đồ…",
        "Building the report and its charts…",
    ),
    "reports_page.xlsx": ("Tải XLSX", "Download XLSX"),
    "reports_page.pdf": ("Tải PDF", "Download PDF"),
    "reports_page.ready": ("Báo cáo đã sẵn sàng.", "The report is ready."),
    "reports_page.hash": ("Mã kiểm tra dữ liệu (SHA-256)", "Data content hash (SHA-256)"),
    "auth.sign_in_title": ("Đăng nhập", "Sign in"),
    "auth.demo_role": ("Vai trò minh họa (demo)", "Demo role"),
    "auth.sign_in_body": (
        "Hệ thống theo dõi chỉ tiêu chuyển đổi số của Bộ Nội vụ. Vui lòng đăng nhập bằng "
        "tài khoản của Bộ.",
        "Digital-transformation indicators of the Ministry of Home Affairs. Please sign in "
        "with your ministry account.",
    ),
    "auth.sign_in_button": ("Đăng nhập", "Sign in"),
    "auth.sign_out": ("Đăng xuất", "Sign out"),
    "auth.no_access_title": ("Chưa có quyền truy cập", "No access yet"),
    "auth.no_access_body": (
        "Bạn đã đăng nhập với tài khoản dưới đây, nhưng tài khoản này chưa được cấp quyền "
        "xem hoặc nhập số liệu. Vui lòng liên hệ:",
        "You are signed in with the account below, but it has not been given access yet. "
        "Please ask:",
    ),
    "auth.config_error_title": ("Chưa cấu hình đăng nhập", "Sign-in is not configured"),
    "auth.unsafe_title": (
        "Cấu hình không an toàn: hệ thống chưa chạy",
        "Unsafe configuration: the dashboard will not start",
    ),
    "auth.unverified_title": ("E-mail chưa được xác minh", "E-mail not verified"),
    "auth.unverified_body": (
        "Nhà cung cấp định danh chưa xác nhận địa chỉ e-mail dưới đây, nên hệ thống không "
        "dùng nó để cấp quyền. Vui lòng liên hệ:",
        "The identity provider has not confirmed the e-mail address below, so it is not "
        "used to grant access. Please ask:",
    ),
    "language_name.vi": ("Tiếng Việt", "Tiếng Việt"),
    "language_name.en": ("English", "English"),
    "download_csv": ("Tải CSV", "Download CSV"),
    "page_title": ("KPI Monitor · Bộ Nội vụ", "KPI Monitor · Ministry of Home Affairs"),
    "auth.demo_help": (
        "Chỉ có trong chế độ minh họa. Bản triển khai thật dùng đăng nhập OpenID Connect.",
        "Demo mode only. A real deployment signs in with OpenID Connect.",
    ),
    "api.not_found": ("Không có tài nguyên này.", "No such resource."),
    "api.read_only": ("API chỉ cho đọc (GET).", "The API is read-only (GET)."),
    "api.bad_request": ("Yêu cầu không hợp lệ.", "Bad request."),
    "api.token_required": (
        "Cần token (Authorization: Bearer …).",
        "A bearer token is required (Authorization: Bearer …).",
    ),
    "api.token_unknown": (
        "Token không đúng hoặc đã bị thu hồi.",
        "The token is unknown or revoked.",
    ),
    "api.server_error": ("Lỗi máy chủ.", "Server error."),
    "api.bad_format": (
        "format='{fmt}' không có; dùng json hoặc csv.",
        "format='{fmt}' is not known; use json or csv.",
    ),
    "api.bad_date": (
        "{name}='{raw}' không phải ngày dạng 2026-10-15.",
        "{name}='{raw}' is not a date such as 2026-10-15.",
    ),
    "api.needs_indicator": (
        "Cần tham số indicator (mã chỉ tiêu).",
        "The indicator parameter (an indicator code) is required.",
    ),
}
