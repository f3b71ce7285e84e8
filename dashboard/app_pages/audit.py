"""Nhật ký hệ thống (admins): every upload, refusal and user change, and every written
figure with the value it replaced; filterable by unit, user and period. Text shows literally
(tables only, never markdown)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import data, resources, ui
from kpi.services.figures import upload_file, upload_list
from kpi.services.users import audit_entries, changes_frame
from kpi.text import t

ALL = ""


def _t(key: str) -> str:
    return t(f"audit.{key}", ui.lang())


def filters() -> tuple[str, str, str]:
    units = [ALL, *sorted(u.code for u in data.registry())]
    periods = [ALL, *data.periods()]
    left, middle, right = st.columns(3)
    unit = left.selectbox(
        _t("unit"),
        units,
        format_func=lambda c: _t("all") if c == ALL else data.unit_label(c),
        key="audit_unit",
    )
    actor = middle.text_input(_t("user"), key="audit_actor").strip()
    period = right.selectbox(
        _t("period"), periods, format_func=lambda p: p or _t("all"), key="audit_period"
    )
    return unit, actor, period


def page() -> None:
    ui.require(lambda viewer: viewer.is_admin)
    lang = ui.lang()
    ui.header("audit_title")
    unit, actor, period = filters()
    store = resources.storage()
    st.subheader(_t("changes"), anchor=False)
    changes = changes_frame(store, unit_code=unit or None, actor=actor or None, period=period)
    ui.table_with_download(changes.head(2000), "nhat-ky-so-lieu", "audit_dl_changes", height=360)
    st.subheader(_t("actions"), anchor=False)
    log = audit_entries(store, unit_code=unit or None, actor=actor or None).head(1000)
    if not log.empty:
        log = log.assign(detail=log["detail"].astype(str))
    ui.table_with_download(log, "nhat-ky-hanh-dong", "audit_dl_actions", height=360)
    st.subheader(t("uploads_title", lang), anchor=False)
    attempts = upload_list(store, limit=500)  # every attempt, refused ones too
    st.dataframe(attempts, hide_index=True, width="stretch", height=320)
    download_section(store, attempts, lang)


def download_section(store: Any, attempts: Any, lang: str) -> None:
    """The exact file of one attempt, as the officer sent it."""
    if attempts.empty:
        return
    labels = {
        int(r["id"]): f"#{r['id']} · {r['file_name']} · {r['outcome']} · {r['uploaded_by']}"
        for r in attempts.to_dict("records")
    }
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        t("upload_pick", lang), list(labels), format_func=labels.__getitem__, key="audit_upload"
    )
    found = upload_file(store, int(chosen)) if chosen is not None else None
    if found is None:
        return
    name, content = found
    right.download_button(
        t("upload_download", lang),
        content,
        file_name=name,
        mime="application/octet-stream",
        key="audit_download",
        on_click="ignore",
    )


page()
