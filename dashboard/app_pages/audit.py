"""Nhật ký hệ thống (admins): every upload and every recorded action, as literal text."""

from __future__ import annotations

import streamlit as st

from dashboard import data, ui
from dashboard.i18n import t


def page() -> None:
    ui.require(lambda viewer: viewer.is_admin)
    lang = ui.lang()
    ui.header("audit_title")
    st.subheader(t("uploads_title", lang), anchor=False)
    st.dataframe(data.recent_uploads(200), hide_index=True, width="stretch", height=320)
    st.subheader(t("audit_title", lang), anchor=False)
    log = data.audit_log()
    if not log.empty:
        log = log.sort_values("id", ascending=False).head(500)
        log["detail"] = log["detail"].astype(str)
    st.dataframe(log, hide_index=True, width="stretch", height=420)


page()
