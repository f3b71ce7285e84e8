"""Streamlit's own widget texts on a Vietnamese page, in a browser whose own language is
English (so the calendar's names come out English too): the data grid's column menu, the
date picker, a select box whose filter matches nothing and the uploader's chip show and
announce our catalogue's Vietnamese; an English page keeps Streamlit's English."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from dashboard import widget_words
from kpi.text import t
from kpi.text.streamlit_words import MONTHS, WEEKDAYS
from tests.browser.conftest import Server, settle
from tests.browser.test_every_page import ENGLISH_LEFT, prepare, sidebar

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXACT = [en for en, vi in widget_words.table("vi")["exact"].items() if en != vi]
# What Streamlit composes from parts: a month or weekday name anywhere, the uploader's and
# the live region's sentences.
PARTS = [*MONTHS, *WEEKDAYS, "Remove ", "Selected Date", "options available", "Choose date"]
MENU = '[data-testid="stDataFrameColumnMenu"]'
CALENDAR = '[data-testid="stDateInputCalendar"]'


def english_left(page: Page) -> list[str]:
    return page.evaluate(ENGLISH_LEFT, {"exact": EXACT, "parts": PARTS})


def new_page(browser: Browser, width: int = 1440) -> Page:
    height = 844 if width < 800 else 1000
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    return context.new_page()


def go(page: Page, lang: str, key: str, width: int = 1440) -> None:
    """Open a page from the sidebar (on a phone: open it, then close it again)."""
    sidebar(page, width)
    bar = page.locator("[data-testid=stSidebar]")
    bar.get_by_role("link", name=t(key, lang), exact=True).click()
    settle(page)
    if width < 800 and bar.is_visible():
        page.locator("[data-testid=stSidebarCollapseButton] button").first.click()
        page.wait_for_timeout(400)


def open_page(page: Page, url: str, lang: str, key: str, width: int = 1440) -> None:
    prepare(page, url, lang, width)
    go(page, lang, key, width)


def open_column_menu(page: Page) -> None:
    """The menu button is drawn on the grid's canvas at the right of the hovered header:
    walk along the first header until the menu opens."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    for dx in range(30, 420, 12):
        page.mouse.move(box["x"] + dx, box["y"] + 18)
        page.mouse.click(box["x"] + dx, box["y"] + 18)
        page.wait_for_timeout(150)
        if page.locator(MENU).count() and page.locator(MENU).first.is_visible():
            page.wait_for_timeout(300)
            return
    raise AssertionError("the column menu did not open")


def calendar_heads(page: Page) -> list[str]:
    return page.locator(f"{CALENDAR} thead th").all_inner_texts()


@pytest.mark.parametrize("width", [1440, 390])
def test_vietnamese_page_has_no_streamlit_english(
    browser: Browser, server: Server, screenshots: Path, width: int
) -> None:
    page = new_page(browser, width)
    open_page(page, server.url, "vi", "nav_cycle_admin", width)  # a grid's column menu
    open_column_menu(page)
    menu = page.locator(MENU).first
    assert "Sắp xếp tăng dần" in menu.inner_text() and "Ẩn cột" in menu.inner_text()
    assert english_left(page) == []
    page.screenshot(path=screenshots / f"widget-words-menu-vi-{width}.png")
    page.keyboard.press("Escape")

    go(page, "vi", "nav_tasks", width)
    page.locator('[data-testid="stDateInputCalendarButton"]').first.click()
    page.locator(CALENDAR).wait_for()
    page.wait_for_timeout(300)
    assert calendar_heads(page) == ["CN", "T2", "T3", "T4", "T5", "T6", "T7"]
    assert page.get_by_role("button", name="Tháng sau").count() == 1
    assert english_left(page) == []
    page.screenshot(path=screenshots / f"widget-words-date-vi-{width}.png")
    page.get_by_role("button", name="Tháng sau").click()  # new day cells, translated too
    page.wait_for_timeout(300)
    assert english_left(page) == []
    page.keyboard.press("Escape")

    page.locator('[data-testid="stSelectbox"]').first.click()
    page.keyboard.type("zzzz")
    page.get_by_text("Không có kết quả phù hợp", exact=True).wait_for()
    assert english_left(page) == []
    page.screenshot(path=screenshots / f"widget-words-select-vi-{width}.png")
    page.keyboard.press("Escape")
    page.context.close()


