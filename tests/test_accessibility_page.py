"""The 「ウェブアクセシビリティ方針」 page (issue 18, item 12): published from the committed test results,
current with the page types the build makes and the tools installed, linked from every footer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.a11y_results import RESULTS_PATH, A11yResults, load_results
from generator.build import build
from generator.plan.accessibility import MARKER, with_results

from .browser.a11y_catalogue import catalogue, expected_types
from .conftest import REPO, TODAY


@pytest.fixture(scope="module")
def results() -> A11yResults:
    found, problems = load_results(REPO)
    assert problems == [] and found is not None
    return found


def test_committed_results_cover_every_page_type_the_build_makes(results: A11yResults) -> None:
    # Stale when a page type was added (or renamed) since the report was written: run
    #   python -m tests.browser.accessibility_report   and commit content/accessibility-results.yml.
    types = catalogue()
    assert sorted(types) == expected_types()
    assert {r.type: r.name for r in results.pages} == {tid: p.name for tid, (_, p) in types.items()}


def test_committed_results_are_from_the_pinned_tools_and_clean(results: A11yResults) -> None:
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert (results.axe_core, results.nu_html_checker) == (pinned["axe-core"], pinned["vnu-jar"])
    assert results.widths == (390, 1280)
    assert [r.type for r in results.pages if r.axe_violations or r.html_errors] == []


def test_page_shows_the_results(demo_site: Path, results: A11yResults) -> None:
    html = (demo_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "JIS X 8341-3:2016" in html and "AA" in html
    table = re.search(r"<caption>ページの種類ごとの試験結果（(.+?)）</caption>(.*?)</table>", html, re.S)
    assert table is not None
    y, m, d = (int(x) for x in results.tested_on.split("-"))
    assert table.group(1).startswith(f"{y}年{m}月{d}日")
    rows = re.findall(r'<th scope="row" class="kk-table__key">(.+?)</th><td>(.+?)</td><td>(.+?)</td><td>(.+?)</td>', table.group(2))
    assert [r[0] for r in rows] == [r.name for r in results.pages]
    assert {r[1:] for r in rows} == {("配慮", "違反なし", "誤りなし")}
    assert f"axe-core {results.axe_core}" in html and f"Nu Html Checker {results.nu_html_checker}" in html
    assert MARKER not in html
    assert "data-pagefind-body" not in html  # a policy page is not a search result (its table names 交流会（中止）…)


def _footer_links_ok(site: Path) -> int:
    checked = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'class="kk-footer"' not in html:
            continue
        hrefs = re.findall(r'<li><a href="([^"]*)">ウェブアクセシビリティ方針</a></li>', html)
        assert len(hrefs) == 1, page
        # 404.html links from the site's base path ("/…"); every other page relatively.
        href = hrefs[0]
        target = (site / href.lstrip("/") if href.startswith("/") else page.parent / href) / "index.html"
        assert target.is_file(), (page, hrefs[0])
        checked += 1
    return checked


def test_every_footer_links_the_page(demo_site: Path) -> None:
    assert _footer_links_ok(demo_site) > 150


def test_a_standalone_portal_links_its_own_copy(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(REPO, out, today=TODAY, portals=["tohoku/koganehara-bank"], index=False).ok
    assert (out / "accessibility" / "index.html").is_file()
    assert _footer_links_ok(out) > 5


def test_damaged_results_file_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    text = (REPO / RESULTS_PATH).read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "axe_violations:" in line)
    lines[at] = lines[at].split(":")[0] + ": many"
    (tmp_path / RESULTS_PATH).write_text("\n".join(lines) + "\n", encoding="utf-8")
    found, problems = load_results(tmp_path)
    assert found is None
    assert [(p.path, p.line, p.code) for p in problems] == [(RESULTS_PATH, at + 1, problems[0].code)]
    assert problems[0].code.startswith("S") and "axe_violations" in problems[0].text()


def test_names_are_escaped(results: A11yResults) -> None:
    hostile = results.model_copy(update={"pages": (results.pages[0].model_copy(update={"name": "<script>x</script>"}),)})
    html = with_results(f"before\n\n{MARKER}\n\nafter", hostile)
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert html.startswith("before") and html.rstrip().endswith("after")
