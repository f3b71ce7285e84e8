"""Attacks tried against a production server started as `kpi serve` starts it (the guard of
dashboard/server.py, a real OIDC provider process): forged sign-in cookies, an unverified
e-mail, and an anonymous raw websocket client that sends `clear_cache` and uploads."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import websockets
from playwright.sync_api import Browser, Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.web.server.starlette.starlette_app_utils import (
    create_signed_value,
    generate_xsrf_token_string,
)

from kpi.access import LOCAL_ADMIN, Role
from kpi.services.users import add_user
from kpi.storage import open_storage
from tests.browser.conftest import ROOT, free_port, settle, wait_healthy
from tests.browser.test_signin import App, app, provider, secrets_toml, sign_in  # noqa: F401
from tests.dashboard.conftest import demo_db_template  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ADMIN = "quan-tri@bnv.gov.vn"
EXAMPLE_SECRET = "change-me-to-a-long-random-string"
USER_COOKIE = "_streamlit_user"
UNSAFE = "Cấu hình không an toàn"


@pytest.fixture(scope="module")
def with_admin(app: App) -> App:  # noqa: F811
    store = open_storage(app.db_url)
    add_user(store, ADMIN, Role.ADMIN, actor=LOCAL_ADMIN)
    store.dispose()
    return app


def forged(secret: str, origin: str, email: str) -> str:
    """A `_streamlit_user` cookie as Streamlit signs it, for an admin, signed with `secret`."""
    claims = {"origin": origin, "is_logged_in": True, "email": email, "email_verified": True}
    return create_signed_value(secret, USER_COOKIE, json.dumps(claims)).decode("latin-1")


def open_with_cookie(browser: Browser, target: App, value: str) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 1600})
    context.add_cookies([{"name": USER_COOKIE, "value": value, "url": target.url}])
    page = context.new_page()
    page.goto(target.url)
    settle(page)
    return page


@pytest.mark.parametrize("which", ["example", "random"])
def test_forged_cookie_is_refused(browser: Browser, with_admin: App, which: str) -> None:
    secret = EXAMPLE_SECRET if which == "example" else secrets.token_urlsafe(48)
    page = open_with_cookie(browser, with_admin, forged(secret, with_admin.url, ADMIN))
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    expect(page.locator("[data-testid=stSidebarNav] a")).to_have_count(0)
    expect(page.get_by_text(ADMIN)).to_have_count(0)
    page.context.close()


def test_cookie_signed_with_the_server_secret_is_the_one_that_works(
    browser: Browser, with_admin: App
) -> None:
    """Control for the test above: the same cookie, signed with the deployment's own secret."""
    page = open_with_cookie(
        browser, with_admin, forged(with_admin.cookie_secret, with_admin.url, ADMIN)
    )
    expect(page.get_by_text(f"{ADMIN} ·", exact=False)).to_be_visible()
    page.context.close()


def test_unverified_email_is_refused_and_verified_works(page: Page, with_admin: App) -> None:
    sign_in(page, with_admin, ADMIN, verified=False)
    expect(page.get_by_text("E-mail chưa được xác minh")).to_be_visible()
    assert page.locator("[data-testid=stSidebarNav] a").count() == 0
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(lambda url: not url.startswith(with_admin.url), timeout=30_000)
    sign_in(page, with_admin, ADMIN, verified=True)
    expect(page.get_by_text(f"{ADMIN} ·", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Người dùng và phân quyền")).to_be_visible()


@pytest.fixture(scope="module")
def example_secret_app(
    tmp_path_factory: pytest.TempPathFactory,
    provider: str,  # noqa: F811
    demo_db_template: Path,  # noqa: F811
) -> Iterator[str]:
    """Production started with the example cookie_secret: it must refuse to run."""
    tmp_path = tmp_path_factory.mktemp("example")
    shutil.copy(demo_db_template, tmp_path / "x.db")
    port = free_port()
    (tmp_path / ".streamlit").mkdir()
    toml = secrets_toml(port, provider, EXAMPLE_SECRET)
    (tmp_path / ".streamlit" / "secrets.toml").write_text(toml)
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "server.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
    ]  # fmt: skip
    env = {
        **os.environ,
        "KPI_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
        "KPI_ENV": "production",
    }
    log = (tmp_path / "streamlit.log").open("wb")
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_example_secret_server_shows_only_the_refusal(
    browser: Browser, example_secret_app: str
) -> None:
    context = browser.new_context()
    value = forged(EXAMPLE_SECRET, example_secret_app, ADMIN)
    context.add_cookies([{"name": USER_COOKIE, "value": value, "url": example_secret_app}])
    page = context.new_page()
    page.goto(example_secret_app)
    settle(page)
    expect(page.get_by_text(UNSAFE, exact=False)).to_be_visible()
    expect(page.get_by_text("giá trị mẫu", exact=False)).to_be_visible()
    expect(page.locator("[data-testid=stSidebarNav] a")).to_have_count(0)
    expect(page.locator("[data-testid=stButton]")).to_have_count(0)  # no sign-in, nothing
    context.close()


# --- a raw websocket client, never signed in ---------------------------------------------

XSRF = generate_xsrf_token_string()


async def anonymous_session(url: str, then: list[BackMsg], wait: float) -> str:
    """Connect as Streamlit's frontend does, run the script once, send `then`; the session id."""
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    headers = {"Origin": url, "Cookie": f"_streamlit_xsrf={XSRF}"}
    async with websockets.connect(
        ws_url, subprotocols=["streamlit", XSRF], additional_headers=headers, max_size=None
    ) as ws:
        rerun = BackMsg()
        rerun.rerun_script.query_string = ""
        await ws.send(rerun.SerializeToString())
        session_id = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(ws.recv(), 60))
            if msg.WhichOneof("type") == "new_session":
                session_id = msg.new_session.initialize.session_id
            if msg.WhichOneof("type") == "script_finished":
                break
        for back in then:
            await ws.send(back.SerializeToString())
        await asyncio.sleep(wait)
        return session_id


