"""The portals (national, one per region, one per institution) and the records each lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .. import vocab
from ..dataset import Dataset, Record
from ..models.common import Contact
from .records import Facts, MeetingFacts
from .totals import Totals
from .views import ContactView

PortalKind = Literal["national", "region", "institution"]
NATIONAL_TITLE = "新現役交流会ポータル"


@dataclass(frozen=True)
class Portal:
    id: str  # "" | "kanto" | "kanto/minato-shinkin"
    kind: PortalKind
    name: str  # 関東 / みなと台信用金庫
    title: str  # header title
    color: str | None
    logo: str | None  # source path relative to the data root
    region: str | None
    institution: str | None
    demo: bool
    upcoming: tuple[str, ...] = ()  # meeting keys, soonest first
    past: tuple[str, ...] = ()  # meeting keys, latest first
    challenges: tuple[str, ...] = ()
    veterans: tuple[str, ...] = ()
    children: tuple[str, ...] = ()  # region ids (national) or institution keys (region)
    totals: Totals = field(default_factory=Totals)
    description: str | None = None  # Markdown
    contact: ContactView | None = None
    website: str | None = None
    kind_label: str | None = None
    parent: str | None = None


def held_totals(meetings: Iterable[MeetingFacts]) -> Totals:
    """Sum of the outcomes of meetings that were held (not cancelled or postponed)."""
    total = Totals()
    for view in meetings:
        o = view.m.outcome
        if o is not None and view.state == "held":
            total += Totals.of(o)
    return total


def logo_path(rec: Record) -> str | None:
    branding = getattr(rec.model, "branding", None)
    if branding is None or branding.logo is None:
        return None
    return rec.path.rsplit("/", 1)[0] + "/" + branding.logo


def contact_view(name: str, contact: Contact | None) -> ContactView | None:
    if contact is None:
        return None
    # 「関東」+「関東地域 新現役交流会 連絡窓口」 would read 関東 関東地域…: the name only when the desk doesn't start with it.
    shown = "" if contact.department.startswith(name) else name
    return ContactView(name=shown, department=contact.department, phone=contact.phone,
                       tel=contact.phone.replace("-", "") if contact.phone else None,
                       hours=contact.hours, email=contact.email, url=contact.url)


def institution_veterans(facts: Facts, institution: str, challenges: tuple[str, ...]) -> tuple[str, ...]:
    """The veterans shown on an institution's challenges who reach its region, in the region list's order.

    An institution portal does not repeat its region's whole veteran list (at nation size
    that was 38,000 of 91,000 pages); it lists the veterans who fit its own companies'
    challenges and links to the region's full list.
    """
    shown: dict[str, int] = {}
    for ckey in challenges:
        for vkey in facts.challenges[ckey].veterans:
            if institution in facts.veterans[vkey].portals:
                shown[vkey] = shown.get(vkey, 0) + 1
    return tuple(k for k in facts.veterans if k in shown)  # one order for every list (plan/filters.py sorts by it)


def build_portals(ds: Dataset, facts: Facts, today: date, national_title: str = NATIONAL_TITLE) -> dict[str, Portal]:
    meetings = facts.meetings
    # Each record's portals are read once and grouped (not every portal scanning every record).
    meetings_in: dict[str, list[MeetingFacts]] = {}
    for m in meetings.values():
        for pid in m.portals:
            meetings_in.setdefault(pid, []).append(m)
    challenges_in: dict[str, list[str]] = {"": list(facts.ordered_challenges)}
    for key in facts.ordered_challenges:
        region, institution, _ = key.split("/", 2)
        challenges_in.setdefault(region, []).append(key)
        challenges_in.setdefault(f"{region}/{institution}", []).append(key)
    veterans_in: dict[str, list[str]] = {}
    for key, vf in facts.veterans.items():
        for pid in vf.portals:
            if pid.count("/") == 0:  # national and region portals list every veteran who reaches them
                veterans_in.setdefault(pid, []).append(key)

    def meetings_for(portal_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        mine = meetings_in.get(portal_id, [])
        upcoming = sorted((v for v in mine if v.m.date >= today), key=lambda v: (v.m.date, v.m.start, v.key))
        past = sorted((v for v in mine if v.m.date < today), key=lambda v: (v.m.date, v.key), reverse=True)
        return tuple(v.key for v in upcoming), tuple(v.key for v in past)

    def challenges_for(prefix: str) -> tuple[str, ...]:
        return tuple(challenges_in.get(prefix, ()))

    def veterans_for(portal_id: str) -> tuple[str, ...]:
        if portal_id.count("/") == 1:
            return institution_veterans(facts, portal_id, challenges_for(portal_id))
        return tuple(veterans_in.get(portal_id, ()))

    portals: dict[str, Portal] = {}
    up, past = meetings_for("")
    portals[""] = Portal(
        id="", kind="national", name="全国", title=national_title, color=None, logo=None,
        region=None, institution=None, demo=ds.any_demo, upcoming=up, past=past,
        challenges=challenges_for(""), veterans=veterans_for(""), children=tuple(sorted(ds.regions)),
        totals=held_totals(meetings[k] for k in past),
    )
    for rid, rrec in sorted(ds.regions.items()):
        region = rrec.model
        up, past = meetings_for(rid)
        portals[rid] = Portal(
            id=rid, kind="region", name=region.name, title=f"{region.name} 新現役交流会ポータル",
            color=region.branding.primary_color if region.branding else None,
            logo=logo_path(rrec), region=rid, institution=None, demo=region.demo,
            upcoming=up, past=past, challenges=challenges_for(rid), veterans=veterans_for(rid),
            children=tuple(sorted(k for k in ds.institutions if k.startswith(rid + "/"))),
            totals=held_totals(meetings[k] for k in past), description=region.description,
            contact=contact_view(region.name, region.contact), parent="",
        )
    for ikey, irec in sorted(ds.institutions.items()):
        inst = irec.model
        region_portal = portals[irec.region]
        up, past = meetings_for(ikey)
        portals[ikey] = Portal(
            id=ikey, kind="institution", name=inst.name, title=f"{inst.name} 新現役交流会",
            color=(inst.branding.primary_color if inst.branding else None) or region_portal.color,
            logo=logo_path(irec), region=irec.region, institution=irec.id, demo=region_portal.demo,
            upcoming=up, past=past, challenges=challenges_for(ikey), veterans=veterans_for(ikey),
            totals=held_totals(meetings[k] for k in past), description=inst.about,
            contact=contact_view(inst.name, inst.contact),
            website=inst.website, kind_label=vocab.INSTITUTION_KINDS[inst.kind], parent=irec.region,
        )
    return portals
