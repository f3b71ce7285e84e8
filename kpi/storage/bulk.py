"""Bulk writes of one upload's rows: each row is bound once, straight into the revisions.

SQLite takes plain tuples through the driver's executemany, PostgreSQL a COPY, on the
unit of work's own connection and transaction. The current values then come from the
revisions this upload wrote: on SQLite one set-based statement copies them (a plain
INSERT when every row is new, as for a first report of its quarters or a history into
an empty database; an upsert when some rows replace a stored value); on PostgreSQL,
when every row is new, a second COPY of the same rows (COPY inserts in batches, an
INSERT … SELECT row by row). There is no staging table: a row is written once into
the revisions and once into the current values (kpi.storage.models).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, repeat
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kpi.canonical import NUMERIC as VALUE_COLUMNS
from kpi.canonical import period_indexes
from kpi.storage.frames import gc_paused
from kpi.storage.models import CurrentValue, Measurement

CHUNK = 20_000  # rows turned into tuples at a time: a million at once would double the memory
ROWS_PER_STATEMENT = 100  # 1,400 parameters, far under SQLite's 32,766
Progress = Callable[[float], None]
Rows = list[tuple[Any, ...]]
# the columns a row brings, in the order the driver binds them
ROW_COLUMNS = (
    "indicator_code",
    "unit_code",
    "period",
    "period_index",
    "value",
    "numerator",
    "denominator",
    "note",
    "revision",
    "source_row",
)
# the same for every row of one upload, bound after the row's own columns
PROVENANCE = ("upload_id", "created_by", "created_at", "is_demo")
CURRENT_KEY = ["period", "indicator_code", "unit_code"]  # the table's key order
CURRENT_COLUMNS = [
    "indicator_code",
    "unit_code",
    "period",
    "period_index",
    "value",
    "numerator",
    "denominator",
    "revision",
    "is_demo",
]


def _texts(column: pd.Series) -> list[Any]:
    """Text cells as Python strings, one object per distinct text (codes repeat), None for NA."""
    codes, uniques = pd.factorize(column)
    texts = np.empty(len(uniques) + 1, dtype=object)  # the last slot is NA's (code -1)
    texts[:-1] = np.asarray(uniques, dtype=object)
    return list(texts[codes].tolist())


def _numbers(column: pd.Series) -> list[Any]:
    numbers = column.to_numpy(dtype="float64", na_value=np.nan)
    missing = np.isnan(numbers)
    if not missing.any():
        return list(numbers.tolist())
    cells = numbers.astype(object)
    cells[missing] = None
    return list(cells.tolist())


def _whole_numbers(column: pd.Series | None, size: int) -> list[Any]:
    """Integers, None where missing (a source row may be unknown)."""
    if column is None:
        return [None] * size
    missing = column.isna().to_numpy()
    numbers = column.to_numpy(dtype="float64", na_value=np.nan) if missing.any() else None
    if numbers is None:
        return list(column.to_numpy(dtype="int64").tolist())
    cells = np.where(missing, 0, numbers).astype("int64").astype(object)
    cells[missing] = None
    return list(cells.tolist())


def row_tuples(frame: pd.DataFrame, provenance: tuple[Any, ...] = ()) -> Rows:
    """Plain tuples in ROW_COLUMNS order (the frame has them all), then `provenance`, the
    same for every row; NaN becomes NULL."""
    columns: dict[str, Iterable[Any]] = {
        name: frame[name].to_numpy(dtype="int64").tolist() for name in ("period_index", "revision")
    }
    columns["source_row"] = _whole_numbers(frame.get("source_row"), len(frame))
    for name in ("indicator_code", "unit_code", "period", "note"):
        columns[name] = _texts(frame[name])
    for name in VALUE_COLUMNS:
        columns[name] = _numbers(frame[name])
    same = [repeat(value, len(frame)) for value in provenance]
    with gc_paused():
        return list(zip(*(columns[c] for c in ROW_COLUMNS), *same, strict=True))


def _chunks(
    frame: pd.DataFrame, provenance: tuple[Any, ...], progress: Progress | None
) -> Iterator[Rows]:
    """The rows with the upload's provenance, a chunk at a time as the driver takes them."""
    for start in range(0, len(frame), CHUNK):
        yield row_tuples(frame.iloc[start : start + CHUNK], provenance)
        if progress:
            progress(0.9 * min(start + CHUNK, len(frame)) / len(frame))


def _provenance(
    connection: Connection, upload_id: int, actor: str, at: dt.datetime, is_demo: bool
) -> tuple[Any, ...]:
    """The four values as the driver takes them (SQLite stores times as SQLAlchemy's text)."""
    table = Measurement.__table__
    values = {"upload_id": upload_id, "created_by": actor, "created_at": at, "is_demo": is_demo}
    out = []
    for name in PROVENANCE:
        # the dialect's own type, as the ORM binds it: SQLite's text form of a time has
        # no offset, so rows of every path read back alike (naive UTC)
        column_type = table.c[name].type.dialect_impl(connection.dialect)
        process = column_type.bind_processor(connection.dialect)
        out.append(process(values[name]) if process else values[name])
    return tuple(out)


