"""CSV: ',' or ';', UTF-8 with or without BOM or cp1258, every string NFC."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from kpi.problems import FileRejected, Problem
from loaders.tabular import Grid
from loaders.text import LEGACY_FONT_CHARS, LEGACY_THRESHOLD, legacy_font_chars, nfc


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not) first; cp1258 for legacy Windows files. Always NFC."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1258", errors="replace")
    return nfc(text)


def sniff_separator(text: str) -> str:
    sample = "\n".join(head_lines(text, 30))
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ";" if sample.count(";") > sample.count(",") else ","


def refuse_legacy_fonts(texts: list[str]) -> None:
    if legacy_font_chars(texts) >= LEGACY_THRESHOLD:
        sample = next((t for t in texts if any(ch in LEGACY_FONT_CHARS for ch in t)), "")
        raise FileRejected(Problem("legacy_font", params={"sample": sample[:40]}))


def read_csv(data: bytes) -> Grid:
    text = decode(data)
    separator = sniff_separator(text)
    cells = _fast_cells(text, separator)
    if cells is None:
        # The csv module copes with any ragged rows (title lines above the header).
        rows = list(csv.reader(io.StringIO(text), delimiter=separator))
        width = max((len(r) for r in rows), default=0)
        cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)
    refuse_legacy_fonts(_text_cells(text, separator))
    return Grid(cells)


def _fast_cells(text: str, separator: str) -> pd.DataFrame | None:
    """Arrow's reader for rectangular files, pandas' C parser for rows of uneven width.

    Both need the widest row among the first ones (the usual case); cells come back
    as arrow strings, which the vectorised path reads.
    """
    head = list(csv.reader(head_lines(text, 200), delimiter=separator))
    width = max((len(r) for r in head), default=0)
    if not width:
        return None
    cells = _arrow_cells(text, separator, width)
    return cells if cells is not None else _padded_cells(text, separator, width)


def _arrow_cells(text: str, separator: str, width: int) -> pd.DataFrame | None:
    names = [str(i) for i in range(width)]
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(
                delimiter=separator, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:  # a row of another width: a blank line, a title, a short row
        return None
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
    frame.columns = pd.RangeIndex(width)
    return frame


def _padded_cells(text: str, separator: str, width: int) -> pd.DataFrame | None:
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            header=None,
            names=list(range(width)),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        return None
    return frame.astype("string[pyarrow]")


def _text_cells(text: str, separator: str) -> list[str]:
    """Non-empty cells of the first rows, a bounded sample: enough to spot legacy fonts."""
    head = head_lines(text, 2000)
    return [cell for row in csv.reader(head, delimiter=separator) for cell in row if cell]


def head_lines(text: str, count: int, max_chars: int = 1 << 20) -> list[str]:
    """The first lines, without splitting a large file whole."""
    return text[:max_chars].splitlines()[:count]
