"""Words of the files people forward: chart images and their data, the demo mark, the
administrative layout of a report (Nghị định 30/2020/NĐ-CP) and an empty period."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # the printed page's footer: &P is the page, &N the page count (Excel's codes)
    "export.print_page": ("Trang &P/&N", "Page &P of &N"),
    "export.demo_mark": (
        "Dữ liệu minh họa — không phải số liệu thật",
        "Demo data — illustrative, not real figures",
    ),
    "export.source": (
        "Nguồn: KPI Monitor, Bộ Nội vụ",
        "Source: KPI Monitor, Ministry of Home Affairs",
    ),
    "export.made_on": ("Lập ngày {day}", "Made on {day}"),
    "export.chart_title": (
        "Lộ trình thực hiện chỉ tiêu {code} đến năm {year}",
        "Indicator {code}: the path to {year}",
    ),
    "export.chart_known_on": (
        "Số liệu như đã biết đến hết ngày {day}",
        "Figures as known at the end of {day}",
    ),
    "export.chart_scope": (
        "Phạm vi: {scope} · Số liệu tính đến {as_of}",
        "Scope: {scope} · Data as of {as_of}",
    ),
    "export.band_note": (
        "Vùng tô màu: khoảng dự báo 80% theo tốc độ hiện nay",
        "Shaded area: 80% prediction interval at the current pace",
    ),
    "export.sheet_series": ("Số liệu biểu đồ", "Chart data"),
    "export.col.series": ("Đường trên biểu đồ", "Line on the chart"),
    "export.col.quarter": ("Quý", "Quarter"),
    "export.col.value": ("Giá trị (%)", "Value (%)"),
    "export.col.low": ("Cận dưới khoảng dự báo 80% (%)", "80% interval, lower bound (%)"),
    "export.col.high": ("Cận trên khoảng dự báo 80% (%)", "80% interval, upper bound (%)"),
    "export.series.target": ("Mục tiêu {year}", "{year} target"),
    "export.pp_year": ("điểm %/năm", "pp/year"),
    "export.yes": ("Có", "Yes"),
    "export.no": ("Không", "No"),
    # the layout of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I)
    "nd30.number": ("Số: {dots}/BC-{unit}", "No.: {dots}/BC-{unit}"),
    "nd30.place_date": (
        "Hà Nội, ngày {dots} tháng {dots} năm {year}",
        "Hanoi, {dots} {year}",
    ),
    "nd30.kind": ("BÁO CÁO", "REPORT"),
    "nd30.subject": (
        "Kết quả thực hiện các chỉ tiêu chuyển đổi số {period}",
        "Results on the digital transformation indicators, {period}",
    ),
    "nd30.recipients": ("Nơi nhận:", "Recipients:"),
    "nd30.to_ministry": (
        "- Bộ trưởng (để báo cáo);\n- Các Thứ trưởng;\n- Vụ Công chức - Viên chức;\n"
        "- {dots};\n- Lưu: VT, {dots}.",
        "- The Minister (for information);\n- The Deputy Ministers;\n"
        "- Department of Civil Servants and Public Employees;\n- {dots};\n"
        "- Archived: Records office, {dots}.",
    ),
    "nd30.to_unit": (
        "- Lãnh đạo Bộ (để báo cáo);\n- Vụ Công chức - Viên chức (để tổng hợp);\n"
        "- {dots};\n- Lưu: VT, {unit}.",
        "- The Ministry's leaders (for information);\n"
        "- Department of Civil Servants and Public Employees (to compile);\n- {dots};\n"
        "- Archived: Records office, {unit}.",
    ),
    "nd30.sign_ministry": ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "FOR THE MINISTER\nDEPUTY MINISTER"),
    "nd30.sign_unit": ("THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF UNIT"),
    "nd30.sign_hint": ("(Ký, ghi rõ họ tên)", "(Signature, full name)"),
    "report.empty_period": (
        "Chưa có số liệu nào của {unit} trong kỳ {period}: báo cáo không được lập.",
        "{unit} has no figures in the period {period}: no report is made.",
    ),
    "report.empty_period_first": (
        " Kỳ đầu tiên có số liệu: {first}.",
        " The first period with figures: {first}.",
    ),
    "report.no_figures_at_all": (
        "{unit} chưa có số liệu nào: chưa lập được báo cáo.",
        "{unit} has no figures yet: no report can be made.",
    ),
}
