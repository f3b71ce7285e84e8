"""Browser tests: `streamlit run` on a free port, driven by Playwright in Debian's chromium.

Without /usr/bin/chromium the tests are skipped with a reason, except under CI=true,
where a missing browser is a failure. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.dashboard.conftest import demo_db_template  # noqa: F401  (shared fixture)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KPI_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
SKELETON = "[data-testid=stSkeleton]"  # Streamlit's placeholder for an element still coming
# A loaded 2-core machine can take seconds per rerun; assertions wait, they do not race.
expect.set_options(timeout=30_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI=true but no browser at {CHROMIUM}: install Debian chromium")
    skip = pytest.mark.skip(reason=f"no browser at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1440, "height": 1600}, "locale": "vi-VN"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} not healthy after {timeout} s")


def start_app(
    db_url: str, log: Path, script: Path = ROOT / "dashboard" / "server.py"
) -> tuple[str, subprocess.Popen[bytes]]:
    """`streamlit run script` on a free port; returns its URL once healthy."""
    port = free_port()
    # The uploads here are about the page, not the deadline lock: every quarter stays open.
    env = {**os.environ, "KPI_DATABASE_URL": db_url, "KPI_LOCK_DAYS": "36500"}
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    handle = log.open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=handle)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
    except Exception:
        process.terminate()
        raise
    return url, process


@dataclass(frozen=True)
class Server:
    url: str
    db_url: str


@pytest.fixture
def server(tmp_path: Path, demo_db_template: Path) -> Iterator[Server]:  # noqa: F811
    """A dashboard server of its own on a copy of the demo database."""
    path = tmp_path / "browser.db"
    shutil.copy(demo_db_template, path)
    db_url = f"sqlite:///{path}"
    url, process = start_app(db_url, tmp_path / "streamlit.log")
    yield Server(url, db_url)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


HEADER = "Mã chỉ tiêu,Mã đơn vị,Kỳ báo cáo,Giá trị (%),Tử số,Mẫu số,Ghi chú\n"


def settle(page: Page) -> None:
    """Wait for the script to finish, let charts and tables paint, wait again; then for
    every loading placeholder to be replaced (on a loaded machine a table can paint
    seconds after the script has finished, and a check must not read a half-drawn page)."""
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_timeout(400)
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_function(f"!document.querySelector('{SKELETON}')", timeout=30_000)


def upload(page: Page, name: str, rows: list[str]) -> None:
    """Choose a CSV file; a rerun can rebuild the uploader, so wait until it shows the file."""
    content = (HEADER + "\n".join(rows) + "\n").encode("utf-8")
    settle(page)
    for _attempt in range(3):
        page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
            files=[{"name": name, "mimeType": "text/csv", "buffer": content}]
        )
        try:
            page.get_by_text(name, exact=True).first.wait_for(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            settle(page)  # the input was replaced by a rerun; choose the file again
    settle(page)
