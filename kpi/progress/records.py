"""Statuses as plain records: the JSON contract of `kpi status`, shared by reports."""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any

import numpy as np
import pandas as pd

from kpi.progress.frame import CONTRACT_COLUMNS

DIGITS = 4
SCALE = 10.0**DIGITS


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
    walking dicts in Python, while this encodes each column once (numbers by numpy) and
    lays out each object with one format call."""
    return json_array([status_objects(statuses)])


def status_objects(statuses: pd.DataFrame) -> str:
    """The objects of `status_json`, joined by ",\n" without the brackets ("" for none):
    parts of one array can be encoded apart (`json_array` joins them)."""
    if statuses.empty:
        return ""
    keys = ",\n".join(f"    {encode_basestring(k)}: %s" for k in CONTRACT_COLUMNS)
    template = "  {\n" + keys + "\n  }"  # the contract's keys hold no "%"
    columns = [_encoded(statuses[key]) for key in CONTRACT_COLUMNS]
    return ",\n".join([template % row for row in zip(*columns, strict=True)])


def json_array(parts: list[str]) -> str:
    """One indented array of the objects of `parts` (from `status_objects`), in order."""
    filled = [p for p in parts if p]
    return "[\n" + ",\n".join(filled) + "\n]" if filled else "[]"


def _encoded(column: pd.Series) -> list[str]:
    """Each value of a column as the standard encoder writes it at depth 2, indent 2."""
    kind = column.dtype.kind
    if kind == "f":
        return float_texts(column.to_numpy(dtype=float))
    if kind == "b":
        return np.where(column.to_numpy(), "true", "false").tolist()
    values = column.tolist()
    if all(type(v) is str for v in values):  # text columns: the C string encoder only
        cache: dict[str, str] = {}
        return [cache.get(v) or cache.setdefault(v, encode_basestring(v)) for v in values]
    if all(type(v) is list for v in values):  # coverage lists of unit codes, often alike
        lists: dict[tuple[object, ...], str] = {}
        out = []
        for v in values:
            key = tuple(v)
            text = lists.get(key)
            if text is None:
                text = lists[key] = _value([str(u) for u in v])
            out.append(text)
        return out
    return [_value(_clean(v)) for v in values]


def float_texts(values: np.ndarray) -> list[str]:
    """`repr(round(v, 4))` for every value ("null" for NaN) without a call per value.

    With k = rint(v · 10⁴): numpy's k equals the correctly rounded one of `round` except
    where v · 10⁴ lies within an ulp of a half, and for |k| < 10¹⁵ (15 digits or fewer)
    the shortest text that reads back as k / 10⁴ is k's digits with a point and without
    trailing zeros. Halves, huge values and infinities go through `round` itself."""
    if not len(values):
        return []
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = values * SCALE
        whole = np.rint(scaled)
        near_half = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) <= 2 * np.spacing(
            np.abs(scaled)
        )
        slow = near_half | ~(np.abs(whole) < 1e15)
    digits = np.abs(np.where(slow, 0.0, whole)).astype(np.int64)
    head, tail = digits // int(SCALE), digits % int(SCALE)
    decimals = np.strings.rstrip(np.strings.zfill(tail.astype(str), DIGITS), "0")
    decimals = np.where(tail == 0, "0", decimals)
    sign = np.where(np.signbit(whole), "-", "")
    out = np.strings.add(np.strings.add(sign, head.astype(str)), np.strings.add(".", decimals))
    texts = out.tolist()
    for at in np.flatnonzero(slow).tolist():
        value = float(values[at])
        texts[at] = "null" if math.isnan(value) else _number(round(value, DIGITS))
    return texts


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
