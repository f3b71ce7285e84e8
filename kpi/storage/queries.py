"""Read queries for the dashboard and reports beyond the core repository reads."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import case, func, select

from kpi.storage.engine import Storage
from kpi.storage.models import Measurement, Upload

FIRST_SUBMISSION_COLUMNS = ["unit_code", "period_index", "submitted_at", "is_demo"]


def first_submissions(storage: Storage, since_index: int | None = None) -> pd.DataFrame:
    """Per (unit, period): when its first figure was stored, and whether it is demo data."""
    query = select(
        Measurement.unit_code,
        Measurement.period_index,
        func.min(Measurement.created_at).label("submitted_at"),
        # max(boolean) does not exist in PostgreSQL: count demo rows instead.
        func.max(case((Measurement.is_demo, 1), else_=0)).label("is_demo"),
    ).group_by(Measurement.unit_code, Measurement.period_index)
    if since_index is not None:
        query = query.where(Measurement.period_index >= since_index)
    with storage.engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame(rows, columns=FIRST_SUBMISSION_COLUMNS)
    frame["is_demo"] = frame["is_demo"].astype(bool)
    return frame


def recent_uploads(storage: Storage, limit: int = 20, actor: str | None = None) -> pd.DataFrame:
    """The latest uploads, newest first; only one person's when `actor` is given."""
    query = select(
        Upload.id,
        Upload.file_name,
        Upload.uploaded_by,
        Upload.uploaded_at,
        Upload.rows_total,
        Upload.rows_new,
        Upload.rows_changed,
        Upload.rows_unchanged,
        Upload.outcome,
        Upload.note,
    ).order_by(Upload.id.desc())
    if actor is not None:
        query = query.where(Upload.uploaded_by == actor)
    with storage.engine.connect() as conn:
        result = conn.execute(query.limit(limit))
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def reporting_units(storage: Storage) -> list[str]:
    """Units that have stored any figure, sorted."""
    with storage.engine.connect() as conn:
        rows = conn.execute(select(Measurement.unit_code).distinct()).scalars().all()
    return sorted(str(r) for r in rows)


def revision_count(storage: Storage, indicator_code: str, unit_code: str | None = None) -> int:
    query = select(func.count()).select_from(Measurement)
    query = query.where(Measurement.indicator_code == indicator_code)
    if unit_code is not None:
        query = query.where(Measurement.unit_code == unit_code)
    with storage.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)
