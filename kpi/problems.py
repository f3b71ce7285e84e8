"""Every message an upload can get, in Vietnamese and English, in one place.

A `Problem` names the row as the officer sees it in Excel, the column, the
offending value and a message code; `text(lang)` renders it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kpi.formatting import number, quarter_label
from kpi.text import STRINGS, fill, t, words

# params shown as numbers (Vietnamese decimal comma) and as quarters ("Quý 2/2026")
NUMBER_PARAMS = frozenset({"previous", "computed", "denominator"})
SIGNED_PARAMS = frozenset({"delta"})
QUARTER_PARAMS = frozenset({"period"})
COLUMN_KEYS = frozenset(key.removeprefix("column.") for key in STRINGS if key.startswith("column."))
ROW_KEYS = ("problem_col.row", "problem_col.column", "problem_col.value", "problem_col.message")


@dataclass(frozen=True)
class Problem:
    """One problem of an upload, by row (as in Excel) and column."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        template = words(f"problem.{self.code}", lang)
        params = {k: _shown(k, v, lang) for k, v in self.params.items()}
        params.setdefault("row", self.row)
        return fill(template, value=self.value, column=self.column_label(lang), **params)

    def column_label(self, lang: str = "vi") -> str:
        if self.column is None:
            return ""
        return t(f"column.{self.column}", lang) if self.column in COLUMN_KEYS else self.column

    def as_row(self, lang: str = "vi") -> dict[str, object]:
        keys = [t(key, lang) for key in ROW_KEYS]
        return dict(
            zip(keys, (self.row, self.column_label(lang), self.value, self.text(lang)), strict=True)
        )


def _shown(key: str, value: Any, lang: str) -> Any:
    if key == "hint":
        return t(f"hint.{value}", lang) if f"hint.{value}" in STRINGS else ""
    if key in QUARTER_PARAMS and isinstance(value, str):
        return quarter_label(value, lang)
    if isinstance(value, float) and (key in NUMBER_PARAMS or key in SIGNED_PARAMS):
        # at most one decimal, none when whole: "46,7", "+25"
        return number(value, lang, 1, signed=key in SIGNED_PARAMS, trim=True)
    return value


class FileRejected(Exception):
    """The file cannot be read at all (the CLI exits 2)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text("vi"))
        self.problem = problem


def problems_table(problems: list[Problem], lang: str = "vi") -> list[dict[str, object]]:
    return [p.as_row(lang) for p in sorted(problems, key=lambda p: (p.row or 0, p.column or ""))]
