"""Báo cáo: the plan's 6-month and year-end report, built on demand, downloaded as XLSX/PDF.

The figures are those of `kpi report` (same builder, same progress engine).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data, resources, ui
from kpi.formatting import report_period_label
from kpi.periods import ReportPeriod, local_today, parse_report_period
from kpi.services.reporting import EmptyPeriodError, ReportError, build_report, report_periods
from kpi.text import t
from reports.text import label, status_word

RESULT_KEY = "report_result"


def _t(key: str, lang: str) -> str:
    return t(f"reports_page.{key}", lang)


@st.cache_data(max_entries=32, show_spinner=False)
def _periods(url: str, key: object, unit: str, today: str) -> list[str]:
    found = report_periods(resources.storage(), unit, dt.date.fromisoformat(today))
    return [str(p) for p in found]


def period_options(unit: str, today: dt.date | None = None) -> list[ReportPeriod]:
    """Reporting periods that have ended, newest first, back to the one holding the unit's
    first figure (the same list `kpi report` accepts without refusing)."""
    day = (today or local_today()).isoformat()
    found = _periods(resources.settings().database_url, data.version(), unit, day)
    return [parse_report_period(p) for p in found]


def period_name(period: ReportPeriod, lang: str) -> str:
    """'6 tháng cuối năm 2025', 'Năm 2025', 'H2 2025'."""
    text = report_period_label(period, lang)
    return text[:1].upper() + text[1:]


def _known_on(lang: str) -> dt.date | None:
    """An earlier day whose stored revisions the report uses ("what we knew then")."""
    return ui.known_on_input(_t("use_known_on", lang), _t("known_on", lang), "report_known_on")


def _controls(lang: str) -> tuple[str, ReportPeriod | None, str]:
    """Unit, period (None when the unit has no figure at all) and the report's language."""
    registry = data.registry()
    units = [registry.root.code, *sorted(u.code for u in registry if u.parent)]
    names = {u.code: registry.name(u.code, lang) for u in registry}
    left, middle, right = st.columns([3, 2, 1])
    unit = left.selectbox(
        _t("unit", lang), units, format_func=lambda c: f"{names.get(c, c)} ({c})", key="report_unit"
    )
    options = period_options(str(unit))
    period = middle.selectbox(
        _t("period", lang),
        options,
        format_func=lambda p: period_name(p, lang),
        key=ui.lang_key("report_period"),
        disabled=not options,
    )
    report_lang = right.radio(
        _t("language", lang),
        ["vi", "en"],
        index=0 if lang == "vi" else 1,
        format_func=lambda c: t(f"language_name.{c}"),
        key="report_lang",
    )
    return str(unit), period if options else None, str(report_lang)


def _build(
    unit: str, period: ReportPeriod, report_lang: str, known_on: dt.date | None = None
) -> None:
    # The renderers (PDF, XLSX, chart images) weigh ~40 MB: loaded when a report is made.
    from kpi.services.report_output import file_stem, render_report

    storage, catalogue = resources.storage(), resources.catalogue()
    report = build_report(
        storage,
        catalogue,
        period,
        unit,
        lang=report_lang,
        settings=resources.settings(),
        known_on=known_on,
    )
    files = render_report(report, storage, catalogue)
    st.session_state[RESULT_KEY] = {
        "key": (unit, str(period), report_lang, data.version(), known_on),
        "stem": file_stem(report),
        "files": files,
        "counts": [(status_word(s, report_lang), n) for s, n in report.counts],
        "hash": report.data_hash,
    }


def _downloads(lang: str, wanted: tuple[object, ...]) -> None:
    result = st.session_state.get(RESULT_KEY)
    if not result or result["key"] != wanted:
        return
    st.success(_t("ready", lang), icon=":material/description:")
    counts = " · ".join(f"{word}: {n}" for word, n in result["counts"] if n)
    st.caption(counts)
    left, right = st.columns(2)
    left.download_button(
        _t("xlsx", lang),
        result["files"]["xlsx"],
        file_name=f"{result['stem']}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="report_download_xlsx",
    )
    right.download_button(
        _t("pdf", lang),
        result["files"]["pdf"],
        file_name=f"{result['stem']}.pdf",
        mime="application/pdf",
        key="report_download_pdf",
    )
    st.text(f"{_t('hash', lang)}: {result['hash']}")


def main() -> None:
    ui.require(lambda _viewer: True)
    lang = ui.lang()
    st.title(_t("title", lang), anchor=False)
    st.caption(_t("caption", lang))
    unit, period, report_lang = _controls(lang)
    if period is None:
        name = data.registry().name(unit, lang)
        st.info(ui.literal(t("report.no_figures_at_all", lang, unit=name)))
        return
    known_on = _known_on(lang)
    wanted = (unit, str(period), report_lang, data.version(), known_on)
    if st.button(_t("build", lang), type="primary", key="report_build"):
        with st.spinner(_t("building", lang)):
            try:
                _build(unit, period, report_lang, known_on)
            except EmptyPeriodError as exc:  # nothing to report: say so, offer no file
                st.session_state.pop(RESULT_KEY, None)
                st.info(ui.literal(exc.message(lang)), icon=":material/info:")
            except ReportError as exc:
                st.error(ui.literal(ui.error_text(exc, lang)))
    _downloads(lang, wanted)
    st.caption(label("reference_text", lang))


main()
