"""Nghĩa vụ báo cáo và khóa số liệu (admins): obligations in force and their import;
lock exceptions and opening one. Every change is audited by the service."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data, resources, tables, ui, widget_text
from kpi.audit_text import moment_text, text_or_dash
from kpi.formatting import DAY_INPUT_FORMAT, day_label, quarter_label
from kpi.obligations import ObligationError, obligation_records
from kpi.periods import last_ended_quarter, local_today, quarter_range
from kpi.services import cycle, submissions
from kpi.text import t

OBLIGATION_KEY = "cyc_file"
OBLIGATION_TYPES = ["csv"]


def obligations_section(actor: str, lang: str) -> None:
    st.subheader(t("cyc_obligations", lang), anchor=False)
    # words in the label; the file's own headers only in the help, where the file is written
    upload = st.file_uploader(
        t("cyc_import", lang),
        type=OBLIGATION_TYPES,
        key=OBLIGATION_KEY,
        help=t("cyc_import_help", lang),
    )
    if upload is not None and st.button(t("cyc_import_go", lang), key="cyc_import_go"):
        try:
            rows = cycle.import_obligations(
                resources.storage(),
                resources.catalogue(),
                upload.getvalue().decode("utf-8-sig"),
                actor=actor,
            )
        except (ObligationError, UnicodeDecodeError) as exc:
            st.error(ui.error_text(exc, lang))
        else:
            data.clear()
            st.success(t("cyc_imported", lang, n=len(rows)))
    found = obligation_records(submissions.owed(resources.storage(), resources.catalogue()))
    frame = pd.DataFrame(found)
    catalogue = resources.catalogue()
    st.dataframe(
        tables.readable(
            pd.DataFrame(
                {
                    t("col_unit", lang): [data.unit_label(u) for u in frame["unit_code"]],
                    t("col_indicator", lang): [
                        f"{c} · {catalogue[c].short_name(lang)}" if c in catalogue else c
                        for c in frame["indicator_code"]
                    ],
                    t("col_from", lang): [quarter_label(p, lang) for p in frame["from_period"]],
                    t("col_to", lang): [quarter_label(p, lang) for p in frame["to_period"]],
                    t("col_source", lang): [t(f"source_{s}", lang) for s in frame["source"]],
                }
            )
        ),
        hide_index=True,
        width="stretch",
    )


def locks_section(actor: str, lang: str) -> None:
    st.subheader(t("cyc_locks", lang), anchor=False)
    units = sorted(u.code for u in data.registry())
    last = last_ended_quarter()
    quarters = [str(q) for q in reversed(quarter_range(last + -7, last))]
    with st.form("cyc_lock_form"):
        cols = st.columns(2)
        unit = cols[0].selectbox(
            t("col_unit", lang),
            units,
            format_func=lambda c: data.unit_label(c, lang),
            placeholder=widget_text.choose(lang),
            key="lock_unit",
        )
        period = cols[1].selectbox(
            t("col_quarter", lang),
            quarters,
            format_func=lambda p: quarter_label(p, lang),
            placeholder=widget_text.choose(lang),
            key=ui.lang_key("lock_period"),
        )
        until = st.date_input(
            t("cyc_until", lang),
            local_today() + dt.timedelta(days=14),
            format=DAY_INPUT_FORMAT,
            key="lock_until",
        )
        reason = st.text_input(t("cyc_reason", lang), key="lock_reason")
        if st.form_submit_button(t("cyc_open", lang)):
            try:
                cycle.open_lock(resources.storage(), unit, period, until, reason, actor=actor)
            except cycle.CycleError as exc:
                st.error(ui.error_text(exc, lang))
            else:
                st.success(
                    t(
                        "cyc_opened",
                        lang,
                        unit=data.unit_label(unit),
                        period=quarter_label(period, lang),
                        until=day_label(until) if isinstance(until, dt.date) else until,
                    )
                )
    locks = cycle.locks_frame(resources.storage())
    if locks.empty:
        st.info(t("cyc_no_locks", lang))
        return
    st.dataframe(locks_table(locks, lang), hide_index=True, width="stretch")


def locks_table(locks: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Unit, quarter, open until (day), reason, who opened it and when (Vietnam time)."""
    return tables.readable(
        pd.DataFrame(
            {
                t("tbl.unit", lang): [data.unit_label(u) for u in locks["unit_code"]],
                t("tbl.quarter", lang): [
                    quarter_label(int(i), lang) for i in locks["period_index"]
                ],
                t("tbl.until", lang): [_day(v) for v in locks["until"]],
                t("tbl.reason", lang): [text_or_dash(v) for v in locks["reason"]],
                t("tbl.opened_by", lang): [text_or_dash(v) for v in locks["opened_by"]],
                t("tbl.opened_at", lang): [moment_text(v) for v in locks["opened_at"]],
            }
        )
    )


def _day(value: object) -> str:
    if isinstance(value, dt.datetime):
        return day_label(value.date())
    if isinstance(value, dt.date):
        return day_label(value)
    return text_or_dash(value)


def page() -> None:
    viewer = ui.require(lambda v: v.is_admin)
    lang = ui.lang()
    ui.header("cyc_title")
    obligations_section(viewer.email, lang)
    locks_section(viewer.email, lang)


page()
