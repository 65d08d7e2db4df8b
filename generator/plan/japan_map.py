"""A static SVG map of Japan's 47 prefectures, shaded by meetings held and upcoming.

Geometry comes from the `japanmap` package (prefecture outlines, Apache-2.0), read once and
projected at build time: no tiles, no script, nothing fetched by the browser. The map is an
aid: every shaded prefecture's numbers are printed in text beside it and in a table, and the
regions drawn with a thick outline are links to their portals with a spoken name (the template
makes the links, as for every other view).

Okinawa is moved into an inset in the Sea of Japan (upper left), as Japanese statistical maps do,
so the picture stays close to square and readable on a 390 px phone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from markupsafe import Markup

from ..stats import PrefectureCount

WIDTH = 600.0
# cos(36°): longitude degrees are shorter than latitude degrees at Japan's middle latitude.
X_SCALE = 0.81
OKINAWA = 47
OKINAWA_SHIFT = (3.2, 14.9)  # degrees (lon, lat) that put Okinawa's main island off the San'in coast
GRID = 1.0  # SVG units (about 1 px): points snap to whole numbers, which halves the markup and is invisible

# ColorBrewer "Blues" (sequential, safe for the common colour-vision deficiencies); index 0 = none.
SHADES = ("#f1f1f1", "#bdd7e7", "#6baed6", "#2f7dbf", "#08457e")
INK = ("#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff", "#ffffff")  # legible text on each shade


@dataclass(frozen=True)
class Bin:
    low: int
    high: int
    colour: str

    @property
    def label(self) -> str:
        if self.low == self.high:
            return f"{self.low}回"
        return f"{self.low}〜{self.high}回"


@dataclass(frozen=True)
class RegionLink:
    id: str
    name: str
    url: str  # combined-tree URL of the region's portal


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float
    rings: dict[int, list[tuple[float, float]]]  # prefecture code -> outline ring
    segments: dict[int, list[tuple[int, list[tuple[float, float]]]]]  # code -> (neighbour code or 0 for sea, polyline)
    anchors: dict[int, tuple[float, float]]  # code -> a point inside for the marker
    inset: tuple[float, float, float, float]  # Okinawa's frame: x, y, w, h


def bins_for(max_total: int) -> tuple[Bin, ...]:
    """Up to four classes from 1 to the largest count; small counts get one class per number."""
    if max_total <= 0:
        return ()
    if max_total <= 4:
        return tuple(Bin(n, n, SHADES[n]) for n in range(1, max_total + 1))
    edges = [math.ceil(max_total * i / 4) for i in range(1, 5)]
    out, low = [], 1
    for i, high in enumerate(edges, start=1):
        out.append(Bin(low, high, SHADES[i]))
        low = high + 1
    return tuple(out)


def shade(total: int, bins: Sequence[Bin]) -> int:
    """Index into SHADES for a count (0 for none)."""
    for b in bins:
        if b.low <= total <= b.high:
            return SHADES.index(b.colour)
    return 0


@lru_cache(maxsize=1)
def geometry() -> Geometry:
    import japanmap  # only here: the package pulls numpy, needed for the national pages alone

    qp, qo = japanmap.get_data()
    points = [(float(p[0][0]), float(p[0][1])) for p in qp]
    okinawa_points = {i for _, ls in qo[OKINAWA - 1] for i in ls}

    def lonlat(i: int) -> tuple[float, float]:
        lon, lat = points[i]
        if i in okinawa_points:
            lon, lat = lon + OKINAWA_SHIFT[0], lat + OKINAWA_SHIFT[1]
        return lon * X_SCALE, -lat

    projected = [lonlat(i) for i in range(len(points))]
    xs = [p[0] for p in projected]
    ys = [p[1] for p in projected]
    pad = 0.25
    min_x, min_y = min(xs) - pad, min(ys) - pad
    scale = WIDTH / (max(xs) - min_x + pad)
    height = round((max(ys) - min_y + pad) * scale, 1)

    def xy(i: int) -> tuple[float, float]:
        x, y = projected[i]
        # Snap to a grid so neighbouring prefectures share exactly the same simplified border.
        return round((x - min_x) * scale / GRID) * GRID, round((y - min_y) * scale / GRID) * GRID

    def line(indices: Sequence[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            p = xy(i)
            if not out or out[-1] != p:
                out.append(p)
        return out

    rings: dict[int, list[tuple[float, float]]] = {}
    segments: dict[int, list[tuple[int, list[tuple[float, float]]]]] = {}
    anchors: dict[int, tuple[float, float]] = {}
    for k, parts in enumerate(qo, start=1):
        ring = line([i for _, ls in parts for i in ls])
        rings[k] = ring
        segments[k] = [(int(adj), line(ls)) for adj, ls in parts]
        anchors[k] = _inside_point(ring)
    ox = [xy(i)[0] for i in okinawa_points]
    oy = [xy(i)[1] for i in okinawa_points]
    m = 14.0
    inset = (min(ox) - m, min(oy) - m, max(ox) - min(ox) + 2 * m, max(oy) - min(oy) + 2 * m)
    return Geometry(WIDTH, height, rings, segments, anchors, inset)


def _inside_point(ring: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The area centroid, or for a concave outline where it falls outside, the middle of the widest
    horizontal run through the centroid's row."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return ring[0]
    cx, cy = cx / (3 * a), cy / (3 * a)
    xs = sorted(
        x0 + (cy - y0) * (x1 - x0) / (y1 - y0)
        for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True)
        if (y0 <= cy < y1) or (y1 <= cy < y0)
    )
    runs = [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]
    if any(lo <= cx <= hi for lo, hi in runs) or not runs:
        return cx, cy
    lo, hi = max(runs, key=lambda r: r[1] - r[0])
    return (lo + hi) / 2, cy


def _path(points: Sequence[tuple[float, float]], closed: bool) -> str:
    """Path data with relative steps after the first point ("M298,386l10-4 5-3"): the same shape as absolute
    "L308,382L313,379" in about half the bytes, which keeps the national outcomes page under its size budget."""
    if not points:
        return ""
    x0, y0 = points[0]
    d = [f"M{_n(x0)},{_n(y0)}l"]
    for x, y in points[1:]:
        dx, dy = round(x - x0, 1), round(y - y0, 1)
        x0, y0 = x, y
        if dx == 0 and dy == 0:
            continue  # a repeated point draws nothing
        for v in (dx, dy):
            s = _n(v)
            # A number needs a separator only when it does not start with its own sign.
            d.append(s if s.startswith("-") or d[-1].endswith("l") else " " + s)
    out = "".join(d)
    out = out[:-1] if out.endswith("l") else out
    return out + ("Z" if closed else "")


def _n(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class MapSvg:
    """The map in three parts, so the template wraps each region in a link it makes itself.

    Links in views are combined-tree URLs that the renderer's `link` turns
    into relative ones (or None when the portal is not built), so the plan
    cannot write an href into finished SVG markup.
    """

    start: Markup  # <svg>, its title, the Okinawa frame and the prefectures outside every region
    regions: tuple[tuple[RegionLink, str, Markup], ...]  # (region, spoken link name, its fills and outline)
    end: Markup  # the upcoming-meeting marks and </svg>


def japan_map_svg(counts: Sequence[PrefectureCount], regions: Sequence[RegionLink], *, title: str,
                  bins: Sequence[Bin], id_prefix: str = "kk-map") -> MapSvg:
    """The map as inline SVG parts. `counts` holds all 47 prefectures; `regions` are outlined (and linked by
    the template)."""
    g = geometry()
    by_region: dict[str, list[PrefectureCount]] = {}
    loose: list[PrefectureCount] = []
    linked = {r.id for r in regions}
    for c in counts:
        if c.region in linked:
            by_region.setdefault(c.region, []).append(c)  # type: ignore[arg-type]
        else:
            loose.append(c)

    def fill(c: PrefectureCount) -> str:
        return (f'<path class="kk-map__pref" data-prefecture="{c.name}" d="{_path(g.rings[c.code], True)}" '
                f'fill="{SHADES[shade(c.total, bins)]}"/>')

    x, y, w, h = g.inset
    start = [
        f'<svg class="kk-map" viewBox="0 0 {_n(g.width)} {_n(g.height)}" role="group" '
        f'aria-labelledby="{id_prefix}-t" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{id_prefix}-t">{escape(title)}</title>',
        f'<g aria-hidden="true"><rect class="kk-map__inset" x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="4"/>'
        f'<text class="kk-map__inset-label" x="{_n(x + w / 2)}" y="{_n(y - 6)}" text-anchor="middle">沖縄県</text>',
        *(fill(c) for c in loose),
        "</g>",
    ]
    parts = []
    for r in regions:
        members = by_region.get(r.id, [])
        codes = {c.code for c in members}
        held = sum(c.held for c in members)
        upcoming = sum(c.upcoming for c in members)
        outline = "".join(
            _path(seg, False) for c in members for adj, seg in g.segments[c.code] if adj not in codes
        )
        body = "".join(fill(c) for c in members) + f'<path class="kk-map__region" d="{outline}"/>'
        parts.append((r, f"{r.name}のポータル（開催済み{held}回・予定{upcoming}回）", Markup(body)))
    marks = []
    for c in counts:
        if c.upcoming:
            mx, my = g.anchors[c.code]
            marks.append(f'<circle class="kk-map__mark" cx="{_n(mx)}" cy="{_n(my)}" r="7"/>'
                         f'<circle class="kk-map__mark-dot" cx="{_n(mx)}" cy="{_n(my)}" r="2.6"/>')
    end = f'<g aria-hidden="true">{"".join(marks)}</g></svg>'
    return MapSvg(Markup("".join(start)), tuple(parts), Markup(end))
