"""Bulk writes of one upload's rows: staged once, then copied inside the database.

The driver binds each row once (executemany on SQLite, COPY on PostgreSQL) into a
temporary table with no indexes. The revisions and the current values are then
filled from it by two set-based Core statements (INSERT … SELECT, the second an
upsert), so the indexed tables are never fed row by row from Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Double,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    literal,
    select,
    true,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kpi.canonical import NUMERIC as VALUE_COLUMNS
from kpi.canonical import period_indexes
from kpi.storage.frames import gc_paused
from kpi.storage.models import CurrentValue, Measurement

CHUNK = 5_000
Progress = Callable[[float], None]
STAGED = "staged_rows"
# the staged columns and their types, in the order the driver binds them
STAGED_COLUMNS = {
    "indicator_code": Text,
    "unit_code": Text,
    "period": Text,
    "period_index": Integer,
    "value": Double,
    "numerator": Double,
    "denominator": Double,
    "note": Text,
    "revision": Integer,
    "source_row": Integer,
}
STAGED_TABLE = Table(
    STAGED,
    MetaData(),  # not the app's metadata: migrations never see it
    *(Column(name, kind) for name, kind in STAGED_COLUMNS.items()),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)
CURRENT_KEY = ["indicator_code", "unit_code", "period"]
CURRENT_FIGURES = ["period_index", "value", "numerator", "denominator", "revision"]
CURRENT_PRIMARY_KEY = ["period", "indicator_code", "unit_code"]  # the table's key order


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
    STAGED_TABLE.create(connection)
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
    staged = STAGED_TABLE.c
    demo = literal(is_demo, Boolean)
    revisions = select(
        *staged,
        literal(upload_id, Integer),
        literal(actor, String),
        literal(at, DateTime(timezone=True)),
        demo,
    )
    provenance = ["upload_id", "created_by", "created_at", "is_demo"]
    session.execute(insert(Measurement).from_select([*STAGED_COLUMNS, *provenance], revisions))
    postgres = session.get_bind().dialect.name == "postgresql"
    upsert = (postgresql.insert if postgres else sqlite.insert)(CurrentValue)
    # `WHERE true` keeps SQLite from reading ON CONFLICT as part of a join.
    latest = select(*[staged[c] for c in (*CURRENT_KEY, *CURRENT_FIGURES)], demo).where(true())
    upsert = upsert.from_select([*CURRENT_KEY, *CURRENT_FIGURES, "is_demo"], latest)
    replaced = {c: upsert.excluded[c] for c in (*CURRENT_FIGURES, "is_demo")}
    session.execute(upsert.on_conflict_do_update(index_elements=CURRENT_PRIMARY_KEY, set_=replaced))
    STAGED_TABLE.drop(session.connection())


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
