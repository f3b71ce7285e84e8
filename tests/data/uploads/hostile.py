"""Hostile and messy upload files, built at test time (small on disk, some huge once opened).

`hostile_files()` returns one `Hostile` per class of the upload-hardening notes (22–30):
the bytes, and what reading them must give: refused with a message code (and row),
or read exactly (a value, a code, a count of rows not reported).
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass, field

from openpyxl import Workbook

HEAD = "indicator_code,unit_code,period,value,numerator,denominator,note"
HEAD6 = "indicator_code,unit_code,period,value,numerator,denominator"
HEAD_VI = "Mã chỉ tiêu;Mã đơn vị;Kỳ báo cáo;Giá trị (%);Tử số;Mẫu số;Ghi chú"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
    'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
    'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass(frozen=True)
class Hostile:
    name: str
    data: bytes
    code: str | None = None  # the problem that refuses it; None: read exactly
    row: int | None = None  # the row the message names
    unreadable: bool = False  # refused whole (exit 2) rather than with cell problems
    values: dict[str, float] = field(default_factory=dict)  # code -> value read
    not_reported: int = 0
    warning: str | None = None  # read, but needs a confirmation


def _text(header: str, rows: list[str]) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def raw_xlsx(sheet_xml: str, shared: list[str] | None = None) -> bytes:
    """A minimal .xlsx written by hand, so a sheet can say anything."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        items = "".join(f"<si><t>{s}</t></si>" for s in shared or [])
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{MAIN_NS}" count="{len(shared or [])}">{items}</sst>',
        )
    return buffer.getvalue()


