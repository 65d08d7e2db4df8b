"""plan/matching.py: veterans and challenges meet by shared vocabulary, nearest first."""

from __future__ import annotations

from generator.dataset import Dataset
from generator.plan.matching import MATCHES_SHOWN, match_score, matches, veteran_portals


def test_score_is_the_shared_vocabulary() -> None:
    assert match_score(("販路開拓", "海外展開"), ("海外展開", "物流", "販路開拓")) == 2
    assert match_score(("財務・資金繰り",), ("物流",)) == 0


def test_matches_share_a_word_and_are_short(demo: Dataset) -> None:
    challenges = sorted(k for k in demo.challenges if k not in demo.unpublished)
    veterans = sorted(k for k in demo.veterans if k not in demo.unpublished)
    for_challenge, for_veteran = matches(demo, challenges, veterans)
    assert any(for_challenge.values())
    for ckey, vkeys in for_challenge.items():
        assert len(vkeys) <= MATCHES_SHOWN
        for vkey in vkeys:
            assert match_score(demo.veterans[vkey].model.expertise, demo.challenges[ckey].model.categories) > 0
    for ckeys in for_veteran.values():
        assert all(demo.challenges[c].model.status == "open" for c in ckeys)


def test_a_veteran_is_listed_where_they_can_travel(demo: Dataset) -> None:
    rec = next(r for r in demo.veterans.values() if r.model.areas)
    portals = veteran_portals(demo, rec)
    assert {"", rec.region} <= portals
    for rid, region in demo.regions.items():
        if set(rec.model.areas) & set(region.model.prefectures):
            assert rid in portals
