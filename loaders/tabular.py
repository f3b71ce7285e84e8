"""From a grid of cells to the canonical long table: find the header, map the columns."""

from __future__ import annotations

import csv
import math
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
from loaders.text import (
    MISSING_MARKERS,
    NumberProblem,
    TwoReadings,
    cell_text,
    fold,
    has_control_chars,
    parse_number,
)

HEADER_SCAN_ROWS = 30
NUMERIC = ("value", "numerator", "denominator")
# up to 15 digits (exact in a double), or with one separator not followed by exactly
# three digits (unless 0,xxx); longer and other forms go through the full rule
SIMPLE_NUMBER = r"[+-]?(?:\d{1,15}(?:[.,](?:\d{1,2}|\d{4,12}))?|0[.,]\d{1,12})"
REPEAT_SAMPLE = 4096  # cells looked at to tell a column of repeated counts
MAX_COUNT = 1e15  # counts are whole things; beyond this a double no longer holds them exactly


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
    # (row, column) -> the text a number cell shows ('1.10'), for code cells
    display: dict[tuple[int, int], str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # found while reading


@dataclass
class Table:
    frame: pd.DataFrame
    problems: list[Problem]
    unused_columns: list[str]
    not_reported: int = 0  # rows with code, unit and period but no figure: skipped


def header_columns(row: list[object]) -> dict[str, int]:
    aliases = header_aliases()
    found: dict[str, int] = {}
    for position, cell in enumerate(row):
        canonical = aliases.get(fold(cell_text(cell)))
        if canonical and canonical not in found:
            found[canonical] = position
    return found


def duplicate_columns(row: list[object], row_number: int) -> list[Problem]:
    """Two header cells naming one field (two value columns): which one is meant?"""
    aliases = header_aliases()
    first: dict[str, str] = {}
    problems = []
    for cell in row:
        header = cell_text(cell)
        canonical = aliases.get(fold(header))
        if canonical is None or canonical == "indicator_name":
            continue
        if canonical in first:
            problems.append(
                Problem(
                    "duplicate_column",
                    row_number,
                    canonical,
                    header,
                    {"first": first[canonical], "second": header},
                )
            )
        else:
            first[canonical] = header
    return problems


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


def _by_text(column: pd.Series, test: Callable[[pd.Series], pd.Series]) -> np.ndarray:
    """A vectorised text test run once per distinct cell (files repeat codes, counts);
    a missing cell counts as passing it (it is blank)."""
    codes, uniques = pd.factorize(column)
    passed = test(pd.Series(uniques, dtype=column.dtype)).fillna(True).to_numpy(dtype=bool)
    return np.append(passed, True)[codes]


def _blank(column: pd.Series) -> np.ndarray:
    if isinstance(column.dtype, pd.StringDtype):
        return _by_text(column, lambda text: text.str.strip().eq(""))
    return column.fillna("").astype(str).str.strip().eq("").to_numpy(dtype=bool)


def _arrow_text(column: pd.Series) -> pa.Array:
    cells = pa.array(column.astype("string[pyarrow]").array)
    return cells.combine_chunks() if isinstance(cells, pa.ChunkedArray) else cells


def _no_number(column: pd.Series) -> np.ndarray:
    """Blank or a missing marker ('-', 'NA', …): the row reports no figure here."""
    if not isinstance(column.dtype, pd.StringDtype):
        return column.map(lambda v: parse_number(v) is None).to_numpy(dtype=bool)
    # a cell that starts with a digit is no marker: only the others are read in full
    first = pc.utf8_slice_codeunits(_arrow_text(column), 0, 1)
    missing = ~pc.fill_null(pc.utf8_is_digit(first), False).to_numpy(zero_copy_only=False)
    others = np.flatnonzero(missing)
    if len(others):
        markers = list(MISSING_MARKERS)
        missing[others] = _by_text(
            column.iloc[others], lambda text: text.str.strip().str.lower().isin(markers)
        )
    return missing


def _all_rows(
    body: pd.DataFrame, positions: list[int], test: Callable[[pd.Series], np.ndarray]
) -> np.ndarray:
    """Rows where `test` holds in every column at `positions`; each column is tested only
    on the rows that passed every column before it (usually none are left after one)."""
    rows = np.arange(len(body))
    for position in positions:
        if not len(rows):
            break
        column = body.iloc[:, position]
        rows = rows[test(column if len(rows) == len(body) else column.iloc[rows])]
    chosen = np.zeros(len(body), dtype=bool)
    chosen[rows] = True
    return chosen


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
    cells = _arrow_text(raw)
    # cells spread over the column: counts repeat across series, a figure rarely does
    sample = cells.take(np.linspace(0, len(cells) - 1, min(len(cells), REPEAT_SAMPLE)).astype(int))
    if len(pc.unique(sample)) > 0.9 * len(sample):  # mostly distinct: read each cell
        simple, read = _read_simple(cells)
    else:  # each distinct text read once: counts and denominators repeat down a file
        encoded = pc.dictionary_encode(cells)
        mask, values = _read_simple(encoded.dictionary)
        simple = pc.take(mask, encoded.indices)
        read = pc.take(values, encoded.indices)
    simple, read = pc.fill_null(simple, False), pc.fill_null(read, float("nan"))
    return simple.to_numpy(zero_copy_only=False), read.to_numpy(zero_copy_only=False)


def _read_simple(texts: pa.Array) -> tuple[pa.Array, pa.Array]:
    """(which texts are simple numbers, their values; NaN for the others)."""
    mask = pc.fill_null(pc.match_substring_regex(texts, f"^(?:{SIMPLE_NUMBER})$"), False)
    if pc.any(pc.match_substring(texts, ",")).as_py():
        texts = pc.replace_substring(texts, ",", ".")
    return mask, pc.cast(pc.if_else(mask, texts, "nan"), pa.float64())


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
    rest = _mapped(raw[~simple], lambda cell: _for_field(parse_number(cell), column))
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


def _valid_for(number: float, column: str) -> bool:
    if column == "value":
        return 0 <= number <= 100
    return 0 <= number <= MAX_COUNT


def _for_field(
    result: float | NumberProblem | TwoReadings | None, column: str
) -> float | NumberProblem | None:
    """Two readings are ambiguous only if both fit the field; counts must be finite and
    within what the database holds exactly."""
    if isinstance(result, TwoReadings):
        decimal, thousands = (_valid_for(r, column) for r in (result.decimal, result.thousands))
        if decimal and thousands:
            return NumberProblem("ambiguous_number")
        return result.thousands if thousands else result.decimal
    too_large = isinstance(result, float) and (
        not math.isfinite(result) or (column != "value" and abs(result) > MAX_COUNT)
    )
    if too_large:
        return NumberProblem("number_too_large")
    return result


def _column(cells: pd.DataFrame, columns: dict[str, int], name: str) -> pd.Series:
    position = columns.get(name)
    if position is None:
        return pd.Series([None] * len(cells), index=cells.index, dtype="object")
    return cells.iloc[:, position]


def to_table(grid: Grid, units: UnitRegistry) -> Table:
    """The canonical frame with one row per data row holding a figure, and cell problems.

    Rows with no value and no counts are not reported: skipped and counted, never refused.
    """
    found = find_header(grid)
    if found is None:
        raise FileRejected(Problem("no_header"))
    header_index, columns = found
    header_row = grid.cells.iloc[header_index].tolist()
    header_number = grid.first_row_number + header_index
    problems = [
        *grid.problems,
        *duplicate_columns(header_row, header_number),
        *(
            Problem("missing_column", header_number, c)
            for c in ("unit_code", "period")
            if c not in columns
        ),
    ]
    used = set(columns.values())
    unused = [cell_text(c) for i, c in enumerate(header_row) if i not in used and cell_text(c)]
    body = grid.cells.iloc[header_index + 1 :]
    figures = [columns[n] for n in NUMERIC if n in columns]
    blank = _all_rows(body, sorted(used), _blank)
    if blank.any():
        body = body[~blank]
    no_figure = _all_rows(body, figures, _no_number) if figures else None
    not_reported = int(no_figure.sum()) if no_figure is not None else 0
    if no_figure is not None and not_reported:
        body = body[~no_figure]
    rows = pd.Series(body.index + grid.first_row_number, index=body.index)
    data = pd.DataFrame(
        {
            name: _column(body, columns, name)
            for name in ("indicator_code", "unit_code", "period", "note", *NUMERIC)
        }
    )
    out = pd.DataFrame(index=body.index)
    out["indicator_code"] = _codes(data["indicator_code"], grid, columns.get("indicator_code"))
    out["unit_code"] = _mapped(data["unit_code"], lambda raw: _unit_code(raw, units))
    out["period"] = _mapped(data["period"], _normalise_period)
    failed = pd.Series(False, index=body.index)
    percent = _percent_cells(grid, body.index, columns.get("value"))
    for name in NUMERIC:
        out[name], bad = _numbers(data, name, rows, percent if name == "value" else None, problems)
        failed |= bad
    notes = _mapped(data["note"], lambda raw: unprefix(cell_text(raw)))
    out["note"] = notes.where(notes != "", None)
    failed |= _control_chars(out["note"], rows, problems)
    out[ROW_COLUMN] = rows.astype("int64")
    out["parse_failed"] = failed
    if out.empty and not not_reported:
        problems.append(Problem("no_rows"))
    frame = out[[*COLUMNS, ROW_COLUMN, "parse_failed"]].reset_index(drop=True)
    return Table(frame, problems, unused, not_reported)


def _codes(raw: pd.Series, grid: Grid, position: int | None) -> pd.Series:
    """Codes as the cells show them: a number cell showing 1.10 is code '1.10'."""
    codes = _mapped(raw, cell_text)
    if position is None or not grid.display:
        return codes
    shown = {r: v for (r, c), v in grid.display.items() if c == position and r in raw.index}
    if not shown:
        return codes
    codes = codes.astype(object)
    codes.loc[list(shown)] = list(shown.values())
    return codes


def _percent_cells(grid: Grid, index: pd.Index, position: int | None) -> pd.Series | None:
    if position is None or not grid.percent:
        return None
    return pd.Series([grid.percent.get((int(i), position), False) for i in index], index=index)


def _control_chars(notes: pd.Series, rows: pd.Series, problems: list[Problem]) -> pd.Series:
    """Notes are text: NUL and control characters are refused (PostgreSQL cannot store NUL)."""
    codes, uniques = pd.factorize(notes)  # each distinct note once; a missing one is -1
    flags = [isinstance(v, str) and has_control_chars(v) for v in uniques]
    bad = pd.Series(np.array([*flags, False], dtype=bool)[codes], index=notes.index)
    for note, row in zip(notes[bad], rows[bad], strict=True):
        shown = note.encode("unicode_escape").decode("ascii")[:60]
        problems.append(Problem("control_characters", int(row), "note", shown))
    return bad


def unprefix(text: str) -> str:
    """Undo the export's formula guard: "'=x" was written for "=x"."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def _unit_code(raw: object, units: UnitRegistry) -> str:
    text = cell_text(raw)
    unit = units.resolve(text) if text else None
    return unit.code if unit else text
