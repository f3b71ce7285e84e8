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
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kpi.canonical import NUMERIC as VALUE_COLUMNS
from kpi.canonical import period_indexes
from kpi.codes import factorize
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


Cells = Callable[[slice], np.ndarray]  # one column's cells of some rows, as Python objects


def _texts(column: pd.Series) -> Cells:
    """Text cells as Python strings, one object per distinct text (codes repeat), None for
    NA; the column is factorized once, however many chunks are cut from it."""
    codes, uniques = factorize(column)
    texts = np.empty(len(uniques) + 1, dtype=object)  # the last slot is NA's (code -1)
    texts[:-1] = np.asarray(uniques, dtype=object)
    return lambda rows: texts[codes[rows]]


def _numbers(column: pd.Series) -> Cells:
    numbers = column.to_numpy(dtype="float64", na_value=np.nan)

    def cells(rows: slice) -> np.ndarray:
        part = numbers[rows]
        out = part.astype(object)
        out[np.isnan(part)] = None
        return out

    return cells


def _whole_numbers(column: pd.Series | None, size: int) -> Cells:
    """Integers, None where missing (a source row may be unknown)."""
    if column is None:
        return lambda rows: np.full(len(range(size)[rows]), None, dtype=object)
    missing = column.isna().to_numpy()
    if missing.any():
        numbers = column.to_numpy(dtype="float64", na_value=0).astype("int64")
    else:
        numbers = column.to_numpy(dtype="int64")

    def cells(rows: slice) -> np.ndarray:
        out = numbers[rows].astype(object)
        out[missing[rows]] = None
        return out

    return cells


def _row_cells(frame: pd.DataFrame) -> dict[str, Cells]:
    """Each of ROW_COLUMNS as a source of Python objects (the frame has them all)."""
    columns: dict[str, Cells] = {
        name: _whole_numbers(frame[name], len(frame)) for name in ("period_index", "revision")
    }
    columns["source_row"] = _whole_numbers(frame.get("source_row"), len(frame))
    for name in ("indicator_code", "unit_code", "period", "note"):
        columns[name] = _texts(frame[name])
    for name in VALUE_COLUMNS:
        columns[name] = _numbers(frame[name])
    return columns


def _grid(
    columns: dict[str, Cells], rows: slice, size: int, provenance: tuple[Any, ...]
) -> np.ndarray:
    """The rows as one object array, ROW_COLUMNS then `provenance` (the same every row)."""
    grid = np.empty((size, len(ROW_COLUMNS) + len(provenance)), dtype=object)
    for position, name in enumerate(ROW_COLUMNS):
        grid[:, position] = columns[name](rows)
    for position, value in enumerate(provenance, start=len(ROW_COLUMNS)):
        grid[:, position] = [value] * size
    return grid


def row_tuples(frame: pd.DataFrame, provenance: tuple[Any, ...] = ()) -> Rows:
    """Plain tuples in ROW_COLUMNS order (the frame has them all), then `provenance`, the
    same for every row; NaN becomes NULL."""
    grid = _grid(_row_cells(frame), slice(0, len(frame)), len(frame), provenance)
    with gc_paused():
        return list(map(tuple, grid.tolist()))


def _chunks(
    frame: pd.DataFrame, provenance: tuple[Any, ...], progress: Progress | None
) -> Iterator[np.ndarray]:
    """The rows with the upload's provenance, a chunk at a time as the driver takes them."""
    columns = _row_cells(frame)
    for start in range(0, len(frame), CHUNK):
        rows = slice(start, min(start + CHUNK, len(frame)))
        yield _grid(columns, rows, rows.stop - start, provenance)
        if progress:
            progress(0.9 * rows.stop / len(frame))


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


def _insert_sql(rows: int) -> str:
    """An INSERT of `rows` rows with numbered parameters: each row's own columns, then
    the upload's provenance, bound once after them all and named by every row."""
    width, names = len(ROW_COLUMNS), (*ROW_COLUMNS, *PROVENANCE)
    same = [f"?{rows * width + p}" for p in range(1, len(PROVENANCE) + 1)]
    groups = (
        f"({', '.join([*(f'?{r * width + c}' for c in range(1, width + 1)), *same])})"
        for r in range(rows)
    )
    return f"INSERT INTO {Measurement.__tablename__} ({', '.join(names)}) VALUES " + ", ".join(
        groups
    )


def _insert_revisions(
    connection: Connection, chunks: Iterator[np.ndarray], provenance: tuple[Any, ...]
) -> None:
    """SQLite: the driver's executemany, ROWS_PER_STATEMENT rows to a statement: a
    statement's own upkeep (its constraint checks' setup, its journal) is paid once per
    hundred rows, and the provenance is bound once per statement, not once per row. A
    statement's parameters are cut straight from the chunk's cells, on the session's
    own connection; the driver's error is raised as SQLAlchemy's, as for any statement."""
    many = _insert_sql(ROWS_PER_STATEMENT)
    dbapi: Any = connection.dialect.loaded_dbapi
    cursor: Any = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    statement = many
    try:
        with gc_paused():
            for grid in chunks:
                whole = len(grid) - len(grid) % ROWS_PER_STATEMENT
                if whole:
                    params = grid[:whole].reshape(whole // ROWS_PER_STATEMENT, -1).tolist()
                    statement = many
                    cursor.executemany(many, [[*row, *provenance] for row in params])
                if whole < len(grid):
                    statement = _insert_sql(len(grid) - whole)
                    cursor.execute(statement, [*grid[whole:].ravel().tolist(), *provenance])
    except dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi.Error) from exc
    finally:
        cursor.close()


def _copy(connection: Connection, table: str, names: Iterable[str], chunks: Iterator[Any]) -> None:
    """PostgreSQL: one COPY into `table`, on the session's own connection; the driver's
    error is raised as SQLAlchemy's, as for every other statement."""
    driver: Any = connection.connection.driver_connection
    statement = f"COPY {table} ({', '.join(names)}) FROM STDIN"
    dbapi: Any = connection.dialect.loaded_dbapi
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy, gc_paused():
            for rows in chunks:
                for row in rows.tolist() if isinstance(rows, np.ndarray) else rows:
                    copy.write_row(row)
    except dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi.Error) from exc


def _current_chunks(frame: pd.DataFrame, is_demo: bool) -> Iterator[np.ndarray]:
    """The same rows as current values (CURRENT_COLUMNS order), a chunk at a time."""
    cells = _row_cells(frame)
    for start in range(0, len(frame), CHUNK):
        rows = slice(start, min(start + CHUNK, len(frame)))
        grid = np.empty((rows.stop - start, len(CURRENT_COLUMNS)), dtype=object)
        for position, name in enumerate(CURRENT_COLUMNS[:-1]):
            grid[:, position] = cells[name](rows)
        grid[:, -1] = [is_demo] * len(grid)
        yield grid


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
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        chunks = _chunks(frame, provenance, progress)
        _copy(connection, Measurement.__tablename__, (*ROW_COLUMNS, *PROVENANCE), chunks)
    else:  # the provenance is bound once per statement
        _insert_revisions(connection, _chunks(frame, (), progress), provenance)
    replaces = bool((frame["revision"].to_numpy() > 1).any())
    if postgres and not replaces:  # COPY inserts in batches; INSERT … SELECT row by row
        rows = _current_chunks(frame, is_demo)
        _copy(connection, CurrentValue.__tablename__, CURRENT_COLUMNS, rows)
    else:
        copy_current(session, upload_id=upload_id, replaces=replaces)
    if progress:
        progress(1.0)