@pytest.mark.parametrize(("lang", "remove"), [("vi", "Bỏ x.csv"), ("en", "Remove x.csv")])
def test_uploader_chip_speaks_the_page_language(
    browser: Browser, server: Server, screenshots: Path, lang: str, remove: str
) -> None:
    page = new_page(browser)
    open_page(page, server.url, lang, "nav_upload")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(
        files=[{"name": "x.csv", "mimeType": "text/csv", "buffer": b"a\n"}]
    )
    page.get_by_text("x.csv", exact=True).first.wait_for(timeout=10_000)
    settle(page)
    chip = page.locator('[data-testid="stFileChip"]').first
    assert chip.get_by_role("button", name=remove, exact=True).count() == 1
    if lang == "vi":
        assert chip.get_attribute("aria-label") == "x.csv, 2,0 B"
        assert english_left(page) == []
    page.screenshot(path=screenshots / f"widget-words-chip-{lang}.png")
    page.context.close()


def test_english_page_keeps_streamlit_english(browser: Browser, server: Server) -> None:
    page = new_page(browser)
    open_page(page, server.url, "en", "nav_cycle_admin")
    open_column_menu(page)
    assert "Sort ascending" in page.locator(MENU).first.inner_text()
    page.keyboard.press("Escape")
    go(page, "en", "nav_tasks")
    page.locator('[data-testid="stDateInputCalendarButton"]').first.click()
    page.locator(CALENDAR).wait_for()
    assert calendar_heads(page) == ["S", "M", "T", "W", "T", "F", "S"]
    assert page.get_by_role("button", name="Next month").count() == 1
    page.keyboard.press("Escape")
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.keyboard.type("zzzz")
    page.get_by_text("No results", exact=True).wait_for()
    page.context.close()


def test_switching_to_english_puts_streamlit_s_words_back(browser: Browser, server: Server) -> None:
    page = new_page(browser)
    open_page(page, server.url, "vi", "nav_upload")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(
        files=[{"name": "x.csv", "mimeType": "text/csv", "buffer": b"a\n"}]
    )
    page.get_by_text("x.csv", exact=True).first.wait_for(timeout=10_000)
    settle(page)
    assert page.get_by_role("button", name="Bỏ x.csv", exact=True).count() == 1
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    settle(page)
    assert page.get_by_role("button", name="Remove x.csv", exact=True).count() == 1
    assert page.locator('[data-testid="stSkipToContent"]').inner_text() == "Skip to main content"
    page.context.close()


def test_main_menu_and_its_recording_dialog_in_vietnamese(
    browser: Browser, server: Server, screenshots: Path
) -> None:
    page = new_page(browser)
    prepare(page, server.url, "vi", 1440)
    page.locator("[data-testid=stMainMenuButton]").click()
    labels = page.locator("[data-testid=stMainMenuItemLabel]")
    labels.first.wait_for()
    assert labels.all_inner_texts() == ["In trang", "Quay màn hình"]
    assert english_left(page) == []
    labels.nth(1).click()
    dialog = page.locator('[data-testid="stDialog"]')
    dialog.get_by_text("Quay video màn hình", exact=True).wait_for()
    assert "Nhấn" in dialog.inner_text() and "Bắt đầu quay" in dialog.inner_text()
    assert english_left(page) == []
    page.screenshot(path=screenshots / "widget-words-record-vi.png")
    page.context.close()
