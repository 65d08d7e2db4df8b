"""plan/portals.py: which records each portal lists."""

from __future__ import annotations

from datetime import date

from generator.dataset import Dataset
from generator.plan.portals import build_portals
from generator.plan.records import record_facts

TODAY = date(2026, 11, 26)


def test_portals_list_their_own_and_co_hosted_meetings(demo: Dataset) -> None:
    facts = record_facts(demo, TODAY)
    portals = build_portals(demo, facts, TODAY)
    assert set(portals) == {"", *demo.regions, *demo.institutions}
    for pid, portal in portals.items():
        for key in (*portal.upcoming, *portal.past):
            assert pid in facts.meetings[key].portals
        assert all(facts.meetings[k].m.date >= TODAY for k in portal.upcoming)
        assert all(facts.meetings[k].m.date < TODAY for k in portal.past)
    # A meeting co-hosted from another region appears in the co-host's portals too.
    cohosted = [f for f in facts.meetings.values() if len({p.split("/")[0] for p in f.portals if p}) > 1]
    assert cohosted
    for f in cohosted:
        for pid in f.portals:
            assert f.key in (*portals[pid].upcoming, *portals[pid].past)


def test_unpublished_records_are_listed_nowhere(demo: Dataset) -> None:
    portals = build_portals(demo, record_facts(demo, TODAY), TODAY)
    assert demo.unpublished
    for portal in portals.values():
        assert not demo.unpublished & {*portal.challenges, *portal.veterans}


def test_an_institution_lists_the_veterans_who_fit_its_challenges_not_the_whole_region(demo: Dataset) -> None:
    facts = record_facts(demo, TODAY)
    portals = build_portals(demo, facts, TODAY)
    for ikey in demo.institutions:
        portal = portals[ikey]
        shown = {v for c in portal.challenges for v in facts.challenges[c].veterans}
        assert set(portal.veterans) == {v for v in shown if ikey in facts.veterans[v].portals}
        # Listed once each, in the order of the region's list (the order list filters sort by).
        region_order = [v for v in portals[ikey.split("/")[0]].veterans if v in set(portal.veterans)]
        assert list(portal.veterans) == region_order
    # The region still lists everyone who reaches it, so an institution's list is a part of it.
    narrower = [k for k in demo.institutions if set(portals[k].veterans) < set(portals[k.split("/")[0]].veterans)]
    assert narrower and all(set(portals[k].veterans) <= set(portals[k.split("/")[0]].veterans) for k in demo.institutions)


def test_an_institution_veteran_list_says_what_it_holds_and_links_to_the_region(demo: Dataset) -> None:
    from generator.plan.site import build_plan

    plan = build_plan(demo, TODAY)
    page = next(p for p in plan.pages if p.kind == "veterans" and p.portal.count("/") == 1)
    region = plan.portals[page.portal.split("/")[0]]
    assert page.view.scope and plan.portals[page.portal].name in page.view.scope
    assert page.view.region_list.url == f"{region.id}/veterans/"
    assert f"（{len(region.veterans)}人）" in page.view.region_list.label
    region_page = next(p for p in plan.pages if p.kind == "veterans" and p.portal == region.id)
    assert region_page.view.scope is None and region_page.view.region_list is None
