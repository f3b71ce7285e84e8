"""Narrow reads for a report's data-quality sheet: which upload holds each revision, and
which quarters were revised lately (a national history is millions of revisions; the
report needs a few columns of them, or only the quarters that changed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
from sqlalchemy import and_, func, select

from kpi.storage.engine import Storage
from kpi.storage.frames import read_frame
from kpi.storage.models import CurrentValue, Measurement
from kpi.storage.queries import units_filter

UPLOAD_DTYPES = {
    "indicator_code": "str",
    "unit_code": "str",
    "period_index": "int64",
    "revision": "int64",
    "upload_id": "float64",  # NULL for figures written without an upload (demo data)
}


def revision_uploads(
    storage: Storage,
    as_of_index: int,
    unit_codes: Sequence[str] | None = None,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every revision up to a quarter (of `unit_codes` and `indicator_codes`, if given:
    both together let the series index find them) with its upload."""
    query = select(*[getattr(Measurement, c) for c in UPLOAD_DTYPES]).where(
        Measurement.period_index <= as_of_index
    )
    if unit_codes is not None:
        query = query.where(Measurement.unit_code.in_(list(unit_codes)))
    if indicator_codes is not None:
        query = query.where(Measurement.indicator_code.in_(list(indicator_codes)))
    return read_frame(storage, query, UPLOAD_DTYPES)


def current_upload_counts(
    storage: Storage, as_of_index: int, unit_codes: Sequence[str] | None = None
) -> dict[int, int]:
    """{upload id: how many current values up to a quarter (of `unit_codes`, if given) it
    holds}, counted by the database: each current value finds its revision by the key."""
    revision = and_(
        Measurement.indicator_code == CurrentValue.indicator_code,
        Measurement.unit_code == CurrentValue.unit_code,
        Measurement.period_index == CurrentValue.period_index,
        Measurement.revision == CurrentValue.revision,
    )
    query = (
        select(Measurement.upload_id, func.count())
        .select_from(CurrentValue)
        .join(Measurement, revision)
        .where(CurrentValue.period_index <= as_of_index, Measurement.upload_id.is_not(None))
        .group_by(Measurement.upload_id)
    )
    if unit_codes is not None:
        query = query.where(CurrentValue.unit_code.in_(list(unit_codes)))
    with storage.engine.connect() as conn:
        return {int(upload or 0): int(n) for upload, n in conn.execute(query)}


def revised_quarters(
    storage: Storage,
    as_of_index: int,
    after: dt.datetime,
    unit_codes: Sequence[str] | None = None,
) -> list[int]:
    """Quarters up to `as_of_index` holding a second or later revision created after
    `after` (give a moment a little early: the caller applies the exact rule), of
    `unit_codes` only if given."""
    moment = after.astimezone(dt.UTC)
    if storage.engine.dialect.name == "sqlite":  # SQLite stores UTC without a zone
        moment = moment.replace(tzinfo=None)
    query = (
        select(Measurement.period_index)
        .where(
            Measurement.period_index <= as_of_index,
            Measurement.revision > 1,
            Measurement.created_at > moment,
        )
        .distinct()
    )
    if unit_codes is not None:
        query = query.where(*units_filter(unit_codes))
    with storage.engine.connect() as conn:
        return sorted(int(i) for i in conn.execute(query).scalars())
