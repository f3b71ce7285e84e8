"""Words of the overview: its title, status filter, legend, phone summary and table."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "ov.title": ("{n} chỉ tiêu · {scope}", "{n} {n|indicator|indicators} · {scope}"),
    "ov.title_status": (
        "{n} chỉ tiêu {statuses} · {scope}",
        "{n} {n|indicator|indicators} {statuses} · {scope}",
    ),
    "ov.caption": (
        "Tính đến {period} · {group} · đơn vị chủ trì: {lead}. Chỉ tiêu chậm tiến độ đứng đầu.",
        "As of {period} · {group} · lead unit: {lead}. Off-target indicators first.",
    ),
    "ov.all_groups": ("mọi nhóm", "every group"),
    "ov.any_lead": ("tất cả", "any"),
    "ov.status_filter": (
        "Tình trạng (bấm để lọc; bấm lại để bỏ lọc)",
        "Status (click to filter; click again to clear)",
    ),
    "ov.status_option": ("{icon} {word}: {n}", "{icon} {word}: {n}"),
    "ov.filters": ("Bộ lọc: {summary}", "Filters: {summary}"),
    "ov.worst": ("Cần chú ý nhất", "Most in need of attention"),
    "ov.all_rows": ("Tất cả chỉ tiêu đang hiển thị", "Every indicator shown"),
    "ov.worst_line": (
        "{value} · mục tiêu 2030: {target} · chủ trì: {lead}",
        "{value} · 2030 target: {target} · lead: {lead}",
    ),
    "ov.none_worst": (
        "Không có chỉ tiêu nào chậm tiến độ trong phạm vi đang xem.",
        "No indicator in this view is off track.",
    ),
    "ov.legend": ("Chú giải: tình trạng và ngưỡng", "Legend: statuses and thresholds"),
    "ov.legend_intro": (
        "P là tỷ lệ giữa mức tăng dự báo đến năm 2030 (theo đường xu hướng của các số đã "
        "nộp) và mức tăng cần có từ kỳ gốc đến mục tiêu. Quy tắc đầu tiên đúng sẽ được áp "
        "dụng, theo thứ tự dưới đây.",
        "P is the rise the trend of the reported figures heads for by 2030, as a share of "
        "the rise from the baseline to the target. The first rule that holds applies, in "
        "the order below.",
    ),
    "ov.legend_status": ("Tình trạng", "Status"),
    "ov.legend_rule": ("Khi nào", "When"),
    "ov.lead_key": ("Đơn vị chủ trì: {pairs}.", "Lead units: {pairs}."),
    "ov.table_alt": (
        "Bảng tình trạng {n} chỉ tiêu, {scope}, tính đến {period}",
        "Status of {n} {n|indicator|indicators}, {scope}, as of {period}",
    ),
    "ov.nothing_shown": (
        "Không có chỉ tiêu nào khớp bộ lọc. Bỏ chọn tình trạng hoặc đổi bộ lọc.",
        "No indicator matches the filters. Clear the status choice or change the filters.",
    ),
    "legend.achieved": (
        "Giá trị mới nhất ≥ mục tiêu ({full} khi mục tiêu là 100%).",
        "Latest value ≥ the target ({full} when the target is 100%).",
    ),
    "legend.no_recent_data": (
        "Số mới nhất cũ từ {n} quý trở lên so với quý đang xem; nêu đánh giá lần cuối.",
        "The latest figure is {n} or more {n|quarter|quarters} older than the quarter shown; the "
        "last "
        "verdict is named.",
    ),
    "legend.insufficient_data": (
        "Dưới {points} giá trị, hoặc các giá trị trải dưới {span} quý, kể từ kỳ gốc.",
        "Fewer than {points} values, or values spanning under {span} quarters, since the baseline.",
    ),
    "legend.on_track": (
        "P ≥ {on}; hoặc đã đạt mục tiêu ở kỳ gốc và vẫn giữ trong phạm vi {hold} của mục tiêu.",
        "P ≥ {on}; or at the target at the baseline and still within {hold} of it.",
    ),
    "legend.needs_acceleration": ("{acc} ≤ P < {on}.", "{acc} ≤ P < {on}."),
    "legend.limited_progress": ("0 ≤ P < {acc}.", "0 ≤ P < {acc}."),
    "legend.deteriorating": (
        "P < 0 (xu hướng đi xa mục tiêu); hoặc đã đạt mục tiêu ở kỳ gốc rồi giảm quá "
        "{hold} dưới mục tiêu.",
        "P < 0 (the trend moves away from the target); or at the target at the baseline, "
        "then more than {hold} below it.",
    ),
}
STRINGS |= {
    "needs.achieved": (
        "Đã đạt mục tiêu: cần giữ mức ≥ {target} đến năm 2030.",
        "Target reached: hold at or above {target} until 2030.",
    ),
    "needs.no_verdict": (
        "Chưa đủ số liệu để đánh giá, nên chưa tính tốc độ cần có.",
        "Not enough figures for a verdict, so no required pace is given.",
    ),
    "needs.no_recent": (
        "Không có số liệu mới sau {last}: tốc độ cần có được tính lại khi có số liệu mới.",
        "No figure after {last}: the required pace is worked out again when figures arrive.",
    ),
    "needs.holding": (
        "Đã ở mức mục tiêu {target} từ kỳ gốc: cần giữ không thấp hơn mục tiêu quá {hold} điểm %.",
        "At the {target} target since the baseline: stay no more than {hold} pp below it.",
    ),
    "needs.already_there": (
        "Số mới nhất {latest} đã cao hơn mức lộ trình cần ở quý tới: giữ đà hiện nay.",
        "The latest {latest} is already above next quarter's path: keep the current pace.",
    ),
    "needs.per_quarter": (
        "Từ nay cần tăng **{per_quarter}** điểm %/quý để kịp mục tiêu.",
        "From now on **{per_quarter}** pp per quarter are needed to reach the target.",
    ),
    "needs.next": (
        "Để trở lại lộ trình, quý tới cần đạt **{value}**.",
        "To get back on the path, next quarter needs **{value}**.",
    ),
}
STRINGS |= {
    "hist.counts": ("Tử số/mẫu số", "Numerator/denominator"),
    "hist.alt": (
        "Lịch sử số liệu và các lần sửa của chỉ tiêu {code}",
        "History of every figure and revision of indicator {code}",
    ),
    "ind.chart_alt": (
        "Biểu đồ chỉ tiêu {code} {name}, {scope}: {reason}",
        "Chart of indicator {code} {name}, {scope}: {reason}",
    ),
}
STRINGS |= {
    "alerts.worse_alt": (
        "Bảng các chỉ tiêu có tình trạng xấu đi so với quý trước",
        "Indicators whose status is worse than the previous quarter",
    ),
    "alerts.stale_alt": (
        "Bảng các chuỗi số liệu chưa cập nhật quý vừa kết thúc",
        "Series without a figure for the last ended quarter",
    ),
}
