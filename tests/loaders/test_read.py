"""Loaders: numbers, headers, encodings and periods, read into the canonical table."""

from __future__ import annotations

import io
import unicodedata

import pytest
from openpyxl import Workbook

import loaders
from kpi.problems import FileRejected
from kpi.units import Unit, UnitRegistry
from loaders.sniff import Kind
from loaders.text import NumberProblem, TwoReadings, cell_text, parse_number

UNITS = UnitRegistry(
    [
        Unit("BNV", "Bộ Nội vụ", None),
        Unit("VPB", "Văn phòng Bộ", "BNV"),
        Unit("NA", "Cục Nông nghiệp A", "BNV"),
    ]
)
HEADER = "indicator_code,unit_code,period,value,numerator,denominator,note\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("85,5", 85.5),
        ("85.5", 85.5),
        (" 85 ", 85.0),
        ("85,5%", 85.5),
        ("85.5 %", 85.5),
        ("0,855", 0.855),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        (42, 42.0),
        ("\u00a085\u00a0", 85.0),
    ],
)
def test_numbers_by_the_stated_rule(raw: object, expected: float) -> None:
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw", ["", "-", "NA", "n/a", "null", None, float("nan")])
def test_missing_markers(raw: object) -> None:
    assert parse_number(raw) is None


def test_not_a_number_refused_not_guessed() -> None:
    assert parse_number("abc") == NumberProblem("not_a_number")


@pytest.mark.parametrize(
    ("raw", "decimal", "thousands"), [("1.234", 1.234, 1234.0), ("1,234", 1.234, 1234.0)]
)
def test_one_separator_and_three_digits_has_two_readings(
    raw: str, decimal: float, thousands: float
) -> None:
    assert parse_number(raw) == TwoReadings(decimal, thousands)


def test_codes_stay_text() -> None:
    assert cell_text("1.10") == "1.10"
    assert cell_text(2.0) == "2"


def _read_csv(body: str, encoding: str = "utf-8") -> loaders.LoadResult:
    return loaders.read(body.encode(encoding), "x.csv", UNITS)


def test_vietnamese_headers_any_case_without_diacritics() -> None:
    text = "MA CHI TIEU;mã đơn vị;KỲ BÁO CÁO;Gia tri (%);Ghi chú\n1.10;VPB;Quý III/2025;85,5;ổn\n"
    result = _read_csv(text)
    row = result.frame.iloc[0]
    assert result.kind is Kind.CSV
    assert (row["indicator_code"], row["unit_code"], row["period"]) == ("1.10", "VPB", "2025-Q3")
    assert row["value"] == 85.5
    assert row["source_row"] == 2


@pytest.mark.parametrize(
    "period", ["2025-Q3", "2025Q3", "Q3/2025", "Q3-2025", "Quý 3/2025", "Quý III năm 2025"]
)
def test_every_period_form(period: str) -> None:
    result = _read_csv(HEADER + f"1.1,VPB,{period},50,,,\n")
    assert result.frame["period"].tolist() == ["2025-Q3"]


def test_unit_by_full_name_and_unit_coded_na() -> None:
    result = _read_csv(HEADER + "1.1,Văn phòng Bộ,2025-Q3,50,,,\n1.2,NA,2025-Q3,NA,3,4,\n")
    assert result.frame["unit_code"].tolist() == ["VPB", "NA"]
    assert result.frame["value"].isna().tolist() == [False, True]
    assert result.frame["numerator"].tolist()[1] == 3


def test_cp1258_and_nfd_become_nfc() -> None:
    nfd = "Ghi chu\u0301 da\u0300i"
    result = _read_csv(HEADER + f"1.1,VPB,2025-Q3,50,,,{nfd}\n", "utf-8-sig")
    assert result.frame["note"].tolist() == ["Ghi chú dài"]
    legacy = loaders.read(_cp1258(HEADER + "1.1,VPB,2025-Q3,50,,,Đã kiểm tra\n"), "x.csv", UNITS)
    assert legacy.frame["note"].tolist() == ["Đã kiểm tra"]


