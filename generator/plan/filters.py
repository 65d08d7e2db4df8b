"""List filters (issue 18): what each list can be narrowed by, each record's values, and chip links.

A list page (meetings, challenges, veterans) is complete without JavaScript: 20 cards a
page. With filters in the address (``?category=生産管理&prefecture=神奈川県``), the page
script (themes/assets/kk-lists.js) asks the one national Pagefind index for every record of
the portal that carries those values, sorted as the static list is, and shows them in the
same cards. So the index must know, for each record, its value of each facet (hidden
``data-pagefind-filter`` lines on its detail page), its place in the static order
(``data-pagefind-sort``) and what its card prints (one ASCII JSON ``data-pagefind-meta``).

Facet filter names start with ``kk-`` so the search page, which offers a fixed set of
filters (themes/assets/search.js), never shows them. States are those of the build day,
like the static list's own 「これから」/「開催済み」 grouping; the site is rebuilt every night.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from urllib.parse import quote

from .. import vocab
from .records import Facts
from .signup import STATE_LABELS, state_changes
from .urls import list_url
from .views import ChallengeCard, FacetLink, FilterField, FilterOption, ListFacets, MeetingCard, VeteranCard

ONLINE = "オンライン"
UPCOMING = "これからの交流会"
HELD = "開催済みの交流会"
# A meeting's build-day state as the filter names it: 締切間近 is still 受付中.
MEETING_STATES = ("受付中", "受付前", "受付終了", "開催済み", "中止", "延期")
STATE_VALUE = {state: ("受付中" if state == "closing" else label) for state, label in STATE_LABELS.items()}
KIND_VALUE = {"meetings": "交流会", "challenges": "企業の課題", "veterans": "新現役"}  # the index's 種類 filter


@dataclass(frozen=True)
class Facet:
    param: str  # in the address: ?category=…
    label: str  # the form's label
    filter: str  # the Pagefind filter name on detail pages
    order: tuple[str, ...]  # values in the order the form offers them (vocabulary order)


def _facets() -> dict[str, tuple[Facet, ...]]:
    prefectures = (*vocab.PREFECTURES, ONLINE)
    return {
        "meetings": (
            Facet("state", "申込状況", "kk-state", MEETING_STATES),
            Facet("prefecture", "開催場所", "kk-pref", prefectures),
            Facet("category", "発表する課題の分類", "kk-cat", vocab.CATEGORIES),
            Facet("industry", "発表する企業の業種", "kk-ind", vocab.INDUSTRIES),
        ),
        "challenges": (
            Facet("prefecture", "所在地", "kk-pref", vocab.PREFECTURES),
            Facet("category", "課題の分類", "kk-cat", vocab.CATEGORIES),
            Facet("industry", "業種", "kk-ind", vocab.INDUSTRIES),
            Facet("meeting", "発表する交流会", "kk-meet", (UPCOMING, HELD)),
            Facet("status", "募集状況", "kk-status", tuple(vocab.CHALLENGE_STATUSES.values())),
        ),
        "veterans": (
            Facet("prefecture", "拠点", "kk-pref", vocab.PREFECTURES),
            Facet("category", "得意分野", "kk-cat", vocab.CATEGORIES),
            Facet("industry", "経験業種", "kk-ind", vocab.INDUSTRIES),
        ),
    }


FACETS: dict[str, tuple[Facet, ...]] = _facets()
ORDER_FILTER = "kk-order"  # data-pagefind-sort key: the record's place in the static lists
CARD_META = "kk-card"  # data-pagefind-meta key: the card as ASCII JSON
CHANGE_FILTER = "kk-change"  # days after the build on which a record's state facet changes (see record_changes)


def list_word(kind: str, portal_id: str) -> str:
    """The hidden word every record of one portal's list carries: "kl" and 8 letters, fixed length.

    The list asks Pagefind for this word, not for an empty query: search(null, {filters}) makes
    Pagefind load every chunk of the word index (161 kB on the demo, tens of MB at nation size),
    while one word loads the one chunk that holds it, and its pages are exactly that list's records.
    Letters only, so the index and the browser keep it one word; "kl" is not the search tokens' "kk".
    """
    n = int.from_bytes(hashlib.sha1(f"list:{kind}:{portal_id}".encode()).digest()[:8], "big")
    letters = []
    for _ in range(8):
        n, r = divmod(n, 26)
        letters.append(chr(97 + r))
    return "kl" + "".join(letters)


def facet(kind: str, param: str) -> Facet:
    return next(f for f in FACETS[kind] if f.param == param)


def record_values(facts: Facts) -> dict[str, dict[str, tuple[str, ...]]]:
    """Record key -> {facet param -> its values} (no empty value: a record without one is not listed under it)."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, mf in facts.meetings.items():
        m = mf.m
        presented = [facts.challenges[c].c for c in mf.challenges if c in facts.challenges]
        out[key] = {
            "state": (STATE_VALUE[mf.state],),
            "prefecture": (m.venue.prefecture,) if m.venue else (ONLINE,),
            "category": tuple(dict.fromkeys(cat for c in presented for cat in c.categories)),
            "industry": tuple(dict.fromkeys(c.industry for c in presented)),
        }
    for key, cf in facts.challenges.items():
        c = cf.c
        meeting_state = facts.meetings[cf.meeting].state if cf.meeting else None
        when: tuple[str, ...] = ()
        if meeting_state == "held":
            when = (HELD,)
        elif meeting_state in ("open", "closing", "not_open", "closed"):
            when = (UPCOMING,)  # scheduled and not yet held; cancelled and postponed meetings are neither
        out[key] = {"prefecture": (c.prefecture,), "category": c.categories, "industry": (c.industry,),
                    "meeting": when, "status": (vocab.CHALLENGE_STATUSES[c.status],)}
    for key, vf in facts.veterans.items():
        v = vf.v
        out[key] = {"prefecture": (v.prefecture,), "category": v.expertise, "industry": v.industries}
    return out


