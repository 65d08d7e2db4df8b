"""plan/matching.py: veterans and challenges meet by shared vocabulary, nearest first."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.dataset import Dataset
from generator.plan.matching import MATCHES_SHOWN, match_score, matches, veteran_portals
from generator.validate import load_dataset


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


def _pairwise(ds: Dataset, challenges: list[str], veterans: list[str]
              ) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The definition, every pair compared: what the indexed matching must reproduce exactly."""
    for_challenge: dict[str, tuple[str, ...]] = {}
    found: dict[str, list[tuple[tuple[int, int, str], str]]] = {k: [] for k in veterans}
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
                    found[vkey].append(((-int(near), -score, ckey), ckey))
        for_challenge[ckey] = tuple(v for _, v in sorted(scored)[:MATCHES_SHOWN])
    return for_challenge, {k: tuple(c for _, c in sorted(f)[:MATCHES_SHOWN]) for k, f in found.items()}


@pytest.mark.parametrize("size,seed", [("today", 1), ("today", 7), ("tenth", 1)])
def test_indexed_matching_equals_every_pair_compared(size: str, seed: int, tmp_path: Path) -> None:
    from bench.gen_data import SIZES, generate

    generate(tmp_path, SIZES[size], seed)
    ds = load_dataset(tmp_path).dataset
    assert ds is not None
    challenges = sorted(k for k in ds.challenges if k not in ds.unpublished)
    veterans = sorted(k for k in ds.veterans if k not in ds.unpublished)
    expected = _pairwise(ds, challenges, veterans)
    assert matches(ds, challenges, veterans) == expected
    # The data exercises both paths: veterans found nearby (region or travel area) and far ones filling up.
    def near(ck: str, vk: str) -> bool:
        c, v = ds.challenges[ck], ds.veterans[vk]
        return v.region == c.region or c.model.prefecture in v.model.areas

    shown = [(ck, vk) for ck, vs in expected[0].items() for vk in vs]
    assert any(near(ck, vk) for ck, vk in shown) and not all(near(ck, vk) for ck, vk in shown)
