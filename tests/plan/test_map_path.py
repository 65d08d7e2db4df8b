"""The map's path data is written with relative steps (half the bytes); it must draw the same points."""

from __future__ import annotations

import re

from generator.plan.japan_map import _path


def _absolute(d: str) -> list[tuple[float, float]]:
    """Read back "M x,y l dx dy dx dy …" into absolute points (the SVG grammar this path uses)."""
    head, _, rest = d.rstrip("Z").partition("l")
    x, y = (float(v) for v in head[1:].split(","))
    points = [(x, y)]
    numbers = [float(v) for v in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", rest)]
    for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
        x, y = round(x + dx, 1), round(y + dy, 1)
        points.append((x, y))
    return points


def test_relative_path_draws_the_same_points() -> None:
    ring = [(298.0, 386.0), (308.0, 382.0), (313.0, 379.0), (313.0, 379.0), (315.5, 377.0), (300.0, 390.0), (298.0, 386.0)]
    d = _path(ring, True)
    assert d.endswith("Z") and "L" not in d
    assert _absolute(d) == [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
    assert len(d) < len("M" + "L".join(f"{x:g},{y:g}" for x, y in ring))


def test_open_segment_and_single_point() -> None:
    assert _path([(1.0, 2.0)], False) == "M1,2"
    assert _absolute(_path([(0.0, 0.0), (-3.0, 4.5), (10.0, 10.0)], False)) == [(0.0, 0.0), (-3.0, 4.5), (10.0, 10.0)]
