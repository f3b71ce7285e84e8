"""The file uploader's own words as Chromium draws them: on a Vietnamese page its real
text nodes hold our words (the button, the size line with the server's limit, a chosen
file's size with a decimal comma, a refused file's reason), so what is read aloud or
copied is what is seen; an English page keeps Streamlit's; no English table toolbar."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from kpi.text import t
from tests.browser.conftest import Server, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

UPLOADER = '[data-testid="stFileUploader"]'
BUTTON = f'{UPLOADER} [data-testid="stFileUploaderDropzone"] button p'
LIMIT = f'{UPLOADER} [data-testid="stFileUploaderDropzoneInstructions"] span'
CHIP = '[data-testid="stFileChip"]'
CHIP_SIZE = f'{CHIP} [data-testid="stFileChipName"] + div'


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


def choose(page: Page, name: str, mime: str) -> None:
    page.locator(f"{UPLOADER} input[type=file]").first.set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": b"a\n"}]
    )
    page.get_by_text(name, exact=True).first.wait_for(timeout=10_000)
    settle(page)


def wait_text(page: Page, selector: str, text: str) -> None:
    """The translator works after React has drawn: wait for it on a busy machine."""
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel)?.textContent === text",
        arg=[selector, text],
        timeout=30_000,
    )


@pytest.mark.parametrize(
    ("lang", "button", "limit", "size", "refused"),
    [
        (
            "vi",
            "Chọn tệp",
            "Tối đa 20 MB mỗi tệp • CSV, XLSX, XLS, ODS",
            "2,0 B",
            "Không nhận tệp này: chỉ nhận CSV, XLSX, XLS, ODS, tối đa 20 MB",
        ),
        ("en", "Upload", "20MB per file • CSV, XLSX, XLS, ODS", "2.0B", "2.0B"),
    ],
)
def test_uploader_speaks_the_page_language(
    browser: Browser,
    server: Server,
    screenshots: Path,
    lang: str,
    button: str,
    limit: str,
    size: str,
    refused: str,
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    open_page(page, server.url, lang, "nav_upload")
    page.locator(BUTTON).first.wait_for(state="attached", timeout=30_000)
    wait_text(page, BUTTON, button)
    wait_text(page, LIMIT, limit)
    assert page.locator(UPLOADER).first.inner_text().count(limit) == 1  # seen, not drawn over
    choose(page, "x.csv", "text/csv")
    wait_text(page, CHIP_SIZE, size)
    page.screenshot(path=screenshots / f"widget-text-upload-{lang}.png")
    page.locator(f"{CHIP} button").first.click()  # remove it
    settle(page)
    choose(page, "x.pdf", "application/pdf")  # the browser refuses the type
    page.locator(f'{CHIP}[aria-invalid="true"]').first.wait_for()
    wait_text(page, CHIP_SIZE, refused)
    alert = page.locator(f"{CHIP} [role=alert]").first.text_content() or ""
    expected = "Lỗi: Không nhận tệp kiểu" if lang == "vi" else "Error: application/pdf files"
    assert alert.startswith(expected), alert
    page.screenshot(path=screenshots / f"widget-text-refused-{lang}.png")
    context.close()


def test_english_gets_streamlit_s_uploader_words_back(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    open_page(page, server.url, "vi", "nav_upload")
    page.locator(BUTTON).first.wait_for(state="attached", timeout=30_000)
    wait_text(page, LIMIT, "Tối đa 20 MB mỗi tệp • CSV, XLSX, XLS, ODS")
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    settle(page)
    wait_text(page, BUTTON, "Upload")
    wait_text(page, LIMIT, "20MB per file • CSV, XLSX, XLS, ODS")
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
