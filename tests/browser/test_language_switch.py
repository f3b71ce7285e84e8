"""A choice made in one language survives the switch to the other, and the widget then
shows it in the new language's words (Streamlit redraws no keyed widget's shown choice
when only its format_func changes: dashboard/ui.py lang_key)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from kpi.catalogue import load_catalogue
from kpi.formatting import scope_label
from kpi.text import t
from tests.browser.conftest import Server, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OTHER = {"vi": "en", "en": "vi"}
CODE = "1.2"  # not the first indicator: the choice, not the default, must survive


def shown(page: Page, label: str) -> str:
    """The text a select box shows as its choice."""
    box = page.locator("[data-testid=stMain] [data-testid=stSelectbox]").filter(has_text=label)
    return str(box.locator("input").first.input_value())


def switch(page: Page, lang: str) -> None:
    page.locator("[data-testid=stSidebar]").get_by_text(
        t(f"language_name.{lang}"), exact=True
    ).click()
    settle(page)


@pytest.mark.parametrize("first", ["vi", "en"])
def test_indicator_choice_follows_the_language(page: Page, server: Server, first: str) -> None:
    indicator = load_catalogue()[CODE]
    page.goto(f"{server.url}/indicator")
    page.wait_for_selector("[data-testid=stApp]", timeout=60_000)
    settle(page)
    if first == "en":
        switch(page, "en")
    pick = t("pick_indicator", first)
    page.locator("[data-testid=stMain] [data-testid=stSelectbox]").filter(has_text=pick).click()
    page.get_by_role("option", name=f"{CODE} · {indicator.short_name(first)}").click()
    settle(page)
    assert shown(page, pick) == f"{CODE} · {indicator.short_name(first)}"

    then = OTHER[first]
    switch(page, then)
    assert page.evaluate("document.documentElement.lang") == then
    assert shown(page, t("pick_indicator", then)) == f"{CODE} · {indicator.short_name(then)}"
    assert shown(page, t("pick_unit", then)) == scope_label(None, then)
    expect(page).to_have_url(f"{server.url}/indicator?code={CODE}")
    switch(page, first)  # and back: the first language's words, the same choice
    assert shown(page, pick) == f"{CODE} · {indicator.short_name(first)}"


def test_the_code_in_the_address_still_chooses(page: Page, server: Server) -> None:
    indicator = load_catalogue()[CODE]
    page.goto(f"{server.url}/indicator?code={CODE}")
    page.wait_for_selector("[data-testid=stApp]", timeout=60_000)
    settle(page)
    assert shown(page, t("pick_indicator", "vi")) == f"{CODE} · {indicator.short_name('vi')}"
