"""The built national pages: the map's numbers match the YAML, and every shaded prefecture has its numbers in text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from generator.plan.japan_map import SHADES

from .conftest import REPO, TODAY


def _expected_from_yaml() -> tuple[Counter[str], Counter[str]]:
    """Held and upcoming meetings per prefecture, read straight from regions/ (not through the generator)."""
    held: Counter[str] = Counter()
    upcoming: Counter[str] = Counter()
    for path in sorted(REPO.glob("regions/*/institutions/*/meetings/*.yml")):
        m = yaml.safe_load(path.read_text(encoding="utf-8"))
        if m.get("status", "scheduled") != "scheduled":
            continue
        inst = yaml.safe_load((path.parent.parent / "institution.yml").read_text(encoding="utf-8"))
        prefecture = (m.get("venue") or {}).get("prefecture") or inst["prefecture"]
        (held if m["date"] < TODAY else upcoming)[prefecture] += 1  # safe_load reads 2026-12-10 as a date
    return held, upcoming


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_map_numbers_match_the_data_and_every_shaded_prefecture_is_in_text(demo_site: Path) -> None:
    held, upcoming = _expected_from_yaml()
    assert sum(held.values()) > 5 and sum(upcoming.values()) > 5  # the demo has something to show
    for url in ("", "outcomes/", "summary/"):
        html = _page(demo_site, url)
        svg = re.search(r'<svg class="kk-map".*?</svg>', html, re.S).group(0)  # type: ignore[union-attr]
        fills = dict(re.findall(r'data-prefecture="([^"]+)" d="[^"]+" fill="(#[0-9a-f]{6})"', svg))
        assert len(fills) == 47, url
        shaded = {p for p, colour in fills.items() if colour != SHADES[0]}
        assert shaded == set(held) | set(upcoming), url
        text = html.replace(svg, "")  # the numbers must be readable without the picture
        for prefecture in shaded:
            if url == "summary/":
                assert re.search(rf'data-prefecture="{prefecture}">{prefecture} {held[prefecture]}・{upcoming[prefecture]}<', text), prefecture
            else:
                assert re.search(
                    rf'data-prefecture="{prefecture}" data-held="{held[prefecture]}" data-upcoming="{upcoming[prefecture]}">'
                    rf'.*?{prefecture}</span> <span class="kk-nowrap">開催済み{held[prefecture]}回・予定{upcoming[prefecture]}回',
                    text), (url, prefecture)
        assert svg.count('class="kk-map__mark"') == len(upcoming), url


def test_table_alternative_lists_all_47_prefectures_with_their_numbers(demo_site: Path) -> None:
    held, upcoming = _expected_from_yaml()
    html = _page(demo_site, "")
    table = re.search(r'<table class="kk-table kk-preftable">.*?</table>', html, re.S).group(0)  # type: ignore[union-attr]
    rows = re.findall(r'<tr><th scope="row">(.+?)</th><td>(.+?)</td><td>(\d+)回</td><td>(\d+)回</td></tr>', table)
    assert len(rows) == 47
    for name, _region, h, u in rows:
        assert (int(h), int(u)) == (held[name], upcoming[name]), name


def test_region_outlines_link_to_their_portals(demo_site: Path) -> None:
    html = _page(demo_site, "")
    links = re.findall(r'<a class="kk-map__link" href="([^"]+)" aria-label="([^"]+)"', html)
    assert [href for href, _ in links] == ["kanto/", "kinki/", "tohoku/"]
    for href, _ in links:
        assert (demo_site / href / "index.html").is_file()
    outcomes = _page(demo_site, "outcomes/")
    assert re.findall(r'<a class="kk-map__link" href="([^"]+)"', outcomes) == ["../kanto/", "../kinki/", "../tohoku/"]


def test_demo_figures_are_labelled_and_sks_figures_named_with_their_source(demo_site: Path) -> None:
    for url in ("", "outcomes/", "summary/", "kanto/outcomes/"):
        html = _page(demo_site, url)
        assert "架空のデモデータ" in html, url
    outcomes = _page(demo_site, "outcomes/")
    trends = re.search(r'<section class="kk-section kk-trends".*?</section>', outcomes, re.S).group(0)  # type: ignore[union-attr]
    assert "棒グラフと表は架空のデモデータ" in trends
    assert "出典：新現役交流会サポート（SKS）「関東経済産業局 支援力向上セミナー資料」（2024年11月28日）" in trends
    assert trends.count('<svg class="kk-trend"') == 7
    summary = _page(demo_site, "summary/")
    assert "これは SKS が報告している実際の数字です" in summary and "73.3%" in summary
    assert "すべて架空のデモデータです（SKS の数字を除く）" in summary
    region = _page(demo_site, "kanto/outcomes/")
    assert "年ごとの推移（関東）" in region and 'class="kk-map"' not in region


def test_trend_table_matches_the_yaml_per_year(demo_site: Path) -> None:
    per_year: Counter[int] = Counter()
    companies: Counter[int] = Counter()
    for path in sorted(REPO.glob("regions/*/institutions/*/meetings/*.yml")):
        m = yaml.safe_load(path.read_text(encoding="utf-8"))
        if m.get("status", "scheduled") == "scheduled" and m["date"] < TODAY:
            per_year[m["date"].year] += 1
            companies[m["date"].year] += (m.get("outcome") or {}).get("companies", 0)
    html = _page(demo_site, "outcomes/")
    table = re.search(r'<caption>年ごとの実績（全国）.*?</table>', html, re.S).group(0)  # type: ignore[union-attr]
    rows = re.findall(r'<th scope="row">(\d{4})年</th><td class="kk-rate">[^<]*</td><td>(\d+)回</td><td>(\d+)社</td>', table)
    assert {int(y): (int(n), int(c)) for y, n, c in rows} == {y: (per_year[y], companies[y]) for y in per_year}
