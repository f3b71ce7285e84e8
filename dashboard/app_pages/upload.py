"""Nộp số liệu: template, upload, validation result or preview, confirmation, commit.

All checks and the commit live in kpi.ingest; this page only lays them out. The
prepared upload is kept in this session's state (it belongs to this user only).
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from dashboard import data, resources, ui
from dashboard.i18n import t
from dashboard.upload_flow import (
    Prepared,
    commit,
    error_table,
    prepare,
    preview_table,
    template_file,
    warning_table,
)
from kpi.access import Viewer
from kpi.periods import last_ended_quarter

PREPARED_KEY = "upload_prepared"
RESULT_KEY = "upload_result"
UPLOADER_KEY = "upload_file"


def template_section(viewer: Viewer, lang: str) -> None:
    st.subheader(t("step_template", lang), anchor=False)
    scope = viewer.write_scope()
    units = sorted(scope) if scope is not None else sorted(u.code for u in data.registry())
    cols = st.columns([2, 1, 1, 1])
    unit = cols[0].selectbox(t("template_unit", lang), units, key="tpl_unit")
    period = str(last_ended_quarter())
    cols[1].text_input(t("template_period", lang), period, disabled=True, key="tpl_period")
    for col, fmt, key in ((cols[2], "xlsx", "template_xlsx"), (cols[3], "csv", "template_csv")):
        name, payload, mime = template_file(unit, period, fmt)
        col.download_button(t(key, lang), payload, name, mime, key=f"tpl_{fmt}")


def current_prepared(viewer: Viewer, upload: Any) -> Prepared | None:
    """Validate a newly chosen file once; reruns reuse the result."""
    if upload is None:
        st.session_state.pop(PREPARED_KEY, None)
        return None
    content = upload.getvalue()
    digest = hashlib.sha256(content).hexdigest()
    kept = st.session_state.get(PREPARED_KEY)
    if isinstance(kept, Prepared) and kept.sha256 == digest:
        return kept
    prepared = prepare(upload.name, content, viewer)
    st.session_state[PREPARED_KEY] = prepared
    st.session_state.pop(RESULT_KEY, None)
    return prepared


def show_errors(prepared: Prepared, lang: str) -> None:
    table = error_table(prepared, lang)
    st.error(t("errors_found", lang, n=len(table)), icon=":material/block:")
    # st.dataframe shows every cell as literal text: nothing in a file is rendered.
    st.dataframe(table, hide_index=True, width="stretch")


def show_preview(prepared: Prepared, lang: str) -> None:
    counts = prepared.counts
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
    st.dataframe(preview_table(prepared, lang), hide_index=True, width="stretch", height=300)


def commit_section(viewer: Viewer, prepared: Prepared, lang: str) -> None:
    st.subheader(t("step_commit", lang), anchor=False)
    warnings = warning_table(prepared, lang)
    needs_note = not warnings.empty
    if needs_note:
        st.warning(t("warnings_title", lang), icon=":material/warning:")
        st.dataframe(warnings, hide_index=True, width="stretch")
    note = st.text_area(
        t("warning_note", lang) if needs_note else t("commit_note", lang), key="upload_note"
    )
    confirmed = True
    if needs_note:
        confirmed = st.checkbox(t("confirm_box", lang), key="upload_confirm")
    ready = confirmed and (bool(note.strip()) or not needs_note)
    if st.button(t("commit_button", lang), type="primary", disabled=not ready, key="commit"):
        bar = st.progress(0.0, text=t("committing", lang))
        outcome = commit(prepared, viewer, note.strip() or None, lambda f: bar.progress(f))
        bar.empty()
        st.session_state[RESULT_KEY] = outcome
        st.session_state.pop(PREPARED_KEY, None)
        data.clear()  # every page now reads the new figures
        st.rerun()


def show_result(lang: str) -> None:
    outcome = st.session_state.get(RESULT_KEY)
    if outcome is None:
        return
    kind, values = outcome
    if kind == "committed":
        st.success(t("commit_done", lang, **values), icon=":material/check_circle:")
    elif kind == "duplicate":
        st.info(t("already_imported", lang, **values), icon=":material/info:")
    else:
        st.error(t("upload_refused", lang, message=""), icon=":material/block:")
        st.text(str(values.get("message", "")))  # literal: it may quote file content


def page() -> None:
    viewer = ui.require(lambda v: v.can_upload)
    lang = ui.lang()
    ui.header("upload_title", t("upload_intro", lang))
    scope = viewer.write_scope()
    if scope is not None and not scope:
        st.warning(t("upload_no_scope", lang, contact=resources.settings().admin_contact))
        return
    if scope is not None:
        st.caption(t("upload_scope", lang, units=", ".join(sorted(scope))))
    show_result(lang)
    template_section(viewer, lang)
    st.subheader(t("step_upload", lang), anchor=False)
    upload = st.file_uploader(
        t("file_label", lang), type=["csv", "xlsx", "xls", "ods"], key=UPLOADER_KEY
    )
    prepared = current_prepared(viewer, upload)
    if prepared is None:
        return
    st.subheader(t("step_check", lang), anchor=False)
    if prepared.has_errors:
        show_errors(prepared, lang)
        return
    show_preview(prepared, lang)
    if prepared.counts.get("new", 0) + prepared.counts.get("changed", 0) == 0:
        return
    commit_section(viewer, prepared, lang)


page()
