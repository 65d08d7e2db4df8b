"""What the search knows of each record: its text, its labels and the portals that list it.

Pure data built by the plan from its record facts (no I/O, no templates): the plan
carries it in `SitePlan.search` and in each detail page's view (`search_terms`),
which one macro prints (themes/templates/_macros.html); the index stage builds the
query dictionary from the same values, so page and dictionary always agree.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from .. import vocab
from ..formatting import jp_month
from .fields import FIELDS
from .terms import FIELD, MENTION, PLACE, PORTAL, Word, fold, label_terms, place_terms, reading_of, record_terms, token, words_of

if TYPE_CHECKING:
    from ..plan.portals import Portal
    from ..plan.records import Facts

KIND_LABELS = {"meeting": "交流会", "challenge": "企業の課題", "veteran": "新現役"}
# Label tokens are repeated so that Pagefind's term-frequency ranking puts a record
# *about* a term (its category, industry, prefecture) above one that mentions it once.
LABEL_REPEAT = 3
FIELD_LABELS = frozenset(FIELDS)
NUMBERED = re.compile(r"第\s*(\d{1,4})\s*回")  # 第10回 in a meeting's title: staff search for it by that number


@dataclass(frozen=True)
class SearchRecord:
    key: str
    kind: str  # meeting | challenge | veteran
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    portals: tuple[str, ...]  # ids of the portals that list the record ("" = national)
    meta: tuple[tuple[str, str], ...] = ()  # shown on the result: kind, date, place, sign-up dates
    places: tuple[str, ...] = ()  # where the record is: region, prefecture, city
    reach: tuple[str, ...] = ()  # where else it applies: a veteran's areas
    mentions: tuple[str, ...] = ()  # labels it only mentions: a meeting's challenges' categories
    # Words kept whole, never analysed: a meeting's sign-up dates (締切12月8日, 締切12月, 受付1月5日). Analysed, 締切12月
    # would give the meeting the month 12月 of its deadline, and 12月の交流会 would find January's meetings.
    dates: tuple[str, ...] = ()
    # The distinct words of one plan's records (search_records passes one pool to all of them).
    pool: WordPool = field(default_factory=lambda: WordPool(), compare=False, repr=False, hash=False)

    @cached_property
    def terms(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        own, rest = record_terms(self.texts, self.labels)
        dates = {fold(d) for d in self.dates}
        terms = (tuple(sorted({*own, *dates})), tuple(t for t in rest if t not in dates))
        # Its Words too, while SudachiPy's analyses of these texts are still in analyse()'s cache: the index
        # stage asks for them after every record was analysed, when (past 20,000 texts) the cache holds only the
        # last ones and every text would be analysed again (nation: ~180,000 texts twice).
        _ = self._words
        return terms

    def tokens(self) -> str:
        """The hidden word block: label and place tokens repeated, then every other term once."""
        own, rest = self.terms
        places = place_terms(self.places)
        reach = [t for t in place_terms(self.reach) if t not in places]
        head = " ".join([token(t) for t in own] + [token(PLACE + t) for t in places])
        tail = [token(MENTION + t) for t in self.mention_terms()]
        fields = [token(FIELD + fold(x)) for x in self.labels if x in FIELD_LABELS]
        # The portals that list it, as words: a portal's search adds its word to every question, which costs one
        # index chunk; the `portal` filter (kept for the search page's filter panel) is ~290 kB at nation size.
        portals = [portal_word(p) for p in self.portals if p]
        return " ".join([head] * LABEL_REPEAT + [token(PLACE + t) for t in reach] + [token(t) for t in rest] + tail + fields
                        + portals)

    def mention_terms(self) -> list[str]:
        return list(dict.fromkeys(t for m in self.mentions for t in label_terms(m)))

    def words(self) -> list[Word]:
        return self.pool.get(self._words)

    @cached_property
    def _words(self) -> array:
        found = (words_of(self.texts, self.labels) + [Word(t, reading_of(t), "p") for t in place_terms(self.places + self.reach)]
                 + [Word(t, "", "m") for t in self.mention_terms()] + [Word(fold(d), "", "n") for d in self.dates])
        return self.pool.put(found)


class WordPool:
    """Distinct Words, each kept once; a record keeps its words as numbers into the pool.

    Numbers in an array, not tuples of Words: at nation size (45,000 records, ~4.5 million word uses) tuples cost
    0.4 GB and gave the garbage collector millions of references to walk in every later stage."""

    def __init__(self) -> None:
        self.ids: dict[Word, int] = {}
        self.words: list[Word] = []

    def put(self, words: list[Word]) -> array:
        out = array("I")
        for w in dict.fromkeys(words):
            n = self.ids.get(w)
            if n is None:
                n = self.ids[w] = len(self.words)
                self.words.append(w)
            out.append(n)
        return out

    def get(self, ids: array) -> list[Word]:
        return [self.words[n] for n in ids]


def portal_word(portal_id: str) -> str:
    """The hidden word of one portal's records ("" for the national portal, which asks without one)."""
    return token(PORTAL + portal_id) if portal_id else ""


