"""plan: decide the portals, what each shows, and every page's URL.

Pure data and no I/O, so "what goes where" is tested without building.
URLs are relative to the output root, end with "/" and never start with one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

from . import vocab
from .dataset import Dataset, Record
from .models import Challenge, Meeting, Veteran
from .url_scheme import LIST_PAGES

PAGE_SIZE = 20
CLOSING_DAYS = 7
MATCHES_SHOWN = 6

PortalKind = Literal["national", "region", "institution"]

STATE_LABELS = {
    "open": "受付中",
    "closing": "締切間近",
    "not_open": "受付前",
    "closed": "受付終了",
    "cancelled": "中止",
    "postponed": "延期",
    "held": "開催済み",
}


@dataclass(frozen=True)
class Totals:
    meetings: int = 0
    companies: int = 0
    veterans: int = 0
    interviews: int = 0
    second_interviews: int = 0
    matches: int = 0

    def __add__(self, other: Totals) -> Totals:
        return Totals(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.meetings, self.companies, self.veterans, self.interviews, self.second_interviews, self.matches)

    @property
    def rate(self) -> float | None:
        return self.matches / self.companies if self.companies else None


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
    totals: Totals = Totals()
    description: str | None = None
    contact: Any = None
    website: str | None = None
    kind_label: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class MeetingView:
    key: str
    record: Record[Meeting]
    state: str
    days_left: int | None
    host: str  # institution key
    organisers: tuple[tuple[str, str, str | None], ...]  # (role, name, institution key)
    challenges: tuple[str, ...]
    portals: tuple[str, ...]

    @property
    def m(self) -> Meeting:
        return self.record.model

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class ChallengeView:
    key: str
    record: Record[Challenge]
    meeting: str | None
    veterans: tuple[str, ...]

    @property
    def c(self) -> Challenge:
        return self.record.model


@dataclass(frozen=True)
class VeteranView:
    key: str
    record: Record[Veteran]
    challenges: tuple[str, ...]
    portals: tuple[str, ...]

    @property
    def v(self) -> Veteran:
        return self.record.model


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    portal: str
    title: str
    kind: str  # home | meetings | challenges | veterans | outcomes | meeting | challenge | veteran | content | search
    demo: bool
    context: dict[str, Any] = field(default_factory=dict, compare=False)
    record: str | None = None  # key of the record a detail page shows


@dataclass(frozen=True)
class SitePlan:
    today: date
    root: str  # portal id at the output root ("" for the combined tree)
    portals: dict[str, Portal]
    pages: tuple[Page, ...]
    meetings: dict[str, MeetingView]
    challenges: dict[str, ChallengeView]
    veterans: dict[str, VeteranView]
    dataset: Dataset
    national_url: str | None = None  # public URL of the national portal, for standalone builds

    def built(self, portal_id: str) -> bool:
        """Whether a portal's pages are part of this build."""
        return not self.root or portal_id == self.root or portal_id.startswith(self.root + "/")

    def url(self, combined: str) -> str | None:
        """A combined-tree URL as it is in this build (None when it is not built)."""
        if not self.root:
            return combined
        prefix = self.root + "/"
        if combined.startswith(prefix):
            return combined[len(prefix):]
        if combined in self._kept:
            return combined
        return None

    @cached_property
    def _kept(self) -> frozenset[str]:
        return frozenset(p.url for p in self.pages)

    @cached_property
    def record_urls(self) -> dict[str, str]:
        """Record key -> URL of its detail page in this build."""
        return {p.record: url for p in self.pages if p.record and (url := self.url(p.url)) is not None}


# --- URLs in the combined tree ----------------------------------------------

def portal_url(portal_id: str) -> str:
    return f"{portal_id}/" if portal_id else ""


def meeting_url(key: str) -> str:
    region, inst, mid = key.split("/")
    return f"{region}/{inst}/meetings/{mid}/"


def challenge_url(key: str) -> str:
    region, inst, cid = key.split("/")
    return f"{region}/{inst}/challenges/{cid}/"


def veteran_url(key: str) -> str:
    region, vid = key.split("/")
    return f"{region}/veterans/{vid}/"


def list_url(portal_id: str, what: str, page: int = 1) -> str:
    if what not in LIST_PAGES:  # ids are refused against url_scheme; a new list page must be listed there
        raise ValueError(f"list page {what!r} is not in url_scheme.LIST_PAGES")
    base = f"{portal_url(portal_id)}{what}/"
    return base if page == 1 else f"{base}page/{page}/"


