"""Tables a person reads: the stored rows of the audit log, the written figures and the
upload attempts turned into columns with words for headers and every cell as text (times
in Việt Nam, quarters as 'Quý 3/2026', numbers through kpi.formatting, '—' for nothing).

The builders take plain frames and name functions, so they are tested without Streamlit;
`show` is the one way these pages draw such a table (wrapped, so every note, file name and
sentence reads whole) with its CSV of the same columns.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import ui
from kpi.audit_text import (
    action_word,
    actor_text,
    change_text,
    count_text,
    detail_text,
    is_missing,
    moment_text,
    note_text,
    outcome_word,
    text_or_dash,
)
from kpi.formatting import MISSING, number, quarter_label
from kpi.text import t

Name = Callable[[str], str]


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Every missing cell as '—' (never 'None', 'nan' or '<NA>')."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.isna().any():
            out[column] = [MISSING if pd.isna(v) else v for v in values.astype(object)]
    return out


def _col(frame: pd.DataFrame, name: str) -> list[object]:
    return list(frame[name]) if name in frame.columns else [None] * len(frame)


def _named(name: Name, code: object) -> str:
    """A code by its name; '—' with no code (never the name of 'None' or 'nan')."""
    return MISSING if text_or_dash(code) == MISSING else name(str(code))


def size_text(size: object, lang: str) -> str:
    """A file size in kilobytes: '12,5 KB'; '—' with no file (demo rows keep none)."""
    try:
        kb = float(size) / 1024  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return MISSING
    return t("tbl.kb", lang, n=number(kb, lang, 1)) if kb > 0 else MISSING


def changes_table(raw: pd.DataFrame, lang: str, unit: Name, indicator: Name) -> pd.DataFrame:
    """Written figures: when, who, indicator, value before → after, unit, quarter, file (the
    change before the unit and quarter, so a phone shows it without scrolling far)."""
    return readable(
        pd.DataFrame(
            {
                t("tbl.when", lang): [moment_text(v) for v in _col(raw, "created_at")],
                t("tbl.who", lang): [actor_text(v, lang) for v in _col(raw, "created_by")],
                t("tbl.indicator", lang): [
                    _named(indicator, c) for c in _col(raw, "indicator_code")
                ],
                t("tbl.change", lang): [
                    change_text(b, a, lang)
                    for b, a in zip(_col(raw, "before"), _col(raw, "after"), strict=True)
                ],
                t("tbl.unit", lang): [_named(unit, c) for c in _col(raw, "unit_code")],
                t("tbl.quarter", lang): [quarter_label(p, lang) for p in _col(raw, "period")],
                t("tbl.revision", lang): [count_text(v, lang) for v in _col(raw, "revision")],
                t("tbl.note", lang): [text_or_dash(v) for v in _col(raw, "note")],
                t("tbl.file", lang): [text_or_dash(v) for v in _col(raw, "file_name")],
            }
        )
    )


def actions_table(raw: pd.DataFrame, lang: str, unit: Name) -> pd.DataFrame:
    """Audit entries: when, who, the action and outcome in words, unit, a detail sentence."""
    actions = _col(raw, "action")
    return readable(
        pd.DataFrame(
            {
                t("tbl.when", lang): [moment_text(v) for v in _col(raw, "at")],
                t("tbl.who", lang): [actor_text(v, lang) for v in _col(raw, "actor")],
                t("tbl.action", lang): [action_word(a, lang) for a in actions],
                t("tbl.outcome", lang): [outcome_word(o, lang) for o in _col(raw, "outcome")],
                t("tbl.unit", lang): [_named(unit, c) for c in _col(raw, "unit_code")],
                t("tbl.detail", lang): [
                    detail_text(str(a), d, lang, unit)
                    for a, d in zip(actions, _col(raw, "detail"), strict=True)
                ],
            }
        )
    )


def uploads_table(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Upload attempts, refused ones too: when, who, file, outcome in words, counts."""
    counts = {
        "tbl.problems": "problem_count",
        "tbl.rows": "rows_total",
        "tbl.rows_new": "rows_new",
        "tbl.rows_changed": "rows_changed",
        "tbl.rows_unchanged": "rows_unchanged",
    }
    frame = pd.DataFrame(
        {
            t("tbl.when", lang): [moment_text(v) for v in _col(raw, "uploaded_at")],
            t("tbl.uploaded_by", lang): [actor_text(v, lang) for v in _col(raw, "uploaded_by")],
            t("tbl.file", lang): [text_or_dash(v) for v in _col(raw, "file_name")],
            t("tbl.outcome", lang): [outcome_word(o, lang) for o in _col(raw, "outcome")],
        }
    )
    for key, column in counts.items():
        frame[t(key, lang)] = [count_text(v, lang) for v in _col(raw, column)]
    frame[t("tbl.size", lang)] = [size_text(v, lang) for v in _col(raw, "size_bytes")]
    # the demo loader's note in the page's language, as the actions' detail says it
    frame[t("tbl.note", lang)] = [
        MISSING if is_missing(v) else note_text(v, lang) for v in _col(raw, "note")
    ]
    return readable(frame)


def attempt_label(row: dict[str, object], lang: str) -> str:
    """One upload attempt in a list: '#12 · x.csv · Đã ghi · a@b · 01/12/2026 23:37'."""
    return t(
        "audit.attempt",
        lang,
        id=row.get("id"),
        file=text_or_dash(row.get("file_name")),
        outcome=outcome_word(row.get("outcome"), lang),
        who=text_or_dash(row.get("uploaded_by")),
        when=moment_text(row.get("uploaded_at")),
    )


def show(frame: pd.DataFrame, stem: str, key: str, lang: str, alt: str | None = None) -> None:
    """A readable table, newest first, and its CSV download of every row and the same
    columns; a sentence when empty."""
    if frame.empty:
        st.info(t("audit.no_rows", lang))
        return
    ui.wrapped_table(readable(frame), stem, key, alt=alt, rows=ui.NEWEST_ROWS)
