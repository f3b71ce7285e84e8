"""`pd.factorize` of a column, computed once per column's data.

One upload's text columns (indicator, unit, quarter, note) are factorized by the reader,
each schema check, the duplicate check, the fingerprint, the jump check, the lock
check and the write: about thirty passes over a million strings. Arrow-backed columns
hold immutable data that survives copies, `reset_index` and column selection as the
same object, so the codes are kept beside that object (weakly: they go when it goes)
and each later call is free. The answer is exactly `pd.factorize(series)`'s; the
arrays handed out are read-only, so no caller can spoil another's.
"""

from __future__ import annotations

import threading
import weakref
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

_LOCK = threading.RLock()  # a weak callback may run inside the lock (the collector)
_KEPT: dict[int, tuple[weakref.ref[Any], np.ndarray, pd.Index]] = {}


def _data(series: pd.Series) -> Any:
    """The column's immutable Arrow data, when it has one (None otherwise)."""
    return getattr(series.array, "_pa_array", None)


def factorize(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """(codes, uniques) as `pd.factorize(series)` gives them: first-seen order, -1 for NA."""
    data = _data(series)
    if data is None:
        return pd.factorize(series)
    key = id(data)
    with _LOCK:
        kept = _KEPT.get(key)
    if kept is not None and kept[0]() is data:
        return kept[1], kept[2]
    codes, uniques = pd.factorize(series)
    codes.setflags(write=False)
    try:
        ref = weakref.ref(data, partial(_forget, key))
    except TypeError:  # no weak reference to this kind of data: nothing is kept
        return codes, uniques
    with _LOCK:
        _KEPT[key] = (ref, codes, uniques)
    return codes, uniques


def _forget(key: int, _: object = None) -> None:
    with _LOCK:
        kept = _KEPT.get(key)
        if kept is not None and kept[0]() is None:
            del _KEPT[key]
