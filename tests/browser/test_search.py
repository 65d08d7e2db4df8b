"""Search in the browser: the query set, the flow a visitor follows, scope and bytes."""

from __future__ import annotations

import pytest

from generator.validate import load_dataset
from tests.conftest import REPO
from tests.search.evaluate import SEARCH_JS, documents, judge, load_queries, report

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_query_set_passes(browser, site_url: str) -> None:
    dataset, _ = load_dataset(REPO)
    assert dataset is not None
    docs = documents(dataset)
    queries = load_queries()
    assert len(queries) >= 30
    page = browser.new_page()
    page.goto(site_url)
    outcomes = [judge(q, page.evaluate(SEARCH_JS, [site_url + "pagefind/", q.q, {}]), docs) for q in queries]
    print("\n" + report(outcomes))
    assert [(o.query.q, o.problems) for o in outcomes if o.problems] == []
    assert sum(o.precision_at_5 for o in outcomes) / len(outcomes) >= 0.9
    assert sum(o.recall for o in outcomes) / len(outcomes) >= 0.9


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_filter_open_result_and_reach_signup(browser, site_url: str, viewport: dict[str, int]) -> None:
    page = browser.new_page(viewport=viewport)
    page.clock.set_fixed_time("2026-11-26T10:00:00+09:00")  # the build's --today: the form is still open
    page.goto(site_url)
    page.get_by_role("link", name="検索").first.click()
    box = page.locator(".pagefind-ui__search-input")
    box.fill("横浜市")
    page.wait_for_selector(".pagefind-ui__result")
    # Filter: 種類 → 交流会
    page.locator("summary", has_text="種類").click()
    page.get_by_label("交流会").check()
    page.wait_for_function("""() => [...document.querySelectorAll('.pagefind-ui__result-link')].length > 0 &&
        [...document.querySelectorAll('.pagefind-ui__result-link')].every(a => a.href.includes('/meetings/'))""")
    page.locator(".pagefind-ui__result-link", has_text="第12回 みなと台").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/kanto/minatodai-shinkin/meetings/2026-12-10/")
    signup = page.get_by_role("link", name="参加を申し込む")
    assert signup.is_visible()
    assert signup.get_attribute("rel") == "noopener noreferrer"
    assert signup.get_attribute("href").startswith("https://docs.google.com/forms/")
    box_height = signup.bounding_box()["height"]
    assert box_height >= 44


def test_region_search_is_scoped_and_light(browser, site_url: str) -> None:
    """A region portal searches its own records; report the bytes of a first query."""
    sizes: dict[str, int] = {}
    for portal in ("", "kanto/"):
        page = browser.new_page()
        transferred: list[int] = []
        page.on("response", lambda r, t=transferred: t.append(len(r.body())) if "/pagefind/" in r.url else None)
        page.goto(site_url + portal + "search/?q=事業承継")
        page.wait_for_selector(".pagefind-ui__result")
        page.wait_for_timeout(300)
        links = page.locator(".pagefind-ui__result-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert links
        if portal:
            assert all(link.startswith("/kanto/") for link in links), links
        sizes[portal or "national"] = sum(transferred)
        page.close()
    print(f"\nbytes for the first query (search page, pagefind files): {sizes}")
    assert sizes["kanto/"] < sizes["national"]


def test_meeting_state_follows_the_visitors_clock(browser, site_url: str) -> None:
    """Built on 2026-11-26 with sign-up open; a visitor on 2026-12-09 must not see the form."""
    page = browser.new_page()
    page.clock.set_fixed_time("2026-12-09T10:00:00+09:00")
    page.goto(site_url + "kanto/hikarizaka-support/meetings/2026-12-17-online/")
    badge = page.locator(".kk-signup [data-kk-state]")
    assert badge.inner_text() == "受付終了"
    assert page.locator("a.kk-button--signup").count() == 0
    assert page.get_by_text("申込の受付は終了しました。").is_visible()


def test_meeting_state_on_build_day(browser, site_url: str) -> None:
    page = browser.new_page()
    page.clock.set_fixed_time("2026-11-26T10:00:00+09:00")
    page.goto(site_url + "kanto/hikarizaka-support/meetings/2026-12-17-online/")
    assert page.locator(".kk-signup [data-kk-state]").inner_text() == "受付中"
    assert page.locator("a.kk-button--signup").count() == 1


def test_keyboard_reaches_search(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.keyboard.press("Tab")  # skip link
    assert page.evaluate("document.activeElement.textContent").strip() == "本文へ移動"
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip() == "検索":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/")
    page.keyboard.type("DX")
    page.wait_for_selector(".pagefind-ui__result")
    assert page.locator(".pagefind-ui__result").count() > 0


def test_fullwidth_query_matches_halfwidth(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "search/?q=ＥＣサイト")
    page.wait_for_selector(".pagefind-ui__result")
    first = page.locator(".pagefind-ui__result").count()
    page.goto(site_url + "search/?q=ECサイト")
    page.wait_for_selector(".pagefind-ui__result")
    assert page.locator(".pagefind-ui__result").count() == first > 0




def test_national_search_finds_the_editorial_pages_and_regions_do_not(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    national = page.evaluate(SEARCH_JS, [site_url + "pagefind/", "事前ヒアリング", {}])
    assert "about/" in national and "guide/" in national
    regional = page.evaluate(SEARCH_JS, [site_url + "kanto/pagefind/", "事前ヒアリング", {}])
    assert regional and all(url.startswith("kanto/") for url in regional)
