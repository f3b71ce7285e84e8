"""Read a task progress file (CSV, .xlsx, .xls, .ods) into rows of text cells.

Same file-level guards as figure uploads (size, zip bombs, macros, legacy
fonts: `kpi.problems.FileRejected`); the header may sit under title rows and
be written in Vietnamese or English. Cell rules live in kpi.task_reports.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd

from kpi.task_problems import TaskProblem
from loaders.csv_reader import read_csv, refuse_legacy_fonts
from loaders.excel_reader import read_sheets
from loaders.sniff import Kind, detect
from loaders.text import cell_text, fold

HEADER_SCAN_ROWS = 30
REQUIRED = ("task_code", "state")
FIELDS = ("task_code", "state", "percent", "evidence", "issues", "reported_on")


@dataclass(frozen=True)
class RawRow:
    """One data row as written, with its row number in the file."""

    row: int
    cells: dict[str, object]


@dataclass(frozen=True)
class TaskFile:
    rows: list[RawRow]
    problems: list[TaskProblem]
    kind: Kind


@cache
def aliases() -> dict[str, str]:
    """Folded header -> field, from loaders/task_header_aliases.csv (Vietnamese and English)."""
    text = resources.files("loaders").joinpath("task_header_aliases.csv").read_text("utf-8")
    return {fold(row["alias"]): row["canonical"] for row in csv.DictReader(text.splitlines())}


def _header(values: list[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, cell in enumerate(values):
        name = aliases().get(fold(cell_text(cell)))
        if name and name not in found:
            found[name] = position
    return found


def _cell(value: object) -> object:
    """Dates stay dates; everything else becomes trimmed NFC text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return cell_text(value)


def _is_task_header(values: list[object]) -> bool:
    columns = _header(values)
    return all(name in columns for name in REQUIRED)


def _find_header(cells: pd.DataFrame) -> tuple[int, dict[str, int]] | None:
    for index, values in enumerate(cells.head(HEADER_SCAN_ROWS).itertuples(index=False)):
        columns = _header(list(values))
        if all(name in columns for name in REQUIRED):
            return index, columns
    return None


def _grid(data: bytes, kind: Kind) -> pd.DataFrame:
    """The cells of the CSV, or of the first visible sheet that holds the header."""
    if kind is Kind.CSV:
        return read_csv(data, header=_is_task_header).cells
    sheets = read_sheets(data, kind)
    cells = next((c for c in sheets if _find_header(c) is not None), None)
    if cells is None:
        return pd.DataFrame(dtype=object)
    refuse_legacy_fonts(
        [c for c in cells.head(2000).to_numpy().ravel().tolist() if isinstance(c, str)]
    )
    return cells


def read_task_file(data: bytes, max_rows: int) -> TaskFile:
    """Rows of a progress file, or the file-level problems that stop it being read."""
    kind = detect(data)
    cells = _grid(data, kind)
    found = _find_header(cells)
    if found is None:
        return TaskFile([], [TaskProblem("no_header")], kind)
    header_at, columns = found
    rows: list[RawRow] = []
    for offset, values in enumerate(cells.iloc[header_at + 1 :].itertuples(index=False)):
        record = {name: _cell(values[pos]) for name, pos in columns.items()}
        if all(v == "" for v in record.values()):
            continue
        rows.append(RawRow(header_at + 2 + offset, record))
    problems: list[TaskProblem] = []
    if not rows:
        problems.append(TaskProblem("no_rows"))
    if len(rows) > max_rows:
        problems.append(TaskProblem("too_many_rows", params={"rows": len(rows), "limit": max_rows}))
    return TaskFile(rows, problems, kind)
