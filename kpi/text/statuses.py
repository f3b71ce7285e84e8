"""Enum-like words: progress and Open SDG statuses, roles, submission and report states."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "approval.yes": ("đã duyệt", "approved"),
    "approval.no": ("chưa duyệt", "not approved"),
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
    "reason.achieved": (
        "{word}: giá trị mới nhất {now}% ≥ mục tiêu {goal}%",
        "{word}: latest {now}% ≥ target {goal}%",
    ),
    "reason.achieved_full": (
        "{word}: giá trị mới nhất {now}% ≥ 99% (mục tiêu 100%, quy ước UNSD)",
        "{word}: latest {now}% ≥ 99% (target 100%, UNSD convention)",
    ),
    "reason.no_recent": (
        "{word}: số liệu cuối cùng là {last}; đánh giá khi đó: {verdict}",
        "{word}: last figure in {last}; verdict then: {verdict}",
    ),
    "reason.short": (
        "{word}: cần ít nhất 4 giá trị trải trên từ 3 quý trở lên",
        "{word}: needs at least 4 values spanning 3 quarters or more",
    ),
    "reason.no_baseline": (
        "{word}: chưa có số liệu từ kỳ gốc {base} trở đi",
        "{word}: no figure from the baseline {base} on",
    ),
    "reason.no_figure": (
        "{word}: chưa có số liệu tổng hợp (không đơn vị nào báo tử số/mẫu số)",
        "{word}: no rolled-up figure (no unit reported counts)",
    ),
    "reason.fell_back": (
        "{word}: đã đạt rồi giảm xuống {now}% (mục tiêu {goal}%)",
        "{word}: fell from the target to {now}% (target {goal}%)",
    ),
    "reason.holding": (
        "{word}: giữ mức {now}%, trong phạm vi 1 điểm của mục tiêu {goal}%",
        "{word}: holding {now}%, within 1 point of the {goal}% target",
    ),
    "reason.projected": (
        "{word}: dự báo năm 2030 đạt {proj}%, bằng {share}% mức tăng cần có để đạt mục "
        "tiêu {goal}%",
        "{word}: heading for {proj}% in 2030, {share}% of the rise the {goal}% target needs",
    ),
}
