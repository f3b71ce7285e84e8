"""What the services need from storage: a unit of work and the repositories it holds.

A service opens one unit of work, makes every write of its use case through the
repositories, then commits once: the writes land together or not at all. Leaving
the `with` block without `commit()` rolls everything back.

    with store.unit_of_work() as uow:
        uow.approvals.add(unit, period, approved_by=actor)
        uow.audit.add(actor, "approval.approve", unit_code=unit, detail=...)
        uow.commit()

`kpi.storage.uow.SqlUnitOfWork` implements this over one SQLAlchemy session (on
SQLite a `BEGIN IMMEDIATE` transaction); `tests/kpi/services/fakes.py` in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from types import TracebackType
from typing import Any, Protocol, Self, TypeVar

import pandas as pd

from kpi.task_reports import ReportDraft
from kpi.units import UnitRegistry
from kpi.uploads import RowCounts, UploadMeta

T = TypeVar("T")
Progress = Callable[[float], None]
Pair = tuple[str, str]  # (unit_code, period)


class AuditLog(Protocol):
    def add(
        self,
        actor: str,
        action: str,
        outcome: str = "ok",
        *,
        upload_id: int | None = None,
        unit_code: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None: ...


class Units(Protocol):
    def registry(self) -> UnitRegistry: ...


class Uploads(Protocol):
    def lock_commits(self) -> None:
        """Hold the commit lock until the unit of work ends: one upload commit at a time."""

    def current(self, periods: Sequence[str]) -> pd.DataFrame:
        """Current figures of these quarters, with `kpi.uploads.STORED_COLUMNS`."""

    def committed_with(self, content_hash: str) -> int | None:
        """A committed upload with this content fingerprint."""

    def has_legacy_fingerprints(self) -> bool:
        """Whether a committed upload carries a first-form fingerprint."""

    def add(self, actor: str, meta: UploadMeta, outcome: str, counts: RowCounts) -> int:
        """Record an attempt (its file kept once per SHA-256); returns its id."""

    def write_rows(
        self,
        frame: pd.DataFrame,
        *,
        upload_id: int,
        actor: str,
        is_demo: bool,
        progress: Progress | None = None,
    ) -> None:
        """New revisions (the frame's `revision`) and current values of one upload."""


class Users(Protocol):
    def save(self, email: str, role: str, sub: str | None, unit_codes: Sequence[str]) -> str | None:
        """Create or update a user and replace its units; returns the role it had."""

    def remove(self, email: str) -> str | None:
        """Delete a user with its units; returns its role, None when there was none."""


class Approvals(Protocol):
    def figures(self, unit_code: str, period: str) -> int: ...

    def get(self, unit_code: str, period: str) -> tuple[str, dt.datetime] | None:
        """(approved_by, approved_at) of a sign-off, or None."""

    def add(self, unit_code: str, period: str, approved_by: str) -> None: ...

    def remove(self, unit_code: str, period: str) -> None: ...

    def approved(self, periods: Collection[str]) -> set[Pair]:
        """Signed-off (unit, quarter) pairs among these quarters."""


class Locks(Protocol):
    def open(
        self, unit_code: str, period: str, until: dt.date, reason: str, opened_by: str
    ) -> int: ...

    def opened(self, periods: Collection[str], today: dt.date) -> set[Pair]:
        """(unit, quarter) pairs with an exception still open today."""


class Tokens(Protocol):
    def exists(self, name: str) -> bool: ...

    def add(self, name: str, token_hash: str, scope: str, created_by: str) -> None: ...

    def revoke(self, name: str) -> bool:
        """Mark the live token of that name revoked; False when there is none."""


class TaskReports(Protocol):
    def add(self, draft: ReportDraft, actor: str, unit_code: str | None) -> None: ...

    def check_open(self, pairs: Iterable[Pair]) -> None:
        """Raise HalfYearSignedOff for (unit, half-year) pairs whose sign-off stands."""


class UnitOfWork(Protocol):
    @property
    def audit(self) -> AuditLog: ...
    @property
    def units(self) -> Units: ...
    @property
    def uploads(self) -> Uploads: ...
    @property
    def users(self) -> Users: ...
    @property
    def approvals(self) -> Approvals: ...
    @property
    def locks(self) -> Locks: ...
    @property
    def tokens(self) -> Tokens: ...
    @property
    def task_reports(self) -> TaskReports: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed, and release the connection."""

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class Store(Protocol):
    """Where units of work come from: `kpi.storage.Storage`, or a fake in tests."""

    def unit_of_work(self) -> UnitOfWork: ...

    def attempt(self, work: Callable[[], T]) -> T:
        """Run a whole unit of work, again while the database is busy; raises
        StorageBusyError after the last try and CommitError when the database refuses."""