def _sheet(rows: str, dimension: str = "A1:D2") -> str:
    return (
        f'<worksheet xmlns="{MAIN_NS}"><dimension ref="{dimension}"/>'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def _header_row() -> str:
    cells = "".join(
        f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for c, h in zip("ABCD", ("indicator_code", "unit_code", "period", "value"), strict=True)
    )
    return f'<row r="1">{cells}</row>'


def far_corner() -> bytes:
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return raw_xlsx(_sheet(_header_row() + far, "A1:XFD1048576"))


def lying_dimension() -> bytes:
    return raw_xlsx(_sheet(_header_row(), "A1:XFD1048576"))


def cell_far_in_small_row() -> bytes:
    """The row says 2, the cell says row 1 048 576: the cell decides."""
    return raw_xlsx(_sheet(_header_row() + '<row r="2"><c r="A1048576"><v>1</v></c></row>'))


def shared_string_bomb(length: int, uses: int) -> bytes:
    cells = "".join(
        f'<row r="{r}"><c r="E{r}" t="s"><v>0</v></c></row>' for r in range(2, uses + 2)
    )
    return raw_xlsx(_sheet(_header_row() + cells, f"A1:E{uses + 1}"), ["x" * length])


def _workbook(rows: list[list[object]], formats: dict[str, str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def size_lying_member() -> bytes:
    """A sheet part whose declared expanded size is far below its real size."""
    rows: list[list[object]] = [["indicator_code", "unit_code", "period", "value"]]
    data = bytearray(_workbook([*rows, ["1.1", "VPB", "2025-Q3", 50]]))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("xl/worksheets/sheet1.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 10)  # local header
    central = bytes(data).rfind(b"PK\x01\x02", 0, len(data))
    name = info.filename.encode()
    position = bytes(data).find(b"PK\x01\x02" + b"", 0)
    while position != -1:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if bytes(data[position + 46 : position + 46 + length]) == name:
            struct.pack_into("<I", data, position + 24, 10)  # central directory
            break
        position = bytes(data).find(b"PK\x01\x02", position + 4)
    assert central != -1
    return bytes(data)


def corrupt_member() -> bytes:
    rows = [["indicator_code", "unit_code", "period", "value"]] + [
        ["1.1", "VPB", "2025-Q3", 50]
    ] * 50
    data = bytearray(_workbook(rows))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 60)):
        data[offset] ^= 0x5A
    return bytes(data)


def encrypted_workbook() -> bytes:
    """What Excel writes for a password-protected .xlsx: an OLE file with these streams."""
    magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    streams = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    return magic + b"\x00" * 504 + streams + b"\x00" * 2048


def ods(cells_xml: str) -> bytes:
    """A minimal .ods: one table, rows as given."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="S">{cells_xml}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _ods_text(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def _ods_header() -> str:
    names = ("indicator_code", "unit_code", "period", "value")
    return "<table:table-row>" + "".join(_ods_text(n) for n in names) + "</table:table-row>"


def ods_percent_and_code() -> bytes:
    row = (
        "<table:table-row>"
        '<table:table-cell office:value-type="float" office:value="1.1"><text:p>1.10</text:p>'
        "</table:table-cell>"
        + _ods_text("VPB")
        + _ods_text("2025-Q3")
        + '<table:table-cell office:value-type="percentage" office:value="0.855">'
        "<text:p>85,5%</text:p></table:table-cell></table:table-row>"
    )
    return ods(_ods_header() + row)


def ods_far_corner() -> bytes:
    far = (
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="4"/></table:table-row><table:table-row>'
        '<table:table-cell table:number-columns-repeated="16000"/>'
        '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
        "</table:table-cell></table:table-row>"
    )
    return ods(_ods_header() + far)


def xls_percent_and_code() -> bytes:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    for column, name in enumerate(("indicator_code", "unit_code", "period", "value")):
        sheet.write(0, column, name)
    sheet.write(1, 0, 1.1, xlwt.easyxf(num_format_str="0.00"))
    sheet.write(1, 1, "VPB")
    sheet.write(1, 2, "2025-Q3")
    sheet.write(1, 3, 0.855, xlwt.easyxf(num_format_str="0.0%"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_code_shown_with_decimals() -> bytes:
    rows = [["indicator_code", "unit_code", "period", "value"], [1.1, "VPB", "2025-Q3", 0.5]]
    return _workbook(rows, {"A2": "0.00", "D2": "0%"})


def hostile_files() -> list[Hostile]:
    swallowed = ['1.1,VPB,2025-Q3,50,,,"mở ngoặc không đóng'] + [
        f"1.{i},VPB,2025-Q3,50,,," for i in range(2, 15)
    ]
    return [
        Hostile("far_corner.xlsx", far_corner(), "sheet_too_large", unreadable=True),
        Hostile("lying_dimension.xlsx", lying_dimension(), "sheet_too_large", unreadable=True),
        Hostile("far_cell.xlsx", cell_far_in_small_row(), "sheet_too_large", unreadable=True),
        Hostile(
            "long_string.xlsx", shared_string_bomb(1_000_000, 2), "cell_too_long", unreadable=True
        ),
        Hostile(
            "string_bomb.xlsx", shared_string_bomb(30_000, 4_000), "text_expands", unreadable=True
        ),
        Hostile("size_lying.xlsx", size_lying_member(), "broken_workbook", unreadable=True),
        Hostile("corrupt.xlsx", corrupt_member(), "broken_workbook", unreadable=True),
        Hostile("encrypted.xlsx", encrypted_workbook(), "encrypted_file", unreadable=True),
        Hostile("far_corner.ods", ods_far_corner(), "sheet_too_large", unreadable=True),
        Hostile(
            "million_commas.csv",
            _text(HEAD, ["1.1,VPB,2025-Q3,50,,," + "," * 1_000_000]),
            "line_too_long",
            2,
            unreadable=True,
        ),
        Hostile(
            "million_columns.csv",
            (",".join(["value"] * 200_000) + "\n1\n").encode(),
            "line_too_long",
            1,
            unreadable=True,
        ),
        Hostile("wide.csv", _text(HEAD + "," * 300, []), "too_many_columns", 1, unreadable=True),
        Hostile("many_lines.csv", _text(HEAD, [""] * 250_000), "too_many_rows", unreadable=True),
        Hostile(
            "decimal_comma.csv",
            _text(HEAD6, ["1.1,VPB,2025-Q3,50,,", "1.2,VPB,2025-Q3,48,9,,"]),
            "field_count",
            3,
        ),
        Hostile("open_quote.csv", _text(HEAD, swallowed), "unterminated_quote", 2, unreadable=True),
        Hostile(
            "two_values.csv",
            _text("indicator_code,unit_code,period,value,Giá trị (%)", ["1.1,VPB,2025-Q3,50,60"]),
            "duplicate_column",
            1,
        ),
        Hostile(
            "numerator_alone.csv", _text(HEAD, ["1.1,VPB,2025-Q3,,5,,"]), "counts_incomplete", 2
        ),
        Hostile(
            "huge_count.csv",
            _text(HEAD, ["1.1,VPB,2025-Q3,," + "9" * 400 + ",1,"]),
            "number_too_large",
            2,
        ),
        Hostile(
            "nul_note.csv",
            _text(HEAD, ["1.1,VPB,2025-Q3,50,,,ghi\x00chú"]),
            "control_characters",
            2,
        ),
        Hostile("percent_code.ods", ods_percent_and_code(), values={"1.10": 85.5}),
        Hostile("percent_code.xls", xls_percent_and_code(), values={"1.10": 85.5}),
        Hostile("shown_code.xlsx", xlsx_code_shown_with_decimals(), values={"1.10": 50.0}),
        Hostile(
            "not_ambiguous.csv",
            (HEAD_VI + "\n1.1;VPB;2025-Q3;15.421;;;\n").encode(),
            values={"1.1": 15.421},
        ),
        Hostile(
            "blank_rows.csv",
            _text(HEAD, ["1.1,VPB,2025-Q3,50,,,", "1.2,VPB,2025-Q3,,,,", "1.3,VPB,2025-Q3,-,,,"]),
            values={"1.1": 50.0},
            not_reported=2,
        ),
        Hostile(
            "jump_in_file.csv",
            _text(HEAD, ["1.1,VPB,2025-Q2,10,,,", "1.1,VPB,2025-Q3,95,,,"]),
            values={"1.1": 95.0},
            warning="outlier",
        ),
    ]
