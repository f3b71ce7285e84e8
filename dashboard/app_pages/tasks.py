"""Nhiệm vụ: the plan's 44 tasks and 11 databases, overdue first, by lead unit; reports; scores."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import (
    data,
    resources,
    task_cards,
    task_signoff_view,
    task_views,
    ui,
    widget_text,
)
from kpi import palette
from kpi.access import Viewer
from kpi.formatting import DAY_INPUT_FORMAT, MISSING, day_label, local_day, percent
from kpi.periods import local_today
from kpi.services import task_signoffs as signoffs
from kpi.services import tasks as service
from kpi.task_progress import TaskStatus
from kpi.tasks import TaskState
from kpi.text import t

ALL = "__all__"
UNIT_PARAM = "unit"
STATE_ICONS = {
    TaskState.NOT_STARTED: "○",
    TaskState.IN_PROGRESS: "◐",
    TaskState.DONE: "✓",
    TaskState.PAUSED: "⏸",
}


def state_text(status: TaskStatus, lang: str) -> str:
    return f"{STATE_ICONS[status.state]} {status.state.label(lang)}"


def filters(lang: str, leads: list[str]) -> tuple[str | None, str | None, dt.date, bool]:
    labels = data.unit_labels()
    wanted = st.query_params.get(UNIT_PARAM)
    options = [ALL, *leads]
    cols = st.columns([1, 2, 1, 1])
    kind = cols[0].selectbox(
        t("tasks_kind", lang),
        [ALL, "task", "database"],
        format_func=lambda k: t("all", lang) if k == ALL else t(f"tasks_kind_{k}", lang),
        placeholder=widget_text.choose(lang),
        key=ui.lang_key("tk_kind"),
    )
    unit = cols[1].selectbox(
        t("tasks_unit", lang),
        options,
        format_func=lambda c: t("all", lang) if c == ALL else labels.get(c, c),
        placeholder=widget_text.choose(lang),
        key=ui.lang_key("tk_unit", wanted if wanted in options else None),
    )
    day = cols[2].date_input(
        t("tasks_as_of", lang), local_today(), key="tk_day", format=DAY_INPUT_FORMAT
    )
    only = cols[3].toggle(t("tasks_only_overdue", lang), key="tk_overdue")
    if unit != ALL:
        st.query_params[UNIT_PARAM] = unit
    elif UNIT_PARAM in st.query_params:
        del st.query_params[UNIT_PARAM]
    chosen_day = day if isinstance(day, dt.date) else local_today()
    return (None if kind == ALL else kind), (None if unit == ALL else unit), chosen_day, only


def counts(rows: list[TaskStatus], lang: str) -> None:
    cols = st.columns(4)
    values = [
        ("tasks_total", len(rows)),
        ("tasks_done", sum(s.state is TaskState.DONE for s in rows)),
        ("tasks_in_progress", sum(s.state is TaskState.IN_PROGRESS for s in rows)),
        ("tasks_overdue", sum(s.overdue for s in rows)),
    ]
    for col, (key, value) in zip(cols, values, strict=True):
        with col.container(border=True):
            st.metric(("⚠ " if key == "tasks_overdue" else "") + t(key, lang), value)


def signoff_text(mark: bool | None, lang: str) -> str:
    """The latest report's sign-off: đã duyệt, chưa duyệt, or '—' with no report."""
    if mark is None:
        return MISSING
    return t("approved_word" if mark else "unapproved_word", lang)


def task_frame(
    rows: list[TaskStatus], lang: str, marks: dict[str, bool | None] | None = None
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            t("col_task_code", lang): [s.task.code for s in rows],
            t("col_task_overdue", lang): [
                t("overdue_mark", lang) if s.overdue else "" for s in rows
            ],
            t("col_task_name", lang): [s.task.name_in(lang) for s in rows],
            t("col_task_lead", lang): [
                ", ".join(s.task.lead_unit_codes) or s.task.lead_units_in(lang) for s in rows
            ],
            t("col_task_deadline", lang): [s.task.deadline_label_in(lang) for s in rows],
            t("col_task_state", lang): [state_text(s, lang) for s in rows],
            t("col_task_percent", lang): [s.percent for s in rows],
            t("col_task_updated", lang): [local_day(s.updated_at) for s in rows],
        }
    )
    if marks is not None:
        frame[t("col_task_signoff", lang)] = [signoff_text(marks[s.task.code], lang) for s in rows]
    return frame


