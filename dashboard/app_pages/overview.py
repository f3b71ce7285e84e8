"""Tổng quan: which of the 16 targets are off track, and who leads each."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, overview_views, resources, signoff, ui
from kpi.catalogue import Catalogue
from kpi.formatting import number, percent, quarter_label, scope_label, signed
from kpi.periods import last_ended_quarter, local_today
from kpi.progress import Status
from kpi.progress.coverage_text import coverage_text
from kpi.services import tasks
from kpi.text import t

ALL = "__all__"
MINISTRY = "__ministry__"


def filters(lang: str, catalogue: Catalogue) -> dict[str, str | None]:
    groups = sorted({i.group for i in catalogue})
    leads = sorted({c for i in catalogue for c in i.lead_unit_codes})
    units = data.reporting_units()
    labels = data.unit_labels(lang)
    periods = data.periods()

    def unit_name(code: str) -> str:
        if code == ALL:
            return t("all", lang)
        return scope_label(None if code == MINISTRY else labels.get(code, code), lang)

    cols = st.columns(2)
    group = cols[0].selectbox(
        t("filter_group", lang),
        [ALL, *groups],
        format_func=lambda g: t("all", lang) if g == ALL else t("group_label", lang, group=g),
        key=ui.lang_key("ov_group"),
    )
    lead = cols[1].selectbox(
        t("filter_lead", lang), [ALL, *leads], format_func=unit_name, key=ui.lang_key("ov_lead")
    )
    unit = cols[0].selectbox(
        t("filter_unit", lang),
        [MINISTRY, *units],
        format_func=unit_name,
        key=ui.lang_key("ov_unit"),
    )
    default = data.default_as_of()
    # only ended quarters: the last ended one first, then the quarters with figures
    choices = sorted(
        {*(p for p in periods if default is None or p <= default), *([default] if default else [])},
        reverse=True,
    )
    as_of = cols[1].selectbox(
        t("filter_as_of", lang),
        choices,
        index=0,
        format_func=lambda p: quarter_label(p, lang),
        key=ui.lang_key("ov_as_of"),
    )
    return {
        "group": None if group == ALL else group,
        "lead": None if lead == ALL else lead,
        "unit": None if unit == MINISTRY else unit,
        "as_of": as_of,
        "known_on": ui.known_on_choice(lang, "ov_known_on"),
    }


def status_rows(chosen: dict[str, str | None], catalogue: Catalogue) -> pd.DataFrame:
    if chosen.get("known_on") and chosen["as_of"]:
        rows = data.scope_statuses(chosen["unit"], chosen["as_of"], str(chosen["known_on"]))
    elif chosen["unit"] is None:
        rows = data.ministry(chosen["as_of"])
    elif data.is_parent(chosen["unit"]):
        rows = data.scope_statuses(str(chosen["unit"]), chosen["as_of"])
    else:
        rows = data.unit_statuses(chosen["as_of"])
        rows = rows[rows["unit_code"] == chosen["unit"]]
    keep = [
        i.code
        for i in catalogue
        if (chosen["group"] is None or i.group == chosen["group"])
        and (chosen["lead"] is None or chosen["lead"] in i.lead_unit_codes)
    ]
    return rows[rows["indicator_code"].isin(keep)].copy()


def status_filter(rows: pd.DataFrame, lang: str) -> list[str]:
    """The count of each status, as buttons that filter the table (none chosen: all)."""
    counts = rows["status"].value_counts()
    ordered = sorted(Status, key=lambda s: s.rank)

    def option(status: Status) -> str:
        n = int(counts.get(status.value, 0))
        return t("ov.status_option", lang, icon=status.icon, word=status.word(lang), n=n)

    chosen = st.pills(
        t("ov.status_filter", lang),
        ordered,
        selection_mode="multi",
        format_func=option,
        key=ui.lang_key("ov_status"),
    )
    return [s.value for s in chosen or []]


def sparkline(values: list[float]) -> list[float]:
    return [round(float(v), 2) for v in values]


def lead_key(codes: set[str], lang: str) -> str:
    """'VPB = Văn phòng Bộ; …' for the lead units the table shows by code."""
    registry = data.registry()
    # unit names are stored data: escaped, so markdown shows them as typed
    pairs = [f"{c} = {ui.literal(registry.name(c, lang))}" for c in sorted(codes)]
    return t("ov.lead_key", lang, pairs="; ".join(pairs))


def table(rows: pd.DataFrame, chosen: dict[str, str | None], lang: str) -> pd.DataFrame:
    catalogue = resources.catalogue()
    ended = str(chosen["as_of"] or last_ended_quarter())
    lines = data.trends(chosen["unit"], chosen["as_of"], chosen.get("known_on"))
    marks = signoff.approval_marks(chosen["unit"])
    rows = rows.assign(_rank=[ui.severity(s) for s in rows["status"]])
    rows = rows.assign(_pos=[catalogue.codes.index(c) for c in rows["indicator_code"]])
    rows = rows.sort_values(["_rank", "_pos"])
    out = pd.DataFrame(
        {
            "status": rows["status"].to_numpy(),
            t("col_status", lang): [ui.status_text(s, lang) for s in rows["status"]],
            t("col_code", lang): rows["indicator_code"].to_numpy(),
            t("col_name", lang): [catalogue[c].short_name(lang) for c in rows["indicator_code"]],
            t("col_lead", lang): [
                ", ".join(catalogue[c].lead_unit_codes) for c in rows["indicator_code"]
            ],
            t("col_latest", lang): [
                f"{percent(_num(v), lang)} · "
                f"{quarter_label(p if isinstance(p, str) else None, lang)}"
                for v, p in zip(rows["latest_value"], rows["latest_period"], strict=True)
            ],
            t("col_coverage", lang): [coverage_text(r, lang) for r in rows.to_dict("records")],
            t("col_target", lang): [
                percent(catalogue[c].target, lang, 0) for c in rows["indicator_code"]
            ],
            t("col_gap", lang): [signed(_num(v), lang) for v in rows["gap_pp"]],
            t("col_trend", lang): [sparkline(lines.get(c, [])) for c in rows["indicator_code"]],
            t("col_approval", lang): [
                approval_mark(marks, c, i, lang)
                for c, i in zip(rows["indicator_code"], rows["latest_index"], strict=True)
            ],
            t("col_stale", lang): [
                t("stale_mark", lang, period=quarter_label(ended, lang))
                if s
                else t("fresh_mark", lang)
                for s in rows["stale"].fillna(False).astype(bool)
            ],
        }
    )
    return out


def _num(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def approval_mark(
    marks: dict[tuple[str, int], bool], indicator: str, index: object, lang: str
) -> str:
    """'chưa duyệt' when any figure behind the latest value lacks its head's sign-off."""
    if index is None or pd.isna(index):  # type: ignore[call-overload]
        return "—"
    waiting = marks.get((indicator, int(index)))  # type: ignore[call-overload]
    if waiting is None:
        return "—"
    return t("unapproved_word" if waiting else "approved_word", lang)


