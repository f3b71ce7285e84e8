"""Read officers' files (CSV, .xlsx, .xls, .ods) into one canonical long table.

`read(source, filename, units, limits)` returns a `LoadResult` with the canonical frame
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
from loaders.limits import Limits
from loaders.sniff import Kind, detect
from loaders.tabular import Grid, to_table


@dataclass(frozen=True)
class LoadResult:
    frame: pd.DataFrame
    problems: list[Problem]
    kind: Kind
    unused_columns: list[str]
    not_reported: int = 0


def read(
    source: Path | bytes,
    filename: str | None,
    units: UnitRegistry,
    limits: Limits | None = None,
) -> LoadResult:
    """Read a file by its content (the name only helps messages), within `limits`.

    Every failure is a FileRejected with a message: never a library's exception.
    """
    data = source.read_bytes() if isinstance(source, Path) else source
    limits = limits or Limits()
    try:
        kind = detect(data, limits)
        grid: Grid = read_csv(data, limits) if kind is Kind.CSV else read_excel(data, kind, limits)
        table = to_table(grid, units)
    except FileRejected:
        raise
    except MemoryError as exc:
        raise FileRejected(Problem("too_big_in_memory")) from exc
    except Exception as exc:  # a reader's own error: the file's fault, told plainly
        raise FileRejected(Problem("unreadable_file")) from exc
    return LoadResult(table.frame, table.problems, kind, table.unused_columns, table.not_reported)


__all__ = ["FileRejected", "Kind", "Limits", "LoadResult", "Problem", "read"]
