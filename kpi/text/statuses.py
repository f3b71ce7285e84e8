"""Enum-like words: progress and Open SDG statuses, roles, submission and report states."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "status.achieved": ("Đã đạt mục tiêu", "Achieved"),
    "status.no_recent_data": ("Không có số liệu mới", "No recent data"),
    "status.insufficient_data": ("Chưa đủ dữ liệu", "Insufficient data"),
    "status.on_track": ("Đúng lộ trình", "On track"),
    "status.needs_acceleration": ("Cần tăng tốc", "Needs acceleration"),
    "status.limited_progress": ("Tiến độ chậm", "Limited progress"),
    "status.deteriorating": ("Đang đi xuống", "Deteriorating"),
    "opensdg.target_achieved": ("đã đạt mục tiêu", "target achieved"),
    "opensdg.substantial_progress": ("tiến bộ đáng kể", "substantial progress"),
    "opensdg.moderate_progress": ("tiến bộ vừa phải", "moderate progress"),
    "opensdg.limited_progress": ("tiến bộ hạn chế", "limited progress"),
    "opensdg.deterioration": ("đi xuống", "deterioration"),
    "opensdg.not_available": (
        "chưa tính được (dưới 1 năm số liệu)",
        "not available (under a year of data)",
    ),
    "role.leader": ("Lãnh đạo", "Leader"),
    "role.officer": ("Cán bộ đầu mối", "Data officer"),
    "role.admin": ("Quản trị", "Administrator"),
    "role.approver": ("Thủ trưởng đơn vị", "Unit head (approver)"),
    "submission.submitted": ("Đúng hạn", "On time"),
    "submission.late": ("Muộn", "Late"),
    "submission.missing": ("Chưa nộp", "Missing"),
    "submission.pending": ("Chưa đến hạn", "Not yet due"),
    "report_state.on_time": ("Đúng hạn", "On time"),
    "report_state.late": ("Muộn", "Late"),
    "report_state.missing": ("Chưa nộp", "Missing"),
    "report_state.not_due": ("Chưa đến hạn", "Not yet due"),
}
