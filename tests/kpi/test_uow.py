"""The SQLAlchemy unit of work: one transaction for every repository, nothing kept
without commit(), and SQLite's write lock taken up front."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from kpi.storage import AuditEntry, CommitError, Storage
from kpi.storage.api import ApiToken


def counts(storage: Storage) -> tuple[int, int]:
    with storage.reading() as session:
        tokens = session.scalar(select(func.count()).select_from(ApiToken)) or 0
        audits = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return int(tokens), int(audits)


def test_writes_commit_together(storage: Storage) -> None:
    before = counts(storage)
    with storage.unit_of_work() as uow:
        uow.tokens.add("portal", "0" * 64, "read", created_by="admin")
        uow.audit.add("admin", "api.token.add", detail={"name": "portal"})
        uow.commit()
    assert counts(storage) == (before[0] + 1, before[1] + 1)


def test_nothing_is_kept_without_commit_or_after_an_error(storage: Storage) -> None:
    before = counts(storage)
    with storage.unit_of_work() as uow:
        uow.tokens.add("left", "1" * 64, "read", created_by="admin")
        uow.audit.add("admin", "api.token.add")
    with pytest.raises(RuntimeError), storage.unit_of_work() as uow:
        uow.tokens.add("failed", "2" * 64, "read", created_by="admin")
        uow.audit.add("admin", "api.token.add")
        raise RuntimeError("boom")
    assert counts(storage) == before


def test_sqlite_takes_the_write_lock_before_the_first_read(sqlite_storage: Storage) -> None:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(sqlite_storage.engine, "before_cursor_execute", record)
    with sqlite_storage.unit_of_work() as uow:
        uow.tokens.exists("portal")
    event.remove(sqlite_storage.engine, "before_cursor_execute", record)
    assert seen[0] == "BEGIN IMMEDIATE" and seen[1].startswith("SELECT")


def test_attempt_retries_a_busy_database_and_tells_a_refusal_as_commit_error(
    sqlite_storage: Storage,
) -> None:
    calls: list[int] = []

    def busy_once() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
        return "written"

    assert sqlite_storage.attempt(busy_once) == "written" and len(calls) == 2

    def refused() -> None:
        raise IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))

    with pytest.raises(CommitError, match=r"^IntegrityError$"):
        sqlite_storage.attempt(refused)
