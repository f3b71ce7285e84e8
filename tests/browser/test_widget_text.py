"""Streamlit's own widget texts in the page's language, as Chromium draws them: the
uploader's button and size line show our words (with the real limit) and its English text
is hidden; the English table toolbar does not appear; a chosen file's English size is gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from kpi.text import t
from tests.browser.conftest import Server, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DRAWN = """sel => {
  const e = document.querySelector(sel);
  if (!e) return null;
  return {after: getComputedStyle(e, '::after').content, seen: getComputedStyle(e).visibility};
}"""
UPLOADER = '[data-testid="stFileUploader"]'
BUTTON = f'{UPLOADER} [data-testid="stFileUploaderDropzone"] button p'
LIMIT = f'{UPLOADER} [data-testid="stFileUploaderDropzoneInstructions"] span'


def open_page(page: Page, url: str, lang: str, title_key: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp]", timeout=60_000)
    settle(page)
    bar = page.locator("[data-testid=stSidebar]")
    if lang == "en":
        bar.get_by_text("English", exact=True).click()
        settle(page)
    bar.get_by_text(t("role.admin", lang), exact=True).click()
    settle(page)
    bar.get_by_role("link", name=t(title_key, lang), exact=True).click()
    settle(page)


@pytest.mark.parametrize(
    ("lang", "button", "limit"),
    [
        ("vi", "Chọn tệp", "Tối đa 20 MB mỗi tệp • CSV, XLSX, XLS, ODS"),
        ("en", "Choose a file", "Up to 20 MB per file • CSV, XLSX, XLS, ODS"),
    ],
)
def test_uploader_speaks_the_page_language(
    browser: Browser, server: Server, screenshots: Path, lang: str, button: str, limit: str
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    open_page(page, server.url, lang, "nav_upload")
    page.locator(BUTTON).first.wait_for(state="attached", timeout=30_000)  # a busy machine
    assert page.evaluate(DRAWN, BUTTON) == {"after": f'"{button}"', "seen": "hidden"}
    assert page.evaluate(DRAWN, LIMIT) == {"after": f'"{limit}"', "seen": "hidden"}
    drawn = page.locator(UPLOADER).inner_text()  # the rendered text: hidden words are left out
    assert "Upload" not in drawn and "per file" not in drawn, drawn
    page.locator(f"{UPLOADER} input[type=file]").set_input_files(
        files=[{"name": "x.csv", "mimeType": "text/csv", "buffer": b"a\n"}]
    )
    page.get_by_text("x.csv", exact=True).first.wait_for(timeout=10_000)
    settle(page)
    assert "B" not in page.locator('[data-testid="stFileChip"]').inner_text().replace("x.csv", "")
    page.screenshot(path=screenshots / f"widget-text-upload-{lang}.png")
    context.close()


def test_no_english_table_toolbar(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    open_page(page, server.url, "vi", "nav_cycle_admin")  # a grid (the audit log wraps)
    table = page.locator('[data-testid="stDataFrame"]').first
    table.hover()
    page.wait_for_timeout(500)
    toolbars = page.locator('[data-testid="stElementToolbar"]')
    assert all(not toolbars.nth(i).is_visible() for i in range(toolbars.count()))
    context.close()
