"""Which periods a report can be made for: from the first with figures or task reports of
the unit to the last ended, and the refusal that names a period with nothing in it.

The dashboard's period list and the check of `kpi report` both come from here.
"""

from __future__ import annotations

import datetime as dt

from kpi.formatting import report_period_label
from kpi.messages import Explained, say
from kpi.periods import Quarter, ReportPeriod, last_ended_quarter
from kpi.services.statuses import scope_of
from kpi.services.task_reporting import first_report_day
from kpi.storage import Storage
from kpi.storage.queries import first_period_index
from kpi.storage.repository import unit_registry
from kpi.text import t
from kpi.units import Unit, UnitRegistry, unit_name


class ReportError(Explained, ValueError):
    """A report that cannot be made as asked (unknown unit, bad period)."""


class EmptyPeriodError(ReportError):
    """The period holds no figure and no task report of the unit: no report is made."""

    def __init__(self, unit: Unit, period: ReportPeriod, first: ReportPeriod | None) -> None:
        self.unit, self.period, self.first = unit, period, first
        super().__init__(self.message())

    def message(self, lang: str = "vi") -> str:
        name = unit_name(self.unit, lang)  # the unit named in the reader's language too
        if self.first is None:
            return t("report.no_figures_at_all", lang, unit=name)
        text = t(
            "report.empty_period",
            lang,
            unit=name,
            period=report_period_label(self.period, lang),
        )
        first = report_period_label(self.first, lang)
        return text + t("report.empty_period_first", lang, first=first)

    def text(self, lang: str = "vi") -> str:
        return self.message(lang)


def resolve_unit(registry: UnitRegistry, ref: str | None) -> Unit:
    if ref is None or not ref.strip():
        return registry.root
    unit = registry.resolve(ref)
    if unit is None:
        raise ReportError(say("report.no_unit", ref=ref))
    return unit


def first_period(storage: Storage, unit: Unit, registry: UnitRegistry) -> ReportPeriod | None:
    """The half-year holding the unit's first figure (its subtree's) or its first task
    report, whichever is earlier; None when it has neither."""
    root = unit.code == registry.root.code
    index = first_period_index(storage, None if root else scope_of(registry, unit))
    day = first_report_day(storage, unit, registry.root.code)
    found: list[ReportPeriod] = []
    if index is not None:
        quarter = Quarter.from_index(index)
        found.append(ReportPeriod(quarter.year, 1 if quarter.q <= 2 else 2))
    if day is not None:
        found.append(ReportPeriod(day.year, 1 if day.month <= 6 else 2))
    return min(found, key=lambda p: p.opening) if found else None


def report_periods(
    storage: Storage, unit: str | None = None, today: dt.date | None = None
) -> list[ReportPeriod]:
    """The periods a report can be asked for, newest first: every half-year and year that
    has ended, back to the one holding the unit's first figure (none without any)."""
    registry = unit_registry(storage)
    first = first_period(storage, resolve_unit(registry, unit), registry)
    if first is None:
        return []
    last = last_ended_quarter(today)
    options: list[ReportPeriod] = []
    for year in range(last.year, first.year - 1, -1):
        for period in (ReportPeriod(year, None), ReportPeriod(year, 2), ReportPeriod(year, 1)):
            if first.opening <= period.closing <= last:
                options.append(period)
    return options
