"""iCalendar (RFC 5545 + RFC 7986) with the icalendar library.

One subscribable calendar per portal and one .ics per meeting. Every event's UID comes from file
names only, and DTSTAMP / SEQUENCE from the data (see common.meeting_revision), so a calendar that
re-reads the file updates its events instead of adding copies, and two builds on different days
give the same bytes.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from icalendar import Calendar, Event, Timezone, vDuration

from ..formatting import jp_date
from ..plan import Portal, SitePlan
from ..plan.exports import MeetingExport
from .common import (
    CALENDAR_FILE,
    PRODUCT,
    absolute,
    ends,
    meeting_page,
    meeting_revision,
    meeting_uid,
    portal_meetings,
    starts,
    venue_text,
)

PRODID = "-//koryukai//新現役交流会ポータル//JA"
REFRESH = timedelta(hours=12)  # nightly builds; twice a day is enough for a calendar client
STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
PREFIX = {"scheduled": "", "postponed": "【延期】", "cancelled": "【中止】"}


@lru_cache(maxsize=1)
def _tokyo() -> bytes:
    """VTIMEZONE for Asia/Tokyo, made once (icalendar derives it by walking the zone's transitions)."""
    return Timezone.from_tzid("Asia/Tokyo").to_ical()


def _with_timezone(cal: Calendar) -> bytes:
    cal.add_component(Timezone.from_ical(_tokyo()))
    return cal.to_ical()


def _calendar(name: str, description: str, url: str | None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)  # what Google Calendar and Outlook read
    cal.add("description", description)
    cal.add("x-wr-caldesc", description)
    cal.add("x-wr-timezone", "Asia/Tokyo")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    # An X- property is text to icalendar: a timedelta would print as "12:00:00", which Outlook ignores.
    cal.add("x-published-ttl", vDuration(REFRESH).to_ical().decode("ascii"))
    if url:
        cal.add("url", url)
        cal.add("source", url, parameters={"VALUE": "URI"})
    return cal


def meeting_description(m: MeetingExport, page_url: str | None) -> str:
    lines = [f"{m.date.isoformat()} {m.start}〜{m.end}", venue_text(m)]
    if m.status != "scheduled":
        lines.append("この交流会は" + ("中止" if m.status == "cancelled" else "延期") + "になりました。" + (m.status_note or ""))
    elif m.signup_url and m.signup_deadline:
        opens = f"{jp_date(m.signup_opens)}から" if m.signup_opens else ""
        lines.append(f"参加申込：{opens}{jp_date(m.signup_deadline)}まで {m.signup_url}")
    lines.append("主催：" + "、".join(name for role, name in m.organisers if role == "主催"))
    if page_url:
        lines.append(page_url)
    return "\n".join(line for line in lines if line)


def _events(plan: SitePlan, m: MeetingExport, site_url: str | None) -> list[Event]:
    rev = meeting_revision(m)
    page = meeting_page(plan, m.key)
    url = absolute(site_url, page) if page is not None else None
    main = Event()
    main.add("uid", meeting_uid(m.key))
    main.add("dtstamp", rev.updated)
    main.add("sequence", rev.sequence)
    main.add("summary", PREFIX[m.status] + m.title)
    main.add("dtstart", starts(m))
    main.add("dtend", ends(m))
    main.add("status", STATUS[m.status])
    main.add("transp", "OPAQUE")
    main.add("location", venue_text(m))
    main.add("description", meeting_description(m, url))
    main.add("categories", ["新現役交流会"])
    if url:
        main.add("url", url)
    events = [main]
    if m.signup_url is None or m.signup_deadline is None:
        return events
    # Sign-up dates as all-day entries of their own, so "受付開始" and "締切" show on those days.
    days = [("-signup-deadline", m.signup_deadline, "申込締切")]
    if m.signup_opens:
        days.insert(0, ("-signup-opens", m.signup_opens, "申込受付開始"))
    for suffix, day, label in days:
        entry = Event()
        entry.add("uid", meeting_uid(m.key, suffix))
        entry.add("dtstamp", rev.updated)
        entry.add("sequence", rev.sequence)
        entry.add("summary", f"{PREFIX[m.status]}{label}：{m.title}")
        entry.add("dtstart", day)
        entry.add("dtend", day + timedelta(days=1))
        entry.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        entry.add("status", STATUS[m.status])
        entry.add("description", f"{m.title}（{jp_date(m.date)}）の{label}日です。申込フォーム：{m.signup_url}"
                  + (f"\n{url}" if url else ""))
        if url:
            entry.add("url", url)
        events.append(entry)
    return events


def portal_calendar(plan: SitePlan, portal: Portal, folder: str, site_url: str | None) -> bytes:
    """Every meeting a portal lists (upcoming and past), subscribable with webcal:."""
    name = portal.title if portal.kind != "national" else PRODUCT
    cal = _calendar(name, f"{name}の新現役交流会の日程と申込期間", absolute(site_url, folder + CALENDAR_FILE))
    for m in portal_meetings(plan, portal):
        for event in _events(plan, m, site_url):
            cal.add_component(event)
    return _with_timezone(cal)


def meeting_calendar(plan: SitePlan, m: MeetingExport, site_url: str | None) -> bytes:
    """One meeting (with its sign-up dates) for 「カレンダーに追加」."""
    cal = _calendar(m.title, f"{m.title}（{PRODUCT}）", None)
    for event in _events(plan, m, site_url):
        cal.add_component(event)
    return _with_timezone(cal)
