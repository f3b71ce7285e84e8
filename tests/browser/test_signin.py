"""Sign-in in real Chromium through a real OpenID Connect provider (oidc-provider-mock),
as each role: officer uploads in scope and is refused out of scope, leader has nothing
writable, an unknown user sees only the no-access page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kpi.access import LOCAL_ADMIN, Role
from kpi.periods import last_ended_quarter
from kpi.services.users import add_user, audit_entries, changes_frame
from kpi.storage import open_storage
from tests.browser.conftest import ROOT, free_port, settle, upload, wait_healthy
from tests.dashboard.conftest import demo_db_template  # noqa: F401  (shared fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
OFFICER, LEADER = "can-bo@bnv.gov.vn", "lanh-dao@bnv.gov.vn"
COOKIE_SECRET = "browser-test-cookie-secret-0123456789"


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real OIDC provider process on a free port; accepts any client."""
    port = free_port()
    log = (tmp_path_factory.mktemp("oidc") / "oidc.log").open("wb")
    command = [sys.executable, "-m", "oidc_provider_mock", "--port", str(port)]
    process = subprocess.Popen([*command, "--host", "127.0.0.1"], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("oidc-provider-mock did not start") from None
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@dataclass(frozen=True)
class App:
    url: str
    db_url: str
    provider: str
    cookie_secret: str = COOKIE_SECRET


def set_claims(provider: str, sub: str, claims: dict[str, object]) -> None:
    """Store a user's claims at the provider (its PUT /users/<sub> API)."""
    body = json.dumps(claims).encode()
    request = urllib.request.Request(
        f"{provider}/users/{sub}", body, {"Content-Type": "application/json"}, method="PUT"
    )
    with urllib.request.urlopen(request, timeout=10):
        pass


def secrets_toml(app_port: int, provider_url: str, cookie_secret: str = COOKIE_SECRET) -> str:
    return (
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{cookie_secret}"\n'
        'client_id = "kpi-monitor"\n'
        'client_secret = "kpi-monitor-secret"\n'
        f'server_metadata_url = "{provider_url}/.well-known/openid-configuration"\n'
    )


@pytest.fixture(scope="module")
def app(
    tmp_path_factory: pytest.TempPathFactory,
    provider: str,
    demo_db_template: Path,  # noqa: F811
) -> Iterator[App]:
    """`streamlit run` in a working dir whose .streamlit/secrets.toml configures sign-in;
    one server for the module (each test has a fresh browser context, so no shared login)."""
    tmp_path = tmp_path_factory.mktemp("signin")
    path = tmp_path / "signin.db"
    shutil.copy(demo_db_template, path)
    db_url = f"sqlite:///{path}"
    store = open_storage(db_url)
    add_user(store, OFFICER, Role.OFFICER, ["VPB"], actor=LOCAL_ADMIN)
    add_user(store, LEADER, Role.LEADER, actor=LOCAL_ADMIN)
    store.dispose()
    port = free_port()
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(secrets_toml(port, provider))
    shutil.copy(ROOT / ".streamlit" / "config.toml", tmp_path / ".streamlit" / "config.toml")
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "server.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    # The uploads here are about the page, not the deadline lock: every quarter stays open.
    env = {
        **os.environ,
        "KPI_DATABASE_URL": db_url,
        "KPI_ENV": "production",
        "KPI_LOCK_DAYS": "36500",
    }
    log = (tmp_path / "streamlit.log").open("wb")
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield App(url, db_url, provider)
    finally:
        process.terminate()
        process.wait(timeout=10)


def sign_in(page: Page, app: App, who: str, verified: bool = True) -> None:
    """Sign in at the provider's own form as `who`, its e-mail verified or not."""
    set_claims(app.provider, who, {"email": who, "email_verified": verified})
    page.goto(app.url)
    settle(page)
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator("input[name=sub]").fill(who)  # the provider's own login form
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app.url}/**", timeout=30_000)
    page.wait_for_selector("[data-testid=stApp]", timeout=30_000)
    settle(page)


def nav_links(page: Page) -> list[str]:
    return page.locator("[data-testid=stSidebarNav] a").all_inner_texts()


def test_unknown_user_sees_only_no_access(page: Page, app: App) -> None:
    sign_in(page, app, "la@bnv.gov.vn")
    expect(page.get_by_text("Chưa có quyền truy cập")).to_be_visible()
    expect(page.get_by_text("la@bnv.gov.vn")).to_be_visible()
    assert nav_links(page) == []
    expect(page.locator("[data-testid=stDataFrame]")).to_have_count(0)
    expect(page.locator("[data-testid=stRadio]")).to_have_count(0)  # no demo switcher
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(lambda url: not url.startswith(app.url), timeout=30_000)  # end session
    page.goto(app.url)
    settle(page)
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    # the sign-in page already speaks Vietnamese, Streamlit's own frame words included
    assert page.evaluate("document.documentElement.lang") == "vi"
    expect(page.locator("[data-testid=stSkipToContent]")).to_have_text("Chuyển đến nội dung chính")


def test_leader_has_nothing_writable(page: Page, app: App) -> None:
    sign_in(page, app, LEADER)
    links = nav_links(page)
    assert "Tổng quan" in " ".join(links) and not any("Nộp" in link for link in links)
    page.goto(f"{app.url}/upload")
    settle(page)
    expect(page.locator("[data-testid=stFileUploader]")).to_have_count(0)
    expect(page.get_by_role("button", name="Ghi số liệu")).to_have_count(0)


def test_officer_uploads_in_scope_and_is_refused_outside(page: Page, app: App) -> None:
    period = str(last_ended_quarter())
    sign_in(page, app, OFFICER)
    page.get_by_role("link", name="Nộp số liệu").first.click()
    settle(page)
    upload(page, "vpb.csv", [f"1.1,VPB,{period},55.5,555,1000,"])
    page.get_by_role("button", name="Ghi số liệu").click()
    settle(page)
    expect(page.get_by_text("Đã ghi:", exact=False)).to_be_visible()
    store = open_storage(app.db_url)
    mine = changes_frame(store, actor=OFFICER)
    assert list(mine["after"]) == [55.5] and list(mine["unit_code"]) == ["VPB"]

    upload(page, "hai-don-vi.csv", [f"1.1,VPB,{period},56,,,", f"1.1,CNCC,{period},57,,,"])
    expect(page.get_by_text("ngoài phạm vi", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Ghi số liệu")).to_have_count(0)
    assert len(changes_frame(store, actor=OFFICER)) == 1  # nothing of the refused file
    refused = audit_entries(store, unit_code="CNCC", actor=OFFICER)
    store.dispose()
    assert list(refused["action"]) == ["upload.refused"]
