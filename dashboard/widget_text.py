"""Our words for what Streamlit leaves to the page: the placeholder of a select box.

Streamlit's own words (the uploader's button and size line, the calendar, the menus) are
rewritten in the browser by one mechanism, dashboard/widget_words.py.
"""

from __future__ import annotations

from kpi.text import t


def choose(lang: str) -> str:
    """The placeholder of a select box or multiselect: 'Chọn…'."""
    return t("widget.choose", lang)
