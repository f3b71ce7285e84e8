"""Excel (.xlsx, .xls) and .ods: the first visible sheet holding our header.

Everything runs in a child process with a memory and time limit (loaders.sandbox):
calamine is native code and cannot be bounded from inside. Before calamine sees a
zip-based file, loaders.zip_guard checks every part and the sheets' real extent.
Values come from calamine; what it cannot see comes from the format's own data:
percent formats (0.855 -> 85.5) and the text a number cell shows (a code '1.10'),
from openpyxl (.xlsx), xlrd (.xls) or the sheet XML (.ods); and formula cells with
no stored value (.xlsx).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pandas as pd
from python_calamine import CalamineWorkbook, PasswordError

from kpi.problems import FileRejected, Problem
from loaders.csv_reader import refuse_legacy_fonts
from loaders.limits import Limits, too_big
from loaders.ods_scan import SheetFormats, scan_ods
from loaders.sandbox import run_limited
from loaders.sniff import Kind
from loaders.tabular import Grid, find_header
from loaders.text import nfc
from loaders.zip_guard import check_xlsx, column_letters, read_members

MAX_LISTED_CELLS = 10
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def shown_number(value: float, number_format: str) -> str | None:
    """The text Excel shows for a number under a fixed-decimals format ('0.00' -> '1.10');
    None for General, percent or text formats (the value is then read as it is)."""
    section = _LITERALS.sub("", str(number_format or "").split(";")[0]).strip()
    if not section or section.lower() == "general" or "%" in section or "@" in section:
        return None
    if not any(ch in section for ch in "0#"):
        return None
    decimals = section.split(".", 1)[1].count("0") if "." in section else 0
    return f"{value:.{decimals}f}"


def _open(data: bytes) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise FileRejected(Problem("encrypted_file")) from exc
    except Exception as exc:  # calamine raises its own error types
        raise FileRejected(Problem("broken_workbook")) from exc


def _clean(cell: Any) -> Any:
    if isinstance(cell, str):
        return nfc(cell) if cell != "" else None
    return cell


def _normalise(rows: list[list[Any]]) -> pd.DataFrame:
    width = max((len(r) for r in rows), default=0)
    cleaned = [[_clean(c) for c in row] + [None] * (width - len(row)) for row in rows]
    return pd.DataFrame(cleaned, dtype=object)


def _formula_cells(missing: list[str]) -> None:
    if missing:
        cells = ", ".join(missing[:MAX_LISTED_CELLS])
        if len(missing) > MAX_LISTED_CELLS:
            cells += f" (+{len(missing) - MAX_LISTED_CELLS})"
        raise FileRejected(Problem("formula_without_value", params={"cells": cells}))


def _xlsx_details(
    data: bytes, sheet: str, header: int, columns: dict[str, int], grid: Grid
) -> None:
    """Percent formats, shown codes and formula cells without cached values, from openpyxl."""
    from openpyxl import load_workbook

    formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)[sheet]
    code_column = columns.get("indicator_code")
    missing: list[str] = []
    for row in formulas.iter_rows():
        for cell in row:
            column, row_number = getattr(cell, "column", None), getattr(cell, "row", None)
            if column is None or row_number is None:
                continue
            r_index, c_index = row_number - 1, column - 1
            number_format = str(cell.number_format or "")
            if r_index > header and "%" in number_format:
                grid.percent[(r_index, c_index)] = True
            if c_index == code_column and isinstance(cell.value, int | float):
                shown = shown_number(float(cell.value), number_format)
                if shown is not None:
                    grid.display[(r_index, c_index)] = shown
            is_formula = isinstance(cell.value, str) and cell.value.startswith("=")
            if (
                is_formula
                and r_index < len(grid.cells)
                and c_index < grid.cells.shape[1]
                and grid.cells.iat[r_index, c_index] is None
            ):
                missing.append(cell.coordinate)
    _formula_cells(missing)


def _xls_details(data: bytes, sheet: str, header: int, columns: dict[str, int], grid: Grid) -> None:
    """Percent formats and shown codes of number cells, from the .xls format records."""
    import xlrd

    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, ragged_rows=True
        )
    except Exception as exc:  # xlrd's own error types
        raise FileRejected(Problem("broken_workbook")) from exc
    table = book.sheet_by_name(sheet)
    wanted = [columns[n] for n in ("value", "indicator_code") if n in columns]
    for r_index in range(header + 1, table.nrows):
        for c_index in wanted:
            if c_index >= table.row_len(r_index):
                continue
            if table.cell_type(r_index, c_index) != xlrd.XL_CELL_NUMBER:
                continue
            xf = book.xf_list[table.cell_xf_index(r_index, c_index)]
            number_format = book.format_map[xf.format_key].format_str
            if "%" in number_format:
                grid.percent[(r_index, c_index)] = True
            elif c_index == columns.get("indicator_code"):
                shown = shown_number(float(table.cell_value(r_index, c_index)), number_format)
                if shown is not None:
                    grid.display[(r_index, c_index)] = shown


def _ods_details(formats: SheetFormats, header: int, columns: dict[str, int], grid: Grid) -> None:
    grid.percent.update({k: True for k in formats.percent if k[0] > header})
    code_column = columns.get("indicator_code")
    grid.display.update(
        {k: v for k, v in formats.display.items() if k[1] == code_column and k[0] > header}
    )


def _check_extent(name: str, height: int, width: int, limits: Limits) -> None:
    if width > limits.max_columns or height > limits.max_lines or height * width > limits.max_cells:
        raise too_big(
            "sheet_too_large",
            sheet=name,
            cell=f"{column_letters(max(width, 1))}{height}",
            rows=limits.max_lines,
            columns=limits.max_columns,
        )


def read_workbook(data: bytes, kind: Kind, limits: Limits) -> Grid:
    """The whole reading; meant for the child process (see read_excel)."""
    ods: dict[str, SheetFormats] = {}
    if kind in (Kind.XLSX, Kind.ODS):
        archive = zipfile.ZipFile(io.BytesIO(data))
        if kind is Kind.XLSX:
            check_xlsx(archive, limits)
        else:
            parts = read_members(archive, limits, ("content.xml",))
            ods = scan_ods(parts.get("content.xml", b""), limits)
    book = _open(data)
    for meta in book.sheets_metadata:
        if str(meta.visible).lower().endswith("visible") is False:
            continue  # hidden sheets are never read
        sheet = book.get_sheet_by_name(meta.name)
        _check_extent(meta.name, sheet.total_height, sheet.total_width, limits)
        rows = sheet.to_python(skip_empty_area=False)
        if not rows:
            continue
        grid = Grid(_normalise(rows))
        del rows
        found = find_header(grid)
        if found is None:
            continue
        refuse_legacy_fonts(
            [c for c in grid.cells.head(2000).to_numpy().ravel().tolist() if isinstance(c, str)]
        )
        header, columns = found
        if kind is Kind.XLSX:
            _xlsx_details(data, meta.name, header, columns, grid)
        elif kind is Kind.XLS:
            _xls_details(data, meta.name, header, columns, grid)
        else:
            _ods_details(ods.get(meta.name, SheetFormats()), header, columns, grid)
        return grid
    raise FileRejected(Problem("no_header"))


def read_excel(data: bytes, kind: Kind, limits: Limits | None = None) -> Grid:
    """Read a workbook in a child process bounded by `limits` (memory and time)."""
    limits = limits or Limits()
    return run_limited(
        read_workbook, data, kind, limits, memory=limits.memory_bytes, seconds=limits.seconds
    )


def _visible_sheets(data: bytes, kind: Kind, limits: Limits) -> list[pd.DataFrame]:
    """The cells of every visible sheet, under the same caps as `read_workbook`."""
    if kind is Kind.XLSX:
        check_xlsx(zipfile.ZipFile(io.BytesIO(data)), limits)
    elif kind is Kind.ODS:
        read_members(zipfile.ZipFile(io.BytesIO(data)), limits, ("content.xml",))
    book = _open(data)
    out: list[pd.DataFrame] = []
    for meta in book.sheets_metadata:
        if str(meta.visible).lower().endswith("visible") is False:
            continue
        sheet = book.get_sheet_by_name(meta.name)
        _check_extent(meta.name, sheet.total_height, sheet.total_width, limits)
        rows = sheet.to_python(skip_empty_area=False)
        if rows:
            out.append(_normalise(rows))
    return out


def read_sheets(data: bytes, kind: Kind, limits: Limits | None = None) -> list[pd.DataFrame]:
    """Every visible sheet's cells, read in a bounded child process (for files whose
    header is not the figures' one, such as task progress reports)."""
    limits = limits or Limits()
    return run_limited(
        _visible_sheets, data, kind, limits, memory=limits.memory_bytes, seconds=limits.seconds
    )
