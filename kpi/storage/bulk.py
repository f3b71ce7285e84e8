"""Bulk writes of one upload's rows: staged once, then copied inside the database.

The driver binds each row once, into a temporary table with no indexes. The
revisions and the current values are then filled from it by two set-based
statements, so the indexed tables are never fed row by row from Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Boolean, Connection, DateTime, Integer, String, bindparam, text
from sqlalchemy.orm import Session

from kpi.canonical import NUMERIC as VALUE_COLUMNS
from kpi.canonical import period_indexes
from kpi.storage.frames import gc_paused
from kpi.storage.repository import CURRENT_COLUMNS

CHUNK = 5_000
Progress = Callable[[float], None]
STAGED = "staged_rows"
# column -> SQL type, valid on SQLite and PostgreSQL alike
STAGED_COLUMNS = {
    "indicator_code": "TEXT",
    "unit_code": "TEXT",
    "period": "TEXT",
    "period_index": "INTEGER",
    "value": "DOUBLE PRECISION",
    "numerator": "DOUBLE PRECISION",
    "denominator": "DOUBLE PRECISION",
    "note": "TEXT",
    "revision": "INTEGER",
    "source_row": "INTEGER",
}


def staged_tuples(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    """Plain tuples in STAGED_COLUMNS order (the frame has them all); NaN becomes NULL."""
    columns: dict[str, Iterable[Any]] = {
        name: frame[name].to_numpy(dtype="int64").tolist() for name in ("period_index", "revision")
    }
    rows = frame.get("source_row")
    columns["source_row"] = (
        [None] * len(frame)
        if rows is None
        else [None if pd.isna(r) else int(r) for r in rows.to_numpy(dtype=object)]
    )
    for name in ("indicator_code", "unit_code", "period", "note"):
        cells = frame[name].to_numpy(dtype=object, copy=True)
        cells[pd.isna(cells)] = None
        columns[name] = cells.tolist()
    for name in VALUE_COLUMNS:
        numbers = frame[name].to_numpy(dtype="float64", na_value=np.nan)
        cells = numbers.astype(object)
        cells[np.isnan(numbers)] = None
        columns[name] = cells.tolist()
    with gc_paused():
        return list(zip(*(columns[c] for c in STAGED_COLUMNS), strict=True))


def stage(session: Session, frame: pd.DataFrame, progress: Progress | None = None) -> int:
    """Create the temporary table for this transaction and fill it; returns the row count."""
    connection = session.connection()
    postgres = connection.dialect.name == "postgresql"
    columns = ", ".join(f"{name} {kind}" for name, kind in STAGED_COLUMNS.items())
    connection.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {STAGED} ({columns})" + (" ON COMMIT DROP" if postgres else "")
    )
    write = _copy_rows(connection) if postgres else _insert_rows(connection)
    frame = frame.assign(period_index=period_indexes(frame["period"]))
    # tuples are built a chunk at a time: a million rows at once would double the memory
    for start in range(0, len(frame), CHUNK):
        write(staged_tuples(frame.iloc[start : start + CHUNK]))
        if progress:
            progress(0.9 * min(start + CHUNK, len(frame)) / len(frame))
    return len(frame)


Rows = list[tuple[Any, ...]]


def _insert_rows(connection: Connection) -> Callable[[Rows], None]:
    """SQLite: the driver's executemany."""
    insert = f"INSERT INTO {STAGED} VALUES ({', '.join(['?'] * len(STAGED_COLUMNS))})"

    def write(rows: Rows) -> None:
        connection.exec_driver_sql(insert, rows)

    return write


def _copy_rows(connection: Connection) -> Callable[[Rows], None]:
    """PostgreSQL: COPY, on the session's own connection and transaction."""
    driver: Any = connection.connection.driver_connection
    statement = f"COPY {STAGED} ({', '.join(STAGED_COLUMNS)}) FROM STDIN"

    def write(rows: Rows) -> None:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    return write


def copy_staged(
    session: Session, *, upload_id: int, actor: str, at: dt.datetime, is_demo: bool
) -> None:
    """New revisions and current values from the staged rows, then drop them."""
    names = ", ".join(STAGED_COLUMNS)
    session.execute(
        text(
            f"INSERT INTO measurements ({names}, upload_id, created_by, created_at, is_demo) "
            f"SELECT {names}, :upload_id, :actor, :at, :is_demo FROM {STAGED}"
        ).bindparams(
            bindparam("upload_id", upload_id, type_=Integer),
            bindparam("actor", actor, type_=String),
            bindparam("at", at, type_=DateTime(timezone=True)),
            bindparam("is_demo", is_demo, type_=Boolean),
        )
    )
    current = ", ".join(CURRENT_COLUMNS[:-1])
    updates = ", ".join(f"{c} = excluded.{c}" for c in CURRENT_COLUMNS[3:])
    # `WHERE true` keeps SQLite from reading ON CONFLICT as part of a join.
    session.execute(
        text(
            f"INSERT INTO current_values ({current}, is_demo) "
            f"SELECT {current}, :is_demo FROM {STAGED} WHERE true "
            f"ON CONFLICT (period, indicator_code, unit_code) DO UPDATE SET {updates}"
        ).bindparams(bindparam("is_demo", is_demo, type_=Boolean))
    )
    session.connection().exec_driver_sql(f"DROP TABLE {STAGED}")


def write_rows(
    session: Session,
    frame: pd.DataFrame,
    *,
    upload_id: int,
    actor: str,
    at: dt.datetime,
    is_demo: bool,
    progress: Progress | None = None,
) -> None:
    """Write the rows of `frame` (with `revision`) as revisions of upload `upload_id`."""
    if frame.empty:
        return
    stage(session, frame, progress)
    copy_staged(session, upload_id=upload_id, actor=actor, at=at, is_demo=is_demo)
    if progress:
        progress(1.0)
