"""Chỉ tiêu: one indicator's trajectory toward 2030, its figures in words, units and history;
now, or as the figures were known at the end of an earlier day (the overview's choice)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, known_figures, resources, signoff, ui, unit_multiples, widget_words
from dashboard.history_table import readable_history
from dashboard.metadata_section import metadata_section
from kpi.catalogue import Indicator
from kpi.formatting import number, percent, quarter_label, scope_label, signed
from kpi.periods import local_today
from kpi.progress.needs import needs_lines
from kpi.progress.status import opensdg_word
from kpi.text import t
from reports import chart_data, charts
from reports.chart_frame import ChartFacts, scope_name

MINISTRY = "__ministry__"
CODE_PARAM = "code"
MAX_MULTIPLES = 12
MAX_HISTORY_ROWS = 1_000
# P beside the status it sets; R, for reference, last
UNIT_ORDER = (
    "col_status",
    "col_progress",
    "col_latest",
    "col_gap",
    "col_unit",
    "col_quarter",
    "col_ratio",
)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def choose(lang: str) -> tuple[Indicator, str | None]:
    catalogue = resources.catalogue()
    codes = list(catalogue.codes)
    wanted = st.query_params.get(CODE_PARAM)
    cols = st.columns([3, 2])
    code = cols[0].selectbox(
        t("pick_indicator", lang),
        codes,
        format_func=lambda c: f"{c} · {catalogue[c].short_name(lang)}",
        key=ui.lang_key("ind_code", wanted if wanted in codes else None),
    )
    st.query_params[CODE_PARAM] = code
    labels = data.unit_labels()
    units: list[str] = sorted(data.series(code)["unit_code"].astype(str).unique())
    unit = cols[1].selectbox(
        t("pick_unit", lang),
        [MINISTRY, *units],
        format_func=lambda u: scope_label(None if u == MINISTRY else labels.get(u, u), lang),
        key=ui.lang_key("ind_unit"),
    )
    return catalogue[code], None if unit == MINISTRY else unit


def status_row(
    indicator: Indicator, unit: str | None, as_of: str | None, known_on: str | None = None
) -> dict[str, object]:
    if unit is None:
        rows = known_figures.ministry(as_of, known_on)
        rows = rows[rows["indicator_code"] == indicator.code]
    else:
        rows = known_figures.unit_statuses(as_of, known_on)
        rows = rows[(rows["indicator_code"] == indicator.code) & (rows["unit_code"] == unit)]
    return {str(k): v for k, v in rows.iloc[0].to_dict().items()} if len(rows) else {}


def chart_series(
    indicator: Indicator, unit: str | None, known_on: str | None = None
) -> pd.DataFrame:
    if unit is None:
        frame = known_figures.ministry_values(known_on)
        return frame[frame["indicator_code"] == indicator.code][["period_index", "value"]]
    return known_figures.series(indicator.code, unit, known_on)[["period_index", "value"]]


def words(status: dict[str, object], indicator: Indicator, lang: str) -> None:
    """The figures in words. Texts come from our templates and the progress engine."""
    if not status:
        st.info(t("no_data", lang))
        return
    st.markdown(f"### {ui.status_text(str(status['status']), lang)}")
    st.write(str(status.get("reason_en" if lang == "en" else "reason") or ""))
    lines = [
        t(
            "w_latest",
            lang,
            value=percent(_f(status.get("latest_value")), lang),
            period=quarter_label(_period(status.get("latest_period")), lang),
            target=percent(indicator.target, lang, 0),
        ),
        t(
            "w_baseline",
            lang,
            value=percent(_f(status.get("baseline_value")), lang),
            period=quarter_label(_period(status.get("baseline_period")), lang),
        ),
        *_pace(status, lang),
        *_outlook(status, indicator, lang),
        t(
            "w_opensdg",
            lang,
            status=opensdg_word(status.get("opensdg_status"), lang),
            score=number(_f(status.get("opensdg_score")), lang, 2),
        ),
    ]
    lines.append(_coverage_line(status, lang))
    st.markdown("\n".join(f"- {line}" for line in lines if line))
    if status.get("methods_disagree"):
        st.warning(t("w_disagree", lang), icon=":material/balance:")


def _pace(status: dict[str, object], lang: str) -> list[str]:
    """The pace ratio and paces, only where the method gave a verdict."""
    if _f(status.get("ratio")) is None:
        return []
    return [
        t("w_ratio", lang, ratio=number(_f(status.get("ratio")), lang, 2)),
        t(
            "w_pace",
            lang,
            observed=signed(_f(status.get("observed_pace_pp_per_year")), lang, 2),
            required=number(_f(status.get("required_pace_pp_per_year")), lang, 2),
        ),
    ]


def _outlook(status: dict[str, object], indicator: Indicator, lang: str) -> list[str]:
    """What is still needed, and the projection with its interval (none without a verdict)."""
    needed = needs_lines(status, indicator.target, lang)
    projected = _f(status.get("projected_2030"))
    if projected is None:
        return [*needed, t("w_no_projection", lang)]
    return [
        *needed,
        t("w_projection", lang, value=percent(projected, lang)),
        t(
            "w_interval",
            lang,
            low=percent(_f(status.get("projected_2030_low")), lang),
            high=percent(_f(status.get("projected_2030_high")), lang),
        ),
        t("w_progress", lang, progress=number(_f(status.get("projected_progress")), lang, 2)),
    ]


def _coverage_line(status: dict[str, object], lang: str) -> str:
    """Who was summed, who reported only a value, who is missing (roll-ups only)."""
    lists = [status.get(k) for k in ("units_with_counts", "units_value_only", "units_missing")]
    if not all(isinstance(v, list) for v in lists) or not status.get("units_expected"):
        return ""
    registry = data.registry()  # names a leader reads, escaped: they are imported text

    def name(code: str) -> str:
        return ui.literal(registry.name(code, lang))

    none = t("w_none", lang)  # an empty list in words, never a bare dash
    names = [", ".join(name(c) for c in v) or none for v in lists if isinstance(v, list)]
    return t("w_coverage", lang, counted=names[0], value_only=names[1], missing=names[2])


def _period(value: object) -> str | None:
    """A status row's quarter ('2026-Q3'), or None where there is none (a NaN, not 'nan')."""
    return value if isinstance(value, str) and value else None


