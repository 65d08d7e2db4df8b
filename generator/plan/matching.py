"""Veterans ↔ challenges by shared vocabulary, and which portals list a veteran.

A challenge shows the veterans whose expertise overlaps its categories (same
region or an area they travel to first, then more overlap, then industry);
a veteran shows the open challenges that fit them. Both lists are short.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..dataset import Dataset, Record
from ..models import Veteran

MATCHES_SHOWN = 6


def match_score(expertise: Sequence[str], categories: Sequence[str]) -> int:
    return len(set(expertise) & set(categories))


def matches(ds: Dataset, challenges: Sequence[str], veterans: Sequence[str]
            ) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """challenge key -> veterans shown on it; veteran key -> open challenges shown on it."""
    for_challenge: dict[str, tuple[str, ...]] = {}
    veteran_matches: dict[str, list[tuple[tuple[int, int, str], str]]] = {k: [] for k in veterans}
    for ckey in challenges:
        c = ds.challenges[ckey]
        scored = []
        for vkey in veterans:
            v = ds.veterans[vkey]
            score = match_score(v.model.expertise, c.model.categories)
            if score:
                near = v.region == c.region or c.model.prefecture in v.model.areas
                industry = c.model.industry in v.model.industries
                scored.append(((-int(near), -score, -int(industry), vkey), vkey))
                if c.model.status == "open":
                    veteran_matches[vkey].append(((-int(near), -score, ckey), ckey))
        scored.sort()
        for_challenge[ckey] = tuple(v for _, v in scored[:MATCHES_SHOWN])
    for_veteran = {k: tuple(c for _, c in sorted(found)[:MATCHES_SHOWN]) for k, found in veteran_matches.items()}
    return for_challenge, for_veteran


def veteran_portals(ds: Dataset, rec: Record[Veteran]) -> set[str]:
    """The national portal, the veteran's region, regions they reach, and those regions' institutions."""
    portals = {"", rec.region}
    reach = {rec.model.prefecture, *rec.model.areas}
    for rid, region in ds.regions.items():
        if reach & set(region.model.prefectures):
            portals.add(rid)
    for ikey in ds.institutions:
        if ikey.split("/")[0] in portals:
            portals.add(ikey)
    return portals
