"""Overview blocks: the phone summary of the worst indicators and the status legend.

The phone summary is plain HTML shown only on narrow screens (a CSS media query), so a
leader on a phone sees the worst indicators with value, target and status on the first
screen; on a desktop the table right below says the same.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import resources, ui
from kpi import palette
from kpi.formatting import percent, quarter_label
from kpi.progress import Status
from kpi.progress.legend import status_legend
from kpi.text import t

WORST_SHOWN = 5
PHONE_CSS = """
<style>
.kpi-phone { display: none; }
@media (max-width: 640px) {
  .kpi-phone { display: block; }
  .kpi-phone ol { list-style: none; margin: 0; padding: 0; }
  .kpi-phone li { border-left: 6px solid var(--kpi-edge); background: var(--kpi-tint);
    color: #1B2430; padding: .4rem .6rem; margin: 0 0 .4rem 0; border-radius: .3rem; }
  .kpi-phone .kpi-line { font-size: .9rem; }
  .st-key-ov_grid { display: none; }
}
</style>
"""
# a narrower page margin on a wide screen, so the table's columns fit without scrolling
WIDE_CSS = """
<style>
@media (min-width: 1024px) {
  [data-testid="stMainBlockContainer"] { padding-left: 3rem; padding-right: 3rem; }
}
</style>
"""


def worst(rows: pd.DataFrame, limit: int = WORST_SHOWN) -> pd.DataFrame:
    """The off-target and at-risk rows, worst first, then by catalogue order."""
    catalogue = resources.catalogue()
    flagged = rows[[Status(s).is_off_target or Status(s).is_at_risk for s in rows["status"]]]
    ranked = flagged.assign(
        _rank=[Status(s).rank for s in flagged["status"]],
        _pos=[catalogue.codes.index(c) for c in flagged["indicator_code"]],
    )
    return ranked.sort_values(["_rank", "_pos"]).head(limit)


def _item(row: dict[Any, Any], lang: str) -> str:
    catalogue = resources.catalogue()
    indicator = catalogue[str(row["indicator_code"])]
    strong, tint = palette.status_colours(row["status"])
    period = row.get("latest_period")
    quarter = quarter_label(period if isinstance(period, str) else None, lang)
    value = f"{percent(row.get('latest_value'), lang)} ({quarter})"
    line = t(
        "ov.worst_line",
        lang,
        value=value,
        target=percent(indicator.target, lang, 0),
        lead=", ".join(indicator.lead_unit_codes),
    )
    name = f"{indicator.code} {indicator.short_name(lang)}"
    title = f"{ui.status_text(str(row['status']), lang)} · {name}"
    return (
        f'<li style="--kpi-edge:{strong};--kpi-tint:{tint}"><strong>{html.escape(title)}</strong>'
        f'<div class="kpi-line">{html.escape(line)}</div></li>'
    )


def phone_summary(rows: pd.DataFrame, lang: str) -> None:
    """Worst indicators as a list, visible only on a narrow screen."""
    found = worst(rows)
    if found.empty:
        body = f"<p>{html.escape(t('ov.none_worst', lang))}</p>"
    else:
        items = "".join(_item(r, lang) for r in found.to_dict("records"))
        body = f"<ol>{items}</ol>"
    heading = html.escape(t("ov.worst", lang))
    st.html(
        f'{PHONE_CSS}<section class="kpi-phone" aria-label="{heading}">'
        f"<h3>{heading}</h3>{body}</section>"
    )


# the grid's figures, in the order a phone's stacked list says them under each title
PHONE_LINES = (
    ("col_latest", "col_target", "col_gap", "col_lead"),
    ("col_coverage", "col_approval", "col_stale"),
)


def phone_rows(table: pd.DataFrame, lang: str) -> None:
    """Every row of the overview grid as a stacked item, shown instead of the grid on a
    narrow screen (the grid there shows two or three columns of eleven)."""
    items = []
    for row in table.to_dict("records"):
        strong, tint = palette.status_colours(row["status"])
        title = (
            f"{row[t('col_status', lang)]} · {row[t('col_code', lang)]} {row[t('col_name', lang)]}"
        )
        lines = "".join(
            '<div class="kpi-line">'
            + html.escape(" · ".join(f"{t(k, lang)}: {row[t(k, lang)]}" for k in keys))
            + "</div>"
            for keys in PHONE_LINES
        )
        items.append(
            f'<li style="--kpi-edge:{strong};--kpi-tint:{tint}">'
            f"<strong>{html.escape(title)}</strong>{lines}</li>"
        )
    heading = html.escape(t("ov.all_rows", lang))
    st.html(
        f'<section class="kpi-phone" aria-label="{heading}">'
        f"<h3>{heading}</h3><ol>{''.join(items)}</ol></section>"
    )


def legend(lang: str) -> None:
    """Each status, its shape and the rule with the method's thresholds."""
    with st.expander(t("ov.legend", lang), icon=":material/info:"):
        st.caption(t("ov.legend_intro", lang))
        head = f"| {t('ov.legend_status', lang)} | {t('ov.legend_rule', lang)} |\n|---|---|\n"
        lines = [f"| {s.icon} {s.word(lang)} | {rule} |" for s, rule in status_legend(lang)]
        st.markdown(head + "\n".join(lines))
