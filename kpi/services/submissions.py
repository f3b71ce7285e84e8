"""Which units owe which figures, and how the reporting cycle stands: the one service
behind `kpi submissions`, the Submissions page, the reports and the reminders.

Obligations are the catalogue's lead units unless an administrator imported others
(kpi.obligations); each obligation and quarter gets one state (kpi.completeness).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.completeness import MATRIX_COLUMNS, completeness_matrix, measures
from kpi.obligations import Obligation, effective_obligations, for_unit, with_starts
from kpi.periods import Quarter, current_quarter, local_today, period_code, quarter_range
from kpi.progress.method import PROGRAMME_BASELINE
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.cycle import approvals_frame, first_figures, stored_obligations
from kpi.storage.repository import unit_registry
from kpi.units import Unit, UnitRegistry

RECORD_KEYS = (
    "unit_code",
    "indicator_code",
    "period",
    "state",
    "submitted_at",
    "approved",
    "approved_by",
    "approved_at",
)
DEFAULT_QUARTERS = 8


def obligations(storage: Storage, catalogue: Catalogue) -> list[Obligation]:
    """Every obligation in force: catalogue defaults, with imported rows over them."""
    registry = unit_registry(storage)
    merged = effective_obligations(catalogue, stored_obligations(storage))
    return [o for o in merged if o.unit_code in registry]


def owed(storage: Storage, catalogue: Catalogue) -> list[Obligation]:
    """Every obligation in force with the first quarter it is owed filled in (a catalogue
    obligation from the indicator's baseline): what completeness counts."""
    return with_starts(obligations(storage, catalogue), catalogue, PROGRAMME_BASELINE)


def in_scope(
    all_obligations: Sequence[Obligation], registry: UnitRegistry, unit: Unit | None
) -> list[Obligation]:
    """The obligations of a unit and every unit below it (all of them for the ministry)."""
    if unit is None or unit.code == registry.root.code:
        return list(all_obligations)
    codes = {unit.code, *registry.descendants(unit.code)}
    return [o for o in all_obligations if o.unit_code in codes]


def expected_units(storage: Storage, catalogue: Catalogue, unit: Unit | None = None) -> list[str]:
    """Units that owe figures (within the unit's subtree when one is given), sorted."""
    registry = unit_registry(storage)
    return sorted({o.unit_code for o in in_scope(obligations(storage, catalogue), registry, unit)})


def recent_quarters(count: int = DEFAULT_QUARTERS, today: dt.date | None = None) -> list[Quarter]:
    """The last `count` quarters up to the current one, oldest first."""
    last = current_quarter(today)
    return quarter_range(last + -(count - 1), last)


def completeness(
    storage: Storage,
    catalogue: Catalogue,
    settings: Settings,
    quarters: Sequence[Quarter],
    *,
    unit: Unit | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """One row per obligation and quarter it is owed (kpi.completeness.MATRIX_COLUMNS): a
    catalogue obligation is owed from the indicator's baseline (programme baseline 2024-Q4),
    so earlier quarters are neither expected nor missing."""
    if not quarters:
        return pd.DataFrame(columns=MATRIX_COLUMNS)
    registry = unit_registry(storage)
    chosen = in_scope(owed(storage, catalogue), registry, unit)
    first, last = min(quarters).index, max(quarters).index
    # only the figures of units that owe them can count: the ministry's scope reads the
    # obligated units' figures, not every commune's (380,800 rows at national scale)
    units = sorted({o.unit_code for o in chosen})
    return completeness_matrix(
        chosen,
        sorted(quarters),
        first_figures(storage, since_index=first, until_index=last, unit_codes=units),
        approvals_frame(storage, sorted({o.unit_code for o in chosen})),
        deadline_days=settings.deadline_days,
        today=today or local_today(),
    )


def _iso(value: object) -> str | None:
    if value is None or (not isinstance(value, dt.datetime) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.isoformat()
    return str(value)


def records(matrix: pd.DataFrame) -> list[dict[str, object]]:
    """`kpi submissions --format json`: one object per obligation and quarter, exactly
    RECORD_KEYS."""
    out: list[dict[str, object]] = []
    for row in matrix.itertuples(index=False):
        out.append(
            {
                "unit_code": str(row.unit_code),
                "indicator_code": str(row.indicator_code),
                "period": period_code(row.period_index),
                "state": str(row.state),
                "submitted_at": _iso(row.submitted_at),
                "approved": bool(row.approved),
                "approved_by": row.approved_by if row.approved else None,
                "approved_at": _iso(row.approved_at) if row.approved else None,
            }
        )
    return out


def rates(matrix: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The DHIS2 measures for the ministry (or the scope asked for), per unit and per
    indicator: the numbers the page, the CLI and the reports show."""
    return {
        "total": measures(matrix),
        "unit": measures(matrix, "unit_code"),
        "indicator": measures(matrix, "indicator_code"),
    }


def unit_indicators(
    storage: Storage, catalogue: Catalogue, unit_code: str, quarter: Quarter | None = None
) -> list[str]:
    """Indicators the unit owes (in the quarter, when given), in catalogue order:
    the rows of its template."""
    owed = for_unit(obligations(storage, catalogue), unit_code)
    codes = {o.indicator_code for o in owed if quarter is None or o.covers(quarter)}
    return [code for code in catalogue.codes if code in codes]
