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
    sample = "\n".join(text.splitlines()[:30])
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
    refuse_legacy_fonts(_text_cells(cells))
    return Grid(cells.astype(object))


def _fast_cells(text: str, separator: str) -> pd.DataFrame | None:
    """pandas' C parser, when the widest row is among the first ones (the usual case)."""
    head = list(csv.reader(io.StringIO("\n".join(text.splitlines()[:200])), delimiter=separator))
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
    return frame.astype(object)


def _text_cells(cells: pd.DataFrame) -> list[str]:
    """Letters-bearing cells, a bounded sample: enough to spot legacy fonts."""
    sample = cells.head(2000)
    return [v for v in sample.to_numpy().ravel().tolist() if isinstance(v, str) and v]
