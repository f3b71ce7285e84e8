"""Read queries for the dashboard and reports beyond the core repository reads: first
figures, upload attempts and their files, reporting units."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd
from sqlalchemy import ColumnElement, case, func, select

from kpi.storage.engine import Storage
from kpi.storage.models import CurrentValue, IndicatorRecord, Measurement, Upload, UploadFile
from kpi.submissions import FIRST_SUBMISSION_COLUMNS

FEW_UNITS = 200  # a scope this small reads its revisions by the series key


def units_filter(unit_codes: Sequence[str]) -> tuple[ColumnElement[bool], ...]:
    """Revisions of `unit_codes`; for a few units with every indicator too (each
    revision's is in that table): the same rows, which the series key (indicator, unit,
    quarter, revision) then finds instead of every revision being read."""
    units = Measurement.unit_code.in_(list(unit_codes))
    if len(unit_codes) > FEW_UNITS:
        return (units,)
    return units, Measurement.indicator_code.in_(select(IndicatorRecord.code))


def first_stored(
    storage: Storage,
    keys: Sequence[str],
    since_index: int | None = None,
    *,
    until_index: int | None = None,
    unit_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The one rule for "when was it first reported": per group of `keys`, when its
    first figure was stored (`submitted_at`) and whether any of it is demo data
    (quarters from `since_index` to `until_index`; only `unit_codes` if given)."""
    grouping = [getattr(Measurement, k) for k in keys]
    query = select(
        *grouping,
        func.min(Measurement.created_at).label("submitted_at"),
        # max(boolean) does not exist in PostgreSQL: count demo rows instead.
        func.max(case((Measurement.is_demo, 1), else_=0)).label("is_demo"),
    ).group_by(*grouping)
    if since_index is not None:
        query = query.where(Measurement.period_index >= since_index)
    if until_index is not None:
        query = query.where(Measurement.period_index <= until_index)
    if unit_codes is not None:
        query = query.where(*units_filter(unit_codes))
    with storage.reading() as session:
        rows = session.execute(query).all()
    frame = pd.DataFrame(rows, columns=[*keys, "submitted_at", "is_demo"])
    frame["is_demo"] = frame["is_demo"].astype(bool)
    return frame


def first_submissions(storage: Storage, since_index: int | None = None) -> pd.DataFrame:
    """Per (unit, period): when its first figure was stored, and whether it is demo data."""
    keys = [c for c in FIRST_SUBMISSION_COLUMNS if c not in ("submitted_at", "is_demo")]
    return first_stored(storage, keys, since_index)


ACCEPTED_OUTCOMES = ("committed", "duplicate")  # the attempts that were not refused
UPLOAD_LIST_COLUMNS = [
    "id",
    "uploaded_at",
    "uploaded_by",
    "file_name",
    "outcome",
    "problem_count",
    "rows_total",
    "rows_new",
    "rows_changed",
    "rows_unchanged",
    "size_bytes",
    "sha256",
    "note",
]


def upload_list(
    storage: Storage,
    limit: int | None = None,
    *,
    actor: str | None = None,
    columns: Sequence[str] = UPLOAD_LIST_COLUMNS,
    ids: Collection[int] | None = None,
    refused_only: bool = False,
) -> pd.DataFrame:
    """Upload attempts (committed, duplicate, refused, unreadable), newest first; only
    one person's when `actor` is given, only those `ids` when given, and only the attempts
    that wrote nothing (refused, unreadable, failed) with `refused_only`."""
    query = select(*[getattr(Upload, c) for c in columns]).order_by(Upload.id.desc())
    if actor is not None:
        query = query.where(Upload.uploaded_by == actor)
    if ids is not None:
        query = query.where(Upload.id.in_(sorted(ids)))
    if refused_only:
        query = query.where(Upload.outcome.not_in(ACCEPTED_OUTCOMES))
    with storage.engine.connect() as conn:
        rows = conn.execute(query.limit(limit)).all()
    return pd.DataFrame(rows, columns=list(columns))


def upload_file(storage: Storage, upload_id: int) -> tuple[str, bytes] | None:
    """The file name and the bytes of one upload attempt, or None."""
    query = (
        select(Upload.file_name, UploadFile.content)
        .join(UploadFile, UploadFile.sha256 == Upload.sha256)
        .where(Upload.id == upload_id)
    )
    with storage.reading() as session:
        row = session.execute(query).first()
    return (str(row[0]), bytes(row[1])) if row else None


def uploads_frame(storage: Storage) -> pd.DataFrame:
    with storage.engine.connect() as conn:
        rows = [
            dict(r._mapping)
            for r in conn.execute(select(*Upload.__table__.columns).order_by(Upload.id))
        ]
    return pd.DataFrame(rows)


RECENT_UPLOAD_COLUMNS = [
    "id",
    "file_name",
    "uploaded_by",
    "uploaded_at",
    "rows_total",
    "rows_new",
    "rows_changed",
    "rows_unchanged",
    "outcome",
    "note",
]


def recent_uploads(storage: Storage, limit: int = 20, actor: str | None = None) -> pd.DataFrame:
    """The latest uploads, newest first; only one person's when `actor` is given."""
    return upload_list(storage, limit, actor=actor, columns=RECENT_UPLOAD_COLUMNS)


def reporting_units(storage: Storage) -> list[str]:
    """Units that have stored any figure, sorted."""
    with storage.engine.connect() as conn:
        rows = conn.execute(select(Measurement.unit_code).distinct()).scalars().all()
    return sorted(str(r) for r in rows)


def first_period_index(storage: Storage, unit_codes: Sequence[str] | None = None) -> int | None:
    """The earliest quarter (index) holding a current figure of these units (None: any)."""
    query = select(func.min(CurrentValue.period_index))
    if unit_codes is not None:
        query = query.where(CurrentValue.unit_code.in_(list(unit_codes)))
    with storage.reading() as session:
        found = session.scalar(query)
    return None if found is None else int(found)


def revision_count(storage: Storage, indicator_code: str, unit_code: str | None = None) -> int:
    query = select(func.count()).select_from(Measurement)
    query = query.where(Measurement.indicator_code == indicator_code)
    if unit_code is not None:
        query = query.where(Measurement.unit_code == unit_code)
    with storage.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)
