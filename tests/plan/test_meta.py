"""plan/meta.py: share meta, calendar menu and JSON-LD are view values, with links that resolve in this build."""

from __future__ import annotations

import json
import posixpath
from datetime import date

from generator.content import load_content
from generator.dataset import Dataset
from generator.plan import build_plan
from generator.plan.views import MeetingPageView

from ..conftest import REPO

TODAY = date(2026, 11, 26)
SITE_URL = "https://demo.example.jp/koryukai/"


def _resolve(page_url: str, link: str) -> str:
    """The build-root path a relative link from a page's directory URL points to."""
    return posixpath.normpath(posixpath.join(page_url or ".", link)) + ("/" if link.endswith("/") else "")


def test_every_page_has_meta_and_only_meeting_pages_have_calendar_and_share(demo: Dataset) -> None:
    content, _ = load_content(REPO)
    plan = build_plan(demo, TODAY, site_url=SITE_URL, content=content)
    for page in (*plan.pages, plan.not_found):
        assert page.shell is not None and page.shell.meta is not None, page.url
        meta = page.shell.meta
        assert meta.document_title.endswith(plan.portals[page.portal].title), page.url
        assert 0 < len(meta.description) <= 120
        if isinstance(page.view, MeetingPageView):
            assert page.view.reach is not None
            assert json.loads(str(page.view.reach.jsonld))["@type"] == "Event"
            assert page.view.reach.calendar_menu.ics == "meeting.ics" and page.view.reach.flyer == "flyer/"
        else:
            assert getattr(page.view, "reach", None) is None
    home = next(p for p in plan.pages if p.url == "kanto/")
    assert home.shell is not None and home.shell.meta is not None
    assert home.shell.meta.canonical == SITE_URL + "kanto/"
    assert _resolve("kanto/", home.shell.meta.opendata_page or "") == "opendata/"
    assert [_resolve("kanto/", d.url) for d in home.shell.meta.data] == [
        "kanto/data/meetings.csv", "kanto/data/meetings.json", "kanto/data/event.csv"]


def test_404_links_its_files_from_the_site_base_path(demo: Dataset) -> None:
    """Served at any depth, the 404 page cannot use relative links to its icons."""
    with_url = build_plan(demo, TODAY, site_url=SITE_URL).not_found.shell
    plain = build_plan(demo, TODAY).not_found.shell
    assert with_url is not None and with_url.meta is not None and plain is not None and plain.meta is not None
    assert (with_url.meta.favicon, with_url.meta.canonical) == ("/koryukai/favicon.ico", None)
    assert plain.meta.favicon == "/favicon.ico"


def test_without_site_url_nothing_absolute_and_no_opendata_link_without_its_page(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)  # no content/: no 「オープンデータ」 page to link to
    page = next(p for p in plan.pages if p.record == "kanto/minatodai-shinkin/2026-12-10")
    assert page.shell is not None and page.shell.meta is not None and isinstance(page.view, MeetingPageView)
    meta, reach = page.shell.meta, page.view.reach
    assert (meta.canonical, meta.image, meta.twitter_card, meta.opendata_page) == (None, None, "summary", None)
    assert reach is not None and reach.calendar_menu.webcal is None
    assert reach.share.line.startswith("https://line.me/R/share?text=")


def test_standalone_portal_links_its_own_files(demo: Dataset) -> None:
    """In a build of one portal the portal is the root: its files are at the top of the output."""
    content, _ = load_content(REPO)
    plan = build_plan(demo, TODAY, root="kanto/minatodai-shinkin", site_url=SITE_URL, content=content)
    page = next(p for p in plan.pages if p.record == "kanto/minatodai-shinkin/2026-12-10")
    here = plan.url(page.url) or ""
    assert here == "meetings/2026-12-10/"
    assert page.shell is not None and page.shell.meta is not None
    assert _resolve(here, page.shell.meta.calendar or "") == "calendar.ics"
    assert _resolve(here, page.shell.meta.favicon) == "favicon.ico"
    assert _resolve(here, page.shell.meta.opendata_page or "") == "opendata/"
    assert page.shell.meta.canonical == SITE_URL + here
