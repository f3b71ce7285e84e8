"""Small shared widgets: language, the viewer, role checks, page headers, status labels.

Widgets own their session_state keys. User text is never passed to markdown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, Literal

import pandas as pd
import streamlit as st

from dashboard import resources
from kpi import palette
from kpi.access import Viewer
from kpi.audit_text import is_missing
from kpi.formatting import DAY_INPUT_FORMAT, MISSING, day_label, number
from kpi.messages import Explained, text_of
from kpi.periods import local_today
from kpi.progress import Status
from kpi.text import LANGS, t
from reports.tables import to_csv_bytes

LANG_KEY = "lang"
VIEWER_KEY = "_viewer"
# The progress engine's shapes: distinct in greyscale, present in common system fonts.
STATUS_ICONS = {status.value: status.icon for status in Status}


def lang() -> str:
    value = st.session_state.get(LANG_KEY) or resources.settings().default_lang
    return value if value in LANGS else "vi"


def language_switch() -> None:
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = resources.settings().default_lang
    st.sidebar.segmented_control(
        t("language", lang()),
        options=list(LANGS),
        format_func=lambda code: t(f"language_name.{code}"),
        key=LANG_KEY,
        selection_mode="single",
    )
    if st.session_state.get(LANG_KEY) not in LANGS:  # a click on the selected option clears it
        st.session_state[LANG_KEY] = "vi"


def lang_key(key: str, default: object = None) -> str:
    """The key of a choice widget drawn in words of the page's language. Streamlit keeps a
    keyed widget across reruns and redraws none of its shown choice when only `format_func`
    changes, so each language gets a widget of its own: the choice made under the other
    language's key is carried over (it survives the switch; the old key is dropped as
    stale). Vietnamese, the first language, keeps the bare key, the one tests and links
    know. `default` (e.g. a code from the URL) is put in Session State when nothing is
    chosen yet: the widget is then given no index (Streamlit warns on both)."""
    current = key if lang() == "vi" else f"{key}.{lang()}"
    state = st.session_state
    if current not in state:
        for other in (key, *(f"{key}.{code}" for code in LANGS if code != "vi")):
            if other != current and other in state:
                state[current] = state[other]
                break
        else:
            if default is not None:
                state[current] = default
    return current


def set_viewer(viewer: Viewer | None) -> None:
    """None at the start of each run: a role removed since the last run is gone at once."""
    st.session_state[VIEWER_KEY] = viewer


def viewer() -> Viewer | None:
    found = st.session_state.get(VIEWER_KEY)
    return found if isinstance(found, Viewer) else None


def require(allowed: Callable[[Viewer], bool]) -> Viewer:
    """Stop the page unless the viewer may see it (a hidden page can be opened by URL)."""
    current = viewer()
    if current is None or not allowed(current):
        st.error(t("no_access", lang()), icon=":material/lock:")
        st.stop()
    assert current is not None
    return current


# "@" and "/" too: an escaped e-mail or URL is never turned into a live link.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@/&=])")


def literal(text: object) -> str:
    """Escape markdown so user-provided text (codes, emails) shows exactly as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def error_text(exc: BaseException, lang: str) -> str:
    """A refusal in the page's language (its catalogue phrase), else its own text."""
    return exc.text(lang) if isinstance(exc, Explained) else text_of(exc, lang)


def header(title_key: str, caption: str | None = None) -> None:
    st.title(t(title_key, lang()), anchor=False)
    if caption:
        st.caption(caption)


def status_text(status: str, lang: str) -> str:
    """Icon and word: the status never relies on colour alone."""
    state = Status(status)
    return f"{state.icon} {state.word(lang)}"


def severity(status: str) -> int:
    """Sort key: the worst status first."""
    return Status(status).rank


MAX_STYLED_ROWS = 400  # styling thousands of cells costs seconds; icon + word still show status


def styled_status(frame: pd.DataFrame, column: str) -> pd.DataFrame | Any:
    """Tint the status column when the table is small enough to style quickly."""
    if len(frame) > MAX_STYLED_ROWS:
        return frame
    return frame.style.apply(lambda _col: status_cell_style(frame["status"]), subset=[column])


def status_cell_style(status_values: pd.Series) -> list[str]:
    """Pandas Styler rule: a light tint per status with dark text (contrast ≥ 4.5:1)."""
    out = []
    for status in status_values:
        _strong, tint = palette.status_colours(status)
        out.append(palette.cell_style(tint))
    return out


def unapproved_note(count: int) -> None:
    """Say how many of the figures shown lack the unit head's sign-off ("chưa duyệt")."""
    if count:
        st.caption(t("unapproved_note", lang(), n=count))


# A long table wraps in a box of this height that scrolls under its sticky header: the
# page stays as short as a grid left it; rows the box would not fill grow it no further.
SCROLL_HEIGHT = 480
ROW_PX = 37  # a one-line row: fewer rows than fill the box never need it
# An admin reads a log from its newest entry and finds older ones with the filters: a page
# wraps the newest rows whole (a grid cut the sentences) and the CSV holds them all.
NEWEST_ROWS = 200


