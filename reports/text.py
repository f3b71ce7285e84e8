"""How the reports word and colour things: catalogue keys, number options, status marks.

The words live in `kpi.text` (keys `report.*`), the formats in `kpi.formatting`, the
colours in `kpi.palette`; this module only fixes the report's choices among them.
"""

from __future__ import annotations

import datetime as dt

from kpi import palette
from kpi.formatting import (
    day_label,
    local_moment,
    long_date,
    number,
    quarter_label,
    scope_label,
    unit_label,
)
from kpi.periods import LOCAL_ZONE, TARGET_PERIOD, Quarter
from kpi.progress.legend import status_legend
from kpi.text import LANGS, t

__all__ = [
    "LANGS",
    "MOVEMENT_RGB",
    "STATUS_RGB",
    "day_text",
    "figure",
    "known_on_text",
    "label",
    "method_lines",
    "method_rules",
    "moment_text",
]

DIGITS = 2  # the report's tables show two decimals
NO_VALUE = "-"


def method_rules(lang: str = "vi") -> tuple[str, ...]:
    """'★ Achieved: <the legend's rule>', one line per status, in the order tried."""
    return tuple(
        label("method_rule", lang, status=status_mark(status, lang), rule=rule)
        for status, rule in status_legend(lang)
    )


def method_lines(lang: str = "vi") -> tuple[str, ...]:
    """The annex's method: the status rules are the overview legend's, filled from
    kpi.progress.method, so the report cannot state other thresholds than the judgement."""
    target = quarter_label(TARGET_PERIOD, lang)
    return (
        label("method_1", lang, target=target),
        label("method_2", lang, target=target),
        label("method_3", lang),
        *method_rules(lang),
        label("method_4", lang),
        label("method_5", lang),
    )


# The dashboard's palette as RGB for fpdf and openpyxl; words go with every colour.
STATUS_RGB: dict[str, tuple[int, int, int]] = {
    status: palette.rgb(strong) for status, (strong, _tint) in palette.STATUS_COLOURS.items()
}
OTHER_STATUS_RGB = palette.rgb(palette.OTHER_STATUS[0])
MOVEMENT_RGB: dict[str, tuple[int, int, int]] = {
    movement: palette.rgb(colour) for movement, colour in palette.MOVEMENT_COLOURS.items()
}


def status_rgb(status: object) -> tuple[int, int, int]:
    return STATUS_RGB.get(str(status), OTHER_STATUS_RGB)


def label(key: str, lang: str = "vi", /, **values: object) -> str:
    return t(f"report.{key}", lang, **values)


def figure(value: object, lang: str = "vi", digits: int = DIGITS, signed: bool = False) -> str:
    """A figure of the report's tables: two decimals, '-' when there is none."""
    if isinstance(value, str) and value:
        return value  # already words (a cell the report fills with text)
    return number(value, lang, digits, signed=signed, missing=NO_VALUE)


def status_word(status: object, lang: str = "vi") -> str:
    """The status in words: `.vi`/`.en` of kpi.progress.Status."""
    word = getattr(status, "en" if lang == "en" else "vi", None)
    return str(word) if word else str(status)


def status_mark(status: object, lang: str = "vi") -> str:
    """Icon and word, so the status never rests on colour alone."""
    icon = getattr(status, "icon", "")
    return f"{icon} {status_word(status, lang)}".strip()


def summary_sentence(
    as_of: Quarter, counts: dict[str, int], moves: dict[str, int], lang: str = "vi"
) -> str:
    """One sentence a leader reads first: where the indicators stand, what moved."""
    return t(
        "report.summary",
        lang,
        as_of=quarter_label(as_of, lang),
        total=sum(counts.values()),
        achieved=counts.get("achieved", 0),
        on_track=counts.get("on_track", 0),
        accelerate=counts.get("needs_acceleration", 0),
        off=counts.get("limited_progress", 0) + counts.get("deteriorating", 0),
        insufficient=counts.get("insufficient_data", 0),
        improved=moves.get("improved", 0),
        worsened=moves.get("worsened", 0),
    )


def day_text(day: dt.date, lang: str = "vi") -> str:
    """A day in a report's prose and tables: '25/01/2026', '25 January 2026'."""
    return long_date(day, "en") if lang == "en" else day_label(day)


def moment_text(moment: dt.datetime | None, lang: str = "vi", missing: str = NO_VALUE) -> str:
    """A stored instant in Việt Nam's time, its day in the form `day_text` gives."""
    if moment is None:
        return missing
    if lang != "en":
        return local_moment(moment, missing)
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    local = aware.astimezone(LOCAL_ZONE)
    return f"{day_text(local.date(), lang)} {local:%H:%M}"


def known_on_text(known_on: dt.date | None, lang: str = "vi") -> str:
    """Which revisions a report used: those stored by the end of a day, or all of them."""
    if known_on is None:
        return label("known_now", lang)
    return day_text(known_on, lang)


def report_unit(code: str, name: str, is_root: bool, lang: str = "vi") -> str:
    """A report's unit line: the ministry as a whole named as everywhere ('Toàn Bộ Nội vụ'),
    or a unit as the tables name it ('VPB · Văn phòng Bộ')."""
    return scope_label(None if is_root else unit_label(code, name), lang)
