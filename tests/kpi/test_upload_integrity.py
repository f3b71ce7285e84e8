"""Integrity of the commit on SQLite and PostgreSQL: all or nothing, one revision per
file, bounded retries, scope refused at the storage layer, round trips through exports."""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from kpi.canonical import COLUMNS, content_hash
from kpi.catalogue import Catalogue, load_catalogue
from kpi.services import ingest
from kpi.services.commit import ScopeError, UploadMeta, commit_upload
from kpi.settings import Settings
from kpi.storage import Measurement, Storage, StorageBusyError, retrying
from kpi.storage.repository import audit_frame, export_frame, history_frame
from kpi.units import UnitRegistry, load_default_units
from loaders import read
from reports.tables import to_csv_bytes, to_xlsx_bytes

TODAY = dt.date(2026, 11, 22)
UNITS = [u.code for u in load_default_units() if u.parent]


def frame_for(values: list[float], unit: str = "VPB") -> pd.DataFrame:
    codes = load_catalogue().codes
    rows = [
        {
            "indicator_code": codes[i % 16],
            "unit_code": unit,
            "period": f"{2021 + (i // 16) // 4}-Q{(i // 16) % 4 + 1}",
            "value": v,
            "numerator": None,
            "denominator": None,
            "note": None,
        }
        for i, v in enumerate(values)
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def meta(frame: pd.DataFrame) -> UploadMeta:
    digest = content_hash(frame)
    return UploadMeta(file_name="f.csv", sha256=digest, size_bytes=1, content_hash=digest)


def test_two_uploads_at_once_make_one_revision(storage: Storage) -> None:
    frame = frame_for([float(i % 90) for i in range(64)])
    results = []

    def upload() -> None:
        results.append(commit_upload(storage, frame, actor="a@x", meta=meta(frame)))

    threads = [threading.Thread(target=upload) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(not r.already_imported for r in results) == 1
    assert len(history_frame(storage)) == 64


def test_scope_refused_whole_at_storage_and_audited(storage: Storage) -> None:
    frame = pd.concat([frame_for([10.0]), frame_for([20.0], unit="CNCC")], ignore_index=True)
    with pytest.raises(ScopeError, match="CNCC"):
        commit_upload(storage, frame, actor="o@x", meta=meta(frame), allowed_units={"VPB"})
    assert export_frame(storage).empty
    refusals = audit_frame(storage)
    refusals = refusals[refusals["action"] == "upload.refused"]
    assert len(refusals) == 1 and refusals.iloc[0]["actor"] == "o@x"


def test_retries_are_bounded_and_clear() -> None:
    calls = []

    def locked() -> None:
        calls.append(1)
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    with pytest.raises(StorageBusyError, match="đang bận"):
        retrying(locked, attempts=3, base_delay=0.01)
    assert len(calls) == 3


class _SerializationFailure(Exception):
    sqlstate = "40001"


def test_serialization_failure_is_retried() -> None:
    calls = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("UPDATE", {}, _SerializationFailure("could not serialize"))
        return "ok"

    assert retrying(flaky, attempts=5, base_delay=0.01) == "ok" and len(calls) == 3


def test_retries_are_silent_unless_they_fail(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    def busy_twice() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
        return "ok"

    with caplog.at_level(logging.INFO, logger="kpi.storage.engine"):
        assert retrying(busy_twice, attempts=5, base_delay=0.01) == "ok"
    assert not caplog.records

    def always_busy() -> str:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    with (
        caplog.at_level(logging.INFO, logger="kpi.storage.engine"),
        pytest.raises(StorageBusyError),
    ):
        retrying(always_busy, attempts=2, base_delay=0.01)
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


def test_sqlite_writer_waits_for_a_held_lock(sqlite_storage: Storage) -> None:
    path = sqlite_storage.engine.url.database
    assert path
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(1.0, holder.rollback)
    timer.start()
    frame = frame_for([42.0])
    result = commit_upload(sqlite_storage, frame, actor="a@x", meta=meta(frame))
    timer.join()
    holder.close()
    assert result.rows_new == 1


KILL_SCRIPT = """
import sys, pathlib
import pandas as pd
from kpi.canonical import content_hash
from kpi.storage import open_storage
from kpi.services.commit import UploadMeta, commit_upload
store = open_storage(sys.argv[1])
frame = pd.read_pickle(sys.argv[2])
digest = content_hash(frame)
flag = pathlib.Path(sys.argv[3])
def progress(done):
    flag.write_text(str(done))
    import time; time.sleep(0.2)
commit_upload(store, frame, actor="k@x", progress=progress,
              meta=UploadMeta("big.csv", digest, 1, digest))
"""


@pytest.mark.slow
def test_kill_during_commit_leaves_all_or_nothing(storage: Storage, tmp_path: Path) -> None:
    units = UNITS[:10]
    frame = pd.concat(
        [frame_for([float(i % 97) for i in range(16 * 40)], unit=u) for u in units],
        ignore_index=True,
    )
    frame.to_pickle(tmp_path / "frame.pkl")
    flag = tmp_path / "started"
    script = tmp_path / "commit.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    url = storage.engine.url.render_as_string(hide_password=False)
    proc = subprocess.Popen(
        [sys.executable, str(script), url, str(tmp_path / "frame.pkl"), str(flag)],
        env=os.environ.copy(),
    )
    deadline = time.monotonic() + 60
    while not flag.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert flag.exists(), "the commit never started"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    storage.engine.dispose()
    with storage.reading() as session:
        stored = session.scalar(select(func.count()).select_from(Measurement))
    assert stored in (0, len(frame))
    if storage.dialect == "sqlite":
        with storage.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


NOTES = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "ghi chú",
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            '=HYPERLINK("http://x")',
            "+84 912",
            "-",
            "Đã rà soát, số liệu chuẩn",
        ]
    ),
)


