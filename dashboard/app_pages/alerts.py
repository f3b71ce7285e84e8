"""Cảnh báo: series whose status got worse since the previous quarter, and stale series."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, resources, signoff, ui
from kpi.formatting import percent, quarter_label
from kpi.periods import last_ended_quarter, parse_quarter
from kpi.progress import Status
from kpi.progress.coverage_text import coverage_text
from kpi.progress.frame import COVERAGE_COLUMNS
from kpi.text import t

KEY = ["indicator_code", "unit_code"]


def _label(status: str, lang: str) -> str:
    return ui.status_text(status, lang)


def all_rows(as_of: str) -> pd.DataFrame:
    """Ministry rows and unit rows for one quarter."""
    ministry = data.ministry(as_of)
    return pd.concat([ministry, data.unit_statuses(as_of)], ignore_index=True)


def worsened(current: str, previous: str) -> pd.DataFrame:
    columns = [*KEY, "status", "latest_value", "latest_period", *COVERAGE_COLUMNS]
    now = all_rows(current).reindex(columns=columns)
    then = [data.ministry(previous)[data.STATUS_KEY], data.unit_status_words(previous)]
    before = pd.concat(then, ignore_index=True).rename(columns={"status": "before"})
    joined = now.merge(before, on=KEY)
    known = ~joined[["status", "before"]].isin([Status.INSUFFICIENT_DATA.value]).any(axis=1)
    joined = joined[known]
    worse = [
        ui.severity(n) < ui.severity(b)
        for n, b in zip(joined["status"], joined["before"], strict=True)
    ]
    return joined[worse]


def show_worse(frame: pd.DataFrame, lang: str) -> None:
    catalogue = resources.catalogue()
    labels = data.unit_labels()
    table = pd.DataFrame(
        {
            "status": frame["status"].to_numpy(),
            # the change of status first: a phone shows it before the names
            t("col_code", lang): frame["indicator_code"].to_numpy(),
            t("col_before", lang): [_label(s, lang) for s in frame["before"]],
            t("col_now", lang): [_label(s, lang) for s in frame["status"]],
            t("col_name", lang): [catalogue[c].short_name(lang) for c in frame["indicator_code"]],
            t("col_unit", lang): [labels.get(u, u) for u in frame["unit_code"]],
            t("col_latest", lang): [percent(v, lang) for v in frame["latest_value"]],
            t("col_coverage", lang): [coverage_text(r, lang) for r in frame.to_dict("records")],
        }
    )
    styled = table.style.apply(
        lambda _c: ui.status_cell_style(table["status"]), subset=[t("col_now", lang)]
    )
    st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        column_order=[c for c in table.columns if c != "status"],
        alt=t("alerts.worse_alt", lang),
    )


def show_stale(frame: pd.DataFrame, lang: str) -> None:
    catalogue = resources.catalogue()
    labels = data.unit_labels()
    table = pd.DataFrame(
        {
            t("col_code", lang): frame["indicator_code"].to_numpy(),
            t("col_name", lang): [catalogue[c].short_name(lang) for c in frame["indicator_code"]],
            t("col_unit", lang): [labels.get(u, u) for u in frame["unit_code"]],
            t("col_last_period", lang): [quarter_label(p, lang) for p in frame["latest_period"]],
            t("col_latest", lang): [percent(v, lang) for v in frame["latest_value"]],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", alt=t("alerts.stale_alt", lang))


def page() -> None:
    ui.require(lambda _viewer: True)
    lang = ui.lang()
    ui.header("alerts_title")
    current = data.default_as_of()
    if current is None:
        st.info(t("no_data", lang))
        return
    previous = str(parse_quarter(current) + -1)
    ui.unapproved_note(signoff.unapproved_count(current))
    st.subheader(
        t(
            "alerts_worse",
            lang,
            previous=quarter_label(previous, lang),
            current=quarter_label(current, lang),
        ),
        anchor=False,
    )
    worse = worsened(current, previous)
    if worse.empty:
        st.success(t("alerts_none_worse", lang), icon=":material/check_circle:")
    else:
        show_worse(worse, lang)
    ended = str(last_ended_quarter())
    st.subheader(t("alerts_stale", lang, period=quarter_label(ended, lang)), anchor=False)
    rows = all_rows(current)
    stale = rows[rows["stale"].astype(bool)]
    order = {code: n for n, code in enumerate(resources.catalogue().codes)}
    stale = stale.assign(_pos=stale["indicator_code"].map(order)).sort_values(["_pos", "unit_code"])
    if stale.empty:
        st.success(t("alerts_none_stale", lang), icon=":material/check_circle:")
    else:
        show_stale(stale, lang)


page()
