"""The uploads repository: attempts, their files and the revisions of one commit.

Every method works inside the unit of work's session (kpi.storage.uow); the
upload service (kpi.services.commit) decides what to write.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kpi.fingerprint import PREFIX
from kpi.storage.bulk import Progress, write_rows
from kpi.storage.frames import read_frame
from kpi.storage.models import Upload, UploadFile, utcnow
from kpi.storage.repository import CURRENT_DTYPES, current_query
from kpi.uploads import STORED_COLUMNS, RowCounts, UploadMeta

COMMIT_LOCK_KEY = 71_2030  # pg advisory lock: one upload commit at a time


def store_file(session: Session, sha256: str, content: bytes) -> None:
    """Keep the bytes once per content; a second upload of the same bytes adds nothing."""
    dialect = session.get_bind().dialect.name
    maker = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = maker(UploadFile).values(
        sha256=sha256, size_bytes=len(content), content=content, created_at=utcnow()
    )
    session.execute(statement.on_conflict_do_nothing(index_elements=["sha256"]))


class SqlUploads:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lock_commits(self) -> None:
        # SQLite already holds its write lock (BEGIN IMMEDIATE); PostgreSQL needs one
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": COMMIT_LOCK_KEY})

    def current(self, periods: Sequence[str]) -> pd.DataFrame:
        """Read inside the transaction, after the lock: nothing changes until commit."""
        query = current_query(STORED_COLUMNS, periods=sorted(periods))
        dtypes = {c: CURRENT_DTYPES[c] for c in STORED_COLUMNS}
        return read_frame(self.session.connection(), query, dtypes)

    def committed_with(self, content_hash: str) -> int | None:
        committed = select(Upload.id).where(Upload.outcome == "committed")
        return self.session.scalar(committed.where(Upload.content_hash == content_hash).limit(1))

    def has_legacy_fingerprints(self) -> bool:
        legacy = select(Upload.id).where(
            Upload.outcome == "committed", Upload.content_hash.not_like(f"{PREFIX}%")
        )
        return self.session.scalar(legacy.limit(1)) is not None

    def add(self, actor: str, meta: UploadMeta, outcome: str, counts: RowCounts) -> int:
        if meta.content is not None:
            store_file(self.session, meta.sha256, meta.content)
        upload = Upload(
            file_name=meta.file_name,
            sha256=meta.sha256,
            content_hash=meta.content_hash,
            size_bytes=meta.size_bytes,
            uploaded_by=actor,
            rows_total=counts.total,
            rows_new=counts.new,
            rows_changed=counts.changed,
            rows_unchanged=counts.unchanged,
            outcome=outcome,
            note=meta.note,
            is_demo=meta.is_demo,
            problem_count=meta.problem_count,
        )
        self.session.add(upload)
        self.session.flush()
        return int(upload.id)

    def write_rows(
        self,
        frame: pd.DataFrame,
        *,
        upload_id: int,
        actor: str,
        is_demo: bool,
        progress: Progress | None = None,
    ) -> None:
        write_rows(
            self.session,
            frame,
            upload_id=upload_id,
            actor=actor,
            at=utcnow(),
            is_demo=is_demo,
            progress=progress,
        )