# --- meeting state ------------------------------------------------------------

def meeting_state(m: Meeting, today: date) -> tuple[str, int | None]:
    """The sign-up state a visitor sees on `today`, and days to the deadline."""
    days_to_meeting = (m.date - today).days
    if m.status == "cancelled":
        return "cancelled", days_to_meeting
    if m.status == "postponed":
        return "postponed", None
    if days_to_meeting < 0:
        return "held", None
    if m.signup is None:
        return "closed", None
    days_left = (m.signup.deadline - today).days
    if m.signup.opens is not None and today < m.signup.opens:
        return "not_open", days_left
    if days_left < 0:
        return "closed", days_left
    if days_left <= CLOSING_DAYS:
        return "closing", days_left
    return "open", days_left


def _totals(meetings: Iterable[MeetingView]) -> Totals:
    total = Totals()
    for view in meetings:
        o = view.m.outcome
        if o is not None and view.state == "held":
            total += Totals(1, o.companies, o.veterans, o.interviews, o.second_interviews, o.matches)
    return total


# --- the plan ---------------------------------------------------------------

def _institution_name(ds: Dataset, key: str) -> str:
    return ds.institutions[key].model.name


def _meeting_views(ds: Dataset, today: date) -> dict[str, MeetingView]:
    by_meeting: dict[str, list[str]] = {}
    for key, rec in ds.challenges.items():
        if key in ds.unpublished or rec.model.meeting is None:
            continue
        by_meeting.setdefault(f"{rec.region}/{rec.institution}/{rec.model.meeting}", []).append(key)
    views: dict[str, MeetingView] = {}
    for key, rec in ds.meetings.items():
        host = f"{rec.region}/{rec.institution}"
        organisers: list[tuple[str, str, str | None]] = [("主催", _institution_name(ds, host), host)]
        portals = {"", rec.region, host}
        for org in rec.model.organisers:
            if org.institution is not None:
                ref = org.institution if "/" in org.institution else f"{rec.region}/{org.institution}"
                if ref == host:
                    continue
                organisers.append((org.role, _institution_name(ds, ref), ref))
                portals.update({ref.split("/")[0], ref})
            else:
                organisers.append((org.role, org.name or "", None))
        role_order = {r: i for i, r in enumerate(vocab.ORGANISER_ROLES)}
        organisers.sort(key=lambda o: role_order[o[0]])
        state, days_left = meeting_state(rec.model, today)
        views[key] = MeetingView(
            key=key, record=rec, state=state, days_left=days_left, host=host,
            organisers=tuple(organisers), challenges=tuple(sorted(by_meeting.get(key, []))),
            portals=tuple(sorted(portals)),
        )
    return views


def _veteran_portals(ds: Dataset, rec: Record[Veteran]) -> set[str]:
    portals = {"", rec.region}
    reach = {rec.model.prefecture, *rec.model.areas}
    for rid, region in ds.regions.items():
        if reach & set(region.model.prefectures):
            portals.add(rid)
    for ikey in ds.institutions:
        if ikey.split("/")[0] in portals:
            portals.add(ikey)
    return portals


def _match_score(expertise: Sequence[str], categories: Sequence[str]) -> int:
    return len(set(expertise) & set(categories))


def _challenge_order(ds: Dataset, views: dict[str, MeetingView], today: date):
    status_rank = {"open": 0, "matched": 1, "closed": 2}

    def key(ckey: str) -> tuple[Any, ...]:
        c = ds.challenges[ckey].model
        meeting = views.get(f"{ckey.rsplit('/', 1)[0]}/{c.meeting}") if c.meeting else None
        when = meeting.m.date.toordinal() if meeting else 0
        upcoming = 0 if meeting and meeting.m.date >= today else 1
        return (status_rank[c.status], upcoming, when if upcoming == 0 else -when, ckey)

    return key