def record_changes(facts: Facts, today: date) -> dict[str, tuple[str, ...]]:
    """Record key -> ISO days after the build on which its time-dependent facet changes.

    A meeting's state and a challenge's 「これからの交流会」 move with the visitor's clock. The list script
    asks the index for the records with a change day between the build day and the visitor's day (few: a
    nightly build leaves one day), loads only their cards and recomputes their value; every other record
    keeps its build-day value. So the filter is exact on any day without loading every card.
    """
    out: dict[str, tuple[str, ...]] = {}
    held_on: dict[str, str] = {}
    for key, mf in facts.meetings.items():
        changes = state_changes(mf.m, today)
        out[key] = tuple(day for day, _state, _label in changes)
        held_on[key] = next((day for day, state, _label in changes if state == "held"), "")
    for key, cf in facts.challenges.items():
        day = held_on.get(cf.meeting or "", "")
        out[key] = (day,) if day else ()
    return out


def meeting_held_on(facts: Facts, key: str, today: date) -> str:
    """The day a challenge's meeting turns 開催済み after the build ("" when it does not)."""
    cf = facts.challenges[key]
    if not cf.meeting:
        return ""
    return next((day for day, state, _label in state_changes(facts.meetings[cf.meeting].m, today) if state == "held"), "")


def record_order(ordered: Iterable[str]) -> dict[str, str]:
    """Record key -> zero-padded rank in the lists' order (every portal's list is a subsequence of it)."""
    out: dict[str, str] = {}
    for key in ordered:
        out.setdefault(key, f"{len(out):07d}")  # the first place wins
    return out


