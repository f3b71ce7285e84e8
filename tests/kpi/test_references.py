"""The revisions' references hold on both engines (SQLite: foreign keys; PostgreSQL: one
check per statement, kpi/migrations/versions/0009): an unknown indicator, unit or upload
is refused with nothing written, and a parent that revisions name cannot be removed."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from kpi.canonical import content_hash
from kpi.services.commit import UploadMeta, commit_upload
from kpi.storage import CommitError, Storage
from kpi.storage.models import CurrentValue, Measurement, Upload


def _frame(unit: str = "VPB", indicator: str = "1.1", rows: int = 3) -> pd.DataFrame:
    periods = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"][:rows]
    return pd.DataFrame(
        {
            "indicator_code": indicator,
            "unit_code": unit,
            "period": periods,
            "value": [40.0 + i for i in range(rows)],
            "numerator": None,
            "denominator": None,
            "note": None,
        }
    )


def _commit(storage: Storage, frame: pd.DataFrame) -> None:
    digest = content_hash(frame)
    meta = UploadMeta(file_name="f.csv", sha256=digest, size_bytes=10, content_hash=digest)
    commit_upload(storage, frame, actor="a@x", meta=meta)


def _stored(storage: Storage) -> tuple[int, int, int]:
    with storage.reading() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Measurement, CurrentValue, Upload)
        )


@pytest.mark.parametrize(("unit", "indicator"), [("NO-SUCH-UNIT", "1.1"), ("VPB", "9.9")])
def test_a_revision_naming_an_unknown_parent_is_refused_whole(
    storage: Storage, unit: str, indicator: str
) -> None:
    _commit(storage, _frame())
    before = _stored(storage)
    frame = pd.concat([_frame(rows=1).assign(period="2026-Q1"), _frame(unit, indicator)])
    with pytest.raises(CommitError):
        _commit(storage, frame.reset_index(drop=True))
    assert _stored(storage) == before  # not one of the good rows either


def test_a_revision_naming_an_unknown_upload_is_refused(storage: Storage) -> None:
    with pytest.raises(IntegrityError), storage.writing() as session:
        session.execute(
            text(
                "INSERT INTO measurements (indicator_code, unit_code, period, period_index, "
                "value, upload_id, revision, created_at, created_by, is_demo) VALUES "
                "('1.1', 'VPB', '2025-Q1', 8100, 40, 999999, 1, '2026-01-01', 'a@x', false)"
            )
        )


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM units WHERE code = 'VPB'",
        "UPDATE units SET code = 'VPB2' WHERE code = 'VPB'",
        "DELETE FROM indicators WHERE code = '1.1'",
    ],
)
def test_a_parent_that_revisions_name_cannot_be_removed(storage: Storage, statement: str) -> None:
    _commit(storage, _frame())
    with pytest.raises(IntegrityError), storage.writing() as session:
        session.execute(text(statement))
    assert _stored(storage)[0] == 3


def test_a_parent_no_revision_names_can_still_change(storage: Storage) -> None:
    _commit(storage, _frame())
    with storage.writing() as session:  # a name changes, a key nobody names goes
        session.execute(text("UPDATE units SET name = 'Văn phòng' WHERE code = 'VPB'"))
        session.execute(
            text(
                "INSERT INTO units (code, name, name_key, is_demo) VALUES "
                "('TMP', 'Tạm', 'tam', false)"
            )
        )
        session.execute(text("DELETE FROM units WHERE code = 'TMP'"))
    assert _stored(storage)[0] == 3


def test_bulk_rows_store_times_as_the_orm_does(storage: Storage) -> None:
    """An upgraded database mixes rows of both paths: their times must read back alike
    (naive UTC text on SQLite, timestamptz on PostgreSQL)."""
    _commit(storage, _frame())
    with storage.reading() as session:
        bulk = session.scalars(select(Measurement.created_at)).all()
        orm = session.scalars(select(Upload.uploaded_at)).all()
    assert bulk and orm
    assert {b.tzinfo is None for b in bulk} == {o.tzinfo is None for o in orm}
