"""Nộp số liệu: template, upload, validation result or preview, confirmation, commit.

All checks and the commit live in kpi.services.ingest; this page only lays them out. The
checked file is kept in this session's state (it belongs to this user only).
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from dashboard import data, resources, ui, widget_text
from dashboard.upload_flow import (
    Checked,
    check,
    commit,
    error_table,
    not_reported_text,
    preview_table,
    value_only_text,
    warning_table,
    whole_file_only,
)
from kpi.access import Viewer
from kpi.formatting import quarter_label
from kpi.periods import last_ended_quarter
from kpi.text import t
from reports import template as templates

CHECKED_KEY = "upload_checked"
RESULT_KEY = "upload_result"
UPLOADER_KEY = "upload_file"
ROUND_KEY = "upload_round"  # a new key empties the uploader after a commit
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_TYPES = ["csv", "xlsx", "xls", "ods"]


def template_section(viewer: Viewer, lang: str) -> None:
    st.subheader(t("step_template", lang), anchor=False)
    scope = viewer.write_scope()
    units = sorted(scope) if scope is not None else data.reporting_units()
    cols = st.columns([2, 1, 1, 1], vertical_alignment="bottom")
    unit = cols[0].selectbox(
        t("template_unit", lang),
        units,
        format_func=lambda c: data.unit_label(c, lang),
        placeholder=widget_text.choose(lang),
        key="tpl_unit",
    )
    period = str(last_ended_quarter())
    cols[1].text_input(
        t("template_period", lang), quarter_label(period, lang), disabled=True, key="tpl_period"
    )
    catalogue = resources.catalogue()
    stem = f"mau-so-lieu-{unit}-{period}"
    cols[2].download_button(
        t("template_xlsx", lang),
        lambda: templates.template_xlsx(catalogue, unit=unit, period=period),
        f"{stem}.xlsx",
        XLSX_MIME,
        key="tpl_xlsx",
        on_click="ignore",
    )
    cols[3].download_button(
        t("template_csv", lang),
        lambda: templates.template_csv(catalogue, unit=unit, period=period),
        f"{stem}.csv",
        "text/csv",
        key="tpl_csv",
        on_click="ignore",
    )


def checked_file(viewer: Viewer, upload: Any) -> Checked | None:
    """Validate a newly chosen file once; reruns reuse the result."""
    if upload is None:
        st.session_state.pop(CHECKED_KEY, None)
        return None
    content = upload.getvalue()
    kept = st.session_state.get(CHECKED_KEY)
    digest = hashlib.sha256(content).hexdigest()
    if isinstance(kept, Checked) and (kept.file_name, kept.sha256) == (upload.name, digest):
        return kept
    with st.spinner(t("checking", lang=ui.lang())):
        checked = check(upload.name, content, viewer)
    st.session_state[CHECKED_KEY] = checked
    st.session_state.pop(RESULT_KEY, None)
    return checked


def show_errors(checked: Checked, lang: str) -> None:
    table = error_table(checked, lang)
    words = "errors_found_file" if whole_file_only(checked) else "errors_found"
    st.error(t(words, lang, n=checked.error_count), icon=":material/block:")
    if checked.error_count > len(table):
        st.caption(t("errors_capped", lang, shown=len(table)))
    # wrapped, so every message reads whole; escaped: nothing in a file is rendered
    ui.wrapped_table(table, "loi-tep-nop", "upload_errors_csv")


def show_preview(checked: Checked, lang: str) -> None:
    counts = checked.counts
    st.success(
        t(
            "preview_ok",
            lang,
            rows=counts.get("rows", 0),
            new=counts.get("new", 0),
            changed=counts.get("changed", 0),
            unchanged=counts.get("unchanged", 0),
        ),
        icon=":material/check_circle:",
    )
    skipped = not_reported_text(checked, lang)
    if skipped:
        st.info(skipped, icon=":material/info:")
    value_only = value_only_text(checked, lang)
    if value_only:
        st.warning(value_only, icon=":material/functions:")
    table = preview_table(checked, lang)
    st.dataframe(
        table, hide_index=True, width="stretch", height=min(35 * (len(table) + 1) + 3, 420)
    )


def commit_section(viewer: Viewer, checked: Checked, lang: str) -> None:
    st.subheader(t("step_commit", lang), anchor=False)
    warnings = warning_table(checked, lang)
    needs_note = not warnings.empty
    if needs_note:
        st.warning(t("warnings_title", lang), icon=":material/warning:")
        ui.wrapped_table(warnings, "canh-bao-tep-nop", "upload_warnings_csv")
    note = st.text_area(
        t("warning_note", lang) if needs_note else t("commit_note", lang), key="upload_note"
    )
    confirmed = st.checkbox(t("confirm_box", lang), key="upload_confirm") if needs_note else True
    ready = confirmed and (bool(note.strip()) or not needs_note)
    if st.button(t("commit_button", lang), type="primary", disabled=not ready, key="commit"):
        bar = st.progress(0.0, text=t("committing", lang))
        outcome = commit(checked, viewer, note.strip() or None, lambda f: _advance(bar, f))
        bar.empty()
        st.session_state[RESULT_KEY] = outcome
        st.session_state.pop(CHECKED_KEY, None)
        st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
        data.clear()  # every page now reads the new figures
        st.rerun()


def _advance(bar: Any, fraction: float) -> None:
    bar.progress(min(max(fraction, 0.0), 1.0))


def show_result(lang: str) -> None:
    outcome = st.session_state.get(RESULT_KEY)
    if outcome is None:
        return
    kind, values = outcome
    if kind == "committed":
        shown = {k: v for k, v in values.items() if k != "reimported_from"}
        st.success(t("commit_done", lang, **shown), icon=":material/check_circle:")
        if values.get("reimported_from") is not None:
            st.info(t("reimported", lang, id=values["reimported_from"]), icon=":material/info:")
    elif kind == "duplicate":
        key = "already_imported" if values.get("id") is not None else "already_current"
        st.info(t(key, lang, **values), icon=":material/info:")
    else:
        st.error(t("upload_refused", lang), icon=":material/block:")
        problem, error = values.get("problem"), values.get("error")
        if problem is not None:
            message = problem.text(lang)
        elif isinstance(error, BaseException):
            message = ui.error_text(error, lang)
        else:
            message = values.get("message", "")
        st.text(str(message))  # literal: it may quote file content


def page() -> None:
    viewer = ui.require(lambda v: v.can_upload)
    lang = ui.lang()
    ui.header("upload_title", t("upload_intro", lang))
    scope = viewer.write_scope()
    if scope is not None and not scope:
        st.warning(t("upload_no_scope", lang, contact=resources.settings().admin_contact))
        return
    if scope is not None:
        st.caption(t("upload_scope", lang, units=ui.literal(", ".join(sorted(scope)))))
    show_result(lang)
    template_section(viewer, lang)
    st.subheader(t("step_upload", lang), anchor=False)
    upload = st.file_uploader(
        t("file_label", lang),
        type=FILE_TYPES,
        key=f"{UPLOADER_KEY}_{st.session_state.get(ROUND_KEY, 0)}",
    )
    checked = checked_file(viewer, upload)
    if checked is None:
        return
    st.subheader(t("step_check", lang), anchor=False)
    if checked.has_errors:
        show_errors(checked, lang)
        return
    if checked.outside_scope:
        st.error(
            t("outside_scope", lang, units=ui.literal(", ".join(checked.outside_scope))),
            icon=":material/block:",
        )
        return
    show_preview(checked, lang)
    if checked.counts.get("new", 0) + checked.counts.get("changed", 0) == 0:
        st.info(t("nothing_to_commit", lang), icon=":material/info:")
        return
    commit_section(viewer, checked, lang)


page()
