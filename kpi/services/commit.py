"""The atomic commit of one upload: all rows or none, as new revisions, with audit.

The upload row, its file, the revisions, the current values and the audit entry
are written in one unit of work; a refusal is recorded in a unit of work of its own.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from kpi.canonical import KEY
from kpi.fingerprint import legacy_content_hash
from kpi.services.locks import LockRule, QuarterLockedError, check_approved, check_locks
from kpi.services.ports import Progress, Store, UnitOfWork
from kpi.text import t
from kpi.uploads import RowCounts, UploadMeta, classify_rows, outside_scope, row_counts

__all__ = [
    "CommitResult",
    "ScopeError",
    "UploadMeta",
    "commit_upload",
    "record_attempt",
    "refuse_scope",
]


class ScopeError(PermissionError):
    """Rows for units outside the acting user's scope; nothing was written."""

    def __init__(self, actor: str, units: list[str]) -> None:
        super().__init__(t("svc.scope", actor=actor, units=", ".join(units)))
        self.actor = actor
        self.units = units


@dataclass(frozen=True)
class CommitResult:
    upload_id: int | None
    rows_new: int
    rows_changed: int
    rows_unchanged: int
    already_imported: bool = False
    previous_upload_id: int | None = None
    changed_keys: list[tuple[str, str, str]] = field(default_factory=list)
    # this content was committed before (as that upload); its figures were written again
    reimported_from: int | None = None


def refuse_scope(store: Store, actor: str, meta: UploadMeta, units: list[str]) -> None:
    """Record a file refused for rows outside the actor's scope: an upload row and audit."""
    detail = {"file": meta.file_name, "units_outside_scope": units}
    _refuse(store, actor, meta, "refused_scope", detail)


def refuse_locked(store: Store, actor: str, meta: UploadMeta, exc: QuarterLockedError) -> None:
    """Record a file refused for a locked or approved quarter: an upload row and audit."""
    detail = {"file": meta.file_name, "locked": exc.blocked, "message": str(exc)}
    _refuse(store, actor, meta, "refused_locked", detail)


def _refuse(store: Store, actor: str, meta: UploadMeta, outcome: str, detail: dict) -> None:
    with store.unit_of_work() as uow:
        upload_id = uow.uploads.add(actor, meta, outcome, RowCounts())
        uow.audit.add(actor, "upload.refused", "refused", upload_id=upload_id, detail=detail)
        uow.commit()


def record_attempt(store: Store, actor: str, meta: UploadMeta, outcome: str) -> int:
    """Record an attempt that wrote no figure (refused, unreadable, failed): the upload
    row with its outcome and problem count, and the file. No audit entry: the data
    version (the dashboard's cache key) stays, so a refusal rebuilds no cache."""
    with store.unit_of_work() as uow:
        upload_id = uow.uploads.add(actor, meta, outcome, RowCounts())
        uow.commit()
        return upload_id


def _find_previous(uow: UnitOfWork, meta: UploadMeta, frame: pd.DataFrame) -> int | None:
    """A committed upload with the same content; uploads stored before the current
    fingerprint are compared by the first form, computed only when such uploads exist."""
    found = uow.uploads.committed_with(meta.content_hash)
    if found is not None or not uow.uploads.has_legacy_fingerprints():
        return found
    return uow.uploads.committed_with(legacy_content_hash(frame))


def _commit_once(
    store: Store,
    frame: pd.DataFrame,
    actor: str,
    meta: UploadMeta,
    progress: Progress | None,
    lock: LockRule | None,
) -> CommitResult:
    with store.unit_of_work() as uow:
        uow.uploads.lock_commits()
        previous = _find_previous(uow, meta, frame)
        merged = classify_rows(frame, uow.uploads.current(frame["period"].unique().tolist()))
        counts = row_counts(merged)
        if not counts.new and not counts.changed:
            # identical to what is stored now: "already imported", and the attempt is kept
            unchanged = RowCounts(total=len(frame), unchanged=len(frame))
            uow.uploads.add(actor, meta, "duplicate", unchanged)
            uow.commit()
            return CommitResult(None, 0, 0, len(frame), True, previous)
        # Inside the transaction: a sign-off or a lock cannot slip in between check and write.
        check_approved(uow, frame)
        if lock is not None:
            check_locks(uow, frame, lock, actor)
        upload_id = uow.uploads.add(actor, meta, "committed", counts)
        to_write = merged[merged["state"] != "unchanged"] if counts.unchanged else merged
        uow.uploads.write_rows(
            to_write, upload_id=upload_id, actor=actor, is_demo=meta.is_demo, progress=progress
        )
        uow.audit.add(
            actor,
            "upload.commit",
            upload_id=upload_id,
            detail={
                "file": meta.file_name,
                "new": counts.new,
                "changed": counts.changed,
                "unchanged": counts.unchanged,
                "note": meta.note,
                "confirmed_outliers": meta.confirmed_outliers,
                "reimported_from": previous,
            },
        )
        uow.commit()
    changed = to_write[to_write["state"] == "changed"]
    return CommitResult(
        upload_id,
        counts.new,
        counts.changed,
        counts.unchanged,
        reimported_from=previous,
        changed_keys=list(changed[KEY].itertuples(index=False, name=None)),
    )


def commit_upload(
    store: Store,
    frame: pd.DataFrame,
    *,
    actor: str,
    meta: UploadMeta,
    allowed_units: Collection[str] | None = None,
    progress: Progress | None = None,
    lock: LockRule | None = None,
) -> CommitResult:
    """Commit a validated canonical frame whole, or nothing.

    `allowed_units` is the acting user's write scope (None: no limit). Rows
    outside it refuse the whole file, and the refusal is audited. Quarters a unit
    head has approved are always refused; `lock` adds the deadline lock (None: no
    deadline check, as for the demo loader). Every refusal is audited. A busy
    database is tried again (StorageBusyError at the end); a refusing one raises
    CommitError.
    """
    outside = outside_scope(frame, allowed_units)
    if outside:
        refuse_scope(store, actor, meta, outside)
        raise ScopeError(actor, outside)
    try:
        return store.attempt(lambda: _commit_once(store, frame, actor, meta, progress, lock))
    except QuarterLockedError as exc:
        refuse_locked(store, actor, meta, exc)
        raise
