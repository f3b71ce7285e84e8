"""The finished text of `kpi status --unit all --format json`, kept beside a SQLite
database: national scale takes seconds to compute and is read by the command and the
API again and again between two commits.

The key holds everything the text is made from: the data version (the last revision
and audit entry), the unit tree and the obligations in force, the arguments (as-of
quarter, known-on day, language) and the code (each file of the `kpi` package by size
and modification time, and the numpy, pandas and Python versions). Besides, every
commit that changed a row empties the cache (`kpi.storage.output_cache`).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from kpi.obligations import Obligation
from kpi.periods import Quarter
from kpi.storage import Storage
from kpi.storage.repository import data_version
from kpi.units import UnitRegistry

TAG = "status-all-json/1"  # bump when the text's form changes without a code change here
PACKAGE = Path(__file__).resolve().parents[1]


@functools.cache
def code_version() -> str:
    """Every file of the package by path, size and modification time (a few ms)."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    stamps = [(str(p.relative_to(PACKAGE)), p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    return json.dumps([sys.version, np.__version__, pd.__version__, stamps])


def status_key(
    storage: Storage,
    registry: UnitRegistry,
    rules: Sequence[Obligation],
    *,
    as_of: Quarter,
    known_on: dt.date | None,
    lang: str,
) -> str:
    units = [(u.code, u.parent, u.name) for u in registry]
    owed = [repr(o) for o in rules]
    day = known_on.isoformat() if known_on else None
    parts = [TAG, data_version(storage), str(as_of), day, lang, units, owed, code_version()]
    return json.dumps(parts, ensure_ascii=False)


def cached_text(
    key: Callable[[], str], storage: Storage, make: Callable[[], list[bytes]]
) -> list[bytes]:
    """The stored text for `key()`, else `make()`'s pieces, stored when the key still
    holds afterwards (a commit during the work leaves nothing behind)."""
    cache = storage.output_cache()
    if cache is None:
        return make()
    before = key()
    found = cache.get(before)
    if found is not None:
        return [found]
    chunks = make()
    if key() == before:
        cache.put(before, chunks)
        cache.prune()
    return chunks
