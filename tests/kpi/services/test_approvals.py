"""Sign-offs, lock exceptions and API tokens: each write and its audit in one unit of
work, over the fake store (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi.access import Role, Viewer
from kpi.services import cycle, tokens
from kpi.services.cycle import CycleError
from tests.kpi.services.fakes import FakeStore

HEAD = Viewer("truong@bnv.gov.vn", Role.APPROVER, frozenset({"VPB"}))
ADMIN = Viewer("quan-tri@bnv.gov.vn", Role.ADMIN)


def with_figures(*pairs: tuple[str, str]) -> FakeStore:
    store = FakeStore()
    for unit, period in pairs:
        store.state.current[("1.1", unit, period)] = {"value": 50.0, "revision": 1}
    return store


def test_approving_locks_the_quarter_and_is_audited() -> None:
    store = with_figures(("VPB", "2025-Q3"))
    assert cycle.approve(store, HEAD, "Văn phòng Bộ", "Q3/2025") == 1
    assert store.state.approvals[("VPB", "2025-Q3")][0] == HEAD.email
    (entry,) = store.state.audit
    assert (entry["action"], entry["unit_code"]) == ("approval.approve", "VPB")
    assert entry["detail"] == {"period": "2025-Q3", "figures": 1}


@pytest.mark.parametrize(
    ("viewer", "unit", "period", "message"),
    [
        (HEAD, "VPC", "2025-Q3", "không có quyền phê duyệt"),
        (HEAD, "VPB", "2025-Q2", "chưa có số liệu"),
        (HEAD, "NOPE", "2025-Q3", "không có đơn vị"),
        (ADMIN, "VPB", "2025-Q9", "không hợp lệ"),
    ],
)
def test_a_refused_approval_writes_nothing(
    viewer: Viewer, unit: str, period: str, message: str
) -> None:
    store = with_figures(("VPB", "2025-Q3"), ("VPC", "2025-Q3"))
    with pytest.raises(CycleError, match=message):
        cycle.approve(store, viewer, unit, period)
    assert store.state.approvals == {} and store.state.audit == [] and store.commits == 0


def test_a_quarter_is_approved_once_and_unapproved_with_a_reason() -> None:
    store = with_figures(("VPB", "2025-Q3"))
    cycle.approve(store, HEAD, "VPB", "2025-Q3")
    with pytest.raises(CycleError, match="đã được phê duyệt"):
        cycle.approve(store, HEAD, "VPB", "2025-Q3")
    with pytest.raises(CycleError, match="lý do"):
        cycle.unapprove(store, HEAD, "VPB", "2025-Q3", "  ")
    cycle.unapprove(store, HEAD, "VPB", "2025-Q3", "sai số liệu")
    assert store.state.approvals == {}
    detail = store.state.audit[-1]["detail"]
    assert detail["reason"] == "sai số liệu" and detail["approved_by"] == HEAD.email
    assert store.state.actions() == ["approval.approve", "approval.unapprove"]
    with pytest.raises(CycleError, match="chưa được phê duyệt"):
        cycle.unapprove(store, HEAD, "VPB", "2025-Q3", "lần nữa")


def test_opening_a_lock_exception_is_audited_with_its_reason() -> None:
    store = FakeStore()
    lock_id = cycle.open_lock(store, "VPB", "2025-Q3", "2026-01-31", " nộp muộn ", actor="admin")
    assert lock_id == 1
    assert store.state.locks[0]["until"] == dt.date(2026, 1, 31)
    assert store.state.audit[0]["detail"] == {
        "period": "2025-Q3",
        "until": "2026-01-31",
        "reason": "nộp muộn",
    }
    with pytest.raises(CycleError, match="YYYY-MM-DD"):
        cycle.open_lock(store, "VPB", "2025-Q3", "31/01/2026", "x", actor="admin")
    with pytest.raises(CycleError, match="lý do"):
        cycle.open_lock(store, "VPB", "2025-Q3", "2026-01-31", "", actor="admin")
    assert len(store.state.locks) == 1 and len(store.state.audit) == 1


def test_a_token_and_its_audit_are_written_together_and_names_are_unique() -> None:
    store = FakeStore()
    secret = tokens.add_token(store, "portal", actor="admin")
    assert store.state.tokens["portal"]["hash"] == tokens.hash_token(secret)
    with pytest.raises(tokens.TokenError, match="đã có token"):
        tokens.add_token(store, "portal")
    tokens.revoke_token(store, "portal", actor="admin")
    with pytest.raises(tokens.TokenError):
        tokens.revoke_token(store, "portal")
    assert store.state.actions() == ["api.token.add", "api.token.revoke"]
