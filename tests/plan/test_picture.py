"""plan/picture.py: the national picture as views (no build): which pages carry it, and the values it prints."""

from __future__ import annotations

from datetime import date

from generator.dataset import Dataset
from generator.plan import build_plan
from generator.plan.views import HomeView, OutcomesView, SummaryView

TODAY = date(2026, 11, 26)


def _view(plan, kind: str, portal: str):  # type: ignore[no-untyped-def]
    return next(p.view for p in plan.pages if p.kind == kind and p.portal == portal)


def test_summary_is_a_page_of_the_national_portal_with_its_date_and_links_as_text(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    summary = [p for p in plan.pages if p.kind == "summary"]
    assert [(p.url, p.portal, p.template) for p in summary] == [("summary/", "", "summary.html")]
    view = summary[0].view
    assert isinstance(view, SummaryView)
    assert view.as_of == "2026年11月26日"
    assert view.start_url == "start/"
    assert view.picture.map is not None and view.picture.map.summary_url == "summary/"


def test_one_picture_per_portal_on_the_pages_that_show_it(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY)
    home, outcomes, summary = _view(plan, "home", ""), _view(plan, "outcomes", ""), _view(plan, "summary", "")
    assert isinstance(home, HomeView) and isinstance(outcomes, OutcomesView) and isinstance(summary, SummaryView)
    assert home.picture is outcomes.picture is summary.picture  # built once; links stay combined-tree URLs
    region = _view(plan, "outcomes", "kanto")
    assert isinstance(region, OutcomesView) and region.picture is not None
    assert region.picture.map is None and region.picture.trends.scope == "関東" and region.picture.trends.regions == ()
    assert _view(plan, "home", "kanto").picture is None
    assert _view(plan, "outcomes", "kanto/minatodai-shinkin").picture is None


def test_picture_prints_rates_region_names_and_region_links(demo: Dataset) -> None:
    picture = _view(build_plan(demo, TODAY), "summary", "").picture
    rows = {r.year: r.figures for r in picture.trends.rows}
    for f in rows.values():
        assert f.rate_text == (f"{round(f.matches / f.companies * 100)}%" if f.companies else "—")
    assert picture.figures.meetings == sum(f.meetings for f in rows.values())
    mp = picture.map
    assert mp is not None
    names = {row.name: row.region_name for row in mp.table}
    assert len(names) == 47 and names["神奈川県"] == "関東" and names["大阪府"] == "近畿" and names["北海道"] == "—"
    assert [(s.url, s.label.split("（")[0]) for s in mp.shapes] == [
        ("kanto/", "関東のポータル"), ("kinki/", "近畿のポータル"), ("tohoku/", "東北のポータル")]
    assert "href" not in str(mp.svg_start) + str(mp.svg_end) + "".join(str(s.svg) for s in mp.shapes)
    assert [p.name for p in mp.listed] == [p.name for r in mp.regions for p in r.prefectures] + [p.name for p in mp.others]
    assert all(g.span == len(g.rows) > 0 for g in picture.trends.regions)
    assert [g.url for g in picture.trends.regions] == ["kanto/", "kinki/", "tohoku/"]


def test_a_standalone_region_build_never_builds_the_map(demo: Dataset) -> None:
    plan = build_plan(demo, TODAY, root="kanto")
    assert not [p for p in plan.pages if p.kind == "summary"]
    pictures = [p.view.picture for p in plan.pages if isinstance(p.view, (HomeView, OutcomesView)) and p.view.picture]
    assert pictures and all(p.map is None for p in pictures)
