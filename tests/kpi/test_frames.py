"""Column buffers behind read_frame: no database needed."""

from __future__ import annotations

import math

from kpi.storage.frames import _Columns

DTYPES = {"unit_code": "str", "value": "float64", "revision": "int64", "is_demo": "bool"}


def test_rows_beyond_the_count_grow_the_buffers() -> None:
    columns = _Columns(DTYPES)
    columns.reserve(2)  # a commit landed between the count and the read
    columns.add([("VPB", 85.5, 1, False), ("CNCC", None, 2, True)])
    columns.add([("VCCHC", 10.0, 1, 0), ("TTCNTT", 20.0, 3, 1), ("CVTLT", 30.0, 1, 0)])
    frame = columns.frame()
    assert frame["unit_code"].tolist() == ["VPB", "CNCC", "VCCHC", "TTCNTT", "CVTLT"]
    assert math.isnan(frame["value"][1]) and frame["value"][4] == 30.0
    assert frame["revision"].tolist() == [1, 2, 1, 3, 1]
    assert frame["is_demo"].tolist() == [False, True, False, True, False]
    assert str(frame["value"].dtype) == "float64" and str(frame["revision"].dtype) == "int64"


def test_no_rows_give_typed_empty_columns() -> None:
    columns = _Columns(DTYPES)
    columns.reserve(0)
    frame = columns.frame()
    assert frame.empty and list(frame.columns) == list(DTYPES)
    assert str(frame["revision"].dtype) == "int64"


def test_null_in_a_column_that_cannot_hold_it_is_refused() -> None:
    import pytest

    columns = _Columns(DTYPES)
    columns.reserve(1)
    with pytest.raises(ValueError, match="revision"):
        columns.add([("VPB", 1.0, None, False)])
    with pytest.raises(ValueError, match="is_demo"):
        columns.add([("VPB", 1.0, 1, None)])
