"""Why a use case refused: the messages services and storage raise to users."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "svc.no_unit": ("không có đơn vị '{ref}'", "no unit '{ref}'"),
    "svc.of_unit": ("{period} của {unit}", "{period} of {unit}"),
    "svc.scope": (
        "{actor} không có quyền nhập số liệu cho đơn vị: {units}",
        "{actor} may not submit figures for: {units}",
    ),
    "svc.cycle.bad_day": (
        "ngày '{until}' phải có dạng YYYY-MM-DD",
        "the day '{until}' must look like YYYY-MM-DD",
    ),
    "svc.cycle.open_reason": (
        "cần ghi lý do mở khóa (--reason)",
        "give the reason for opening the lock (--reason)",
    ),
    "svc.cycle.may_not_approve": (
        "{email} không có quyền phê duyệt số liệu của đơn vị {unit}",
        "{email} may not sign off the figures of unit {unit}",
    ),
    "svc.cycle.nothing_to_approve": (
        "đơn vị {unit} chưa có số liệu {quarter} để phê duyệt",
        "unit {unit} has no figures of {quarter} to sign off",
    ),
    "svc.cycle.already_approved": (
        "số liệu {quarter} của {unit} đã được phê duyệt",
        "the figures of {quarter} of {unit} are already signed off",
    ),
    "svc.cycle.unapprove_reason": (
        "cần ghi lý do hủy phê duyệt (--reason)",
        "give the reason for withdrawing the sign-off (--reason)",
    ),
    "svc.cycle.not_approved": (
        "số liệu {quarter} của {unit} chưa được phê duyệt",
        "the figures of {quarter} of {unit} are not signed off",
    ),
    "svc.locks.approved": (
        "số liệu {names} đã được thủ trưởng đơn vị phê duyệt và bị khóa; "
        "người phê duyệt hoặc quản trị cần hủy phê duyệt (kpi unapprove) trước khi sửa",
        "the figures of {names} are signed off by the unit head and locked; "
        "an approver or administrator must withdraw the sign-off (kpi unapprove) first",
    ),
    "svc.locks.locked_since": (
        "{quarter} của {unit} (khóa từ {day})",
        "{quarter} of {unit} (locked since {day})",
    ),
    "svc.locks.contact": (" — liên hệ {contact}", " — contact {contact}"),
    "svc.locks.locked": (
        "đã quá hạn nộp, số liệu {names} đã bị khóa; chỉ quản trị hệ thống mở được ngoại lệ "
        "(kpi locks open){contact}",
        "the deadline has passed and the figures of {names} are locked; only a system "
        "administrator can open an exception (kpi locks open){contact}",
    ),
    "svc.mail.unset": (
        "chưa cấu hình máy chủ thư: đặt KPI_SMTP_URL (smtp://user:pass@host:587)",
        "no mail server is configured: set KPI_SMTP_URL (smtp://user:pass@host:587)",
    ),
    "svc.mail.bad_url": (
        "KPI_SMTP_URL phải có dạng smtp://user:pass@host:587 hoặc smtps://host:465",
        "KPI_SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465",
    ),
    "svc.mail.no_connection": (
        "không kết nối được máy chủ thư {host}:{port}: {why}",
        "cannot connect to the mail server {host}:{port}: {why}",
    ),
    "svc.mail.refused": (
        "máy chủ thư từ chối thư gửi {to}: {why}",
        "the mail server refused the message to {to}: {why}",
    ),
    "svc.signoff.refused": (
        "báo cáo tiến độ nhiệm vụ {halves} đã được thủ trưởng đơn vị duyệt; thủ trưởng đơn vị "
        "phải hủy duyệt (kpi tasks unapprove) trước khi báo cáo thêm trong kỳ này",
        "the progress reports of {halves} are signed off by the unit head; the head must "
        "withdraw the sign-off (kpi tasks unapprove) before more reports in that half-year",
    ),
    "svc.signoff.refused_row": (
        "báo cáo tiến độ nhiệm vụ {halves} đã được thủ trưởng đơn vị duyệt; thủ trưởng đơn vị "
        "phải hủy duyệt trước khi báo cáo thêm trong kỳ này",
        "the progress reports of {halves} are signed off by the unit head; the head must "
        "withdraw the sign-off before more reports in that half-year",
    ),
    "svc.signoff.may_not_sign": (
        "{email} không có quyền duyệt báo cáo tiến độ của đơn vị {unit}",
        "{email} may not sign off the progress reports of unit {unit}",
    ),
    "svc.signoff.nothing": (
        "đơn vị {unit} chưa có báo cáo tiến độ nhiệm vụ {half} để duyệt",
        "unit {unit} has no task progress reports of {half} to sign off",
    ),
    "svc.signoff.already": (
        "báo cáo tiến độ nhiệm vụ {half} của {unit} đã được duyệt",
        "the task progress reports of {half} of {unit} are already signed off",
    ),
    "svc.signoff.reason": (
        "cần ghi lý do hủy duyệt (--reason)",
        "give the reason for withdrawing the sign-off (--reason)",
    ),
    "svc.signoff.not_signed": (
        "báo cáo tiến độ nhiệm vụ {half} của {unit} chưa được duyệt",
        "the task progress reports of {half} of {unit} are not signed off",
    ),
    "svc.tasks.no_task": (
        "không có nhiệm vụ mã '{code}' trong Phụ lục II, III",
        "no task with code '{code}' in Annexes II, III",
    ),
    "svc.tasks.not_lead": (
        "{email} không thuộc đơn vị chủ trì nhiệm vụ {code} ({leads})",
        "{email} is not in a lead unit of task {code} ({leads})",
    ),
    "svc.tasks.may_not_report": (
        "{email} không có quyền báo cáo tiến độ nhiệm vụ",
        "{email} may not report task progress",
    ),
    "svc.tasks.too_big": (
        "tệp lớn hơn giới hạn {limit} MB",
        "the file is larger than the {limit} MB limit",
    ),
    "svc.tasks.plan_task": (
        "nhiệm vụ {code} thuộc Kế hoạch (kpi/data/tasks.csv); không sửa bằng tệp nhập",
        "task {code} belongs to the Plan (kpi/data/tasks.csv); an import cannot change it",
    ),
    "svc.tokens.bad_name": (
        "tên token '{name}' không hợp lệ: chữ, số, '.', '_' hoặc '-', tối đa 64 ký tự",
        "token name '{name}' is not valid: letters, digits, '.', '_' or '-', at most 64",
    ),
    "svc.tokens.bad_scope": (
        "phạm vi '{scope}' không có; chỉ có: {scopes}",
        "there is no scope '{scope}'; only: {scopes}",
    ),
    "svc.tokens.exists": ("đã có token tên '{name}'", "a token named '{name}' exists"),
    "svc.tokens.none_active": (
        "không có token đang dùng tên '{name}'",
        "no active token named '{name}'",
    ),
    "svc.users.bad_email": (
        "'{email}' không phải là địa chỉ e-mail",
        "'{email}' is not an e-mail address",
    ),
    "svc.users.needs_unit": (
        "{role} cần ít nhất một đơn vị (--unit)",
        "{role} needs at least one unit (--unit)",
    ),
    "svc.upload.has_errors": ("tệp còn lỗi; không thể ghi", "the file has errors; cannot write"),
    "svc.upload.needs_confirm": (
        "có thay đổi bất thường cần xác nhận kèm ghi chú",
        "unusual changes need confirming with a note",
    ),
    "svc.no_indicator": ("không có chỉ tiêu '{code}'", "no indicator '{code}'"),
    "svc.bad_formats": ("định dạng không hỗ trợ: {formats}", "formats not supported: {formats}"),
    "svc.score_settings": ("thiết lập KPI_SCORE_*: {why}", "setting KPI_SCORE_*: {why}"),
    "svc.db_busy": (
        "Cơ sở dữ liệu đang bận, đã thử {attempts} lần; vui lòng thử lại sau.",
        "The database is busy after {attempts} attempts; please try again later.",
    ),
}
