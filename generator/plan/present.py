"""Fill each planned page's view: every value its template prints, formatted here.

The only place that turns records into printed text (dates in Japanese,
vocabulary labels, joined lists, rates, safe HTML from Markdown, charts), so
the templates stay plain and another renderer could print the same views.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from .. import vocab
from ..dataset import Dataset
from ..formatting import jp_date, jp_month, percent, time_range
from ..markup import render_markdown
from ..models import Meeting
from ..search.records import SearchRecord, portal_word
from .charts import outcome_chart, rate_chart
from .filters import (
    KIND_VALUE,
    challenge_links,
    facet_link,
    filter_fields,
    later_values,
    list_facets,
    list_word,
    meeting_held_on,
    record_changes,
    record_order,
    record_values,
    veteran_links,
)
from .meta import MAP_SEARCH, MetaMaker
from .pages import Page
from .picture import PictureBuilder
from .portals import Portal, contact_view
from .records import ChallengeFacts, Facts, MeetingFacts, VeteranFacts
from .signup import STATE_LABELS, state_changes
from .totals import Totals, figures
from .trends import SKS_REFERENCES, SKS_SOURCE
from .urls import challenge_url, content_url, list_url, meeting_url, portal_url, veteran_url
from .views import (
    Badge,
    ChallengeCard,
    ChallengeListView,
    ChallengePageView,
    ContactView,
    HomeView,
    InstitutionItem,
    LinkItem,
    ListFacets,
    ListFilters,
    MeetingCard,
    MeetingLink,
    MeetingListView,
    MeetingOutcomeRow,
    MeetingPageView,
    NavItem,
    NotFoundView,
    Organiser,
    OutcomesView,
    PageView,
    Picture,
    RateRow,
    ReferenceFigure,
    RegionCard,
    SearchMeta,
    SearchTerms,
    SearchView,
    ShellView,
    SignupView,
    SummaryView,
    VenueView,
    VeteranCard,
    VeteranListView,
    VeteranPageView,
)

DEFAULT_COLOUR = "#1f4e8c"
HOME_CARDS = 6
HOME_RECENT = 3
OUTCOME_ROWS = 60
SKS_MEAN = SKS_REFERENCES[0]  # 73.3%, the real average beside a portal's own rate
TAKING_SIGNUPS = ("open", "closing", "not_open")
FOOTER_LINKS = (("新現役交流会とは", "about"), ("新現役として参加するには", "join"), ("機関の方へ：交流会を始める", "start"),
                ("掲載の手順（ガイド）", "guide"), ("よくある質問", "faq"), ("ウェブアクセシビリティ方針", "accessibility"))


def signup_host(url: str) -> str:
    """The host a visitor sees beside a form button (docs.google.com)."""
    return urlsplit(url).netloc


class Presenter:
    """Builds views for the pages of one plan; cards are made once per record."""

    def __init__(self, ds: Dataset, facts: Facts, portals: dict[str, Portal], root: str, today: date):
        self.ds = ds
        self.facts = facts
        self.portals = portals
        self.root = root
        self.today = today
        self._cards: dict[object, object] = {}  # record key, or (record key, portal of its chip links)
        self._shells: dict[tuple[str, str], ShellView] = {}
        self._pictures: PictureBuilder | None = None
        self.records_for_search: dict[str, SearchRecord] = {}  # set by build_plan (generator/search/records.py)
        # List filters (plan/filters.py): each record's facet values and its rank in the lists' order.
        self.values = record_values(facts)
        top = portals[""]
        self.order = record_order((*top.upcoming, *top.past, *top.challenges, *top.veterans,
                                   *sorted(set(facts.meetings) | set(facts.challenges) | set(facts.veterans))))
        self._listed: dict[str, frozenset[str]] = {}
        self._listed_in: dict[str, list[str]] = {}  # record key -> portals whose lists show it
        self.changes = record_changes(facts, today)
        self.later = later_values(facts, today)
        self._filters: dict[tuple[str, str], ListFilters] = {}

    def picture(self, portal: Portal) -> Picture | None:
        """The map and trends of the national portal, a region's trends; built on first use (the map's
        geometry costs about a second), so builds without these pages never pay for it."""
        if portal.kind == "institution":
            return None
        if self._pictures is None:
            self._pictures = PictureBuilder(self.ds, self.today)
        return self._pictures.for_portal(portal.id, portal.demo)
        self.meta: MetaMaker | None = None  # share meta per page (issue 13), set by build_plan

    # -- shared parts -----------------------------------------------------------

    def badge(self, f: MeetingFacts) -> Badge:
        changes = state_changes(f.m, self.today)
        return Badge(f.state, STATE_LABELS[f.state],
                     json.dumps([list(c) for c in changes], ensure_ascii=False, separators=(",", ":")) if changes else "")

    @staticmethod
    def place(m: Meeting) -> str:
        if m.format == "online":
            return "オンライン"
        if m.venue:
            return f"{m.venue.prefecture}{m.venue.city}" + ("＋オンライン" if m.format == "hybrid" else "")
        return ""

    def meeting_card(self, key: str) -> MeetingCard:
        card = self._cards.get(key)
        if card is None:
            f = self.facts.meetings[key]
            m = f.m
            o = m.outcome
            card = MeetingCard(
                url=meeting_url(key), date_iso=m.date.isoformat(), date_text=jp_date(m.date),
                time_text=time_range(m.start, m.end), title=m.title, place=self.place(m), host=f.organisers[0][1],
                badge=self.badge(f),
                deadline_text=jp_date(m.signup.deadline) if f.state in TAKING_SIGNUPS and m.signup else None,
                outcome_text=(f"マッチング {o.matches}社／{o.companies}社（{percent(o.matches, o.companies)}）"
                              if f.state == "held" and o else None),
            )
            self._cards[key] = card
        return card  # type: ignore[return-value]

    def lister(self, portal_id: str, key: str) -> str:
        """The portal whose lists a card's chips open: the card's own portal when it lists the record,
        else the nearest one up (an institution's lists need not hold every record shown on its pages)."""
        at: str | None = portal_id
        while at is not None:
            listed = self._listed.get(at)
            if listed is None:
                p = self.portals[at]
                listed = self._listed[at] = frozenset((*p.upcoming, *p.past, *p.challenges, *p.veterans))
            if key in listed:
                return at
            at = self.portals[at].parent
        return ""

    def _linked(self, key: str, portal_id: str, plain: Callable[[str], Any], links: Callable[[Any, str], Any]) -> Any:
        """A card whose labels link to the filtered list of the portal that lists the record (cached per portal)."""
        where = self.lister(portal_id, key)
        linked = self._cards.get((key, where))
        if linked is None:
            linked = self._cards[(key, where)] = links(plain(key), where)
        return linked

    def challenge_card(self, key: str, portal_id: str | None = None) -> ChallengeCard:
        if portal_id is not None:
            return self._linked(key, portal_id, self.challenge_card, challenge_links)  # type: ignore[return-value]
        card = self._cards.get(key)
        if card is None:
            c = self.facts.challenges[key].c
            card = ChallengeCard(
                url=challenge_url(key), title=c.title, industry=c.industry, prefecture=c.prefecture,
                employees=vocab.EMPLOYEE_BANDS[c.employees], categories=c.categories, status=c.status,
                status_label=vocab.CHALLENGE_STATUSES[c.status] if c.status != "open" else None,
            )
            self._cards[key] = card
        return card  # type: ignore[return-value]

    def veteran_card(self, key: str, portal_id: str | None = None) -> VeteranCard:
        if portal_id is not None:
            return self._linked(key, portal_id, self.veteran_card, veteran_links)  # type: ignore[return-value]
        card = self._cards.get(key)
        if card is None:
            v = self.facts.veterans[key].v
            card = VeteranCard(url=veteran_url(key), headline=v.headline, prefecture=v.prefecture,
                               registered=v.registered, expertise=v.expertise)
            self._cards[key] = card
        return card  # type: ignore[return-value]

    def search_terms(self, key: str) -> SearchTerms | None:
        rec = self.records_for_search.get(key)
        return SearchTerms(rec.tokens(), tuple(p for p in rec.portals if p), rec.meta) if rec else None

    def region_name(self, region: str) -> str:
        return self.ds.regions[region].model.name

    # -- the shell ----------------------------------------------------------------

    def shell(self, portal: Portal, kind: str) -> ShellView:
        current = {"meeting": "meetings", "challenge": "challenges", "veteran": "veterans"}.get(kind, kind)
        cache_key = (portal.id, current if kind != "home" else "home")
        shell = self._shells.get(cache_key)
        if shell is not None:
            return shell
        pid = portal.id
        items = (("ホーム", portal_url(pid), "home"), ("交流会", list_url(pid, "meetings"), "meetings"),
                 ("企業の課題", list_url(pid, "challenges"), "challenges"), ("新現役", list_url(pid, "veterans"), "veterans"),
                 ("実績", list_url(pid, "outcomes"), "outcomes"))
        chain = []
        at: str | None = pid
        while at is not None:
            p = self.portals[at]
            chain.append(LinkItem(p.name if p.kind != "national" else "全国", portal_url(p.id)))
            at = p.parent
        crumbs = tuple(reversed(chain))
        shell = ShellView(
            title=portal.title, portal_name=portal.name, colour=portal.color or DEFAULT_COLOUR, demo=portal.demo,
            home_url=portal_url(pid), search_url=list_url(pid, "search"),
            nav=tuple(NavItem(label, url, key == current) for label, url, key in items),
            crumbs=crumbs, show_crumbs=len(crumbs) > 1 or kind != "home",
            contact=portal.contact if portal.kind != "national" else self.national_contact(),
            footer_links=tuple(LinkItem(label, content_url(self.root, slug)) for label, slug in FOOTER_LINKS),
            national_url="" if pid else None,
        )
        self._shells[cache_key] = shell
        return shell

    def national_contact(self) -> ContactView | None:
        """The national portal's desk, from regions/national.yml (absent: no お問い合わせ in its footer)."""
        national = self.ds.national
        return contact_view("", national.contact) if national else None

    # -- pages ----------------------------------------------------------------------

    def view(self, page: Page) -> PageView:
        portal = self.portals[page.portal]
        if page.kind == "home":
            return self.home(portal)
        if page.kind == "meetings":
            upcoming = set(portal.upcoming)
            assert page.pager is not None
            return MeetingListView(
                heading=f"{portal.name if portal.kind != 'national' else '全国'}の交流会",
                upcoming=tuple(self.meeting_card(k) for k in page.items if k in upcoming),
                past=tuple(self.meeting_card(k) for k in page.items if k not in upcoming),
                first_page=page.pager.page_no == 1, pager=page.pager,
                filters=self.list_filters(portal, "meetings", (*portal.upcoming, *portal.past)))
        suffix = f"（{portal.name}）" if portal.kind != "national" else ""
        if page.kind == "challenges":
            assert page.pager is not None
            return ChallengeListView(f"企業の課題{suffix}", len(portal.challenges),
                                     tuple(self.challenge_card(k, portal.id) for k in page.items), page.pager,
                                     self.list_filters(portal, "challenges", portal.challenges))
        if page.kind == "veterans":
            assert page.pager is not None
            scope = region_list = None
            if portal.kind == "institution" and portal.region is not None:
                region_name = self.portals[portal.region].name
                scope = f"{portal.name}の企業の課題に合う新現役です（課題のページに出ている方）。"
                region_list = LinkItem(f"{region_name}の新現役をすべて見る（{len(self.portals[portal.region].veterans)}人）",
                                       list_url(portal.region, "veterans"))
            return VeteranListView(f"新現役の紹介{suffix}", len(portal.veterans),
                                   tuple(self.veteran_card(k, portal.id) for k in page.items), page.pager,
                                   self.list_filters(portal, "veterans", portal.veterans), scope, region_list)
        if page.kind == "outcomes":
            return self.outcomes(portal, suffix)
        if page.kind == "summary":
            picture = self.picture(portal)
            assert picture is not None  # the summary is a page of the national portal
            return SummaryView(picture, jp_date(self.today, weekday=False), content_url("", "start"))
        if page.kind == "search":
            return self.search(portal)
        if page.kind == "meeting":
            assert page.record is not None
            return self.meeting_page(self.facts.meetings[page.record], portal)
        if page.kind == "challenge":
            assert page.record is not None
            return self.challenge_page(self.facts.challenges[page.record], portal)
        if page.kind == "veteran":
            assert page.record is not None
            return self.veteran_page(self.facts.veterans[page.record], portal)
        if page.kind == "404":
            return NotFoundView(portal_url(portal.id), portal.title)
        raise ValueError(f"no view for page kind {page.kind}")

    def fill(self, page: Page) -> Page:
        view = page.view if page.view is not None else self.view(page)
        shell = self.shell(self.portals[page.portal], page.kind)
        if self.meta is not None:  # the shell is shared by a portal's pages; its meta is this page's
            shell = replace(shell, meta=self.meta.page_meta(page))
            if isinstance(view, MeetingPageView):
                view = replace(view, reach=self.meta.meeting_reach(page))
        return replace(page, view=view, shell=shell)

    def home(self, portal: Portal) -> HomeView:
        pid = portal.id
        total_meetings = len(portal.upcoming) + len(portal.past)
        regions = tuple(
            RegionCard(portal_url(rid), self.portals[rid].name, "・".join(self.ds.regions[rid].model.prefectures),
                       len(self.portals[rid].upcoming), len(self.portals[rid].children), len(self.portals[rid].challenges))
            for rid in portal.children) if portal.kind == "national" else ()
        institutions = tuple(
            InstitutionItem(portal_url(k), self.portals[k].name, self.portals[k].kind_label or "", len(self.portals[k].upcoming))
            for k in portal.children) if portal.kind == "region" else ()
        return HomeView(
            kind=portal.kind, title=portal.title,
            meta=f"{portal.kind_label}／{self.region_name(portal.region or '')}" if portal.kind == "institution" else None,
            description_html=render_markdown(portal.description) if portal.description else None,
            meetings_url=list_url(pid, "meetings"),
            upcoming=tuple(self.meeting_card(k) for k in sorted(
                portal.upcoming, key=lambda k: self.facts.meetings[k].state in ("cancelled", "postponed"))[:HOME_CARDS]),
            all_meetings=(LinkItem(f"交流会の一覧（{total_meetings}件）", list_url(pid, "meetings"))
                          if len(portal.upcoming) > HOME_CARDS or portal.past else None),
            regions=regions, institutions=institutions,
            challenges=tuple(self.challenge_card(k, pid) for k in portal.challenges[:HOME_CARDS]),
            all_challenges=LinkItem(f"企業の課題をすべて見る（{len(portal.challenges)}件）", list_url(pid, "challenges")),
            recent=tuple(self.meeting_card(k) for k in portal.past[:HOME_RECENT]) if portal.kind != "national" else (),
            figures=figures(portal.totals) if portal.totals.meetings else None,
            outcomes_link=LinkItem("実績の詳細", list_url(pid, "outcomes")),
            veterans=tuple(self.veteran_card(k, pid) for k in portal.veterans[:HOME_CARDS]),
            all_veterans=LinkItem(f"新現役をすべて見る（{len(portal.veterans)}人）", list_url(pid, "veterans")),
            join_url=content_url(self.root, "join"), start_url=content_url("", "start"),
            about_url=content_url("", "about"),
            website=portal.website if portal.kind == "institution" else None, name=portal.name,
            picture=self.picture(portal) if portal.kind == "national" else None,
        )

    def outcomes(self, portal: Portal, suffix: str) -> OutcomesView:
        t = figures(portal.totals)
        word = {"national": "地域", "region": "機関"}.get(portal.kind)
        rates: tuple[RateRow, ...] = ()
        if word:
            rates = tuple(RateRow(self.portals[child].name, figures(self.portals[child].totals))
                          for child in portal.children if self.portals[child].totals.companies)
        rows = []
        for key in portal.past:
            f = self.facts.meetings[key]
            if f.m.outcome and f.state == "held":
                if len(rows) == OUTCOME_ROWS:
                    break
                rows.append(MeetingOutcomeRow(meeting_url(key), jp_date(f.m.date, weekday=False), f.m.title,
                                              figures(Totals.of(f.m.outcome))))
        held = portal.totals.meetings > 0
        # The page stays small at nation size: the table keeps the newest rows; the totals above and the
        # per-year table (national, region) still count every held meeting.
        note = None
        if held and portal.totals.meetings > len(rows):
            where = "上の合計と「年ごとの推移」" if portal.kind != "institution" else "上の合計"
            note = (f"表は新しい{len(rows)}回です（開催済み{portal.totals.meetings}回のうち）。"
                    f"それより前の回も{where}に含めています。")
        return OutcomesView(
            heading=f"これまでの実績{suffix}", national=portal.kind == "national",
            figures=t if held else None, chart=outcome_chart(t) if held else Markup(""),
            by_child_word=word if rates else None,
            rate_chart=rate_chart([(r.name, r.figures) for r in rates], f"{word}ごとのマッチング率") if rates else Markup(""),
            rates=rates, meetings=tuple(rows), picture=self.picture(portal), demo=portal.demo,
            reference=ReferenceFigure(f"{SKS_MEAN.value}%", "SKS が報告している平均マッチング率",
                                      SKS_SOURCE),
            meetings_shown=len(rows), meetings_note=note,
        )

    def search(self, portal: Portal) -> SearchView:
        wider = []
        if portal.kind == "institution":
            wider.append(LinkItem(self.portals[portal.region or ""].name + "全体で探す", list_url(portal.region or "", "search")))
        if portal.kind != "national":
            wider.append(LinkItem("全国で探す", list_url("", "search")))
        heading = "全国の交流会・課題・新現役を検索" if portal.kind == "national" else f"{portal.name}の中を検索"
        return SearchView(heading, portal.name, tuple(wider), portal.id, portal_word(portal.id), portal.kind == "national",
                          portal_url(self.root), list_url(portal.id, "meetings"))

    def list_filters(self, portal: Portal, what: str, keys: tuple[str, ...]) -> ListFilters:
        """A list's filter form, made once per portal and list (every page of the list shows it)."""
        cached = self._filters.get((portal.id, what))
        if cached is None:
            cached = self._filters[(portal.id, what)] = ListFilters(
                KIND_VALUE[what], list_word(what, portal.id), list_url(portal.id, what), portal_url(self.root),
                filter_fields(what, keys, self.values, self.later), "人" if what == "veterans" else "件", self.today.isoformat())
        return cached

    def facets(self, what: str, key: str, card: object) -> ListFacets:
        if not self._listed_in:
            for pid, p in self.portals.items():
                for k in (*p.upcoming, *p.past, *p.challenges, *p.veterans):
                    self._listed_in.setdefault(k, []).append(pid)
        return list_facets(what, self.values[key], self.order[key], card, self._listed_in.get(key, ()),
                           self.changes.get(key, ()),
                           meeting_held_on(self.facts, key, self.today) if what == "challenges" else "")

    def meeting_page(self, f: MeetingFacts, portal: Portal) -> MeetingPageView:
        m = f.m
        cats: list[str] = []
        for ckey in f.challenges:
            for cat in self.facts.challenges[ckey].c.categories:
                if cat not in cats:
                    cats.append(cat)
        if m.venue:
            where = f"{m.venue.prefecture}{m.venue.city}で" + ("会場とオンラインで" if m.format == "hybrid" else "")
        else:
            where = "オンラインで"
        venue = None
        if m.venue:
            v = m.venue
            place = f"{v.prefecture}{v.city}{v.address or ''}"
            venue = VenueView(v.name, place, v.access,
                              MAP_SEARCH + quote(f"{place} {v.name}"))
        return MeetingPageView(
            search=SearchMeta("交流会", self.region_name(f.record.region),
                              (m.venue.prefecture,) if m.venue else ("オンライン",), (), tuple(cats),
                              (jp_month(m.date),), m.title),
            title=m.title, date_iso=m.date.isoformat(), date_text=jp_date(m.date), time_text=time_range(m.start, m.end),
            badge=self.badge(f), state=f.state, status_note=m.status_note,
            signup=SignupView(m.signup.url, signup_host(m.signup.url), jp_date(m.signup.deadline),
                              jp_date(m.signup.opens) if m.signup.opens else None) if m.signup else None,
            where=where, categories_text="、".join(cats) or None,
            format_label=vocab.MEETING_FORMATS[m.format], venue=venue, online=m.online,
            organisers=tuple(Organiser(role, name, portal_url(ikey) if ikey else None) for role, name, ikey in f.organisers),
            capacity=m.capacity, companies_planned=m.companies_planned if f.state not in ("held", "cancelled") else None, fee=m.fee or "無料",
            description_html=render_markdown(m.description),
            outcome=figures(Totals.of(m.outcome)) if m.outcome and f.state == "held" else None,
            challenges=tuple(self.challenge_card(k, portal.id) for k in f.challenges),
            about_url=content_url(self.root, "about"),
            next_meeting=None if f.state in TAKING_SIGNUPS else self.next_meeting(f),
            search_terms=self.search_terms(f.key),
            list_facets=self.facets("meetings", f.key, self.meeting_card(f.key)),
        )

    def next_meeting(self, f: MeetingFacts) -> MeetingLink | None:
        """The host institution's next meeting still taking sign-ups, for a page whose own sign-up is over."""
        own = f"{f.record.region}/{f.record.institution}"
        host = self.portals.get(own)
        # Its own meetings first, then those it co-hosts.
        for key in sorted(host.upcoming if host else (), key=lambda k: not k.startswith(own + "/")):
            other = self.facts.meetings[key]
            if key != f.key and other.state in TAKING_SIGNUPS:
                return MeetingLink(meeting_url(key), other.m.title, jp_date(other.m.date), self.badge(other), True)
        return None

    def challenge_page(self, f: ChallengeFacts, portal: Portal) -> ChallengePageView:
        c = f.c
        linked = self.challenge_card(f.key, portal.id)
        meeting = None
        if f.meeting:
            mf = self.facts.meetings[f.meeting]
            meeting = MeetingLink(meeting_url(mf.key), mf.m.title, jp_date(mf.m.date), self.badge(mf),
                                  mf.state in TAKING_SIGNUPS)
        return ChallengePageView(
            search=SearchMeta("企業の課題", self.region_name(f.record.region), (c.prefecture,), (c.industry,),
                              c.categories, (jp_month(self.facts.meetings[f.meeting].m.date),) if f.meeting else (),
                              c.title),
            title=c.title, status=c.status, status_label=vocab.CHALLENGE_STATUSES[c.status],
            prefecture=c.prefecture, industry=c.industry, employees=vocab.EMPLOYEE_BANDS[c.employees],
            categories=c.categories, categories_text="、".join(c.categories), engagement_text="・".join(c.engagement),
            meeting=meeting, description_html=render_markdown(c.description),
            support_html=render_markdown(c.support_wanted), open=c.status == "open", portal_name=portal.name,
            veterans=tuple(self.veteran_card(k, portal.id) for k in f.veterans), search_terms=self.search_terms(f.key),
            list_facets=self.facets("challenges", f.key, self.challenge_card(f.key)),
            category_links=linked.category_links, industry_link=linked.industry_link,
            prefecture_link=linked.prefecture_link,
        )

    def veteran_page(self, f: VeteranFacts, portal: Portal) -> VeteranPageView:
        v = f.v
        linked = self.veteran_card(f.key, portal.id)
        where = self.lister(portal.id, f.key)
        return VeteranPageView(
            search=SearchMeta("新現役", self.region_name(f.record.region), (v.prefecture, *v.areas), v.industries,
                              v.expertise, (), v.headline),
            headline=v.headline, registered=v.registered, expertise=v.expertise,
            expertise_text="、".join(v.expertise), industries_text="、".join(v.industries),
            industries_list="・".join(v.industries), prefecture=v.prefecture,
            areas_text="・".join(v.areas) or None, availability=v.availability,
            career_html=render_markdown(v.career), profile_id=f.record.key,
            challenges=tuple(self.challenge_card(k, portal.id) for k in f.challenges), search_terms=self.search_terms(f.key),
            list_facets=self.facets("veterans", f.key, self.veteran_card(f.key)),
            expertise_links=linked.expertise_links, prefecture_link=linked.prefecture_link,
            industry_links=tuple(facet_link(where, "veterans", "industry", i) for i in v.industries),
        )
