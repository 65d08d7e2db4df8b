"""The 「これまでの実績」 pages on a phone (issue 18, item 2): the key column and the matching rate of every
outcome table are on screen at 390 px without scrolling sideways, and the demo's own rate says it is
fictional right beside SKS's real 73.3%, not only in small print."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OUTCOMES = {"national": "outcomes/", "region": "kanto/outcomes/", "institution": "kanto/minatodai-shinkin/outcomes/"}
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("portal", list(OUTCOMES))
def test_rate_and_key_column_are_visible_at_390px(browser, site_url: str, portal: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + OUTCOMES[portal])
    # For every table in a scrolling box that has a マッチング率 column: where its header, the key cells of
    # each row and each rate cell sit, against the visible part of the box (before any scrolling).
    tables = page.evaluate("""() => [...document.querySelectorAll('.kk-table-wrap')].map(wrap => {
        const table = wrap.querySelector('table');
        const heads = [...table.querySelectorAll('thead th')];
        const col = heads.findIndex(th => th.textContent.trim() === 'マッチング率');
        if (col < 0) return null;
        const box = wrap.getBoundingClientRect();
        const rows = [...table.querySelectorAll('tbody tr')].map(tr => {
            const cells = [...tr.children];
            // Rows under a rowspan cell have one cell fewer: count the rate column from the right.
            const rate = cells[cells.length - (heads.length - col)];
            const key = tr.querySelector('th[scope="row"]');
            return [rate.textContent.trim(), rate.getBoundingClientRect().right, key.getBoundingClientRect().right,
                    key.getBoundingClientRect().left];
        });
        return {caption: table.caption ? table.caption.textContent : '', left: box.left, right: box.right,
                head: heads[col].getBoundingClientRect().right, rows};
    }).filter(Boolean)""")
    assert tables, "no outcome table with a マッチング率 column"
    for t in tables:
        assert t["right"] <= PHONE["width"], t["caption"]
        assert t["head"] <= t["right"] + 0.5, (t["caption"], "マッチング率 header off-screen")
        assert t["rows"], t["caption"]
        for rate, rate_right, key_right, key_left in t["rows"]:
            assert rate.endswith("%"), (t["caption"], rate)
            assert rate_right <= t["right"] + 0.5, (t["caption"], rate, rate_right, t["right"])
            assert key_left >= t["left"] - 0.5 and key_right <= t["right"] + 0.5, (t["caption"], rate)
    page.close()


@pytest.mark.parametrize("portal", list(OUTCOMES))
def test_demo_rate_is_marked_fictional_beside_the_real_figure(browser, site_url: str, portal: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + OUTCOMES[portal])
    own = page.locator(".kk-figures .kk-figure").first
    real = page.locator(".kk-figures .kk-figure--ref")
    assert "架空のデモデータ" in own.inner_text()
    assert "73.3%" in real.inner_text() and "実際の数字" in real.inner_text()
    # Both on the first two phone screens, and the label is body-size text, not small print.
    for box in (own.bounding_box(), real.bounding_box()):
        assert box is not None and box["y"] + box["height"] <= 2 * PHONE["height"]
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.kk-figures .kk-figure__label')).fontSize)")
    assert size >= 16
    page.close()
