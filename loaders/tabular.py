"""From a grid of cells to the canonical long table: find the header, map the columns."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi.canonical import COLUMNS, ROW_COLUMN
from kpi.periods import PeriodError, parse_quarter
from kpi.problems import FileRejected, Problem
from kpi.units import UnitRegistry
from loaders.text import NumberProblem, cell_text, fold, parse_number

HEADER_SCAN_ROWS = 30
NUMERIC = ("value", "numerator", "denominator")
# digits, or digits with one separator not followed by exactly three digits (unless 0,xxx)
SIMPLE_NUMBER = r"[+-]?(?:\d+(?:[.,](?:\d{1,2}|\d{4,}))?|0[.,]\d+)"


@cache
def header_aliases() -> dict[str, str]:
    """Folded alias -> canonical column, from loaders/header_aliases.csv."""
    text = resources.files("loaders").joinpath("header_aliases.csv").read_text("utf-8")
    return {fold(row["alias"]): row["canonical"] for row in csv.DictReader(text.splitlines())}


@dataclass
class Grid:
    """Cells of one sheet (positional columns): arrow strings from CSV, objects otherwise.

    `percent` marks, per grid row, whether the value cell was formatted as a percentage.
    """

    cells: pd.DataFrame
    first_row_number: int = 1  # Excel row number of the first grid row
    percent: dict[tuple[int, int], bool] = field(default_factory=dict)


@dataclass
class Table:
    frame: pd.DataFrame
    problems: list[Problem]
    unused_columns: list[str]


def header_columns(row: list[object]) -> dict[str, int]:
    aliases = header_aliases()
    found: dict[str, int] = {}
    for position, cell in enumerate(row):
        canonical = aliases.get(fold(cell_text(cell)))
        if canonical and canonical not in found:
            found[canonical] = position
    return found


def is_header(columns: dict[str, int]) -> bool:
    has_figure = "value" in columns or "numerator" in columns
    return "indicator_code" in columns and has_figure and len(columns) >= 3


def find_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    head = grid.cells.head(HEADER_SCAN_ROWS)
    for index, row in enumerate(head.itertuples(index=False, name=None)):
        columns = header_columns(list(row))
        if is_header(columns):
            return index, columns
    return None


def _mapped(column: pd.Series, func: Callable[[object], object]) -> pd.Series:
    """Apply `func` once per distinct cell value (files repeat codes, units, periods)."""
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    results = [func(None if value is pd.NA else value) for value in uniques]
    texts = [r for r in results if isinstance(r, str)]
    if len(texts) == len(results):  # text stays arrow-backed: cheap to check later
        return pd.Series(pd.array(texts, dtype="str").take(codes), index=column.index)
    cells = np.empty(len(results), dtype=object)
    cells[:] = results
    return pd.Series(cells[codes], index=column.index, dtype=object)


def _is_text(column: pd.Series) -> bool:
    """Text cells only: CSV columns arrive as arrow strings, spreadsheets as objects."""
    if isinstance(column.dtype, pd.StringDtype):
        return True
    return pd.api.types.infer_dtype(column, skipna=False) == "string"


def _blank(column: pd.Series) -> pd.Series:
    if isinstance(column.dtype, pd.StringDtype):
        return column.str.strip().eq("").fillna(True).astype(bool)
    return column.fillna("").astype(str).str.strip().eq("")


def _normalise_period(raw: object) -> str:
    text = cell_text(raw)
    try:
        return str(parse_quarter(text))
    except PeriodError:
        return text  # kept as written; the schema names it malformed


def _simple_numbers(raw: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Plain text numbers read by arrow kernels: (which cells, their values or NaN)."""
    if not _is_text(raw):
        return np.zeros(len(raw), dtype=bool), np.full(len(raw), np.nan)
    cells = pa.array(raw.astype("string[pyarrow]").array)
    mask = pc.fill_null(pc.match_substring_regex(cells, f"^(?:{SIMPLE_NUMBER})$"), False)
    chosen = pc.if_else(mask, pc.replace_substring(cells, ",", "."), "nan")
    values = pc.cast(chosen, pa.float64()).to_numpy(zero_copy_only=False)
    return mask.to_numpy(zero_copy_only=False), values


