"""The guide (and every long editorial page) on a phone (issue 18, item 6): code blocks need no sideways
scrolling (so no unfocusable scroll region), tables and notes are at least 16 px and code 14 px, and a table
of contents at the top with a 「目次に戻る」 link after every section."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_code_blocks_fit_and_text_is_large_enough(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "guide/")
    blocks = page.evaluate("""() => [...document.querySelectorAll('.kk-content pre, .kk-content pre > code')]
        .map(e => [e.tagName, e.scrollWidth - e.clientWidth])""")
    assert len(blocks) >= 10
    assert [b for b in blocks if b[1] > 0] == []  # nothing to scroll sideways
    sizes = page.evaluate("""() => {
        const size = sel => [...document.querySelectorAll(sel)].map(e => parseFloat(getComputedStyle(e).fontSize));
        return {table: size('.kk-content table td, .kk-content table th'), note: size('.kk-content .admonition p'),
                code: size('.kk-content code')}; }""")
    assert sizes["table"] and min(sizes["table"]) >= 16
    assert sizes["note"] and min(sizes["note"]) >= 16
    assert sizes["code"] and min(sizes["code"]) >= 14
    page.close()


@pytest.mark.parametrize("path", ["guide/", "about/", "join/"])
def test_contents_at_the_top_and_back_links(browser, site_url: str, path: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + path)
    sections = page.evaluate("[...document.querySelectorAll('.kk-content h2[id]')].map(h => '#' + h.id)")
    toc = page.locator("nav#kk-toc")
    assert toc.count() == 1
    assert toc.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))") == sections
    box = toc.bounding_box()
    assert box is not None and box["y"] < 2 * PHONE["height"]  # near the top, before the first section
    # One 「目次に戻る」 per section (at its end), each leading back to the contents.
    back = page.get_by_role("link", name="↑ 目次に戻る")
    assert back.count() == len(sections)
    back.last.click()
    page.wait_for_function("document.querySelector('#kk-toc').getBoundingClientRect().top < 200")
    page.close()
