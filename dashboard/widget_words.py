"""Streamlit's own English widget texts, rewritten in Vietnamese in the browser.

Streamlit 1.67 has no setting for the words its widgets draw or announce: the data grid's
column menu, the date picker's month and weekday names and buttons, "No results" in a
select box, the file uploader's "Upload" button, size line and chips, the frame's "Skip to
main content". Each page run injects one script (dashboard/static/widget_words.js) that
watches the page and, on a Vietnamese page, replaces a text node or an
aria-label/title/placeholder whose whole text is one of Streamlit's English texts
(kpi/text/streamlit_words.py) by its Vietnamese pair, or rewrites it by a pattern ("Remove
{text}"); the uploader's limit is the server's, not Streamlit's rounding. It looks only
inside Streamlit's widget containers and never into what holds our or the users' words
(markdown, options, file names, grid cells). On an English page the same script puts back
what it changed. The real text nodes change, so a screen reader and a copy-paste read the
words the eye sees.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import altair as alt
import streamlit as st

from dashboard import resources
from kpi.formatting import number
from kpi.settings import Settings
from kpi.text import STRINGS, t
from kpi.text.streamlit_words import MONTHS, WEEKDAYS

SCRIPT = Path(__file__).resolve().parent / "static" / "widget_words.js"
PREFIX = "sw."
ATTRIBUTES = ("aria-label", "title", "placeholder", "aria-roledescription")
# Where Streamlit draws its own words: the frame, the widgets, and the layers that hold
# their pop-ups (menus, drop-downs, the calendar) and the screen reader's announcements.
TESTIDS = (
    "stSkipToContent", "stSidebar", "stSidebarCollapsedControl", "stExpandSidebarButton",
    "stMainMenu", "stMainMenuButton", "stHeaderActionElements", "stElementToolbar",
    "stSelectbox", "stMultiSelect", "stDateInput", "stFileUploader",
    "stDataFrameColumnMenu", "stSelectboxVirtualDropdown", "stMultiSelectDropdown",
    "stDateInputCalendar", "stVegaLiteChart", "stMainMenuPopover", "stStatusWidget", "stDialog",
)  # fmt: skip
LAYERS = (
    "#portal",
    "#stFloatingOverlayPortal",
    "[data-live-announcer]",
    '[id^="react-aria-description"]',  # a hidden text that aria-describedby points to
)
SCOPE = ", ".join([*(f'[data-testid="{name}"]' for name in TESTIDS), *LAYERS])
# Never inside these: our words and the users' (labels, options, file names, grid cells),
# and icon ligatures, whose text is the icon's name. The "No results" row of an empty
# list is drawn as an option, so it stays in.
SKIP = ", ".join(
    (
        '[data-testid="stMarkdownContainer"]',
        '[data-testid="stIconMaterial"]',
        '[data-testid="stFileChipName"]',
        '[data-testid="stWidgetLabel"]',
        '[data-testid="stSidebarNavLink"]',
        '[data-testid^="glide-cell"]',
        '[role="option"]:not([data-empty="true"] > [role="option"])',
        "[data-tag]",
    )
)
# Streamlit's own words written as markdown: translated although markdown is skipped.
FORCE = ", ".join(
    (
        '[data-testid="stScreencastInstruction"]',
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]',
    )
)
# A chip of a file the browser refused (too large, wrong type): its size line says why.
REFUSED_CHIP = '[data-testid="stFileChip"][aria-invalid="true"]'
CHIP_SIZE = '[data-testid="stFileChipName"] + div'
DEFAULT_MB = Settings().max_upload_mb
CALENDAR = '[data-testid="stDateInputCalendar"] table'
Chart = TypeVar("Chart", alt.LayerChart, alt.FacetChart)


@dataclass(frozen=True)
class Field:
    """What a placeholder of a pattern matches and what it becomes: `copy` keeps the text
    (a file or option name), `label` translates it again (a calendar day's label inside
    "Today, …"), `decimal` writes a decimal comma, any other kind names a word group."""

    regex: str
    kind: str


def groups() -> dict[str, dict[str, str]]:
    """English → Vietnamese of the words a pattern is made of."""
    month = {en: STRINGS[f"{PREFIX}month.{en.lower()}"][0] for en in MONTHS}
    return {
        "month": {en: vi.lower() for en, vi in month.items()},
        "month_no": {en: str(n) for n, en in enumerate(MONTHS, start=1)},
        "weekday": {en: STRINGS[f"{PREFIX}weekday.{en.lower()}"][0] for en in WEEKDAYS},
        "unit": {unit: unit for unit in ("B", "KB", "MB", "GB")},
    }


def _escape(text: str) -> str:
    """Text as a literal in a JavaScript regular expression (without the `u` flag)."""
    return re.sub(r"([.*+?^${}()|\[\]\\/])", r"\\\1", text)


def _alternatives(words: dict[str, str]) -> str:
    return "(" + "|".join(_escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


FIELDS: dict[str, Field] = {
    "n": Field(r"(\d+)", "copy"),
    "day": Field(r"(\d+)", "copy"),
    "year": Field(r"(\d+)", "copy"),
    "size": Field(r"(\d+(?:\.\d+)?)", "decimal"),
    "limit": Field(r"(\d+(?:\.\d+)?[KMG]?B)", "setting"),  # Streamlit's rounding of the cap
    "text": Field("(.+)", "copy"),
    "label": Field("(.+)", "label"),
    **{name: Field(_alternatives(words), name) for name, words in groups().items()},
}


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def pattern(en: str, vi: str) -> dict[str, Any]:
    """One pattern: the English template as a regular expression, its fields in order."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(en):
        parts.append(_escape(literal))
        if name is not None:
            parts.append(FIELDS[name].regex)
    fields = [[name, FIELDS[name].kind] for name in _fields(en)]
    return {"re": "".join(parts), "fields": fields, "vi": vi}


