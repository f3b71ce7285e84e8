"""Build a Report from storage: the one entry point the CLI and the dashboard call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np
import pandas as pd

from kpi.catalogue import Catalogue
from kpi.formatting import quarter_label
from kpi.messages import say
from kpi.periods import Quarter, ReportPeriod, local_today, period_code, quarter_range
from kpi.services.cycle import unapproved_count
from kpi.services.report_periods import (
    EmptyPeriodError,
    ReportError,
    first_period,
    report_periods,
    resolve_unit,
)
from kpi.services.report_quality import (
    confirmed_outliers,
    counted_in_database,
    current_uploads_used,
    revised_since,
    uploads_used,
)
from kpi.services.report_sources import scope_figures, submission_lines
from kpi.services.statuses import owed, scope_of, values_for
from kpi.services.task_reporting import task_report_section
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.repository import READ_COLUMNS, unit_registry
from kpi.text import t
from kpi.units import unit_name
from reports.model import Report, data_hash, indicator_rows
from reports.quality import Quality, UploadLine
from reports.text import known_on_text, label


def build_report(
    storage: Storage,
    catalogue: Catalogue,
    period: ReportPeriod,
    unit: str | None = None,
    *,
    lang: str = "vi",
    made_on: dt.date | None = None,
    settings: Settings | None = None,
    known_on: dt.date | None = None,
    on_figures: Callable[[Report], None] | None = None,
) -> Report:
    """Everything the report shows, as of the period's closing quarter; with `known_on`,
    from the revisions stored by the end of that day ("what we knew then").

    `on_figures` gets the report's figures (rows and chart values, before the data
    quality is read), so its charts can be drawn meanwhile."""
    if lang not in ("vi", "en"):
        raise ReportError(say("report.bad_lang"))
    settings = settings or Settings()
    made_on = made_on or local_today()
    registry = unit_registry(storage)
    target = resolve_unit(registry, unit)
    scope = scope_of(registry, target)
    # the whole tree needs no list of units (a long IN list is slow at national scale)
    units = None if len(scope) == len(registry) and known_on is None else scope
    uploads = _uploads_aside(storage, period, units, known_on)
    frame = _current_values(storage, period.closing, known_on, units)
    tasks = task_report_section(
        storage, settings, catalogue, period, target, registry.root.code, made_on, lang
    )
    within = frame["period_index"].between(period.opening.index, period.closing.index)
    if not within.any() and not tasks.reports:  # nothing happened in the period: no report
        raise EmptyPeriodError(target, period, first_period(storage, target, registry))
    start = period.opening + -1
    rules = owed(storage, catalogue)
    (closing_rows, start_rows), chart_values = scope_figures(
        frame, catalogue, target, registry, (period.closing, start), rules
    )
    figures = Report(
        period=period,
        unit_code=target.code,
        unit_name=unit_name(target, lang),
        lang=lang,
        made_on=made_on,
        rows=indicator_rows(
            catalogue, closing_rows, start_rows, lang, label("no_data_reason", lang)
        ),
        known_on=known_on,
        # the charts draw current values: these are they unless the report is "as known"
        chart_values=chart_values if known_on is None else None,
        is_root=target.code == registry.root.code,
        is_demo=bool(frame["is_demo"].any()),
    )
    if on_figures is not None:
        on_figures(figures)
    quality = Quality(
        *submission_lines(
            storage,
            registry,
            target,
            period,
            settings,
            today=made_on,
            catalogue=catalogue,
            lang=lang,
        ),
        revised=revised_since(storage, scope, period.closing, _cutoff(start, settings)),
        outliers=confirmed_outliers(storage, scope, period.opening, period.closing),
    )
    return replace(
        figures,
        quality=quality,
        uploads=uploads(frame),
        notices=(
            *notices(frame, period, lang),
            *rollup_notices(closing_rows, lang),
            *approval_notice(storage, frame, period, lang),
            *known_on_notice(known_on, lang),
        ),
        data_hash=data_hash(_with_period_categories(frame), period, target.code),
        tasks=tasks,
    )


__all__ = [
    "EmptyPeriodError",
    "ReportError",
    "build_report",
    "report_periods",
    "resolve_unit",
]


def _uploads_aside(
    storage: Storage, period: ReportPeriod, units: list[str] | None, known_on: dt.date | None
) -> Callable[[pd.DataFrame], tuple[UploadLine, ...]]:
    """The uploads of the figures used, asked for once they are read. For many current
    values the database counts them, in a thread started now: the database works with
    the interpreter's lock released, beside this thread's reading and roll-ups."""
    if known_on is not None or not counted_in_database(units):
        return lambda frame: uploads_used(storage, frame)
    aside = ThreadPoolExecutor(1, thread_name_prefix="report-uploads")
    counted = aside.submit(current_uploads_used, storage, period.closing.index, units)
    aside.shutdown(wait=False)  # its one thread ends with the count
    return lambda _frame: counted.result()


def _current_values(
    storage: Storage, closing: Quarter, known_on: dt.date | None, units: list[str] | None
) -> pd.DataFrame:
    """The figures up to the closing quarter. The whole tree's are read into Arrow in a
    child process (`kpi.storage.columnar`: the same rows and dtypes, a second of CPU less
    at national scale); a scope's, or what was known on a day, as before."""
    if units is None and known_on is None:
        return values_for(storage, closing, columns=READ_COLUMNS)
    return values_for(storage, closing, known_on=known_on, unit_codes=units)


