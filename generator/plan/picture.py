"""The national picture as view values: the map of Japan and the per-year trends.

Figures come from the core (generator.stats), computed once per build; the map and
charts are SVG built here like the outcome charts (charts.py). Links are combined-tree
URLs like in every other view: the template's `link` makes them relative, so one
picture serves every page of a portal.
"""

from __future__ import annotations

from datetime import date

from ..dataset import Dataset
from ..stats import MeetingFact, PrefectureCount, YearRow, national_facts, prefecture_counts, yearly
from .japan_map import SHADES, Bin, RegionLink, bins_for, japan_map_svg, shade
from .totals import Totals, figures
from .trends import SKS_REFERENCES, SKS_SOURCE, trend_charts
from .urls import SUMMARY_URL, portal_url
from .views import (
    LegendEntry,
    MapShape,
    MapView,
    Picture,
    PrefectureRow,
    RegionOnMap,
    RegionTrend,
    ShadedPrefecture,
    TrendChart,
    TrendRow,
    TrendView,
)


def trend_row(row: YearRow) -> TrendRow:
    return TrendRow(row.year, figures(Totals(row.meetings, row.companies, row.veterans, row.interviews,
                                              row.second_interviews, row.matches)))


class PictureBuilder:
    """Computes the figures once per build; `for_portal` makes the view for the national or a region portal."""

    def __init__(self, ds: Dataset, today: date):
        self.ds = ds
        self.facts: tuple[MeetingFact, ...]
        self.facts, owner = national_facts(ds, today)
        self.counts = prefecture_counts(self.facts, owner)
        self.bins: tuple[Bin, ...] = bins_for(max((c.total for c in self.counts), default=0))
        self._made: dict[str, Picture] = {}

    def for_portal(self, portal_id: str, demo: bool) -> Picture:
        """The national portal ("") gets the map and every region's series; a region its own trends."""
        picture = self._made.get(portal_id)
        if picture is None:
            picture = self._made[portal_id] = self._build(portal_id, demo)
        return picture

    def _build(self, portal_id: str, demo: bool) -> Picture:
        region = portal_id or None
        scope = "全国" if region is None else self.ds.regions[region].model.name
        rows = yearly(self.facts, region)
        regions = () if region else tuple(
            RegionTrend(portal_url(rid), r.model.name, tuple(trend_row(y) for y in series), len(series))
            for rid, r in sorted(self.ds.regions.items()) if (series := yearly(self.facts, rid))
        )
        charts = [TrendChart(c.measure.title, c.svg) for c in trend_charts(rows, scope=scope, demo=demo)]
        mean, old = SKS_REFERENCES
        trends = TrendView(scope, tuple(trend_row(r) for r in rows), charts[0], tuple(charts[1:]), regions,
                           mean.label, old.label, SKS_SOURCE)
        held = [f for f in self.facts if f.held and (region is None or f.region == region)]
        reported = [f for f in held if f.companies is not None]
        totals = Totals(len(held), sum(f.companies or 0 for f in reported), sum(f.veterans for f in reported),
                        sum(f.interviews for f in reported), sum(f.second_interviews for f in reported),
                        sum(f.matches for f in reported))
        return Picture(demo=demo, map=self._map(demo) if region is None else None, trends=trends,
                       figures=figures(totals))

    def _map(self, demo: bool) -> MapView:
        names = {rid: r.model.name for rid, r in self.ds.regions.items()}
        links = [RegionLink(rid, names[rid], portal_url(rid)) for rid in sorted(names)]
        held = sum(c.held for c in self.counts)
        upcoming = sum(c.upcoming for c in self.counts)
        with_meetings = [c for c in self.counts if c.total]
        title = (f"交流会を開いた・開く予定の都道府県の地図{'（架空のデモデータ）' if demo else ''}: "
                 f"{len(with_meetings)}都道府県で開催済み{held}回・予定{upcoming}回。"
                 "色が濃いほど回数が多く、◎は予定のある都道府県。太線で囲んだ地域を選ぶと地域のポータルへ移ります")

        def shaded(c: PrefectureCount) -> ShadedPrefecture:
            index = shade(c.total, self.bins)
            return ShadedPrefecture(c.name, c.held, c.upcoming, SHADES[index], index)

        regions = tuple(
            RegionOnMap(r.url, r.name,
                        sum(c.held for c in self.counts if c.region == r.id),
                        sum(c.upcoming for c in self.counts if c.region == r.id),
                        tuple(shaded(c) for c in with_meetings if c.region == r.id))
            for r in links
        )
        others = tuple(shaded(c) for c in with_meetings if c.region is None)
        svg = japan_map_svg(self.counts, links, title=title, bins=self.bins)
        return MapView(
            svg_start=svg.start, shapes=tuple(MapShape(r.url, label, body) for r, label, body in svg.regions),
            svg_end=svg.end,
            legend=(LegendEntry("0回", SHADES[0], 0), *(LegendEntry(b.label, b.colour, SHADES.index(b.colour)) for b in self.bins)),
            regions=regions, others=others, listed=(*(p for r in regions for p in r.prefectures), *others),
            table=tuple(PrefectureRow(c.name, names[c.region] if c.region else "—", c.held, c.upcoming)
                        for c in self.counts),
            held=held, upcoming=upcoming, prefectures_with_meetings=len(with_meetings), summary_url=SUMMARY_URL,
        )
