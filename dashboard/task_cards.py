"""The task list on a phone: one card per task (name, state and percent, the deadline below);
and the CSS that shows the cards or the wide table, whichever fits the screen.

A 9-column table is 500-630 px wide, and a phone is 390: its columns are cut at the edge and
a name wraps a word per line. The table stays for wider screens, with the name the widest.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import streamlit as st

from kpi import palette
from kpi.formatting import percent
from kpi.task_progress import TaskStatus
from kpi.text import t

TABLE_KEY = "task_table"
CARDS_KEY = "task_cards"
PHONE = 640  # px: below this the cards, above it the table
# No "<" inside the style text: the HTML sanitiser drops a style that holds one.
STYLE = f"""
<style>
.st-key-{CARDS_KEY} {{ display: none; }}
.st-key-{TABLE_KEY} th:nth-child(3), .st-key-{TABLE_KEY} td:nth-child(3) {{
  min-width: 22em; width: 40%;
}}
.st-key-{TABLE_KEY} td:nth-child(5), .st-key-{TABLE_KEY} td:nth-child(8) {{ white-space: nowrap; }}
@media (max-width: {PHONE}px) {{
  .st-key-{TABLE_KEY} {{ display: none; }}
  .st-key-{CARDS_KEY} {{ display: block; }}
}}
.kpi-task {{ border: 1px solid #D0D5DD; border-radius: 8px; padding: 8px 10px; margin: 0 0 8px; }}
.kpi-task-name {{ font-weight: 600; overflow-wrap: anywhere; }}
.kpi-task-line {{ display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 4px; }}
.kpi-task-late {{ background: {palette.OVERDUE_TINT}; color: {palette.INK};
  border-radius: 4px; padding: 0 4px; }}
</style>
"""


def style() -> None:
    st.html(STYLE)


def _line(*parts: str) -> str:
    spans = "".join(part for part in parts if part)
    return f'<div class="kpi-task-line">{spans}</div>'


def card(status: TaskStatus, lang: str, state: str, mark: str | None) -> str:
    """One task: code and name; state and percent; deadline, lead and sign-off below."""
    task = status.task
    late = (
        f'<span class="kpi-task-late">{escape(t("overdue_mark", lang))}</span>'
        if status.overdue
        else ""
    )
    note = task.deadline_note_in(lang)
    deadline = escape(f"{t('col_task_deadline', lang)}: {task.deadline_label_in(lang)}")
    when = f'<span title="{escape(note)}">{deadline}</span>' if note else f"<span>{deadline}</span>"
    lead = ", ".join(task.lead_unit_codes) or task.lead_units_in(lang)
    signed = f"<span>{escape(t('col_task_signoff', lang))}: {escape(mark)}</span>" if mark else ""
    return (
        '<div class="kpi-task" role="listitem">'
        f'<div class="kpi-task-name">{escape(task.code)} · {escape(task.name_in(lang))}</div>'
        + _line(
            f"<span>{escape(state)}</span>",
            f"<span>{percent(status.percent, lang, 0)}</span>",
            late,
        )
        + _line(when, f"<span>{escape(t('col_task_lead', lang))}: {escape(lead)}</span>", signed)
        + "</div>"
    )


def cards(
    rows: Sequence[TaskStatus], lang: str, states: Sequence[str], marks: Sequence[str | None]
) -> None:
    body = "".join(
        card(s, lang, state, mark) for s, state, mark in zip(rows, states, marks, strict=True)
    )
    label = escape(t("tasks_table_alt", lang, n=len(rows)))
    with st.container(key=CARDS_KEY):
        st.html(f'<div role="list" aria-label="{label}">{body}</div>')
