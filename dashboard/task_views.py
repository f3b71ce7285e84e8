"""Parts of the Nhiệm vụ page: the progress form, the template upload, the unit scorecard."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st

from dashboard import data, resources, ui, widget_text
from dashboard.tables import readable
from kpi.access import Viewer
from kpi.formatting import number
from kpi.messages import Localized
from kpi.periods import LOCAL_ZONE, local_today
from kpi.problems import FileRejected
from kpi.services import scorecard as scores
from kpi.services import tasks as service
from kpi.task_progress import FOLLOW_UP_UNIT, HalfYear, reporters_for
from kpi.tasks import PlanTask, TaskState
from kpi.text import t
from reports.task_template import task_template_xlsx

ZONE = LOCAL_ZONE
UPLOAD_KEY = "tr_file"
FILE_TYPES = ["xlsx", "xls", "ods", "csv"]
SHORT_NAME = 40  # characters of a task's name in the select: a phone shows about this many


def clipped(text: str, limit: int) -> str:
    """The start of a long text, cut at a word and ended with '…'."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:—-") + "…"


def my_tasks(viewer: Viewer) -> list[PlanTask]:
    """The tasks this viewer may report on: those its units lead (every task for admins)."""
    scope = viewer.write_scope()
    every = service.tasks(resources.storage())
    if scope is None:
        return every
    return [task for task in every if reporters_for(task, FOLLOW_UP_UNIT) & scope]


def report_form(viewer: Viewer, lang: str) -> None:
    chosen = my_tasks(viewer)
    if not chosen:
        st.info(t("task_no_scope", lang))
        return
    by_code = {task.code: task for task in chosen}
    # outside the form, so the caption under it follows the choice
    code = st.selectbox(
        t("task_pick", lang),
        list(by_code),
        format_func=lambda c: f"{c} — {clipped(by_code[c].name_in(lang), SHORT_NAME)}",
        placeholder=widget_text.choose(lang),
        key=ui.lang_key("tr_code"),
    )
    if code is not None:
        task = by_code[code]
        st.caption(
            ui.literal(f"{task.name_in(lang)} · {t('col_task_deadline', lang)}: ")
            + ui.literal(task.deadline_label_in(lang))
        )
    with st.form("task_report", clear_on_submit=False, border=True):
        state = st.radio(
            t("task_state", lang),
            [s.value for s in TaskState],
            format_func=lambda s: TaskState(s).label(lang),
            horizontal=True,
            key=ui.lang_key("tr_state"),
        )
        percent = st.slider(t("task_percent", lang), 0, 100, 0, 5, key="tr_percent")
        evidence = st.text_input(t("task_evidence", lang), key="tr_evidence")
        issues = st.text_area(t("task_issues", lang), key="tr_issues")
        sent = st.form_submit_button(t("task_submit", lang), type="primary")
    if not sent:
        return
    fixed = {TaskState.DONE.value: 100, TaskState.NOT_STARTED.value: 0}.get(state, percent)
    try:
        service.report_progress(
            resources.storage(),
            viewer,
            code,
            state=state,
            percent=fixed,
            evidence=evidence,
            issues=issues,
            today=local_today(),
        )
    except service.TaskServiceError as exc:
        st.error(refusal_text(exc, lang))
        return
    data.clear()
    st.success(t("task_saved", lang, code=code))


def refusal_text(exc: service.TaskServiceError, lang: str) -> str:
    """A refusal in the page's words: a signed-off half-year points to this page's withdrawal."""
    if exc.key == "svc.signoff.refused":
        halves = exc.fields["halves"]
        words = halves.text(lang) if isinstance(halves, Localized) else str(halves)
        return t("tso_refused", lang, halves=words)
    return ui.error_text(exc, lang)


def upload_box(viewer: Viewer, lang: str) -> None:
    rows = [
        s
        for s in service.task_statuses(resources.storage(), local_today())
        if s.task in my_tasks(viewer)
    ]
    st.download_button(
        t("task_template", lang),
        task_template_xlsx(rows, lang),
        file_name=t("task_template.file_name", lang),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="tr_template",
    )
    upload = st.file_uploader(t("task_upload", lang), type=FILE_TYPES, key=UPLOAD_KEY)
    if upload is None:
        return
    try:
        outcome = service.load_reports_file(
            resources.storage(),
            viewer,
            upload.getvalue(),
            upload.name,
            today=local_today(),
            settings=resources.settings(),
        )
    except FileRejected as exc:
        st.error(exc.problem.text(lang))
        return
    except service.TaskServiceError as exc:
        st.error(refusal_text(exc, lang))
        return
    if outcome.problems:
        st.error(t("task_problems", lang, count=len(outcome.problems)))
        ordered = sorted(outcome.problems, key=lambda p: (p.row or 0, p.column or ""))
        problems = pd.DataFrame([p.as_row(lang) for p in ordered])
        st.dataframe(readable(problems), hide_index=True, width="stretch")
        return
    data.clear()
    st.success(t("task_loaded", lang, count=len(outcome.drafts)))


def _halves() -> list[HalfYear]:
    current = HalfYear.containing(local_today())
    out = [current]
    while out[-1] > HalfYear(2025, 1):
        out.append(out[-1].previous)
    return out


def scorecard(lang: str) -> None:
    halves = _halves()
    half = st.selectbox(
        t("score_period", lang),
        halves,
        format_func=lambda h: h.label(lang),
        placeholder=widget_text.choose(lang),
        key=ui.lang_key("sc_half"),
    )
    versions = scores.published(resources.storage(), half)
    if versions:
        rows = versions[0].rows
        status = t("score_published", lang, version=versions[0].version)
    else:
        store, settings = resources.storage(), resources.settings()
        computed = scores.compute(store, settings, resources.catalogue(), half, local_today())
        rows = [asdict(r) for r in computed]
        status = t("score_provisional", lang)
    st.caption(t("score_caption", lang, status=status))
    labels = data.unit_labels()
    frame = pd.DataFrame(
        {
            t("col_score_unit", lang): [
                labels.get(str(r["unit_code"]), r["unit_code"]) for r in rows
            ],
            t("col_score", lang): [number(r["score"], lang, 1) for r in rows],
            t("col_score_tasks", lang): [r["tasks_counted"] for r in rows],
            t("col_score_on_time", lang): [r["done_on_time"] for r in rows],
            t("col_score_late", lang): [r["done_late"] for r in rows],
            t("col_score_overdue", lang): [r["overdue"] for r in rows],
            t("col_score_reports", lang): [
                f"{r['obligations_on_time']}/{r['obligations_counted']}" for r in rows
            ],
        }
    )
    # The score as text ('85,5'): a progress column would print a decimal point in Vietnamese.
    st.dataframe(readable(frame), hide_index=True, width="stretch")
