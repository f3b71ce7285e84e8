"""Every page, as the administrator (who sees them all), in both languages, at 1440 and
390 px: the page says its language, nothing is wider than the screen, no `None` is shown,
every text has 4.5:1 contrast and Streamlit's own English words do not appear on a
Vietnamese page."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from dashboard import widget_words
from dashboard.auth import DEMO_USERS
from dashboard.navigation import page_specs
from kpi.access import Role
from kpi.text import t
from tests.browser.conftest import Server, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = (
    "nav_overview",
    "nav_indicator",
    "nav_alerts",
    "nav_reports",
    "nav_tasks",
    "nav_upload",
    "nav_submissions",
    "nav_approvals",
    "nav_users",
    "nav_cycle_admin",
    "nav_audit",
)
STREAMLIT_ENGLISH = ("Choose an option", "Choose options", "Drag and drop", "Browse files")
# Streamlit's own English texts that dashboard/widget_words.py translates (not "Euro").
STREAMLIT_EXACT = [en for en, vi in widget_words.table("vi")["exact"].items() if en != vi]
# Texts and aria-label/title/placeholder values anywhere in the page that are one of
# `exact` (whole, trimmed) or hold one of `parts` as a word; what is hidden from sight
# and from screen readers (visibility: hidden) and icon names aside.
ENGLISH_LEFT = r"""({exact, parts}) => {
  const words = new Set(exact);
  const part = parts.length ? new RegExp("\\b(" + parts.join("|") + ")") : null;
  const english = (s) => words.has(s.trim()) || (part !== null && part.test(s));
  const hits = [];
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = texts.nextNode(); n; n = texts.nextNode()) {
    const p = n.parentElement;
    if (!p || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(p.tagName)) continue;
    if (p.closest('[data-testid="stIconMaterial"]')) continue;
    if (getComputedStyle(p).visibility === "hidden") continue;
    if (english(n.data)) hits.push(n.data.trim());
  }
  for (const e of document.body.querySelectorAll("[aria-label], [title], [placeholder]"))
    for (const a of ["aria-label", "title", "placeholder"]) {
      const v = e.getAttribute(a);
      if (v && english(v)) hits.push(a + "=" + v);
    }
  return hits;
}"""
# The page is wider than the screen when its scroll container scrolls sideways, or when an
# element inside it is wider than the screen (a static table scrolls in its own box and cut
# its columns at the edge unseen); then name the widest elements. Grids and charts draw on a
# canvas that scrolls inside itself, and a tab bar scrolls by design: they do not count.
OVERFLOW = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const w = Math.min(main.getBoundingClientRect().right, window.innerWidth);
  const own = '[data-testid=stDataFrame], [data-testid=stVegaLiteChart], [role=tablist]';
  // a wide table inside a box of its own that fits the screen and scrolls sideways is
  // drawn within the page: only what reaches past the screen with no such box counts
  const boxed = e => {
    for (let a = e.parentElement; a && a !== main; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if ((x === 'auto' || x === 'scroll' || x === 'hidden') &&
          a.getBoundingClientRect().right <= w + 1) return true;
    }
    return false;
  };
  const wide = [...main.querySelectorAll('*')].filter(e => {
    if (e.closest(own)) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > w + 1 && !boxed(e);
  });
  if (main.scrollWidth <= main.clientWidth + 1 && !wide.length &&
      document.documentElement.scrollWidth <= window.innerWidth + 1)
    return [];
  return wide.slice(0, 5).map(
    e => (e.dataset.testid || e.tagName) + ':' + Math.round(e.getBoundingClientRect().right));
}"""


def sidebar(page: Page, width: int) -> None:
    """On a phone the sidebar starts closed: open it to reach the navigation."""
    if width < 800 and not page.locator("[data-testid=stSidebar]").is_visible():
        page.locator("[data-testid=stExpandSidebarButton]").first.click()
        page.wait_for_timeout(400)


