"""Write the upload fixture files (the worst files a tired officer could send).

Run `python tests/data/uploads/make_fixtures.py` to rebuild them; the files are committed.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
HEAD_VI = "Mã chỉ tiêu;Tên chỉ tiêu;Mã đơn vị;Kỳ báo cáo;Giá trị (%);Tử số;Mẫu số;Ghi chú"


def to_cp1258(text: str) -> bytes:
    """cp1258 holds some letters precomposed and the rest as letter + combining mark."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        for i, mark in enumerate(marks):  # compose the base with one mark, keep the other
            head = unicodedata.normalize("NFC", base + mark)
            rest = marks[:i] + marks[i + 1 :]
            try:
                out += head.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += parts.encode("cp1258")
    return out


def write(name: str, text: str, encoding: str = "utf-8") -> None:
    data = to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    (HERE / name).write_bytes(data)


def csv_files() -> None:
    write("01_empty.csv", "")
    write("01_header_only.csv", HEAD_VI + "\n")
    write("01_missing_columns.csv", "Mã chỉ tiêu;Mã đơn vị;Giá trị (%)\n1.1;VPB;50\n")
    write(
        "01_extra_columns.csv",
        "Mã chỉ tiêu;Mã đơn vị;Kỳ báo cáo;Giá trị (%);Người lập\n1.1;VPB;2025-Q3;50;Lan\n",
    )
    write("02_csv_renamed.xlsx", "indicator_code,unit_code,period,value\n1.2,VPB,2025-Q3,61.5\n")
    (HERE / "02_garbage.xlsx").write_bytes(bytes(range(256)) * 8)
    write(
        "03_utf8_bom.csv",
        HEAD_VI + "\n1.1;x;Văn phòng Bộ;Quý III/2025;50,5;;;ghi chú\n",
        "utf-8-sig",
    )
    write(
        "03_cp1258.csv", HEAD_VI + "\n1.1;x;Văn phòng Bộ;Quý III/2025;50,5;;;Đã rà soát\n", "cp1258"
    )
    nfd = unicodedata.normalize("NFD", HEAD_VI + "\n1.1;x;Văn phòng Bộ;Quý III năm 2025;50,5;;;\n")
    write("03_nfd.csv", nfd)
    # 'Tỷ lệ sử dụng' typed with a TCVN3 (.VnTime) font, saved as Unicode
    write("03_tcvn3.csv", HEAD_VI + "\n1.1;Tû lÖ sö dông;VPB;2025-Q3;50;;;Tû lÖ ®¹t\n")
    write("04_comma.csv", "indicator_code,unit_code,period,value,note\n1.1,VPB,2025-Q3,50.5,\n")
    write("04_semicolon.csv", HEAD_VI + "\n1.1;x;VPB;2025-Q3;50,5;;;\n")
    write(
        "05_numbers.csv",
        HEAD_VI + "\n"
        "1.1;x;VPB;2025-Q3;85,5;;;\n1.2;x;VPB;2025-Q3;85,5%;;;\n"
        "1.3;x;VPB;2025-Q3;85.5 %;;;\n1.4;x;VPB;2025-Q3; 85 ;;;\n"
        "1.5;x;VPB;2025-Q3;;855;1000;\n",
    )
    # a count of 1.234 or 1234? both fit a count; as a percentage 1.234 would be read
    write(
        "05_ambiguous.csv", HEAD_VI + "\n1.1;x;VPB;2025-Q3;50;;;\n1.2;x;VPB;2025-Q3;;1.234;2000;\n"
    )
    write(
        "06_missing_markers.csv",
        HEAD_VI + "\n"
        "1.1;x;NA;2025-Q3;-;50;100;\n1.2;x;NA;2025-Q3;N/A;60;100;\n"
        "1.3;x;NA;2025-Q3;null;70;100;\n1.4;x;NA;2025-Q3;NA;80;100;\n"
        "1.5;x;NA;2025-Q3;;90;100;\n",
    )
    write(
        "08_values.csv",
        HEAD_VI + "\n1.1;x;VPB;2025-Q3;120;;;\n1.2;x;VPB;2025-Q3;-5;;;\n1.3;x;VPB;2025-Q3;abc;;;\n",
    )
    write(
        "09_counts.csv",
        HEAD_VI + "\n1.1;x;VPB;2025-Q3;;120;100;\n"
        "1.2;x;VPB;2025-Q3;50;40;100;\n1.3;x;VPB;2025-Q3;40,04;4004;10000;\n",
    )
    write(
        "10_refs.csv",
        HEAD_VI + "\n9.9;x;VPB;2025-Q3;50;;;\n1.1;x;KHONGCO;2025-Q3;50;;;\n"
        "1.2;x;VPB;Q5/2025;50;;;\n1.3;x;VPB;2025-13;50;;;\n1.4;x;VPB;2019-Q4;50;;;\n"
        "1.5;x;VPB;2031-Q1;50;;;\n",
    )
    write(
        "11_duplicates.csv",
        HEAD_VI + "\n1.1;x;VPB;2025-Q3;50;;;\n1.2;x;VPB;2025-Q3;50;;;\n"
        "1.1;x;Văn phòng Bộ;Q3/2025;51;;;\n",
    )
    write("12_previous.csv", HEAD_VI + "\n1.1;x;VPB;2025-Q2;40;;;\n")
    write("12_outlier.csv", HEAD_VI + "\n1.1;x;VPB;2025-Q3;75;;;\n")
    rows = [
        f"{code};x;{unit};2025-Q3;{50 + i % 40}.5;;;"
        for i, (code, unit) in enumerate(
            (c, u)
            for u in (
                "VPB",
                "TTCNTT",
                "VPC",
                "CVTLT",
                "CNCC",
                "VCCVC",
                "VTCCB",
                "VCCHC",
                "VTCBC",
                "VCQDP",
                "VKHTC",
                "VHTQT",
                "VTCPCP",
                "CVL",
                "CQLLDNN",
                "CTLBHXH",
                "BTDKT",
                "VKHTCNN",
                "TCTCNN",
            )
            for c in (
                "1.1",
                "1.2",
                "1.3",
                "1.4",
                "1.5",
                "1.6",
                "1.7",
                "1.8",
                "1.9",
                "1.10",
                "1.11",
                "1.12",
                "1.13",
                "1.14",
                "1.15",
                "2",
            )
        )
    ][:300]
    rows[217] = rows[217].replace("2025-Q3", "2025-Q5")
    write("13_one_bad_row.csv", HEAD_VI + "\n" + "\n".join(rows) + "\n")


