"""Nghĩa vụ báo cáo và khóa số liệu (admins): obligations in force and their import;
lock exceptions and opening one. Every change is audited by the service."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data, resources, ui
from kpi.formatting import quarter_label
from kpi.obligations import ObligationError, obligation_records
from kpi.periods import Quarter, last_ended_quarter, quarter_range
from kpi.services import cycle, submissions
from kpi.text import t


def obligations_section(actor: str, lang: str) -> None:
    st.subheader(t("cyc_obligations", lang), anchor=False)
    upload = st.file_uploader(t("cyc_import", lang), type=["csv"], key="cyc_file")
    if upload is not None and st.button(t("cyc_import", lang), key="cyc_import_go"):
        try:
            rows = cycle.import_obligations(
                resources.storage(),
                resources.catalogue(),
                upload.getvalue().decode("utf-8-sig"),
                actor=actor,
            )
        except (ObligationError, UnicodeDecodeError) as exc:
            st.error(str(exc))
        else:
            data.clear()
            st.success(t("cyc_imported", lang, n=len(rows)))
    found = obligation_records(submissions.obligations(resources.storage(), resources.catalogue()))
    frame = pd.DataFrame(found)
    st.dataframe(
        pd.DataFrame(
            {
                t("col_unit", lang): frame["unit_code"].to_numpy(),
                t("col_indicator", lang): frame["indicator_code"].to_numpy(),
                t("col_from", lang): [quarter_label(p, lang) for p in frame["from_period"]],
                t("col_to", lang): [quarter_label(p, lang) for p in frame["to_period"]],
                t("col_source", lang): [t(f"source_{s}", lang) for s in frame["source"]],
            }
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
        unit = cols[0].selectbox(t("col_unit", lang), units, key="lock_unit")
        period = cols[1].selectbox(
            t("col_quarter", lang),
            quarters,
            format_func=lambda p: quarter_label(p, lang),
            key="lock_period",
        )
        until = st.date_input(
            t("cyc_until", lang), dt.date.today() + dt.timedelta(days=14), key="lock_until"
        )
        reason = st.text_input(t("cyc_reason", lang), key="lock_reason")
        if st.form_submit_button(t("cyc_open", lang)):
            try:
                cycle.open_lock(resources.storage(), unit, period, until, reason, actor=actor)
            except cycle.CycleError as exc:
                st.error(str(exc))
            else:
                st.success(
                    t(
                        "cyc_opened",
                        lang,
                        unit=unit,
                        period=quarter_label(period, lang),
                        until=until,
                    )
                )
    locks = cycle.locks_frame(resources.storage())
    if locks.empty:
        st.info(t("no_data", lang))
        return
    st.dataframe(
        pd.DataFrame(
            {
                t("col_unit", lang): locks["unit_code"].to_numpy(),
                t("col_quarter", lang): [
                    Quarter.from_index(int(i)).label for i in locks["period_index"]
                ],
                t("cyc_until", lang): locks["until"].astype(str).to_numpy(),
                t("cyc_reason", lang): locks["reason"].astype(str).to_numpy(),
                t("col_opened_by", lang): locks["opened_by"].astype(str).to_numpy(),
            }
        ),
        hide_index=True,
        width="stretch",
    )


def page() -> None:
    viewer = ui.require(lambda v: v.is_admin)
    lang = ui.lang()
    ui.header("cyc_title")
    obligations_section(viewer.email, lang)
    locks_section(viewer.email, lang)


page()
