"""The upload service: prepare, outlier confirmation, row cap, notes kept on the upload."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kpi.catalogue import Catalogue
from kpi.problems import FileRejected
from kpi.services import ingest
from kpi.services.commit import ScopeError
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.queries import uploads_frame
from kpi.storage.repository import audit_frame, export_frame

TODAY = dt.date(2025, 11, 20)
PREVIOUS = b"indicator_code,unit_code,period,value\n1.1,VPB,2025-Q2,40\n"
JUMP = b"indicator_code,unit_code,period,value\n1.1,VPB,2025-Q3,75\n1.2,VPB,2025-Q3,10\n"


def prepare(storage: Storage, catalogue: Catalogue, data: bytes, **kw: object) -> ingest.Prepared:
    settings = kw.pop("settings", Settings())
    return ingest.prepare(
        storage, data, "q.csv", catalogue=catalogue, settings=settings, today=TODAY, **kw
    )  # type: ignore[arg-type]


def test_outlier_needs_a_note_and_the_note_is_kept(storage: Storage, catalogue: Catalogue) -> None:
    ingest.commit(storage, prepare(storage, catalogue, PREVIOUS), actor="a@x")
    prepared = prepare(storage, catalogue, JUMP)
    assert prepared.ok
    (warning,) = prepared.warnings
    assert (warning.code, warning.row, warning.column) == ("outlier", 2, "value")
    assert warning.params["delta"] == 35.0
    assert "+35 điểm" in warning.text("vi") and "Quý 2/2025" in warning.text("vi")
    with pytest.raises(ingest.UploadNotReady):
        ingest.commit(storage, prepared, actor="a@x", confirm_note="  ")
    assert len(export_frame(storage)) == 1
    result = ingest.commit(storage, prepared, actor="a@x", confirm_note="Sáp nhập đơn vị")
    assert result.rows_new == 2
    upload = uploads_frame(storage).set_index("id").loc[result.upload_id]
    assert upload["note"] == "Sáp nhập đơn vị"
    detail = audit_frame(storage).query("action == 'upload.commit'")["detail"].iloc[-1]
    (outlier,) = detail["confirmed_outliers"]
    assert (outlier["indicator_code"], outlier["period"], outlier["value"]) == (
        "1.1",
        "2025-Q3",
        75,
    )


def test_threshold_is_a_setting(storage: Storage, catalogue: Catalogue) -> None:
    ingest.commit(storage, prepare(storage, catalogue, PREVIOUS), actor="a@x")
    loose = dataclasses.replace(Settings(), outlier_threshold_pp=40.0)
    assert prepare(storage, catalogue, JUMP, settings=loose).warnings == []


def test_row_cap_refuses_with_a_clear_message(storage: Storage, catalogue: Catalogue) -> None:
    small = dataclasses.replace(Settings(), max_rows=1)
    with pytest.raises(FileRejected) as caught:
        prepare(storage, catalogue, JUMP, settings=small)
    assert caught.value.problem.code == "too_many_rows"
    assert "2" in caught.value.problem.text("vi") and "1" in caught.value.problem.text("en")


def test_problems_block_commit_and_preview_is_empty(storage: Storage, catalogue: Catalogue) -> None:
    prepared = prepare(
        storage, catalogue, b"indicator_code,unit_code,period,value\n9.9,VPB,2025-Q3,5\n"
    )
    assert not prepared.ok and prepared.counts() == {"new": 0, "changed": 0, "unchanged": 0}
    assert [(p.row, p.column) for p in prepared.problems] == [(2, "indicator_code")]
    with pytest.raises(ingest.UploadNotReady):
        ingest.commit(storage, prepared, actor="a@x")
    assert export_frame(storage).empty


def test_unit_option_resolves_full_names(storage: Storage, catalogue: Catalogue) -> None:
    data = b"indicator_code,period,value\n1.1,2025-Q3,5\n"
    prepared = prepare(storage, catalogue, data, unit="Văn phòng Bộ")
    assert prepared.ok, prepared.problems
    assert prepared.frame["unit_code"].tolist() == ["VPB"]


def test_scope_refuses_the_whole_file(storage: Storage, catalogue: Catalogue) -> None:
    prepared = prepare(storage, catalogue, JUMP)
    with pytest.raises(ScopeError):
        ingest.commit(storage, prepared, actor="o@x", allowed_units={"CNCC"})
    assert export_frame(storage).empty
    assert "upload.refused" in set(audit_frame(storage)["action"])


def test_progress_reaches_the_end(storage: Storage, catalogue: Catalogue) -> None:
    seen: list[float] = []
    ingest.commit(storage, prepare(storage, catalogue, JUMP), actor="a@x", progress=seen.append)
    assert seen and seen[-1] == pytest.approx(1.0)
