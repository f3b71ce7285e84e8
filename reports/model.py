"""The report as plain data: built once, then written as XLSX and PDF.

Every figure comes from the progress engine (`kpi.progress`), the same function
`kpi status --as-of` calls, so the report and the dashboard agree to the digit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from kpi.canonical import content_hash
from kpi.catalogue import Catalogue, Indicator
from kpi.metadata import lead_units
from kpi.periods import Quarter, ReportPeriod
from kpi.progress import Status, status_records
from kpi.progress.trajectory import FIT_FIELDS
from reports.quality import Quality, UploadLine
from reports.task_section import TaskReportSection


@dataclass(frozen=True)
class IndicatorRow:
    """One line of the results table, for one indicator of the reporting unit."""

    code: str
    name: str
    short_name: str
    lead_units: str
    target: float
    status: Status
    reason: str
    start_period: str | None = None
    start_value: float | None = None
    end_period: str | None = None
    end_value: float | None = None
    change: float | None = None
    trajectory_value: float | None = None
    gap_pp: float | None = None
    observed_pace_pp_per_year: float | None = None
    required_pace_pp_per_year: float | None = None
    remaining_pace_pp_per_quarter: float | None = None
    next_quarter_needed: float | None = None
    projected_2030: float | None = None
    baseline_period: str | None = None
    baseline_value: float | None = None
    opensdg_status: str | None = None
    methods_disagree: bool = False
    stale: bool = False
    previous_status: Status | None = None
    projected_2030_low: float | None = None
    projected_2030_high: float | None = None
    # coverage of a rolled-up figure (unit codes); a leaf lists itself where it applies
    units_expected: tuple[str, ...] = ()
    units_with_counts: tuple[str, ...] = ()
    units_value_only: tuple[str, ...] = ()
    units_missing: tuple[str, ...] = ()
    # the status' own fit (kpi.progress.trajectory.FIT_FIELDS), so the chart draws its line
    fit: tuple[tuple[str, float], ...] = ()

    @property
    def movement(self) -> str | None:
        """'improved', 'worsened', 'unchanged', 'new' (first assessed), or None."""
        return movement(self.previous_status, self.status)


@dataclass(frozen=True)
class Report:
    period: ReportPeriod
    unit_code: str
    unit_name: str
    lang: str
    made_on: dt.date
    rows: tuple[IndicatorRow, ...]
    quality: Quality = field(default_factory=Quality)
    uploads: tuple[UploadLine, ...] = ()
    notices: tuple[str, ...] = ()
    data_hash: str = ""
    tasks: TaskReportSection | None = None  # Phụ lục II, III (§III.2)
    known_on: dt.date | None = None  # figures as stored at the end of this day; None: now
    # The quarterly values the charts draw (indicator_code, period_index, value), when the
    # report was built from them; None: the renderer's caller reads them.
    chart_values: pd.DataFrame | None = field(default=None, compare=False, repr=False)
    is_root: bool = False  # the whole ministry (the unit tree's root)
    is_demo: bool = False  # made from demo figures: every page says so

    @property
    def as_of(self) -> Quarter:
        return self.period.closing

    @property
    def start_as_of(self) -> Quarter:
        """The start of the period: the data as of the quarter before it opens."""
        return self.period.opening + -1

    @property
    def counts(self) -> list[tuple[Status, int]]:
        return [(s, sum(r.status is s for r in self.rows)) for s in Status]

    @property
    def moves(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.rows:
            if row.movement:
                out[row.movement] = out.get(row.movement, 0) + 1
        return out

    @property
    def off_target(self) -> list[IndicatorRow]:
        return [r for r in self.rows if r.status.is_off_target]


def movement(before: Status | None, now: Status) -> str | None:
    insufficient = Status.INSUFFICIENT_DATA
    if before is None or now is insufficient:
        return None
    if before is now:
        return "unchanged"
    if before is insufficient:
        return "new"
    return "improved" if now.rank > before.rank else "worsened"


def _num(value: Any) -> float | None:
    if value is None:
        return None
    try:
        num = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(num) else num


def _text(value: Any) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _by_code(statuses: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The engine's rows as `kpi status` prints them (status_records: same rounding)."""
    if statuses.empty:
        return {}
    records = status_records(statuses)
    english = statuses["reason_en"].tolist() if "reason_en" in statuses else [None] * len(records)
    fits = _fits(statuses)
    return {
        str(record["indicator_code"]): {**record, "reason_en": reason_en, "fit": fit}
        for record, reason_en, fit in zip(records, english, fits, strict=True)
    }


