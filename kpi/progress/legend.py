"""The status legend: each status and the rule that gives it, with the method's thresholds.

The numbers come from kpi.progress.method, so the legend cannot drift from the judgement.
"""

from __future__ import annotations

from kpi.formatting import number, percent
from kpi.progress import method
from kpi.progress.status import Status
from kpi.text import t

# The order in which the method tries its rules (docs/methodology.md, status table).
RULE_ORDER = (
    Status.ACHIEVED,
    Status.NO_RECENT_DATA,
    Status.INSUFFICIENT_DATA,
    Status.ON_TRACK,
    Status.NEEDS_ACCELERATION,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATING,
)


def rule_text(status: Status, lang: str = "vi") -> str:
    """When `status` is given, in words with the thresholds filled in."""
    hold = f"{number(method.HOLD_PP, lang, 0)} {'pp' if lang == 'en' else 'điểm %'}"
    fields = {
        "full": f"≥ {percent(method.FULL_ACHIEVED, lang, 0)}",
        "n": method.NO_RECENT_QUARTERS,
        "points": method.MIN_POINTS,
        "span": method.MIN_SPAN_QUARTERS,
        "on": number(method.ON_TRACK_PROGRESS, lang, 2),
        "acc": number(method.ACCELERATION_PROGRESS, lang, 2),
        "hold": hold,
    }
    return t(f"legend.{status.value}", lang, **fields)


def status_legend(lang: str = "vi") -> list[tuple[Status, str]]:
    """(status, rule) in the order the rules are tried."""
    return [(status, rule_text(status, lang)) for status in RULE_ORDER]
