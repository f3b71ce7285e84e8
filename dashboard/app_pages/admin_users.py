"""Người dùng và phân quyền (admins): who may read, who writes for which units.

Every change goes through kpi.storage.access and is audited with the admin's e-mail.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, resources, tables, ui, widget_text
from kpi.access import Role, Viewer
from kpi.audit_text import moment_text
from kpi.formatting import MISSING
from kpi.services.users import AccessError, add_user, remove_user, users_frame
from kpi.text import t


def _t(key: str) -> str:
    return t(f"users.{key}", ui.lang())


def role_word(role: str, lang: str) -> str:
    return t(f"role.{Role(role).value}", lang)


def users_table(users: pd.DataFrame, lang: str) -> pd.DataFrame:
    """E-mail, role in words, the units by name, when the user was added (Vietnam time)."""

    def units(text: object) -> str:
        codes = [c.strip() for c in str(text or "").split(",") if c.strip()]
        return "; ".join(data.unit_label(c) for c in codes) or MISSING

    return tables.readable(
        pd.DataFrame(
            {
                t("tbl.email", lang): users["email"].astype(str).to_numpy(),
                t("tbl.role", lang): [role_word(r, lang) for r in users["role"]],
                t("tbl.units", lang): [units(u) for u in users["units"]],
                t("tbl.created", lang): [moment_text(v) for v in users["created_at"]],
            }
        )
    )


def add_form(admin: Viewer) -> None:
    units = sorted(u.code for u in data.registry())
    with st.form("user_add", clear_on_submit=True):
        st.subheader(_t("add"), anchor=False)
        email = st.text_input(_t("email"), key="user_email")
        lang = ui.lang()
        role = st.selectbox(
            _t("role"),
            list(Role),
            format_func=lambda r: role_word(r, lang),
            placeholder=widget_text.choose(lang),
            key=ui.lang_key("user_role"),
            index=1,
        )
        chosen = st.multiselect(
            _t("units"),
            units,
            format_func=lambda c: data.unit_label(c, lang),
            placeholder=widget_text.choose(lang),
            key="user_units",
        )
        if st.form_submit_button(_t("save"), type="primary"):
            try:
                add_user(
                    resources.storage(), email, Role(role or Role.LEADER), chosen, actor=admin.email
                )
            except AccessError as exc:
                st.error(ui.literal(ui.error_text(exc, ui.lang())))
            else:
                st.success(_t("saved"))


def remove_form(admin: Viewer, emails: list[str]) -> None:
    st.subheader(_t("remove"), anchor=False)
    target = st.selectbox(
        _t("email"), emails, placeholder=widget_text.choose(ui.lang()), key="user_remove"
    )
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
        st.dataframe(users_table(users, ui.lang()), hide_index=True, width="stretch")
    remove_form(admin, list(users["email"]))


page()
