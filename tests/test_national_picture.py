"""The national picture without building: counts per prefecture and per year, the map and the charts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from generator.plan.charts import outcome_chart
from generator.plan.japan_map import SHADES, Bin, RegionLink, bins_for, geometry, japan_map_svg, shade
from generator.plan.totals import Totals, figures
from generator.plan.trends import MEASURES, SKS_REFERENCES, nice_ticks, trend_charts, year_chart
from generator.stats import MeetingFact, meeting_facts, prefecture_counts, region_of_prefecture, yearly
from generator.validate import load_dataset
from generator.vocab import PREFECTURES

from .conftest import INST, replace

TODAY = date(2026, 11, 26)


def fact(key: str, prefecture: str, day: date, *, region: str = "kanto",
         outcome: tuple[int, int, int, int, int] | None = None, status: str = "scheduled") -> MeetingFact:
    held = status == "scheduled" and day < TODAY
    companies, veterans, interviews, second, matches = outcome if outcome and held else (None, 0, 0, 0, 0)
    return MeetingFact(key, region, prefecture, day, held, status == "scheduled" and day >= TODAY,
                       companies, veterans, interviews, second, matches)


FACTS = (
    fact("kanto/a/1", "神奈川県", date(2023, 11, 9), outcome=(5, 18, 22, 6, 3)),
    fact("kanto/a/2", "神奈川県", date(2026, 6, 11), outcome=(5, 24, 31, 10, 4)),
    fact("kanto/a/3", "神奈川県", date(2026, 12, 10)),
    fact("kanto/b/1", "群馬県", date(2026, 9, 17)),  # held, no outcome yet
    fact("kanto/b/2", "群馬県", date(2026, 10, 1), status="cancelled"),
    fact("kinki/c/1", "大阪府", date(2027, 2, 25), region="kinki"),
    fact("kinki/c/2", "大阪府", date(2026, 5, 21), region="kinki", outcome=(7, 30, 40, 12, 5)),
)


# --- counts --------------------------------------------------------------------

def test_every_prefecture_once_in_jis_order_with_its_counts() -> None:
    owner = region_of_prefecture([("kanto", ["神奈川県", "群馬県"]), ("kinki", ["大阪府"])])
    counts = prefecture_counts(FACTS, owner)
    assert [c.name for c in counts] == list(PREFECTURES) and len(counts) == 47
    assert counts[0].code == 1 and counts[46].name == "沖縄県"
    by_name = {c.name: (c.held, c.upcoming, c.region) for c in counts}
    assert by_name["神奈川県"] == (2, 1, "kanto")
    assert by_name["群馬県"] == (1, 0, "kanto")  # the cancelled meeting counts nowhere
    assert by_name["大阪府"] == (1, 1, "kinki")
    assert by_name["北海道"] == (0, 0, None)
    assert sum(c.total for c in counts) == 6


def test_a_prefecture_claimed_by_two_regions_goes_to_the_first_by_id() -> None:
    assert region_of_prefecture([("tohoku", ["新潟県"]), ("kanto", ["新潟県", "東京都"])]) == {"新潟県": "kanto", "東京都": "kanto"}


def test_years_run_without_gaps_and_count_meetings_without_outcome_as_held_only() -> None:
    rows = yearly(FACTS)
    assert [r.year for r in rows] == [2023, 2024, 2025, 2026]
    assert [r.meetings for r in rows] == [1, 0, 0, 3]
    gap = rows[1]
    assert (gap.companies, gap.rate) == (0, None)
    last = rows[-1]
    assert (last.reported, last.companies, last.veterans, last.interviews, last.second_interviews, last.matches) == (
        2, 12, 54, 71, 22, 9)
    assert last.rate == 9 / 12


def test_years_per_region_and_none_before_the_first_meeting() -> None:
    assert [(r.year, r.meetings) for r in yearly(FACTS, "kinki")] == [(2026, 1)]
    assert yearly(FACTS, "tohoku") == ()


def test_dataset_facts_use_the_venue_and_for_online_meetings_the_host(valid_root: Path) -> None:
    replace(valid_root, f"{INST}/institution.yml", "prefecture: 神奈川県", "prefecture: 千葉県")
    ds, diagnostics = load_dataset(valid_root)
    assert ds is not None, diagnostics
    facts = {f.key.rsplit("/", 1)[1]: f for f in meeting_facts(ds, TODAY)}
    assert facts["2026-12-10"].prefecture == "神奈川県" and facts["2026-12-10"].upcoming
    online = facts["2026-06-11"]
    assert online.prefecture == "千葉県" and online.held and online.companies == 5


def test_a_cancelled_meeting_is_neither_held_nor_upcoming(valid_root: Path) -> None:
    replace(valid_root, f"{INST}/meetings/2026-12-10.yml", "format: in_person", "format: in_person\nstatus: cancelled")
    ds, diagnostics = load_dataset(valid_root)
    assert ds is not None, diagnostics
    facts = {f.key.rsplit("/", 1)[1]: f for f in meeting_facts(ds, TODAY)}
    assert not facts["2026-12-10"].held and not facts["2026-12-10"].upcoming
    later = {f.key.rsplit("/", 1)[1]: f for f in meeting_facts(ds, date(2027, 1, 5))}
    assert not later["2026-12-10"].held  # still not held once its date has passed


# --- the map -------------------------------------------------------------------

def test_scale_has_one_class_per_count_when_counts_are_small_and_four_otherwise() -> None:
    assert [b.label for b in bins_for(3)] == ["1回", "2回", "3回"]
    assert [b.label for b in bins_for(10)] == ["1〜3回", "4〜5回", "6〜8回", "9〜10回"]
    assert bins_for(0) == ()
    four = bins_for(10)
    assert [shade(n, four) for n in (0, 1, 3, 4, 8, 10)] == [0, 1, 1, 2, 3, 4]
    # Darker means more: the classes use the scale's colours in order.
    assert [b.colour for b in four] == list(SHADES[1:])


def test_geometry_has_all_47_prefectures_inside_the_picture() -> None:
    g = geometry()
    assert sorted(g.rings) == list(range(1, 48))
    for code, ring in g.rings.items():
        assert len(ring) >= 4, PREFECTURES[code - 1]
        assert all(0 <= x <= g.width and 0 <= y <= g.height for x, y in ring), PREFECTURES[code - 1]
        x, y = g.anchors[code]
        assert 0 <= x <= g.width and 0 <= y <= g.height
    # Okinawa sits in its inset, away from Kyushu (鹿児島県 = 46).
    ix, iy, iw, ih = g.inset
    assert all(ix <= x <= ix + iw and iy <= y <= iy + ih for x, y in g.rings[47])
    assert not any(ix <= x <= ix + iw and iy <= y <= iy + ih for x, y in g.rings[46])


def _map(counts, regions, bins):
    svg = japan_map_svg(counts, regions, title="テスト<地図>", bins=bins)
    # As the template puts the parts together: each region inside a link to its portal URL.
    linked = "".join(f'<a href="{r.url}" aria-label="{label}">{body}</a>' for r, label, body in svg.regions)
    return str(svg.start) + linked + str(svg.end)


def test_map_shades_prefectures_by_count_marks_upcoming_and_links_regions() -> None:
    owner = region_of_prefecture([("kanto", ["神奈川県", "群馬県"]), ("kinki", ["大阪府"])])
    counts = prefecture_counts(FACTS, owner)
    bins = bins_for(max(c.total for c in counts))
    svg = _map(counts, [RegionLink("kanto", "関東", "kanto/"), RegionLink("kinki", "近畿", "kinki/")], bins)
    fills = dict(re.findall(r'data-prefecture="([^"]+)" d="[^"]+" fill="(#[0-9a-f]{6})"', svg))
    assert len(fills) == 47
    assert fills["神奈川県"] == SHADES[3] and fills["群馬県"] == SHADES[1] and fills["大阪府"] == SHADES[2]
    assert {fills[p] for p in fills if p not in ("神奈川県", "群馬県", "大阪府")} == {SHADES[0]}
    assert svg.count('class="kk-map__mark"') == 2  # 神奈川県 and 大阪府 have an upcoming meeting
    assert 'href="kanto/" aria-label="関東のポータル（開催済み3回・予定1回）"' in svg
    assert 'href="kinki/" aria-label="近畿のポータル（開催済み1回・予定1回）"' in svg
    assert svg.startswith("<svg") and svg.endswith("</svg>") and svg.count("<svg") == 1
    assert "テスト&lt;地図&gt;" in svg


# --- the charts ----------------------------------------------------------------

def test_ticks_are_round_and_reach_the_top() -> None:
    assert nice_ticks(6) == [0, 2, 4, 6]
    assert nice_ticks(163) == [0, 50, 100, 150, 200]
    assert nice_ticks(1) == [0, 1]
    assert nice_ticks(0) == [0, 1]


def test_rate_chart_draws_the_sks_figures_as_labelled_lines_and_every_bar_has_its_value() -> None:
    rows = yearly(FACTS)
    rate = next(m for m in MEASURES if m.key == "rate")
    svg = str(year_chart(rows, rate, title="率", references=SKS_REFERENCES))
    assert svg.count("stroke-dasharray") == 2
    assert "SKS平均" in svg and "73.3%" in svg and "≒10%以下" in svg
    assert "単位：%" in svg
    assert [t for t in re.findall(r">(\d+%|—)</text>", svg)] == ["60%", "—", "—", "75%"]
    assert [y for y in re.findall(r">(\d{4})年</text>", svg)] == ["2023", "2024", "2025", "2026"]
    assert svg.count("<rect") == 2  # no bar for a year without figures


def test_seven_charts_one_unit_each_and_demo_data_named_in_the_text_alternative() -> None:
    charts = trend_charts(yearly(FACTS), scope="全国", demo=True)
    assert [c.measure.unit for c in charts] == ["%", "回", "社", "人", "件", "件", "社"]
    for c in charts:
        label = re.search(r'aria-label="([^"]+)"', str(c.svg)).group(1)  # type: ignore[union-attr]
        assert "架空のデモデータ" in label and "2026年" in label
    assert "出典" in re.search(r'aria-label="([^"]+)"', str(charts[0].svg)).group(1)  # type: ignore[union-attr]
    meetings = next(c for c in charts if c.measure.key == "meetings")
    assert meetings.summary == "2023年 1回、2024年 0回、2025年 0回、2026年 3回"


def test_bin_label_for_a_single_count() -> None:
    assert Bin(2, 2, SHADES[2]).label == "2回" and Bin(2, 3, SHADES[2]).label == "2〜3回"


def test_outcome_chart_never_mixes_units_on_one_axis() -> None:
    svg = str(outcome_chart(figures(Totals(3, 78, 333, 417, 124, 54))))
    charts = re.findall(r"<svg.*?</svg>", svg, re.S)
    assert len(charts) == 2
    for chart, unit in zip(charts, ("社", "件"), strict=True):
        assert f"単位：{unit}" in chart
        values = re.findall(r">(\d+)(社|件|人|回)</text>", chart)
        assert values and {u for _, u in values} == {unit}, chart
    assert "参加企業78社" in charts[0] and "二次面談124件" in charts[1]


def test_the_map_reads_japanmap_outlines_without_importing_opencv() -> None:
    """japanmap requires opencv-python, but only its image functions import cv2; building the map must not
    (cv2 costs time and memory on every build)."""
    import subprocess
    import sys

    code = "import sys; from generator.plan.japan_map import geometry; geometry(); print('cv2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_swatch_classes_match_the_map_shades() -> None:
    """Swatches are coloured by class (the CSP allows no inline style): the stylesheet must follow SHADES."""
    import re

    from generator.plan.japan_map import SHADES

    from .conftest import REPO

    css = (REPO / "themes" / "assets" / "koryukai.css").read_text(encoding="utf-8")
    found = dict(re.findall(r"\.kk-swatch--(\d+) \{ background: (#[0-9a-f]{6}); \}", css))
    assert {int(k): v for k, v in found.items()} == dict(enumerate(SHADES))
