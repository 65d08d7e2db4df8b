"""The per-meeting outcome table keeps the newest held meetings only (the page stays small at nation size),
says so, and still counts every held meeting in the totals; the rate beside SKS's real figure is marked."""

from __future__ import annotations

from datetime import date

import pytest

from generator.dataset import Dataset
from generator.plan import build_plan, present
from generator.plan.views import OutcomesView

DAY = date(2026, 11, 26)


def _outcomes(ds: Dataset, url: str) -> OutcomesView:
    page = next(p for p in build_plan(ds, DAY).pages if p.url == url)
    assert isinstance(page.view, OutcomesView)
    return page.view


def test_all_rows_when_they_fit(demo: Dataset) -> None:
    view = _outcomes(demo, "outcomes/")
    assert view.figures is not None and view.meetings_shown == view.figures.meetings == len(view.meetings)
    assert view.meetings_note is None
    assert view.demo and view.reference is not None and view.reference.value == "73.3%"


def test_newest_rows_and_a_note_when_capped(demo: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(present, "OUTCOME_ROWS", 3)
    view = _outcomes(demo, "outcomes/")
    assert view.figures is not None and view.figures.meetings == 15  # the totals still count every held meeting
    assert len(view.meetings) == view.meetings_shown == 3
    dates = [row.date_text for row in view.meetings]
    assert dates[0] == "2026年10月15日"  # newest first
    assert view.meetings_note == ("表は新しい3回です（開催済み15回のうち）。"
                                  "それより前の回も上の合計と「年ごとの推移」に含めています。")
    inst = _outcomes(demo, "kanto/minatodai-shinkin/outcomes/")
    assert inst.meetings_note is not None and inst.meetings_note.endswith("それより前の回も上の合計に含めています。")
