"""The upload gate: only sessions recorded with the upload right may send files, closed
sessions are pruned, and clear_cache frames are recognised (dashboard/server.py)."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.proto.BackMsg_pb2 import BackMsg

from dashboard import auth, gate
from dashboard.gate import is_clear_cache
from kpi.access import Role, Viewer
from tests.dashboard.conftest import AppFactory


def test_only_recorded_uploaders_may_upload() -> None:
    gate.record("s-officer", True)
    gate.record("s-visitor", False)
    assert gate.may_upload("s-officer") and not gate.may_upload("s-visitor")
    gate.record("s-officer", False)  # signed out, or the role was removed
    assert not gate.may_upload("s-officer")
    gate.record(None, True)  # no session (bare mode): nothing recorded
    assert not gate.may_upload("")


def test_closed_sessions_are_pruned() -> None:
    for index in range(gate.PRUNE_AT + 1):
        gate.record(f"old-{index}", True)
    gate.record("live", True, is_active=lambda session: session == "live")
    assert gate.may_upload("live") and not gate.may_upload("old-0")
    gate.record("live", False)


def frame(back: BackMsg) -> dict[str, object]:
    return {"type": "websocket.receive", "bytes": back.SerializeToString()}


def test_clear_cache_frames_are_recognised_and_nothing_else() -> None:
    clear = BackMsg()
    clear.clear_cache = True
    rerun = BackMsg()
    rerun.rerun_script.query_string = ""
    assert is_clear_cache(frame(clear))
    assert not is_clear_cache(frame(rerun))
    assert not is_clear_cache({"type": "websocket.receive", "bytes": b"\xff\x00 not a proto"})
    assert not is_clear_cache({"type": "websocket.disconnect"})


def test_an_officer_keeps_the_right_while_a_run_works(
    open_page: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file sent while the page reruns is not refused; a run stopped before the viewer is
    known withdraws the right."""
    monkeypatch.setattr(gate, "_uploaders", set())  # AppTest may reuse a session id
    at = open_page("upload.py", role=Role.OFFICER)
    (session,) = gate._uploaders
    seen: list[bool] = []
    identify = auth.current_viewer

    def watched() -> Viewer:
        seen.append(gate.may_upload(session))
        return identify()

    monkeypatch.setattr(auth, "current_viewer", watched)
    at.run()
    assert seen == [True] and gate.may_upload(session)

    def stopped() -> Viewer:
        st.stop()
        raise AssertionError("unreachable")

    monkeypatch.setattr(auth, "current_viewer", stopped)
    at.run()
    assert not gate.may_upload(session)


def test_a_session_holds_at_most_the_capped_number_of_files() -> None:
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
    from streamlit.runtime.uploaded_file_manager import UploadedFileRec

    from dashboard.server import drop_oldest

    manager = MemoryUploadedFileManager("/_stcore/upload_file")
    for index in range(6):
        drop_oldest(manager, "officer")  # the guard makes room before each file arrives
        manager.add_file("officer", UploadedFileRec(f"f{index}", "a.csv", "text/csv", b"x" * 10))
    manager.add_file("other", UploadedFileRec("g0", "b.csv", "text/csv", b"y"))
    assert list(manager.file_storage["officer"]) == ["f3", "f4", "f5"]
    assert gate.MAX_HELD_FILES == 3 and list(manager.file_storage["other"]) == ["g0"]
