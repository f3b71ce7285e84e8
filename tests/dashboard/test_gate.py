"""The upload gate: only sessions recorded with the upload right may send files, closed
sessions are pruned, and clear_cache frames are recognised (dashboard/server.py)."""

from __future__ import annotations

from streamlit.proto.BackMsg_pb2 import BackMsg

from dashboard import gate
from dashboard.gate import is_clear_cache


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
