"""Reach in Chromium: no page asks for a missing file (favicon included), share meta on the pages
people share, and the A4 flyer prints on exactly one sheet with its QR code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import build
from tests.conftest import REPO, TODAY

from .server import serve_dir

pytestmark = pytest.mark.browser

SITE_URL = "https://demo.example.jp/koryukai/"
PAGES = ["", "kanto/", "kanto/minatodai-shinkin/", "kanto/minatodai-shinkin/meetings/2026-12-10/",
         "kanto/hikarizaka-support/meetings/2026-12-17-online/", "kanto/minatodai-shinkin/challenges/coating-patent/",
         "opendata/", "kanto/minatodai-shinkin/meetings/2026-12-10/flyer/"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("reach-browser") / "site"
    result = build(REPO, out, today=TODAY, site_url=SITE_URL, index=False)
    assert result.ok, result.message
    with serve_dir(out) as base:
        yield base


def test_no_missing_files_and_meta_on_every_page(browser, served: str) -> None:
    page = browser.new_page()
    missing: list[tuple[object, str]] = []
    page.on("response", lambda r: missing.append((r.status, r.url)) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: missing.append(("failed", r.url)) if r.url.startswith(served) else None)
    for url in PAGES:
        page.goto(served + url)
        page.wait_for_load_state("networkidle")
        icons = page.eval_on_selector_all("link[rel~=icon]", "els => els.map(e => e.href)")
        assert icons and all(i.startswith(served) for i in icons), (url, icons)
        if url.endswith("flyer/"):
            continue
        for selector in ("meta[name=description]", "meta[property='og:title']", "meta[property='og:image']",
                         "meta[name='twitter:card']", "link[rel=canonical]", "link[rel=apple-touch-icon]"):
            assert page.locator(selector).count() == 1, (url, selector)
    page.close()
    assert missing == []


def test_flyer_prints_on_one_a4_sheet_with_a_qr_code(browser, served: str, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(served + "kanto/minatodai-shinkin/meetings/2026-12-10/flyer/")
    page.wait_for_load_state("networkidle")
    assert page.locator("svg.kk-flyer__qr-svg").count() == 1
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    page.close()
    # One /Type /Page object per printed sheet (the /Pages tree node does not match).
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1


def test_printed_meeting_page_has_no_nav_or_buttons(browser, served: str) -> None:
    page = browser.new_page()
    page.goto(served + "kanto/minatodai-shinkin/meetings/2026-12-10/")
    page.emulate_media(media="print")
    for selector in (".kk-nav", ".kk-reach", ".kk-search", ".kk-footer__links"):
        if page.locator(selector).count():
            assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".kk-button--signup").first.is_visible() or page.locator(".kk-signup").count()
    page.close()


def test_calendar_menu_is_a_row_of_buttons_without_bullets(browser, served: str) -> None:
    """Material's `.md-typeset ul` gives lists bullets; the menu is buttons, so its list has none."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + "kanto/minatodai-shinkin/meetings/2026-12-10/")
    styles = page.locator(".kk-reach__list").evaluate_all(
        "els => els.map(e => getComputedStyle(e).listStyleType + ' ' + getComputedStyle(e).display)")
    page.close()
    assert styles == ["none flex", "none flex"]
