"""The one status palette: the dashboard's charts and tables and the XLSX/PDF reports.

Okabe-Ito hues, darkened so marks and words reach ≥ 3:1 (marks) and ≥ 4.5:1 (text) on
white; each tint carries dark INK text at ≥ 4.5:1. The status word or icon always goes
with the colour, so colour is never the only signal.
"""

from __future__ import annotations

INK = "#1B2430"  # dark text, on white and on every tint

# status value -> (strong colour for marks and words, light tint for table cells)
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "achieved": ("#006B4F", "#DDF2EA"),
    "on_track": ("#005A8E", "#DCEBF7"),
    "needs_acceleration": ("#8A5A00", "#FCEFD2"),
    "limited_progress": ("#B03A00", "#FBE3D6"),
    "deteriorating": ("#8E2A66", "#F6DFEC"),
    "insufficient_data": ("#55606E", "#ECEFF3"),
}
# A status without a hue of its own (no recent data): grey words, no tint.
OTHER_STATUS = ("#55606E", "#FFFFFF")

# Change of status since the previous report, in the reports' tables.
MOVEMENT_COLOURS: dict[str, str] = {
    "improved": STATUS_COLOURS["achieved"][0],
    "worsened": STATUS_COLOURS["deteriorating"][0],
    "unchanged": STATUS_COLOURS["insufficient_data"][0],
    "new": STATUS_COLOURS["insufficient_data"][0],
}

# Reporting states (completeness) and overdue tasks reuse the status tints.
REPORT_STATE_TINTS: dict[str, str] = {
    "on_time": STATUS_COLOURS["achieved"][1],
    "late": STATUS_COLOURS["needs_acceleration"][1],
    "missing": STATUS_COLOURS["limited_progress"][1],
    "not_due": "#F2F5F9",
}
OVERDUE_TINT = STATUS_COLOURS["limited_progress"][1]


def status_colours(status: object) -> tuple[str, str]:
    """(strong, tint) of a status or its value; grey and white for one without a hue."""
    return STATUS_COLOURS.get(str(status), OTHER_STATUS)


def cell_style(tint: str) -> str:
    """A pandas Styler rule: the tint with dark text."""
    return f"background-color: {tint}; color: {INK}"


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1B2430' -> (27, 36, 48), for fpdf and openpyxl."""
    value = colour.removeprefix("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
