"""The page script moves a meeting's sign-up state forward with the visitor's clock, never back.

The demo is built for 2026-11-26: the meeting of 2026-12-10 is 締切間近 (deadline 2026-11-30).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from generator.build import build
from tests.conftest import FIXTURES, REPO

from .server import serve_dir

pytestmark = pytest.mark.browser

MEETING = "kanto/minatodai-shinkin/meetings/2026-12-10/"


def open_on(browser, site_url: str, when: str):
    page = browser.new_page()
    page.clock.set_fixed_time(when)
    page.goto(site_url + MEETING)
    return page


def test_after_the_deadline_the_form_is_gone(browser, site_url: str) -> None:
    page = open_on(browser, site_url, "2026-12-05T10:00:00+09:00")
    assert page.locator(".kk-signup [data-kk-state]").inner_text() == "受付終了"
    assert page.locator("a.kk-button--signup").count() == 0


def test_after_the_meeting_day_a_closed_meeting_shows_held(browser, site_url: str) -> None:
    """The bug: a page built before the meeting kept showing 受付終了 after the day had passed."""
    page = open_on(browser, site_url, "2026-12-11T09:00:00+09:00")
    badge = page.locator(".kk-signup [data-kk-state]")
    assert badge.inner_text() == "開催済み"
    assert "kk-state--held" in (badge.get_attribute("class") or "")
    assert page.locator("a.kk-button--signup").count() == 0
    # Cards elsewhere follow the same dates (the region's list shows the same meeting).
    page.goto(site_url + "kanto/meetings/")
    card = page.locator(".kk-card:has(a[href$='minatodai-shinkin/meetings/2026-12-10/']) [data-kk-state]")
    assert card.inner_text() == "開催済み"


def test_on_the_meeting_day_it_is_not_yet_held(browser, site_url: str) -> None:
    page = open_on(browser, site_url, "2026-12-10T23:00:00+09:00")
    assert page.locator(".kk-signup [data-kk-state]").inner_text() == "受付終了"


def test_a_clock_in_the_past_never_reopens(browser, site_url: str) -> None:
    page = open_on(browser, site_url, "2026-11-01T10:00:00+09:00")
    assert page.locator(".kk-signup [data-kk-state]").inner_text() == "締切間近"


@pytest.fixture(scope="module")
def closed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small fixture built on 2026-12-05: its meeting of 2026-12-10 is past its deadline (2026-12-03)."""
    out = tmp_path_factory.mktemp("closed") / "site"
    assert build(FIXTURES / "valid", out, today=date(2026, 12, 5), index=False, project_root=REPO).ok
    with serve_dir(Path(out)) as base:
        yield base


def test_a_page_built_closed_shows_held_after_the_day(browser, closed_site: str) -> None:
    """The reported bug: built 受付終了 before the meeting, it stayed 受付終了 after the meeting day."""
    page = browser.new_page()
    page.clock.set_fixed_time("2026-12-09T10:00:00+09:00")
    page.goto(closed_site + "kanto/minato-shinkin/meetings/2026-12-10/")
    assert page.locator(".kk-signup [data-kk-state]").inner_text() == "受付終了"
    page.clock.set_fixed_time("2026-12-11T10:00:00+09:00")
    page.reload()
    assert page.locator(".kk-signup [data-kk-state]").inner_text() == "開催済み"
    assert page.get_by_text("申込の受付は終了しました。").count() == 1
