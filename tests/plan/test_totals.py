"""plan/totals.py and portals.held_totals: only held meetings count."""

from __future__ import annotations

from datetime import date

from generator.dataset import Dataset
from generator.plan import Totals
from generator.plan.portals import held_totals
from generator.plan.records import meeting_facts


def test_totals_add_and_rate() -> None:
    t = Totals(1, 5, 20, 30, 9, 4) + Totals(1, 5, 10, 10, 3, 1)
    assert t == Totals(2, 10, 30, 40, 12, 5) and t.rate == 0.5
    assert Totals().rate is None


def test_only_held_meetings_count(demo: Dataset) -> None:
    facts = meeting_facts(demo, date(2026, 11, 26))
    held = [f for f in facts.values() if f.state == "held" and f.m.outcome]
    assert held and held_totals(facts.values()).meetings == len(held)
    assert held_totals(facts.values()).companies == sum(f.m.outcome.companies for f in held)  # type: ignore[union-attr]