def _f(value: object) -> float | None:
    try:
        number_value = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if pd.isna(number_value) else number_value


def scope_frame(indicator: Indicator, unit: str | None, known_on: str | None) -> pd.DataFrame:
    """The figures behind the scope's line: the unit's and its units', or every unit's."""
    frame = known_figures.series(indicator.code, None, known_on)
    return frame if unit is None else frame[frame["unit_code"].isin(data.scope_codes(unit))]


def unapproved_in_scope(indicator: Indicator, unit: str | None, known_on: str | None) -> int:
    """Figures behind the line without their head's sign-off: counted once per data version
    for today's figures, from the figures as known on a past day otherwise."""
    if known_on is None:
        scope = data.scope_codes(unit) if unit is not None else None
        return signoff.unapproved_count(unit_codes=scope, indicator=indicator.code)
    frame = scope_frame(indicator, unit, known_on)
    return int(signoff.unapproved(frame).sum()) if len(frame) else 0


def chart_facts(
    indicator: Indicator, unit: str | None, as_of: str | None, lang: str, known_on: str | None
) -> ChartFacts:
    """What the downloaded image and data say about themselves (scope, as-of, known on,
    demo mark)."""
    frame = scope_frame(indicator, unit, known_on)
    return ChartFacts(
        code=indicator.code,
        name=indicator.name(lang),
        target_year=indicator.target_period.year,
        scope=scope_name(data.registry().name(unit, lang) if unit is not None else None, lang),
        as_of=as_of,
        made_on=local_today(),
        demo=bool(frame["is_demo"].any()) if len(frame) else False,
        lang=lang,
        known_on=dt.date.fromisoformat(known_on) if known_on else None,
    )


def downloads(
    chart_input: pd.DataFrame,
    indicator: Indicator,
    unit: str | None,
    as_of: str | None,
    lang: str,
    known_on: str | None = None,
) -> None:
    """The chart as an image to file and the lines it draws as data, each made only when
    its button is clicked (deferred), never on every rerun."""
    facts = chart_facts(indicator, unit, as_of, lang, known_on)
    stem = f"chi-tieu-{indicator.code}-{unit or 'BNV'}"

    def image(fmt: str) -> bytes:
        from reports import chart_images  # vl-convert's native code: loaded on a click

        spec = chart_images.publication_spec(chart_input, indicator, facts)
        return chart_images.spec_to_svg(spec) if fmt == "svg" else chart_images.spec_to_png(spec)

    def table() -> pd.DataFrame:
        return chart_data.series_table(chart_input, indicator, lang)

    files = [
        ("dl_png", "png", "image/png", lambda: image("png")),
        ("dl_svg", "svg", "image/svg+xml", lambda: image("svg")),
        ("dl_csv", "csv", "text/csv", lambda: chart_data.csv_bytes(table(), facts)),
        ("dl_xlsx", "xlsx", XLSX_MIME, lambda: chart_data.xlsx_bytes(table(), facts)),
    ]
    for col, (key, ext, mime, make) in zip(st.columns(len(files)), files, strict=True):
        col.download_button(
            t(key, lang), make, f"{stem}.{ext}", mime, key=key, on_click="ignore", width="stretch"
        )