def _with_period_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """`with_period` for the fingerprint: the quarter as categories, so each distinct one
    is hashed once without a string per figure (the same digest, a test holds)."""
    found, uniques = pd.factorize(frame["period_index"])
    names = [period_code(int(i)) for i in uniques]
    return frame.assign(period=pd.Categorical.from_codes(found, categories=pd.Index(names)))


def _cutoff(previous_close: Quarter, settings: Settings) -> dt.datetime:
    """When the previous report's figures were due: revisions after it are news."""
    day = previous_close.end + dt.timedelta(days=settings.deadline_days)
    return dt.datetime.combine(day, dt.time.max, tzinfo=dt.UTC)


def notices(frame: pd.DataFrame, period: ReportPeriod, lang: str) -> list[str]:
    """Which quarters of the period hold no figure (a period with none is not reported)."""
    have = {int(i) for i in frame["period_index"].unique()}
    quarters: Sequence[Quarter] = quarter_range(period.opening, period.closing)
    missing = [q for q in quarters if q.index not in have]
    if not missing:
        return []
    names = ", ".join(quarter_label(q, lang) for q in missing)
    return [t("report.notice.missing_quarters", lang, names=names)]


def known_on_notice(known_on: dt.date | None, lang: str) -> list[str]:
    if known_on is None:
        return []
    return [t("report.notice.known_on", lang, day=known_on_text(known_on, lang))]


def approval_notice(
    storage: Storage, frame: pd.DataFrame, period: ReportPeriod, lang: str
) -> list[str]:
    """How many figures of the period lack the unit head's sign-off ("chưa duyệt");
    nothing when the period holds no figure."""
    within = frame[frame["period_index"].between(period.opening.index, period.closing.index)]
    if within.empty:
        return []
    count = unapproved_count(storage, within)
    return [t("report.notice.unapproved", lang, count=count, total=len(within))]


def rollup_notices(statuses: pd.DataFrame, lang: str) -> list[str]:
    """The engine's roll-up warnings: a reported ministry figure that differs from the sum
    of its units, and units whose counts were missing from the sum."""
    out: list[str] = []
    if statuses.empty:
        return out
    for row in statuses.to_dict("records"):
        code = row["indicator_code"]
        differs = row.get("rollup_differs")
        if isinstance(differs, bool | np.bool_) and differs:
            out.append(t("report.notice.rollup_differs", lang, code=code))
        missing = row.get("missing_count_units")
        if isinstance(missing, str) and missing:
            out.append(t("report.notice.counts_missing", lang, code=code, missing=missing))
    return out
