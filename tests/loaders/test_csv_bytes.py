"""The CSV reader works on the file's bytes: each rule read the same as the text did."""

from __future__ import annotations

import pytest

import loaders
from kpi.problems import FileRejected
from kpi.units import Unit, UnitRegistry
from loaders.csv_reader import bounded_lines, read_csv, utf8_body
from loaders.limits import Limits

UNITS = UnitRegistry([Unit("BNV", "Bộ Nội vụ", None), Unit("VPB", "Văn phòng Bộ", "BNV")])
HEADER = "indicator_code,unit_code,period,value,numerator,denominator,note"
ROWS = ["1.1,VPB,2025-Q3,50,,,", "1.2,VPB,2025-Q3,60,,,ghi chú", "2,VPB,2025-Q3,70,7,10,"]


def _frame(text: str) -> list[tuple[object, ...]]:
    frame = loaders.read(text.encode("utf-8"), "x.csv", UNITS).frame
    return list(frame[["indicator_code", "value", "note", "source_row"]].itertuples(index=False))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_break_reads_alike(newline: str) -> None:
    assert _frame(newline.join([HEADER, *ROWS]) + newline) == _frame("\n".join([HEADER, *ROWS]))


def test_mixed_line_breaks_count_rows_as_excel() -> None:
    text = HEADER + "\r\n" + ROWS[0] + "\r" + ROWS[1] + "\n" + ROWS[2]
    assert [r[3] for r in _frame(text)] == [2, 3, 4]


def test_blank_lines_are_skipped_and_rows_keep_their_numbers() -> None:
    text = "\n".join([HEADER, ROWS[0], "", ",,,,,,", " ; ", ROWS[1], "", ""]) + "\n\n"
    result = loaders.read(text.encode("utf-8"), "x.csv", UNITS)
    assert result.frame["source_row"].tolist() == [2, 6]
    assert [p.code for p in result.problems] == ["field_count"]  # ' ; ' is a one-field row
    assert result.problems[0].row == 5


def test_odd_lines_are_refused_by_row_and_the_rest_still_read() -> None:
    text = "\n".join([HEADER, ROWS[0], "1.2,VPB,2025-Q3,60,5", ROWS[2], "1.3,VPB,2025-Q3,8,5,,,"])
    grid = read_csv(text.encode("utf-8"))
    found = [(p.row, p.params["found"], p.params["hint"]) for p in grid.problems]
    assert found == [(3, 5, ""), (5, 8, "decimal_comma")]
    assert grid.cells.shape == (5, 7)
    assert grid.cells.iloc[2].tolist() == [""] * 7  # the odd line is blanked, not shifted
    assert grid.cells.iloc[3].tolist() == ROWS[2].split(",")


def test_a_file_without_a_final_line_break_and_one_with_several() -> None:
    one = "\n".join([HEADER, *ROWS])
    assert _frame(one) == _frame(one + "\n") == _frame(one + "\n\n\n")


def test_title_rows_above_the_header_are_kept_and_numbered() -> None:
    text = "\n".join(["BÁO CÁO QUÝ III", "", HEADER, *ROWS])
    assert [r[3] for r in _frame(text)] == [4, 5, 6]


def test_line_length_is_counted_in_characters_not_bytes() -> None:
    limits = Limits(max_line_chars=40)
    fits = "ệ" * 40  # 120 bytes, 40 characters
    assert len(bounded_lines(utf8_body(f"a\n{fits}\n".encode()), limits)) == 2
    with pytest.raises(FileRejected) as refused:
        bounded_lines(utf8_body(f"a\n{fits}\nb\n{fits}ệ\n".encode()), limits)
    assert (refused.value.problem.code, refused.value.problem.row) == ("line_too_long", 4)


def test_too_many_lines_refused_before_any_is_built() -> None:
    with pytest.raises(FileRejected) as refused:
        bounded_lines(b"a\n" * 1_200, Limits(max_rows=100))
    assert refused.value.problem.code == "too_many_rows"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfabc,d\n", b"abc,d\n"),  # BOM gone, ASCII kept as it is
        ("Ghi chú".encode(), "Ghi chú".encode()),
        ("Ghi chu\u0301".encode(), "Ghi chú".encode()),  # NFD becomes NFC
        (b"\xd0\xe0 ki\xd2m", "Đà kỉm".encode()),  # cp1258 (base + mark) becomes NFC UTF-8
    ],
)
def test_the_body_is_nfc_utf8_without_a_bom(data: bytes, expected: bytes) -> None:
    assert utf8_body(data) == expected


def test_lines_hold_exact_text() -> None:
    lines = bounded_lines("x,ý\r\n\r\nz".encode(), Limits())
    assert [lines.text(i) for i in range(len(lines))] == ["x,ý", "", "z"]
    assert lines.head(2) == ["x,ý", ""]
    assert len(bounded_lines(b"", Limits())) == 0
