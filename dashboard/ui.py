"""Small shared widgets: language, the viewer, role checks, page headers, status labels.

Widgets own their session_state keys. User text is never passed to markdown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import resources
from kpi import palette
from kpi.access import Viewer
from kpi.formatting import DAY_INPUT_FORMAT, day_label
from kpi.messages import Explained, text_of
from kpi.progress import Status
from kpi.task_progress import local_today
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


def table_with_download(frame: pd.DataFrame, stem: str, key: str, **options: Any) -> None:
    """A table and the project's guarded CSV download (the toolbar download is off:
    `client.disableDataExport`); text a spreadsheet would evaluate is prefixed with '.
    A download made while demo data is stored says so on its first line."""
    st.dataframe(frame, hide_index=True, width="stretch", **options)
    csv_download(frame, stem, key)


def wrapped_table(
    frame: pd.DataFrame, stem: str | None = None, key: str | None = None, alt: str | None = None
) -> None:
    """A static table whose long cells wrap (a grid cuts them), with the CSV download when
    `key` is given. st.table renders markdown: every header and cell is escaped first."""
    shown = frame.rename(columns=literal).map(literal)
    st.table(shown, hide_index=True, alt=alt)
    if stem and key:
        csv_download(frame, stem, key)


def csv_download(frame: pd.DataFrame, stem: str, key: str) -> None:
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
