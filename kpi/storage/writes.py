"""The atomic commit of one upload: all rows or none, as new revisions, with audit."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kpi.canonical import NUMERIC as VALUE_COLUMNS
from kpi.fingerprint import PREFIX, legacy_content_hash
from kpi.storage.bulk import Progress, write_rows
from kpi.storage.cycle import LockRule, QuarterLockedError, check_approved, check_locks
from kpi.storage.engine import Storage, retrying
from kpi.storage.models import CurrentValue, Upload, UploadFile, utcnow
from kpi.storage.repository import audit

log = logging.getLogger(__name__)
COMMIT_LOCK_KEY = 71_2030  # pg advisory lock: one upload commit at a time


class CommitError(RuntimeError):
    """The database refused the commit (not a busy retry); nothing was written."""


class ScopeError(PermissionError):
    """Rows for units outside the acting user's scope; nothing was written."""

    def __init__(self, actor: str, units: list[str]) -> None:
        super().__init__(f"{actor} không có quyền nhập số liệu cho đơn vị: {', '.join(units)}")
        self.actor = actor
        self.units = units


@dataclass(frozen=True)
class UploadMeta:
    file_name: str
    sha256: str
    size_bytes: int
    content_hash: str
    note: str | None = None
    is_demo: bool = False
    # figures that jumped against the previous quarter and were confirmed with the note
    confirmed_outliers: list[dict[str, Any]] = field(default_factory=list)
    content: bytes | None = None  # the uploaded bytes, kept once per SHA-256
    problem_count: int = 0


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


def _same(a: pd.Series, b: pd.Series) -> pd.Series:
    both_na = a.isna() & b.isna()
    close = np.isclose(a.fillna(-1.0), b.fillna(-2.0), rtol=0, atol=1e-9)
    return both_na | pd.Series(close, index=a.index)


