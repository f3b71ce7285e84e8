"""Statuses as plain records: the JSON contract of `kpi status`, shared by reports."""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
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


def status_json(statuses: pd.DataFrame) -> str:
    """Exactly `json.dumps(status_records(statuses), ensure_ascii=False, indent=2)`, built
    column by column: at national scale the standard encoder with `indent` spends seconds
    walking dicts in Python, while this encodes each column once."""
    if statuses.empty:
        return "[]"
    columns = [_encoded(key, statuses[key]) for key in CONTRACT_COLUMNS]
    items = ["  {\n" + ",\n".join(parts) + "\n  }" for parts in zip(*columns, strict=True)]
    return "[\n" + ",\n".join(items) + "\n]"


def _encoded(key: str, column: pd.Series) -> list[str]:
    """`"key": value` for every row; float and bool columns without a call per value."""
    prefix = f"    {encode_basestring(key)}: "
    kind = column.dtype.kind
    if kind == "f":
        values = column.to_numpy(dtype=float).tolist()
        return [prefix + ("null" if math.isnan(v) else _number(round(v, DIGITS))) for v in values]
    if kind == "b":
        return [prefix + ("true" if v else "false") for v in column.to_numpy().tolist()]
    values = column.tolist()
    if all(type(v) is str for v in values):  # text columns: the C string encoder only
        return [prefix + encode_basestring(v) for v in values]
    if all(type(v) is list for v in values):  # coverage lists of unit codes
        return [prefix + _value([str(u) for u in v]) for v in values]
    return [prefix + _value(_clean(v)) for v in values]


def _number(value: float) -> str:
    # float.__repr__ is what the standard encoder writes, but for the infinities
    return repr(value) if -math.inf < value < math.inf else json.dumps(value)


def _value(value: Any) -> str:
    """One cleaned value as the standard encoder writes it at depth 2 with indent=2."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = ",\n".join("      " + _value(v) for v in value)
        return "[\n" + inner + "\n    ]"
    return json.dumps(value)  # int and float: the same repr as the standard encoder
