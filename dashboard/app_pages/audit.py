"""Nhật ký hệ thống (admins): every written figure with the value it replaced, every action
(refusals too) and every upload attempt with its file, as tables a person reads. One set of
filters (unit, person, quarter, type of action, refused only) filters every table. Text
shows literally (escaped tables, never markdown) and wraps whole."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import data, resources, tables, ui, widget_text
from kpi.audit_text import KINDS
from kpi.formatting import number, quarter_label
from kpi.services.audit import (
    ACTION_LIMIT,
    CHANGE_LIMIT,
    AuditFilter,
    AuditTables,
    audit_people,
    audit_tables,
)
from kpi.services.figures import upload_file
from kpi.text import t

ALL = ""


def unit_name(code: str) -> str:
    return data.registry().name(code, ui.lang())


def indicator_name(code: str) -> str:
    catalogue = resources.catalogue()
    return f"{code} · {catalogue[code].short_name(ui.lang())}" if code in catalogue else code


def _pick(column: Any, label: str, options: list[str], key: str, shown: Any) -> str:
    lang = ui.lang()
    chosen = column.selectbox(
        label,
        [ALL, *options],
        format_func=lambda v: t("audit.all", lang) if v == ALL else shown(v),
        placeholder=widget_text.choose(lang),
        key=ui.lang_key(key),
    )
    return str(chosen or ALL)


def filters(lang: str) -> AuditFilter:
    units = sorted(u.code for u in data.registry())
    periods = list(reversed(data.periods()))
    cols = st.columns(4)
    unit = _pick(
        cols[0], t("audit.unit", lang), units, "audit_unit", lambda c: data.unit_label(c, lang)
    )
    actor = _pick(
        cols[1], t("audit.person", lang), audit_people(resources.storage()), "audit_actor", str
    )
    period = _pick(
        cols[2],
        t("audit.period", lang),
        periods,
        "audit_period",
        lambda p: quarter_label(p, lang),
    )
    kind = _pick(
        cols[3],
        t("audit.kind", lang),
        list(KINDS),
        "audit_kind",
        lambda k: t(f"audit.kind.{k}", lang),
    )
    refused = st.toggle(t("audit.refused_only", lang), key="audit_refused")
    return AuditFilter(unit or None, actor or None, period or None, kind or None, refused)


def capped(shown: int, limit: int, lang: str) -> None:
    if shown >= limit:
        st.caption(t("audit.shown", lang, shown=number(shown, lang, 0)))


def sections(found: AuditTables, lang: str) -> None:
    st.subheader(t("audit.changes", lang), anchor=False)
    if found.changes is None:
        st.caption(t("audit.changes_filtered", lang))
    else:
        shown = tables.changes_table(found.changes, lang, unit_name, indicator_name)
        capped(len(shown), CHANGE_LIMIT, lang)
        tables.show(shown, "nhat-ky-so-lieu", "audit_dl_changes", lang, t("audit.changes", lang))
    st.subheader(t("audit.actions", lang), anchor=False)
    actions = tables.actions_table(found.actions, lang, unit_name)
    capped(len(actions), ACTION_LIMIT, lang)
    tables.show(actions, "nhat-ky-hanh-dong", "audit_dl_actions", lang, t("audit.actions", lang))
    st.subheader(t("uploads_title", lang), anchor=False)
    if found.uploads is None:
        st.caption(t("audit.uploads_filtered", lang))
        return
    uploads = tables.uploads_table(found.uploads, lang)
    tables.show(uploads, "cac-lan-nop", "audit_dl_uploads", lang, t("uploads_title", lang))
    download_section(found.uploads, lang)


def download_section(attempts: Any, lang: str) -> None:
    """The exact file of one attempt, as the officer sent it."""
    if attempts.empty:
        return
    labels = {int(r["id"]): tables.attempt_label(r, lang) for r in attempts.to_dict("records")}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        t("upload_pick", lang),
        list(labels),
        format_func=labels.__getitem__,
        placeholder=widget_text.choose(lang),
        key=ui.lang_key("audit_upload"),
    )
    found = upload_file(resources.storage(), int(chosen)) if chosen is not None else None
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


def page() -> None:
    ui.require(lambda viewer: viewer.is_admin)
    lang = ui.lang()
    ui.header("audit_title")
    chosen = filters(lang)
    sections(audit_tables(resources.storage(), chosen), lang)


page()
