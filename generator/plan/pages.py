"""Every page of the build: a portal's home, lists (20 to a page), outcomes, search, and one page per record.

A page is decided first (URL, template, portal, what it lists); its view is
filled in afterwards (present.py), once standalone pruning has said in which
portal's frame it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..registry import KINDS
from .portals import Portal
from .records import Facts
from .urls import SUMMARY_URL, challenge_url, list_url, meeting_url, portal_url, veteran_url
from .views import Pager, PageView, ShellView

PAGE_SIZE = 20
PAGE_TEMPLATES = {k.name: k.page for k in KINDS if k.page}  # record kind -> template of its page
DETAIL_KINDS = tuple(PAGE_TEMPLATES)


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    portal: str
    title: str
    kind: str  # home | meetings | challenges | veterans | outcomes | summary | search | meeting | challenge | veteran | content | 404
    demo: bool
    record: str | None = None  # key of the record a detail page shows
    items: tuple[str, ...] = ()  # keys a list page shows
    pager: Pager | None = None
    view: PageView | None = None
    shell: ShellView | None = None


def paged(portal: Portal, what: str, template: str, title: str, keys: Sequence[str]) -> list[Page]:
    count = max(1, -(-len(keys) // PAGE_SIZE))
    pages = []
    for number in range(1, count + 1):
        chunk = tuple(keys[(number - 1) * PAGE_SIZE: number * PAGE_SIZE])
        pager = Pager(number, count,
                      list_url(portal.id, what, number - 1) if number > 1 else None,
                      list_url(portal.id, what, number + 1) if number < count else None)
        suffix = f"（{number}/{count}ページ）" if count > 1 else ""
        pages.append(Page(list_url(portal.id, what, number), template, portal.id, title + suffix, what,
                          portal.demo, items=chunk, pager=pager))
    return pages


def portal_pages(portal: Portal) -> list[Page]:
    pages = [Page(portal_url(portal.id), "home.html", portal.id, portal.title, "home", portal.demo)]
    pages += paged(portal, "meetings", "meetings.html", "交流会の一覧", (*portal.upcoming, *portal.past))
    pages += paged(portal, "challenges", "challenges.html", "企業の課題", portal.challenges)
    pages += paged(portal, "veterans", "veterans.html", "新現役の紹介", portal.veterans)
    pages.append(Page(list_url(portal.id, "outcomes"), "outcomes.html", portal.id, "これまでの実績", "outcomes", portal.demo))
    pages.append(Page(list_url(portal.id, "search"), "search.html", portal.id, "検索", "search", portal.demo))
    if portal.kind == "national":
        # One printable A4 page for an institution thinking of starting (map, figures, how to start).
        pages.append(Page(SUMMARY_URL, "summary.html", portal.id, "新現役交流会のご案内（A4・1枚）", "summary",
                          portal.demo))
    return pages


def detail_pages(portals: dict[str, Portal], facts: Facts) -> list[Page]:
    pages = []
    for key, meeting in sorted(facts.meetings.items()):
        pages.append(Page(meeting_url(key), PAGE_TEMPLATES["meeting"], meeting.host, meeting.m.title, "meeting",
                          portals[meeting.host].demo, record=key))
    for key, challenge in sorted(facts.challenges.items()):
        owner = key.rsplit("/", 1)[0]
        pages.append(Page(challenge_url(key), PAGE_TEMPLATES["challenge"], owner, challenge.c.title, "challenge",
                          portals[owner].demo, record=key))
    for key, veteran in sorted(facts.veterans.items()):
        region_id = key.split("/")[0]
        pages.append(Page(veteran_url(key), PAGE_TEMPLATES["veteran"], region_id, veteran.v.headline, "veteran",
                          portals[region_id].demo, record=key))
    return pages


def standalone(root: str, portals: dict[str, Portal], facts: Facts, pages: list[Page]) -> list[Page]:
    """Keep the pages a standalone portal needs: its own tree plus the records it lists."""
    inside = [p for p in pages if p.portal == root or p.portal.startswith(root + "/")]
    inside = [p for p in inside if p.kind not in DETAIL_KINDS]
    listed: set[str] = set()
    for pid, portal in portals.items():
        if pid == root or pid.startswith(root + "/"):
            listed.update(portal.upcoming, portal.past, portal.challenges, portal.veterans)
    # A listed challenge's meeting and the veterans matched on its page are linked too.
    for key in list(listed):
        if key in facts.challenges and facts.challenges[key].meeting:
            listed.add(facts.challenges[key].meeting)  # type: ignore[arg-type]
        if key in facts.meetings:
            listed.update(facts.meetings[key].challenges)
    details = []
    for page in pages:
        if page.record not in listed:
            continue
        if not (page.portal == root or page.portal.startswith(root + "/")):
            # A co-hosted record from elsewhere is shown inside this portal's frame.
            page = replace(page, portal=root)
        details.append(page)
    return inside + details
