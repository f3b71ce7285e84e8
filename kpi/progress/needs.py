"""What an indicator still needs, in one sentence per state (never a negative pace).

achieved → hold the level; holding (at the target since the baseline) → stay within the
margin; no verdict or no recent data → say why no pace is given; otherwise the points per
quarter still needed and next quarter's level, unless the latest value is already there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from kpi.formatting import number, percent, quarter_label
from kpi.progress import method
from kpi.progress.status import Status
from kpi.text import t


def _num(value: object) -> float | None:
    if isinstance(value, int | float) and not math.isnan(float(value)):
        return float(value)
    return None


def is_holding(row: Mapping[str, object], target: float) -> bool:
    base = _num(row.get("baseline_value"))
    return row.get("status") == Status.ON_TRACK.value and base is not None and base >= target


def needs_lines(row: Mapping[str, object], target: float, lang: str = "vi") -> list[str]:
    """The sentences of the words panel about what is still needed."""
    status = str(row.get("status"))
    goal = percent(target, lang, 0)
    if status == Status.ACHIEVED.value:
        return [t("needs.achieved", lang, target=goal)]
    if status == Status.INSUFFICIENT_DATA.value:
        return [t("needs.no_verdict", lang)]
    if status == Status.NO_RECENT_DATA.value:
        last = quarter_label(str(row.get("latest_period") or ""), lang)
        return [t("needs.no_recent", lang, last=last)]
    if is_holding(row, target):
        hold = number(method.HOLD_PP, lang, 0)
        return [t("needs.holding", lang, target=goal, hold=hold)]
    return _pace_lines(row, lang)


def _pace_lines(row: Mapping[str, object], lang: str) -> list[str]:
    per_quarter = _num(row.get("remaining_pace_pp_per_quarter"))
    latest, needed = _num(row.get("latest_value")), _num(row.get("next_quarter_needed"))
    if per_quarter is None or latest is None or needed is None:
        return [t("needs.no_verdict", lang)]
    if per_quarter <= 0 or needed <= latest:
        return [t("needs.already_there", lang, latest=percent(latest, lang))]
    return [
        t("needs.per_quarter", lang, per_quarter=number(per_quarter, lang, 2)),
        t("needs.next", lang, value=percent(needed, lang)),
    ]
