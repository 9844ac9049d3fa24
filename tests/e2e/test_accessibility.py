"""Accessibility in the real browser: axe-core (WCAG 2.1 AA) on every page in both languages, a 400 px
wide screen, and the keyboard reaching the controls."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

PAGES = ["", "kaart", "vergelijk", "gemeente", "bereik", "capaciteit", "scenarios", "een-kaart", "rapport", "bronnen"]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
MAP = "iframe[title='streamlit_folium.st_folium']"
FOCUSED = """() => { const e = document.activeElement; if (!e) return "";
    const label = e.closest("label") || (e.id && document.querySelector(`label[for="${e.id}"]`));
    const text = e.getAttribute("aria-label") || e.innerText || (label && label.innerText) || e.value || "";
    return text.slice(0, 60); }"""
"""What the focused control says: its accessible label, text, label element or value."""


def _serious(page) -> list[str]:
    """The serious and critical axe-core violations on the page, as `rule: first element` (once no element is
    faded as stale: Streamlit dims the page while a rerun is on its way)."""
    wait_for_app(page)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30000)
    result = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{v['id']}: {v['nodes'][0]['target']}"
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_serious_accessibility_violations_on_any_page(page, app_url: str, lang: str) -> None:
    found = {}
    for path in PAGES:
        page.goto(f"{app_url}/{path}?lang={lang}")
        wait_for_app(page)
        page.wait_for_timeout(1000)  # charts and maps settle
        if problems := _serious(page):
            found[path or "overzicht"] = problems
    assert not found


def test_a_400_px_screen_puts_the_search_above_the_map_and_lists_the_matrix(browser, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 400, "height": 800})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(app_url) else route.abort())
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    search = page.locator(".st-key-search_nis")  # the search box's container
    expect(search).to_be_visible(timeout=30000)
    expect(page.locator(MAP).first).to_be_visible(timeout=30000)
    assert search.bounding_box()["y"] < page.locator(MAP).first.bounding_box()["y"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 400  # nothing sticks out sideways
    assert not _serious(page)
    page.goto(f"{app_url}/vergelijk")
    wait_for_app(page)
    page.get_by_text("Lijst (best eerst", exact=False).click()
    wait_for_app(page)
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible(timeout=30000)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 400
    context.close()


def test_the_keyboard_reaches_the_controls(page, app_url: str) -> None:
    page.goto(f"{app_url}/vergelijk")
    wait_for_app(page)
    wanted = {"Kaart", "Nederlands", "Maat", "Gewicht", "Laag A", "Laag B", "Download CSV"}
    reached = set()
    for _ in range(300):  # Tab until every control was focused once (the page has well under 300 stops)
        page.keyboard.press("Tab")
        reached.add(page.evaluate(FOCUSED))
        if wanted <= reached:
            break
    # the page links, the language switch (a radio group: arrow keys choose English), the page's own widgets
    assert wanted <= reached, sorted(wanted - reached)
