"""CSV: ',' or ';', UTF-8 with or without BOM or cp1258, every string NFC.

Bounded before anything is built: the line count, each line's length and its
number of separators are checked on the text first. Exact: every record after the
header must have the header's number of fields (a decimal comma in a
comma-separated file is the usual cause), and a quote must close on its record.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from kpi.problems import FileRejected, Problem
from loaders.limits import Limits, too_big
from loaders.tabular import Grid, header_columns, is_header
from loaders.text import LEGACY_FONT_CHARS, LEGACY_THRESHOLD, legacy_font_chars, nfc

HEADER_SCAN_LINES = 30
SNIFF_CHARS = 64 * 1024
MAX_FIELD_PROBLEMS = 200


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not) first; cp1258 for legacy Windows files. Always NFC."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1258", errors="replace")
    return nfc(text)


def utf8_body(data: bytes) -> bytes:
    """The file as `decode` reads it, as UTF-8 bytes without a BOM: an ASCII file (the
    usual national file) or NFC UTF-8 is taken as it is, with no copy through text."""
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    if body.isascii():
        return body
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return decode(data).encode("utf-8")
    normal = nfc(text)
    return body if normal == text else normal.encode("utf-8")


def sniff_separator(lines: list[str]) -> str:
    sample = "\n".join(lines[:HEADER_SCAN_LINES])[:SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ";" if sample.count(";") > sample.count(",") else ","


def refuse_legacy_fonts(texts: list[str]) -> None:
    if legacy_font_chars(texts) >= LEGACY_THRESHOLD:
        sample = next((t for t in texts if any(ch in LEGACY_FONT_CHARS for ch in t)), "")
        raise FileRejected(Problem("legacy_font", params={"sample": sample[:40]}))


@dataclass(frozen=True)
class Lines:
    """The physical lines of a UTF-8 body, found in one pass over its bytes: line i is
    data[starts[i]:ends[i]] (its line break excluded). No line is built as a string."""

    data: bytes
    starts: np.ndarray
    ends: np.ndarray

    def __len__(self) -> int:
        return len(self.starts)

    def text(self, index: int) -> str:
        return self.data[int(self.starts[index]) : int(self.ends[index])].decode("utf-8")

    def head(self, count: int) -> list[str]:
        return [self.text(i) for i in range(min(count, len(self)))]

    def arrow(self) -> pa.Array:
        """The lines as one zero-copy Arrow array (each with its line break)."""
        offsets = np.append(self.starts, self.ends[-1] if len(self) else 0).astype("int64")
        buffers = [None, pa.py_buffer(offsets), pa.py_buffer(self.data)]
        return pa.Array.from_buffers(pa.large_binary(), len(self), buffers)


def bounded_lines(body: bytes, limits: Limits) -> Lines:
    """The physical lines (CR, LF or CRLF), refused before anything is built when there
    are too many or any is too long."""
    if b"\r" in body:
        body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    count = body.count(b"\n")
    if count > limits.max_lines:
        raise too_big("too_many_rows", rows=count, limit=limits.max_rows)
    breaks = np.flatnonzero(np.frombuffer(body, dtype=np.uint8) == ord("\n"))
    starts = np.concatenate([[0], breaks + 1]).astype("int64")
    ends = np.append(breaks, len(body)).astype("int64")
    if starts[-1] == len(body):  # text ending in a line break: no line after it
        starts, ends = starts[:-1], ends[:-1]
    lines = Lines(body, starts, ends)
    # a line's bytes bound its characters: only lines long in bytes are counted in full
    for index in np.flatnonzero(ends - starts > limits.max_line_chars).tolist():
        if len(lines.text(index)) > limits.max_line_chars:
            raise FileRejected(
                Problem("line_too_long", index + 1, params={"limit": limits.max_line_chars})
            )
    return lines


HeaderTest = Callable[[list[object]], bool]


def figures_header(record: list[object]) -> bool:
    """The header of a figures file (indicator, unit, period and a value column)."""
    return is_header(header_columns(record))


def _header_at(records: list[list[str]], header: HeaderTest) -> int:
    for index, record in enumerate(records[:HEADER_SCAN_LINES]):
        if header(list[object](record)):
            return index
    return 0


def _width_problem(row: int, fields: list[str] | int, width: int, separator: str) -> Problem:
    count = fields if isinstance(fields, int) else len(fields)
    hint = "decimal_comma" if separator == "," and count > width else ""
    return Problem("field_count", row, params={"found": count, "expected": width, "hint": hint})


def _refuse_wide(row: int, count: int, limits: Limits) -> None:
    if count > limits.max_columns:
        raise FileRejected(
            Problem("too_many_columns", row, params={"found": count, "limit": limits.max_columns})
        )


def read_csv(
    data: bytes, limits: Limits | None = None, header: HeaderTest = figures_header
) -> Grid:
    """The cells below the first row that `header` accepts (title rows above are kept)."""
    limits = limits or Limits()
    body = utf8_body(data)
    lines = bounded_lines(body, limits)
    separator = sniff_separator(lines.head(HEADER_SCAN_LINES))
    if b'"' in body:
        grid = _quoted_grid(body.decode("utf-8"), separator, limits, header)
    else:
        grid = _plain_grid(lines, separator, limits, header)
    sample = grid.cells.head(2000).to_numpy().ravel().tolist()
    refuse_legacy_fonts([c for c in sample if isinstance(c, str) and c])
    return grid


def _field_counts(lines: Lines, separator: str) -> np.ndarray:
    """Each line's number of fields (its separators + 1), counted by an Arrow kernel."""
    if not len(lines):
        return np.zeros(0, dtype="int64")
    counts = pc.count_substring(lines.arrow(), separator)
    return counts.to_numpy(zero_copy_only=False).astype("int64") + 1


