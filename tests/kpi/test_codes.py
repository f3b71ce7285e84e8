"""Factorizing a column once: the answer is always pandas' own, never a stale one."""

from __future__ import annotations

import gc

import numpy as np
import pandas as pd
import pytest

from kpi import codes
from kpi.codes import factorize


@pytest.mark.parametrize("dtype", ["str", "string[pyarrow]", object, "category"])
def test_the_same_answer_as_pandas(dtype: str) -> None:
    column = pd.Series(["b", None, "a", "b", "", "a"], dtype=dtype)
    found, uniques = factorize(column)
    expected, expected_uniques = pd.factorize(column)
    assert found.tolist() == expected.tolist()
    assert list(uniques) == list(expected_uniques)


def test_a_column_is_factorized_once_through_copies_and_selections() -> None:
    frame = pd.DataFrame({"unit_code": pd.Series(["VPB", "T01"] * 50, dtype="str"), "x": 1.0})
    first = factorize(frame["unit_code"])
    again = factorize(frame.copy().reset_index(drop=True)[["unit_code"]]["unit_code"])
    assert again[0] is first[0] and again[1] is first[1]
    with pytest.raises(ValueError, match="read-only"):
        first[0][0] = 5  # shared codes cannot be spoiled by one caller


def test_changed_cells_are_factorized_afresh() -> None:
    frame = pd.DataFrame({"unit_code": pd.Series(["VPB", "T01", "VPB"], dtype="str")})
    factorize(frame["unit_code"])
    frame.loc[frame["unit_code"] == "VPB", "unit_code"] = "T02"
    found, uniques = factorize(frame["unit_code"])
    assert found.tolist() == [0, 1, 0] and list(uniques) == ["T02", "T01"]
    sliced = frame["unit_code"].iloc[1:]
    assert factorize(sliced)[0].tolist() == [0, 1]


def test_codes_go_with_their_column() -> None:
    column = pd.Series([f"u{i}" for i in range(1000)], dtype="str")
    factorize(column)
    kept = len(codes._KEPT)
    del column
    gc.collect()
    assert len(codes._KEPT) < kept


def test_numbers_and_objects_are_not_kept() -> None:
    kept = len(codes._KEPT)
    found, _ = factorize(pd.Series([1.5, np.nan, 1.5]))
    assert found.tolist() == [0, -1, 0]
    assert len(codes._KEPT) == kept
