"""Refusals raised by services and storage, on SQLite and PostgreSQL, read in English
with quarters, half-years and roles in English; `str(e)` is the Vietnamese text."""

from __future__ import annotations

import pytest

from kpi.access import LOCAL_ADMIN, Role
from kpi.catalogue import Catalogue
from kpi.services import ingest
from kpi.services import task_signoffs as signoffs
from kpi.services.users import AccessError, add_user
from kpi.storage import Storage
from tests.kpi.services.test_cycle import LOCKED_DAY, OFFICER, OPEN_DAY, Q3, rows, upload
from tests.kpi.test_messages import vietnamese_letters


def test_a_lock_refusal_names_the_quarter_in_english(
    storage: Storage, catalogue: Catalogue
) -> None:
    upload(storage, catalogue, rows(f"1.1,VPB,{Q3},40"), OFFICER, OPEN_DAY)
    with pytest.raises(ingest.QuarterLockedError) as refused:
        upload(storage, catalogue, rows(f"1.1,VPB,{Q3},41"), OFFICER, LOCKED_DAY)
    assert "Quý 3/2026 của VPB" in str(refused.value)
    english = refused.value.text("en")
    assert "Q3 2026 of VPB (locked since 15/11/2026)" in english and "kpi locks open" in english
    assert not vietnamese_letters(english.split(" — contact ")[0])  # the contact is a name


def test_a_sign_off_refusal_names_the_half_year_in_english(storage: Storage) -> None:
    head = add_user(storage, "tt.vpc@bnv.gov.vn", Role.APPROVER, ["VPC"], actor=LOCAL_ADMIN)
    with pytest.raises(signoffs.SignoffError) as refused:
        signoffs.approve(storage, head, "VPC", "2026-H2")
    half = refused.value.fields["half"]
    assert str(refused.value) == (
        f"đơn vị VPC chưa có báo cáo tiến độ nhiệm vụ {half.label('vi')} để duyệt"
    )
    assert refused.value.text("en") == (
        f"unit VPC has no task progress reports of {half.label('en')} to sign off"
    )


def test_a_user_refusal_names_the_role_in_english(storage: Storage) -> None:
    with pytest.raises(AccessError) as refused:
        add_user(storage, "cb@bnv.gov.vn", Role.OFFICER, [], actor=LOCAL_ADMIN)
    assert str(refused.value).startswith(Role.OFFICER.vi.lower())
    assert refused.value.text("en") == f"{Role.OFFICER.en.lower()} needs at least one unit (--unit)"
