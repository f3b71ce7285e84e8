"""The distinct (unit, quarter) pairs the lock checks decide, found on shared codes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kpi.services.locks import _pairs, _sorted_codes


@pytest.mark.parametrize("dtype", ["str", object])
def test_sorted_codes_are_pandas_sorted_factorize(dtype: str) -> None:
    column = pd.Series(["T02", "BNV", None, "T02", "Ă", "a"], dtype=dtype)
    codes, names = _sorted_codes(column)
    expected, expected_names = pd.factorize(column, sort=True)
    assert codes.tolist() == expected.tolist()
    assert names.tolist() == list(expected_names)


def test_pairs_are_distinct_and_sorted() -> None:
    rng = np.random.default_rng(2)
    frame = pd.DataFrame(
        {
            "unit_code": pd.Series(rng.choice(["T2", "T10", "BNV"], 200), dtype="str"),
            "period": pd.Series(rng.choice(["2026-Q1", "2025-Q4"], 200), dtype="str"),
        }
    )
    expected = sorted(set(zip(frame["unit_code"], frame["period"], strict=True)))
    assert _pairs(frame) == expected
