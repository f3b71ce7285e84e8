"""Streamlit's own widget texts in the page's language.

Streamlit 1.67 has no setting for the words it draws itself: the file uploader's "Upload"
button and "20MB per file • CSV" line, and the English tooltips of the table toolbar. A page
calls `apply()` once; it injects a small style sheet (an `st.html` of style only takes no
room) that draws our catalogue words over those texts, selected by the data-testid names
of Streamlit 1.67 (checked in Chromium). The hidden original stays out of the accessibility
tree (visibility: hidden), so a screen reader reads our words too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from dashboard import resources
from kpi.formatting import number
from kpi.text import t

DROPZONE = '[data-testid="stFileUploaderDropzone"]'
BUTTON_TEXT = f'{DROPZONE} button [data-testid="stMarkdownContainer"] p'
LIMIT_TEXT = '[data-testid="stFileUploaderDropzoneInstructions"] span'
DRAG_TEXT = f"{DROPZONE} > div > span"  # shown while a file is dragged over the box
# A chosen file's size is printed as '58.0B' (an English decimal point): left out.
CHIP_SIZE = '[data-testid="stFileChipName"] + div'
# A file the browser refused (too large, wrong type) says why in an English tooltip; the
# chip's size line says it in our words instead.
CHIP_REFUSED = f'[data-testid="stFileChip"][aria-invalid="true"] {CHIP_SIZE}'
# The table toolbar offers only search and full screen here (CSV export is off), both
# with English tooltips and labels: hidden on these pages.
TOOLBAR = '[data-testid="stElementToolbar"]'
TEXT_SIZE = "0.875rem"  # the 14 px Streamlit draws these texts in


@dataclass(frozen=True)
class Uploader:
    """One file uploader of the page: its widget key (a prefix: the upload page adds a
    round number) and the file types it takes, as shown after the size limit."""

    key: str
    types: Sequence[str]


def _quoted(text: str) -> str:
    """Text as a CSS string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def replace_text(selector: str, text: str) -> str:
    """CSS that hides the element's own text and draws `text` in its place."""
    return (
        f"{selector}{{visibility:hidden;font-size:0;}}"
        f"{selector}::after{{content:{_quoted(text)};visibility:visible;"
        f"font-size:{TEXT_SIZE};line-height:1.6;}}"
    )


def limit_text(max_mb: int, types: Sequence[str], lang: str) -> str:
    """'Tối đa 20 MB mỗi tệp • CSV, XLSX' (the real limit from the settings)."""
    limit = t("widget.limit", lang, mb=number(max_mb, lang, 0))
    kinds = ", ".join(kind.upper().lstrip(".") for kind in types)
    return f"{limit} • {kinds}" if kinds else limit


def uploader_css(uploader: Uploader, max_mb: int, lang: str) -> str:
    scope = f'[class*="st-key-{uploader.key}"]'
    return (
        replace_text(f"{scope} {BUTTON_TEXT}", t("widget.upload", lang))
        + replace_text(f"{scope} {LIMIT_TEXT}", limit_text(max_mb, uploader.types, lang))
        + replace_text(f"{scope} {DRAG_TEXT}", t("widget.drop", lang))
        + f"{scope} {CHIP_SIZE}{{display:none;}}"
        + f"{scope} {CHIP_REFUSED}{{display:block;}}"
        + replace_text(f"{scope} {CHIP_REFUSED}", refused_text(max_mb, uploader.types, lang))
    )


def refused_text(max_mb: int, types: Sequence[str], lang: str) -> str:
    kinds = ", ".join(kind.upper().lstrip(".") for kind in types)
    return t("widget.refused", lang, mb=number(max_mb, lang, 0), types=kinds)


def page_css(lang: str, uploaders: Sequence[Uploader] = (), max_mb: int = 20) -> str:
    """The style sheet of one page: its uploaders' texts, and no English table toolbar."""
    parts = [f"{TOOLBAR}{{display:none;}}"]
    parts += [uploader_css(u, max_mb, lang) for u in uploaders]
    return "".join(parts)


def apply(lang: str, uploaders: Sequence[Uploader] = ()) -> None:
    """Inject the page's style sheet once per run (call it at the top of the page)."""
    css = page_css(lang, uploaders, resources.settings().max_upload_mb)
    st.html(f"<style>{css}</style>")


def choose(lang: str) -> str:
    """The placeholder of a select box or multiselect: 'Chọn…'."""
    return t("widget.choose", lang)