def _numbers(
    data: pd.DataFrame,
    column: str,
    rows: pd.Series,
    percent: pd.Series | None,
    problems: list[Problem],
) -> tuple[pd.Series, pd.Series]:
    raw = data[column]
    # Plain text numbers ('85', '85,5', '0,855') are read vectorised; every other cell
    # (spreadsheet numbers, '%', spaces, markers, ambiguous forms) goes through the full rule.
    simple, numbers = _simple_numbers(raw)
    values = pd.Series(numbers, index=raw.index, dtype="float64")
    rest = _mapped(raw[~simple], parse_number)
    is_problem = rest.map(lambda v: isinstance(v, NumberProblem)).astype(bool)
    bad = pd.Series(False, index=raw.index)
    bad[is_problem[is_problem].index] = True
    for cell, result, row_no in zip(raw[bad], rest[is_problem], rows[bad], strict=True):
        problems.append(Problem(result.code, int(row_no), column, cell_text(cell)))
    good = rest[~is_problem]
    if len(good):
        values[good.index] = pd.to_numeric(good.astype(object), errors="coerce").astype("float64")
    if percent is not None:
        values = values.where(~percent, (values * 100).round(10))
    return values.rename(column), bad


def _column(cells: pd.DataFrame, columns: dict[str, int], name: str) -> pd.Series:
    position = columns.get(name)
    if position is None:
        return pd.Series([None] * len(cells), index=cells.index, dtype="object")
    return cells.iloc[:, position]


def to_table(grid: Grid, units: UnitRegistry) -> Table:
    """The canonical frame with one row per non-empty data row, and cell problems."""
    found = find_header(grid)
    if found is None:
        raise FileRejected(Problem("no_header"))
    header_index, columns = found
    header_row = grid.cells.iloc[header_index].tolist()
    problems = [
        Problem("missing_column", grid.first_row_number + header_index, c)
        for c in ("unit_code", "period")
        if c not in columns
    ]
    used = set(columns.values())
    unused = [cell_text(c) for i, c in enumerate(header_row) if i not in used and cell_text(c)]
    body = grid.cells.iloc[header_index + 1 :]
    blank = pd.concat([_blank(body.iloc[:, i]) for i in sorted(used)], axis=1)
    body = body[~blank.all(axis=1)]
    del blank
    rows = pd.Series(body.index + grid.first_row_number, index=body.index)
    data = pd.DataFrame(
        {
            name: _column(body, columns, name)
            for name in ("indicator_code", "unit_code", "period", "note", *NUMERIC)
        }
    )
    out = pd.DataFrame(index=body.index)
    out["indicator_code"] = _mapped(data["indicator_code"], cell_text)
    out["unit_code"] = _mapped(data["unit_code"], lambda raw: _unit_code(raw, units))
    out["period"] = _mapped(data["period"], _normalise_period)
    failed = pd.Series(False, index=body.index)
    value_position = columns.get("value")
    percent = None
    if value_position is not None and grid.percent:
        percent = pd.Series(
            [grid.percent.get((int(i), value_position), False) for i in body.index],
            index=body.index,
        )
    for name in NUMERIC:
        out[name], bad = _numbers(data, name, rows, percent if name == "value" else None, problems)
        failed |= bad
    notes = _mapped(data["note"], lambda raw: unprefix(cell_text(raw)))
    out["note"] = notes.where(notes != "", None)
    out[ROW_COLUMN] = rows.astype("int64")
    out["parse_failed"] = failed
    if out.empty:
        problems.append(Problem("no_rows"))
    return Table(
        out[[*COLUMNS, ROW_COLUMN, "parse_failed"]].reset_index(drop=True), problems, unused
    )


def unprefix(text: str) -> str:
    """Undo the export's formula guard: "'=x" was written for "=x"."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def _unit_code(raw: object, units: UnitRegistry) -> str:
    text = cell_text(raw)
    unit = units.resolve(text) if text else None
    return unit.code if unit else text