def _pairs() -> list[tuple[str, str, str]]:
    """(key, vi, en) of the translator's pairs; the short weekday names are the
    calendar heads', found by their column rather than by their text."""
    return [
        (key, vi, en)
        for key, (vi, en) in STRINGS.items()
        if key.startswith(PREFIX) and not key.startswith(f"{PREFIX}weekday_short.")
    ]


def settings_words(max_mb: int) -> dict[str, str]:
    """What a `setting` field becomes: the upload cap the server enforces."""
    return {"limit": f"{number(max_mb, 'vi', 0)} MB"}


@cache
def table(lang: str, max_mb: int = DEFAULT_MB) -> dict[str, Any]:
    """All the script needs for a page in `lang`; on an English page it only undoes."""
    on = lang != "en"
    pairs = _pairs() if on else []
    refused = t("widget.refused", "vi", mb=number(max_mb, "vi", 0), types="{types}")
    return {
        "on": on,
        "exact": {en: vi for _, vi, en in pairs if not _fields(en)},
        "patterns": [pattern(en, vi) for _, vi, en in pairs if _fields(en)],
        "groups": groups(),
        "heads": {en: STRINGS[f"{PREFIX}weekday_short.{en.lower()}"][0] for en in WEEKDAYS},
        "scope": SCOPE,
        "skip": SKIP,
        "force": FORCE,
        "calendar": CALENDAR,
        "settings": settings_words(max_mb),
        "refused": {"text": refused, "chip": REFUSED_CHIP, "size": CHIP_SIZE},
        "attrs": list(ATTRIBUTES),
    }


@cache
def script(lang: str, max_mb: int = DEFAULT_MB) -> str:
    """The script of a page in `lang`, its table written in without any "<" (the
    sanitiser drops a script whose text holds "<" followed by a letter or "/")."""
    data = json.dumps(table(lang, max_mb), ensure_ascii=False).replace("<", "\\u003c")
    return SCRIPT.read_text(encoding="utf-8").replace("__DATA__", data)


def apply(lang: str) -> None:
    """Inject the script once per page run (it takes no room: see chrome.STYLE)."""
    max_mb = resources.settings().max_upload_mb
    st.html(f"<script>{script(lang, max_mb)}</script>", unsafe_allow_javascript=True)


def without_vega_aria(chart: Chart) -> Chart:
    """The chart with Vega's own screen-reader texts switched off: they are English and
    machine-made ("line mark", "X-axis for a linear scale with values from 2024 to 2031").
    What remains is the chart's description (in the page's language) and the root's role,
    which the translator names in Vietnamese."""
    quiet = chart.copy(deep=False)
    config = chart.config
    quiet.config = alt.Config(aria=False) if config is alt.Undefined else config.copy(deep=True)
    quiet.config.aria = False
    return quiet