# st.table's markdown links an e-mail, "http://…" or "www.…" even when escaped; a word
# joiner (invisible, U+2060) after "@", "://"'s colon and "www" keeps them plain text.
_LINKED = re.compile(r"(@|:(?=//)|(?i:www)(?=\.))")
WORD_JOINER = "\u2060"
# A narrow screen's table layout squeezes a column of long text to one word a line: there a
# column gets a width to read by (the table scrolls sideways); a wide one needs none, so
# the width is 0 above PHONE (clamp() of a huge signed number is 0 or the width).
PHONE = "700px"
TEXT_WIDTHS = ((60, "14rem"), (24, "8rem"))  # (longest text in characters, its width)


def cell_text(value: object) -> str:
    """A cell of a static table: '—' for nothing (never 'None' or 'nan'; a text left empty
    on purpose stays empty), markdown escaped, no e-mail turned into a link."""
    if not isinstance(value, str) and is_missing(value):
        return MISSING
    return literal(_LINKED.sub(rf"\1{WORD_JOINER}", str(value)))


def escaped(frame: pd.DataFrame) -> pd.DataFrame:
    """Headers and cells as st.table shows them literally (it renders markdown)."""
    return frame.rename(columns=literal).map(cell_text)


def _phone_width(longest: int) -> str | None:
    for length, width in TEXT_WIDTHS:
        if longest > length:
            return f"clamp(0px, (100vw - {PHONE}) * -1000, {width})"
    return None


def readable_widths(frame: pd.DataFrame) -> pd.DataFrame | Any:
    """The escaped frame, styled so that on a phone its long-text columns (sentences,
    notes, file names, names) stay wide enough to read."""
    if frame.empty or len(frame) > MAX_STYLED_ROWS:
        return frame
    styled = frame.style
    for column in frame.columns:
        width = _phone_width(int(frame[column].astype(str).str.len().max()))
        if width:
            styled = styled.set_properties(subset=[column], **{"min-width": width})
    return styled


def wrapped_table(
    frame: pd.DataFrame,
    stem: str | None = None,
    key: str | None = None,
    alt: str | None = None,
    rows: int | None = None,
) -> None:
    """A static table whose long cells wrap (a grid cuts them), with the CSV download of
    every row when `key` is given. With `rows` (for a list newest first, with its CSV), the
    table shows the newest `rows` and says so; past a box's worth of rows it scrolls
    inside SCROLL_HEIGHT."""
    shown = frame if rows is None else frame.head(rows)
    if len(shown) < len(frame):
        st.caption(
            t(
                "tbl.newest_rows",
                lang(),
                shown=number(len(shown), lang(), 0),
                total=number(len(frame), lang(), 0),
            )
        )
    tall = ROW_PX * (len(shown) + 1) > SCROLL_HEIGHT
    height: int | Literal["content"] = SCROLL_HEIGHT if tall else "content"
    st.table(readable_widths(escaped(shown)), hide_index=True, alt=alt, height=height)
    if stem and key:
        csv_download(frame, stem, key)


def csv_download(frame: pd.DataFrame, stem: str, key: str) -> None:
    """The project's guarded CSV download (the toolbar download is off:
    `client.disableDataExport`); text a spreadsheet would evaluate is prefixed with '.
    A download made while demo data is stored says so on its first line."""
    from dashboard import data  # data imports this module's neighbours, not this one

    preface = [t("export.demo_mark", lang())] if data.has_demo() else []
    st.download_button(
        t("download_csv", lang()),
        to_csv_bytes(frame, preface),
        f"{stem}.csv",
        "text/csv",
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def known_on_input(toggle: str, day_label: str, key: str) -> dt.date | None:
    """An earlier day whose stored revisions a page uses ("what we knew then"), or None.
    Widgets `{key}_use` and `{key}`."""
    if not st.checkbox(toggle, key=f"{key}_use"):
        return None
    today = local_today()  # a day means a day in Việt Nam (kpi.storage.known.end_of_day)
    day = st.date_input(day_label, value=today, max_value=today, format=DAY_INPUT_FORMAT, key=key)
    return day if isinstance(day, dt.date) else None


def known_on_choice(lang: str, key: str) -> str | None:
    """The "figures as known on" choice of the overview and the indicator page: an earlier
    day (ISO) whose stored revisions the page uses, or None for the figures as they are."""
    day = known_on_input(t("ov_use_known_on", lang), t("ov_known_on", lang), key)
    return day.isoformat() if day else None


def known_on_caption(known_on: str | None, lang: str) -> None:
    """Say under the title that the page shows the figures as known at the end of a day."""
    if known_on:
        day = dt.date.fromisoformat(known_on)
        st.caption(t("ov_known_on_caption", lang, day=day_label(day)))