@st.composite
def valid_frames(draw: st.DrawFn) -> pd.DataFrame:
    codes = load_catalogue().codes
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(codes),
                st.sampled_from(UNITS[:5]),
                st.integers(2020, 2026),
                st.integers(1, 4),
            ),
            min_size=1,
            max_size=20,
            unique=True,
        )
    )
    rows = []
    for code, unit, year, q in keys:
        den = draw(st.integers(1, 100_000))
        num = draw(st.integers(0, den))
        with_counts = draw(st.booleans())
        rows.append(
            {
                "indicator_code": code,
                "unit_code": unit,
                "period": f"{min(year, 2026)}-Q{q if year < 2026 else min(q, 3)}",
                "value": round(100 * num / den, 6)
                if with_counts
                else draw(st.floats(0, 100).map(lambda v: round(v, 4))),
                "numerator": float(num) if with_counts else None,
                "denominator": float(den) if with_counts else None,
                "note": draw(NOTES),
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.drop_duplicates(["indicator_code", "unit_code", "period"])


def _canonical(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame[COLUMNS].sort_values(["indicator_code", "unit_code", "period"])
    out = out.astype({"value": float, "numerator": float, "denominator": float})
    out["note"] = out["note"].fillna("").astype(str)
    return out.reset_index(drop=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_frames(), st.sampled_from(["csv", "xlsx"]))
def test_any_valid_frame_round_trips(frame: pd.DataFrame, fmt: str) -> None:
    registry = UnitRegistry(load_default_units())
    data = to_csv_bytes(frame) if fmt == "csv" else to_xlsx_bytes(frame)
    loaded = read(data, f"x.{fmt}", registry)
    assert loaded.problems == []
    pd.testing.assert_frame_equal(_canonical(loaded.frame), _canonical(frame), check_dtype=False)


def test_prepare_then_commit_through_the_service(storage: Storage, catalogue: Catalogue) -> None:
    data = b"indicator_code,unit_code,period,value\n1.1,VPB,2025-Q3,40\n1.2,VPB,2025-Q3,50\n"
    prepared = ingest.prepare(
        storage, data, "a.csv", catalogue=catalogue, settings=Settings(), today=TODAY
    )
    assert prepared.ok and prepared.counts() == {"new": 2, "changed": 0, "unchanged": 0}
    result = ingest.commit(storage, prepared, actor="a@x")
    assert result.rows_new == 2
    again = ingest.prepare(
        storage, data, "a.csv", catalogue=catalogue, settings=Settings(), today=TODAY
    )
    assert again.counts()["unchanged"] == 2
    assert ingest.commit(storage, again, actor="a@x").already_imported


def test_page_refusal_is_recorded_like_the_commit_refusal(
    storage: Storage, catalogue: Catalogue
) -> None:
    data = b"indicator_code,unit_code,period,value\n1.1,VPB,2025-Q3,40\n1.1,CNCC,2025-Q3,41\n"
    prepared = ingest.prepare(
        storage, data, "b.csv", catalogue=catalogue, settings=Settings(), today=TODAY
    )
    outside = ingest.refuse_outside_scope(storage, prepared, actor="o@x", allowed_units={"VPB"})
    assert outside == ["CNCC"]
    assert ingest.refuse_outside_scope(storage, prepared, actor="a@x", allowed_units=None) == []
    with pytest.raises(ScopeError):
        ingest.commit(storage, prepared, actor="o@x", allowed_units={"VPB"})
    log = audit_frame(storage)
    refusals = log[log["action"] == "upload.refused"]
    assert len(refusals) == 2 and refusals["upload_id"].notna().all()
    assert [d["units_outside_scope"] for d in refusals["detail"]] == [["CNCC"], ["CNCC"]]
    assert export_frame(storage).empty
