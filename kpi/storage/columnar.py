"""Large reads straight into Arrow: ADBC for SQLite, in a process of its own.

The standard `sqlite3` module makes a Python object per cell (seconds for the 1.3 M
current values of the national tree); the ADBC SQLite driver fills Arrow arrays in C.
That driver carries its own copy of the SQLite library, and two copies in one process
must not open the same file: closing a file in one drops the POSIX locks the other
holds (https://www.sqlite.org/howtocorrupt.html, 2.2). So the read runs in a child
process that imports only pyarrow and the driver, opens the file read-only and sends
the rows back as an Arrow stream; the parent keeps one SQLite library.

A small file (under COLUMNAR_BYTES) is read in process by `read_frame`, as are
PostgreSQL's rows (psycopg, a connection of the pool).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import numpy as np
import pandas as pd
import pyarrow as pa
from sqlalchemy import Select

from kpi.storage.engine import Storage
from kpi.storage.frames import TEXT, read_frame
from kpi.storage.repository import CURRENT_DTYPES, current_query

# The whole result in one batch: the driver infers a column's type from the rows of
# the first batch, and a column NULL throughout it would be typed int64 and then
# refuse a REAL in a later batch (numerators are NULL for a value-only history).
BATCH_ROWS = 1 << 30  # the driver refuses 2³¹ − 1
BUSY_MS = 5_000  # as the engine's own connections wait on a lock
# Starting the reader (an interpreter and pyarrow) costs about a quarter of a second of
# CPU, what `sqlite3` spends on some 300,000 rows: a smaller file is read in process.
COLUMNAR_BYTES = 32 << 20

# The child's whole program: no kpi import, so it starts in a tenth of a second.
CHILD = """
import json, os, struct, sys
import pyarrow as pa
import adbc_driver_manager as adbc
import adbc_driver_sqlite

def one_value(value):
    # from buffers: pa.array() of a Python value imports pandas, a quarter of a second
    if isinstance(value, int):
        return pa.Array.from_buffers(pa.int64(), 1, [None, pa.py_buffer(struct.pack("<q", value))])
    if isinstance(value, float):
        number = pa.py_buffer(struct.pack("<d", value))
        return pa.Array.from_buffers(pa.float64(), 1, [None, number])
    data = value.encode()
    ends = pa.py_buffer(struct.pack("<ii", 0, len(data)))
    return pa.Array.from_buffers(pa.string(), 1, [None, ends, pa.py_buffer(data)])

def read(job):
    db = adbc_driver_sqlite.connect(job["uri"])
    conn = adbc.AdbcConnection(db)
    busy = adbc.AdbcStatement(conn)
    busy.set_sql_query(f"PRAGMA busy_timeout = {int(job['busy_ms'])}")
    busy.execute_update()
    busy.close()
    stmt = adbc.AdbcStatement(conn)
    stmt.set_options(**{"adbc.sqlite.query.batch_rows": str(job["batch"])})
    stmt.set_sql_query(job["sql"])
    if job["params"]:
        names = [f"p{n}" for n in range(len(job["params"]))]
        columns = [one_value(p) for p in job["params"]]
        stmt.bind(pa.RecordBatch.from_arrays(columns, names=names))
    handle, _ = stmt.execute_query()
    reader = pa.RecordBatchReader._import_from_c(handle.address)
    with pa.ipc.new_stream(sys.stdout.buffer, reader.schema) as out:
        for batch in reader:
            out.write_batch(batch)
    reader.close()
    stmt.close()
    conn.close()
    db.close()

try:
    read(json.loads(sys.stdin.read()))
    sys.stdout.flush()
except BaseException as exc:  # one line for the parent, no traceback
    sys.stderr.write(f"{type(exc).__name__}: {exc}".replace(chr(10), " ") + chr(10))
    sys.stderr.flush()
    os._exit(1)
"""


class ColumnarReadError(RuntimeError):
    """The reading process failed (its message says why)."""


def columnar_frame(
    storage: Storage,
    query: Select[Any],
    dtypes: Mapping[str, str],
    *,
    min_bytes: int = COLUMNAR_BYTES,
) -> pd.DataFrame:
    """Run `query` (its columns in `dtypes` order) into a frame with those dtypes: from
    a SQLite file of `min_bytes` or more through ADBC in a child process, else (and on
    PostgreSQL) through `read_frame`; the frames are the same (tested)."""
    if storage.dialect != "sqlite":
        return read_frame(storage, query, dtypes)
    database = storage.engine.url.database
    if not database or database == ":memory:":
        raise ColumnarReadError("an in-memory SQLite database has no file to read")
    if _size(database) < min_bytes:
        return read_frame(storage, query, dtypes)
    compiled = query.compile(
        dialect=storage.engine.dialect, compile_kwargs={"render_postcompile": True}
    )
    names = compiled.positiontup or []
    job = {
        "uri": f"file:{quote(os.path.abspath(database))}?mode=ro",  # "#" or "%" in a name
        "sql": str(compiled),
        "params": [_plain(compiled.params[n]) for n in names],
        "batch": BATCH_ROWS,
        "busy_ms": BUSY_MS,
    }
    return _frame(_run(job), dtypes)


def _size(database: str) -> int:
    """The database's bytes, its write-ahead log included (not yet checkpointed rows)."""
    files = (database, f"{database}-wal")
    return sum(os.path.getsize(f) for f in files if os.path.exists(f))


def _plain(value: Any) -> Any:
    """A bound value as JSON carries it: the reads bind numbers and text."""
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return value
    raise ColumnarReadError(f"unsupported parameter {type(value).__name__}")


def _run(job: dict[str, Any]) -> pa.Table:
    with subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(json.dumps(job).encode())
        child.stdin.close()
        try:
            table = pa.ipc.open_stream(child.stdout).read_all()
        except pa.ArrowInvalid:
            table = None  # the child failed before its stream began: its stderr says why
        errors = child.stderr.read() if child.stderr else b""
        if child.wait() != 0 or table is None:
            lines = errors.decode(errors="replace").strip().splitlines()
            raise ColumnarReadError(lines[-1] if lines else f"exit code {child.returncode}")
    return table


def _frame(table: pa.Table, dtypes: Mapping[str, str]) -> pd.DataFrame:
    data: dict[str, Any] = {}
    for name, dtype, column in zip(dtypes, dtypes.values(), table.columns, strict=True):
        if dtype == TEXT:
            data[name] = pd.array(column.cast(pa.string()), dtype="str")
        elif column.null_count and dtype != "float64":  # only floats can hold NULL
            raise ValueError(f"NULL in column {name} ({dtype})")
        else:
            data[name] = np.asarray(column.to_numpy(), dtype=dtype)
    return pd.DataFrame(data, columns=list(dtypes), copy=False)


def current_columns(
    storage: Storage,
    columns: Sequence[str],
    *,
    as_of_index: int | None = None,
    unit_codes: Sequence[str] | None = None,
    min_bytes: int = COLUMNAR_BYTES,
) -> pd.DataFrame:
    """`current_frame` for a whole tree's statuses: the same rows and dtypes, from a
    large database read into Arrow (`columnar_frame`), not a Python object per cell."""
    query = current_query(columns, as_of_index=as_of_index, unit_codes=unit_codes)
    dtypes = {c: CURRENT_DTYPES[c] for c in columns}
    return columnar_frame(storage, query, dtypes, min_bytes=min_bytes)
