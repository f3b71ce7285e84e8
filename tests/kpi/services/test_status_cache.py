"""The kept text of `--unit all` (beside a SQLite file): served until a commit changes a
row, keyed by the data and every argument, and always the text computed afresh."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.services.demo import load_demo
from kpi.services.status_text import every_scope_json
from kpi.storage import Storage
from kpi.storage.api import log_call
from kpi.storage.repository import sync_catalogue, upsert_units
from kpi.units import Unit

TODAY = dt.date(2025, 11, 20)
AS_OF = Quarter(2025, 4)


def _kept(storage: Storage) -> list[Path]:
    cache = storage.output_cache()
    assert cache is not None
    return sorted(cache.folder.glob("*.out")) if cache.folder.is_dir() else []


def _fresh(storage: Storage, catalogue: Catalogue, **options: object) -> str:
    return every_scope_json(storage, catalogue, as_of=AS_OF, cache=False, **options)  # type: ignore[arg-type]


def test_kept_text_is_the_computed_text(sqlite_storage: Storage, catalogue: Catalogue) -> None:
    load_demo(sqlite_storage, catalogue, today=TODAY)
    first = every_scope_json(sqlite_storage, catalogue, as_of=AS_OF)
    kept = _kept(sqlite_storage)
    assert len(kept) == 1 and kept[0].read_bytes().decode() == first
    assert first == _fresh(sqlite_storage, catalogue)
    assert every_scope_json(sqlite_storage, catalogue, as_of=AS_OF) == first  # from the file
    english = every_scope_json(sqlite_storage, catalogue, as_of=AS_OF, lang="en")
    assert english == _fresh(sqlite_storage, catalogue, lang="en") != first
    day = dt.date(2020, 1, 1)
    known = every_scope_json(sqlite_storage, catalogue, as_of=AS_OF, known_on=day)
    assert known == _fresh(sqlite_storage, catalogue, known_on=day) != first
    assert len(_kept(sqlite_storage)) == 3  # one per language and known-on day


def test_a_commit_that_changes_a_row_empties_it(
    sqlite_storage: Storage, catalogue: Catalogue
) -> None:
    empty = every_scope_json(sqlite_storage, catalogue, as_of=AS_OF)
    assert _kept(sqlite_storage)
    assert sync_catalogue(sqlite_storage, catalogue) == 0  # a write that changed nothing
    call = {"method": "GET", "path": "/status", "query": "", "status": 200, "duration_ms": 5}
    log_call(sqlite_storage, call)  # bookkeeping: the API logs every call it serves
    assert _kept(sqlite_storage)
    load_demo(sqlite_storage, catalogue, today=TODAY)
    assert not _kept(sqlite_storage)
    loaded = every_scope_json(sqlite_storage, catalogue, as_of=AS_OF)
    assert loaded == _fresh(sqlite_storage, catalogue) != empty
    upsert_units(sqlite_storage, [Unit("XTEST", "Đơn vị thử", "BNV")])
    assert not _kept(sqlite_storage)


def test_a_change_written_past_the_engine_is_never_served_stale(
    sqlite_storage: Storage, catalogue: Catalogue
) -> None:
    load_demo(sqlite_storage, catalogue, today=TODAY)
    before = every_scope_json(sqlite_storage, catalogue, as_of=AS_OF)
    database = sqlite_storage.engine.url.database
    assert database is not None
    with sqlite3.connect(database) as raw:  # another program: the folder is not emptied
        raw.execute("UPDATE current_values SET value = value / 2")
        raw.execute(
            "INSERT INTO audit_log (at, actor, action, outcome) "
            "VALUES ('2025-11-20 00:00:00', 'test', 'raw.edit', 'ok')"
        )
    raw.close()
    assert _kept(sqlite_storage)
    after = every_scope_json(sqlite_storage, catalogue, as_of=AS_OF)
    assert after == _fresh(sqlite_storage, catalogue) != before
