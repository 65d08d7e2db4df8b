"""Veterans ↔ challenges by shared vocabulary, and which portals list a veteran.

A challenge shows the veterans whose expertise overlaps its categories (same
region or an area they travel to first, then more overlap, then industry);
a veteran shows the open challenges that fit them. Both lists are short.

Matching goes through indexes (word → records, per region and per prefecture)
instead of comparing every pair: at nation size that is 30,000 challenges ×
10,000 veterans, about 290 million comparisons, of which a few percent share a
word. The order is exactly the pairwise definition's (tests/plan/test_matching.py
checks it against a brute-force version on generated data).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

from ..dataset import Dataset, Record
from ..models import Veteran

MATCHES_SHOWN = 6


def match_score(expertise: Sequence[str], categories: Sequence[str]) -> int:
    return len(set(expertise) & set(categories))


def _count(lists: Iterable[list[str]]) -> Counter[str]:
    """How many of the given word lists each key is in (Counter.update counts in C)."""
    counter: Counter[str] = Counter()
    for keys in lists:
        counter.update(keys)
    return counter


def _top(near: Counter[str], far: Counter[str], tie: Callable[[str], int] = lambda k: 0) -> tuple[str, ...]:
    """Up to MATCHES_SHOWN keys: near before far, then higher score, then tie (higher first), then key."""
    chosen: list[str] = []
    for scores in (near, far):
        if len(chosen) >= MATCHES_SHOWN or not scores:
            continue
        ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)
        # Only keys scoring at least as high as the last one that can still be shown need the full order.
        cut = ranked[min(len(ranked), MATCHES_SHOWN - len(chosen)) - 1][1]
        pool = [k for k, s in ranked if s >= cut]
        pool.sort(key=lambda k: (-scores[k], -tie(k), k))
        chosen += pool[:MATCHES_SHOWN - len(chosen)]
    return tuple(chosen)


def matches(ds: Dataset, challenges: Sequence[str], veterans: Sequence[str]
            ) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """challenge key -> veterans shown on it; veteran key -> open challenges shown on it."""
    # Veterans by expertise word: everywhere, by home region, by prefecture they travel to.
    vet_word: dict[str, list[str]] = defaultdict(list)
    vet_region_word: dict[tuple[str, str], list[str]] = defaultdict(list)
    vet_area_word: dict[tuple[str, str], list[str]] = defaultdict(list)
    for vkey in veterans:
        v = ds.veterans[vkey]
        for word in set(v.model.expertise):
            vet_word[word].append(vkey)
            vet_region_word[(v.region, word)].append(vkey)
            for pref in set(v.model.areas):
                vet_area_word[(pref, word)].append(vkey)
    # Open challenges by category: everywhere, by region, by prefecture.
    open_word: dict[str, list[str]] = defaultdict(list)
    open_region_word: dict[tuple[str, str], list[str]] = defaultdict(list)
    open_pref_word: dict[tuple[str, str], list[str]] = defaultdict(list)

    for_challenge: dict[str, tuple[str, ...]] = {}
    for ckey in challenges:
        c = ds.challenges[ckey]
        words = set(c.model.categories)
        if c.model.status == "open":
            for word in words:
                open_word[word].append(ckey)
                open_region_word[(c.region, word)].append(ckey)
                open_pref_word[(c.model.prefecture, word)].append(ckey)
        near = _count(vet_region_word.get((c.region, w), []) for w in words)
        for vkey, n in _count(vet_area_word.get((c.model.prefecture, w), []) for w in words).items():
            near[vkey] = n  # the same score whether found by home region or by travel area
        far: Counter[str] = Counter()
        if len(near) < MATCHES_SHOWN:
            far = _count(vet_word.get(w, []) for w in words)
            for vkey in near:
                del far[vkey]
        for_challenge[ckey] = _top(near, far, lambda k, ind=c.model.industry: int(ind in ds.veterans[k].model.industries))

    for_veteran: dict[str, tuple[str, ...]] = {}
    for vkey in veterans:
        v = ds.veterans[vkey]
        words = set(v.model.expertise)
        near = _count(open_region_word.get((v.region, w), []) for w in words)
        for pref in set(v.model.areas):  # a challenge has one prefecture, so these lists don't overlap each other
            for ckey, n in _count(open_pref_word.get((pref, w), []) for w in words).items():
                near[ckey] = n  # same score whether found by region or by prefecture
        far = Counter()
        if len(near) < MATCHES_SHOWN:
            far = _count(open_word.get(w, []) for w in words)
            for ckey in near:
                del far[ckey]
        for_veteran[vkey] = _top(near, far)
    return for_challenge, for_veteran


def region_institutions(ds: Dataset) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for ikey in ds.institutions:
        out[ikey.split("/")[0]].append(ikey)
    return {rid: tuple(keys) for rid, keys in out.items()}


def veteran_portals(ds: Dataset, rec: Record[Veteran],
                    institutions: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """The national portal, the veteran's region, regions they reach, and those regions' institutions."""
    portals = {"", rec.region}
    reach = {rec.model.prefecture, *rec.model.areas}
    for rid, region in ds.regions.items():
        if reach & set(region.model.prefectures):
            portals.add(rid)
    by_region = institutions if institutions is not None else region_institutions(ds)
    for rid in [p for p in portals if p]:
        portals.update(by_region.get(rid, ()))
    return portals
