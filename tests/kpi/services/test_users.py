"""Users and their audit in one unit of work, over the fake store (no database)."""

from __future__ import annotations

import pytest

from kpi.access import Role
from kpi.services.users import AccessError, add_user, remove_user
from tests.kpi.services.fakes import FakeStore

ADMIN = "quan-tri@bnv.gov.vn"


def test_adding_a_user_writes_the_user_and_its_audit_together() -> None:
    store = FakeStore()
    viewer = add_user(store, " O@BNV.gov.vn ", Role.OFFICER, ["VPB", "Văn phòng Bộ"], actor=ADMIN)
    assert viewer.email == "o@bnv.gov.vn" and viewer.unit_codes == frozenset({"VPB"})
    assert store.state.users["o@bnv.gov.vn"] == {"role": "officer", "sub": None, "units": ["VPB"]}
    (entry,) = store.state.audit
    assert (entry["actor"], entry["action"]) == (ADMIN, "users.add")
    assert entry["detail"] == {
        "email": "o@bnv.gov.vn",
        "role": "officer",
        "before_role": None,
        "units": ["VPB"],
    }
    assert store.commits == 1


def test_changing_a_role_audits_the_role_before() -> None:
    store = FakeStore()
    add_user(store, "o@bnv.gov.vn", Role.OFFICER, ["VPB"], actor=ADMIN)
    add_user(store, "o@bnv.gov.vn", Role.LEADER, actor=ADMIN)
    assert store.state.users["o@bnv.gov.vn"]["units"] == []
    assert store.state.audit[-1]["detail"]["before_role"] == "officer"


@pytest.mark.parametrize(
    ("email", "role", "units", "message"),
    [
        ("not-an-email", Role.LEADER, [], "không phải là địa chỉ e-mail"),
        ("o@bnv.gov.vn", Role.OFFICER, ["NOPE"], "không có đơn vị 'NOPE'"),
        ("o@bnv.gov.vn", Role.OFFICER, [], "cần ít nhất một đơn vị"),
    ],
)
def test_a_refused_user_writes_nothing(
    email: str, role: Role, units: list[str], message: str
) -> None:
    store = FakeStore()
    with pytest.raises(AccessError, match=message):
        add_user(store, email, role, units, actor=ADMIN)
    assert store.state.users == {} and store.state.audit == [] and store.commits == 0


def test_removing_a_user_is_audited_and_an_unknown_one_writes_nothing() -> None:
    store = FakeStore()
    add_user(store, "ld@bnv.gov.vn", Role.LEADER, actor=ADMIN)
    assert remove_user(store, "LD@bnv.gov.vn", actor=ADMIN)
    assert store.state.users == {}
    assert store.state.audit[-1]["detail"] == {"email": "ld@bnv.gov.vn", "role": "leader"}
    assert not remove_user(store, "ghost@bnv.gov.vn", actor=ADMIN)
    assert store.state.actions() == ["users.add", "users.remove"]
