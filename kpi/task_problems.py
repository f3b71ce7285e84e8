"""Every message a task progress file can get, in Vietnamese and English.

Same shape as kpi.problems (row as in Excel, column, value, message code), for
the progress template of Phụ lục II and III.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kpi.problems import ROW_KEYS
from kpi.text import STRINGS, fill, t, words

COLUMN_KEYS = frozenset(
    key.removeprefix("task_column.") for key in STRINGS if key.startswith("task_column.")
)


@dataclass(frozen=True)
class TaskProblem:
    code: str
    row: int | None = None
    column: str | None = None
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        params = {"why": "", "why_en": "", **self.params}
        if lang == "en":  # a rule's reason comes in both languages
            params["why"] = params["why_en"]
        return fill(words(f"task_problem.{self.code}", lang), value=self.value, **params)

    def column_label(self, lang: str = "vi") -> str:
        if self.column not in COLUMN_KEYS:
            return self.column or ""
        return t(f"task_column.{self.column}", lang)

    def as_row(self, lang: str = "vi") -> dict[str, object]:
        keys = [t(key, lang) for key in ROW_KEYS]
        values = (self.row, self.column_label(lang), self.value, self.text(lang))
        return dict(zip(keys, values, strict=True))
