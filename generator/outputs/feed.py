"""Atom (RFC 4287) per portal with feedgen: its meetings and challenges.

Ids are urn:uuid values derived from record keys, `updated` comes from the data (common.*_revision),
so a feed reader marks an entry new only when it is new, not after every nightly build.
"""

from __future__ import annotations

import posixpath
import uuid
from datetime import datetime

from feedgen.feed import FeedGenerator

from ..formatting import jp_date
from ..plan import Portal, SitePlan
from .common import (
    FEED_FILE,
    PRODUCT,
    TOKYO,
    absolute,
    challenge_page,
    challenge_revision,
    meeting_page,
    meeting_revision,
    portal_challenges,
    portal_meetings,
    venue_text,
)

NAMESPACE = uuid.UUID("6f1d3c2a-5b7e-4e0f-9a8d-2c4b6e8f0a1d")  # fixed: ids never change
MAX_ENTRIES = 100  # newest first; older records stay on the pages and in the open data


def entry_id(kind: str, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _href(folder: str, target: str, site_url: str | None) -> str:
    """Absolute with --site-url; otherwise relative to the feed file (RFC 4287 allows IRI references)."""
    full = absolute(site_url, target)
    if full:
        return full
    rel = posixpath.relpath(target or ".", folder or ".")
    return "./" if rel == "." else rel + ("/" if target.endswith("/") else "")


def portal_feed(plan: SitePlan, portal: Portal, folder: str, site_url: str | None) -> bytes:
    entries: list[tuple[datetime, str, dict[str, str]]] = []
    for m in portal_meetings(plan, portal):
        page = meeting_page(plan, m.key)
        rev = meeting_revision(m)
        status = {"cancelled": "【中止】", "postponed": "【延期】"}.get(m.status, "")
        summary = f"{jp_date(m.date)} {m.start}〜{m.end}　{venue_text(m)}"
        if m.signup_deadline and m.status == "scheduled":
            summary += f"　申込締切：{jp_date(m.signup_deadline)}"
        if m.status_note and m.status != "scheduled":
            summary += f"　{m.status_note}"
        entries.append((rev.updated, entry_id("meeting", m.key), {
            "title": f"{status}交流会：{m.title}", "summary": summary, "category": "交流会",
            "link": _href(folder, page, site_url) if page is not None else "",
        }))
    for c in portal_challenges(plan, portal):
        page = challenge_page(plan, c.key)
        entries.append((challenge_revision(c).updated, entry_id("challenge", c.key), {
            "title": f"企業の課題：{c.title}",
            "summary": f"{c.prefecture}・{c.industry}・{'、'.join(c.categories)}（{c.status_label}）",
            "category": "企業の課題",
            "link": _href(folder, page, site_url) if page is not None else "",
        }))
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    entries = entries[:MAX_ENTRIES]

    name = portal.title if portal.kind != "national" else PRODUCT
    fg = FeedGenerator()
    fg.id(entry_id("portal", portal.id or "national"))
    fg.title(name)
    fg.subtitle(f"{name}の新しい交流会と企業の課題")
    fg.author({"name": name})
    fg.language("ja")
    fg.generator("koryukai")
    fg.link(href=_href(folder, folder, site_url), rel="alternate", type="text/html")
    self_url = absolute(site_url, folder + FEED_FILE)
    if self_url:
        fg.link(href=self_url, rel="self", type="application/atom+xml")
    # The feed changes when its newest entry does, never with the build day.
    fg.updated(entries[0][0] if entries else datetime(2000, 1, 1, tzinfo=TOKYO))
    for updated, eid, item in reversed(entries):  # feedgen prepends: add oldest first
        fe = fg.add_entry()
        fe.id(eid)
        fe.title(item["title"])
        fe.updated(updated)
        fe.published(updated)
        fe.summary(item["summary"])
        fe.category(term=item["category"])
        if item["link"]:
            fe.link(href=item["link"], rel="alternate", type="text/html")
    return fg.atom_str(pretty=True)

