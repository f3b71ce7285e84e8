"""An in-memory unit of work: the services' writes with no database.

`FakeStore` keeps the committed state; each unit of work works on a copy and
replaces the state only on `commit()`, so a failure midway leaves nothing behind,
as a database transaction would.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self, TypeVar

import pandas as pd

from kpi.storage.task_signoffs import HalfYearSignedOff
from kpi.task_reports import ReportDraft
from kpi.units import UnitRegistry, load_default_units
from kpi.uploads import STORED_COLUMNS, RowCounts, UploadMeta

T = TypeVar("T")
Key = tuple[str, str, str]  # (indicator_code, unit_code, period)


@dataclass
class State:
    units: UnitRegistry = field(default_factory=lambda: UnitRegistry(load_default_units()))
    uploads: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    current: dict[Key, dict[str, Any]] = field(default_factory=dict)
    revisions: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    approvals: dict[tuple[str, str], tuple[str, dt.datetime]] = field(default_factory=dict)
    locks: list[dict[str, Any]] = field(default_factory=list)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)
    task_reports: list[dict[str, Any]] = field(default_factory=list)
    task_signoffs: set[tuple[str, str]] = field(default_factory=set)

    def actions(self) -> list[str]:
        return [entry["action"] for entry in self.audit]


class FakeAuditLog:
    def __init__(self, state: State) -> None:
        self.state = state

    def add(
        self,
        actor: str,
        action: str,
        outcome: str = "ok",
        *,
        upload_id: int | None = None,
        unit_code: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        entry = {"actor": actor, "action": action, "outcome": outcome, "upload_id": upload_id}
        self.state.audit.append({**entry, "unit_code": unit_code, "detail": detail})


class FakeUnits:
    def __init__(self, state: State) -> None:
        self.state = state

    def registry(self) -> UnitRegistry:
        return self.state.units


class FakeUploads:
    def __init__(self, state: State, fail_writes: bool) -> None:
        self.state = state
        self.fail_writes = fail_writes
        self.locked = False

    def lock_commits(self) -> None:
        self.locked = True

    def current(self, periods: Sequence[str]) -> pd.DataFrame:
        rows = [
            {"indicator_code": k[0], "unit_code": k[1], "period": k[2], **v}
            for k, v in self.state.current.items()
            if k[2] in set(periods)
        ]
        return pd.DataFrame(rows, columns=STORED_COLUMNS)

    def committed_with(self, content_hash: str) -> int | None:
        found = [
            u["id"]
            for u in self.state.uploads
            if u["outcome"] == "committed" and u["content_hash"] == content_hash
        ]
        return found[0] if found else None

    def has_legacy_fingerprints(self) -> bool:
        return False

    def add(self, actor: str, meta: UploadMeta, outcome: str, counts: RowCounts) -> int:
        if meta.content is not None:
            self.state.files.setdefault(meta.sha256, meta.content)
        upload_id = len(self.state.uploads) + 1
        self.state.uploads.append(
            {
                "id": upload_id,
                "actor": actor,
                "file_name": meta.file_name,
                "sha256": meta.sha256,
                "content_hash": meta.content_hash,
                "outcome": outcome,
                "counts": counts,
                "problem_count": meta.problem_count,
                "is_demo": meta.is_demo,
            }
        )
        return upload_id

    def write_rows(
        self,
        frame: pd.DataFrame,
        *,
        upload_id: int,
        actor: str,
        is_demo: bool,
        progress: Callable[[float], None] | None = None,
    ) -> None:
        for number, row in enumerate(frame.to_dict("records"), start=1):
            if self.fail_writes and number == 2:  # a failure after the first row is written
                raise RuntimeError("disk full")
            key = (row["indicator_code"], row["unit_code"], row["period"])
            figures = {c: row[c] for c in ("value", "numerator", "denominator", "revision")}
            self.state.current[key] = figures
            self.state.revisions.append({"key": key, "upload_id": upload_id, **figures})
        if progress:
            progress(1.0)


class FakeUsers:
    def __init__(self, state: State) -> None:
        self.state = state

    def save(self, email: str, role: str, sub: str | None, unit_codes: Sequence[str]) -> str | None:
        before = self.state.users.get(email)
        sub = sub or (before or {}).get("sub")
        self.state.users[email] = {"role": role, "sub": sub, "units": list(unit_codes)}
        return before["role"] if before else None

    def remove(self, email: str) -> str | None:
        removed = self.state.users.pop(email, None)
        return removed["role"] if removed else None


class FakeApprovals:
    def __init__(self, state: State) -> None:
        self.state = state

    def figures(self, unit_code: str, period: str) -> int:
        return sum(1 for k in self.state.current if (k[1], k[2]) == (unit_code, period))

    def get(self, unit_code: str, period: str) -> tuple[str, dt.datetime] | None:
        return self.state.approvals.get((unit_code, period))

    def add(self, unit_code: str, period: str, approved_by: str) -> None:
        self.state.approvals[(unit_code, period)] = (approved_by, dt.datetime.now(dt.UTC))

    def remove(self, unit_code: str, period: str) -> None:
        del self.state.approvals[(unit_code, period)]

    def approved(self, periods: Collection[str]) -> set[tuple[str, str]]:
        return {pair for pair in self.state.approvals if pair[1] in set(periods)}


class FakeLocks:
    def __init__(self, state: State) -> None:
        self.state = state

    def open(self, unit_code: str, period: str, until: dt.date, reason: str, opened_by: str) -> int:
        self.state.locks.append(
            {
                "unit_code": unit_code,
                "period": period,
                "until": until,
                "reason": reason,
                "opened_by": opened_by,
            }
        )
        return len(self.state.locks)

    def opened(self, periods: Collection[str], today: dt.date) -> set[tuple[str, str]]:
        return {
            (lock["unit_code"], lock["period"])
            for lock in self.state.locks
            if lock["period"] in set(periods) and lock["until"] >= today
        }


class FakeTokens:
    def __init__(self, state: State) -> None:
        self.state = state

    def exists(self, name: str) -> bool:
        return name in self.state.tokens

    def add(self, name: str, token_hash: str, scope: str, created_by: str) -> None:
        self.state.tokens[name] = {"hash": token_hash, "scope": scope, "revoked": False}

    def revoke(self, name: str) -> bool:
        token = self.state.tokens.get(name)
        if token is None or token["revoked"]:
            return False
        token["revoked"] = True
        return True


class FakeTaskReports:
    def __init__(self, state: State) -> None:
        self.state = state

    def add(self, draft: ReportDraft, actor: str, unit_code: str | None) -> None:
        self.state.task_reports.append({"draft": draft, "actor": actor, "unit_code": unit_code})

    def check_open(self, pairs: Iterable[tuple[str, str]]) -> None:
        hit = sorted(set(pairs) & self.state.task_signoffs)
        if hit:
            raise HalfYearSignedOff(hit)


class FakeUnitOfWork:
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.committed = False

    def __enter__(self) -> Self:
        self.work = work = copy.deepcopy(self.store.state)
        self.audit = FakeAuditLog(work)
        self.units = FakeUnits(work)
        self.uploads = FakeUploads(work, self.store.fail_writes)
        self.users = FakeUsers(work)
        self.approvals = FakeApprovals(work)
        self.locks = FakeLocks(work)
        self.tokens = FakeTokens(work)
        self.task_reports = FakeTaskReports(work)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.store.opened += 1

    def commit(self) -> None:
        self.store.state = self.work
        self.store.commits += 1
        self.committed = True

    def rollback(self) -> None:
        self.work = copy.deepcopy(self.store.state)


@dataclass
class FakeStore:
    """`attempt` raises `fail_attempt` when set (a busy or refusing database)."""

    state: State = field(default_factory=State)
    fail_writes: bool = False
    fail_attempt: Exception | None = None
    commits: int = 0
    opened: int = 0

    def unit_of_work(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)

    def attempt(self, work: Callable[[], T]) -> T:
        if self.fail_attempt is not None:
            raise self.fail_attempt
        return work()
