"""The audit log and the indicator's history in a real browser, as the administrator, at
1440 and 390 px: long notes, file names and detail sentences wrap whole inside their cells
(a grid cut them), an e-mail or address in them is not a link, and a long log scrolls
inside a bounded box instead of making the page kilometres long."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page

from dashboard import ui
from kpi.canonical import COLUMNS, content_hash
from kpi.catalogue import load_catalogue
from kpi.periods import last_ended_quarter
from kpi.services.commit import UploadMeta, commit_upload
from kpi.storage import open_storage
from tests.browser.conftest import Server
from tests.browser.test_dashboard import table_rows
from tests.browser.test_every_page import check, prepare
from tests.browser.test_widget_words import go

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTE = (
    "Điều chỉnh theo kết quả rà soát của Văn phòng Bộ, có xác nhận của lãnh đạo đơn vị "
    "bằng văn bản số 123/VPB-CNTT; liên hệ cb@bnv.gov.vn hoặc http://bnv.gov.vn/rasoat"
)
FILE = "bao-cao-so-lieu-chuyen-doi-so-van-phong-bo-quy-3-ban-dieu-chinh-lan-2-sau-ra-soat.csv"
# Each wrapped table: its box's height, and its cells whose text is wider than the cell.
LAYOUT = """() => [...document.querySelectorAll('[data-testid=stTable]')].map(t => ({
  height: t.getBoundingClientRect().height,
  links: t.querySelectorAll('a').length,
  clipped: [...t.querySelectorAll('td')].filter(c => c.scrollWidth > c.clientWidth + 1)
    .map(c => c.innerText.slice(0, 40)),
}))"""
# The width of the cell that holds `text`.
CELL_WIDTH = """(text) => { const c = [...document.querySelectorAll('[data-testid=stTable] td')]
  .find(c => c.innerText.replaceAll('\\u2060', '').includes(text));
  return c ? c.getBoundingClientRect().width : 0; }"""


def send_long_note(db_url: str) -> None:
    """A figure written with a long note and a long file name, as an officer would."""
    store = open_storage(db_url)
    code = load_catalogue().codes[0]
    period = str(last_ended_quarter())
    frame = pd.DataFrame([[code, "VPB", period, 55.0, None, None, NOTE]], columns=COLUMNS)
    digest = content_hash(frame)
    meta = UploadMeta(file_name=FILE, sha256=digest, size_bytes=2048, content_hash=digest)
    commit_upload(store, frame, actor="cb@bnv.gov.vn", meta=meta, allowed_units={"VPB"})
    store.dispose()


def cells(page: Page, index: int) -> list[str]:
    return [c.replace("\u2060", "") for row in table_rows(page, index) for c in row]


def readable(page: Page, width: int, name: str) -> None:
    for table in page.evaluate(LAYOUT):
        assert table["clipped"] == [], (name, table["clipped"])
        assert table["links"] == 0, name
        assert table["height"] <= ui.SCROLL_HEIGHT + 2, (name, table["height"])
    if width < 800:  # a long text keeps a width to read by; the table scrolls sideways
        assert page.evaluate(CELL_WIDTH, NOTE[:30]) >= 200, name


@pytest.mark.parametrize("width", [1440, 390])
def test_long_text_wraps_whole_in_a_bounded_box(
    browser: Browser, server: Server, screenshots: Path, width: int
) -> None:
    send_long_note(server.db_url)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    prepare(page, server.url, "vi", width)
    go(page, "vi", "nav_audit", width)
    assert page.locator("[data-testid=stTable]").count() == 3
    assert page.locator("[data-testid=stDataFrame]").count() == 0
    changes, actions, uploads = (cells(page, i) for i in range(3))
    assert NOTE in changes and FILE in changes and FILE in uploads
    assert any(c.startswith(f"tệp {FILE}: 0 mới, 1 thay đổi") for c in actions)
    assert page.get_by_text("Bảng hiện 200 dòng mới nhất").count() >= 1  # the CSV has all
    readable(page, width, "audit")
    check(page, "vi", "audit")
    page.screenshot(path=screenshots / f"wrapped-audit-{width}.png", full_page=True)

    go(page, "vi", "nav_indicator", width)
    page.locator("[data-testid=stTable]").last.scroll_into_view_if_needed()
    assert NOTE in cells(page, -1) and FILE in cells(page, -1)  # the history, newest first
    readable(page, width, "indicator")
    page.screenshot(path=screenshots / f"wrapped-history-{width}.png", full_page=True)
    context.close()
