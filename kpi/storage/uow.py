"""The unit of work over SQLAlchemy: one session, one transaction, every repository.

The session comes from `Storage.write`, so on SQLite the transaction begins with
`BEGIN IMMEDIATE` (kpi.storage.engine): the write lock is taken before the first
read and a read that upgrades cannot fail with SQLITE_BUSY. Nothing is written
until `commit()`; leaving the block without it rolls back.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from kpi.storage.access import SqlUsers
from kpi.storage.api import SqlTokens
from kpi.storage.cycle import SqlApprovals, SqlLocks
from kpi.storage.repository import SqlAuditLog, SqlUnits
from kpi.storage.tasks import SqlTaskReports
from kpi.storage.writes import SqlUploads


class SqlUnitOfWork:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._session

    def __enter__(self) -> Self:
        self._session = session = self._sessions()
        self.audit = SqlAuditLog(session)
        self.units = SqlUnits(session)
        self.uploads = SqlUploads(session)
        self.users = SqlUsers(session)
        self.approvals = SqlApprovals(session)
        self.locks = SqlLocks(session)
        self.tokens = SqlTokens(session)
        self.task_reports = SqlTaskReports(session)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()  # a no-op after commit()
        finally:
            self.session.close()
            self._session = None

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