def build_plan(ds: Dataset, today: date, *, root: str = "", national_url: str | None = None,
               national_title: str = "新現役交流会ポータル") -> SitePlan:
    meetings = _meeting_views(ds, today)
    published_challenges = [k for k in sorted(ds.challenges) if k not in ds.unpublished]
    published_veterans = [k for k in sorted(ds.veterans) if k not in ds.unpublished]

    # Veterans ↔ challenges by shared vocabulary; same region first, then more overlap.
    challenge_views: dict[str, ChallengeView] = {}
    veteran_matches: dict[str, list[tuple[int, str]]] = {k: [] for k in published_veterans}
    for ckey in published_challenges:
        c = ds.challenges[ckey]
        scored = []
        for vkey in published_veterans:
            v = ds.veterans[vkey]
            score = _match_score(v.model.expertise, c.model.categories)
            if score:
                near = v.region == c.region or c.model.prefecture in v.model.areas
                industry = c.model.industry in v.model.industries
                rank = (-int(near), -score, -int(industry), vkey)
                scored.append((rank, vkey))
                if c.model.status == "open":
                    veteran_matches[vkey].append(((-int(near), -score, ckey), ckey))
        scored.sort()
        meeting_key = f"{c.region}/{c.institution}/{c.model.meeting}" if c.model.meeting else None
        challenge_views[ckey] = ChallengeView(
            key=ckey, record=c, meeting=meeting_key if meeting_key in meetings else None,
            veterans=tuple(v for _, v in scored[:MATCHES_SHOWN]),
        )
    veteran_views = {
        vkey: VeteranView(
            key=vkey, record=ds.veterans[vkey],
            challenges=tuple(c for _, c in sorted(veteran_matches[vkey])[:MATCHES_SHOWN]),
            portals=tuple(sorted(_veteran_portals(ds, ds.veterans[vkey]))),
        )
        for vkey in published_veterans
    }
    veteran_portals = {k: set(v.portals) for k, v in veteran_views.items()}
    challenge_sort = _challenge_order(ds, meetings, today)

    def meetings_for(portal_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        mine = [v for v in meetings.values() if portal_id in v.portals]
        upcoming = sorted((v for v in mine if v.m.date >= today), key=lambda v: (v.m.date, v.m.start, v.key))
        past = sorted((v for v in mine if v.m.date < today), key=lambda v: (v.m.date, v.key), reverse=True)
        return tuple(v.key for v in upcoming), tuple(v.key for v in past)

    ordered_challenges = sorted(published_challenges, key=challenge_sort)  # sorted once, filtered per portal

    def challenges_for(prefix: str) -> tuple[str, ...]:
        return tuple(k for k in ordered_challenges if not prefix or k.startswith(prefix + "/"))

    def veterans_for(portal_id: str) -> tuple[str, ...]:
        return tuple(k for k in published_veterans if portal_id in veteran_portals[k])

    portals: dict[str, Portal] = {}
    up, past = meetings_for("")
    portals[""] = Portal(
        id="", kind="national", name="全国", title=national_title, color=None, logo=None,
        region=None, institution=None, demo=ds.any_demo, upcoming=up, past=past,
        challenges=challenges_for(""), veterans=veterans_for(""), children=tuple(sorted(ds.regions)),
        totals=_totals(meetings[k] for k in past),
    )
    for rid, rrec in sorted(ds.regions.items()):
        region = rrec.model
        up, past = meetings_for(rid)
        portals[rid] = Portal(
            id=rid, kind="region", name=region.name, title=f"{region.name} 新現役交流会ポータル",
            color=region.branding.primary_color if region.branding else None,
            logo=_logo_path(rrec), region=rid, institution=None, demo=region.demo,
            upcoming=up, past=past, challenges=challenges_for(rid), veterans=veterans_for(rid),
            children=tuple(sorted(k for k in ds.institutions if k.startswith(rid + "/"))),
            totals=_totals(meetings[k] for k in past), description=region.description,
            contact=region.contact, parent="",
        )
    for ikey, irec in sorted(ds.institutions.items()):
        inst = irec.model
        region_portal = portals[irec.region]
        up, past = meetings_for(ikey)
        portals[ikey] = Portal(
            id=ikey, kind="institution", name=inst.name, title=f"{inst.name} 新現役交流会",
            color=(inst.branding.primary_color if inst.branding else None) or region_portal.color,
            logo=_logo_path(irec), region=irec.region, institution=irec.id, demo=region_portal.demo,
            upcoming=up, past=past, challenges=challenges_for(ikey), veterans=veterans_for(ikey),
            totals=_totals(meetings[k] for k in past), description=inst.about, contact=inst.contact,
            website=inst.website, kind_label=vocab.INSTITUTION_KINDS[inst.kind], parent=irec.region,
        )

    pages: list[Page] = []
    for portal in portals.values():
        pages += _portal_pages(portal)
    for key, view in sorted(meetings.items()):
        pages.append(Page(meeting_url(key), "meeting.html", view.host, view.m.title, "meeting",
                          portals[view.host].demo, {"key": key}, record=key))
    for key, cview in sorted(challenge_views.items()):
        owner = key.rsplit("/", 1)[0]
        pages.append(Page(challenge_url(key), "challenge.html", owner, cview.c.title, "challenge",
                          portals[owner].demo, {"key": key}, record=key))
    for key, vview in sorted(veteran_views.items()):
        region_id = key.split("/")[0]
        pages.append(Page(veteran_url(key), "veteran.html", region_id, vview.v.headline, "veteran",
                          portals[region_id].demo, {"key": key}, record=key))

    if root:
        pages = _standalone(root, portals, meetings, challenge_views, veteran_views, pages)
    return SitePlan(today=today, root=root, portals=portals, pages=tuple(pages), meetings=meetings,
                    challenges=challenge_views, veterans=veteran_views, dataset=ds, national_url=national_url)


def _logo_path(rec: Record) -> str | None:
    branding = getattr(rec.model, "branding", None)
    if branding is None or branding.logo is None:
        return None
    return rec.path.rsplit("/", 1)[0] + "/" + branding.logo


def _paged(portal: Portal, what: str, template: str, title: str, keys: Sequence[str],
           extra: dict[str, Any] | None = None) -> list[Page]:
    count = max(1, -(-len(keys) // PAGE_SIZE))
    pages = []
    for number in range(1, count + 1):
        chunk = keys[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
        context = {"keys": tuple(chunk), "page_no": number, "pages": count, "what": what, "total": len(keys),
                   "prev": list_url(portal.id, what, number - 1) if number > 1 else None,
                   "next": list_url(portal.id, what, number + 1) if number < count else None,
                   **(extra or {})}
        suffix = f"（{number}/{count}ページ）" if count > 1 else ""
        pages.append(Page(list_url(portal.id, what, number), template, portal.id, title + suffix, what,
                          portal.demo, context))
    return pages


def _portal_pages(portal: Portal) -> list[Page]:
    pages = [Page(portal_url(portal.id), "home.html", portal.id, portal.title, "home", portal.demo, {})]
    meeting_keys = (*portal.upcoming, *portal.past)
    pages += _paged(portal, "meetings", "meetings.html", "交流会の一覧", meeting_keys,
                    {"upcoming": frozenset(portal.upcoming)})
    pages += _paged(portal, "challenges", "challenges.html", "企業の課題", portal.challenges)
    pages += _paged(portal, "veterans", "veterans.html", "新現役の紹介", portal.veterans)
    pages.append(Page(list_url(portal.id, "outcomes"), "outcomes.html", portal.id, "これまでの実績", "outcomes",
                      portal.demo, {}))
    pages.append(Page(list_url(portal.id, "search"), "search.html", portal.id, "検索", "search", portal.demo, {}))
    return pages


def _standalone(root: str, portals: dict[str, Portal], meetings: dict[str, MeetingView],
                challenges: dict[str, ChallengeView], veterans: dict[str, VeteranView],
                pages: list[Page]) -> list[Page]:
    """Keep the pages a standalone portal needs: its own tree plus the records it lists."""
    inside = [p for p in pages if p.portal == root or p.portal.startswith(root + "/")]
    inside = [p for p in inside if p.kind not in ("meeting", "challenge", "veteran")]
    listed: set[str] = set()
    for pid, portal in portals.items():
        if pid == root or pid.startswith(root + "/"):
            listed.update(portal.upcoming, portal.past, portal.challenges, portal.veterans)
    # A listed challenge's meeting and the veterans matched on its page are linked too.
    for key in list(listed):
        if key in challenges and challenges[key].meeting:
            listed.add(challenges[key].meeting)  # type: ignore[arg-type]
        if key in meetings:
            listed.update(meetings[key].challenges)
    details = []
    for page in pages:
        if page.record not in listed:
            continue
        if not (page.portal == root or page.portal.startswith(root + "/")):
            # A co-hosted record from elsewhere is shown inside this portal's frame.
            page = Page(page.url, page.template, root, page.title, page.kind, page.demo, page.context, page.record)
        details.append(page)
    return inside + details
