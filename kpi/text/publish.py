"""The words of the open-data package `kpi publish` writes (titles and descriptions)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "publish.title": (
        "Chỉ tiêu chuyển đổi số Bộ Nội vụ (Phụ lục I, Nghị quyết 71/NQ-CP)",
        "Digital-transformation indicators of the Ministry of Home Affairs "
        "(Annex I, Resolution 71/NQ-CP)",
    ),
    "publish.title_demo": (
        " — CÓ DỮ LIỆU MINH HỌA (cột is_demo)",
        " — WITH DEMO DATA (column is_demo)",
    ),
    "publish.description": (
        "Số liệu, siêu dữ liệu và trạng thái tiến độ đến năm 2030",
        "Figures, metadata and progress statuses towards 2030",
    ),
    "publish.description_as_of": (", số liệu đến {as_of}", ", figures up to {as_of}"),
    "publish.description_made": (". Xuất ngày {day}.", ". Exported on {day}."),
    "publish.source_plan": (
        "Kế hoạch của Bộ Nội vụ thực hiện Nghị quyết số 71/NQ-CP, Phụ lục I",
        "The Ministry of Home Affairs' Plan implementing Resolution 71/NQ-CP, Annex I",
    ),
    "publish.source_plan_about": (
        "Danh mục chỉ tiêu, mục tiêu đến năm 2030, đơn vị chủ trì và phối hợp.",
        "The indicator catalogue, the 2030 targets, the lead and supporting units.",
    ),
    "publish.source_figures": (
        "Số liệu hằng quý do các đơn vị thuộc và trực thuộc Bộ nộp vào KPI Monitor",
        "Quarterly figures the Ministry's units submit to KPI Monitor",
    ),
    "publish.source_figures_about": (
        "Mỗi số liệu là bản sửa mới nhất; lịch sử sửa đổi được lưu trong hệ thống.",
        "Each figure is the latest revision; the revision history is kept in the system.",
    ),
    "publish.indicators": ("Danh mục chỉ tiêu và siêu dữ liệu", "Indicator catalogue and metadata"),
    "publish.indicators_about": (
        "16 chỉ tiêu của Phụ lục I; ô trống là thông tin Kế hoạch chưa nêu.",
        "The 16 indicators of Annex I; an empty cell is something the Plan does not state.",
    ),
    "publish.ministry": ("Số liệu toàn Bộ", "Ministry figures"),
    "publish.ministry_about": (
        "Số liệu của Bộ theo quý: số báo cáo trực tiếp hoặc tổng hợp, kèm độ bao phủ.",
        "The Ministry's figures by quarter: reported directly or rolled up, with coverage.",
    ),
    "publish.units": ("Số liệu của các đơn vị", "Unit figures"),
    "publish.units_about": (
        "Số liệu hiện hành (bản sửa mới nhất) của từng đơn vị theo quý.",
        "Each unit's current figures (latest revision) by quarter.",
    ),
    "publish.statuses": ("Trạng thái tiến độ", "Progress statuses"),
    "publish.statuses_about": (
        "Tiến độ đến 2030: toàn Bộ (BNV) và từng chuỗi số liệu của đơn vị.",
        "Progress towards 2030: the whole Ministry (BNV) and every unit series.",
    ),
}
