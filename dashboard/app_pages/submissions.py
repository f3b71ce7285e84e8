"""Tình hình nộp: every obligation and quarter, on time, late, missing or not yet due,
with the DHIS2 measures for the ministry, per unit and per indicator.

The numbers come from kpi.services.submissions, the service behind `kpi submissions`.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import data, resources, submission_views, ui
from kpi import palette
from kpi.completeness import ReportState, unit_quarter_states
from kpi.formatting import number, percent
from kpi.periods import Quarter
from kpi.services.submissions import rates, recent_quarters
from kpi.text import t

# Tints with dark text (contrast ≥ 4.5:1); the icon and word carry the meaning.
TINTS = {state: palette.REPORT_STATE_TINTS[state.value] for state in ReportState}
MEASURE_KEYS = {
    "expected": "subm_expected",
    "reports": "subm_reports",
    "on_time": "subm_on_time_n",
    "reporting_rate": "subm_rate",
    "on_time_rate": "subm_on_time_rate",
}


def cell_style(text: object) -> str:
    for state, tint in TINTS.items():
        if str(text).startswith(state.icon):
            return palette.cell_style(tint)
    return ""


def rate_text(value: object, lang: str) -> str:
    if not isinstance(value, int | float) or pd.isna(value):
        return "—"
    return percent(float(value), lang)


def measure_metrics(total: pd.Series, lang: str) -> None:
    cols = st.columns(len(MEASURE_KEYS))
    for col, (column, key) in zip(cols, MEASURE_KEYS.items(), strict=True):
        value = total[column]
        shown = rate_text(value, lang) if column.endswith("rate") else number(value, lang, 0)
        with col.container(border=True):
            st.metric(t(key, lang), shown)


def indicator_label(code: str, lang: str) -> str:
    catalogue = resources.catalogue()
    return f"{code} · {catalogue[code].short_name(lang)}" if code in catalogue else code


def measure_table(
    frame: pd.DataFrame, key: str, label: str, lang: str, name: Callable[[str], str]
) -> pd.DataFrame:
    out = pd.DataFrame({label: [name(str(code)) for code in frame[key]]})
    for column, word in MEASURE_KEYS.items():
        values = frame[column]
        out[t(word, lang)] = (
            [rate_text(v, lang) for v in values]
            if column.endswith("rate")
            else [number(v, lang, 0) for v in values]
        )
    return out


def owed_note(matrix: pd.DataFrame, count: int, lang: str) -> None:
    """Say when the quarters asked for start before anything was owed (they are left out)."""
    first_asked = recent_quarters(count)[0]
    first_owed = Quarter.from_index(int(matrix["period_index"].min()))
    if first_asked < first_owed:
        st.caption(t("subm_owed_from", lang, quarter=first_owed.name(lang)))


def matrix_wide(matrix: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Units down, quarters across; each cell the unit's worst state that quarter."""
    worst = unit_quarter_states(matrix)
    if worst.empty:
        return pd.DataFrame()
    order = sorted(int(i) for i in worst["period_index"].unique())
    worst = worst.assign(
        cell=[f"{ReportState(s).icon} {ReportState(s).word(lang)}" for s in worst["state"]]
    )
    wide = worst.pivot(index="unit_code", columns="period_index", values="cell")[order]
    wide.columns = [Quarter.from_index(i).name(lang) for i in order]
    labels = data.unit_labels()
    wide.index = [labels.get(code, code) for code in wide.index]
    wide.index.name = t("col_unit", lang)
    return wide.fillna("")


def page() -> None:
    ui.require(lambda _viewer: True)
    lang = ui.lang()
    settings = resources.settings()
    ui.header(
        "subm_title",
        t("cycle_caption", lang, days=settings.deadline_days, lock=settings.lock_days),
    )
    # the phone's first screen: above the slider, filled once the slider has chosen
    phone = st.container(key=submission_views.PHONE_KEY)
    count = st.slider(t("subm_quarters", lang), 1, 16, 8, key="subm_n")
    matrix = data.completeness(count)
    if matrix.empty:
        st.info(t("no_data", lang))
        return
    owed_note(matrix, count, lang)
    measured = rates(matrix)
    with phone:
        submission_views.phone_summary(measured["total"].iloc[0], MEASURE_KEYS, matrix, lang)
    with st.container(key=submission_views.CARDS_KEY):  # hidden on a phone: the chips say it
        measure_metrics(measured["total"].iloc[0], lang)
        counts = matrix["state"].value_counts()
        st.caption(
            " · ".join(
                f"{s.icon} {s.word(lang)}: {int(counts.get(s.value, 0))}" for s in ReportState
            )
        )
    unapproved = int((~matrix["approved"] & matrix["submitted_at"].notna()).sum())
    if unapproved:
        st.caption(t("unapproved_note", lang, n=unapproved))
    st.subheader(t("subm_matrix", lang), anchor=False)
    wide = matrix_wide(matrix, lang)
    st.dataframe(wide.style.map(cell_style), width="stretch")
    st.subheader(t("subm_by_unit", lang), anchor=False)
    table = measure_table(measured["unit"], "unit_code", t("col_unit", lang), lang, data.unit_label)
    st.dataframe(table, hide_index=True, width="stretch")
    st.subheader(t("subm_by_indicator", lang), anchor=False)
    order = {code: n for n, code in enumerate(resources.catalogue().codes)}
    by_indicator = measured["indicator"].sort_values(
        "indicator_code", key=lambda codes: codes.map(lambda c: order.get(c, len(order)))
    )
    table = measure_table(
        by_indicator,
        "indicator_code",
        t("col_indicator", lang),
        lang,
        lambda code: indicator_label(code, lang),
    )
    st.dataframe(table, hide_index=True, width="stretch")
    submission_views.owed_section(matrix, lang)


page()
