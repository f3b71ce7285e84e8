"""Excel (.xlsx, .xls) and .ods: the first visible sheet holding our header.

Values come from calamine; for .xlsx, openpyxl adds what calamine cannot see:
percent number formats (0.855 -> 85.5) and formula cells with no stored value.
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
from python_calamine import CalamineWorkbook

from kpi.problems import FileRejected, Problem
from loaders.csv_reader import refuse_legacy_fonts
from loaders.sniff import Kind
from loaders.tabular import Grid, find_header
from loaders.text import nfc

MAX_LISTED_CELLS = 10


def _sheets(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own error types
        raise FileRejected(Problem("broken_workbook", params={"why": str(exc)[:200]})) from exc
    out = []
    for meta in book.sheets_metadata:
        if str(meta.visible).lower().endswith("visible") is False:
            continue  # hidden sheets are never read
        rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
        out.append((meta.name, rows))
    return out


def _clean(cell: Any) -> Any:
    if isinstance(cell, str):
        return nfc(cell) if cell != "" else None
    return cell


def _normalise(rows: list[list[Any]]) -> pd.DataFrame:
    width = max((len(r) for r in rows), default=0)
    cleaned = [[_clean(c) for c in row] + [None] * (width - len(row)) for row in rows]
    return pd.DataFrame(cleaned, dtype=object)


def _xlsx_details(data: bytes, sheet: str, header_index: int, grid: Grid) -> None:
    """Percent formats and formula cells without cached values, from openpyxl."""
    from openpyxl import load_workbook

    formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)[sheet]
    missing: list[str] = []
    for r_index, row in enumerate(formulas.iter_rows()):
        for cell in row:
            column = getattr(cell, "column", None)
            if column is None:
                continue
            c_index = column - 1
            if r_index > header_index and "%" in str(cell.number_format or ""):
                grid.percent[(r_index, c_index)] = True
            is_formula = isinstance(cell.value, str) and cell.value.startswith("=")
            if (
                is_formula
                and r_index < len(grid.cells)
                and c_index < grid.cells.shape[1]
                and grid.cells.iat[r_index, c_index] is None
            ):
                missing.append(cell.coordinate)
    if missing:
        cells = ", ".join(missing[:MAX_LISTED_CELLS])
        if len(missing) > MAX_LISTED_CELLS:
            cells += f" (+{len(missing) - MAX_LISTED_CELLS})"
        raise FileRejected(Problem("formula_without_value", params={"cells": cells}))


def read_excel(data: bytes, kind: Kind) -> Grid:
    sheets = _sheets(data)
    for name, rows in sheets:
        if not rows:
            continue
        grid = Grid(_normalise(rows))
        found = find_header(grid)
        if found is None:
            continue
        refuse_legacy_fonts(
            [c for c in grid.cells.head(2000).to_numpy().ravel().tolist() if isinstance(c, str)]
        )
        if kind is Kind.XLSX:
            _xlsx_details(data, name, found[0], grid)
        return grid
    raise FileRejected(Problem("no_header"))