def _fits(statuses: pd.DataFrame) -> list[tuple[tuple[str, float], ...]]:
    fields = [f for f in (*FIT_FIELDS, "as_of_index") if f in statuses]
    if len(fields) < len(FIT_FIELDS) + 1:
        return [()] * len(statuses)
    rows = statuses[fields].to_dict("records")
    return [
        tuple((str(k), float(v)) for k, v in r.items())
        if not any(pd.isna(list(r.values())))
        else ()
        for r in rows
    ]


def _units(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()


def indicator_rows(
    catalogue: Catalogue,
    closing: pd.DataFrame,
    start: pd.DataFrame,
    lang: str,
    no_data_reason: str,
) -> tuple[IndicatorRow, ...]:
    """Join the engine's rows at the closing quarter and at the start, in catalogue order."""
    now, before = _by_code(closing), _by_code(start)
    return tuple(
        _row(ind, now.get(ind.code), before.get(ind.code), lang, no_data_reason)
        for ind in catalogue
    )


def _row(
    ind: Indicator,
    now: dict[str, Any] | None,
    before: dict[str, Any] | None,
    lang: str,
    no_data_reason: str,
) -> IndicatorRow:
    row = IndicatorRow(
        code=ind.code,
        name=ind.name(lang),
        short_name=ind.short_name(lang),
        lead_units=lead_units(ind, lang),
        target=ind.target,
        status=Status.INSUFFICIENT_DATA,
        reason=no_data_reason,
    )
    if now is None:
        return row
    start_value = _num(before.get("latest_value")) if before else None
    end_value = _num(now.get("latest_value"))
    change = None
    if start_value is not None and end_value is not None:
        change = round(end_value - start_value, 2)
    return replace(
        row,
        status=Status(str(now["status"])),
        reason=str(now.get("reason_en" if lang == "en" else "reason") or now.get("reason") or ""),
        start_period=_text(before.get("latest_period")) if before else None,
        start_value=start_value,
        end_period=_text(now.get("latest_period")),
        end_value=end_value,
        change=change,
        trajectory_value=_num(now.get("trajectory_value")),
        gap_pp=_num(now.get("gap_pp")),
        observed_pace_pp_per_year=_num(now.get("observed_pace_pp_per_year")),
        required_pace_pp_per_year=_num(now.get("required_pace_pp_per_year")),
        remaining_pace_pp_per_quarter=_num(now.get("remaining_pace_pp_per_quarter")),
        next_quarter_needed=_num(now.get("next_quarter_needed")),
        projected_2030=_num(now.get("projected_2030")),
        baseline_period=_text(now.get("baseline_period")),
        baseline_value=_num(now.get("baseline_value")),
        opensdg_status=_text(now.get("opensdg_status")),
        methods_disagree=bool(now.get("methods_disagree") or False),
        stale=bool(now.get("stale") or False),
        previous_status=Status(str(before["status"])) if before else None,
        projected_2030_low=_num(now.get("projected_2030_low")),
        projected_2030_high=_num(now.get("projected_2030_high")),
        units_expected=_units(now.get("units_expected")),
        units_with_counts=_units(now.get("units_with_counts")),
        units_value_only=_units(now.get("units_value_only")),
        units_missing=_units(now.get("units_missing")),
        fit=now.get("fit") or (),
    )


def data_hash(current: pd.DataFrame, period: ReportPeriod, unit_code: str) -> str:
    """SHA-256 over the figures used, the period and the unit; never the date made."""
    digest = hashlib.sha256()
    digest.update(f"{period}|{unit_code}|".encode())
    digest.update(content_hash(current).encode())
    return digest.hexdigest()
