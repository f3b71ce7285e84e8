"""The unit head's sign-off box on the Nhiệm vụ page: the current half-year of each unit
the viewer approves, how many reports wait, and a button. The rule is in
kpi.services.task_signoffs; this only lays it out."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, resources
from kpi.access import Viewer
from kpi.audit_text import moment_text
from kpi.services import task_signoffs as signoffs
from kpi.task_progress import HalfYear, local_today
from kpi.text import t


def _signed_lines(signed: pd.DataFrame, half: HalfYear, lang: str) -> dict[str, str]:
    """unit -> 'VPB · …: đã duyệt (by, when)' for the half-year's standing sign-offs."""
    rows = signed[signed["period"] == str(half)]
    return {
        str(u): t("tso_signed", lang, unit=data.unit_label(str(u)), by=by, at=moment_text(at))
        for u, by, at in zip(
            rows["unit_code"], rows["approved_by"], rows["approved_at"], strict=True
        )
    }


def _sign(viewer: Viewer, unit: str, lang: str) -> None:
    try:
        code, half, n = signoffs.approve(resources.storage(), viewer, unit, str(_half()))
    except signoffs.SignoffError as exc:
        st.error(str(exc))
        return
    data.clear()
    st.success(t("tso_done", lang, n=n, half=half.label(lang), unit=data.unit_label(code)))


def _half() -> HalfYear:
    return HalfYear.containing(local_today())


def signoff_box(viewer: Viewer, lang: str) -> None:
    """For approvers (their units) and admins (units with reports waiting)."""
    if not viewer.can_approve:
        return
    half, scope = _half(), viewer.approve_scope()
    waiting = signoffs.waiting(resources.storage(), half, scope)
    done = _signed_lines(signoffs.signoffs_frame(resources.storage(), scope), half, lang)
    units = sorted({u for u, n in waiting.items() if n or scope is not None} | set(done))
    with st.container(border=True):
        st.subheader(t("tso_title", lang, half=half.label(lang)), anchor=False)
        st.caption(t("tso_caption", lang))
        if not units:
            st.info(t("tso_none", lang))
        for unit in units:
            if unit in done:
                st.text(done[unit])
                continue
            left, right = st.columns([4, 1], vertical_alignment="center")
            n = waiting.get(unit, 0)
            left.text(t("tso_waiting", lang, unit=data.unit_label(unit), n=n))
            if right.button(
                t("tso_button", lang), key=f"tso_{unit}", type="primary", disabled=not n
            ):
                _sign(viewer, unit, lang)
