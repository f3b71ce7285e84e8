"""Jumps against neighbouring quarters, joined on one integer per series and quarter."""

from __future__ import annotations

import pandas as pd

from kpi.services.outliers import outlier_warnings


def _file(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indicator_code", "unit_code", "period", "value"])
    frame["source_row"] = range(2, len(frame) + 2)
    return frame.astype({"indicator_code": "str", "unit_code": "str", "period": "str"})


def _stored(rows: list[tuple[str, str, int, float, str]]) -> pd.DataFrame:
    columns = ["indicator_code", "unit_code", "period_index", "value", "period"]
    return pd.DataFrame(rows, columns=columns)


def test_jumps_in_the_file_against_stored_and_around_a_back_filled_quarter() -> None:
    q3, q1 = 2025 * 4 + 2, 2026 * 4
    stored = _stored(
        [
            ("1.1", "VPB", q3, 40.0, "2025-Q3"),  # before the file's 2025-Q4
            ("1.1", "T01", q1, 10.0, "2026-Q1"),  # after a back-filled 2025-Q4
            ("9.9", "VPB", q3, 0.0, "2025-Q3"),  # an indicator the file does not hold
            ("1.2", "ZZZ", q3, 0.0, "2025-Q3"),  # nor this unit
        ]
    )
    frame = _file(
        [
            ("1.1", "VPB", "2025-Q4", 90.0),  # +50 against the stored quarter
            ("1.1", "VPB", "2026-Q1", 20.0),  # -70 against the file's own 2025-Q4
            ("1.1", "T01", "2025-Q4", 60.0),  # 50 above the stored quarter after it
            ("1.2", "VPB", "2025-Q4", 55.0),  # no neighbour anywhere
        ]
    )
    found = [(w.code, w.row, w.params) for w in outlier_warnings(stored, frame, 20.0)]
    assert found == [
        ("outlier", 2, {"delta": 50.0, "previous": 40.0, "period": "2025-Q3"}),
        ("outlier", 3, {"delta": -70.0, "previous": 90.0, "period": "2025-Q4"}),
        ("outlier_next", 4, {"delta": 50.0, "previous": 10.0, "period": "2026-Q1"}),
    ]


def test_no_jump_below_the_threshold_or_without_a_value() -> None:
    stored = _stored([("1.1", "VPB", 2025 * 4 + 2, 40.0, "2025-Q3")])
    frame = _file([("1.1", "VPB", "2025-Q4", 55.0), ("1.1", "VPB", "2026-Q1", float("nan"))])
    assert outlier_warnings(stored, frame, 20.0) == []
    assert outlier_warnings(stored, frame.iloc[:0], 20.0) == []