def in_thread(url: str, then: list[BackMsg], wait: float) -> str:
    """Run the client in a thread of its own: Playwright's sync API owns this thread's loop."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, anonymous_session(url, then, wait)).result()


def clear_cache() -> BackMsg:
    back = BackMsg()
    back.clear_cache = True
    return back


def cache_entries(url: str) -> dict[str, float]:
    """Streamlit's own metrics: bytes held per cached function (st.cache_data/resource)."""
    with urllib.request.urlopen(f"{url}/_stcore/metrics", timeout=30) as response:
        text = response.read().decode()
    found = {}
    for line in text.splitlines():
        match = re.match(r"cache_memory_bytes\{(?P<labels>[^}]*)\} (?P<value>\S+)", line)
        if match and "st_cache" in match["labels"]:
            found[match["labels"]] = float(match["value"])
    return found


def test_clear_cache_from_any_client_leaves_the_shared_caches_warm(server) -> None:
    """The demo server: an anonymous run warms the overview's caches, then `clear_cache` x3."""
    in_thread(server.url, [], wait=1)
    time.sleep(5.5)  # the metrics of cache memory are themselves cached for 5 s
    warm = cache_entries(server.url)
    assert any("resources" in k or "settings" in k for k in warm), warm
    in_thread(server.url, [clear_cache()] * 3, wait=2)
    time.sleep(5.5)
    after = cache_entries(server.url)
    assert set(warm) <= set(after), set(warm) - set(after)


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status)[1])  # type: ignore[index]


def put_file(url: str, session_id: str, file_id: str, size: int) -> int:
    """PUT one file as the frontend does (with a valid XSRF pair); the HTTP status.

    A server that refuses before reading may reset the connection mid-body: the status it
    sent first is still read from the socket.
    """
    boundary = "kpi-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + b"x" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    host = url.removeprefix("http://")
    connection = http.client.HTTPConnection(host, timeout=60)
    connection.putrequest("PUT", f"/_stcore/upload_file/{session_id}/{file_id}")
    for name, value in {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Content-Length": str(len(body)),
        "X-Xsrftoken": XSRF,
        "Cookie": f"_streamlit_xsrf={XSRF}",
    }.items():
        connection.putheader(name, value)
    connection.endheaders()
    with contextlib.suppress(OSError):  # refused early: the response is already on its way
        connection.send(body)
    try:
        return connection.getresponse().status
    finally:
        connection.close()


def streamlit_pid(port: str) -> int:
    found = subprocess.run(
        ["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True, check=True
    )
    return int(re.search(r"pid=(\d+)", found.stdout)[1])  # type: ignore[index]


def test_anonymous_uploads_are_refused_and_memory_does_not_grow(with_admin: App) -> None:
    session_id = in_thread(with_admin.url, [], wait=0)
    assert session_id  # a live session of a visitor who never signed in
    pid = streamlit_pid(with_admin.url.rsplit(":", 1)[1])
    before = rss_kib(pid)
    codes = {put_file(with_admin.url, session_id, f"f{i}", 5 * 1024 * 1024) for i in range(40)}
    assert codes == {403}
    grown_mib = (rss_kib(pid) - before) / 1024
    assert grown_mib < 50, f"server grew {grown_mib:.0f} MiB on refused uploads"
    after = cache_entries(with_admin.url)
    assert not any("uploaded" in k and v > 0 for k, v in after.items())
