"""The tasks section of the plan's 6-month and year-end reports, built from storage."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from kpi.catalogue import Catalogue
from kpi.periods import ReportPeriod
from kpi.services import scorecard as scores
from kpi.services import task_signoffs as signoffs
from kpi.services.tasks import tasks
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage import tasks as task_store
from kpi.task_progress import HalfYear
from kpi.units import Unit
from reports.task_section import TaskReportSection
from reports.task_section import label as task_label


def period_days(period: ReportPeriod) -> tuple[dt.date, dt.date]:
    """First and last day of H1, H2 or the whole year."""
    if period.half == 1:
        return dt.date(period.year, 1, 1), dt.date(period.year, 6, 30)
    if period.half == 2:
        return dt.date(period.year, 7, 1), dt.date(period.year, 12, 31)
    return dt.date(period.year, 1, 1), dt.date(period.year, 12, 31)


def _scores(
    storage: Storage,
    settings: Settings,
    catalogue: Catalogue,
    half: HalfYear,
    day: dt.date,
    lang: str,
) -> tuple[str, tuple[dict[str, object], ...]]:
    versions = scores.published(storage, half)
    if versions:
        status = task_label("scores_status", lang, version=versions[0].version)
        return status, tuple(versions[0].rows)
    rows = scores.compute(storage, settings, catalogue, half, day)
    return task_label("scores_provisional", lang), tuple(asdict(r) for r in rows)


def _led_codes(storage: Storage, unit: Unit, root_code: str) -> set[str] | None:
    """The tasks a unit leads; None for the ministry (every task)."""
    if unit.code == root_code:
        return None
    return {t.code for t in tasks(storage) if unit.code in t.lead_unit_codes}


def first_report_day(storage: Storage, unit: Unit, root_code: str) -> dt.date | None:
    """The day of the first progress report on the tasks the report covers."""
    codes = _led_codes(storage, unit, root_code)
    days = [
        r.reported_on
        for code, rows in task_store.load_reports(storage).items()
        if codes is None or code in codes
        for r in rows
    ]
    return min(days, default=None)


def task_report_section(
    storage: Storage,
    settings: Settings,
    catalogue: Catalogue,
    period: ReportPeriod,
    unit: Unit,
    root_code: str,
    made_on: dt.date,
    lang: str,
) -> TaskReportSection:
    """For the ministry every task; for a unit the tasks it leads. Scores at H2 and year end."""
    start, end = period_days(period)
    lead = None if unit.code == root_code else unit.code
    built = scores.report_section(storage, start, end, made_on, lead)
    codes = _led_codes(storage, unit, root_code)
    reports, unsigned = signoffs.period_counts(storage, start, min(made_on, end), codes)
    section = TaskReportSection(
        day=min(made_on, end),
        counts=built.counts,
        completed=tuple(
            (t.code, t.name_in(lang), t.lead_units_in(lang), t.deadline_label_in(lang), day)
            for t, day in built.completed
        ),
        overdue=tuple(
            (
                s.task.code,
                s.task.name_in(lang),
                s.task.lead_units_in(lang),
                s.task.deadline_label_in(lang),
                s.state.label(lang),
                s.percent,
            )
            for s in built.overdue
        ),
        issues=tuple((t.code, u, text, day) for t, u, text, day in built.issues),
        reports=reports,
        unsigned=unsigned,
    )
    if period.half == 1:
        return section
    half = HalfYear(period.year, 2)
    status, rows = _scores(storage, settings, catalogue, half, made_on, lang)
    if lead is not None:
        rows = tuple(r for r in rows if r["unit_code"] == lead)
    return TaskReportSection(
        section.day,
        section.counts,
        section.completed,
        section.overdue,
        section.issues,
        score_half=half.label(lang),
        score_status=status,
        scores=rows,
        reports=section.reports,
        unsigned=section.unsigned,
    )
