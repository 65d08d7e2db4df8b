"""Every page's share meta and footer links, and a meeting page's JSON-LD, calendar menu and
share links (issue 13), as view values: the templates only print them.

Links to files at the build root (icons, feeds, calendars, open data) are made relative to the
page here, since `link` in the templates makes directory links; the 404 page, served at any
depth, gets them from the site's base path instead.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from datetime import datetime
from urllib.parse import quote, urlencode, urlsplit

from markupsafe import Markup

from ..formatting import jp_date, time_range
from .exports import Exports, MeetingExport, ends, plain_text, starts, venue_text
from .pages import Page
from .portals import Portal
from .urls import meeting_url, portal_url
from .views import CalendarMenu, LinkItem, MeetingReach, PageMeta, ShareLinks

PRODUCT = "新現役交流会ポータル"
DESCRIPTION_MAX = 120
DEFAULT_DESCRIPTION = "中小企業の課題と、経験豊かな新現役（シニア・中堅の人材）が出会う新現役交流会の案内です。"
# Files every build has, and each portal's files (outputs/ writes them at these paths).
FAVICON = "favicon.ico"
FAVICON_PNG = "assets/koryukai/favicon-32.png"
TOUCH_ICON = "apple-touch-icon.png"
CALENDAR_FILE = "calendar.ics"
FEED_FILE = "feed.atom"
DATA_DIR = "data/"
SHARE_IMAGE = "share.png"
MEETING_ICS = "meeting.ics"
FLYER_DIR = "flyer/"
OPENDATA_SLUG = "opendata"  # content/opendata.md
# Hosts the share and calendar links and the JSON Schemas point to (the built-page privacy scan accepts them).
MAP_SEARCH = "https://www.google.com/maps/search/?api=1&query="  # a venue's 「地図で場所を見る」 (plain link)
SHARE_HOSTS = ("https://calendar.google.com/", "https://json-schema.org/", "https://line.me/",
               "https://social-plugins.line.me/", "https://x.com/", "https://www.google.com/maps/search/",
               # the search page's credit for JMdict (its licence asks for a link to the group and the licence)
               "https://www.edrdg.org/", "https://creativecommons.org/")


def absolute(site_url: str | None, url: str) -> str | None:
    """A URL of this build made absolute, or None when the build has no --site-url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + url


def base_path(site_url: str | None) -> str:
    """The site's path on its host ("/" without --site-url), as render/site.py serves the 404 page."""
    return "/" + (urlsplit(site_url).path.strip("/") + "/" if site_url else "").lstrip("/")


def relative_file(from_url: str, path: str) -> str:
    """Link from the page at directory URL `from_url` to a file or folder at `path` (both from the build root)."""
    rel = posixpath.relpath(path.rstrip("/") or ".", from_url.rstrip("/") or ".")
    if rel == ".":
        return "./"
    return rel + ("/" if path.endswith("/") else "")


def safe_json(data: object) -> Markup:
    """JSON for a <script type="application/ld+json"> block: <, > and & escaped as \\u00XX, so no
    string in the data can close the script element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= DESCRIPTION_MAX else text[: DESCRIPTION_MAX - 1] + "…"


def document_title(page: Page, portal: Portal) -> str:
    return page.title if page.title == portal.title else f"{page.title}｜{portal.title}"


def description(page: Page, portal: Portal, exports: Exports) -> str:
    key = page.record
    if page.kind == "meeting" and key:
        m = exports.meetings[key]
        state = {"cancelled": "【中止】", "postponed": "【延期】"}.get(m.status, "")
        text = f"{state}{jp_date(m.date)} {time_range(m.start, m.end)}、{venue_text(m) or 'オンライン'}で開く新現役交流会。"
        if m.signup_deadline and m.status == "scheduled":
            text += f"申込締切は{jp_date(m.signup_deadline)}。"
        return _clip(text + plain_text(m.description))
    if page.kind == "challenge" and key:
        c = exports.challenges[key]
        return _clip(f"{c.prefecture}の{c.industry}の企業の課題（{'、'.join(c.categories)}）。求める支援：{c.support_wanted}")
    if page.kind == "veteran" and key:
        v = exports.veterans[key]
        return _clip(f"{'、'.join(v.expertise)}を得意とする新現役（{v.prefecture}拠点）。{v.career}")
    if page.kind == "home":
        return _clip(portal.description or DEFAULT_DESCRIPTION)
    if page.kind in ("meetings", "challenges", "veterans", "outcomes", "search"):
        return _clip(f"{portal.title}の{page.title}。{DEFAULT_DESCRIPTION}")
    return _clip(f"{page.title}。{DEFAULT_DESCRIPTION}")


def google_calendar_url(m: MeetingExport, page_url: str | None) -> str:
    fmt = "%Y%m%dT%H%M%S"
    query = urlencode({
        "action": "TEMPLATE", "text": m.title,
        "dates": f"{starts(m).strftime(fmt)}/{ends(m).strftime(fmt)}", "ctz": "Asia/Tokyo",
        "details": m.title + (f"\n{page_url}" if page_url else ""), "location": venue_text(m),
    }, quote_via=quote)
    return f"https://calendar.google.com/calendar/render?{query}"


def _iso(value: datetime) -> str:
    return value.isoformat()  # +09:00 from the Asia/Tokyo zone


def event_jsonld(m: MeetingExport, page_url: str | None, image: str | None) -> dict[str, object]:
    """schema.org Event as Google's event rich results read it."""
    places: list[dict[str, object]] = []
    if m.venue:
        address = {"@type": "PostalAddress", "addressCountry": "JP", "addressRegion": m.venue.prefecture,
                   "addressLocality": m.venue.city}
        if m.venue.address:
            address["streetAddress"] = m.venue.address
        places.append({"@type": "Place", "name": m.venue.name, "address": address})
    if m.format in ("online", "hybrid"):
        # The join link is sent after sign-up; the page that explains how to join stands in for it.
        places.append({"@type": "VirtualLocation", "url": page_url or m.signup_url or ""})
    mode = {"in_person": "Offline", "online": "Online", "hybrid": "Mixed"}[m.format]
    status = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"}[m.status]
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": m.title,
        "startDate": _iso(starts(m)),
        "endDate": _iso(ends(m)),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "location": places[0] if len(places) == 1 else places,
        "description": plain_text(m.description),
        "organizer": {"@type": "Organization", "name": m.host_name, "url": m.host_website},
        "inLanguage": "ja",
    }
    if m.status == "postponed":
        data["previousStartDate"] = _iso(starts(m))
    if page_url:
        data["url"] = page_url
    if image:
        data["image"] = [image]
    if m.signup_url and m.signup_deadline and m.state in ("open", "closing", "not_open"):
        # No price: the data has none to give (a fee is free text), and an invented one would mislead.
        offer: dict[str, object] = {"@type": "Offer", "url": m.signup_url, "availability": "https://schema.org/InStock",
                                    "validThrough": f"{m.signup_deadline.isoformat()}T23:59:59+09:00"}
        if m.signup_opens:
            offer["validFrom"] = f"{m.signup_opens.isoformat()}T00:00:00+09:00"
        data["offers"] = offer
    return data


