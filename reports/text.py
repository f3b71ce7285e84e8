"""Words and number formats of the report, in Vietnamese (default) and English."""

from __future__ import annotations

import datetime as dt
import math

from kpi.periods import Quarter, ReportPeriod

LANGS = ("vi", "en")

_LABELS: dict[str, tuple[str, str]] = {
    "title": (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ",
        "REPORT ON THE DIGITAL TRANSFORMATION INDICATORS",
    ),
    "subtitle": (
        "Phụ lục I, Kế hoạch của Bộ Nội vụ thực hiện Nghị quyết số 71/NQ-CP",
        "Annex I, Ministry of Home Affairs plan implementing Resolution No. 71/NQ-CP",
    ),
    "ministry": ("BỘ NỘI VỤ", "MINISTRY OF HOME AFFAIRS"),
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "unit": ("Đơn vị báo cáo", "Reporting unit"),
    "period": ("Kỳ báo cáo", "Reporting period"),
    "made_on": ("Ngày lập", "Date made"),
    "known_on": ("Số liệu như đã biết đến hết ngày", "Figures as known at the end of"),
    "known_now": (
        "ngày lập báo cáo (mọi bản sửa đã ghi)",
        "the day the report was made (every stored revision)",
    ),
    "as_of": ("Số liệu tính đến", "Data as of"),
    "compare": (
        "So sánh với kỳ trước (số liệu đến)",
        "Compared with the previous report (data as of)",
    ),
    "reference": ("Căn cứ", "Reference"),
    "reference_text": (
        "Nghị quyết số 71/NQ-CP của Chính phủ; Kế hoạch của Bộ Nội vụ, Phụ lục I "
        "(16 chỉ tiêu chuyển đổi số đến năm 2030); báo cáo định kỳ 6 tháng và cả năm "
        "gửi Vụ Công chức - Viên chức (mục III.2).",
        "Government Resolution No. 71/NQ-CP; Ministry of Home Affairs plan, Annex I "
        "(16 digital transformation indicators to 2030); 6-month and year-end reports "
        "to the Department of Civil Servants and Public Employees (section III.2).",
    ),
    "hash": ("Mã kiểm tra dữ liệu (SHA-256)", "Data content hash (SHA-256)"),
    "hash_note": (
        "Tính trên mọi số liệu dùng cho báo cáo, kỳ báo cáo và đơn vị (không gồm ngày lập): "
        "cùng số liệu và cùng kỳ luôn cho cùng mã.",
        "Computed over every figure the report used, the period and the unit (not the date "
        "made): the same data and period always give the same hash.",
    ),
    "s_summary": ("I. TÓM TẮT", "I. SUMMARY"),
    "s_table": ("II. KẾT QUẢ THEO CHỈ TIÊU", "II. RESULTS BY INDICATOR"),
    "s_charts": ("III. BIỂU ĐỒ LỘ TRÌNH", "III. TRAJECTORY CHARTS"),
    "s_quality": ("IV. CHẤT LƯỢNG SỐ LIỆU", "IV. DATA QUALITY"),
    "s_annex": ("PHỤ LỤC", "ANNEX"),
    "count_status": ("Số chỉ tiêu theo trạng thái", "Indicators by status"),
    "status": ("Trạng thái", "Status"),
    "count": ("Số chỉ tiêu", "Indicators"),
    "off_target": ("Chỉ tiêu chậm tiến độ hoặc đang đi xuống", "Off-target indicators"),
    "none_off_target": ("Không có chỉ tiêu nào chậm tiến độ.", "No indicator is off target."),
    "lead_units": ("Đơn vị chủ trì", "Lead units"),
    "code": ("Mã", "Code"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "target": ("Mục tiêu 2030 (%)", "2030 target (%)"),
    "start_value": ("Đầu kỳ (%)", "Start (%)"),
    "end_value": ("Cuối kỳ (%)", "End (%)"),
    "change": ("Thay đổi (điểm %)", "Change (pp)"),
    "trajectory": ("Lộ trình (%)", "Path (%)"),
    "gap": ("Chênh lệch (điểm %)", "Gap (pp)"),
    "pace_needed": ("Cần tăng mỗi quý (điểm %)", "Needed per quarter (pp)"),
    "projected": ("Dự báo 2030 (%)", "Projected 2030 (%)"),
    "movement": ("So với kỳ trước", "Vs previous report"),
    "previous_status": ("Trạng thái kỳ trước", "Previous status"),
    "reason": ("Giải thích", "Explanation"),
    "latest_period": ("Kỳ số liệu mới nhất", "Latest period"),
    "improved": ("▲ Cải thiện", "▲ Improved"),
    "worsened": ("▼ Xấu đi", "▼ Worsened"),
    "unchanged": ("= Không đổi", "= Unchanged"),
    "new": ("Mới có đánh giá", "Newly assessed"),
    "no_value": ("-", "-"),
    "missing_units": ("Đơn vị chưa gửi số liệu", "Units that did not submit"),
    "late": ("Gửi muộn", "Late submissions"),
    "revised": (
        "Số liệu được điều chỉnh kể từ kỳ báo cáo trước",
        "Figures revised since the previous report",
    ),
    "outliers": ("Biến động bất thường đã được xác nhận", "Confirmed outliers"),
    "nothing": ("Không có.", "None."),
    "no_data_reason": ("Chưa có số liệu đến kỳ báo cáo.", "No data up to the reporting period."),
    "quarter": ("Quý", "Quarter"),
    "deadline": ("Hạn gửi", "Deadline"),
    "submitted_at": ("Thời điểm gửi", "Submitted at"),
    "unit_col": ("Đơn vị", "Unit"),
    "period_col": ("Kỳ", "Period"),
    "old_value": ("Giá trị cũ", "Old value"),
    "new_value": ("Giá trị mới", "New value"),
    "prev_quarter": ("Quý trước", "Previous quarter"),
    "by": ("Người nhập", "Entered by"),
    "at": ("Thời điểm (UTC)", "Time (UTC)"),
    "note": ("Ghi chú", "Note"),
    "file": ("Tệp", "File"),
    "officer": ("Cán bộ nhập", "Officer"),
    "rows": ("Số dòng", "Rows"),
    "methodology": ("Phương pháp đánh giá (tóm tắt)", "Methodology (short)"),
    "uploads": ("Các lần nhập số liệu được dùng trong báo cáo", "Uploads used by this report"),
    "notices": ("Lưu ý về số liệu", "Notes on the data"),
    "page": ("Trang", "Page"),
    "of": ("/", "/"),
    "sheet_summary": ("Tóm tắt", "Summary"),
    "sheet_data": ("Số liệu", "Data"),
    "sheet_charts": ("Biểu đồ", "Charts"),
    "sheet_quality": ("Chất lượng số liệu", "Data quality"),
    "sheet_annex": ("Phụ lục", "Annex"),
    "pp": ("điểm %", "pp"),
    "chart_caption": ("Chỉ tiêu", "Indicator"),
    "total": ("Tổng số", "Total"),
}

METHOD_TEXT: dict[str, tuple[str, ...]] = {
    "vi": (
        "Mỗi chỉ tiêu là một tỷ lệ phần trăm, càng cao càng tốt; mục tiêu đạt vào quý IV/2030.",
        "Tốc độ thực tế là độ dốc bình phương tối thiểu (điểm %/năm) của mọi giá trị từ kỳ gốc; "
        "tốc độ cần thiết = (mục tiêu − giá trị gốc) / (2030 − kỳ gốc); "
        "tỷ số R = thực tế / cần thiết.",
        "Trạng thái: Đã đạt mục tiêu nếu giá trị mới nhất ≥ mục tiêu; Chưa đủ dữ liệu nếu có dưới "
        "2 giá trị hoặc khoảng thời gian dưới 2 quý; Đúng lộ trình nếu R ≥ 0,95; Cần tăng tốc nếu "
        "0,60 ≤ R < 0,95; Tiến độ chậm nếu 0 ≤ R < 0,60; Đang đi xuống nếu R < 0.",
        "Giá trị lộ trình là đường thẳng từ giá trị gốc đến mục tiêu; "
        "chênh lệch = giá trị mới nhất − "
        "giá trị lộ trình. Dự báo 2030 kéo dài tốc độ thực tế, giới hạn trong 0–100.",
        "Số liệu cấp Bộ cộng tử số và mẫu số của các đơn vị, không lấy trung bình các tỷ lệ. "
        "Đầu kỳ là số liệu tính đến quý trước kỳ báo cáo, cũng là cuối kỳ của báo cáo trước.",
    ),
    "en": (
        "Every indicator is a percentage where higher is better; its target falls in 2030-Q4.",
        "Observed pace is the least-squares slope (pp/year) of all values from the baseline; "
        "required pace = (target − baseline) / (2030 − baseline period); "
        "ratio R = observed / required.",
        "Status: Achieved if the latest value ≥ target; Insufficient data with fewer than 2 values "
        "or a span under 2 quarters; On track if R ≥ 0.95; Needs acceleration if 0.60 ≤ R < 0.95; "
        "Limited progress if 0 ≤ R < 0.60; Deteriorating if R < 0.",
        "The trajectory is the straight line from the baseline to the target; gap = latest value − "
        "trajectory value. The 2030 projection extends the observed pace, clipped to 0–100.",
        "Ministry figures sum numerators and denominators of the units; percentages are never "
        "averaged. The start of the period is the data as of the quarter before it, which is the "
        "end of the previous report.",
    ),
}


def label(key: str, lang: str = "vi") -> str:
    vi, en = _LABELS[key]
    return en if lang == "en" else vi


def number(value: object, lang: str = "vi", digits: int = 2, signed: bool = False) -> str:
    """'85,53' in Vietnamese, '85.53' in English; a dash for missing values."""
    if value is None or isinstance(value, str):
        return "-" if value in (None, "") else str(value)
    try:
        num = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "-"
    if math.isnan(num):
        return "-"
    text = f"{num:+,.{digits}f}" if signed else f"{num:,.{digits}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def quarter_label(quarter: Quarter | None, lang: str = "vi") -> str:
    if quarter is None:
        return "-"
    return f"Quý {quarter.q}/{quarter.year}" if lang == "vi" else f"Q{quarter.q} {quarter.year}"


def period_label(period: ReportPeriod, lang: str = "vi") -> str:
    if lang == "en":
        return (
            f"{'first' if period.half == 1 else 'second'} half of {period.year}"
            if period.half
            else f"year {period.year}"
        )
    if period.half == 1:
        return f"6 tháng đầu năm {period.year}"
    if period.half == 2:
        return f"6 tháng cuối năm {period.year}"
    return f"năm {period.year}"


def date_label(day: dt.date, lang: str = "vi") -> str:
    return (
        f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
        if lang == "vi"
        else day.isoformat()
    )


def datetime_label(moment: object) -> str:
    """Times as 'YYYY-MM-DD HH:MM' UTC, whatever the database returned."""
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        return moment.strftime("%Y-%m-%d %H:%M")
    return "" if moment is None else str(moment)


# Dark enough for 4.5:1 on white; the status word always goes with the colour.
STATUS_RGB: dict[str, tuple[int, int, int]] = {
    "achieved": (27, 94, 32),
    "on_track": (46, 125, 50),
    "needs_acceleration": (153, 92, 0),
    "limited_progress": (191, 54, 12),
    "deteriorating": (142, 0, 0),
    "insufficient_data": (97, 97, 97),
}
MOVEMENT_RGB: dict[str, tuple[int, int, int]] = {
    "improved": (46, 125, 50),
    "worsened": (183, 28, 28),
    "unchanged": (66, 66, 66),
    "new": (66, 66, 66),
}


def status_word(status: object, lang: str = "vi") -> str:
    """The status in words: `.vi`/`.en` of kpi.progress.Status."""
    word = getattr(status, "en" if lang == "en" else "vi", None)
    return str(word) if word else str(status)


def status_mark(status: object, lang: str = "vi") -> str:
    """Icon and word, so the status never rests on colour alone."""
    icon = getattr(status, "icon", "")
    return f"{icon} {status_word(status, lang)}".strip()


def summary_sentence(
    as_of: Quarter, counts: dict[str, int], moves: dict[str, int], lang: str = "vi"
) -> str:
    """One sentence a leader reads first: where the indicators stand, what moved."""
    total = sum(counts.values())
    off = counts.get("limited_progress", 0) + counts.get("deteriorating", 0)
    if lang == "en":
        return (
            f"As of {quarter_label(as_of, lang)}, of {total} indicators: "
            f"{counts.get('achieved', 0)} achieved, {counts.get('on_track', 0)} on track, "
            f"{counts.get('needs_acceleration', 0)} need acceleration, {off} off target, "
            f"{counts.get('insufficient_data', 0)} without enough data. Since the previous "
            f"report {moves.get('improved', 0)} improved and {moves.get('worsened', 0)} worsened."
        )
    return (
        f"Tính đến {quarter_label(as_of, lang)}, trong {total} chỉ tiêu: "
        f"{counts.get('achieved', 0)} đã đạt mục tiêu, {counts.get('on_track', 0)} đúng lộ trình, "
        f"{counts.get('needs_acceleration', 0)} cần tăng tốc, {off} chậm tiến độ hoặc đang đi "
        f"xuống, {counts.get('insufficient_data', 0)} chưa đủ dữ liệu. So với kỳ báo cáo trước, "
        f"{moves.get('improved', 0)} chỉ tiêu cải thiện và "
        f"{moves.get('worsened', 0)} chỉ tiêu xấu đi."
    )


def known_on_text(known_on: dt.date | None, lang: str = "vi") -> str:
    """Which revisions a report used: those stored by the end of a day, or all of them."""
    if known_on is None:
        return label("known_now", lang)
    return known_on.strftime("%d/%m/%Y") if lang != "en" else known_on.isoformat()
