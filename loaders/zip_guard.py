"""Bounded look inside zip-based workbooks (.xlsx, .ods) before any library parses them.

Every part is read through its checksum with its expanded size capped, so corrupt
or size-lying parts become messages. Sheets are scanned by regular expressions
over the bytes (never a tree): the declared dimension, the real cell positions and
how much text the shared strings expand to when cells repeat them.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections import Counter

from kpi.problems import FileRejected, Problem
from loaders.limits import Limits, too_big

CHUNK = 1 << 20
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\b[^>]*?\bref="\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?"'
)
_CELL_ROWS = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="[A-Z]{1,3}(\d+)"')
_CELL_COLUMNS = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]+)\d')
_ROW_NUMBERS = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_SHARED_USES = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>\s*(\d+)\s*<')
_STRING_ITEM = re.compile(rb"<(?:\w+:)?si\b")
BYTES_PER_CHAR = 8  # UTF-8, escapes and rich-text runs: a generous bound per character


def column_number(letters: bytes | str) -> int:
    text = letters.decode() if isinstance(letters, bytes) else letters
    number = 0
    for char in text:
        number = number * 26 + ord(char) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def broken(code: str = "broken_workbook") -> FileRejected:
    return FileRejected(Problem(code))


def read_members(
    archive: zipfile.ZipFile, limits: Limits, keep: tuple[str, ...]
) -> dict[str, bytes]:
    """Read every part through its checksum (sizes capped); return the parts named in
    `keep` (a prefix each)."""
    kept: dict[str, bytes] = {}
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise broken("encrypted_file")
        if info.file_size > limits.max_member_bytes:
            raise too_big("zip_bomb", size_mb=info.file_size // 2**20)
        wanted = info.filename.startswith(keep)
        chunks: list[bytes] = []
        try:
            with archive.open(info) as member:
                while chunk := member.read(CHUNK):
                    if wanted:
                        chunks.append(chunk)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            NotImplementedError,
            RuntimeError,
            ValueError,
            OSError,
        ) as exc:
            raise broken() from exc
        if wanted:
            kept[info.filename] = b"".join(chunks)
    return kept


def _refuse_area(sheet: str, rows: int, columns: int, limits: Limits) -> None:
    cell = f"{column_letters(max(columns, 1))}{rows}"
    too_wide = columns > limits.max_columns
    if too_wide or rows > limits.max_lines or rows * columns > limits.max_cells:
        raise too_big(
            "sheet_too_large",
            sheet=sheet,
            cell=cell,
            rows=limits.max_lines,
            columns=limits.max_columns,
        )


def _max_int(found: list[bytes]) -> int:
    return max((int(v) for v in set(found)), default=0)


def scan_sheet(name: str, xml: bytes, string_sizes: list[int], limits: Limits) -> None:
    """Refuse a sheet whose declared or real extent, or whose repeated shared text,
    would not fit the caps once a library expands it."""
    declared = _DIMENSION.search(xml[:4096])
    if declared:
        letters, digits = (
            declared.group(3) or declared.group(1),
            declared.group(4) or declared.group(2),
        )
        _refuse_area(name, int(digits), column_number(letters), limits)
    rows = max(_max_int(_CELL_ROWS.findall(xml)), _max_int(_ROW_NUMBERS.findall(xml)))
    letters = set(_CELL_COLUMNS.findall(xml))
    columns = max((column_number(c) for c in letters), default=0)
    _refuse_area(name, rows, columns, limits)
    uses = Counter(int(i) for i in _SHARED_USES.findall(xml))
    expanded = sum(string_sizes[i] * n for i, n in uses.items() if i < len(string_sizes))
    if expanded > limits.max_text_chars:
        raise too_big("text_expands", sheet=name, size_mb=expanded // 2**20)


def shared_string_sizes(xml: bytes, limits: Limits) -> list[int]:
    """Bytes of each shared string item (an upper bound of its text)."""
    starts = [m.start() for m in _STRING_ITEM.finditer(xml)]
    ends = [*starts[1:], len(xml)] if starts else []
    sizes = [end - start for start, end in zip(starts, ends, strict=True)]
    if sizes and max(sizes) > limits.max_cell_chars * BYTES_PER_CHAR:
        raise too_big("cell_too_long", limit=limits.max_cell_chars)
    return sizes


def check_xlsx(archive: zipfile.ZipFile, limits: Limits) -> None:
    parts = read_members(archive, limits, ("xl/worksheets/", "xl/sharedStrings"))
    strings = next((v for k, v in parts.items() if k.startswith("xl/sharedStrings")), b"")
    sizes = shared_string_sizes(strings, limits)
    for name, xml in parts.items():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            scan_sheet(name.rsplit("/", 1)[-1], xml, sizes, limits)
