"""The one place numbers, percents, points, quarters and dates become text, in vi and en.

Vietnamese numbers follow CLDR as Babel prints them (`format_decimal(x, "#,##0.0",
locale="vi")`): "." groups thousands, "," marks decimals, halves round to even on the
shortest decimal form of the float (0.35 -> "0,4"). English uses "," and ".".
Pure (the standard library and the text catalogue), so the domain, the renderers and the
entry points share it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from kpi.periods import LOCAL_ZONE, Quarter, ReportPeriod  # a user's date and time are Việt Nam's
from kpi.text import t

MISSING = "—"
_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (group, decimal)


def _decimal(value: object) -> Decimal | None:
    """The value as Babel reads it: a float through its shortest repr; None if not a number."""
    if value is None or isinstance(value, (str, bytes, bool)):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or math.isinf(number):
        return None
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(number))


def number(
    value: object,
    lang: str = "vi",
    digits: int = 1,
    *,
    signed: bool = False,
    trim: bool = False,
    grouping: bool = True,
    missing: str = MISSING,
) -> str:
    """'1.234.567,9' (vi) or '1,234,567.9' (en).

    `trim` drops trailing fraction zeros (pattern "#,##0.#"); `signed` puts "+" before a
    value above zero; `missing` stands for None, NaN and text that is not a number.
    """
    exact = _decimal(value)
    if exact is None:
        return missing
    try:
        rounded = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    except InvalidOperation:  # more digits than the context holds: print it unrounded
        rounded = exact
    text = f"{abs(rounded):,.{digits}f}" if grouping else f"{abs(rounded):.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").removesuffix(".")
    group, point = _SEPARATORS["en" if lang == "en" else "vi"]
    text = text.replace(",", "\x00").replace(".", point).replace("\x00", group)
    if rounded.is_signed() and not rounded.is_zero():  # -0.04 rounds to 0,0, not -0,0
        return f"-{text}"
    return f"+{text}" if signed and not rounded.is_zero() and exact > 0 else text


def percent(value: object, lang: str = "vi", digits: int = 1, **options: object) -> str:
    """'85,5%'; the missing mark alone when there is no value."""
    missing = str(options.get("missing", MISSING))
    shown = number(value, lang, digits, **options)  # type: ignore[arg-type]
    return shown if shown == missing else f"{shown}%"


def signed(value: object, lang: str = "vi", digits: int = 1, **options: object) -> str:
    """'+2,5' above zero, '-2,5' below, '0,0' at zero."""
    return number(value, lang, digits, signed=True, **options)  # type: ignore[arg-type]


def points(value: object, lang: str = "vi", digits: int = 1) -> str:
    """A signed change in percentage points: '+2,5 điểm %' / '+2.5 pp'."""
    shown = signed(value, lang, digits)
    if shown == MISSING:
        return shown
    return f"{shown} pp" if lang == "en" else f"{shown} điểm %"


def unit_label(code: str, name: str | None = None) -> str:
    """A reporting unit as every list, table and selection names it: 'VPB · Văn phòng Bộ'
    (the code alone when no name is known). Headings and sentences use the name alone."""
    shown = (name or "").strip()
    return f"{code} · {shown}" if shown and shown != code else code


def scope_label(unit: str | None, lang: str = "vi") -> str:
    """What figures cover: a unit (its label or name, as the context shows units), or the
    ministry as a whole (None), named one way everywhere: 'Toàn Bộ Nội vụ'."""
    return unit if unit else t("whole_ministry", lang)


_QUARTER_TEXT = re.compile(r"(\d{4})-Q(\d)")


def _year_quarter(period: object) -> tuple[int, int] | None:
    """(year, q) of a Quarter, a quarter index or a '2025-Q3' text; None for other text."""
    if isinstance(period, Quarter):
        return period.year, period.q
    if isinstance(period, int):
        quarter = Quarter.from_index(period)
        return quarter.year, quarter.q
    match = _QUARTER_TEXT.fullmatch(str(period))
    return (int(match[1]), int(match[2])) if match else None


_EMPTY_CELLS = {"NAType", "NaTType"}  # pandas' NA and NaT, by name: no pandas import here


def _absent(value: object) -> bool:
    """None, empty text, or the NaN / NA / NaT a table holds in an empty cell (pandas 3
    stores a missing text as NaN)."""
    if value is None or (isinstance(value, str) and not value):
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in _EMPTY_CELLS


def quarter_label(period: object, lang: str = "vi", missing: str = MISSING) -> str:
    """The one form a person reads: 'Quý 3/2025' (vi), 'Q3 2025' (en).

    Takes a Quarter, a quarter index or a '2025-Q3' text; other text is shown as it is,
    nothing (None, '', NaN, NA, NaT) as `missing`.
    """
    if _absent(period):
        return missing
    parts = _year_quarter(period)
    return str(period) if parts is None else Quarter(*parts).name(lang)


def half_year_label(year: int, half: int, lang: str = "vi") -> str:
    """'6 tháng đầu năm 2026' (vi), 'H1 2026' (en)."""
    if lang == "en":
        return f"H{half} {year}"
    return f"6 tháng {'đầu' if half == 1 else 'cuối'} năm {year}"


def report_period_label(period: ReportPeriod, lang: str = "vi") -> str:
    """A report's period: '6 tháng đầu năm 2025' / 'H1 2025', 'năm 2025' / 'year 2025'.

    A half-year has one form per language, the same as `half_year_label` gives elsewhere.
    """
    if period.half:
        return half_year_label(period.year, period.half, lang)
    return f"year {period.year}" if lang == "en" else f"năm {period.year}"


# The same day-first form typed into a date field (st.date_input's `format`), in both
# languages: an English page shows its days as '30/11/2026' too, never '2026/11/30'.
DAY_INPUT_FORMAT = "DD/MM/YYYY"


def day_label(day: dt.date | None, missing: str = MISSING) -> str:
    """A calendar day as officers write it: '30/11/2026'."""
    return missing if day is None else day.strftime("%d/%m/%Y")


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def long_date(day: dt.date, lang: str = "vi") -> str:
    """The date line of an official document: 'ngày 05 tháng 01 năm 2026', '05 January 2026'."""
    if lang == "en":
        return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _in_vietnam(moment: dt.datetime) -> dt.datetime:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(LOCAL_ZONE)


def local_moment(moment: dt.datetime | None, missing: str = MISSING) -> str:
    """A stored instant in Việt Nam's time: '30/11/2026 14:05' (naive values count as UTC)."""
    return missing if moment is None else _in_vietnam(moment).strftime("%d/%m/%Y %H:%M")


def local_day(moment: dt.datetime | None, missing: str = MISSING) -> str:
    """The day of a stored instant in Việt Nam: '30/11/2026'."""
    return missing if moment is None else day_label(_in_vietnam(moment).date())


def utc_moment(moment: object) -> str:
    """'YYYY-MM-DD HH:MM' in UTC, whatever the database returned ('' for none)."""
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        return moment.strftime("%Y-%m-%d %H:%M")
    return "" if moment is None else str(moment)
