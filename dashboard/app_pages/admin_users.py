"""Người dùng và phân quyền (admins): who may read, who writes for which units.

Every change goes through kpi.storage.access and is audited with the admin's e-mail.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data, resources, ui
from kpi.access import Role, Viewer
from kpi.services.users import AccessError, add_user, remove_user, users_frame
from kpi.text import t


def _t(key: str) -> str:
    return t(f"users.{key}", ui.lang())


def add_form(admin: Viewer) -> None:
    units = sorted(u.code for u in data.registry())
    with st.form("user_add", clear_on_submit=True):
        st.subheader(_t("add"), anchor=False)
        email = st.text_input(_t("email"), key="user_email")
        role = st.selectbox(
            _t("role"), list(Role), format_func=lambda r: r.vi, key="user_role", index=1
        )
        chosen = st.multiselect(_t("units"), units, format_func=data.unit_label, key="user_units")
        if st.form_submit_button(_t("save"), type="primary"):
            try:
                add_user(
                    resources.storage(), email, Role(role or Role.LEADER), chosen, actor=admin.email
                )
            except AccessError as exc:
                st.error(ui.literal(exc))
            else:
                st.success(_t("saved"))


def remove_form(admin: Viewer, emails: list[str]) -> None:
    st.subheader(_t("remove"), anchor=False)
    target = st.selectbox(_t("email"), emails, key="user_remove")
    if st.button(_t("remove_button"), key="user_remove_button", disabled=not emails):
        if target == admin.email:
            st.error(_t("not_self"))
        elif target and remove_user(resources.storage(), target, actor=admin.email):
            st.success(_t("removed"))
            st.rerun()


def page() -> None:
    admin = ui.require(lambda viewer: viewer.is_admin)
    st.title(_t("title"), anchor=False)
    add_form(admin)
    users = users_frame(resources.storage())
    if users.empty:
        st.info(_t("empty"))
    else:
        shown = users.assign(role=users["role"].map(lambda r: Role(r).vi))
        st.dataframe(shown, hide_index=True, width="stretch")
    remove_form(admin, list(users["email"]))


page()
