"""What the files beyond the pages carry (calendars, feeds, open data, flyers, share meta).

One flat, typed export per published record, built here from the plan's facts,
so outputs/ reads the plan and never a record, a model or the dataset. Only
what the pages already show: no consent dates (except the challenge's, which
orders its feed entry and is never printed), owners or source paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .. import vocab
from ..dataset import Dataset
from .portals import Portal
from .records import Facts, MeetingFacts
from .totals import Totals
from .views import ContactView

TOKYO = ZoneInfo("Asia/Tokyo")


@dataclass(frozen=True)
class VenueExport:
    name: str
    prefecture: str
    city: str
    address: str | None
    access: str | None

    @property
    def full_address(self) -> str:
        return f"{self.prefecture}{self.city}{self.address or ''}"


@dataclass(frozen=True)
class MeetingExport:
    key: str
    host: str  # institution key (its portal id)
    demo: bool
    title: str
    date: date
    start: str  # HH:MM
    end: str
    format: str  # in_person | online | hybrid
    format_label: str
    status: str  # scheduled | postponed | cancelled (as written; not the build day's sign-up state)
    status_label: str
    status_note: str | None
    venue: VenueExport | None
    online: str | None
    organisers: tuple[tuple[str, str], ...]  # (role, name)
    capacity: int | None
    companies_planned: int | None
    fee: str | None  # as written (None: free)
    signup_url: str | None
    signup_opens: date | None
    signup_deadline: date | None
    description: str  # Markdown, stripped
    challenges: tuple[str, ...]  # keys of published challenges presented at it
    state: str  # sign-up state on the build day (only JSON-LD offers and held outcomes use it)
    outcome: Totals | None  # once held
    host_name: str
    host_website: str
    host_prefecture: str
    host_contact: ContactView | None


@dataclass(frozen=True)
class ChallengeExport:
    key: str
    title: str
    industry: str
    categories: tuple[str, ...]
    prefecture: str
    employees: str  # label of the band
    description: str
    support_wanted: str
    engagement: tuple[str, ...]
    status: str
    status_label: str
    meeting: str | None
    consent_date: date | None  # orders the feed; never printed


@dataclass(frozen=True)
class VeteranExport:
    key: str
    headline: str
    expertise: tuple[str, ...]
    industries: tuple[str, ...]
    prefecture: str
    areas: tuple[str, ...]
    career: str
    availability: str
    registered: bool
    # No contact form: enquiries about a veteran go through the institution's desk (三者対等);
    # main shows the form nowhere, so the open data must not publish it either.


@dataclass(frozen=True)
class Exports:
    meetings: dict[str, MeetingExport]
    challenges: dict[str, ChallengeExport]
    veterans: dict[str, VeteranExport]


def meeting_export(ds: Dataset, f: MeetingFacts, portals: dict[str, Portal]) -> MeetingExport:
    m = f.m
    host = ds.institutions[f.host].model
    v = m.venue
    return MeetingExport(
        key=f.key, host=f.host, demo=portals[f.host].demo, title=m.title, date=m.date, start=m.start, end=m.end,
        format=m.format, format_label=vocab.MEETING_FORMATS[m.format], status=m.status,
        status_label=vocab.MEETING_STATUSES[m.status], status_note=m.status_note,
        venue=VenueExport(v.name, v.prefecture, v.city, v.address, v.access) if v else None, online=m.online,
        organisers=tuple((role, name) for role, name, _ in f.organisers), capacity=m.capacity,
        companies_planned=m.companies_planned, fee=m.fee,
        signup_url=m.signup.url if m.signup else None, signup_opens=m.signup.opens if m.signup else None,
        signup_deadline=m.signup.deadline if m.signup else None, description=m.description.strip(),
        challenges=f.challenges, state=f.state,
        outcome=Totals.of(m.outcome) if m.outcome and f.state == "held" else None,
        host_name=host.name, host_website=host.website, host_prefecture=host.prefecture,
        host_contact=portals[f.host].contact,
    )


def build_exports(ds: Dataset, facts: Facts, portals: dict[str, Portal]) -> Exports:
    meetings = {key: meeting_export(ds, f, portals) for key, f in facts.meetings.items()}
    challenges = {}
    for key, cf in facts.challenges.items():
        c = cf.c
        challenges[key] = ChallengeExport(
            key=key, title=c.title, industry=c.industry, categories=c.categories, prefecture=c.prefecture,
            employees=vocab.EMPLOYEE_BANDS[c.employees], description=c.description.strip(),
            support_wanted=c.support_wanted.strip(), engagement=c.engagement, status=c.status,
            status_label=vocab.CHALLENGE_STATUSES[c.status], meeting=cf.meeting, consent_date=c.consent_date)
    veterans = {}
    for key, vf in facts.veterans.items():
        v = vf.v
        veterans[key] = VeteranExport(
            key=key, headline=v.headline, expertise=v.expertise, industries=v.industries, prefecture=v.prefecture,
            areas=v.areas, career=v.career.strip(), availability=v.availability, registered=v.registered)
    return Exports(meetings, challenges, veterans)


# --- shared by the share meta (plan/meta.py) and the files (outputs/) -------------------

def starts(m: MeetingExport) -> datetime:
    return _at(m.date, m.start)


def ends(m: MeetingExport) -> datetime:
    end = _at(m.date, m.end)
    return end if end > starts(m) else end + timedelta(days=1)


def _at(day: date, hhmm: str) -> datetime:
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(hours, minutes), TOKYO)


def venue_text(m: MeetingExport) -> str:
    """Where, as one line: venue and address, or the online note."""
    parts = []
    if m.venue:
        parts.append(f"{m.venue.name}（{m.venue.full_address}）")
    if m.format in ("online", "hybrid"):
        parts.append("オンライン" + (f"（{m.online}）" if m.online else ""))
    return " / ".join(parts)


_MD_MARKS = re.compile(r"(\*\*|__|\*|`|^\s*(?:[-*+]|\d+\.|#+)\s+|\[([^\]]*)\]\([^)]*\))", re.M)


def plain_text(markdown: str) -> str:
    """One line of text from the simple Markdown contributors write (emphasis, lists, links)."""
    text = _MD_MARKS.sub(lambda m: m.group(2) or "", markdown)
    return " ".join(text.split())
