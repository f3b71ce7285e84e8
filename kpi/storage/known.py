"""Current values as known on a date: the latest revision created on or before it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import and_, func, select

from kpi.storage.engine import Storage
from kpi.storage.models import Measurement
from kpi.storage.repository import CURRENT_DTYPES, READ_COLUMNS

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")  # a date means a day in Vietnam


def end_of_day(day: dt.date) -> dt.datetime:
    """The last moment of `day` in Vietnam, in UTC."""
    nxt = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=LOCAL)
    return nxt.astimezone(dt.UTC)


def known_on_frame(
    storage: Storage,
    known_on: dt.date,
    *,
    as_of_index: int | None = None,
    unit_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The `current_frame` columns, from the revisions created on or before `known_on`."""
    cutoff = end_of_day(known_on)
    naive = cutoff.replace(tzinfo=None)  # SQLite stores UTC without a zone
    moment = naive if storage.engine.dialect.name == "sqlite" else cutoff
    conditions = [Measurement.created_at < moment]
    if as_of_index is not None:
        conditions.append(Measurement.period_index <= as_of_index)
    if unit_codes is not None:
        conditions.append(Measurement.unit_code.in_(list(unit_codes)))
    latest = (
        select(
            Measurement.indicator_code.label("i"),
            Measurement.unit_code.label("u"),
            Measurement.period_index.label("p"),  # the revisions' key: (i, u, p, r) is unique
            func.max(Measurement.revision).label("r"),
        )
        .where(and_(*conditions))
        .group_by(Measurement.indicator_code, Measurement.unit_code, Measurement.period_index)
        .subquery()
    )
    query = select(*[getattr(Measurement, c) for c in READ_COLUMNS]).join(
        latest,
        and_(
            Measurement.indicator_code == latest.c.i,
            Measurement.unit_code == latest.c.u,
            Measurement.period_index == latest.c.p,
            Measurement.revision == latest.c.r,
        ),
    )
    with storage.engine.connect() as conn:
        result = conn.execute(query)
        frame = pd.DataFrame(result.all(), columns=list(result.keys()))
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype=CURRENT_DTYPES[c]) for c in READ_COLUMNS})
    return frame.astype({c: CURRENT_DTYPES[c] for c in READ_COLUMNS})