def _plain_grid(lines: Lines, separator: str, limits: Limits, header: HeaderTest) -> Grid:
    """No quotes in the file: a record is a line and its fields are its separators + 1."""
    counts = _field_counts(lines, separator)
    wide = np.flatnonzero(counts > limits.max_columns)
    if len(wide):
        _refuse_wide(int(wide[0]) + 1, int(counts[wide[0]]), limits)
    head = [line.split(separator) for line in lines.head(HEADER_SCAN_LINES)]
    start = _header_at(head, header)
    width = len(head[start]) if head else 0
    problems: list[Problem] = []
    empty = (separator * (width - 1)).encode("utf-8")
    # the body from the header on, with each odd line (blank or of another width) as empty
    # cells; the rectangular rest is passed on as the file's own bytes
    position = int(lines.starts[start]) if start < len(lines) else len(lines.data)
    pieces = []
    for index in (np.flatnonzero(counts[start:] != width) + start).tolist():
        if lines.text(index).strip(separator + " \t") and len(problems) < MAX_FIELD_PROBLEMS:
            problems.append(_width_problem(index + 1, int(counts[index]), width, separator))
        pieces += [lines.data[position : int(lines.starts[index])], empty]
        position = int(lines.ends[index])
    body = pa.py_buffer(lines.data).slice(position)
    if pieces:
        body = pa.py_buffer(b"".join([*pieces, lines.data[position:]]))
    titles = _padded(head[:start], width)
    cells = _arrow_cells(body, separator, width)
    cells.index = pd.RangeIndex(start, start + len(cells))
    return _with_titles(titles, cells, problems)


def _quoted_grid(text: str, separator: str, limits: Limits, header: HeaderTest) -> Grid:
    """Quotes present: the csv module, record by record, with exact record rows."""
    csv.field_size_limit(limits.max_cell_chars + 2)
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text), delimiter=separator, strict=True)
    try:
        for record in reader:
            _refuse_wide(len(records) + 1, len(record), limits)
            records.append(record)
    except csv.Error as exc:
        row = len(records) + 1
        code = "cell_too_long" if "field larger" in str(exc) else "unterminated_quote"
        raise FileRejected(Problem(code, row, params={"limit": limits.max_cell_chars})) from exc
    start = _header_at(records, header)
    width = len(records[start]) if records else 0
    problems: list[Problem] = []
    for index in range(start + 1, len(records)):
        record = records[index]
        swallowed = _swallowed_rows(record, separator, width)
        if swallowed:
            raise FileRejected(Problem("unterminated_quote", index + 1))
        if len(record) == width or not any(c.strip() for c in record):
            records[index] = (record + [""] * width)[:width]
            continue
        if len(problems) < MAX_FIELD_PROBLEMS:
            problems.append(_width_problem(index + 1, record, width, separator))
        record = [""] * width
        records[index] = (record + [""] * width)[:width]
    titles = _padded(records[:start], width)
    cells = pd.DataFrame(records[start:], dtype=object).astype("string[pyarrow]")
    cells.index = pd.RangeIndex(start, len(records))
    return _with_titles(titles, cells, problems)


def _swallowed_rows(record: list[str], separator: str, width: int) -> bool:
    """A field spanning lines that holds whole records: a quote opened and closed far later."""
    return any(
        "\n" in cell and any(line.count(separator) >= width - 1 > 0 for line in cell.split("\n"))
        for cell in record
    )


def _padded(rows: list[list[str]], width: int) -> pd.DataFrame:
    return pd.DataFrame([(r + [""] * width)[:width] for r in rows], dtype=object)


def _with_titles(titles: pd.DataFrame, cells: pd.DataFrame, problems: list[Problem]) -> Grid:
    if len(titles):
        titles.columns = cells.columns = pd.RangeIndex(cells.shape[1])
        cells = pd.concat([titles.astype("string[pyarrow]"), cells])
    return Grid(cells, problems=problems)


def _arrow_cells(body: pa.Buffer, separator: str, width: int) -> pd.DataFrame:
    """Arrow's reader for the rectangular body: cells come back as arrow strings."""
    names = [str(i) for i in range(width)]
    table = pacsv.read_csv(
        pa.BufferReader(body),
        read_options=pacsv.ReadOptions(column_names=names),
        parse_options=pacsv.ParseOptions(
            delimiter=separator, quote_char=False, ignore_empty_lines=False
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    # one chunk per column: every later kernel and take runs on plain arrays
    frame = table.combine_chunks().to_pandas(
        types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get
    )
    frame.columns = pd.RangeIndex(width)
    return frame
