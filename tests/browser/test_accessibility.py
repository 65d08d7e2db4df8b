"""axe-core in Chromium: no violation of any impact on one page of every page type the build makes
(generator/plan/page_types.py), at phone and desktop widths."""

from __future__ import annotations

import os

import pytest

from tests.conftest import REPO

from .a11y_catalogue import CLOSED_DAY, WIDTHS, axe_violations, build_closed_site, catalogue, expected_types, page_path
from .server import serve_dir

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {  # used by other browser tests
    "meeting": "kanto/minatodai-shinkin/meetings/2026-12-10/",
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        message = "axe-core not installed (npm ci)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def types() -> dict:
    return catalogue()


@pytest.fixture(scope="module")
def closed_url(tmp_path_factory: pytest.TempPathFactory):
    site = build_closed_site(tmp_path_factory.mktemp("closed") / "site")
    with serve_dir(site) as base:
        yield base


def test_catalogue_covers_every_page_type(types: dict) -> None:
    # A page kind the catalogue does not name fails in page_types(); a named type no page has fails here.
    assert sorted(types) == expected_types()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("type_id", expected_types())
def test_no_violation_on_any_page_type(browser, site_url: str, closed_url: str, axe_source: str, types: dict,
                                       type_id: str, width: str) -> None:
    site, ptype = types[type_id]
    w, h = WIDTHS[width]
    # axe is injected as an inline script, which the pages' Content-Security-Policy rightly refuses.
    page = browser.new_page(viewport={"width": w, "height": h}, bypass_csp=True)
    if site == "closed":
        page.clock.set_fixed_time(f"{CLOSED_DAY.isoformat()}T10:00:00+09:00")  # the day that site was built for
    page.goto((site_url if site == "demo" else closed_url) + page_path(ptype))
    assert axe_violations(page, axe_source, ptype) == [], ptype.url
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


