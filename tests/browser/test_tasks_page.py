"""The Nhiệm vụ page in a real browser, on a wide screen and on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Server, settle
from tests.browser.test_dashboard import go, open_app, table_rows

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_tasks_page_overdue_first_at_1440_and_390(
    page: Page, server: Server, screenshots: Path
) -> None:
    open_app(page, server.url)
    expect(page.get_by_text("Nhiệm vụ Phụ lục II, III:")).to_be_visible()  # on the overview
    go(page, "Nhiệm vụ")
    expect(page.get_by_text("Nhiệm vụ Phụ lục II và cơ sở dữ liệu Phụ lục III")).to_be_visible()
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    rows = table_rows(page)  # the task list wraps each name whole
    assert any("II.2" in row and "⚠ Quá hạn" in row for row in rows)
    # overdue first: the first row carries the overdue mark
    assert "⚠ Quá hạn" in rows[0]
    page.screenshot(path=screenshots / "11-nhiem-vu-1440.png", full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    settle(page)
    expect(page.get_by_text("Nhiệm vụ Phụ lục II và cơ sở dữ liệu Phụ lục III")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page scrolls sideways on a phone ({width} px)"
    page.screenshot(path=screenshots / "12-nhiem-vu-390.png", full_page=True)
