"""Row building for the bulk write: no database needed."""

from __future__ import annotations

import gc

import numpy as np
import pandas as pd

from kpi.storage.bulk import ROW_COLUMNS, row_tuples
from kpi.storage.frames import gc_paused


def test_staged_tuples_turn_missing_cells_into_null_for_any_dtype() -> None:
    frame = pd.DataFrame(
        {
            "indicator_code": pd.Series(["1.1", "1.2"], dtype="str"),
            "unit_code": pd.Series(["VPB", "VPB"], dtype=object),
            "period": ["2025-Q4", "2026-Q1"],
            "period_index": [2025 * 4 + 3, 2026 * 4],
            "value": [85.5, 12.0],
            "numerator": [np.nan, 3.0],
            "denominator": pd.Series([None, 25.0], dtype="float64"),
            "note": pd.Series([None, "ghi chú"], dtype=object),
            "revision": [1, 2],
        }
    )
    rows = row_tuples(frame)
    assert rows == [
        ("1.1", "VPB", "2025-Q4", 2025 * 4 + 3, 85.5, None, None, None, 1, None),
        ("1.2", "VPB", "2026-Q1", 2026 * 4, 12.0, 3.0, 25.0, "ghi chú", 2, None),
    ]
    assert len(rows[0]) == len(ROW_COLUMNS)


def test_staged_tuples_of_an_empty_frame() -> None:
    empty = pd.DataFrame({c: [] for c in ROW_COLUMNS})
    assert row_tuples(empty) == []


def test_gc_paused_restores_the_collector_even_on_error() -> None:
    assert gc.isenabled()
    try:
        with gc_paused():
            assert not gc.isenabled()
            raise RuntimeError
    except RuntimeError:
        pass
    assert gc.isenabled()


def test_overlapping_pauses_from_threads_leave_the_collector_on() -> None:
    import sys
    import threading

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:

        def work() -> None:
            for _ in range(2_000):
                with gc_paused():
                    pass

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert gc.isenabled()


def test_sqlite_statement_binds_each_row_then_the_provenance_once() -> None:
    from kpi.storage.bulk import PROVENANCE, _insert_sql

    statement = _insert_sql(2)
    width = len(ROW_COLUMNS)
    values = statement.split(" VALUES ")[1]
    same = ", ".join(f"?{2 * width + p}" for p in range(1, len(PROVENANCE) + 1))
    first = ", ".join(f"?{c}" for c in range(1, width + 1))
    second = ", ".join(f"?{width + c}" for c in range(1, width + 1))
    assert values == f"({first}, {same}), ({second}, {same})"


def test_rows_of_chunks_are_the_rows_of_the_frame() -> None:
    from kpi.storage import bulk

    size = 2 * 7 + 3
    frame = pd.DataFrame(
        {
            "indicator_code": pd.Series(["1.1", "2"] * 8 + [None], dtype="str"),
            "unit_code": pd.Series([f"T{i % 3}" for i in range(size)], dtype="str"),
            "period": ["2025-Q4"] * size,
            "period_index": [2025 * 4 + 3] * size,
            "value": [float(i) if i % 4 else np.nan for i in range(size)],
            "numerator": np.nan,
            "denominator": 5.0,
            "note": pd.Series([None] * (size - 1) + ["ghi chú"], dtype="str"),
            "revision": 1,
            "source_row": pd.Series(range(size), dtype="Int64").where(lambda s: s != 3),
        }
    )
    old_chunk = bulk.CHUNK
    bulk.CHUNK = 7
    try:
        chunked = [tuple(r) for g in bulk._chunks(frame, ("p",), None) for r in g.tolist()]
    finally:
        bulk.CHUNK = old_chunk
    assert chunked == row_tuples(frame, ("p",))
    assert chunked[3][-2] is None and chunked[0][4] is None and chunked[-1][0] is None
    assert all(type(r[3]) is int and type(r[-2]) in (int, type(None)) for r in chunked)
