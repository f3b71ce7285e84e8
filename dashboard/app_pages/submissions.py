"""Tình hình nộp: which unit reported which quarter, on time, late or not at all."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data, resources, ui
from dashboard.i18n import t
from kpi.periods import current_quarter, quarter_range
from kpi.submissions import SubmissionState, matrix_counts, matrix_wide, submission_matrix

LABEL_KEYS = {
    SubmissionState.SUBMITTED: "subm_submitted",
    SubmissionState.LATE: "subm_late",
    SubmissionState.MISSING: "subm_missing",
    SubmissionState.PENDING: "subm_pending",
}


def expected_units() -> list[str]:
    """Units that have ever reported, plus every indicator's lead units."""
    reported = {str(u) for u in data.current()["unit_code"].unique()}
    leads = {c for i in resources.catalogue() for c in i.lead_unit_codes}
    registry = data.registry()
    return sorted(u for u in reported | leads if u in registry)


def page() -> None:
    ui.require(lambda _viewer: True)
    lang = ui.lang()
    days = resources.settings().deadline_days
    ui.header("subm_title", t("subm_caption", lang, days=days))
    cols = st.columns([1, 2])
    count = cols[0].slider(t("subm_quarters", lang), 4, 16, 8, key="subm_n")
    only_problems = cols[1].toggle(t("subm_only_problems", lang), key="subm_problems")
    last = current_quarter()
    periods = quarter_range(last + -(count - 1), last)
    matrix = submission_matrix(
        data.first_submissions(periods[0]),
        expected_units(),
        periods,
        deadline_days=days,
        today=dt.date.today(),
    )
    if only_problems:
        bad = matrix[matrix["state"].isin(["late", "missing"])]["unit_code"].unique()
        matrix = matrix[matrix["unit_code"].isin(bad)]
    counts = matrix_counts(matrix)
    metric_cols = st.columns(len(LABEL_KEYS))
    for col, (state, key) in zip(metric_cols, LABEL_KEYS.items(), strict=True):
        with col.container(border=True):
            st.metric(f"{state.icon} {t(key, lang)}", counts[state])
    wide = matrix_wide(matrix, lang)
    if wide.empty:
        st.info(t("no_data", lang))
        return
    registry = data.registry()
    wide.index = [
        f"{code} · {registry.get(code).name if registry.get(code) else ''}" for code in wide.index
    ]
    wide.index.name = t("col_unit", lang)
    st.dataframe(wide, width="stretch", height=min(36 * (len(wide) + 1) + 4, 640))


page()