def workbook_files() -> None:
    book = Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "Nháp"
    hidden.append(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ báo cáo", "Giá trị (%)"])
    hidden.append(["1.1", "VPB", "2025-Q3", 1])
    hidden.sheet_state = "hidden"
    sheet = book.create_sheet("Báo cáo")
    sheet.append(["BÁO CÁO SỐ LIỆU CHỈ TIÊU CHUYỂN ĐỔI SỐ QUÝ III/2025"])
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(
        [
            "Mã chỉ tiêu",
            "Tên chỉ tiêu",
            "Mã đơn vị",
            "Kỳ báo cáo",
            "Giá trị (%)",
            "Tử số",
            "Mẫu số",
            "Ghi chú",
        ]
    )
    sheet.append(
        ["1.10", "Giám sát nhiệm vụ", "Văn phòng Bộ", "Quý III/2025", 0.855, None, None, None]
    )
    sheet["E4"].number_format = "0.0%"
    sheet.append(["1.2", "x", "VPB", "Q3/2025", "62,5", None, None, None])
    sheet["H5"].value = '=HYPERLINK("http://x","<script>")'
    sheet["H5"].data_type = "s"  # typed text, not a formula
    book.save(HERE / "01_title_rows.xlsx")

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ báo cáo", "Giá trị (%)", "Tử số", "Mẫu số"])
    sheet.append(["1.1", "VPB", "2025-Q3", "=E2/F2*100", 50, 100])
    sheet.append(["1.2", "VPB", "2025-Q3", "=E3/F3*100", 60, 100])
    book.save(HERE / "07_formula.xlsx")

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "application/vnd.ms-excel.sheet.macroEnabled")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/vbaProject.bin", b"\x00" * 64)
    (HERE / "02_macro.xlsm").write_bytes(buffer.getvalue())

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (300 * 1024 * 1024))
    (HERE / "02_zip_bomb.xlsx").write_bytes(buffer.getvalue())


if __name__ == "__main__":
    csv_files()
    workbook_files()
