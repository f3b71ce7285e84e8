"""Columnar reads (ADBC in a child process on SQLite): the same frame as `read_frame`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select, text

from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.services.demo import load_demo
from kpi.storage import CurrentValue, Storage, open_storage
from kpi.storage.columnar import ColumnarReadError, columnar_frame, current_columns
from kpi.storage.frames import read_frame
from kpi.storage.repository import CURRENT_DTYPES, READ_COLUMNS, current_frame

TODAY = dt.date(2025, 11, 20)
KEY = ["indicator_code", "unit_code", "period_index"]
INSERT = (
    "INSERT INTO current_values (indicator_code, unit_code, period, period_index, value, "
    "numerator, denominator, revision, is_demo) "
    "VALUES (:i, :u, :p, :pi, :v, :n, :d, 1, false)"
)


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(KEY).reset_index(drop=True)


def test_the_same_frame_as_the_row_read(storage: Storage, catalogue: Catalogue) -> None:
    load_demo(storage, catalogue, today=TODAY)
    dtypes = {c: CURRENT_DTYPES[c] for c in READ_COLUMNS}
    query = select(*[getattr(CurrentValue, c) for c in READ_COLUMNS])
    fast = columnar_frame(storage, query, dtypes, min_bytes=0)
    assert len(fast) > 0 and list(fast.columns) == READ_COLUMNS
    pd.testing.assert_frame_equal(_sorted(fast), _sorted(read_frame(storage, query, dtypes)))
    cut, units = Quarter(2024, 4).index, ["VPB", "CNCC"]
    columns = ["indicator_code", "unit_code", "period_index", "value", "numerator"]
    some = current_columns(storage, columns, as_of_index=cut, unit_codes=units, min_bytes=0)
    expected = current_frame(storage, as_of_index=cut, unit_codes=units, columns=columns)
    assert len(some) == len(expected) > 0
    pd.testing.assert_frame_equal(_sorted(some), _sorted(expected))  # in-lists and bounds
    assert pd.api.types.is_string_dtype(some["unit_code"])
    high = query.where(CurrentValue.value > 55.5, CurrentValue.unit_code == "VPB")  # a float
    expected = read_frame(storage, high, dtypes)
    assert 0 < len(expected) < len(fast)
    pd.testing.assert_frame_equal(
        _sorted(columnar_frame(storage, high, dtypes, min_bytes=0)), _sorted(expected)
    )


def test_an_empty_result_keeps_the_dtypes(storage: Storage) -> None:
    columns = ["indicator_code", "unit_code", "period_index", "value", "numerator"]
    empty = current_columns(storage, columns, as_of_index=0, min_bytes=0)
    assert empty.empty and list(empty.columns) == columns
    assert [str(t) for t in empty.dtypes] == [str(pd.Series(dtype="str").dtype)] * 2 + [
        "int64",
        "float64",
        "float64",
    ]


def test_counts_null_for_a_long_first_stretch_read_as_numbers(storage: Storage) -> None:
    """The driver types a column from its first batch: NULL numerators over many rows,
    then counts, still come back as floats (one batch holds the whole result)."""
    rows = [
        {"i": "1.1", "u": u, "p": str(Quarter.from_index(q)), "pi": q, "v": 50.0}
        | {"n": None, "d": None}
        for u in ("VPB", "CNCC", "VCCVC", "VCCHC", "CVTLT", "TTCNTT")
        for q in range(7600, 7600 + 250)
    ]
    rows += [{"i": "1.2", "u": "VPB", "p": "2025-Q1", "pi": 8100, "v": 40.0, "n": 4.0, "d": 10.0}]
    with storage.engine.begin() as conn:
        conn.execute(text(INSERT), rows)
    frame = current_columns(storage, ["indicator_code", "period_index", "numerator"], min_bytes=0)
    assert frame["numerator"].dtype == "float64"
    assert frame["numerator"].isna().sum() == 1500
    assert frame["numerator"].max() == 4.0


def test_a_failed_read_says_why(sqlite_storage: Storage) -> None:
    query = select(CurrentValue.value).where(text("no_such_column > 0"))
    with pytest.raises(ColumnarReadError, match="no_such_column"):
        columnar_frame(sqlite_storage, query, {"value": "float64"}, min_bytes=0)


def test_a_file_name_with_uri_characters(tmp_path: Path, sqlite_template: Path) -> None:
    path = tmp_path / "kpi #1 %.db"  # "#" and "%" mean something in a file: URI
    shutil.copy(sqlite_template, path)
    store = open_storage(f"sqlite:///{path}")
    assert store.engine.url.database == str(path)
    row = {"i": "1.1", "u": "VPB", "p": "2025-Q1", "pi": 8100, "v": 40.0, "n": 4.0, "d": 10.0}
    with store.engine.begin() as conn:
        conn.execute(text(INSERT), [row])
    frame = current_columns(store, ["unit_code", "value"], min_bytes=0)
    assert frame["unit_code"].tolist() == ["VPB"] and frame["value"].tolist() == [40.0]
    store.dispose()


def test_a_small_file_is_read_in_process(
    sqlite_storage: Storage, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(sqlite_storage, catalogue, today=TODAY)

    def no_child(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a reader process for a small database")

    monkeypatch.setattr("kpi.storage.columnar.subprocess.Popen", no_child)
    columns = ["indicator_code", "unit_code", "period_index", "value"]
    small = current_columns(sqlite_storage, columns)
    assert len(small) > 0
    expected = current_frame(sqlite_storage, columns=columns)
    pd.testing.assert_frame_equal(_sorted(small), _sorted(expected))
