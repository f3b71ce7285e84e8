"""Words of the reminder e-mails (`kpi remind`); sent in Vietnamese, English kept beside."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "mail.signature": (
        "KPI Monitor — Bộ Nội vụ (thư tự động, vui lòng không trả lời)",
        "KPI Monitor — Ministry of Home Affairs (automatic message, please do not reply)",
    ),
    "mail.subject.due_soon": (
        "Nhắc hạn: còn 7 ngày để nộp số liệu {q}",
        "Reminder: 7 days left to submit the figures of {q}",
    ),
    "mail.subject.due_today": (
        "Hôm nay là hạn nộp số liệu {q}",
        "Today is the deadline for the figures of {q}",
    ),
    "mail.subject.overdue": ("Quá hạn nộp số liệu {q}", "The figures of {q} are overdue"),
    "mail.officer.greeting": ("Kính gửi cán bộ đầu mối,", "Dear data officer,"),
    "mail.officer.deadline": (
        "Hạn nộp số liệu {q} là ngày {due}. Sau ngày {locks} quý này bị khóa, chỉ quản trị "
        "hệ thống mở được ngoại lệ.",
        "The figures of {q} are due on {due}. After {locks} the quarter is locked; only a "
        "system administrator can open an exception.",
    ),
    "mail.officer.owed": (
        "Các chỉ tiêu sau của đơn vị chưa có số liệu:",
        "These indicators of your unit have no figure yet:",
    ),
    "mail.officer.item": ("{unit}: chỉ tiêu {codes}", "{unit}: indicators {codes}"),
    "mail.approver.subject": (
        "Số liệu {q} đang chờ thủ trưởng đơn vị phê duyệt",
        "The figures of {q} wait for the unit head's sign-off",
    ),
    "mail.approver.greeting": ("Kính gửi thủ trưởng đơn vị,", "Dear unit head,"),
    "mail.approver.waiting": (
        "Số liệu {q} sau đây đã được nộp và đang chờ phê duyệt (trang Phê duyệt, hoặc lệnh "
        "kpi approve). Số liệu chưa duyệt vẫn được tính nhưng được đánh dấu “chưa duyệt”.",
        "The following figures of {q} were submitted and wait for sign-off (the Sign-off "
        "page, or the kpi approve command). Figures not yet approved still count but are "
        "marked “not approved”.",
    ),
    "mail.approver.item": ("{unit}: {n} số liệu", "{unit}: {n} {n|figure|figures}"),
    "mail.digest.subject": (
        "Tổng hợp tuần {day}: tình hình nộp và chỉ tiêu xấu đi",
        "Weekly digest {day}: submissions and indicators that got worse",
    ),
    "mail.digest.greeting": ("Kính gửi lãnh đạo,", "Dear leader,"),
    "mail.digest.counts": (
        "Đơn vị quá hạn nộp số liệu: {overdue}. Chỉ tiêu có tình trạng xấu đi so với quý "
        "trước ({quarter}): {worse}.",
        "Units with overdue figures: {overdue}. Indicators whose status got worse since "
        "the previous quarter ({quarter}): {worse}.",
    ),
    "mail.digest.overdue_item": ("Quá hạn — {item}", "Overdue — {item}"),
    "mail.digest.worse_item": ("Xấu đi — {item}", "Worse — {item}"),
    "mail.digest.nothing": (
        "Không có đơn vị quá hạn và không có chỉ tiêu xấu đi.",
        "No unit is overdue and no indicator got worse.",
    ),
}
