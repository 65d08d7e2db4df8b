"""plan/filters.py: list filter values, each record's facet lines, and chips that link to the filtered list.

Expectations are computed from the demo YAML (the dataset's models), not from the plan's own tables.
"""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import parse_qs

from generator import vocab
from generator.dataset import Dataset
from generator.plan import build_plan
from generator.plan.filters import list_word
from generator.plan.views import (
    ChallengeListView,
    ChallengePageView,
    MeetingListView,
    MeetingPageView,
    VeteranListView,
    VeteranPageView,
)

TODAY = date(2026, 11, 26)


def _published(ds: Dataset, table: dict) -> dict:
    return {k: r.model for k, r in table.items() if k not in ds.unpublished}


def _list(plan, portal: str, kind: str):  # type: ignore[no-untyped-def]
    return next(p.view for p in plan.pages if p.portal == portal and p.kind == kind)


def test_challenge_filters_offer_only_values_the_portal_has_in_vocabulary_order(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    view = _list(plan, "kanto", "challenges")
    assert isinstance(view, ChallengeListView) and view.filters is not None
    fields = {f.name: [o.value for o in f.options] for f in view.filters.fields}
    mine = [c for k, c in _published(demo, demo.challenges).items() if k.startswith("kanto/")]
    assert fields["prefecture"] == [p for p in vocab.PREFECTURES if any(c.prefecture == p for c in mine)]
    assert fields["category"] == [x for x in vocab.CATEGORIES if any(x in c.categories for c in mine)]
    assert fields["industry"] == [i for i in vocab.INDUSTRIES if any(c.industry == i for c in mine)]
    assert "青森県" not in fields["prefecture"]  # a value no record of this list has is never offered
    assert all(values for values in fields.values())
    assert [f.label for f in view.filters.fields] == ["所在地", "課題の分類", "業種", "発表する交流会", "募集状況"]
    assert view.filters.word == list_word("challenges", "kanto") and view.filters.action == "kanto/challenges/"


def test_meeting_filters_name_the_states_of_the_build_day(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    view = _list(plan, "", "meetings")
    assert isinstance(view, MeetingListView) and view.filters is not None
    states = next(f for f in view.filters.fields if f.name == "state")
    offered = [o.value for o in states.options]
    assert offered[0] == "受付中" and "締切間近" not in offered  # 締切間近 is still 受付中
    assert {"開催済み", "中止", "延期"} <= set(offered)
    # The cancelled meeting of the demo carries 中止; a meeting whose deadline is near carries 受付中.
    pages = {p.record: p.view for p in plan.pages if isinstance(p.view, MeetingPageView)}
    cancelled = pages["tohoku/koganehara-bank/2026-12-03"]
    assert ("kk-state", "中止") in cancelled.list_facets.filters  # type: ignore[union-attr]
    closing = pages["kanto/minatodai-shinkin/2026-12-10"]
    assert closing.badge.state == "closing" and ("kk-state", "受付中") in closing.list_facets.filters  # type: ignore[union-attr]


def test_challenge_facets_match_its_yaml(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    key = "kanto/minatodai-shinkin/sheet-metal-production-control"
    c = demo.challenges[key].model
    view = next(p.view for p in plan.pages if p.record == key)
    assert isinstance(view, ChallengePageView) and view.list_facets is not None
    got = set(view.list_facets.filters)
    assert {("kk-pref", c.prefecture), ("kk-ind", c.industry), ("kk-status", vocab.CHALLENGE_STATUSES[c.status])} <= got
    assert {("kk-cat", x) for x in c.categories} <= got
    # Its meeting (2026-06-11) was held before the build day.
    assert ("kk-meet", "開催済みの交流会") in got and ("kk-meet", "これからの交流会") not in got
    # Listed by the national, the region and the institution portals: one list word each.
    assert set(view.list_facets.words.split()) == {list_word("challenges", p) for p in ("", "kanto", "kanto/minatodai-shinkin")}
    card = json.loads(view.list_facets.card)
    assert card["title"] == c.title and card["categories"] == list(c.categories)
    assert view.list_facets.card.isascii()  # the index reads pages NFKC-normalised; escapes keep （） and ，


def test_list_order_is_the_static_lists_order(demo: Dataset) -> None:
    """Sorting the index's results by kk-order gives every portal's list in the order its pages show it."""
    plan = build_plan(demo, TODAY)
    order = {p.record: p.view.list_facets.order for p in plan.pages  # type: ignore[union-attr]
             if isinstance(p.view, (MeetingPageView, ChallengePageView, VeteranPageView))}
    for pid, portal in plan.portals.items():
        for keys in ((*portal.upcoming, *portal.past), portal.challenges, portal.veterans):
            assert sorted(keys, key=order.__getitem__) == list(keys), pid


def test_chips_link_to_the_filtered_list_of_the_same_portal(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    view = _list(plan, "kanto", "challenges")
    assert isinstance(view, ChallengeListView)
    card = view.cards[0]
    assert [(x.label, x.url, x.query) for x in card.category_links] == [
        (cat, "kanto/challenges/", f"?category={cat}") for cat in card.categories]
    assert card.prefecture_link is not None and card.prefecture_link.url == "kanto/challenges/"
    assert card.prefecture_link.query == "?prefecture=" + card.prefecture  # Japanese as written: a third of the bytes
    veterans = _list(plan, "", "veterans")
    assert isinstance(veterans, VeteranListView)
    assert {x.url for c in veterans.cards for x in c.expertise_links} == {"veterans/"}
    assert veterans.cards[0].expertise_links[0].query.startswith("?category=")


def test_record_pages_link_labels_to_their_portals_lists(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    key = "kanto/overseas-sales-electronics"
    v = demo.veterans[key].model
    view = next(p.view for p in plan.pages if p.record == key)
    assert isinstance(view, VeteranPageView)
    assert [x.label for x in view.industry_links] == list(v.industries)
    assert {x.url for x in (*view.industry_links, *view.expertise_links)} == {"kanto/veterans/"}
    assert view.industry_links[0].query == "?industry=" + v.industries[0]


def test_a_chip_never_opens_a_list_without_its_record(demo: Dataset) -> None:
    """An institution's pages may show records its own lists do not hold (a region's veterans, a co-host's
    challenges): their chips open the nearest portal up that lists them."""
    plan = build_plan(demo, TODAY)
    for page in plan.pages:
        view = page.view
        if isinstance(view, ChallengePageView):
            cards = view.veterans
            for vc in cards:
                key = vc.url.removesuffix("/").replace("/veterans/", "/")
                target = next(pid for pid in plan.portals if vc.expertise_links[0].url == (f"{pid}/veterans/" if pid else "veterans/"))
                assert key in plan.portals[target].veterans, (page.url, key, target)


def test_a_query_value_keeps_japanese_as_written_and_reads_back_as_the_value() -> None:
    from generator.plan.filters import query_value

    for value in ("ブランディング", "EC・通販", "農業，林業", "A&B 東京\u3000都", "100%"):
        query = query_value(value)
        assert parse_qs(f"category={query}")["category"] == [value]
        assert " " not in query and "\u3000" not in query and "&" not in query  # nothing that would end the value
    assert query_value("ブランディング") == "ブランディング"