def prepare(page: Page, url: str, lang: str, width: int, role: Role = Role.ADMIN) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp]", timeout=60_000)
    settle(page)
    sidebar(page, width)
    bar = page.locator("[data-testid=stSidebar]")
    if lang == "en":
        bar.get_by_text("English", exact=True).click()
        settle(page)
    bar.get_by_text(t(f"role.{role.value}", lang), exact=True).click()
    settle(page)


# The main area's text, hidden parts included, but not the text of scripts and styles
# (the widget translator's script holds Streamlit's English words as its table's keys).
MAIN_TEXT = """() => {
  const main = document.querySelector('[data-testid=stMain]').cloneNode(true);
  main.querySelectorAll('script, style').forEach(e => e.remove());
  return main.textContent;
}"""
# Every visible text against its painted background: WCAG AA asks 4.5:1.
CONTRAST = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")


def check(page: Page, lang: str, name: str) -> None:
    assert page.evaluate("document.documentElement.lang") == lang, name
    assert page.evaluate(CONTRAST) == [], name
    assert page.evaluate(OVERFLOW) == [], name
    text = page.evaluate(MAIN_TEXT)
    assert " None" not in text and ">None<" not in text and not text.startswith("None"), name
    if lang == "vi":
        found = [w for w in STREAMLIT_ENGLISH if w in text]
        assert not found, (name, found)
        left = page.evaluate(ENGLISH_LEFT, {"exact": STREAMLIT_EXACT, "parts": []})
        assert not left, (name, left)


def role_pages(role: Role) -> list[str]:
    """The title keys of the pages the role's navigation offers, as the app builds it."""
    return [spec.title_key for specs in page_specs(DEMO_USERS[role]).values() for spec in specs]


# The administrator sees every page at both widths; the other roles on a phone.
CASES = [
    *((Role.ADMIN, lang, width) for lang in ("vi", "en") for width in (1440, 390)),
    *(
        (role, lang, 390)
        for role in (Role.LEADER, Role.OFFICER, Role.APPROVER)
        for lang in ("vi", "en")
    ),
]


@pytest.mark.parametrize(("role", "lang", "width"), CASES)
def test_every_page_in_its_language_and_width(
    browser: Browser, server: Server, screenshots: Path, role: Role, lang: str, width: int
) -> None:
    height = 844 if width < 800 else 1000
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    prepare(page, server.url, lang, width, role)
    keys = role_pages(role)
    assert role is not Role.ADMIN or set(keys) == set(PAGES)
    for key in keys:
        sidebar(page, width)
        page.locator("[data-testid=stSidebar]").get_by_role(
            "link", name=t(key, lang), exact=True
        ).click()
        settle(page)
        if width < 800 and page.locator("[data-testid=stSidebar]").is_visible():
            page.locator("[data-testid=stSidebarCollapseButton] button").first.click()
            page.wait_for_timeout(400)
        page.screenshot(path=screenshots / f"every-{role.value}-{key}-{lang}-{width}.png")
        check(page, lang, key)
    context.close()


def test_keyboard_focus_is_visible_and_unlike_the_selected_page(
    browser: Browser, server: Server
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector("[data-testid=stApp]", timeout=60_000)
    settle(page)
    link = page.locator("[data-testid=stSidebarNavLink]").nth(1)  # not the selected page
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    style = link.evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth,"
        " s.outlineColor, document.activeElement === e]; }"
    )
    assert style[3], "the link did not take the focus"
    assert style[0] == "solid" and float(style[1].rstrip("px")) >= 3, style
    selected = page.locator("[data-testid=stSidebarNavLink]").first.evaluate(
        "e => getComputedStyle(e).outlineStyle"
    )
    assert selected == "none"  # the selected page is shown by its tint, not by a ring
    context.close()


def test_the_first_html_says_vietnamese_and_names_the_product(server: Server) -> None:
    # a browser asks for gzip; the page still arrives whole and in Vietnamese
    request = urllib.request.Request(f"{server.url}/upload", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        page = response.read().decode("utf-8")
    assert '<html lang="vi">' in page and "<title>KPI Monitor" in page
