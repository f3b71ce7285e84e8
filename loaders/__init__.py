"""Read officers' files (CSV, .xlsx, .xls, .ods) into one canonical long table.

`read(source, filename, units)` returns a `LoadResult` with the canonical frame
(`indicator_code, unit_code, period, value, numerator, denominator, note,
source_row`) and the cell problems found while reading. A file that cannot be
read at all raises `kpi.problems.FileRejected`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kpi.problems import FileRejected, Problem
from kpi.units import UnitRegistry
from loaders.csv_reader import read_csv
from loaders.excel_reader import read_excel
from loaders.sniff import Kind, detect
from loaders.tabular import Grid, to_table


@dataclass(frozen=True)
class LoadResult:
    frame: pd.DataFrame
    problems: list[Problem]
    kind: Kind
    unused_columns: list[str]


def read(source: Path | bytes, filename: str | None, units: UnitRegistry) -> LoadResult:
    """Read a file by its content (the name only helps messages)."""
    data = source.read_bytes() if isinstance(source, Path) else source
    kind = detect(data)
    grid: Grid = read_csv(data) if kind is Kind.CSV else read_excel(data, kind)
    table = to_table(grid, units)
    return LoadResult(table.frame, table.problems, kind, table.unused_columns)


__all__ = ["FileRejected", "Kind", "LoadResult", "Problem", "read"]