def show_tasks(
    rows: list[TaskStatus], lang: str, marks: dict[str, bool | None] | None = None
) -> None:
    if not rows:
        st.info(t("tasks_none", lang))
        return
    frame = task_frame(rows, lang, marks)
    frame[t("col_task_percent", lang)] = [
        percent(p, lang, 0) for p in frame[t("col_task_percent", lang)]
    ]
    # a task's name is a sentence: a static table wraps it whole (a grid cuts it);
    # st.table renders markdown, so every cell is escaped first ('—' for nothing)
    shown = ui.escaped(frame)
    overdue_col = ui.literal(t("col_task_overdue", lang))
    styled = shown.style.map(
        lambda v: palette.cell_style(palette.OVERDUE_TINT) if v else "", subset=[overdue_col]
    )
    task_cards.style()
    with st.container(key=task_cards.TABLE_KEY):
        st.table(styled, hide_index=True, alt=t("tasks_table_alt", lang, n=len(frame)))
    signed = [signoff_text(marks[s.task.code], lang) if marks else None for s in rows]
    states = list(frame[t("col_task_state", lang)])
    task_cards.cards(rows, lang, states, signed)
    deadline_notes(rows, lang)


def deadline_notes(rows: list[TaskStatus], lang: str) -> None:
    """The plan's own words for a completion time that says more than the time (II.9)."""
    for s in rows:
        if note := s.task.deadline_note_in(lang):
            st.caption(ui.literal(t("tasks_deadline_note", lang, code=s.task.code, text=note)))


def by_unit(rows: list[TaskStatus], lang: str) -> None:
    """Overdue items per lead unit, most first: who leaders should call."""
    labels = data.unit_labels()
    tally: dict[str, int] = {}
    for s in rows:
        if s.overdue:
            for code in s.task.lead_unit_codes or (s.task.lead_units_in(lang),):
                tally[code] = tally.get(code, 0) + 1
    if not tally:
        return
    ordered = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    st.subheader(t("tasks_by_unit", lang), anchor=False)
    st.dataframe(
        pd.DataFrame(
            {
                # the count first: a phone shows it beside the start of the unit's name
                t("col_task_count", lang): [n for _, n in ordered],
                t("col_score_unit", lang): [labels.get(c, c) for c, _ in ordered],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def list_tab(viewer: Viewer, lang: str) -> None:
    task_signoff_view.signoff_box(viewer, lang)
    every = service.tasks(resources.storage())
    leads = sorted({c for task in every for c in task.lead_unit_codes})
    kind, unit, day, only = filters(lang, leads)
    rows = service.task_statuses(resources.storage(), day, kind=kind, unit=unit)
    st.caption(t("tasks_caption", lang, day=day_label(day)))
    counts(rows, lang)
    shown = [s for s in rows if s.overdue] if only else rows
    if unit is not None:
        st.subheader(t("tasks_unit_page", lang, unit=data.unit_label(unit)), anchor=False)
    show_tasks(shown, lang, signoffs.latest_marks(resources.storage(), shown, day))
    if unit is None:
        by_unit(rows, lang)


def page() -> None:
    viewer = ui.require(lambda _viewer: True)
    lang = ui.lang()
    ui.header("tasks_title")
    names = ["tasks_tab_list", "tasks_tab_score"]
    if viewer.can_upload:
        names.insert(1, "tasks_tab_report")
    tabs = dict(zip(names, st.tabs([t(n, lang) for n in names]), strict=True))
    with tabs["tasks_tab_list"]:
        list_tab(viewer, lang)
    if "tasks_tab_report" in tabs:
        with tabs["tasks_tab_report"]:
            task_views.report_form(viewer, lang)
            task_views.upload_box(viewer, lang)
    with tabs["tasks_tab_score"]:
        task_views.scorecard(lang)


page()