class MetaMaker:
    """Share meta for the pages of one build; `located(combined)` is a URL as it is in this build."""

    def __init__(self, root: str, portals: dict[str, Portal], exports: Exports,
                 located: Callable[[str], str | None], site_url: str | None, *, opendata: str | None):
        self.root = root
        self.opendata = opendata  # combined URL of the 「オープンデータ」 page, when content/opendata.md exists
        self.portals = portals
        self.exports = exports
        self.located = located
        self.site_url = site_url

    def _linker(self, page: Page) -> Callable[[str], str]:
        here = self.located(page.url) or ""
        if page.kind == "404":
            base = base_path(self.site_url)
            return lambda path: base + path
        return lambda path: relative_file(here, path)

    def page_meta(self, page: Page) -> PageMeta:
        portal = self.portals[page.portal]
        file_link = self._linker(page)
        here = self.located(page.url) or ""
        folder = self.located(portal_url(portal.id))
        image = absolute(self.site_url, folder + SHARE_IMAGE) if folder is not None else None
        opendata = self.located(self.opendata) if self.opendata is not None else None
        data: tuple[LinkItem, ...] = ()
        if folder is not None:
            data = (LinkItem("交流会（CSV）", file_link(folder + DATA_DIR + "meetings.csv")),
                    LinkItem("交流会（JSON）", file_link(folder + DATA_DIR + "meetings.json")),
                    LinkItem("イベント一覧形式（CSV）", file_link(folder + DATA_DIR + "event.csv")))
        return PageMeta(
            document_title=document_title(page, portal),
            description=description(page, portal, self.exports),
            site_name=portal.title,
            og_type="article" if page.record else "website",
            canonical=absolute(self.site_url, here) if page.kind != "404" else None,
            image=image,
            twitter_card="summary_large_image" if image else "summary",
            favicon=file_link(FAVICON),
            favicon_png=file_link(FAVICON_PNG),
            touch_icon=file_link(TOUCH_ICON),
            feed=file_link(folder + FEED_FILE) if folder is not None else None,
            feed_title=f"{portal.title if portal.kind != 'national' else PRODUCT}の新着（Atom）",
            calendar=file_link(folder + CALENDAR_FILE) if folder is not None else None,
            data=data,
            opendata_page=file_link(opendata) if opendata is not None else None,
        )

    def meeting_reach(self, page: Page) -> MeetingReach:
        assert page.record is not None
        m = self.exports.meetings[page.record]
        portal = self.portals[page.portal]
        here = self.located(meeting_url(m.key)) or ""
        folder = self.located(portal_url(portal.id)) or ""
        page_url = absolute(self.site_url, here)
        image = absolute(self.site_url, folder + SHARE_IMAGE)
        share_text = f"{m.title}（{jp_date(m.date)} {time_range(m.start, m.end)}）"
        x_query = {"text": share_text, **({"url": page_url} if page_url else {})}
        line = (f"https://social-plugins.line.me/lineit/share?url={quote(page_url, safe='')}" if page_url
                else f"https://line.me/R/share?text={quote(share_text, safe='')}")
        portal_ics = absolute(self.site_url, folder + CALENDAR_FILE)
        return MeetingReach(
            jsonld=safe_json(event_jsonld(m, page_url, image)),
            calendar_menu=CalendarMenu(
                ics=relative_file(here, here + MEETING_ICS), google=google_calendar_url(m, page_url),
                portal_ics=relative_file(here, folder + CALENDAR_FILE),
                webcal="webcal://" + portal_ics.split("://", 1)[1] if portal_ics else None),
            share=ShareLinks(line=line, x=f"https://x.com/intent/post?{urlencode(x_query, quote_via=quote)}"),
            flyer=relative_file(here, here + FLYER_DIR),
            site_name=portal.title,
        )
