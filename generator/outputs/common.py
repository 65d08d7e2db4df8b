"""What every reach output shares: where a portal's files go, the records a portal lists, and a
record's revision derived from its data (never from the build clock).

Pure functions of the plan (its portals and per-record exports, plan/exports.py): the same data
gives the same bytes whichever day it is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..plan import Portal, SitePlan, challenge_url, meeting_url, portal_url
from ..plan.exports import TOKYO, ChallengeExport, MeetingExport, ends, plain_text, starts, venue_text
from ..plan.meta import (
    CALENDAR_FILE,
    DATA_DIR,
    FEED_FILE,
    FLYER_DIR,
    MEETING_ICS,
    PRODUCT,
    SHARE_IMAGE,
    absolute,
    relative_file,
)

__all__ = [
    "CALENDAR_FILE", "DATA_DIR", "FEED_FILE", "FLYER_DIR", "MEETING_ICS", "PRODUCT", "SHARE_IMAGE", "TOKYO",
    "Revision", "absolute", "built_portals", "challenge_page", "challenge_revision", "ends", "meeting_page",
    "meeting_revision", "meeting_uid", "plain_text", "portal_challenges", "portal_meetings", "relative_file",
    "starts", "venue_text",
]

UID_DOMAIN = "koryukai.invalid"  # a UID needs a right-hand side; .invalid never collides with a real host

# A meeting only moves forward through these (scheduled → postponed → cancelled), so the rank is a
# SEQUENCE that grows when calendars must replace what they hold.
STATUS_SEQUENCE = {"scheduled": 0, "postponed": 1, "cancelled": 2}
CHALLENGE_SEQUENCE = {"open": 0, "matched": 1, "closed": 2}


def built_portals(plan: SitePlan) -> Iterator[tuple[Portal, str]]:
    """Each portal of this build with its folder in the output ("" for the root)."""
    for pid, portal in plan.portals.items():
        if not plan.built(pid):
            continue
        folder = plan.url(portal_url(pid))
        if folder is not None:
            yield portal, folder


def portal_meetings(plan: SitePlan, portal: Portal) -> list[MeetingExport]:
    """A portal's meetings in date order; independent of --today (upcoming and past together)."""
    views = [plan.exports.meetings[k] for k in {*portal.upcoming, *portal.past}]
    return sorted(views, key=lambda v: (v.date, v.start, v.key))


def portal_challenges(plan: SitePlan, portal: Portal) -> list[ChallengeExport]:
    return [plan.exports.challenges[k] for k in sorted(portal.challenges)]


def meeting_page(plan: SitePlan, key: str) -> str | None:
    """The meeting page's URL in this build (None when it is not part of it)."""
    return plan.url(meeting_url(key)) if key in plan.record_urls else None


def challenge_page(plan: SitePlan, key: str) -> str | None:
    return plan.url(challenge_url(key)) if key in plan.record_urls else None


@dataclass(frozen=True)
class Revision:
    """When a record last changed as far as its data tells, and a counter that only grows."""

    updated: datetime
    sequence: int


def meeting_revision(m: MeetingExport) -> Revision:
    """The data has no edit date, so the revision is the day the meeting was announced to the
    public (sign-up opening, else 60 days before the meeting) plus one day per status step:
    a postponement or cancellation moves both DTSTAMP and SEQUENCE forward, so a calendar that
    imported the .ics accepts the change instead of keeping the old event."""
    announced = m.signup_opens or m.date - timedelta(days=60)
    sequence = STATUS_SEQUENCE[m.status]
    return Revision(datetime.combine(announced, time(9, 0), TOKYO) + timedelta(days=sequence), sequence)


def challenge_revision(c: ChallengeExport) -> Revision:
    """A challenge is public from its consent date; a status step moves it forward a day."""
    base = c.consent_date or date(2000, 1, 1)
    sequence = CHALLENGE_SEQUENCE[c.status]
    return Revision(datetime.combine(base, time(9, 0), TOKYO) + timedelta(days=sequence), sequence)


def meeting_uid(key: str, suffix: str = "") -> str:
    """Stable forever: built from folder and file names only, never from a title or a date field."""
    return f"meeting-{key.replace('/', '.')}{suffix}@{UID_DOMAIN}"
