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
