"""The plan's tasks (Phụ lục II) and databases (Phụ lục III): catalogue, deadlines, state.

Pure: the data file `kpi/data/tasks.csv` (transcribed from the plan), its
validated loader, the completion-time parser, progress reports and the
overdue rule. Storage and entry points live elsewhere.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

from kpi import text as catalogue_text
from kpi.formatting import MISSING, long_date
from kpi.messages import Explained, say

DATA_FILE = "tasks.csv"
EN_FILE = "tasks_en.csv"  # English of the plan's own rows, beside the Vietnamese, by code
GROUPS_FILE = "task_groups.csv"
COLUMNS = (
    "code",
    "kind",
    "group",
    "name",
    "lead_units",
    "lead_unit_codes",
    "coordinating_units",
    "coordinating_unit_codes",
    "deadline_text",
)
CODE_PATTERN = re.compile(r"(II|III)\.\d{1,3}|[A-Z][A-Z0-9]{0,15}(\.[A-Z0-9]{1,16}){1,3}")
GROUP_CODES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


class TaskCatalogueError(Explained, ValueError):
    """A task file or row that breaks the catalogue's rules."""


class TaskKind(StrEnum):
    TASK = "task"
    DATABASE = "database"


class TaskState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    PAUSED = "paused"

    def label(self, lang: str = "vi") -> str:
        return catalogue_text.t(f"task_state.{self.value}", lang)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A completion time as written, and what it means."""

    text: str
    date: dt.date | None
    recurring: bool


@dataclass(frozen=True, slots=True)
class PlanTask:
    code: str
    kind: TaskKind
    group: str
    name: str
    lead_units: str
    lead_unit_codes: tuple[str, ...]
    coordinating_units: str
    coordinating_unit_codes: tuple[str, ...]
    deadline: Deadline

    @property
    def deadline_text(self) -> str:
        return self.deadline.text

    def _in(self, field: str, vietnamese: str, lang: str) -> str:
        # Imported tasks have no English; their own text is shown as written.
        if lang != "en" or not vietnamese:
            return vietnamese
        return _english().get(self.code, {}).get(field) or vietnamese

    def name_in(self, lang: str = "vi") -> str:
        return self._in("name_en", self.name, lang)

    def lead_units_in(self, lang: str = "vi") -> str:
        return self._in("lead_units_en", self.lead_units, lang)

    def coordinating_units_in(self, lang: str = "vi") -> str:
        return self._in("coordinating_units_en", self.coordinating_units, lang)

    def deadline_text_in(self, lang: str = "vi") -> str:
        return self._in("deadline_text_en", self.deadline.text, lang)

    def deadline_label_in(self, lang: str = "vi") -> str:
        """The completion time in the one form every page and export shows."""
        return deadline_label(self.deadline, lang)

    def deadline_note_in(self, lang: str = "vi") -> str:
        """The plan's own words for the time where they say more than it (II.9), else ''."""
        return self.deadline_text_in(lang) if deadline_has_words(self.deadline) else ""


@dataclass(frozen=True, slots=True)
class TaskGroup:
    code: str
    name_vi: str
    name_en: str

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_RANGE = re.compile(r"\b(\d{4})\s*[-–—]\s*(\d{4})\b")
_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_MONTH = re.compile(r"\b(\d{1,2})/(\d{4})\b")
_YEAR = re.compile(r"\b(\d{4})\b")


@dataclass(frozen=True, slots=True)
class _Found:
    """One time written in a completion-time text, and how precisely it was written."""

    date: dt.date
    form: str  # "range", "day", "month" or "year"
    since: int | None = None


def _found(written: str) -> list[_Found]:
    rest = written
    found: list[_Found] = []
    for pattern, build in (
        (_RANGE, lambda m: _Found(dt.date(int(m[2]), 12, 31), "range", int(m[1]))),
        (_DAY, lambda m: _Found(dt.date(int(m[3]), int(m[2]), int(m[1])), "day")),
        (_MONTH, lambda m: _Found(_month_end(int(m[2]), int(m[1])), "month")),
        (_YEAR, lambda m: _Found(dt.date(int(m[1]), 12, 31), "year")),
    ):
        found.extend(build(match) for match in pattern.finditer(rest))
        rest = pattern.sub(" ", rest)
    return found


def parse_deadline(text: str) -> Deadline:
    """`5/2025`, `2025`, `02/9/2025`, `2025-2026`, `Nhiệm vụ thường xuyên`, or nothing.

    Where the plan writes several times (II.9: one per law) the latest one is
    the task's completion time.
    """
    written = " ".join(unicodedata.normalize("NFC", text or "").split())
    recurring = "thường xuyên" in written.casefold()
    try:
        dates = [f.date for f in _found(written)]
    except ValueError as exc:
        raise TaskCatalogueError(say("error.tasks.bad_deadline", written=written)) from exc
    if written and not recurring and not dates:
        raise TaskCatalogueError(say("error.tasks.unreadable_deadline", written=written))
    return Deadline(written, max(dates) if dates else None, recurring)


def _time_label(found: _Found, lang: str) -> str:
    day = found.date
    if found.form == "day":  # English days in words, as the report writes them: no 02/09 doubt
        return long_date(day, "en") if lang == "en" else day.strftime("%d/%m/%Y")
    if found.form == "month":
        return f"{day.month:02d}/{day.year}"
    if found.form == "range":
        return f"{found.since}–{day.year}"
    return str(day.year)