# what a leader reads first, left to right; the rest scrolls on a narrow screen
COLUMN_ORDER = (
    "col_code",
    "col_status",
    "col_name",
    "col_lead",
    "col_latest",
    "col_target",
    "col_gap",
    "col_trend",
    "col_coverage",
    "col_approval",
    "col_stale",
)


# pixel widths: every column fits the main column at 1440 px with the sidebar open
# (about 1040 px with overview_views.WIDE_CSS); the words differ in length by language
WIDTHS = {
    "col_code": 44,
    "col_status": 128,
    "col_name": 216,
    "col_lead": 96,
    "col_latest": 126,
    "col_target": 60,
    "col_gap": 52,
    "col_trend": 64,
    "col_coverage": 72,
    "col_approval": 82,
    "col_stale": 74,
}
EN_WIDTHS = {"col_status": 140, "col_latest": 110, "col_coverage": 76, "col_approval": 90}
# a short header whose full wording is its help
SHORT = {"col_lead": "col_lead_short", "col_target": "col_target_short", "col_gap": "col_gap_short"}


def column_config(lang: str, period: str) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for key, width in (WIDTHS | (EN_WIDTHS if lang == "en" else {})).items():
        label = t(SHORT[key], lang) if key in SHORT else t(key, lang)
        help_text = t(key, lang) if key in SHORT else None
        if key == "col_gap":
            help_text = f"{t(key, lang)}: {t('col_gap_help', lang)}"
        elif key == "col_stale":
            help_text = t("stale_legend", lang, period=period)
        if key == "col_trend":
            # each row on its own scale: a 2-point rise is visible, not flat on 0–100
            config[t(key, lang)] = st.column_config.LineChartColumn(label, width=width)
        else:
            config[t(key, lang)] = st.column_config.TextColumn(
                label, width=width, help=help_text, pinned=key == "col_code"
            )
    return config


def show_table(frame: pd.DataFrame, lang: str, alt: str, period: str = "") -> None:
    styled = frame.style.apply(
        lambda _col: ui.status_cell_style(frame["status"]), subset=[t("col_status", lang)]
    )
    st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        height=35 * (len(frame) + 1) + 3,
        column_order=[t(k, lang) for k in COLUMN_ORDER],
        alt=alt,
        column_config=column_config(lang, period),
    )
    st.html(overview_views.WIDE_CSS)


