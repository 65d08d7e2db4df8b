"""plan/present.py: each page's view holds the values its template prints, already formatted."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from generator.dataset import Dataset, Record
from generator.plan import build_plan
from generator.plan.views import ChallengePageView, HomeView, MeetingPageView, OutcomesView, ShellView

TODAY = date(2026, 11, 26)
MEETING = "kanto/minatodai-shinkin/2026-12-10"


def test_meeting_view_holds_host_categories_and_labels(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    page = next(p for p in plan.pages if p.record == MEETING)
    view = page.view
    assert isinstance(view, MeetingPageView)
    m = demo.meetings[MEETING].model
    assert m.signup is not None and view.signup is not None
    assert view.signup.host == m.signup.url.split("/")[2] == "docs.google.com"
    assert (view.date_text, view.time_text, view.badge.label) == ("2026年12月10日（木）", "13:30〜16:30", "締切間近")
    cats: list[str] = []
    for key in sorted(k for k, c in demo.challenges.items()
                      if c.model.meeting == "2026-12-10" and k.startswith("kanto/minatodai-shinkin/") and k not in demo.unpublished):
        cats += [c for c in demo.challenges[key].model.categories if c not in cats]
    assert view.categories_text == "、".join(cats)
    assert view.search.categories == tuple(cats) and view.search.months == ("2026年12月",)
    assert isinstance(page.shell, ShellView) and page.shell.nav[1].current  # 交流会 is the current menu item


def test_home_and_outcomes_views_carry_totals_as_printed(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    home = next(p.view for p in plan.pages if p.kind == "home" and p.portal == "")
    assert isinstance(home, HomeView)
    t = plan.portals[""].totals
    assert home.figures is not None and home.figures.rate_text == f"{round(100 * t.matches / t.companies)}%"
    assert [r.name for r in home.regions] == [demo.regions[r].model.name for r in sorted(demo.regions)]
    outcomes = next(p.view for p in plan.pages if p.kind == "outcomes" and p.portal == "")
    assert isinstance(outcomes, OutcomesView)
    assert outcomes.by_child_word == "地域" and "<svg" in outcomes.chart and "<svg" in outcomes.rate_chart


def test_challenge_view_uses_the_frame_it_is_shown_in(demo: Dataset) -> None:
    """A co-hosted record shown in a standalone portal names that portal's office."""
    plan = build_plan(demo, TODAY, root="kanto")
    for page in plan.pages:
        if isinstance(page.view, ChallengePageView):
            assert page.view.portal_name == plan.portals[page.portal].name


def _reachable(value: object, seen: set[int]) -> list[object]:
    if id(value) in seen:
        return []
    seen.add(id(value))
    found = [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            found += _reachable(getattr(value, f.name), seen)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            found += _reachable(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            found += _reachable(item, seen)
    return found


def test_plan_output_reaches_no_raw_record(demo: Dataset) -> None:
    """Render and index get the plan: nothing in it leads back to the dataset, a record or a model."""
    plan = build_plan(demo, TODAY)
    values = _reachable(plan, set())
    raw = [v for v in values if isinstance(v, Dataset | Record | BaseModel)]
    assert raw == []
    assert "dataset" not in {f.name for f in dataclasses.fields(plan)}


def test_meeting_fee_is_free_unless_named(small: Dataset, valid_root: Path) -> None:
    """参加費: most meetings are free, so a meeting without `fee` says 無料; a number reads as yen."""
    from generator.validate import load_dataset

    from ..conftest import MEETING, replace

    view = next(p.view for p in build_plan(small, TODAY).pages if p.kind == "meeting")
    assert isinstance(view, MeetingPageView) and view.fee == "無料"
    replace(valid_root, MEETING, "capacity: 30", "capacity: 30\nfee: 1000")
    loaded = load_dataset(valid_root)
    assert loaded.dataset is not None
    view = next(p.view for p in build_plan(loaded.dataset, TODAY).pages if p.record == "kanto/minato-shinkin/2026-12-10")
    assert isinstance(view, MeetingPageView) and view.fee == "1,000円"
    # Free text, so the confidentiality check reads it without being told.
    replace(valid_root, MEETING, "fee: 1000", "fee: 資料代500円（問い合わせ 045-123-4567）")
    assert [(d.code, d.line) for d in load_dataset(valid_root).diagnostics] == [("P501", 17)]