def deadline_label(deadline: Deadline, lang: str = "vi") -> str:
    """One form for every completion time: '06/2025', '02/09/2025', '2025–2026',
    'Thường xuyên', '02/2025, thường xuyên'; the latest time where the plan writes several."""
    try:
        found = _found(deadline.text)
    except ValueError:
        found = []
    if not found:
        return catalogue_text.t("task_deadline.recurring", lang) if deadline.recurring else MISSING
    when = _time_label(max(found, key=lambda f: f.date), lang)
    if deadline.recurring:
        return catalogue_text.t("task_deadline.recurring_from", lang, when=when)
    return when


_RECURRING_WORDS = re.compile(r"(nhiệm vụ\s+)?thường xuyên", re.IGNORECASE)


def deadline_has_words(deadline: Deadline) -> bool:
    """The plan says more than a time (II.9 names a law per time): its text is worth showing."""
    rest = deadline.text
    for pattern in (_RANGE, _DAY, _MONTH, _YEAR, _RECURRING_WORDS):
        rest = pattern.sub(" ", rest)
    return bool(re.sub(r"[\W_]+", "", rest))


def _codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(";") if part.strip())


def _clean(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def parse_task_row(line: int, row: Mapping[str, str | None]) -> PlanTask:
    def fail(column: str, why: object) -> TaskCatalogueError:
        return TaskCatalogueError(say("error.tasks.row", line=line, column=column, why=why))

    code = _clean(row.get("code"))
    if not CODE_PATTERN.fullmatch(code):
        raise fail("code", say("error.tasks.bad_code", code=code))
    try:
        kind = TaskKind(_clean(row.get("kind")))
    except ValueError as exc:
        raise fail("kind", say("error.tasks.bad_kind")) from exc
    group = _clean(row.get("group"))
    if group not in GROUP_CODES:
        raise fail("group", say("error.tasks.bad_group", group=group))
    for column in ("name", "lead_units"):
        if not _clean(row.get(column)):
            raise fail(column, say("error.empty_field"))
    try:
        deadline = parse_deadline(row.get("deadline_text") or "")
    except TaskCatalogueError as exc:
        raise fail("deadline_text", str(exc)) from exc
    return PlanTask(
        code=code,
        kind=kind,
        group=group,
        name=_clean(row.get("name")),
        lead_units=_clean(row.get("lead_units")),
        lead_unit_codes=_codes(row.get("lead_unit_codes") or ""),
        coordinating_units=_clean(row.get("coordinating_units")),
        coordinating_unit_codes=_codes(row.get("coordinating_unit_codes") or ""),
        deadline=deadline,
    )


def parse_tasks(text: str, known_units: Iterable[str] | None = None) -> list[PlanTask]:
    """Read and validate task CSV text; unit codes must be known when a list is given."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise TaskCatalogueError(say("error.tasks.missing_columns", columns=", ".join(missing)))
    tasks = [parse_task_row(n, row) for n, row in enumerate(reader, start=2)]
    if not tasks:
        raise TaskCatalogueError(say("error.tasks.no_rows"))
    codes = [t.code for t in tasks]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise TaskCatalogueError(say("error.tasks.duplicates", codes=", ".join(duplicates)))
    if known_units is not None:
        known = set(known_units)
        for task in tasks:
            unknown = [
                c for c in task.lead_unit_codes + task.coordinating_unit_codes if c not in known
            ]
            if unknown:
                raise TaskCatalogueError(
                    say("error.tasks.unknown_units", code=task.code, units=", ".join(unknown))
                )
    return tasks


def _read(name: str, path: Path | None) -> str:
    if path is None:
        return resources.files("kpi.data").joinpath(name).read_text(encoding="utf-8")
    return path.read_text(encoding="utf-8-sig")


def load_plan_tasks(path: Path | None = None) -> list[PlanTask]:
    """The packaged catalogue of Phụ lục II and III, or another file with its columns."""
    return parse_tasks(_read(DATA_FILE, path))


@functools.cache
def _english() -> dict[str, dict[str, str]]:
    reader = csv.DictReader(io.StringIO(_read(EN_FILE, None)))
    return {row["code"]: {k: _clean(v) for k, v in row.items()} for row in reader}


def load_task_groups() -> list[TaskGroup]:
    reader = csv.DictReader(io.StringIO(_read(GROUPS_FILE, None)))
    return [TaskGroup(r["code"], r["name_vi"], r["name_en"]) for r in reader]


def code_sort_key(code: str) -> tuple[str, int, str]:
    """II.2 before II.10; Phụ lục II before III; imported codes after, by text."""
    head, _, tail = code.partition(".")
    order = {"II": "0", "III": "1"}.get(head, "2" + head)
    return (order, int(tail) if tail.isdigit() else 0, tail)


def sorted_tasks(tasks: Iterable[PlanTask]) -> list[PlanTask]:
    return sorted(tasks, key=lambda t: code_sort_key(t.code))


def tasks_csv(tasks: Sequence[PlanTask]) -> str:
    """The catalogue as CSV text with COLUMNS (the form `kpi tasks import` reads)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for t in tasks:
        writer.writerow(
            (
                t.code,
                t.kind.value,
                t.group,
                t.name,
                t.lead_units,
                ";".join(t.lead_unit_codes),
                t.coordinating_units,
                ";".join(t.coordinating_unit_codes),
                t.deadline.text,
            )
        )
    return out.getvalue()


def iter_unit_codes(tasks: Iterable[PlanTask]) -> Iterator[str]:
    for task in tasks:
        yield from task.lead_unit_codes
        yield from task.coordinating_unit_codes
