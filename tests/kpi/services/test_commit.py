"""The upload commit over a fake unit of work: all or nothing, revisions, duplicates,
scope and locks, with no database."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kpi.fingerprint import content_hash
from kpi.services import ingest
from kpi.services.commit import ScopeError, UploadMeta, commit_upload, record_attempt
from kpi.services.locks import LockRule, QuarterLockedError
from kpi.storage import CommitError, StorageBusyError
from tests.kpi.services.fakes import FakeStore

ACTOR = "can.bo@bnv.gov.vn"


def rows(*figures: tuple[str, str, str, float]) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "indicator_code": i,
                "unit_code": u,
                "period": p,
                "value": v,
                "numerator": None,
                "denominator": None,
                "note": None,
            }
            for i, u, p, v in figures
        ]
    ).astype({"value": "float64", "numerator": "float64", "denominator": "float64"})
    return frame.assign(source_row=range(2, len(frame) + 2))


def meta(frame: pd.DataFrame, name: str = "q.csv") -> UploadMeta:
    digest = content_hash(frame)
    return UploadMeta(name, sha256=digest, size_bytes=10, content_hash=digest, content=b"x")


def commit(store: FakeStore, frame: pd.DataFrame, **kwargs: object):
    return commit_upload(store, frame, actor=ACTOR, meta=meta(frame), **kwargs)


TWO = rows(("1.1", "VPB", "2025-Q3", 40.0), ("1.2", "VPB", "2025-Q3", 50.0))


def test_a_commit_writes_upload_figures_and_audit_together() -> None:
    store = FakeStore()
    result = commit(store, TWO)
    assert (result.rows_new, result.rows_changed, result.upload_id) == (2, 0, 1)
    assert store.commits == 1
    assert [u["outcome"] for u in store.state.uploads] == ["committed"]
    assert len(store.state.current) == 2 and store.state.actions() == ["upload.commit"]
    assert store.state.audit[0]["upload_id"] == 1 and store.state.files == {meta(TWO).sha256: b"x"}


def test_a_failure_midway_leaves_nothing_behind() -> None:
    store = FakeStore(fail_writes=True)
    with pytest.raises(RuntimeError, match="disk full"):
        commit(store, TWO)
    assert store.commits == 0
    assert store.state.uploads == [] and store.state.current == {} and store.state.audit == []


def test_revisions_count_up_and_unchanged_rows_are_not_rewritten() -> None:
    store = FakeStore()
    commit(store, TWO)
    second = commit(store, rows(("1.1", "VPB", "2025-Q3", 41.5), ("1.2", "VPB", "2025-Q3", 50.0)))
    assert (second.rows_new, second.rows_changed, second.rows_unchanged) == (0, 1, 1)
    assert second.changed_keys == [("1.1", "VPB", "2025-Q3")]
    assert store.state.current[("1.1", "VPB", "2025-Q3")]["revision"] == 2
    assert store.state.current[("1.2", "VPB", "2025-Q3")]["revision"] == 1
    assert [r["revision"] for r in store.state.revisions] == [1, 1, 2]


def test_the_same_figures_again_are_already_imported_and_the_attempt_is_kept() -> None:
    store = FakeStore()
    first = commit(store, TWO)
    again = commit(store, TWO)
    assert again.already_imported and again.upload_id is None
    assert again.previous_upload_id == first.upload_id
    assert [u["outcome"] for u in store.state.uploads] == ["committed", "duplicate"]
    assert store.state.uploads[1]["counts"].unchanged == 2
    assert store.state.actions() == ["upload.commit"]  # a duplicate is not audited


def test_content_committed_before_is_named_when_written_again() -> None:
    store = FakeStore()
    first = commit(store, TWO)
    commit(store, rows(("1.1", "VPB", "2025-Q3", 45.0), ("1.2", "VPB", "2025-Q3", 50.0)))
    back = commit(store, TWO)  # the first file again, after a change
    assert not back.already_imported and back.reimported_from == first.upload_id
    assert store.state.audit[-1]["detail"]["reimported_from"] == first.upload_id


def test_rows_outside_the_scope_refuse_the_whole_file_and_are_audited() -> None:
    store = FakeStore()
    frame = rows(("1.1", "VPB", "2025-Q3", 40.0), ("1.1", "VPC", "2025-Q3", 40.0))
    with pytest.raises(ScopeError) as refused:
        commit(store, frame, allowed_units={"VPB"})
    assert refused.value.units == ["VPC"]
    assert store.state.current == {}
    assert [u["outcome"] for u in store.state.uploads] == ["refused_scope"]
    assert store.state.audit[0]["detail"]["units_outside_scope"] == ["VPC"]


def test_an_approved_quarter_is_refused_and_the_refusal_recorded() -> None:
    store = FakeStore()
    store.state.approvals[("VPB", "2025-Q3")] = ("truong@bnv.gov.vn", dt.datetime.now(dt.UTC))
    with pytest.raises(QuarterLockedError) as locked:
        commit(store, TWO)
    assert locked.value.blocked == [{"unit_code": "VPB", "period": "2025-Q3", "why": "approved"}]
    assert store.state.current == {}
    assert [u["outcome"] for u in store.state.uploads] == ["refused_locked"]
    assert store.state.actions() == ["upload.refused"]


def rule(enforce: bool, today: dt.date = dt.date(2026, 6, 1)) -> LockRule:
    return LockRule(today=today, deadline_days=15, lock_days=30, enforce=enforce)


def test_a_locked_quarter_is_refused_for_officers_unless_an_exception_is_open() -> None:
    store = FakeStore()
    with pytest.raises(QuarterLockedError):
        commit(store, TWO, lock=rule(enforce=True))
    store.state.locks.append(
        {"unit_code": "VPB", "period": "2025-Q3", "until": dt.date(2026, 6, 30)}
    )
    assert commit(store, TWO, lock=rule(enforce=True)).rows_new == 2


def test_an_administrator_writes_a_locked_quarter_and_the_override_is_audited() -> None:
    store = FakeStore()
    assert commit(store, TWO, lock=rule(enforce=False)).rows_new == 2
    assert store.state.actions() == ["upload.lock_override", "upload.commit"]
    (quarter,) = store.state.audit[0]["detail"]["quarters"]
    assert quarter["unit_code"] == "VPB" and quarter["period"] == "2025-Q3"


def test_record_attempt_keeps_the_file_and_writes_no_audit() -> None:
    store = FakeStore()
    upload_id = record_attempt(store, ACTOR, meta(TWO, "bad.xlsx"), "refused")
    assert upload_id == 1 and store.state.uploads[0]["outcome"] == "refused"
    assert store.state.files and store.state.audit == []


@pytest.mark.parametrize(
    ("failure", "code"),
    [(StorageBusyError("busy"), "database_busy"), (CommitError("IntegrityError"), "commit_failed")],
)
def test_a_busy_or_refusing_database_is_told_as_a_message_and_the_attempt_kept(
    failure: Exception, code: str
) -> None:
    store = FakeStore(fail_attempt=failure)
    prepared = ingest.Prepared("q.csv", "abc", 10, TWO, content_hash=content_hash(TWO))
    with pytest.raises(ingest.UploadFailed) as failed:
        ingest.commit(store, prepared, actor=ACTOR)
    assert failed.value.problem.code == code
    assert [u["outcome"] for u in store.state.uploads] == ["failed"]
    assert store.state.current == {}