def classify_rows(frame: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """Join the file with current values; adds `state` (new/changed/unchanged) and `revision`."""
    keys = ["indicator_code", "unit_code", "period"]
    if current.empty:  # a first report for these quarters: every row is new
        return frame.assign(
            **{f"old_{c}": np.nan for c in (*VALUE_COLUMNS, "revision")}, state="new", revision=1
        )
    cur = current[[*keys, *VALUE_COLUMNS, "revision"]].rename(
        columns={c: f"old_{c}" for c in (*VALUE_COLUMNS, "revision")}
    )
    merged = frame.merge(cur, on=keys, how="left")
    is_new = merged["old_revision"].isna()
    same = pd.Series(True, index=merged.index)
    for column in VALUE_COLUMNS:
        same &= _same(merged[column].astype("float64"), merged[f"old_{column}"].astype("float64"))
    merged["state"] = np.where(is_new, "new", np.where(same, "unchanged", "changed"))
    merged["revision"] = merged["old_revision"].fillna(0).astype("int64") + 1
    return merged


def _current_for(session: Session, frame: pd.DataFrame) -> pd.DataFrame:
    periods = sorted(frame["period"].unique().tolist())
    rows = session.execute(
        select(
            CurrentValue.indicator_code,
            CurrentValue.unit_code,
            CurrentValue.period,
            CurrentValue.value,
            CurrentValue.numerator,
            CurrentValue.denominator,
            CurrentValue.revision,
        ).where(CurrentValue.period.in_(periods))
    ).all()
    return pd.DataFrame(
        rows, columns=["indicator_code", "unit_code", "period", *VALUE_COLUMNS, "revision"]
    )


def outside_scope(frame: pd.DataFrame, allowed_units: Collection[str] | None) -> list[str]:
    """Units in the frame that the acting user may not write for (None: no limit)."""
    if allowed_units is None:
        return []
    return sorted(set(frame["unit_code"].astype(str)) - set(allowed_units))


def refuse_scope(storage: Storage, actor: str, meta: UploadMeta, units: list[str]) -> None:
    """Record a file refused for rows outside the actor's scope: an upload row and audit."""
    with storage.writing() as session:
        upload = _new_upload(session, actor, meta, rows_total=0, outcome="refused_scope")
        audit(
            session,
            actor,
            "upload.refused",
            "refused",
            upload_id=upload.id,
            detail={"file": meta.file_name, "units_outside_scope": units},
        )


def record_attempt(storage: Storage, actor: str, meta: UploadMeta, outcome: str) -> int:
    """Record an attempt that wrote no figure (refused, unreadable, failed): the upload
    row with its outcome and problem count, and the file. No audit entry: the data
    version (the dashboard's cache key) stays, so a refusal rebuilds no cache."""
    with storage.writing() as session:
        upload = _new_upload(session, actor, meta, rows_total=0, outcome=outcome)
        return upload.id


def store_file(session: Session, sha256: str, content: bytes) -> None:
    """Keep the bytes once per content; a second upload of the same bytes adds nothing."""
    dialect = session.get_bind().dialect.name
    maker = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = maker(UploadFile).values(
        sha256=sha256, size_bytes=len(content), content=content, created_at=utcnow()
    )
    session.execute(statement.on_conflict_do_nothing(index_elements=["sha256"]))


def _new_upload(
    session: Session, actor: str, meta: UploadMeta, rows_total: int, outcome: str
) -> Upload:
    if meta.content is not None:
        store_file(session, meta.sha256, meta.content)
    upload = Upload(
        file_name=meta.file_name,
        sha256=meta.sha256,
        content_hash=meta.content_hash,
        size_bytes=meta.size_bytes,
        uploaded_by=actor,
        rows_total=rows_total,
        outcome=outcome,
        note=meta.note,
        is_demo=meta.is_demo,
        problem_count=meta.problem_count,
    )
    session.add(upload)
    session.flush()
    return upload


def _find_previous(session: Session, meta: UploadMeta, frame: pd.DataFrame) -> int | None:
    """A committed upload with the same content; uploads stored before the current
    fingerprint are compared by the first form, computed only when such uploads exist."""
    committed = select(Upload.id).where(Upload.outcome == "committed").limit(1)
    found = session.scalar(committed.where(Upload.content_hash == meta.content_hash))
    if found is not None or not is_legacy_store(session):
        return found
    return session.scalar(committed.where(Upload.content_hash == legacy_content_hash(frame)))


def is_legacy_store(session: Session) -> bool:
    """Whether any committed upload carries a first-form fingerprint."""
    legacy = select(Upload.id).where(
        Upload.outcome == "committed", Upload.content_hash.not_like(f"{PREFIX}%")
    )
    return session.scalar(legacy.limit(1)) is not None


def _commit_once(
    storage: Storage,
    frame: pd.DataFrame,
    actor: str,
    meta: UploadMeta,
    progress: Progress | None,
    lock: LockRule | None = None,
) -> CommitResult:
    with storage.writing() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": COMMIT_LOCK_KEY})
        previous = _find_previous(session, meta, frame)
        merged = classify_rows(frame, _current_for(session, frame))
        counts = merged["state"].value_counts()
        if not counts.get("new", 0) and not counts.get("changed", 0):
            # identical to what is stored now: "already imported", and the attempt is kept
            upload = _new_upload(session, actor, meta, len(frame), "duplicate")
            upload.rows_unchanged = len(frame)
            return CommitResult(None, 0, 0, len(frame), True, previous)
        # Inside the transaction: a sign-off or a lock cannot slip in between check and write.
        check_approved(session, frame)
        if lock is not None:
            check_locks(session, frame, lock, actor)
        upload = _new_upload(session, actor, meta, len(frame), "committed")
        upload.rows_new = int(counts.get("new", 0))
        upload.rows_changed = int(counts.get("changed", 0))
        upload.rows_unchanged = int(counts.get("unchanged", 0))
        to_write = merged[merged["state"] != "unchanged"]
        write_rows(
            session,
            to_write,
            upload_id=upload.id,
            actor=actor,
            at=utcnow(),
            is_demo=meta.is_demo,
            progress=progress,
        )
        changed = to_write[to_write["state"] == "changed"]
        audit(
            session,
            actor,
            "upload.commit",
            upload_id=upload.id,
            detail={
                "file": meta.file_name,
                "new": upload.rows_new,
                "changed": upload.rows_changed,
                "unchanged": upload.rows_unchanged,
                "note": meta.note,
                "confirmed_outliers": meta.confirmed_outliers,
                "reimported_from": previous,
            },
        )
        return CommitResult(
            upload.id,
            upload.rows_new,
            upload.rows_changed,
            upload.rows_unchanged,
            reimported_from=previous,
            changed_keys=list(
                changed[["indicator_code", "unit_code", "period"]].itertuples(
                    index=False, name=None
                )
            ),
        )


def commit_upload(
    storage: Storage,
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
    deadline check, as for the demo loader). Every refusal is audited.
    """
    outside = outside_scope(frame, allowed_units)
    if outside:
        refuse_scope(storage, actor, meta, outside)
        raise ScopeError(actor, outside)
    try:
        return retrying(lambda: _commit_once(storage, frame, actor, meta, progress, lock))
    except QuarterLockedError as exc:
        refuse_locked(storage, actor, meta, exc)
        raise
    except SQLAlchemyError as exc:  # told as a message by the service, never as SQL text
        log.warning("upload commit failed: %s", type(exc).__name__)
        raise CommitError(type(exc).__name__) from exc


def refuse_locked(storage: Storage, actor: str, meta: UploadMeta, exc: QuarterLockedError) -> None:
    """Record a file refused for a locked or approved quarter: an upload row and audit."""
    with storage.writing() as session:
        upload = _new_upload(session, actor, meta, rows_total=0, outcome="refused_locked")
        audit(
            session,
            actor,
            "upload.refused",
            "refused",
            upload_id=upload.id,
            detail={"file": meta.file_name, "locked": exc.blocked, "message": str(exc)},
        )
