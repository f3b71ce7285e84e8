"""CSV: ',' or ';', UTF-8 with or without BOM or cp1258, every string NFC."""

from __future__ import annotations

import csv
import io

import pandas as pd

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
    """pandas' C parser, when the widest row is among the first ones (the usual case)."""
    head = list(csv.reader(head_lines(text, 200), delimiter=separator))
    width = max((len(r) for r in head), default=0)
    if not width:
        return None
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
    return frame.astype("string[pyarrow]")  # arrow strings: the vectorised path reads them


def _text_cells(text: str, separator: str) -> list[str]:
    """Non-empty cells of the first rows, a bounded sample: enough to spot legacy fonts."""
    head = head_lines(text, 2000)
    return [cell for row in csv.reader(head, delimiter=separator) for cell in row if cell]


def head_lines(text: str, count: int, max_chars: int = 1 << 20) -> list[str]:
    """The first lines, without splitting a large file whole."""
    return text[:max_chars].splitlines()[:count]
