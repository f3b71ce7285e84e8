"""What the report takes from the rest of the system: statuses and submissions.

Statuses come from kpi.progress, the functions behind `kpi status --as-of`, so
both always agree. Submissions come from kpi.submissions, as on the dashboard.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.periods import Quarter, ReportPeriod, quarter_range
from kpi.progress import rollup
from kpi.services import statuses
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.queries import first_submissions, reporting_units
from kpi.submissions import SubmissionState, submission_matrix
from kpi.units import Unit, UnitRegistry
from reports.quality import SubmissionLine


def unit_statuses(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    unit: Unit,
    registry: UnitRegistry,
    as_of: Quarter,
) -> pd.DataFrame:
    """The unit's statuses as of a quarter, by the one scope rule of `kpi status --unit`."""
    # "Stale" is judged against the report's closing quarter, not against today.
    day_after = as_of.end + dt.timedelta(days=1)
    return statuses.unit_statuses(frame, catalogue, registry, unit, as_of=as_of, today=day_after)


def expected_units(storage: Storage, registry: UnitRegistry, unit: Unit) -> list[str]:
    """Units that owe figures: the unit itself, or under the ministry every unit that reports."""
    if unit.code != registry.root.code:
        return [unit.code]
    below = set(registry.descendants(unit.code))
    return [code for code in reporting_units(storage) if code in below]


def submission_lines(
    storage: Storage,
    registry: UnitRegistry,
    unit: Unit,
    period: ReportPeriod,
    settings: Settings,
    *,
    today: dt.date | None = None,
) -> tuple[tuple[SubmissionLine, ...], tuple[SubmissionLine, ...]]:
    """(missing, late) for every quarter of the period, as the submissions page shows them."""
    quarters = quarter_range(period.opening, period.closing)
    matrix = submission_matrix(
        first_submissions(storage, since_index=period.opening.index),
        expected_units(storage, registry, unit),
        quarters,
        deadline_days=settings.deadline_days,
        today=today,
    )

    def lines(state: SubmissionState) -> tuple[SubmissionLine, ...]:
        chosen = matrix[matrix["state"] == state.value]
        return tuple(
            SubmissionLine(
                unit_code=str(r.unit_code),
                unit_name=_name(registry, str(r.unit_code)),
                period=str(r.period),
                deadline=r.deadline if isinstance(r.deadline, dt.date) else None,
                submitted_on=r.submitted_at if isinstance(r.submitted_at, dt.date) else None,
            )
            for r in chosen.sort_values(["period", "unit_code"]).itertuples(index=False)
        )

    return lines(SubmissionState.MISSING), lines(SubmissionState.LATE)


def _name(registry: UnitRegistry, code: str) -> str:
    unit = registry.get(code)
    return unit.name if unit else code


SERIES_COLUMNS = ["indicator_code", "period", "period_index", "value"]


def unit_series(frame: pd.DataFrame, unit: Unit, registry: UnitRegistry) -> pd.DataFrame:
    """Quarterly values of every indicator for the unit; the ministry's come from the
    engine's roll-up (official figure where reported, else summed counts)."""
    if statuses.is_rollup(registry, unit):
        own = rollup(frame, registry, unit.code)
    else:
        own = frame[frame["unit_code"] == unit.code]
    return own[SERIES_COLUMNS].sort_values(["indicator_code", "period_index"])
