"""Typed frames straight from the driver's cursor: no Row objects, bounded memory.

At national scale (1.3 M current values) one Python row object per value costs
seconds and about a gigabyte at peak. Rows are fetched in chunks; numbers go into
numpy arrays and text into Arrow arrays, so the peak stays near the frame's size.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from sqlalchemy import Connection, Select, func, select

from kpi.storage.engine import Storage

CHUNK = 20_000
TEXT = "str"


class _Pauses:
    """Sessions' threads overlap: the collector stays off while any pause is open."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open = 0
        self.was_enabled = True

    def enter(self) -> None:
        with self.lock:
            if self.open == 0:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.open += 1

    def leave(self) -> None:
        with self.lock:
            self.open -= 1
            if self.open == 0 and self.was_enabled:
                gc.enable()


_PAUSES = _Pauses()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Tens of thousands of fresh tuples set off collections that find nothing to free."""
    _PAUSES.enter()
    try:
        yield
    finally:
        _PAUSES.leave()


def read_frame(
    source: Storage | Connection,
    query: Select[Any],
    dtypes: Mapping[str, str],
    chunk: int = CHUNK,
) -> pd.DataFrame:
    """Run `query` (its columns in `dtypes` order) into a frame with those dtypes, on a
    connection of its own or on `source` (a unit of work's, inside its transaction).

    Numbers go into arrays sized by a count first (no copies when they are joined);
    text into Arrow chunks.
    """
    if isinstance(source, Connection):
        return _read(source, query, _Columns(dtypes), chunk)
    with source.engine.connect() as conn:
        return _read(conn, query, _Columns(dtypes), chunk)


def _read(conn: Connection, query: Select[Any], columns: _Columns, chunk: int) -> pd.DataFrame:
    counted = select(func.count()).select_from(query.subquery())
    columns.reserve(int(conn.execute(counted).scalar() or 0))
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.params
    args: Any = [params[k] for k in compiled.positiontup] if compiled.positiontup else params
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), args)
        with gc_paused():
            while rows := cursor.fetchmany(chunk):
                columns.add(rows)
    finally:
        cursor.close()
    return columns.frame()


class _Columns:
    """Column buffers: numpy arrays for numbers, Arrow chunks for text."""

    def __init__(self, dtypes: Mapping[str, str]) -> None:
        self.dtypes = dict(dtypes)
        self.filled = 0
        self.text: dict[str, list[pa.Array]] = {c: [] for c, t in dtypes.items() if t == TEXT}
        self.numbers: dict[str, np.ndarray] = {}

    def reserve(self, size: int) -> None:
        for name, dtype in self.dtypes.items():
            if dtype != TEXT:
                self.numbers[name] = np.empty(size, dtype=dtype)

    def add(self, rows: list[Any]) -> None:
        end = self.filled + len(rows)
        for name, values in zip(self.dtypes, zip(*rows, strict=True), strict=True):
            if name in self.text:
                self.text[name].append(pa.array(values, type=pa.string()))
                continue
            target = self.numbers[name]
            if end > len(target):  # rows committed since the count: grow, never drop
                target = self.numbers[name] = np.resize(target, max(end, 2 * len(target)))
            if target.dtype.kind != "f" and None in values:  # only floats can hold NULL
                raise ValueError(f"NULL in column {name} ({target.dtype})")
            target[self.filled : end] = np.array(values, dtype=target.dtype)  # None -> NaN
        self.filled = end

    def frame(self) -> pd.DataFrame:
        data: dict[str, Any] = {}
        for name in self.dtypes:
            if name in self.text:
                chunks = self.text[name] or [pa.array([], type=pa.string())]
                data[name] = pd.array(pa.chunked_array(chunks, type=pa.string()), dtype="str")
            else:
                data[name] = self.numbers[name][: self.filled]
        return pd.DataFrame(data, copy=False)
