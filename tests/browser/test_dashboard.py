"""The dashboard in a real browser: overview, indicator chart, uploads good and bad."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import IDLE

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def settle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_timeout(300)  # let charts and tables paint
    page.wait_for_selector(IDLE, timeout=30_000)


def open_app(page: Page, url: str, path: str = "") -> None:
    page.goto(f"{url}/{path}")
    page.wait_for_selector("[data-testid=stApp]", timeout=30_000)
    settle(page)


def go(page: Page, title: str) -> None:
    page.get_by_role("link", name=title).first.click()
    settle(page)


def test_overview_indicator_and_every_page(page: Page, app_url: str, screenshots: Path) -> None:
    open_app(page, app_url)
    expect(page.get_by_text("Tổng quan 16 chỉ tiêu")).to_be_visible()
    expect(page.get_by_text("Dữ liệu minh họa").first).to_be_visible()
    # The table is drawn on a canvas; its row count is in the caption under it.
    expect(page.get_by_text("16 chỉ tiêu ·")).to_be_visible()
    page.screenshot(path=screenshots / "01-tong-quan.png", full_page=True)

    go(page, "Chỉ tiêu")
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    expect(chart).to_be_visible()
    expect(chart.locator("canvas, svg").first).to_be_visible()
    expect(page.get_by_text("Diễn giải số liệu")).to_be_visible()
    page.screenshot(path=screenshots / "02-chi-tieu.png", full_page=True)

    for name, shot in (("Cảnh báo", "03-canh-bao"), ("Tình hình nộp", "04-tinh-hinh-nop")):
        go(page, name)
        expect(page.locator("[data-testid=stException]")).to_have_count(0)
        page.screenshot(path=screenshots / f"{shot}.png", full_page=True)
