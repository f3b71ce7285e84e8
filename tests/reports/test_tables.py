from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from reports.tables import safe_text, to_csv_bytes, to_xlsx_bytes


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("bình thường", "bình thường"),
        (12.5, 12.5),
        (None, None),
    ],
)
def test_safe_text(raw: object, expected: object) -> None:
    assert safe_text(raw) == expected


def test_exports_keep_numbers_numeric_and_prefix_text() -> None:
    frame = pd.DataFrame({"note": ["=1+1", "ok"], "value": [85.5, -3.0]})
    text = to_csv_bytes(frame).decode("utf-8-sig")
    assert "'=1+1" in text and "-3.0" in text
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame)))
    sheet = book.active
    assert sheet is not None
    assert sheet["A2"].value == "'=1+1" and sheet["B2"].value == 85.5
    assert sheet["B3"].value == -3.0