def _insert_revisions(connection: Connection, chunks: Iterator[Rows]) -> None:
    """SQLite: the driver's executemany, ROWS_PER_STATEMENT rows to a statement: a
    statement's own upkeep (its constraint checks' setup, its journal) is paid once per
    hundred rows. Errors come back as SQLAlchemy's, so a refusal is told like any other."""
    names = (*ROW_COLUMNS, *PROVENANCE)
    one = f"({', '.join(['?'] * len(names))})"
    head = f"INSERT INTO {Measurement.__tablename__} ({', '.join(names)}) VALUES "
    many = head + ", ".join([one] * ROWS_PER_STATEMENT)
    with gc_paused():
        for rows in chunks:
            whole = len(rows) - len(rows) % ROWS_PER_STATEMENT
            batches = [
                tuple(chain.from_iterable(rows[start : start + ROWS_PER_STATEMENT]))
                for start in range(0, whole, ROWS_PER_STATEMENT)
            ]
            if batches:
                connection.exec_driver_sql(many, batches)
            if whole < len(rows):
                rest = rows[whole:]
                statement = head + ", ".join([one] * len(rest))
                connection.exec_driver_sql(statement, tuple(chain.from_iterable(rest)))


def _copy(connection: Connection, table: str, names: Iterable[str], chunks: Iterator[Rows]) -> None:
    """PostgreSQL: one COPY into `table`, on the session's own connection; the driver's
    error is raised as SQLAlchemy's, as for every other statement."""
    driver: Any = connection.connection.driver_connection
    statement = f"COPY {table} ({', '.join(names)}) FROM STDIN"
    dbapi: Any = connection.dialect.loaded_dbapi
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy, gc_paused():
            for rows in chunks:
                for row in rows:
                    copy.write_row(row)
    except dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi.Error) from exc


def _current_chunks(frame: pd.DataFrame, is_demo: bool) -> Iterator[Rows]:
    """The same rows as current values (CURRENT_COLUMNS order), a chunk at a time."""
    for start in range(0, len(frame), CHUNK):
        part = frame.iloc[start : start + CHUNK]
        columns = [
            *(_texts(part[name]) for name in ("indicator_code", "unit_code", "period")),
            part["period_index"].to_numpy(dtype="int64").tolist(),
            *(_numbers(part[name]) for name in VALUE_COLUMNS),
            part["revision"].to_numpy(dtype="int64").tolist(),
            repeat(is_demo, len(part)),
        ]
        with gc_paused():
            yield list(zip(*columns, strict=True))


def copy_current(session: Session, *, upload_id: int, replaces: bool) -> None:
    """The current values from the revisions of `upload_id`: inserted, or upserted when
    some of them replace a stored value (a plain insert refuses any clash)."""
    revisions = Measurement.__table__.c
    latest = select(*[revisions[c] for c in CURRENT_COLUMNS]).where(
        revisions.upload_id == upload_id
    )
    if not replaces:
        session.execute(insert(CurrentValue).from_select(CURRENT_COLUMNS, latest))
        return
    postgres = session.get_bind().dialect.name == "postgresql"
    upsert = (postgresql.insert if postgres else sqlite.insert)(CurrentValue)
    upsert = upsert.from_select(CURRENT_COLUMNS, latest)
    replaced = {c: upsert.excluded[c] for c in CURRENT_COLUMNS if c not in CURRENT_KEY}
    session.execute(upsert.on_conflict_do_update(index_elements=CURRENT_KEY, set_=replaced))


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
    """Write the rows of `frame` (with `revision`) as revisions of upload `upload_id`,
    then make them the current values."""
    if frame.empty:
        return
    connection = session.connection()
    frame = frame.assign(period_index=period_indexes(frame["period"]))
    provenance = _provenance(connection, upload_id, actor, at, is_demo)
    chunks = _chunks(frame, provenance, progress)
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        _copy(connection, Measurement.__tablename__, (*ROW_COLUMNS, *PROVENANCE), chunks)
    else:
        _insert_revisions(connection, chunks)
    replaces = bool((frame["revision"].to_numpy() > 1).any())
    if postgres and not replaces:  # COPY inserts in batches; INSERT … SELECT row by row
        rows = _current_chunks(frame, is_demo)
        _copy(connection, CurrentValue.__tablename__, CURRENT_COLUMNS, rows)
    else:
        copy_current(session, upload_id=upload_id, replaces=replaces)
    if progress:
        progress(1.0)
