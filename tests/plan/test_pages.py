"""plan/pages.py and site.py: every page once, 20 to a list page, standalone builds keep what they link."""

from __future__ import annotations

from collections import Counter
from datetime import date

from generator.content import EditorialPage
from generator.dataset import Dataset
from generator.plan import PAGE_SIZE, build_plan

TODAY = date(2026, 11, 26)


def test_every_url_once_and_list_pages_hold_twenty(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    assert [u for u, n in Counter(p.url for p in plan.pages).items() if n > 1] == []
    national = [p for p in plan.pages if p.kind == "challenges" and p.portal == ""]
    total = len(plan.portals[""].challenges)
    assert len(national) == -(-total // PAGE_SIZE)
    assert sum(len(p.items) for p in national) == total
    assert all(len(p.items) <= PAGE_SIZE for p in plan.pages)


def test_editorial_pages_are_planned_at_the_root(demo: Dataset) -> None:
    docs = (EditorialPage("about", "content/about.md", "新現役交流会とは", "# 本文\n"),)
    combined = build_plan(demo, TODAY, content=docs)
    about = next(p for p in combined.pages if p.kind == "content")
    assert (about.url, about.title, about.portal) == ("about/", "新現役交流会とは", "")
    assert combined.content_urls == ("about/",)
    standalone = build_plan(demo, TODAY, root="kanto", content=docs)
    assert standalone.content_urls == ("about/",)


def test_standalone_keeps_its_tree_and_the_records_it_links(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY, root="kanto/minatodai-shinkin")
    assert all(plan.url(p.url) is not None for p in plan.pages)
    assert not [p for p in plan.pages if p.kind == "home" and p.portal != "kanto/minatodai-shinkin"]
    for page in plan.pages:
        assert page.portal.startswith("kanto/minatodai-shinkin")  # shown in this portal's frame
    listed = {*plan.portals["kanto/minatodai-shinkin"].upcoming, *plan.portals["kanto/minatodai-shinkin"].challenges}
    assert listed <= set(plan.record_urls)
