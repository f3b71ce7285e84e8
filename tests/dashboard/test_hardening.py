"""The dashboard refuses unsafe production configurations before building anything, trusts
only verified e-mails (or `sub` when told so), and shows identities as literal text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from kpi.access import LOCAL_ADMIN, Role
from kpi.safety import MIN_COOKIE_SECRET_BYTES
from kpi.services.users import add_user
from kpi.storage import open_storage
from tests.dashboard.conftest import APP
from tests.dashboard.test_auth import AUTH

EXAMPLE_SECRET = "change-me-to-a-long-random-string"
UNSAFE_TITLE = (
    "Cấu hình không an toàn: hệ thống chưa chạy / "
    "Unsafe configuration: the dashboard will not start"
)


def run_app(auth: dict[str, Any] | None, user: dict[str, Any] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if auth is not None:
        at.secrets["auth"] = auth
    at.user = {"is_logged_in": False} if user is None else {"is_logged_in": True, **user}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def refused(at: AppTest) -> str:
    """The start-up error text; nothing else may be built (no sign-in, no switcher, no data)."""
    assert [t.value for t in at.title] == [UNSAFE_TITLE]
    assert not at.button and not at.radio and not at.dataframe and not at.metric
    return " ".join(e.value for e in at.error)


@pytest.mark.parametrize(
    ("secret", "expected"),
    [
        (None, "chưa đặt"),
        ("", "chưa đặt"),
        (EXAMPLE_SECRET, "giá trị mẫu"),
        ("x" * (MIN_COOKIE_SECRET_BYTES - 1), "ngắn hơn 32 byte"),
    ],
)
def test_production_refuses_a_weak_cookie_secret(
    app_db: str, monkeypatch: pytest.MonkeyPatch, secret: str | None, expected: str
) -> None:
    monkeypatch.setenv("KPI_ENV", "production")
    auth = {k: v for k, v in AUTH.items() if k != "cookie_secret"}
    if secret is not None:
        auth["cookie_secret"] = secret
    assert expected in refused(run_app(auth, {"email": "ad@bnv.gov.vn", "email_verified": True}))


def test_production_refuses_the_example_client_secret(
    app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_ENV", "production")
    assert "client_secret" in refused(run_app({**AUTH, "client_secret": "change-me"}))


@pytest.mark.parametrize("value", ["", "  ", "staging", "Production"])
def test_env_empty_or_unknown_is_refused(
    app_db: str, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("KPI_ENV", value)
    assert "KPI_ENV" in refused(run_app(None))


def test_empty_variable_does_not_downgrade_the_file_setting(
    app_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`[kpi] env = "production"` in the file and KPI_ENV set but empty: refused, not demo."""
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('[kpi]\nenv = "production"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KPI_ENV", "")
    at = AppTest.from_file(str(Path(__file__).parent / APP), default_timeout=30)
    at.session_state["demo_role"] = Role.ADMIN
    at.run()
    assert "KPI_ENV" in refused(at) and "trống" in refused(at)


def test_file_says_production_without_auth_is_refused(
    app_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('[kpi]\nenv = "production"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KPI_ENV", raising=False)
    at = AppTest.from_file(str(Path(__file__).parent / APP), default_timeout=30).run()
    assert "KPI_ENV=production" in refused(at)


def test_an_unreadable_settings_file_is_explained_in_both_languages(
    app_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text("[kpi\nenv = \n")
    monkeypatch.chdir(tmp_path)
    at = AppTest.from_file(str(Path(__file__).parent / APP), default_timeout=30).run()
    vi, en = (part.strip() for part in at.error[0].value.split("\n\n"))
    assert "không đọc được" in vi and "secrets.toml" in vi
    assert en.startswith(".streamlit/secrets.toml cannot be read:"), en


@pytest.mark.parametrize(
    ("setup", "vi", "en"),
    [
        ({"KPI_ENV": "staging"}, "phải là", "must be"),
        ({"KPI_ENV": "production", "secret": EXAMPLE_SECRET}, "giá trị mẫu", "example"),
    ],
)
def test_every_start_up_problem_is_shown_in_both_languages(
    app_db: str, monkeypatch: pytest.MonkeyPatch, setup: dict[str, str], vi: str, en: str
) -> None:
    monkeypatch.setenv("KPI_ENV", setup["KPI_ENV"])
    auth = {**AUTH, "cookie_secret": setup.get("secret", AUTH["cookie_secret"])}
    at = run_app(auth if "secret" in setup else None)
    refused(at)
    for error in at.error:
        texts = error.value.split("\n\n")
        assert len(texts) == 2, error.value
    shown = [error.value.split("\n\n") for error in at.error]
    assert any(vi in first and en in second for first, second in shown), shown


@pytest.fixture
def admin(app_db: str) -> str:
    store = open_storage(app_db)
    add_user(store, "ad@bnv.gov.vn", Role.ADMIN, actor=LOCAL_ADMIN, sub="sub-ad")
    store.dispose()
    return "ad@bnv.gov.vn"


@pytest.mark.parametrize("verified", [False, "false", None])
def test_unverified_email_is_not_trusted(admin: str, verified: object) -> None:
    user: dict[str, Any] = {"email": admin, "sub": "someone-else"}
    if verified is not None:
        user["email_verified"] = verified
    at = run_app(AUTH, user)
    assert [t.value for t in at.title] == ["E-mail chưa được xác minh"]
    assert admin in [t.value for t in at.text]
    assert not at.dataframe and not at.metric
    assert [b.label for b in at.button] == ["Đăng xuất"]


def test_verified_email_signs_in(admin: str) -> None:
    at = run_app(AUTH, {"email": admin.upper(), "email_verified": True, "sub": "x"})
    assert any("Quản trị" in t.value for t in at.sidebar.text)


def test_match_by_sub_ignores_the_email_claim(admin: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_AUTH_MATCH", "sub")
    by_email = run_app(AUTH, {"email": admin, "email_verified": True, "sub": "not-stored"})
    assert [t.value for t in by_email.title] == ["Chưa có quyền truy cập"]
    by_sub = run_app(AUTH, {"sub": "sub-ad"})
    assert any(admin in t.value for t in by_sub.sidebar.text)


def test_sidebar_shows_the_email_as_plain_text(app_db: str) -> None:
    hostile = "https://evil.example/@bnv.gov.vn"
    store = open_storage(app_db)
    add_user(store, hostile, Role.LEADER, actor=LOCAL_ADMIN)
    store.dispose()
    at = run_app(AUTH, {"email": hostile, "email_verified": True})
    shown = [t.value for t in at.sidebar.text]
    assert any(f": {hostile} ·" in value for value in shown)  # st.text: never markdown
    assert not any(hostile in c.value for c in [*at.sidebar.caption, *at.sidebar.markdown])