def _cp1258(text: str) -> bytes:
    """cp1258 as Windows writes it: precomposed where the code page has it, else base + mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            try:
                out += unicodedata.normalize("NFC", base + "".join(marks[:-1])).encode("cp1258")
                out += marks[-1].encode("cp1258")
            except UnicodeEncodeError:
                out += (base + "".join(marks)).encode("cp1258")
    return out


def test_legacy_font_text_refused() -> None:
    with pytest.raises(FileRejected) as caught:
        _read_csv(HEADER + "1.1,VPB,2025-Q3,50,,,§· kiÓm tra sè liÖu\n", "latin-1")
    assert "lưu lại dưới dạng Unicode UTF-8" in caught.value.problem.text("vi")


def test_excel_percent_cells_and_header_under_titles() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["BÁO CÁO SỐ LIỆU QUÝ III/2025"])
    sheet.append([])
    sheet.append(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ báo cáo", "Giá trị (%)"])
    sheet.append(["1.10", "VPB", "2025-Q3", 0.855])
    sheet["D4"].number_format = "0.0%"
    buffer = io.BytesIO()
    book.save(buffer)
    result = loaders.read(buffer.getvalue(), "q3.xlsx", UNITS)
    row = result.frame.iloc[0]
    assert result.kind is Kind.XLSX
    assert row["value"] == pytest.approx(85.5)
    assert (row["indicator_code"], row["source_row"]) == ("1.10", 4)


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02garbage\xff" * 50, b"PK\x03\x04broken"])
def test_unreadable_bytes_refused(data: bytes) -> None:
    with pytest.raises(FileRejected):
        loaders.read(data, "x.xlsx", UNITS)


def test_fast_and_full_number_paths_agree_in_one_column() -> None:
    body = "".join(
        f"1.{i},VPB,2025-Q{q},{v},,,\n"
        for i, (q, v) in enumerate(
            [
                (1, '"85,5"'),
                (1, '" 85 "'),
                (1, "85.5 %"),
                (1, "1.234"),
                (1, '"0,855"'),
                (2, "12.3456"),
            ],
            start=1,
        )
    )
    body += "1.9,VPB,2025-Q2,,1.234,2000,\n"  # a count: 1.234 and 1234 both fit
    result = _read_csv(HEADER + body)
    values = result.frame["value"].tolist()
    # as a percentage 1.234 cannot mean 1234: it is read, not refused
    assert values[:3] == [85.5, 85.0, 85.5] and values[3:6] == [1.234, 0.855, 12.3456]
    assert [(p.row, p.column, p.code, p.value) for p in result.problems] == [
        (8, "numerator", "ambiguous_number", "1.234")
    ]


CSV_BODY = '1.1,VPB,2025-Q3,"85,5",,,"dòng một\ndòng hai"\n1.2,VPB,Quý III/2025,40,,,\n'


@pytest.mark.parametrize(
    ("prefix", "first_row"),
    [
        ("", 2),  # rectangular: Arrow's reader
        ("BÁO CÁO SỐ LIỆU QUÝ III\n\n", 4),  # a title and a blank line: the padded reader
    ],
)
def test_csv_readers_agree_and_number_rows_as_excel(prefix: str, first_row: int) -> None:
    """A quoted note spanning two lines is one row, as Excel shows it."""
    data = (prefix + HEADER + CSV_BODY).encode("utf-8")
    frame = loaders.read(data, "q.csv", UNITS).frame
    assert frame["source_row"].tolist() == [first_row, first_row + 1]
    assert frame["value"].tolist() == [85.5, 40.0]
    assert frame["period"].tolist() == ["2025-Q3", "2025-Q3"]
    assert frame["note"].tolist()[0] == "dòng một\ndòng hai"
