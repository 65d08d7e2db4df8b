"""The map of Japan, the trend charts and the A4 summary in Chromium: layout at 390 and 1280 px,
no axe violation at all (not only serious ones), and the summary prints on one A4 sheet."""

from __future__ import annotations

import re

import pytest

from .test_accessibility import axe_source  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

PAGES = {"national home": "", "outcomes": "outcomes/", "region outcomes": "kanto/outcomes/", "summary": "summary/"}
VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1280, "height": 900}]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone", "desktop"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_horizontal_overflow_and_charts_fit(browser, site_url: str, name: str, viewport: dict[str, int]) -> None:
    page = browser.new_page(viewport=viewport)
    page.goto(site_url + PAGES[name])
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    boxes = page.evaluate("""() => [...document.querySelectorAll('svg.kk-map, svg.kk-trend')].map(s => {
        const r = s.getBoundingClientRect(); return [s.getAttribute('class'), r.left, r.right, r.width, r.height]; })""")
    assert boxes, "no chart on the page"
    for cls, left, right, w, h in boxes:
        assert left >= 0 and right <= width, (cls, left, right)
        # Readable, not squeezed: a chart keeps at least 280 px (phone) and the map 300 px.
        assert w >= (300 if cls == "kk-map" else 280), (cls, w)
        assert h > 150, (cls, h)
    # Chart text is never smaller than 12 px on screen (an SVG scales its text with it).
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('svg.kk-trend text')].map(t => {
        const svg = t.ownerSVGElement; const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(t.getAttribute('font-size')) * scale; }))""")
    if name != "national home":
        assert smallest >= 12, smallest
    page.close()


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone", "desktop"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_reports_no_violation(browser, site_url: str, axe_source: str, name: str,  # noqa: F811
                                  viewport: dict[str, int]) -> None:
    page = browser.new_page(viewport=viewport, bypass_csp=True)  # axe is injected as an inline script
    page.goto(site_url + PAGES[name])
    page.add_script_tag(content=axe_source)
    found = page.evaluate("""async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
        .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))""")
    assert found == []
    page.close()


def test_map_region_is_a_keyboard_link_to_its_portal(browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url)
    link = page.get_by_role("link", name=re.compile("^関東のポータル（開催済み"))
    assert link.count() == 1
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "kanto/")
    page.close()


def test_summary_prints_on_one_a4_sheet_without_the_site_frame(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "summary/")
    page.emulate_media(media="print")
    assert page.locator(".kk-header").is_hidden() and page.locator(".kk-footer").is_hidden()
    assert page.locator(".kk-demo").is_visible()  # the demo notice stays on paper
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.close()


@pytest.mark.parametrize("url", ["outcomes/", "kanto/outcomes/"])
def test_bar_chart_labels_are_never_cut_off(browser, site_url: str, url: str) -> None:
    """Long names (ひかり坂中小企業支援センター) stay inside the chart instead of losing their first characters."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + url)
    outside = page.evaluate("""() => [...document.querySelectorAll('svg.kk-chart text')].filter(t => {
        const b = t.getBBox(), w = t.ownerSVGElement.viewBox.baseVal.width;
        return b.x < 0 || b.x + b.width > w; }).map(t => t.textContent)""")
    assert outside == []
    page.close()
