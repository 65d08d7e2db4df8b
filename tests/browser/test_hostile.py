"""In Chromium: the Content-Security-Policy holds on every page type, a hostile logo runs no
script, and a standalone portal's search works."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.build import build
from tests.conftest import REPO, TODAY

from .server import serve_dir

pytestmark = pytest.mark.browser

# One page of every type the generator writes, search included.
PAGE_TYPES = {
    "national home": "",
    "region home": "kanto/",
    "institution home": "kanto/minatodai-shinkin/",
    "meetings list": "kanto/meetings/",
    "meeting": "kanto/minatodai-shinkin/meetings/2026-12-10/",
    "challenges list": "challenges/",
    "challenge": None,  # first challenge link on the list
    "veterans list": "kanto/veterans/",
    "veteran": None,
    "outcomes": "outcomes/",
    "editorial": "about/",
    "404": "404.html",
    "search": "search/",
}

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _open(browser, url: str):
    page = browser.new_page()
    page.clock.set_fixed_time("2026-11-26T10:00:00+09:00")
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    page.add_init_script(WATCH)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, console


def _violations(page, console: list[str]) -> list[str]:
    return page.evaluate("window.__csp") + [c for c in console if "Content Security Policy" in c]


def _detail(site: Path, pattern: str) -> str:
    """The URL of the first detail page of a kind in the built tree."""
    first = sorted(site.glob(pattern))[0]
    return first.parent.relative_to(site).as_posix() + "/"


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_works_under_the_csp(browser, site_url: str, demo_site: Path, kind: str) -> None:
    path = PAGE_TYPES[kind]
    if path is None:
        path = _detail(demo_site, {"challenge": "*/*/challenges/*/index.html", "veteran": "*/veterans/*/index.html"}[kind])
    page, console = _open(browser, site_url + path)
    csp = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "script-src" in csp and "unsafe-inline" not in csp
    assert page.locator("head style").count() == 0  # colours come from a stylesheet file
    # The portal colour reached the page through that file.
    colour = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--kk-primary').trim()")
    assert re.fullmatch(r"#[0-9a-f]{6}", colour), colour
    # Material's inline scripts ran (allowed by hash): its helpers exist.
    assert page.evaluate("typeof __md_get") == "function"
    if kind == "search":
        # The query pipeline (kk-search.js, search.js) runs from files: Pagefind, its WebAssembly and the dictionary.
        page.locator("#kk-q").fill("横浜市")
        page.locator("#kk-q").press("Enter")
        page.wait_for_selector("a.kk-result__link")
        assert page.locator("a.kk-result__link").count() > 0
    if kind == "meeting":
        assert page.get_by_role("link", name="参加を申し込む").is_visible()
    assert _violations(page, console) == []
    page.close()


def test_a_script_blocked_by_the_csp_is_reported(browser, site_url: str) -> None:
    """The watch above can see a violation: an injected inline script is refused and reported."""
    page, console = _open(browser, site_url)
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                     document.body.appendChild(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in _violations(page, console))


@pytest.fixture(scope="module")
def standalone_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("standalone") / "site"
    result = build(REPO, out, today=TODAY, portals=["kanto/minatodai-shinkin"])
    assert result.ok, result.message
    return out


def test_standalone_portal_search_finds_its_records(browser, standalone_site: Path) -> None:
    with serve_dir(standalone_site) as base:
        page, console = _open(browser, base + "search/")
        failed: list[str] = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.locator("#kk-q").fill("交流会")
        page.locator("#kk-q").press("Enter")
        page.wait_for_selector("a.kk-result__link", timeout=10_000)
        links = page.locator("a.kk-result__link")
        assert links.count() > 0
        assert failed == [] and _violations(page, console) == []
        # Every result leads to a page of this build (links are made from the build's root).
        for href in links.evaluate_all("links => links.map(a => a.href)"):
            response = page.goto(href)
            assert response is not None and response.ok, href


def _svg(script: str) -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" onload="{script}" width="10" height="10">'
            f'<script>{script}</script><rect width="10" height="10"/></svg>').encode()


def _png_polyglot(script: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#0f5c6e").save(buffer, format="PNG")
    return buffer.getvalue() + f"<html><script>{script}</script></html>".encode()


HOSTILE_LOGOS = {
    "svg with script": ("logo.svg", _svg("document.title='pwned'")),
    "svg named png": ("logo.png", _svg("document.title='pwned'")),
    "png with html after it": ("logo.png", _png_polyglot("document.title='pwned'")),
}


@pytest.mark.parametrize("name", list(HOSTILE_LOGOS))
def test_opening_a_hostile_logo_runs_no_script(browser, tmp_path: Path, name: str) -> None:
    filename, data = HOSTILE_LOGOS[name]
    root = tmp_path / "repo"
    shutil.copytree(REPO / "regions", root / "regions")
    inst = root / "regions/kanto/institutions/minatodai-shinkin"
    for old in inst.glob("logo.*"):
        old.unlink()
    (inst / filename).write_bytes(data)
    yml = inst / "institution.yml"
    yml.write_text(re.sub(r"logo: logo\.\w+", f"logo: {filename}", yml.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "site"
    result = build(root, out, today=TODAY, project_root=REPO, index=False)
    if not result.ok:  # refused: nothing published, and the contributor is told why, at the logo line
        assert [(d.path, d.code) for d in result.diagnostics if d.severity == "error"] == [
            ("regions/kanto/institutions/minatodai-shinkin/institution.yml", "X316" if "svg" in name else "X317")]
        assert not out.exists()
        return
    logos = sorted((out / "assets/logos").iterdir())
    with serve_dir(out) as base:
        for logo in logos:
            page = browser.new_page()
            page.goto(base + "assets/logos/" + logo.name)
            page.wait_for_timeout(300)
            assert page.title() != "pwned"
            assert page.evaluate("document.documentElement.outerHTML").count("<script") == 0
            page.close()
    assert all(Image.open(logo).format == "PNG" and b"<script" not in logo.read_bytes() for logo in logos)
