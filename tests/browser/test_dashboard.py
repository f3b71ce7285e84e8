"""The dashboard in a real browser: overview, indicator chart, uploads good and bad.

Screenshots of every page go to artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from kpi.periods import last_ended_quarter
from kpi.storage import CurrentValue, open_storage
from tests.browser.conftest import Server, settle, upload

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp]", timeout=30_000)
    settle(page)


def go(page: Page, title: str) -> None:
    page.get_by_role("link", name=title).first.click()
    settle(page)


def grid_text(page: Page, index: int = 0) -> list[str]:
    """Table cells are drawn on a canvas; the grid's accessible cells carry the text."""
    grid = page.locator("[data-testid=stDataFrame]").nth(index)
    grid.locator("[role=gridcell]").first.wait_for(state="attached", timeout=15_000)
    return grid.locator("[role=gridcell]").all_inner_texts()


def table_rows(page: Page, index: int = 0) -> list[list[str]]:
    """The body rows of a static table (st.table: text that wraps), cell texts stripped."""
    table = page.locator("[data-testid=stTable]").nth(index)
    table.locator("tbody tr").first.wait_for(state="attached", timeout=15_000)
    return [
        [c.strip() for c in row.locator("td, th").all_inner_texts()]
        for row in table.locator("tbody tr").all()
    ]


def as_officer(page: Page) -> None:
    page.locator("[data-testid=stSidebar]").get_by_text("Cán bộ đầu mối", exact=True).click()
    settle(page)
    go(page, "Nộp số liệu")


def stored_value(db_url: str, period: str) -> float:
    store = open_storage(db_url)
    with store.engine.connect() as conn:
        value = conn.execute(
            select(CurrentValue.value).where(
                CurrentValue.indicator_code == "1.1",
                CurrentValue.unit_code == "VPB",
                CurrentValue.period == period,
            )
        ).scalar_one()
    store.dispose()
    return float(value)


def test_overview_indicator_and_every_page(page: Page, server: Server, screenshots: Path) -> None:
    open_app(page, server.url)
    expect(page.get_by_text("16 chỉ tiêu · Toàn Bộ Nội vụ")).to_be_visible()
    expect(page.get_by_text("Dữ liệu minh họa").first).to_be_visible()
    cells = grid_text(page)
    codes = {c.strip() for c in cells}
    assert {"1.1", "1.10", "1.15", "2"} <= codes
    assert sum(c.strip() in {i.code for i in _catalogue()} for c in cells) == 16
    page.screenshot(path=screenshots / "01-tong-quan.png", full_page=True)

    go(page, "Chỉ tiêu")
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    expect(chart).to_be_visible()
    expect(chart.locator(".marks").first).to_be_visible()
    expect(page.get_by_text("Diễn giải số liệu")).to_be_visible()
    page.screenshot(path=screenshots / "02-chi-tieu.png", full_page=True)

    for name, shot in (
        ("Cảnh báo", "03-canh-bao"),
        ("Tình hình nộp", "04-tinh-hinh-nop"),
        ("Báo cáo", "05-bao-cao"),
    ):
        go(page, name)
        expect(page.locator("[data-testid=stException]")).to_have_count(0)
        page.screenshot(path=screenshots / f"{shot}.png", full_page=True)

    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    settle(page)
    go(page, "Overview")
    expect(page.get_by_text("16 indicators · Whole Ministry of Home Affairs")).to_be_visible()
    page.screenshot(path=screenshots / "06-overview-en.png", full_page=True)


def test_good_upload_shows_on_overview(page: Page, server: Server, screenshots: Path) -> None:
    period = str(last_ended_quarter())
    label = f"Quý {period[-1]}/{period[:4]}"
    open_app(page, server.url)
    as_officer(page)
    page.screenshot(path=screenshots / "07-nop-so-lieu.png", full_page=True)
    upload(page, "vpb.csv", [f"1.1,VPB,{period},55.5,555,1000,Số liệu quý"])
    expect(page.get_by_text("Tệp hợp lệ: 1 dòng")).to_be_visible()
    page.screenshot(path=screenshots / "08-nop-so-lieu-xem-truoc.png", full_page=True)
    page.get_by_role("button", name="Ghi số liệu").click()
    settle(page)
    expect(page.get_by_text("Đã ghi: 0 mới, 1 thay đổi")).to_be_visible()
    assert stored_value(server.db_url, period) == 55.5

    go(page, "Tổng quan")
    page.get_by_text("Bộ lọc:", exact=False).click()  # the folded filters
    settle(page)
    expect(page.get_by_label("Đơn vị báo cáo")).to_be_visible()
    page.wait_for_timeout(500)  # the expander's opening animation
    page.get_by_label("Đơn vị báo cáo").click()  # the select box
    page.keyboard.type("VPB")
    page.get_by_role("option", name=re.compile("VPB")).first.click()
    settle(page)
    wanted = f"55,5% · {label}"
    cells = grid_text(page)
    for _wait in range(20):  # the grid repaints after the rerun that applies the filter
        if wanted in cells:
            break
        page.wait_for_timeout(500)
        cells = grid_text(page)
    assert wanted in cells
    page.screenshot(path=screenshots / "09-tong-quan-sau-khi-nop.png", full_page=True)


def test_bad_upload_lists_errors_and_changes_nothing(
    page: Page, server: Server, screenshots: Path
) -> None:
    period = str(last_ended_quarter())
    before = stored_value(server.db_url, period)
    open_app(page, server.url)
    as_officer(page)
    upload(
        page,
        "loi.csv",
        [f"1.1,VPB,{period},abc,,,", f"9.9,VPB,{period},50,,,", f"1.2,VPB,{period},150,,,"],
    )
    expect(page.get_by_text("Tệp có 3 lỗi")).to_be_visible()
    cells = [c for row in table_rows(page) for c in row]  # the problems, wrapped whole
    assert {"2", "3", "4"} <= set(cells)
    assert any("9.9" in c for c in cells)
    expect(page.get_by_role("button", name="Ghi số liệu")).to_have_count(0)
    page.screenshot(path=screenshots / "10-nop-so-lieu-loi.png", full_page=True)
    assert stored_value(server.db_url, period) == before


def _catalogue():  # type: ignore[no-untyped-def]
    from kpi.catalogue import load_catalogue

    return load_catalogue()
