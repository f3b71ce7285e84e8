"""The unit head's sign-off box on the Nhiệm vụ page: the current half-year of each unit
the viewer approves, how many reports wait, and a button; below it, the withdrawal of a
standing sign-off (any half-year, with a reason and a confirmation). The rules (who may,
the reason required, the audit entry) are in kpi.services.task_signoffs, as for
`kpi tasks approve|unapprove`; this only lays them out."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, resources, ui
from kpi.access import Viewer
from kpi.audit_text import moment_text
from kpi.periods import local_today
from kpi.services import task_signoffs as signoffs
from kpi.task_progress import HalfYear, parse_half_year
from kpi.text import t

# the withdrawal's widgets and state (owned here)
PICK, REASON, ASK = "tso_undo_pick", "tso_undo_reason", "tso_undo_ask"
YES, NO = "tso_undo_yes", "tso_undo_no"
PENDING, CONFIRMED, RESULT = "_tso_undo_pending", "_tso_undo_confirmed", "_tso_undo_result"


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
        st.error(ui.error_text(exc, lang))
        return
    data.clear()
    st.success(t("tso_done", lang, n=n, half=half.label(lang), unit=data.unit_label(code)))


def _half() -> HalfYear:
    return HalfYear.containing(local_today())


def signoff_box(viewer: Viewer, lang: str) -> None:
    """For approvers (their units) and admins (units with reports waiting)."""
    confirmed = st.session_state.pop(CONFIRMED, None)
    if not viewer.can_approve:
        return
    if confirmed is not None:  # before the lines below are read: they show it at once
        _withdraw(viewer, confirmed, lang)
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
        withdraw_section(viewer, lang)


def _choice_label(row: dict[Any, Any], lang: str) -> str:
    half = parse_half_year(str(row["period"])).label(lang)
    unit = data.unit_label(str(row["unit_code"]))
    signed = t("tso_signed_by", lang, by=row["approved_by"], at=moment_text(row["approved_at"]))
    return f"{unit} · {half} · {signed}"


def withdraw_section(viewer: Viewer, lang: str) -> None:
    """Withdraw a standing sign-off of the viewer's units: pick it, give the reason, ask,
    then confirm (the service checks the role and the unit again and writes the audit)."""
    result = st.session_state.pop(RESULT, None)
    if result is not None:
        (st.success if result[0] == "success" else st.error)(result[1])
    standing = signoffs.signoffs_frame(resources.storage(), viewer.approve_scope())
    if standing.empty:
        return
    rows = standing.sort_values(["period", "unit_code"], ascending=[False, True])
    labels = {
        (str(r["unit_code"]), str(r["period"])): _choice_label(r, lang)
        for r in rows.to_dict("records")
    }
    with st.expander(t("tso_withdraw_title", lang), icon=":material/undo:"):
        chosen = st.selectbox(
            t("tso_withdraw_pick", lang),
            list(labels),
            format_func=labels.__getitem__,
            key=ui.lang_key(PICK),
        )
        reason = st.text_input(t("tso_withdraw_reason", lang), key=REASON, max_chars=500)
        wanted = (chosen[0], chosen[1], reason.strip()) if chosen else None
        if st.session_state.get(PENDING) != wanted:
            st.session_state.pop(PENDING, None)  # a changed choice asks again
        if st.button(t("tso_withdraw_button", lang), key=ASK, disabled=not (wanted and wanted[2])):
            st.session_state[PENDING] = wanted
        if wanted and st.session_state.get(PENDING) == wanted:
            _confirm(viewer, wanted, lang)


def _confirm(viewer: Viewer, wanted: tuple[str, str, str], lang: str) -> None:
    unit, period, reason = wanted
    half = parse_half_year(period).label(lang)
    st.warning(
        t(
            "tso_withdraw_confirm",
            lang,
            half=half,
            unit=ui.literal(data.unit_label(unit)),
            reason=ui.literal(reason),
        ),
        icon=":material/warning:",
    )
    row = st.container(horizontal=True)  # side by side; they wrap on a phone
    row.button(
        t("tso_withdraw_yes", lang),
        key=YES,
        type="primary",
        on_click=_confirmed,
        args=(wanted,),
    )
    row.button(t("tso_withdraw_no", lang), key=NO, on_click=_cancel)


def _cancel() -> None:
    st.session_state.pop(PENDING, None)


def _confirmed(wanted: tuple[str, str, str]) -> None:
    """The confirm button's callback: only the wish; the next run writes it with the viewer
    read afresh (a role removed meanwhile is refused by the service)."""
    st.session_state.pop(PENDING, None)
    st.session_state[CONFIRMED] = wanted


def _withdraw(viewer: Viewer, wanted: tuple[str, str, str], lang: str) -> None:
    """Run before the widgets are drawn, so the reason can be cleared for the next one."""
    unit, period, reason = wanted
    try:
        code, half = signoffs.unapprove(resources.storage(), viewer, unit, period, reason)
    except signoffs.SignoffError as exc:
        st.session_state[RESULT] = ("error", ui.error_text(exc, lang))
        return
    data.clear()
    st.session_state[REASON] = ""
    done = t("tso_undone", lang, half=half.label(lang), unit=data.unit_label(code))
    st.session_state[RESULT] = ("success", done)
