"""Engine, sessions and migrations. Nothing here runs at import time."""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kpi.messages import Explained, say
from kpi.storage.output_cache import OutputCache, cache_beside

if TYPE_CHECKING:
    from kpi.storage.uow import SqlUnitOfWork

log = logging.getLogger(__name__)
T = TypeVar("T")
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
REVISION_LINE = re.compile(r"""^revision(?:: str)? = ["']([^"']+)["']""", re.MULTILINE)
WRITE_OPTION = "kpi_write"
BOOKKEEPING_OPTION = "kpi_bookkeeping"  # a write that leaves the kept outputs alone
CHANGES = "kpi_total_changes"  # the connection's row-change count when its transaction began
RETRYABLE_PG_CODES = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock not available


class StorageBusyError(Explained, RuntimeError):
    """The database stayed busy or locked after every retry."""


class CommitError(RuntimeError):
    """The database refused the commit (not a busy retry); nothing was written."""


@dataclass(frozen=True)
class Storage:
    """One engine and its two session factories: reads, and writes that lock early."""

    engine: Engine
    read: sessionmaker[Session]
    write: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.read() as session:
            yield session

    @contextmanager
    def writing(self, *, bookkeeping: bool = False) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error. `bookkeeping`
        (a token's last use, a logged API call) writes nothing any output is made from,
        so the kept outputs stay (`output_cache`)."""
        if bookkeeping:
            options = {WRITE_OPTION: True, BOOKKEEPING_OPTION: True}
            session = self.write(bind=self.engine.execution_options(**options))
        else:
            session = self.write()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def unit_of_work(self) -> SqlUnitOfWork:
        """One write transaction for a service's writes (kpi.services.ports)."""
        from kpi.storage.uow import SqlUnitOfWork  # the repositories import this module

        return SqlUnitOfWork(self.write)

    def attempt(self, work: Callable[[], T]) -> T:
        """Run a whole unit of work, again while busy; a refusal becomes CommitError,
        told as a message by the service, never as SQL text."""
        try:
            return retrying(work)
        except SQLAlchemyError as exc:
            log.warning("commit failed: %s", type(exc).__name__)
            raise CommitError(type(exc).__name__) from exc

    def dispose(self) -> None:
        self.engine.dispose()

    def output_cache(self) -> OutputCache | None:
        """Finished outputs beside a SQLite file (emptied by every commit that wrote)."""
        return cache_beside(self.engine.url.database) if self.dialect == "sqlite" else None


def _sqlite_listeners(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock up front: a read that upgrades can fail with SQLITE_BUSY.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
        conn.info[CHANGES] = _changes(conn)

    cache = cache_beside(engine.url.database)
    if cache is not None:

        @event.listens_for(engine, "commit")
        def _on_commit(conn: Any) -> None:
            # sqlite3 counts every row changed, the driver's own executemany included: a
            # commit that changed one empties the outputs made from the data before it.
            if conn.get_execution_options().get(BOOKKEEPING_OPTION, False):
                return
            if _changes(conn) != conn.info.get(CHANGES):
                cache.clear()


def _changes(conn: Any) -> int:
    """Rows inserted, updated or deleted on this connection since it opened."""
    return int(conn.connection.dbapi_connection.total_changes)


def _log_sqlite_version() -> None:
    version = tuple(int(p) for p in sqlite3.sqlite_version.split("."))
    if (3, 7, 0) <= version < (3, 51, 3):
        # WAL-reset corruption bug fixed in 3.51.3; rare, needs concurrent checkpoints.
        log.info("SQLite %s predates the 3.51.3 WAL fix", sqlite3.sqlite_version)
    else:
        log.info("SQLite %s", sqlite3.sqlite_version)


def _normalise_url(url: str) -> str:
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername.startswith("sqlite") and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return parsed.render_as_string(hide_password=False)


def open_storage(url: str, *, upgrade: bool = True, echo: bool = False) -> Storage:
    """Build the engine once (in the shell) and, by default, migrate to head."""
    url = _normalise_url(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if url.startswith("postgresql"):
        kwargs.update(pool_pre_ping=True, pool_size=5, max_overflow=5)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _sqlite_listeners(engine)
        _log_sqlite_version()
    writer = engine.execution_options(**{WRITE_OPTION: True})
    storage = Storage(
        engine=engine,
        read=sessionmaker(engine, expire_on_commit=False),
        write=sessionmaker(writer, expire_on_commit=False),
    )
    if upgrade:
        upgrade_to_head(storage)
    return storage


def alembic_config(storage: Storage) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = storage.engine
    return config


def head_revision() -> str:
    """The revision of the newest migration file (they are numbered in order; a test holds
    this equal to Alembic's own head), read without starting Alembic."""
    newest = max((MIGRATIONS / "versions").glob("[0-9]*.py"))
    found = REVISION_LINE.search(newest.read_text(encoding="utf-8"))
    if found is None:
        raise RuntimeError(f"no revision line in {newest.name}")
    return found.group(1)


def stored_revision(storage: Storage) -> str | None:
    """The revision the database is at; None before its first migration."""
    try:
        with storage.engine.connect() as connection:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no version table yet
        return None
    return found[0][0] if len(found) == 1 else None


def upgrade_to_head(storage: Storage) -> None:
    """Migrate to head; a database already there costs one query, not Alembic's start."""
    if stored_revision(storage) == head_revision():
        return
    from alembic import command

    command.upgrade(alembic_config(storage), "head")


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower() if exc.orig else str(exc).lower()
        if "locked" in text or "busy" in text:
            return True
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return getattr(exc.orig, "sqlstate", None) in RETRYABLE_PG_CODES
    return False


def retrying(work: Callable[[], T], attempts: int = 5, base_delay: float = 0.2) -> T:
    """Run a whole unit of work again when the database is busy; then give up clearly."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except DBAPIError as exc:
            if not is_retryable(exc):
                raise
            if attempt == attempts:
                log.warning("database still busy after %d attempts: %s", attempts, exc)
                raise StorageBusyError(say("svc.db_busy", attempts=attempts)) from exc
            log.debug("database busy (attempt %d/%d): %s", attempt, attempts, exc)  # silent
            time.sleep(base_delay * 2 ** (attempt - 1))
    raise AssertionError("unreachable")
