"""axe-core in Chromium: no serious or critical violations on the pages people use most."""

from __future__ import annotations

import os

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "national home": "",
    "region home": "kanto/",
    "institution home": "kanto/minatodai-shinkin/",
    "meeting": "kanto/minatodai-shinkin/meetings/2026-12-10/",
    "cancelled meeting": "tohoku/koganehara-bank/meetings/2026-12-03/",
    "challenge": "kanto/minatodai-shinkin/challenges/precision-parts-medical/",
    "veteran": "kanto/veterans/overseas-sales-electronics/",
    "outcomes": "outcomes/",
    "about": "about/",
    "search results": "search/?q=販路開拓",
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        message = "axe-core not installed (npm ci)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def _violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("""async () => {
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")
    return result


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_violations(browser, site_url: str, axe_source: str, name: str, viewport: dict[str, int]) -> None:
    # axe is injected as an inline script, which the pages' Content-Security-Policy rightly refuses.
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    page.goto(site_url + PAGES[name])
    if name == "search results":
        page.wait_for_selector(".kk-result")
        page.locator("#kk-filter-toggle").click()
        page.wait_for_selector(".kk-filters__group")
    assert _violations(page, axe_source) == []
    page.close()


def test_base_text_is_large_enough(browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + PAGES["meeting"])
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert size >= 18  # the design promises 18 px body text (Material's own default is 16 px)


def test_tap_targets_are_at_least_44px(browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + "kanto/")
    small = page.evaluate("""() => [...document.querySelectorAll('.kk-nav a, .kk-button, .kk-search-link, .kk-brand')]
        .map(a => [a.textContent.trim(), a.getBoundingClientRect().height])
        .filter(([, h]) => h < 44)""")
    assert small == []


