"""What the report takes from the rest of the system: statuses and submissions.

Statuses come from kpi.progress, the functions behind `kpi status --as-of`, so
both always agree. Submissions come from kpi.services.submissions (the reporting
obligations), as on the dashboard and in `kpi submissions`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from kpi.catalogue import Catalogue, load_catalogue
from kpi.completeness import ReportState, deadline, local_date, unit_quarter_states
from kpi.obligations import Obligation
from kpi.periods import Quarter, ReportPeriod, period_code, quarter_range
from kpi.progress import rollup
from kpi.progress.scope_lists import owed_by_root
from kpi.progress.scopes import rollup_many, rollup_statuses_many
from kpi.services import statuses, submissions
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.submissions import SubmissionState
from kpi.units import Unit, UnitRegistry
from reports.quality import SubmissionLine

# The report's two lists keep their names; the states come from kpi.completeness.
STATE_NAMES = {
    ReportState.MISSING.value: SubmissionState.MISSING.value,
    ReportState.LATE.value: SubmissionState.LATE.value,
    ReportState.ON_TIME.value: SubmissionState.SUBMITTED.value,
    ReportState.NOT_DUE.value: SubmissionState.PENDING.value,
}


def unit_statuses(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    unit: Unit,
    registry: UnitRegistry,
    as_of: Quarter,
    obligations: Sequence[Obligation] = (),
) -> pd.DataFrame:
    """The unit's statuses as of a quarter, by the one scope rule of `kpi status --unit`."""
    # "Stale" is judged against the report's closing quarter, not against today.
    day_after = as_of.end + dt.timedelta(days=1)
    return statuses.unit_statuses(
        frame, catalogue, registry, unit, as_of=as_of, today=day_after, obligations=obligations
    )


def scope_figures(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    unit: Unit,
    registry: UnitRegistry,
    quarters: Sequence[Quarter],
    obligations: Sequence[Obligation] = (),
) -> tuple[list[pd.DataFrame], pd.DataFrame]:
    """The unit's statuses as of each quarter (`unit_statuses` for each) and the series its
    charts draw (`unit_series`): a parent's roll-up is computed once for all of them."""
    if not statuses.is_rollup(registry, unit):
        return [unit_statuses(frame, catalogue, unit, registry, q) for q in quarters], (
            unit_series(frame, unit, registry)
        )
    series = rollup_many(frame, registry, [unit.code], obligations)
    owed = owed_by_root(obligations, registry, [unit.code])
    rows = [
        rollup_statuses_many(
            series, catalogue, [unit.code], as_of=q, today=q.end + dt.timedelta(days=1), owed=owed
        )
        for q in quarters
    ]
    return rows, series[SERIES_COLUMNS].sort_values(["indicator_code", "period_index"])


def submission_lines(
    storage: Storage,
    registry: UnitRegistry,
    unit: Unit,
    period: ReportPeriod,
    settings: Settings,
    *,
    today: dt.date | None = None,
    catalogue: Catalogue | None = None,
    lang: str = "vi",
) -> tuple[tuple[SubmissionLine, ...], tuple[SubmissionLine, ...]]:
    """(missing, late) unit quarters of the period, by the obligations, from the service
    the Submissions page and `kpi submissions` use (worst state of each unit and quarter)."""
    quarters = quarter_range(period.opening, period.closing)
    cells = submissions.completeness(
        storage, catalogue or load_catalogue(), settings, quarters, unit=unit, today=today
    )
    worst = unit_quarter_states(cells)
    due = {q.index: deadline(q, settings.deadline_days) for q in quarters}
    first: dict[tuple[str, int], object] = {}
    cell_keys = zip(cells["unit_code"], cells["period_index"], cells["submitted_at"], strict=True)
    for u, i, at in cell_keys:
        key = (str(u), int(i))
        if at is not None and not pd.isna(at) and key not in first:
            first[key] = at
        elif at is not None and not pd.isna(at):
            first[key] = min(first[key], at)
    worst_keys = [
        (str(u), int(i)) for u, i in zip(worst["unit_code"], worst["period_index"], strict=True)
    ]
    matrix = pd.DataFrame(
        {
            "unit_code": worst["unit_code"],
            "period_index": worst["period_index"],
            "deadline": [due[i] for _u, i in worst_keys],
            "submitted_at": [local_date(first.get(key)) for key in worst_keys],
            "state": worst["state"].map(STATE_NAMES),
        }
    )

    def lines(state: SubmissionState) -> tuple[SubmissionLine, ...]:
        chosen = matrix[matrix["state"] == state.value]
        return tuple(
            SubmissionLine(
                unit_code=str(r.unit_code),
                unit_name=registry.name(str(r.unit_code), lang),
                period=period_code(r.period_index),
                deadline=r.deadline if isinstance(r.deadline, dt.date) else None,
                submitted_on=r.submitted_at if isinstance(r.submitted_at, dt.date) else None,
            )
            for r in chosen.sort_values(["period_index", "unit_code"]).itertuples(index=False)
        )

    return lines(SubmissionState.MISSING), lines(SubmissionState.LATE)


SERIES_COLUMNS = ["indicator_code", "period_index", "value"]


def unit_series(frame: pd.DataFrame, unit: Unit, registry: UnitRegistry) -> pd.DataFrame:
    """Quarterly values of every indicator for the unit; the ministry's come from the
    engine's roll-up (official figure where reported, else summed counts)."""
    if statuses.is_rollup(registry, unit):
        own = rollup(frame, registry, unit.code)
    else:
        own = frame[frame["unit_code"] == unit.code]
    return own[SERIES_COLUMNS].sort_values(["indicator_code", "period_index"])
