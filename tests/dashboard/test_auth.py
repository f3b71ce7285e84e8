"""Sign-in modes in AppTest: demo switcher, production start-up error, OIDC users by role,
the no-access page, the admin pages, and hostile text shown literally."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from dashboard.ui import cell_text
from kpi.access import LOCAL_ADMIN, Role
from kpi.canonical import COLUMNS, content_hash
from kpi.catalogue import load_catalogue
from kpi.services.commit import UploadMeta, commit_upload
from kpi.services.users import add_user, audit_entries, users_frame
from kpi.storage import open_storage
from tests.dashboard.conftest import APP, static_tables

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret-of-more-than-32-bytes",
    "client_id": "kpi",
    "client_secret": "kpi-test-client-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
HOSTILE = '<script>alert(1)</script> [x](javascript:alert(1)) =HYPERLINK("http://x")'


def signed_in(user: dict[str, Any] | None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False} if user is None else {"is_logged_in": True, **user}
    at.run()
    if page is not None:
        at.switch_page(f"app_pages/{page}")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def test_demo_switcher_without_auth(app_db: str) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert at.sidebar.radio[0].label == "Vai trò minh họa (demo)"
    assert at.sidebar.radio[0].value is Role.LEADER


def test_production_without_auth_is_a_startup_error(
    app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_ENV", "production")
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["demo_role"] = Role.ADMIN  # cannot switch the demo on
    at.run()
    assert "KPI_ENV=production" in at.error[0].value
    assert not at.radio and not at.dataframe and not at.metric


def test_production_with_auth_signs_in(app_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_ENV", "production")
    at = signed_in(None)
    assert titles(at) == ["Đăng nhập"] and at.button[0].label == "Đăng nhập"
    assert not at.radio and not at.dataframe


def test_unknown_user_sees_only_no_access(app_db: str) -> None:
    at = signed_in({"email": HOSTILE, "email_verified": True, "sub": "x-1"})
    assert titles(at) == ["Chưa có quyền truy cập"]
    assert "Trung tâm Công nghệ Thông tin" in at.text[0].value
    assert at.text[1].value == HOSTILE  # plain text, shown as typed
    assert not at.dataframe and not at.metric and not at.radio
    assert [b.label for b in at.button] == ["Đăng xuất"]


def test_officer_by_sub_gets_upload_leader_does_not(app_db: str) -> None:
    store = open_storage(app_db)
    add_user(store, "o@bnv.gov.vn", Role.OFFICER, ["VPB"], actor=LOCAL_ADMIN, sub="sub-o")
    add_user(store, "ld@bnv.gov.vn", Role.LEADER, actor=LOCAL_ADMIN)
    store.dispose()
    officer = signed_in({"sub": "sub-o"}, page="upload.py")
    assert not officer.radio  # no demo switcher once sign-in is configured
    assert any("o@bnv.gov.vn" in t.value for t in officer.sidebar.text)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        signed_in({"email": "LD@bnv.gov.vn", "email_verified": True}, page="upload.py")


def test_admin_pages_only_for_admins(app_db: str) -> None:
    store = open_storage(app_db)
    add_user(store, "ad@bnv.gov.vn", Role.ADMIN, actor=LOCAL_ADMIN)
    add_user(store, "o@bnv.gov.vn", Role.OFFICER, ["VPB"], actor=LOCAL_ADMIN)
    store.dispose()
    admin = signed_in({"email": "ad@bnv.gov.vn", "email_verified": True}, page="admin_users.py")
    assert "Người dùng và phân quyền" in titles(admin)
    assert set(admin.dataframe[0].value["E-mail"]) == {"ad@bnv.gov.vn", "o@bnv.gov.vn"}
    for page in ("admin_users.py", "audit.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            signed_in({"email": "o@bnv.gov.vn", "email_verified": True}, page=page)


def test_admin_adds_a_user_and_it_is_audited(app_db: str) -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["demo_role"] = Role.ADMIN
    at.run()
    at.switch_page("app_pages/admin_users.py").run()
    at.text_input(key="user_email").input("moi@bnv.gov.vn")
    at.selectbox(key="user_role").set_value(Role.OFFICER)
    at.multiselect(key="user_units").set_value(["VPB"])
    at.button[0].click().run()
    assert not at.exception and at.success[0].value == "Đã lưu người dùng."
    store = open_storage(app_db)
    users = users_frame(store)
    log = audit_entries(store, actor="quan-tri@demo.local")
    store.dispose()
    assert users.set_index("email").loc["moi@bnv.gov.vn", "units"] == "VPB"
    assert log.iloc[0]["action"] == "users.add"


def test_audit_page_shows_hostile_notes_literally(app_db: str) -> None:
    store = open_storage(app_db)
    code = load_catalogue().codes[0]
    frame = pd.DataFrame([[code, "VPB", "2026-Q3", 55.0, None, None, HOSTILE]], columns=COLUMNS)
    digest = content_hash(frame)
    meta = UploadMeta(file_name=HOSTILE, sha256=digest, size_bytes=1, content_hash=digest)
    commit_upload(store, frame, actor="o@bnv.gov.vn", meta=meta, allowed_units={"VPB"})
    store.dispose()
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["demo_role"] = Role.ADMIN
    at.run()
    at.switch_page("app_pages/audit.py").run()
    at.selectbox(key="audit_actor").set_value("o@bnv.gov.vn").run()
    assert not at.exception
    sent = at.table[0].value  # escaped for st.table's markdown, its address not linked
    assert list(sent["Ghi chú"]) == [cell_text(HOSTILE)] == list(sent["Tệp"])
    changes = static_tables(at)[0]  # as a person reads it
    assert list(changes["Ghi chú"]) == [HOSTILE] and list(changes["Tệp"]) == [HOSTILE]
    assert [v.split(" → ")[-1] for v in changes["Giá trị: trước → sau"]] == ["55,0%"]
    assert all("<script>" not in m.value for m in at.markdown)


PAGES = [
    "overview.py",
    "indicator.py",
    "alerts.py",
    "reports.py",
    "submissions.py",
    "upload.py",
    "admin_users.py",
    "audit.py",
]


@pytest.mark.parametrize("page", PAGES)
def test_hostile_unit_name_and_note_never_rendered(app_db: str, page: str) -> None:
    store = open_storage(app_db)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE units SET name = :name WHERE code = 'VPB'"), {"name": HOSTILE})
    code = load_catalogue().codes[0]
    frame = pd.DataFrame([[code, "VPB", "2026-Q3", 55.0, None, None, HOSTILE]], columns=COLUMNS)
    digest = content_hash(frame)
    meta = UploadMeta(file_name="f.csv", sha256=digest, size_bytes=1, content_hash=digest)
    commit_upload(store, frame, actor="o@bnv.gov.vn", meta=meta)
    store.dispose()
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["demo_role"] = Role.ADMIN
    at.run()
    at.switch_page(f"app_pages/{page}").run()
    assert not at.exception, [e.value for e in at.exception]
    rendered = [*at.markdown, *at.caption, *at.title, *at.header, *at.subheader]
    rendered += [*at.info, *at.warning, *at.error, *at.success]
    for element in rendered:  # markdown sources hold the text only escaped, if at all
        assert "<script>" not in element.value and "](javascript:" not in element.value
