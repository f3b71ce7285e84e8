"""Tình hình nộp: which unit reported which quarter, on time, late or not at all."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data, resources, ui
from kpi.i18n import t
from kpi.periods import current_quarter, quarter_range
from kpi.submissions import SubmissionState, matrix_counts, matrix_wide, submission_matrix

LABEL_KEYS = {
    SubmissionState.SUBMITTED: "subm_submitted",
    SubmissionState.LATE: "subm_late",
    SubmissionState.MISSING: "subm_missing",
    SubmissionState.PENDING: "subm_pending",
}


# Tints with dark text (contrast ≥ 4.5:1); the icon and word carry the meaning.
TINTS = {
    SubmissionState.SUBMITTED: "#DDF2EA",
    SubmissionState.LATE: "#FCEFD2",
    SubmissionState.MISSING: "#FBE3D6",
    SubmissionState.PENDING: "#F2F5F9",
}


def cell_style(text: object) -> str:
    for state, tint in TINTS.items():
        if str(text).startswith(state.icon):
            return f"background-color: {tint}; color: #1B2430"
    return ""


def expected_units() -> list[str]:
    """Units that have ever reported, plus every indicator's lead units."""
    reported = set(data.reporting_units())
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
    labels = data.unit_labels()
    wide.index = [labels.get(code, code) for code in wide.index]
    wide.index.name = t("col_unit", lang)
    styled = wide.style.map(cell_style)
    st.dataframe(styled, width="stretch", height=min(35 * (len(wide) + 1) + 3, 640))


page()