def units_section(
    indicator: Indicator, as_of: str | None, lang: str, known_on: str | None = None
) -> None:
    rows = known_figures.unit_statuses(as_of, known_on)
    rows = rows[rows["indicator_code"] == indicator.code].copy()
    if rows.empty:
        return
    rows["_rank"] = [ui.severity(s) for s in rows["status"]]
    rows = rows.sort_values(["_rank", "unit_code"])
    st.subheader(t("units_table", lang), anchor=False)
    table = unit_table(rows, lang)
    st.dataframe(
        ui.styled_status(table, t("col_status", lang)),
        hide_index=True,
        width="stretch",
        # the figures right after the status: a phone shows them before the unit's name
        column_order=[t(k, lang) for k in UNIT_ORDER],
        column_config=unit_columns(lang),
        height=min(35 * (len(table) + 1) + 3, 420),
        alt=t("units_table", lang),
    )
    st.subheader(t("small_multiples", lang), anchor=False)
    worst = rows.head(MAX_MULTIPLES)
    values = known_figures.series(indicator.code, None, known_on)
    values = values[values["unit_code"].isin(worst["unit_code"])]
    status_by_unit = dict(zip(worst["unit_code"], worst["status"], strict=True))
    values = values.assign(
        status=values["unit_code"].map(status_by_unit),
        unit_title=[
            f"{ui.STATUS_ICONS.get(status_by_unit[u], '')} {u}" for u in values["unit_code"]
        ],
    )
    unit_multiples.show(values, indicator, lang)


def unit_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One line per unit: P, which sets the status colour, and R, for reference only."""
    labels = data.unit_labels()
    return pd.DataFrame(
        {
            "status": rows["status"].to_numpy(),
            t("col_status", lang): [ui.status_text(s, lang) for s in rows["status"]],
            t("col_unit", lang): [labels.get(u, u) for u in rows["unit_code"]],
            t("col_latest", lang): [percent(v, lang) for v in rows["latest_value"]],
            t("col_quarter", lang): [quarter_label(p, lang) for p in rows["latest_period"]],
            t("col_progress", lang): [number(_f(v), lang, 2) for v in rows["projected_progress"]],
            t("col_ratio", lang): [number(_f(v), lang, 2) for v in rows["ratio"]],
            t("col_gap", lang): [signed(_f(v), lang) for v in rows["gap_pp"]],
        }
    )


def unit_columns(lang: str) -> dict[str, Any]:
    """Narrow headers, each with its full wording as help."""

    def short(key: str, width: int) -> Any:
        label, help_text = t(f"{key}_short", lang), t(f"{key}_help", lang)
        return st.column_config.TextColumn(label, width=width, help=help_text)

    return {
        t("col_latest", lang): st.column_config.TextColumn(width=86),
        t("col_gap", lang): short("col_gap", 56),
        t("col_unit", lang): st.column_config.TextColumn(width=280),
        t("col_progress", lang): short("col_progress", 130),
        t("col_ratio", lang): short("col_ratio", 100),
    }


def history_section(indicator: Indicator, unit: str | None, lang: str) -> None:
    st.subheader(t("history", lang), anchor=False)
    shown, total = data.history(indicator.code, unit, MAX_HISTORY_ROWS)
    if shown.empty:
        st.info(t("no_data", lang))
        return
    if total > len(shown):
        counts = {"shown": number(len(shown), lang, 0), "total": number(total, lang, 0)}
        st.caption(t("history_capped", lang, **counts))
    table = readable_history(shown, signoff.unapproved(shown), data.unit_labels(), lang)
    # wrapped, so notes and file names read whole; the newest rows, and all in the CSV
    alt = t("hist.alt", lang, code=indicator.code)
    stem = f"lich-su-so-lieu-{indicator.code}"
    ui.wrapped_table(table, stem, "hist_csv", alt=alt, rows=ui.NEWEST_ROWS)


def chart_alt(indicator: Indicator, unit: str | None, status: dict[str, object], lang: str) -> str:
    """The chart's accessible name; the words panel beside it is its full text."""
    scope = scope_label(None if unit is None else data.unit_label(unit, lang), lang)
    reason = str(status.get("reason_en" if lang == "en" else "reason") or t("no_data", lang))
    name = indicator.short_name(lang)
    return t("ind.chart_alt", lang, code=indicator.code, name=name, scope=scope, reason=reason)


def page() -> None:
    ui.require(lambda _viewer: True)
    lang = ui.lang()
    if not data.periods():
        ui.header("nav_indicator")
        st.info(t("no_data", lang))
        return
    indicator, unit = choose(lang)
    known_on = ui.known_on_choice(lang, "ind_known_on")
    as_of = data.default_as_of()
    st.title(f"{indicator.code} · {indicator.short_name(lang)}", anchor=False)
    st.caption(indicator.name(lang))
    ui.known_on_caption(known_on, lang)
    ui.unapproved_note(unapproved_in_scope(indicator, unit, known_on))
    status = status_row(indicator, unit, as_of, known_on)
    left, right = st.columns([5, 3], gap="large")
    series = chart_series(indicator, unit, known_on)
    chart_input = charts.trajectory_data(series, status, indicator, lang)
    chart = charts.trajectory_chart(chart_input, indicator, lang, height=400)
    chart = chart.properties(description=chart_alt(indicator, unit, status, lang))
    with left:
        st.altair_chart(widget_words.without_vega_aria(chart), width="stretch")
        downloads(chart_input, indicator, unit, as_of, lang, known_on)
    with right, st.container(border=True):
        st.markdown(f"**{t('figures_in_words', lang)}**")
        words(status, indicator, lang)
    metadata_section(indicator, lang)
    units_section(indicator, as_of, lang, known_on)
    history_section(indicator, unit, lang)


page()
