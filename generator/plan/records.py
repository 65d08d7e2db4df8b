"""Facts about each published record that decide where it goes: state, organisers, portals, order.

These are the plan's working data; pages never see them (they get views, views.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import vocab
from ..dataset import Dataset, Record
from ..models import Challenge, Meeting, Veteran
from .matching import matches, region_institutions, veteran_portals
from .signup import meeting_state


@dataclass(frozen=True)
class MeetingFacts:
    key: str
    record: Record[Meeting]
    state: str
    days_left: int | None
    host: str  # institution key
    organisers: tuple[tuple[str, str, str | None], ...]  # (role, name, institution key)
    challenges: tuple[str, ...]  # published challenges presented at it
    portals: tuple[str, ...]

    @property
    def m(self) -> Meeting:
        return self.record.model


@dataclass(frozen=True)
class ChallengeFacts:
    key: str
    record: Record[Challenge]
    meeting: str | None
    veterans: tuple[str, ...]

    @property
    def c(self) -> Challenge:
        return self.record.model


@dataclass(frozen=True)
class VeteranFacts:
    key: str
    record: Record[Veteran]
    challenges: tuple[str, ...]
    portals: tuple[str, ...]

    @property
    def v(self) -> Veteran:
        return self.record.model


@dataclass(frozen=True)
class Facts:
    meetings: dict[str, MeetingFacts]
    challenges: dict[str, ChallengeFacts]
    veterans: dict[str, VeteranFacts]
    ordered_challenges: tuple[str, ...]  # open first, then by their meeting (sorted once for every portal)


def meeting_facts(ds: Dataset, today: date) -> dict[str, MeetingFacts]:
    by_meeting: dict[str, list[str]] = {}
    for key, rec in ds.challenges.items():
        if key in ds.unpublished or rec.model.meeting is None:
            continue
        by_meeting.setdefault(f"{rec.region}/{rec.institution}/{rec.model.meeting}", []).append(key)
    role_order = {r: i for i, r in enumerate(vocab.ORGANISER_ROLES)}
    out: dict[str, MeetingFacts] = {}
    for key, rec in ds.meetings.items():
        host = f"{rec.region}/{rec.institution}"
        organisers: list[tuple[str, str, str | None]] = [("主催", ds.institutions[host].model.name, host)]
        portals = {"", rec.region, host}
        for org in rec.model.organisers:
            if org.institution is not None:
                ref = org.institution if "/" in org.institution else f"{rec.region}/{org.institution}"
                if ref == host:
                    continue
                organisers.append((org.role, ds.institutions[ref].model.name, ref))
                portals.update({ref.split("/")[0], ref})
            else:
                organisers.append((org.role, org.name or "", None))
        organisers.sort(key=lambda o: role_order[o[0]])
        state, days_left = meeting_state(rec.model, today)
        out[key] = MeetingFacts(
            key=key, record=rec, state=state, days_left=days_left, host=host,
            organisers=tuple(organisers), challenges=tuple(sorted(by_meeting.get(key, []))),
            portals=tuple(sorted(portals)),
        )
    return out


def challenge_order(ds: Dataset, meetings: dict[str, MeetingFacts], today: date) -> Callable[[str], tuple[Any, ...]]:
    """Open before matched before closed; upcoming meetings soonest first, then the rest latest first."""
    status_rank = {"open": 0, "matched": 1, "closed": 2}

    def key(ckey: str) -> tuple[Any, ...]:
        c = ds.challenges[ckey].model
        meeting = meetings.get(f"{ckey.rsplit('/', 1)[0]}/{c.meeting}") if c.meeting else None
        when = meeting.m.date.toordinal() if meeting else 0
        upcoming = 0 if meeting and meeting.m.date >= today else 1
        return (status_rank[c.status], upcoming, when if upcoming == 0 else -when, ckey)

    return key


def record_facts(ds: Dataset, today: date) -> Facts:
    meetings = meeting_facts(ds, today)
    published_challenges = [k for k in sorted(ds.challenges) if k not in ds.unpublished]
    published_veterans = [k for k in sorted(ds.veterans) if k not in ds.unpublished]
    for_challenge, for_veteran = matches(ds, published_challenges, published_veterans)
    challenges = {}
    for ckey in published_challenges:
        c = ds.challenges[ckey]
        meeting_key = f"{c.region}/{c.institution}/{c.model.meeting}" if c.model.meeting else None
        challenges[ckey] = ChallengeFacts(key=ckey, record=c, meeting=meeting_key if meeting_key in meetings else None,
                                          veterans=for_challenge[ckey])
    by_region = region_institutions(ds)
    veterans = {
        vkey: VeteranFacts(key=vkey, record=ds.veterans[vkey], challenges=for_veteran[vkey],
                           portals=tuple(sorted(veteran_portals(ds, ds.veterans[vkey], by_region))))
        for vkey in published_veterans
    }
    ordered = tuple(sorted(published_challenges, key=challenge_order(ds, meetings, today)))
    return Facts(meetings, challenges, veterans, ordered)
