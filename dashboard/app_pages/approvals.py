"""Phê duyệt số liệu: what waits for the unit head's sign-off, approve, or withdraw it.

Scopes and the lock on approved figures are enforced by kpi.services.cycle and the
upload commit; this page only lays them out.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, resources, ui, widget_text
from kpi.access import Viewer
from kpi.audit_text import moment_text, text_or_dash
from kpi.formatting import number
from kpi.periods import Quarter
from kpi.services import cycle
from kpi.text import t


def _in_scope(frame: pd.DataFrame, viewer: Viewer) -> pd.DataFrame:
    scope = viewer.approve_scope()
    return frame if scope is None else frame[frame["unit_code"].isin(sorted(scope))]


def _label(unit: str, index: int, lang: str) -> str:
    # the quarter and the unit's code only: a whole unit name is cut on a phone (the
    # caption under the select gives it in full)
    return f"{Quarter.from_index(index).name(lang)} · {unit}"


def _pick(choices: list[tuple[str, int]], key: str, lang: str) -> tuple[str, int] | None:
    chosen = st.selectbox(
        t("appr_choose", lang),
        choices,
        format_func=lambda c: _label(c[0], c[1], lang),
        placeholder=widget_text.choose(lang),
        key=ui.lang_key(key),
    )
    if chosen is not None:
        quarter = Quarter.from_index(chosen[1]).name(lang)
        st.caption(ui.literal(f"{quarter} · {data.unit_label(chosen[0])}"))
    return chosen


def _choices(frame: pd.DataFrame) -> list[tuple[str, int]]:
    return [
        (str(u), int(i)) for u, i in zip(frame["unit_code"], frame["period_index"], strict=True)
    ]


def _labels(indexes: pd.Series) -> list[str]:
    return [Quarter.from_index(int(i)).name(ui.lang()) for i in indexes]


def pending_section(viewer: Viewer, lang: str) -> None:
    st.subheader(t("appr_pending", lang), anchor=False)
    pending = cycle.pending_approvals(resources.storage(), viewer.approve_scope())
    if pending.empty:
        st.info(t("appr_none", lang))
        return
    pending = pending.sort_values(["period_index", "unit_code"], ascending=[False, True])
    table = pd.DataFrame(
        {
            t("col_quarter", lang): _labels(pending["period_index"]),
            t("col_unit", lang): [data.unit_label(u) for u in pending["unit_code"]],
            t("col_figures", lang): [number(n, lang, 0) for n in pending["figures"]],
            t("col_approval", lang): t("unapproved_word", lang),
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    choices = _choices(pending)
    chosen = _pick(choices, "appr_pick", lang)
    if st.button(t("appr_approve", lang), key="appr_go", type="primary") and chosen:
        unit, quarter = chosen[0], Quarter.from_index(chosen[1])
        try:
            n = cycle.approve(resources.storage(), viewer, unit, quarter)
        except cycle.CycleError as exc:
            st.error(ui.error_text(exc, lang))
            return
        data.clear()
        period = quarter.name(lang)
        st.success(t("appr_done", lang, n=n, unit=data.unit_label(unit), period=period))


def signed_section(viewer: Viewer, lang: str) -> None:
    st.subheader(t("appr_signed", lang), anchor=False)
    signed = _in_scope(cycle.approvals_frame(resources.storage()), viewer)
    if signed.empty:
        st.info(t("appr_none_signed", lang))
        return
    signed = signed.sort_values(["period_index", "unit_code"], ascending=[False, True])
    st.dataframe(
        pd.DataFrame(
            {
                t("col_unit", lang): [data.unit_label(u) for u in signed["unit_code"]],
                t("col_quarter", lang): _labels(signed["period_index"]),
                t("tbl.approved_by", lang): [text_or_dash(v) for v in signed["approved_by"]],
                t("tbl.approved_at", lang): [moment_text(v) for v in signed["approved_at"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    choices = _choices(signed)
    chosen = _pick(choices, "unappr_pick", lang)
    reason = st.text_input(t("appr_reason", lang), key="unappr_reason")
    pressed = st.button(t("appr_unapprove", lang), key="unappr_go", disabled=not reason.strip())
    if pressed and chosen:
        unit, quarter = chosen[0], Quarter.from_index(chosen[1])
        try:
            cycle.unapprove(resources.storage(), viewer, unit, quarter, reason)
        except cycle.CycleError as exc:
            st.error(ui.error_text(exc, lang))
            return
        data.clear()
        period = quarter.name(lang)
        st.success(t("appr_undone", lang, unit=data.unit_label(unit), period=period))


def page() -> None:
    viewer = ui.require(lambda v: v.can_approve)
    lang = ui.lang()
    ui.header("appr_title", t("appr_caption", lang))
    pending_section(viewer, lang)
    signed_section(viewer, lang)


page()
