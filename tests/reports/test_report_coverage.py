"""The report gives the coverage of every rolled-up figure beside it (methodology v2)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from kpi.catalogue import Catalogue
from kpi.periods import parse_report_period
from kpi.services.reporting import build_report
from kpi.storage import Storage
from reports.xlsx import write_xlsx
from tests.kpi.services.helpers import rising, upload


def test_the_data_sheet_says_who_was_summed(storage: Storage, catalogue: Catalogue) -> None:
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2) + rising("1.1", "TTCNTT", 70, 1, False))
    report = build_report(storage, catalogue, parse_report_period("2026-H2"))
    one = {r.code: r for r in report.rows}["1.1"]
    assert one.units_with_counts == ("VPB",) and one.units_value_only == ("TTCNTT",)
    assert set(catalogue["1.1"].lead_unit_codes) <= set(one.units_expected)
    book = load_workbook(io.BytesIO(write_xlsx(report, {})))
    sheet = book.worksheets[1]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    head = next(r for r in rows if "Độ phủ (đơn vị có số liệu)" in r)
    column = head.index("Độ phủ (đơn vị có số liệu)")
    line = next(r for r in rows if r[0] == "1.1")
    expected = len(one.units_expected)
    assert line[column] == f"1/{expected} đơn vị; 1 đơn vị chỉ báo tỷ lệ"
