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
