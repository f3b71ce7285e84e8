"""Submissions blocks: the phone summary (the measures as small chips, then the first
reports still owed) and the table of every report still owed.

On a phone the five count cards would fill the first screen one above the other; a CSS
media query hides them there (the container keyed CARDS_KEY) and shows the summary
(keyed PHONE_KEY; its <style> applies even while that container is hidden) instead, so
the first screen says how the cycle stands and who still owes what. On a desktop the
cards stay and the summary is hidden.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, resources, ui
from kpi import palette
from kpi.completeness import ReportState
from kpi.formatting import day_label, number, percent
from kpi.periods import Quarter
from kpi.text import t

CARDS_KEY = "subm_cards"
PHONE_KEY = "subm_phone"
OWED_SHOWN = 5
# missing first (it is overdue), then what is owed but not yet due; oldest deadline first
OWED_ORDER = {ReportState.MISSING.value: 0, ReportState.NOT_DUE.value: 1}
# a keyed container sits in a layout wrapper that keeps the column's gap: hide both
PHONE_BOX = f"[data-testid=stLayoutWrapper]:has(> .st-key-{PHONE_KEY}), .st-key-{PHONE_KEY}"
CARDS_BOX = f"[data-testid=stLayoutWrapper]:has(> .st-key-{CARDS_KEY}), .st-key-{CARDS_KEY}"
PHONE_CSS = f"""
<style>
{PHONE_BOX} {{ display: none; }}
@media (max-width: 640px) {{
  {CARDS_BOX} {{ display: none; }}
  {PHONE_BOX} {{ display: flex; }}
  .kpi-subm-phone ul {{ list-style: none; margin: 0 0 .6rem 0; padding: 0; }}
  .kpi-subm-phone .kpi-chips {{ display: flex; flex-wrap: wrap; gap: .3rem; }}
  .kpi-subm-phone .kpi-chips li {{ border: 1px solid {palette.INK}33; border-radius: 1rem;
    padding: .1rem .55rem; font-size: .85rem; color: {palette.INK}; background: #FFFFFF; }}
  .kpi-subm-phone .kpi-owed li {{ border-left: 6px solid var(--kpi-edge);
    background: var(--kpi-tint); color: {palette.INK}; padding: .35rem .6rem;
    margin: 0 0 .35rem 0; border-radius: .3rem; font-size: .9rem; }}
  .kpi-subm-phone h3 {{ font-size: 1.1rem; margin: .2rem 0 .4rem 0; }}
  .kpi-subm-phone p {{ font-size: .9rem; margin: 0 0 .4rem 0; color: {palette.INK}; }}
}}
</style>
"""
# the edge of each owed line: the strong colour of the status whose tint the state uses
EDGES = {
    ReportState.MISSING.value: palette.STATUS_COLOURS["limited_progress"][0],
    ReportState.NOT_DUE.value: palette.OTHER_STATUS[0],
}


def owed(matrix: pd.DataFrame) -> pd.DataFrame:
    """The reports still owed (missing, then not yet due), oldest deadline first."""
    rows = matrix[matrix["state"].isin(list(OWED_ORDER))]
    codes = resources.catalogue().codes
    ranked = rows.assign(
        _rank=rows["state"].map(OWED_ORDER),
        _pos=[codes.index(c) if c in codes else len(codes) for c in rows["indicator_code"]],
    )
    ordered = ranked.sort_values(["_rank", "deadline", "unit_code", "_pos", "period_index"])
    return ordered.drop(columns=["_rank", "_pos"]).reset_index(drop=True)


def _measure_chips(total: pd.Series, keys: dict[str, str], lang: str) -> Iterable[str]:
    for column, key in keys.items():
        value = total[column]
        if column.endswith("rate"):
            shown = "—" if value is None or pd.isna(value) else percent(float(value), lang)
        else:
            shown = number(value, lang, 0)
        yield f"{t(key, lang)}: {shown}"


def _state_chips(matrix: pd.DataFrame, lang: str) -> Iterable[str]:
    """Late, missing, not due (on time is the measure 'reports on time' already shown)."""
    counts = matrix["state"].value_counts()
    for state in (s for s in ReportState if s is not ReportState.ON_TIME):
        yield f"{state.icon} {state.word(lang)}: {number(int(counts.get(state.value, 0)), lang, 0)}"


def owed_parts(row: dict[Any, Any], lang: str) -> tuple[str, str]:
    """(state and deadline, unit · indicator · quarter) of one report still owed."""
    state = ReportState(str(row["state"]))
    due = t("subm.due", lang, day=day_label(row["deadline"]))
    what = " · ".join(
        (
            data.unit_label(str(row["unit_code"])),
            indicator_name(str(row["indicator_code"]), lang),
            Quarter.from_index(int(row["period_index"])).name(lang),
        )
    )
    return f"{state.icon} {state.word(lang)} · {due}", what


def indicator_name(code: str, lang: str) -> str:
    catalogue = resources.catalogue()
    return f"{code} {catalogue[code].short_name(lang)}" if code in catalogue else code


def _owed_item(row: dict[Any, Any], lang: str) -> str:
    state = str(row["state"])
    head, what = owed_parts(row, lang)
    style = f"--kpi-edge:{EDGES[state]};--kpi-tint:{palette.REPORT_STATE_TINTS[state]}"
    return f'<li style="{style}"><strong>{html.escape(head)}</strong><br>{html.escape(what)}</li>'


def phone_summary(total: pd.Series, keys: dict[str, str], matrix: pd.DataFrame, lang: str) -> None:
    """The measures and state counts as chips, then the first reports still owed; shown
    only on a narrow screen."""
    chips = [*_measure_chips(total, keys, lang), *_state_chips(matrix, lang)]
    items = "".join(f"<li>{html.escape(c)}</li>" for c in chips)
    found = owed(matrix)
    heading = html.escape(t("subm.owed_title", lang, n=number(len(found), lang, 0)))
    if found.empty:
        body = f"<p>{html.escape(t('subm.none_owed', lang))}</p>"
    else:
        lines = "".join(_owed_item(r, lang) for r in found.head(OWED_SHOWN).to_dict("records"))
        body = f'<ul class="kpi-owed">{lines}</ul>'
        if len(found) > OWED_SHOWN:
            more = t("subm.owed_more", lang, n=number(len(found) - OWED_SHOWN, lang, 0))
            body += f"<p>{html.escape(more)}</p>"
    label = html.escape(t("subm.summary", lang))
    st.html(
        f'{PHONE_CSS}<section class="kpi-subm-phone" aria-label="{label}">'
        f'<ul class="kpi-chips">{items}</ul><h3>{heading}</h3>{body}</section>'
    )


def owed_section(matrix: pd.DataFrame, lang: str) -> None:
    """Every report still owed in the quarters shown, as a table (both widths)."""
    found = owed(matrix)
    st.subheader(t("subm.owed_title", lang, n=number(len(found), lang, 0)), anchor=False)
    if found.empty:
        st.info(t("subm.none_owed", lang))
        return
    rows = found.to_dict("records")
    states = [ReportState(str(r["state"])) for r in rows]
    table = pd.DataFrame(
        {
            t("subm.col_state", lang): [f"{s.icon} {s.word(lang)}" for s in states],
            t("col_unit", lang): [data.unit_label(str(r["unit_code"])) for r in rows],
            t("col_indicator", lang): [
                indicator_name(str(r["indicator_code"]), lang) for r in rows
            ],
            t("col_quarter", lang): [
                Quarter.from_index(int(r["period_index"])).name(lang) for r in rows
            ],
            t("subm.col_deadline", lang): [day_label(r["deadline"]) for r in rows],
        }
    )
    tints = [palette.cell_style(palette.REPORT_STATE_TINTS[s.value]) for s in states]
    shown = (  # styling thousands of cells costs seconds; the icon and word still show
        table.style.apply(lambda _col: tints, subset=[t("subm.col_state", lang)])
        if len(table) <= ui.MAX_STYLED_ROWS
        else table
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=min(35 * (len(table) + 1) + 3, 420),
        alt=t("subm.owed_alt", lang, n=len(table)),
    )
