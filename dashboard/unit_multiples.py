"""The indicator page's small multiples, one small line per reporting unit, as wide as the
screen allows.

Streamlit gives a faceted chart no width (it is drawn at the size its spec says), so the
page draws one chart per layout, each in a keyed container that a media query shows only
on the screens it fits: two columns on a phone, four on a laptop, six on a wide screen.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import widget_words
from kpi.catalogue import Indicator
from reports import charts

KEY = "ind_multiples"
# (name, columns, the screens it is shown on). A panel is 125 px; with the shared axis and
# the gaps, 2 columns take 330 px, 4 take 636 and 6 take 939 (measured). Beside the open
# sidebar a desktop page leaves the screen's width less 460 px; a 390 px phone leaves 358.
LAYOUTS = (
    ("narrow", 2, "(max-width: 1109px)"),
    ("medium", 4, "(min-width: 1110px) and (max-width: 1409px)"),
    ("wide", 6, "(min-width: 1410px)"),
)


def box(name: str) -> str:
    """A keyed container and the layout wrapper that keeps its gap (hide both)."""
    key = f"{KEY}_{name}"
    return f"[data-testid=stLayoutWrapper]:has(> .st-key-{key}), .st-key-{key}"


def css() -> str:
    rules = [
        f"@media not all and {screens} {{ {box(name)} {{ display: none; }} }}"
        for name, _columns, screens in LAYOUTS
    ]
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def show(values: pd.DataFrame, indicator: Indicator, lang: str) -> None:
    """`values` as reports.charts.small_multiples takes them, one panel per unit."""
    st.html(css())
    units = max(1, values["unit_title"].nunique())
    for name, columns, _screens in LAYOUTS:
        chart = charts.small_multiples(values, indicator, lang, columns=min(columns, units))
        with st.container(key=f"{KEY}_{name}"):
            st.altair_chart(widget_words.without_vega_aria(chart), width="content")
