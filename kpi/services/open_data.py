"""What leaves the system as data: the catalogue with its metadata, statuses, series with
their roll-up coverage, submissions. The read API and the open-data package both use it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.messages import say
from kpi.metadata import load_metadata
from kpi.periods import Quarter, last_ended_quarter, local_today, quarter_range
from kpi.progress import rollup, status_json, status_records
from kpi.services.status_text import every_scope_json
from kpi.services.statuses import UnknownUnitError, is_rollup, scope_of, statuses_for
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage import api as store
from kpi.storage.queries import first_submissions, reporting_units
from kpi.storage.repository import current_frame, data_version, unit_registry
from kpi.submissions import submission_matrix

SERIES_COLUMNS = [
    "indicator_code",
    "unit_code",
    "period",
    "value",
    "numerator",
    "denominator",
    "source",
    "units_expected",
    "units_with_counts",
    "units_value_only",
    "units_missing",
    "is_demo",
]
SUBMISSION_COLUMNS = ["unit_code", "period", "deadline", "submitted_at", "state"]
# Inside, the frames carry the quarter index; `period` is added where data leaves.
FRAME_COLUMNS = [c if c != "period" else "period_index" for c in SERIES_COLUMNS]
SUBMISSION_FRAME_COLUMNS = [c if c != "period" else "period_index" for c in SUBMISSION_COLUMNS]


@dataclass(frozen=True, slots=True)
class DataStamp:
    """The data version as an HTTP validator pair."""

    etag: str
    last_modified: dt.datetime | None


def data_stamp(storage: Storage) -> DataStamp:
    # the day is part of the version: default quarters and overdue tasks move at midnight
    version = (data_version(storage), local_today().isoformat())
    digest = hashlib.sha256(repr(version).encode()).hexdigest()[:20]
    return DataStamp(etag=f'"{digest}"', last_modified=store.last_change(storage))


def indicator_records(storage: Storage, catalogue: Catalogue) -> list[dict[str, Any]]:
    """Each indicator with its metadata and when its newest figure was stored."""
    metadata = load_metadata(catalogue)
    updated = store.last_figure_dates(storage)
    rows = []
    for ind in catalogue:
        stamp = updated.get(ind.code)
        rows.append(
            {
                "code": ind.code,
                "group": ind.group,
                "name_vi": ind.name_vi,
                "name_en": ind.name_en,
                "short_name_vi": ind.short_name_vi,
                "short_name_en": ind.short_name_en,
                "unit": ind.unit,
                "comparator": ind.comparator.value,
                "target": ind.target,
                "target_period": str(ind.target_period),
                "baseline_period": str(ind.baseline_period) if ind.baseline_period else None,
                "lead_units": ind.lead_units,
                "coordinating_units": ind.coordinating_units or None,
                **metadata[ind.code].record(),
                "last_updated": stamp.isoformat() if stamp else None,
            }
        )
    return rows


def status_list(
    storage: Storage,
    catalogue: Catalogue,
    unit: str = "BNV",
    *,
    as_of: Quarter | None = None,
    known_on: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Exactly the objects `kpi status --format json` prints (the same two functions)."""
    return status_records(statuses_for(storage, catalogue, unit, as_of=as_of, known_on=known_on))


def status_text(
    storage: Storage,
    catalogue: Catalogue,
    unit: str = "BNV",
    *,
    as_of: Quarter | None = None,
    known_on: dt.date | None = None,
) -> str:
    """Exactly the text `kpi status --format json` prints, by the same column-wise path
    (`all` by the command's own `every_scope_json`, here without a child process)."""
    if unit.lower() == "all":
        return every_scope_json(storage, catalogue, as_of=as_of, known_on=known_on)
    return status_json(statuses_for(storage, catalogue, unit, as_of=as_of, known_on=known_on))


def series_frame(
    storage: Storage,
    catalogue: Catalogue,
    indicator: str,
    unit: str = "BNV",
    *,
    first: Quarter | None = None,
    last: Quarter | None = None,
    include_demo: bool = True,
) -> pd.DataFrame:
    """One indicator's figures for a unit: its own series, or the roll-up of its subtree
    with the coverage of every quarter (lists of unit codes, kpi.progress.coverage)."""
    if indicator not in catalogue:
        raise LookupError(say("svc.no_indicator", code=indicator))
    registry = unit_registry(storage)
    found = registry.resolve(unit)
    if found is None:
        raise UnknownUnitError(unit)
    frame = current_frame(storage, indicator_codes=[indicator])
    if not include_demo:
        frame = frame[~frame["is_demo"]]
    if is_rollup(registry, found):
        scoped = frame[frame["unit_code"].isin(scope_of(registry, found))]
        out = rollup(scoped, registry, found.code)  # carries its coverage lists
        demo = scoped.groupby("period_index")["is_demo"].any().rename("is_demo")
        out = out.merge(demo.reset_index(), on="period_index", how="left")
    else:
        out = frame[frame["unit_code"] == found.code].assign(source="reported")
        for column in ("units_expected", "units_with_counts", "units_value_only", "units_missing"):
            out[column] = None
    if first is not None:
        out = out[out["period_index"] >= first.index]
    if last is not None:
        out = out[out["period_index"] <= last.index]
    out = out.sort_values("period_index")
    return out[FRAME_COLUMNS].reset_index(drop=True)


def expected_units(storage: Storage, catalogue: Catalogue) -> list[str]:
    """Units that have ever reported, plus every indicator's lead units (as the
    submissions page counts them)."""
    registry = unit_registry(storage)
    leads = {c for ind in catalogue for c in ind.lead_unit_codes}
    return sorted(u for u in set(reporting_units(storage)) | leads if u in registry)


def submissions_frame(
    storage: Storage,
    catalogue: Catalogue,
    settings: Settings,
    periods: list[Quarter],
    today: dt.date | None = None,
) -> pd.DataFrame:
    """Unit × quarter: deadline, first submission and state (submitted, late, missing, pending)."""
    since = min(p.index for p in periods) if periods else None
    matrix = submission_matrix(
        first_submissions(storage, since),
        expected_units(storage, catalogue),
        periods,
        deadline_days=settings.deadline_days,
        today=today,
    )
    return matrix[SUBMISSION_FRAME_COLUMNS]


def recent_quarters(count: int = 4, today: dt.date | None = None) -> list[Quarter]:
    """The last `count` ended quarters, oldest first."""
    last = last_ended_quarter(today)
    return quarter_range(last + (1 - count), last)


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: NaN and NA as None, numpy scalars as Python, dates as ISO."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [{str(k): _plain(v) for k, v in row.items()} for row in rows]


def last_updated(storage: Storage) -> dict[str, dt.datetime]:
    """Per indicator code, when its newest figure was stored."""
    return store.last_figure_dates(storage)
