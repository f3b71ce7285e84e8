"""The frame of a chart that leaves the dashboard: what it shows, whose figures, as of
when, where from, when made, and the demo mark. A Vega-Lite spec in, a spec out.

The trajectory chart stays as the dashboard draws it; the frame puts a title above it
and a source line below (a vertical concatenation), each sub-view with its own legend so
the legend stays under the plot.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from typing import Any

from kpi.formatting import quarter_label, scope_label
from kpi.periods import Quarter
from kpi.text import t
from reports.text import day_text

FONT = "DejaVu Sans"
INK = "#1B2430"
MUTED = "#3D4754"
DEMO_RED = "#A4001D"  # 7.3:1 on white
TITLE_SIZE, SUBTITLE_SIZE, NOTE_SIZE = 15, 12, 10
CHAR_WIDTH = 0.6  # DejaVu Sans: an average glyph is about 0.6 em wide


@dataclass(frozen=True)
class ChartFacts:
    """What a chart image says about itself."""

    code: str
    name: str
    target_year: int
    scope: str  # a unit's name, or the whole ministry's
    as_of: Quarter | str | None
    made_on: dt.date
    demo: bool
    lang: str = "vi"
    known_on: dt.date | None = None  # the figures as stored by the end of this day; None: now


def scope_name(unit_name: str | None, lang: str = "vi") -> str:
    """A unit's name, or "Toàn Bộ Nội vụ" for the ministry as a whole (None)."""
    return scope_label(unit_name, lang)


def made_on_text(day: dt.date, lang: str = "vi") -> str:
    return t("export.made_on", lang, day=day_text(day, lang))


def heading_lines(facts: ChartFacts, width: int) -> tuple[list[str], list[str]]:
    """(title, subtitle) lines; the indicator's name wrapped to the plot's width."""
    lang = facts.lang
    title = t("export.chart_title", lang, code=facts.code, year=facts.target_year)
    chars = max(30, int(width / (SUBTITLE_SIZE * CHAR_WIDTH)))
    scope = t("export.chart_scope", lang, scope=facts.scope, as_of=quarter_label(facts.as_of, lang))
    lines = [*textwrap.wrap(facts.name, chars), *textwrap.wrap(scope, chars)]
    if facts.known_on is not None:
        lines += textwrap.wrap(known_on_line(facts), chars)
    return [title], lines


def known_on_line(facts: ChartFacts) -> str:
    """'Số liệu như đã biết đến hết ngày 20/01/2026' ('' for the figures as they are)."""
    if facts.known_on is None:
        return ""
    return t("export.chart_known_on", facts.lang, day=day_text(facts.known_on, facts.lang))


def footer_lines(facts: ChartFacts, band: bool) -> list[str]:
    lines = [f"{t('export.source', facts.lang)} · {made_on_text(facts.made_on, facts.lang)}"]
    if band:
        lines.append(t("export.band_note", facts.lang))
    return lines


def text_view(lines: list[str], size: int, colour: str, width: int, bold: bool = False) -> dict:
    """A view that is only lines of text, left-aligned on the plot's edge."""
    step = round(size * 1.4)
    values = [{"line": line, "row": n} for n, line in enumerate(lines)]
    return {
        "data": {"values": values},
        "mark": {
            "type": "text",
            "align": "left",
            "baseline": "top",
            "font": FONT,
            "fontSize": size,
            "fontWeight": "bold" if bold else "normal",
            "color": colour,
        },
        "encoding": {
            "text": {"field": "line", "type": "nominal"},
            "description": {"field": "line", "type": "nominal"},
            "x": {"value": 0},
            "y": {"field": "row", "type": "quantitative", "scale": None, "axis": None},
        },
        "transform": [{"calculate": f"datum.row * {step}", "as": "row"}],
        "width": width,
        "height": step * len(lines),
    }


def framed(spec: dict[str, Any], facts: ChartFacts, width: int, band: bool) -> dict[str, Any]:
    """The chart under its title (and the demo mark), over its source line."""
    inner = {k: v for k, v in spec.items() if k not in ("$schema", "config", "datasets", "title")}
    title, subtitle = heading_lines(facts, width)
    views = [inner, text_view(footer_lines(facts, band), NOTE_SIZE, MUTED, width)]
    if facts.demo:
        mark = t("export.demo_mark", facts.lang)
        views.insert(0, text_view([mark], SUBTITLE_SIZE + 1, DEMO_RED, width, bold=True))
    out: dict[str, Any] = {
        "$schema": spec.get("$schema"),
        "config": spec.get("config", {}),
        "title": {
            "text": title,
            "subtitle": subtitle,
            "anchor": "start",
            "frame": "group",
            "font": FONT,
            "fontSize": TITLE_SIZE,
            "color": INK,
            "subtitleFont": FONT,
            "subtitleFontSize": SUBTITLE_SIZE,
            "subtitleColor": MUTED,
            "subtitlePadding": 4,
            "offset": 10,
        },
        "vconcat": views,
        "spacing": 10,
        "padding": 14,
        "background": "white",
        # each legend stays with its view: the colour and the dash of a line merge into one
        "resolve": {"legend": {"color": "independent", "strokeDash": "independent"}},
        "description": " · ".join([*title, *subtitle]),
    }
    if "datasets" in spec:
        out["datasets"] = spec["datasets"]
    return out