def list_facets(kind: str, values: dict[str, tuple[str, ...]], order: str, card: object,
                listed_in: Iterable[str], changes: tuple[str, ...] = (), held_on: str = "") -> ListFacets:
    """A detail page's hidden lines for the list filters: one list word per portal whose list shows it."""
    pairs = tuple((f.filter, v) for f in FACETS[kind] for v in values.get(f.param, ()))
    pairs += tuple((CHANGE_FILTER, day) for day in changes)
    words = " ".join(list_word(kind, pid) for pid in sorted(listed_in))
    return ListFacets(words, pairs, order, card_json(card, held_on=held_on))


def card_json(card: object, held_on: str = "") -> str:
    """The card's printed values as ASCII JSON: the index reads pages NFKC-normalised (index.py), which would
    turn （木） into (木) and 卸売業，小売業 into 卸売業,小売業; escapes keep the text as printed."""
    data = asdict(card)  # type: ignore[call-overload]
    for name in ("url", "category_links", "industry_link", "prefecture_link", "expertise_links"):
        data.pop(name, None)
    if isinstance(card, MeetingCard):
        data["badge"] = asdict(card.badge)
    if held_on:
        data["held_on"] = held_on  # a challenge's meeting turns 開催済み on this day (kk-lists.js)
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"))


def later_values(facts: Facts, today: date) -> dict[str, dict[str, tuple[str, ...]]]:
    """Record key -> {timed facet -> values it takes after the build}: 受付終了 exists on no build day
    before a deadline, yet the page must offer it on the day it applies."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, mf in facts.meetings.items():
        out[key] = {"state": tuple(dict.fromkeys(STATE_VALUE[state] for _d, state, _l in state_changes(mf.m, today)))}
    for key in facts.challenges:
        if meeting_held_on(facts, key, today):
            out[key] = {"meeting": (HELD,)}
    return out


def filter_fields(kind: str, keys: Iterable[str], *tables: dict[str, dict[str, tuple[str, ...]]]) -> tuple[FilterField, ...]:
    """The form's fields for a list of records: only values some record of the list has (on the build day
    or later), in vocabulary order."""
    present: dict[str, set[str]] = {f.param: set() for f in FACETS[kind]}
    for key in keys:
        for values in tables:
            for param, vals in values.get(key, {}).items():
                if param in present:
                    present[param].update(vals)
    fields = []
    for f in FACETS[kind]:
        options = tuple(FilterOption(v) for v in f.order if v in present[f.param])
        if options:
            fields.append(FilterField(f.param, f.label, f.filter, options))
    return tuple(fields)


def query_value(value: str) -> str:
    """A value for a link's query string: ASCII punctuation percent-encoded, Japanese kept as written. Still a valid
    URL (the browser encodes it when it follows the link) at a third of the bytes: ブランディング is 21 bytes, not 63,
    on every chip of every card (about 60 MB of a nation-size site)."""
    return "".join(ch if ord(ch) > 0x7F and ch.isprintable() and not ch.isspace() else quote(ch, safe="") for ch in value)


def facet_link(portal_id: str, what: str, param: str, value: str) -> FacetLink:
    """A chip or label that opens a portal's list filtered by that value (…/challenges/?category=生産管理)."""
    return FacetLink(value, list_url(portal_id, what), f"?{param}={query_value(value)}")


def challenge_links(card: ChallengeCard, portal_id: str) -> ChallengeCard:
    from dataclasses import replace

    return replace(
        card, category_links=tuple(facet_link(portal_id, "challenges", "category", c) for c in card.categories),
        industry_link=facet_link(portal_id, "challenges", "industry", card.industry),
        prefecture_link=facet_link(portal_id, "challenges", "prefecture", card.prefecture))


def veteran_links(card: VeteranCard, portal_id: str) -> VeteranCard:
    from dataclasses import replace

    return replace(
        card, expertise_links=tuple(facet_link(portal_id, "veterans", "category", c) for c in card.expertise),
        prefecture_link=facet_link(portal_id, "veterans", "prefecture", card.prefecture))
