"""The caps every reader enforces while it reads, before it builds anything large."""

from __future__ import annotations

from dataclasses import dataclass

from kpi.problems import FileRejected, Problem

EXCEL_CELL_CHARS = 32_767  # Excel's own limit for one cell


@dataclass(frozen=True)
class Limits:
    """Caps for one file; `max_rows` is the setting, the rest are fixed bounds."""

    max_rows: int = 200_000
    max_columns: int = 256
    max_line_chars: int = 300_000
    max_cell_chars: int = EXCEL_CELL_CHARS
    max_cells: int = 10_000_000  # the area of a sheet's used range
    max_text_chars: int = 100_000_000  # all shared strings as the cells repeat them
    max_member_bytes: int = 200 * 2**20  # one part of a zip archive, expanded
    memory_bytes: int = 2**30  # a child reader may use this much more address space
    seconds: float = 30.0

    @property
    def max_lines(self) -> int:
        """Data rows plus room for titles, a header and blank lines."""
        return self.max_rows + 1_000


def too_big(code: str, **params: object) -> FileRejected:
    return FileRejected(Problem(code, params=dict(params)))
