"""On a phone the sidebar starts closed, so the first screen is the overview itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import Server, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_first_screen_on_a_phone_is_the_overview(
    browser: Browser, server: Server, screenshots: Path
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector("[data-testid=stApp]", timeout=60_000)
    settle(page)
    expect(page.get_by_text("Tổng quan 16 chỉ tiêu")).to_be_visible()
    box = page.locator("[data-testid=stSidebar]").bounding_box()
    assert box is None or box["x"] + box["width"] <= 1, box  # closed: off the screen
    page.screenshot(path=screenshots / "13-tong-quan-390.png")
    context.close()
