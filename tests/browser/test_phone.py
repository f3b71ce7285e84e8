"""On a phone the sidebar starts closed and the first screen shows the status counts and
the worst indicators with value, target and status."""

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
    expect(page.get_by_text("16 chỉ tiêu · Toàn Bộ Nội vụ")).to_be_visible()
    box = page.locator("[data-testid=stSidebar]").bounding_box()
    assert box is None or box["x"] + box["width"] <= 1, box  # closed: off the screen
    # the first screen holds the status counts and the worst indicators with their figures
    first = page.locator(".kpi-phone li").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    assert "mục tiêu 2030" in (first.text_content() or "")
    expect(page.get_by_text("Tình trạng (bấm để lọc", exact=False)).to_be_visible()
    page.screenshot(path=screenshots / "13-tong-quan-390.png")
    context.close()