def _portals_of(portals: dict[str, Portal]) -> dict[str, tuple[str, ...]]:
    listed: dict[str, set[str]] = {}
    for pid, portal in portals.items():
        for key in (*portal.upcoming, *portal.past, *portal.challenges, *portal.veterans):
            listed.setdefault(key, set()).add(pid)
    return {k: tuple(sorted(v)) for k, v in listed.items()}


def meeting_labels(title: str, day: date) -> list[str]:
    """What staff type to find one meeting: its day without the year (12月10日; kk-search.js turns 2/25,
    2026/12/10 and 令和8年 into these forms) and its number (第10回)."""
    numbers = [f"第{int(n)}回" for n in NUMBERED.findall(unicodedata.normalize("NFKC", title))]
    return [f"{day.month}月{day.day}日", *dict.fromkeys(numbers)]


def signup_dates(kind: str, day: date) -> list[str]:
    """A sign-up date as staff search for it (kk-search.js signupDates writes 〆切 12/8 and 2月締切 the same way):
    締切12月8日 and 締切12月; the dictionary also lets the bare day (12/8) reach 締切12月8日."""
    return [f"{kind}{day.month}月{day.day}日", f"{kind}{day.month}月"]


def search_records(facts: Facts, portals: dict[str, Portal], region_names: dict[str, str],
                   institution_names: dict[str, tuple[str, ...]] | None = None) -> dict[str, SearchRecord]:
    """Every published record, keyed by record key (the index keeps those with a page in the build).

    `institution_names` (institution key → its name and 略称, e.g. しらかば野信組) lets staff find their meetings
    and challenges by the short form they use every day; the short form is a label, never shown on a page."""
    names = institution_names or {}
    from ..plan.signup import STATE_LABELS

    listed = _portals_of(portals)
    pool = WordPool()
    out: dict[str, SearchRecord] = {}
    for key, mf in facts.meetings.items():
        m = mf.m
        labels = [vocab.MEETING_FORMATS[m.format], *(name for _role, name, _k in mf.organisers),
                  *{role for role, _n, _k in mf.organisers}, jp_month(m.date), f"{m.date.month}月", "交流会",
                  STATE_LABELS[mf.state], *meeting_labels(m.title, m.date),
                  *(short for _role, _n, k in mf.organisers if k for short in names.get(k, ())[1:])]
        if mf.state in ("open", "closing"):
            labels.append("申込受付中")
        places = [region_names[mf.record.region]] + ([m.venue.prefecture, m.venue.city] if m.venue else [])
        # A meeting is found by what its own page says (title, description), not by the
        # challenges it presents: those are records of their own and would crowd it in.
        texts = [m.title, m.description, m.online or "", m.status_note or "",
                 m.venue.name if m.venue else "", (m.venue.access or "") if m.venue else ""]
        if m.capacity is not None:  # the page's 定員 40人, as one word (the dictionary lets 40名 reach 40人)
            texts.append(f"{m.capacity}人")
        meta = [("kind", "交流会"), ("date", m.date.isoformat()), ("state", mf.state),
                ("place", "オンライン" if m.format == "online" or not m.venue else m.venue.prefecture + m.venue.city)]
        dates = []
        if m.signup:
            meta.append(("deadline", m.signup.deadline.isoformat()))
            dates += signup_dates("締切", m.signup.deadline)
            if m.signup.opens:
                meta.append(("opens", m.signup.opens.isoformat()))
                dates += signup_dates("受付", m.signup.opens)
        cats = tuple(dict.fromkeys(c for ck in mf.challenges if ck in facts.challenges
                                   for c in facts.challenges[ck].c.categories))
        out[key] = SearchRecord(key, "meeting", tuple(texts), tuple(labels), listed.get(key, ("",)), tuple(meta),
                                tuple(places), mentions=cats, dates=tuple(dates), pool=pool)
    for key, cf in facts.challenges.items():
        c = cf.c
        # The institution's names are labels too: staff find everything they published by its short name.
        labels = [c.industry, *c.categories, vocab.CHALLENGE_STATUSES[c.status],
                  *names.get(f"{cf.record.region}/{cf.record.institution}", ())]
        places = (region_names[cf.record.region], c.prefecture)
        texts = [c.title, c.description, c.support_wanted, " ".join(c.engagement)]
        meta = [("kind", "企業の課題"), ("place", c.prefecture), ("status", vocab.CHALLENGE_STATUSES[c.status])]
        if cf.meeting and cf.meeting in facts.meetings:
            meta.append(("date", facts.meetings[cf.meeting].m.date.isoformat()))
        out[key] = SearchRecord(key, "challenge", tuple(texts), tuple(labels), listed.get(key, ("",)), tuple(meta), places, pool=pool)
    for key, vf in facts.veterans.items():
        v = vf.v
        labels = [*v.industries, *v.expertise]
        texts = [v.headline, v.career, v.availability]
        vmeta = (("kind", "新現役"), ("place", v.prefecture))
        out[key] = SearchRecord(key, "veteran", tuple(texts), tuple(labels), listed.get(key, ("",)), vmeta,
                                (region_names[vf.record.region], v.prefecture), tuple(v.areas), pool=pool)
    return out
