"""Statuses as plain records: the JSON contract of `kpi status`, shared by reports."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from kpi.progress.frame import CONTRACT_COLUMNS

DIGITS = 4


def _clean(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if value is None or value is pd.NA:
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, DIGITS)
    return value


def status_records(statuses: pd.DataFrame) -> list[dict[str, Any]]:
    """One dict per series with exactly the contract keys, floats rounded, NaN as None."""
    return [
        {key: _clean(row[key]) for key in CONTRACT_COLUMNS}
        for row in statuses[CONTRACT_COLUMNS].to_dict("records")
    ]
