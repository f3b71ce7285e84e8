"""Words about the indicators themselves: their metadata fields and section."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "metadata.title": ("Siêu dữ liệu", "Metadata"),
    "metadata.empty": ("(chưa có thông tin)", "(not given)"),
    "metadata.last_updated": ("Cập nhật lần cuối", "Last updated"),
    "metadata.definition": ("Định nghĩa", "Definition"),
    "metadata.numerator": ("Tử số", "Numerator"),
    "metadata.denominator": ("Mẫu số", "Denominator"),
    "metadata.unit_of_measure": ("Đơn vị tính", "Unit of measure"),
    "metadata.periodicity": ("Kỳ báo cáo", "Periodicity"),
    "metadata.data_source": ("Nguồn số liệu", "Data source"),
    "metadata.method": ("Phương pháp tính", "Method of computation"),
    "metadata.responsible_unit": ("Đơn vị chịu trách nhiệm", "Responsible unit"),
    "metadata.contact": ("Đầu mối liên hệ", "Contact"),
    "metadata.plan_reference": ("Căn cứ trong Kế hoạch", "Plan reference"),
}
