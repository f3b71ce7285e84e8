"""Read queries for the dashboard and reports beyond the core repository reads."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
from sqlalchemy import case, func, select

from kpi.storage.engine import Storage
from kpi.storage.models import CurrentValue, Measurement, Upload
from kpi.storage.repository import CURRENT_COLUMNS

CURRENT_DTYPES = {
    "indicator_code": "str",
    "unit_code": "str",
    "period": "str",
    "period_index": "int64",
    "value": "float64",
    "numerator": "float64",
    "denominator": "float64",
    "revision": "int64",
    "is_demo": "bool",
}

FIRST_SUBMISSION_COLUMNS = ["unit_code", "period", "submitted_at", "is_demo"]


def first_submissions(storage: Storage, since_index: int | None = None) -> pd.DataFrame:
    """Per (unit, period): when its first figure was stored, and whether it is demo data."""
    query = select(
        Measurement.unit_code,
        Measurement.period,
        func.min(Measurement.created_at).label("submitted_at"),
        # max(boolean) does not exist in PostgreSQL: count demo rows instead.
        func.max(case((Measurement.is_demo, 1), else_=0)).label("is_demo"),
    ).group_by(Measurement.unit_code, Measurement.period)
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


def current_values(
    storage: Storage, as_of_index: int | None = None, chunk: int = 20_000
) -> pd.DataFrame:
    """Same table as repository.current_frame, read in chunks through the driver's cursor.

    At national scale (1.3 M rows) one Python row object per value costs ~12 s and
    ~1 GB at peak. Here numbers go into preallocated arrays and text into Arrow
    chunks, so the peak stays near the frame's own size.
    """
    query = select(*[getattr(CurrentValue, c) for c in CURRENT_COLUMNS])
    count = select(func.count()).select_from(CurrentValue)
    if as_of_index is not None:
        query = query.where(CurrentValue.period_index <= int(as_of_index))
        count = count.where(CurrentValue.period_index <= int(as_of_index))
    sql = str(query.compile(dialect=storage.engine.dialect, compile_kwargs={"literal_binds": True}))
    with storage.engine.connect() as conn:
        total = int(conn.execute(count).scalar() or 0)
        columns = _Columns(total)
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql)
            while rows := cursor.fetchmany(chunk):
                columns.add(rows)
        finally:
            cursor.close()
    return columns.frame()


class _Columns:
    """Column buffers for current_values: numpy for numbers, Arrow chunks for text."""

    TEXT = ("indicator_code", "unit_code", "period")

    def __init__(self, size: int) -> None:
        self.size, self.filled = size, 0
        self.text: dict[str, list[pa.Array]] = {c: [] for c in self.TEXT}
        self.numbers = {
            c: np.empty(size, dtype=CURRENT_DTYPES[c])
            for c in CURRENT_COLUMNS
            if c not in self.TEXT
        }

    def add(self, rows: Sequence[Sequence[object]]) -> None:
        end = min(self.filled + len(rows), self.size)  # ignore rows committed since the count
        rows = rows[: end - self.filled]
        for name, values in zip(CURRENT_COLUMNS, zip(*rows, strict=True), strict=True):
            if name in self.TEXT:
                self.text[name].append(pa.array(values, type=pa.string()))
                continue
            target = self.numbers[name]
            kind = "float64" if target.dtype.kind == "f" else None  # None -> NaN for counts
            target[self.filled : end] = np.array(values, dtype=kind)
        self.filled = end

    def frame(self) -> pd.DataFrame:
        data: dict[str, object] = {}
        for name in CURRENT_COLUMNS:
            if name in self.TEXT:
                chunks = self.text[name] or [pa.array([], type=pa.string())]
                data[name] = pd.array(pa.chunked_array(chunks, type=pa.string()), dtype="str")
            else:
                data[name] = self.numbers[name][: self.filled]
        return pd.DataFrame(data)


def revisions(
    storage: Storage, indicator_code: str, unit_code: str | None = None, limit: int = 5_000
) -> pd.DataFrame:
    """The latest stored revisions of one indicator, newest first, with who, when and which file."""
    query = (
        select(
            Measurement.period,
            Measurement.unit_code,
            Measurement.revision,
            Measurement.value,
            Measurement.numerator,
            Measurement.denominator,
            Measurement.note,
            Measurement.created_by,
            Measurement.created_at,
            Measurement.upload_id,
            Upload.file_name,
        )
        .outerjoin(Upload, Upload.id == Measurement.upload_id)
        .where(Measurement.indicator_code == indicator_code)
        .order_by(Measurement.id.desc())
        .limit(limit)
    )
    if unit_code is not None:
        query = query.where(Measurement.unit_code == unit_code)
    with storage.engine.connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def revision_count(storage: Storage, indicator_code: str, unit_code: str | None = None) -> int:
    query = select(func.count()).select_from(Measurement)
    query = query.where(Measurement.indicator_code == indicator_code)
    if unit_code is not None:
        query = query.where(Measurement.unit_code == unit_code)
    with storage.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)
