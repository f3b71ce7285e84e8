"""Hostile files uploaded in a real browser: each is refused with a message, the
server stays up, and another person's session keeps working meanwhile."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Server, settle
from tests.data.uploads.hostile import hostile_files

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WORST = ("far_corner.xlsx", "string_bomb.xlsx", "far_corner.ods", "million_commas.csv")


def choose(page: Page, name: str, content: bytes) -> None:
    settle(page)
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": content}]
    )
    settle(page)


def test_hostile_files_refused_while_another_session_works(
    page: Page, browser: Browser, server: Server
) -> None:
    files = {h.name: h for h in hostile_files()}
    page.goto(server.url)
    settle(page)
    page.locator("[data-testid=stSidebar]").get_by_text("Cán bộ đầu mối", exact=True).click()
    settle(page)
    page.get_by_role("link", name="Nộp số liệu").first.click()
    settle(page)
    other = browser.new_context().new_page()
    for name in WORST:
        choose(page, name, files[name].data)
        expect(page.get_by_text("Chưa có số liệu nào được ghi").first).to_be_visible()
        other.goto(server.url)  # a leader opens the overview meanwhile
        other.wait_for_selector("[data-testid=stApp]", timeout=30_000)
        settle(other)
        expect(other.get_by_text("16 chỉ tiêu · Toàn Bộ Nội vụ")).to_be_visible()
        with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=10) as answer:
            assert answer.read() == b"ok"
    other.context.close()