def task_counts(lang: str) -> None:
    """The plan's tasks beside the indicators: how many, how many overdue, a link to them."""
    rows = tasks.task_statuses(resources.storage(), local_today())
    done = sum(s.state.value == "done" for s in rows)
    overdue = sum(s.overdue for s in rows)
    cols = st.columns([4, 1], vertical_alignment="center")
    cols[0].markdown(t("overview_tasks", lang, total=len(rows), overdue=overdue, done=done))
    cols[1].page_link("app_pages/tasks.py", label=t("nav_tasks", lang), icon=":material/task_alt:")


def plain_scope(chosen: dict[str, str | None], lang: str) -> str:
    unit = chosen["unit"]
    return scope_label(None if unit is None else data.unit_label(unit, lang), lang)


def scope_name(chosen: dict[str, str | None], lang: str) -> str:
    """For markdown (title, captions): a unit's stored name is escaped."""
    scope = plain_scope(chosen, lang)
    return scope if chosen["unit"] is None else ui.literal(scope)


def heading(shown: pd.DataFrame, chosen: dict[str, str | None], statuses: list[str]) -> None:
    """The title says what the table shows: how many, which statuses, whose figures."""
    lang = ui.lang()
    n, scope = number(len(shown), lang, 0), scope_name(chosen, lang)
    if statuses:
        words = ", ".join(Status(s).word(lang).lower() for s in statuses)
        st.title(t("ov.title_status", lang, n=n, statuses=words, scope=scope), anchor=False)
    else:
        st.title(t("ov.title", lang, n=n, scope=scope), anchor=False)
    group = chosen["group"]
    st.caption(
        t(
            "ov.caption",
            lang,
            period=quarter_label(chosen["as_of"], lang),
            group=t("group_label", lang, group=group) if group else t("ov.all_groups", lang),
            lead=_lead(chosen["lead"], lang),
        )
    )
    ui.known_on_caption(chosen.get("known_on"), lang)


def _lead(code: str | None, lang: str) -> str:
    """The chosen lead unit as lists name it (escaped: imported text), or 'any'."""
    return ui.literal(data.unit_label(code)) if code else t("ov.any_lead", lang)


def filter_summary(lang: str) -> str:
    """The expander's label, from the widgets' state (set before this run began)."""
    unit = st.session_state.get(ui.lang_key("ov_unit"), MINISTRY)
    as_of = st.session_state.get(ui.lang_key("ov_as_of")) or data.default_as_of()
    scope = scope_name({"unit": None if unit == MINISTRY else unit}, lang)
    group = st.session_state.get(ui.lang_key("ov_group"), ALL)
    parts = [scope, quarter_label(as_of, lang)]
    parts.append(t("ov.all_groups", lang) if group == ALL else t("group_label", lang, group=group))
    return t("ov.filters", lang, summary=" · ".join(parts))


def page() -> None:
    ui.require(lambda _viewer: True)
    lang = ui.lang()
    catalogue = resources.catalogue()
    if not data.periods():
        ui.header("overview_title")
        st.info(t("no_data", lang))
        return
    top, summary = st.container(), st.container()
    with st.expander(filter_summary(lang), icon=":material/filter_list:"):
        chosen = filters(lang, catalogue)
    rows = status_rows(chosen, catalogue)
    with summary:
        statuses = status_filter(rows, lang)
        shown = rows[rows["status"].isin(statuses)] if statuses else rows
        overview_views.phone_summary(shown, lang)
    with top:
        heading(shown, chosen, statuses)
    task_counts(lang)
    if shown.empty:
        st.info(t("ov.nothing_shown", lang))
    else:
        alt = t(
            "ov.table_alt",
            lang,
            n=len(shown),
            scope=plain_scope(chosen, lang),
            period=quarter_label(chosen["as_of"], lang),
        )
        period = quarter_label(chosen["as_of"], lang)
        frame = table(shown, chosen, lang)
        with st.container(key="ov_grid"):  # hidden on a phone, where the list says the same
            show_table(frame, lang, alt, period)
        overview_views.phone_rows(frame, lang)
    footnotes(shown, chosen, lang)


def footnotes(shown: pd.DataFrame, chosen: dict[str, str | None], lang: str) -> None:
    catalogue = resources.catalogue()
    scope = data.scope_codes(chosen["unit"]) if chosen["unit"] else None
    ui.unapproved_note(signoff.unapproved_count(chosen["as_of"], scope))
    leads = {c for code in shown["indicator_code"] for c in catalogue[code].lead_unit_codes}
    # The ⚠ key only when a shown row carries the mark: a key for nothing on screen misleads.
    marked = "stale" in shown.columns and bool(shown["stale"].fillna(False).astype(bool).any())
    stale = t("stale_legend", lang, period=quarter_label(chosen["as_of"], lang)) if marked else ""
    st.caption(" ".join(part for part in (stale, lead_key(leads, lang)) if part))
    overview_views.legend(lang)


page()
