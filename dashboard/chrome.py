"""What every page shares in the browser: the page's language, readable captions, a
visible focus ring and the local favicon.

Streamlit writes `<html lang="en">` whatever the content; screen readers and browser
translation need the language of the words shown, so each run sets it (and the server
rewrites the first page it sends, see dashboard/server.py).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

FAVICON = Path(__file__).resolve().parent / "static" / "favicon.png"
FOCUS = "#0B4F8A"
# Streamlit's captions are about 4.2:1 on white; this grey is 7.6:1 (WCAG AA needs 4.5:1).
CAPTION = "#4A5261"
# No "<" inside the style text: the HTML sanitiser drops a style that holds one.
STYLE = f"""
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] small, .stTooltipIcon {{ color: {CAPTION} !important; }}
a:focus-visible, button:focus-visible, [role="tab"]:focus-visible, input:focus-visible,
[role="radio"]:focus-visible, [role="checkbox"]:focus-visible, summary:focus-visible,
[tabindex]:focus-visible {{
  outline: 3px solid {FOCUS} !important; outline-offset: 2px !important;
  box-shadow: 0 0 0 5px #FFFFFF !important;
}}
[data-testid="stSidebarNavLink"]:focus-visible {{ background: transparent !important; }}
/* the table toolbar offers only search and full screen, with English tooltips */
[data-testid="stElementToolbar"] {{ display: none !important; }}
/* the one-line script that sets the page language takes no room */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) {{
  display: none;
}}
</style>
"""


def page_language(lang: str) -> None:
    """Set `<html lang>` to the language of the words on the page."""
    code = "en" if lang == "en" else "vi"
    st.html(
        f"<script>document.documentElement.lang = {code!r};</script>",
        unsafe_allow_javascript=True,
    )


def page_style() -> None:
    st.html(STYLE)
