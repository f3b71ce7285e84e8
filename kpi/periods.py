"""Quarterly periods: parsing, arithmetic and labels.

A period is a calendar quarter. Time between periods is counted in quarters
and divided by 4, which gives years (see docs/methodology.md).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, total_ordering
from zoneinfo import ZoneInfo

from kpi.messages import Explained, say

EARLIEST_YEAR = 2020
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


class PeriodError(Explained, ValueError):
    """A text that is not a quarter we can read."""


@total_ordering
@dataclass(frozen=True, slots=True)
class Quarter:
    year: int
    q: int

    def __post_init__(self) -> None:
        if not 1 <= self.q <= 4:
            raise PeriodError(say("error.period.no_quarter", q=self.q))
        if not 1900 <= self.year <= 2200:
            raise PeriodError(say("error.period.bad_year", year=self.year))

    @property
    def index(self) -> int:
        """Quarters since year 0; differences give quarters between periods."""
        return self.year * 4 + (self.q - 1)

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Quarter):
            return NotImplemented
        return self.index < other.index

    def __add__(self, quarters: int) -> Quarter:
        return Quarter.from_index(self.index + quarters)

    def __sub__(self, other: Quarter) -> int:
        return self.index - other.index

    def __str__(self) -> str:
        return f"{self.year}-Q{self.q}"

    @property
    def label(self) -> str:
        """Label for people, in Vietnamese: 'Quý 3/2025'."""
        return self.name("vi")

    def name(self, lang: str = "vi") -> str:
        """The one form people read: 'Quý 3/2025' (vi), 'Q3 2025' (en)."""
        return f"Q{self.q} {self.year}" if lang == "en" else f"Quý {self.q}/{self.year}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.q - 2, 1)

    @property
    def end(self) -> dt.date:
        nxt = self + 1
        return nxt.start - dt.timedelta(days=1)

    @property
    def years(self) -> float:
        """Time in years on the methodology's axis (quarters / 4)."""
        return self.index / 4


TARGET_PERIOD = Quarter(2030, 4)
EARLIEST_PERIOD = Quarter(EARLIEST_YEAR, 1)

_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?P<year>\d{4})\s*-?\s*q\s*(?P<q>\d)$"),
    re.compile(r"^q\s*(?P<q>\d)\s*[/\-\s]\s*(?P<year>\d{4})$"),
    re.compile(r"^quy\s*(?P<q>\d|i{1,3}|iv)\s*(?:/|-|\s+nam\s+|\s+)\s*(?P<year>\d{4})$"),
)


def _fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: 'Quý III năm 2025' -> 'quy iii nam 2025'."""
    text = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", text)


def parse_quarter(text: str) -> Quarter:
    """Read '2025-Q3', '2025Q3', 'Q3/2025', 'Q3-2025', 'Quý 3/2025', 'Quý III năm 2025'."""
    folded = _fold(str(text))
    for pattern in _PATTERNS:
        match = pattern.match(folded)
        if match:
            raw_q = match.group("q")
            q = ROMAN[raw_q.upper()] if raw_q.isalpha() else int(raw_q)
            try:
                return Quarter(int(match.group("year")), q)
            except PeriodError as exc:
                raise PeriodError(say("error.period.invalid", text=text, why=exc)) from exc
    raise PeriodError(say("error.period.unreadable", text=text))


@lru_cache(maxsize=4096)
def period_code(index: int) -> str:
    """'2025-Q3' for a quarter index: the form files, JSON and the database carry.

    Inside, periods travel as the integer index; this runs only at the edges."""
    return str(Quarter.from_index(int(index)))


LOCAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def local_today() -> dt.date:
    """Today in Việt Nam (UTC+7): deadlines, quarters and report dates are its calendar
    days; the server's own day is UTC's, a day behind from 17:00 to midnight UTC."""
    return dt.datetime.now(LOCAL_ZONE).date()


def current_quarter(today: dt.date | None = None) -> Quarter:
    return Quarter.containing(today or local_today())


def last_ended_quarter(today: dt.date | None = None) -> Quarter:
    """The most recent quarter that has fully ended."""
    return current_quarter(today) + -1


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    return [Quarter.from_index(i) for i in range(first.index, last.index + 1)]


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """A 6-month (H1/H2) or year-end reporting period of the plan."""

    year: int
    half: int | None  # 1, 2, or None for the whole year

    @property
    def closing(self) -> Quarter:
        return Quarter(self.year, 2 if self.half == 1 else 4)

    @property
    def opening(self) -> Quarter:
        if self.half == 2:
            return Quarter(self.year, 3)
        return Quarter(self.year, 1)

    @property
    def previous(self) -> ReportPeriod:
        if self.half == 2:
            return ReportPeriod(self.year, 1)
        if self.half == 1:
            return ReportPeriod(self.year - 1, 2)
        return ReportPeriod(self.year - 1, None)

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}" if self.half else str(self.year)


def parse_report_period(text: str) -> ReportPeriod:
    match = re.fullmatch(r"\s*(\d{4})(?:-H([12]))?\s*", text.upper())
    if not match:
        raise PeriodError(say("error.period.report_form", text=text))
    half = int(match.group(2)) if match.group(2) else None
    return ReportPeriod(int(match.group(1)), half)
