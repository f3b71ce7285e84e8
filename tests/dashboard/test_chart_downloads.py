"""The indicator page's downloads (issue 19): the chart as an image that says what it shows,
and its data as the lines drawn, with the demo mark. The files are made on a click
(deferred), so the test keeps the callables Streamlit registers and calls them."""

from __future__ import annotations

import csv
import io
import struct
from collections.abc import Callable

import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager

from kpi.formatting import day_label, quarter_label
from kpi.periods import last_ended_quarter, local_today
from tests.dashboard.conftest import AppFactory

Files = dict[str, Callable[[], bytes]]
DEMO_VI = "Dữ liệu minh họa — không phải số liệu thật"
LINES_VI = {"Số thực tế", "Lộ trình cần thiết", "Dự báo theo tốc độ hiện nay", "Mục tiêu 2030"}
HEADERS_VI = [
    "Đường trên biểu đồ",
    "Quý",
    "Giá trị (%)",
    "Cận dưới khoảng dự báo 80% (%)",
    "Cận trên khoảng dự báo 80% (%)",
]


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    """File name -> the callable behind its download button (the latest run's)."""
    found: Files = {}
    original = MediaFileManager.add_deferred

    def keep(self: MediaFileManager, data: Callable[[], bytes], *args: object, **kw: object) -> str:
        name = kw.get("file_name") or (args[2] if len(args) > 2 else None)
        found[str(name)] = data
        return original(self, data, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return found


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_ministry_chart_downloads(open_page: AppFactory, files: Files) -> None:
    at = open_page("indicator.py")
    labels = [b.proto.label for b in at.get("download_button")]
    # the chart's four files, then the revision history's CSV
    assert labels == ["Biểu đồ PNG", "Biểu đồ SVG", "Số liệu CSV", "Số liệu XLSX", "Tải CSV"]
    as_of = quarter_label(last_ended_quarter(), "vi")
    svg = files["chi-tieu-1.1-BNV.svg"]().decode("utf-8")
    for words in (
        "Lộ trình thực hiện chỉ tiêu 1.1 đến năm 2030",
        "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp",
        f"Phạm vi: Toàn Bộ Nội vụ · Số liệu tính đến {as_of}",
        f"Nguồn: KPI Monitor, Bộ Nội vụ · Lập ngày {day_label(local_today())}",
        DEMO_VI,
    ):
        assert words in svg, words
    assert "@font-face" in svg and "Source Sans Pro" not in svg
    png = files["chi-tieu-1.1-BNV.png"]()
    assert png.startswith(b"\x89PNG") and 1100 <= struct.unpack(">I", png[16:20])[0] <= 1300

    rows = _csv_rows(files["chi-tieu-1.1-BNV.csv"]())
    assert rows[0] == [DEMO_VI] and rows[1] == HEADERS_VI
    assert {r[0] for r in rows[2:]} == LINES_VI  # the lines drawn, never unit rows
    assert not any("_" in cell for cell in rows[1])
    assert rows[-1][:3] == ["Mục tiêu 2030", "Quý 4/2030", "80.0"]
    projection = [r for r in rows if r[0] == "Dự báo theo tốc độ hiện nay"]
    assert projection and all(float(r[3]) <= float(r[2]) <= float(r[4]) for r in projection)

    book = load_workbook(io.BytesIO(files["chi-tieu-1.1-BNV.xlsx"]()))
    sheet = book["Số liệu biểu đồ"]
    cells = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert DEMO_VI in cells and "Lộ trình thực hiện chỉ tiêu 1.1 đến năm 2030" in cells
    top = next(c.row for c in sheet["A"] if c.value == HEADERS_VI[0])
    assert [c.value for c in sheet[top]] == HEADERS_VI
    assert sheet.cell(row=top + 1, column=3).number_format == '0.00"%"'


def test_a_unit_chart_in_english(open_page: AppFactory, files: Files) -> None:
    at = open_page("indicator.py", lang="en")
    at.selectbox(key="ind_unit.en").set_value("VPB").run()
    assert not at.exception, [e.value for e in at.exception]
    svg = files["chi-tieu-1.1-VPB.svg"]().decode("utf-8")
    assert "Indicator 1.1: the path to 2030" in svg
    assert "Scope: Ministry Office · Data as of" in svg and "Demo data" in svg
    assert "Source: KPI Monitor, Ministry of Home Affairs" in svg
    rows = _csv_rows(files["chi-tieu-1.1-VPB.csv"]())
    assert rows[1] == [
        "Line on the chart",
        "Quarter",
        "Value (%)",
        "80% interval, lower bound (%)",
        "80% interval, upper bound (%)",
    ]
    assert {r[0] for r in rows[2:]} <= {
        "Actual",
        "Required path",
        "Projection at current pace",
        "2030 target",
    }
    assert all(r[1].startswith("Q") for r in rows[2:])  # 'Q3 2025'
