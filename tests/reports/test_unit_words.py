"""A report names its unit as the dashboard's lists do, and the ministry one way."""

from __future__ import annotations

import pytest

from reports.text import report_unit


@pytest.mark.parametrize(
    ("code", "name", "is_root", "lang", "shown"),
    [
        ("BNV", "Bộ Nội vụ", True, "vi", "Toàn Bộ Nội vụ"),
        ("BNV", "Bộ Nội vụ", True, "en", "Whole Ministry of Home Affairs"),
        ("VPB", "Văn phòng Bộ", False, "vi", "VPB · Văn phòng Bộ"),
        ("VPB", "Văn phòng Bộ", False, "en", "VPB · Văn phòng Bộ"),
    ],
)
def test_report_unit_line(code: str, name: str, is_root: bool, lang: str, shown: str) -> None:
    assert report_unit(code, name, is_root, lang) == shown
