"""National picture figures: meetings per prefecture, and outcomes per year, nationally and per region.

Core module (no site generator, no templates): pure functions over the validated dataset, so the map's
numbers and the trend series are tested without building a site.

Definitions (the same the portals use elsewhere):
- a meeting is *held* when its status is "scheduled" and its date is before `today`;
  *upcoming* when its status is "scheduled" and its date is `today` or later.
  Cancelled and postponed meetings are counted in neither.
- a meeting's prefecture is its venue's; an online meeting has no venue and counts in the
  prefecture of the institution that hosts it (where its companies come from).
- a year is the calendar year (1月〜12月) of the meeting date.
- outcome figures add up only held meetings that have an outcome recorded; the matching rate is
  matches ÷ companies, as on the outcomes page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .dataset import Dataset
from .vocab import PREFECTURES


@dataclass(frozen=True)
class MeetingFact:
    """The few facts of one meeting that the national picture needs."""

    key: str  # region/institution/meeting
    region: str
    prefecture: str
    day: date
    held: bool
    upcoming: bool
    companies: int | None = None  # None when no outcome is recorded yet
    veterans: int = 0
    interviews: int = 0
    second_interviews: int = 0
    matches: int = 0


@dataclass(frozen=True)
class PrefectureCount:
    name: str  # 神奈川県
    code: int  # JIS X 0401: 1 = 北海道 … 47 = 沖縄県
    region: str | None  # the region portal the prefecture belongs to, if any
    held: int
    upcoming: int

    @property
    def total(self) -> int:
        return self.held + self.upcoming


@dataclass(frozen=True)
class YearRow:
    year: int
    meetings: int  # held meetings in that year
    reported: int  # of which with an outcome recorded
    companies: int
    veterans: int
    interviews: int
    second_interviews: int
    matches: int

    @property
    def rate(self) -> float | None:
        return self.matches / self.companies if self.companies else None


def meeting_facts(ds: Dataset, today: date) -> tuple[MeetingFact, ...]:
    """One fact per meeting in the dataset, sorted by key."""
    facts = []
    for key, rec in sorted(ds.meetings.items()):
        m = rec.model
        host = ds.institutions[f"{rec.region}/{rec.institution}"].model
        prefecture = m.venue.prefecture if m.venue is not None else host.prefecture
        scheduled = m.status == "scheduled"
        o = m.outcome
        held = scheduled and m.date < today
        facts.append(MeetingFact(
            key=key, region=rec.region, prefecture=prefecture, day=m.date,
            held=held, upcoming=scheduled and m.date >= today,
            companies=o.companies if (o is not None and held) else None,
            veterans=o.veterans if (o is not None and held) else 0,
            interviews=o.interviews if (o is not None and held) else 0,
            second_interviews=o.second_interviews if (o is not None and held) else 0,
            matches=o.matches if (o is not None and held) else 0,
        ))
    return tuple(facts)


def region_of_prefecture(regions: Iterable[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """Prefecture -> region id; a prefecture listed by two regions goes to the first by id."""
    owner: dict[str, str] = {}
    for rid, prefectures in sorted(regions):
        for name in prefectures:
            owner.setdefault(name, rid)
    return owner


def prefecture_counts(facts: Iterable[MeetingFact], owner: dict[str, str]) -> tuple[PrefectureCount, ...]:
    """All 47 prefectures in JIS order, each with its held and upcoming meetings."""
    held = dict.fromkeys(PREFECTURES, 0)
    upcoming = dict.fromkeys(PREFECTURES, 0)
    for f in facts:
        if f.held:
            held[f.prefecture] += 1
        elif f.upcoming:
            upcoming[f.prefecture] += 1
    return tuple(
        PrefectureCount(name=name, code=i, region=owner.get(name), held=held[name], upcoming=upcoming[name])
        for i, name in enumerate(PREFECTURES, start=1)
    )


def yearly(facts: Iterable[MeetingFact], region: str | None = None) -> tuple[YearRow, ...]:
    """Held meetings per calendar year, from the first year with one to the last; empty years in between stay in
    (with zeros) so a chart never hides a gap."""
    rows: dict[int, list[int]] = {}
    for f in facts:
        if not f.held or (region is not None and f.region != region):
            continue
        acc = rows.setdefault(f.day.year, [0] * 7)
        acc[0] += 1
        if f.companies is not None:
            acc[1] += 1
            acc[2] += f.companies
            acc[3] += f.veterans
            acc[4] += f.interviews
            acc[5] += f.second_interviews
            acc[6] += f.matches
    if not rows:
        return ()
    return tuple(YearRow(year, *rows.get(year, [0] * 7)) for year in range(min(rows), max(rows) + 1))


def national_facts(ds: Dataset, today: date) -> tuple[tuple[MeetingFact, ...], dict[str, str]]:
    """The facts and the prefecture -> region map for a dataset (what plan/picture.py starts from)."""
    owner = region_of_prefecture((rid, r.model.prefectures) for rid, r in ds.regions.items())
    return meeting_facts(ds, today), owner
