"""Per-year trends as small SVG bar charts, one measure and one unit per chart.

One style for every chart: the unit is written on the value axis, years on the other axis,
each bar carries its value in text, reference figures are dashed or dotted lines *with* a text
label (never colour alone), and every chart sits beside a table holding the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..stats import YearRow

BAR = "#1f4e8c"
INK = "#1a1a1a"
MUTED = "#4a4a4a"
GRID = "#d5d9e0"

# The seminar's figures, drawn as reference lines on the matching-rate chart.
SKS_SOURCE = "新現役交流会サポート（SKS）「関東経済産業局 支援力向上セミナー資料」（2024年11月28日）"


@dataclass(frozen=True)
class RefLine:
    value: float
    label: str
    dash: str  # SVG stroke-dasharray: the line's style tells the lines apart without colour
    short: tuple[str, str]  # two short lines printed beside the chart, right of the bars


SKS_REFERENCES = (
    RefLine(73.3, "SKS平均 73.3%", "8 4", ("SKS平均", "73.3%")),
    RefLine(10.0, "従来の一対一型 ≒10%以下", "2 3", ("一対一型", "≒10%以下")),
)


@dataclass(frozen=True)
class Measure:
    key: str  # attribute of YearRow, or "rate"
    title: str  # 交流会の開催数
    unit: str  # 回
    axis: str  # the axis caption: （回）


MEASURES = (
    Measure("rate", "マッチング率", "%", "単位：%"),
    Measure("meetings", "交流会の開催数", "回", "単位：回"),
    Measure("companies", "参加企業数", "社", "単位：社"),
    Measure("veterans", "参加した新現役", "人", "単位：人"),
    Measure("interviews", "当日の面談", "件", "単位：件"),
    Measure("second_interviews", "二次面談", "件", "単位：件"),
    Measure("matches", "マッチングした企業", "社", "単位：社"),
)


def value_of(row: YearRow, key: str) -> float | None:
    if key == "rate":
        return None if row.rate is None else row.rate * 100
    return float(getattr(row, key))


def value_text(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{round(value)}%"  # as the tables print it (formatting.percent)
    return f"{int(value)}{unit}"


def nice_ticks(top: float, *, count: int = 4) -> list[float]:
    """0 and a few round steps (1, 2 or 5 × 10ⁿ) that reach at least `top`."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0)
    n = math.ceil(top / step - 1e-9)
    return [i * step for i in range(n + 1)]


def year_chart(rows: Sequence[YearRow], measure: Measure, *, title: str,
               references: Sequence[RefLine] = ()) -> Markup:
    """Vertical bars per year for one measure, with optional reference lines."""
    if not rows:
        return Markup("")
    values = [value_of(r, measure.key) for r in rows]
    top = max([v for v in values if v is not None] + [ref.value for ref in references] + [0.0])
    if measure.unit == "%":
        ticks = [0.0, 25.0, 50.0, 75.0, 100.0]
    else:
        ticks = nice_ticks(top)
    w, h = 320, 220
    # Reference labels sit in a margin of their own, so they never cross a bar or its value.
    left, right, top_pad, bottom = 44, (76 if references else 10), 30, 30
    plot_w, plot_h = w - left - right, h - top_pad - bottom
    vmax = ticks[-1]

    def y(v: float) -> float:
        return top_pad + plot_h * (1 - v / vmax)

    parts = [
        f'<svg class="kk-trend" viewBox="0 0 {w} {h}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        f'<text x="4" y="16" font-size="13" fill="{MUTED}">{escape(measure.axis)}</text>',
    ]
    for t in ticks:
        parts.append(
            f'<line x1="{left}" x2="{w - right}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y(t) + 4.5:.1f}" font-size="13" text-anchor="end" fill="{MUTED}">{_tick(t)}</text>'
        )
    slot = plot_w / len(rows)
    bar_w = min(44.0, slot * 0.62)
    label_every = max(1, math.ceil(len(rows) / 6))  # at most six year labels fit at phone width
    for i, (row, v) in enumerate(zip(rows, values, strict=True)):
        cx = left + slot * (i + 0.5)
        if v is not None and v > 0:
            parts.append(f'<rect x="{cx - bar_w / 2:.1f}" y="{y(v):.1f}" width="{bar_w:.1f}" '
                         f'height="{y(0) - y(v):.1f}" fill="{BAR}"/>')
        ty = y(v or 0) - 6
        parts.append(f'<text x="{cx:.1f}" y="{ty:.1f}" font-size="13" font-weight="bold" text-anchor="middle" '
                     f'fill="{INK}">{escape(value_text(v, measure.unit))}</text>')
        if i % label_every == 0 or i == len(rows) - 1:
            parts.append(f'<text x="{cx:.1f}" y="{h - 10}" font-size="13" text-anchor="middle" fill="{INK}">{row.year}年</text>')
    parts.append(f'<line x1="{left}" x2="{w - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{INK}" stroke-width="1.5"/>')
    for ref in references:
        ry = y(ref.value)
        lx = w - right + 6
        parts.append(
            f'<line x1="{left}" x2="{w - right + 2}" y1="{ry:.1f}" y2="{ry:.1f}" stroke="{INK}" stroke-width="2" '
            f'stroke-dasharray="{ref.dash}"/>'
            f'<text x="{lx}" y="{ry - 2:.1f}" font-size="13" fill="{INK}">{escape(ref.short[0])}</text>'
            f'<text x="{lx}" y="{ry + 13:.1f}" font-size="13" font-weight="bold" fill="{INK}">{escape(ref.short[1])}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _tick(v: float) -> str:
    return f"{v:g}"


@dataclass(frozen=True)
class TrendChart:
    measure: Measure
    svg: Markup
    summary: str  # the figures in one sentence (the chart's text alternative, also printed)


def trend_charts(rows: Sequence[YearRow], *, scope: str, demo: bool) -> tuple[TrendChart, ...]:
    """The seven charts (rate first, then six counts) for one scope (全国 or a region name)."""
    note = "（架空のデモデータ）" if demo else ""
    charts = []
    for m in MEASURES:
        series = "、".join(f"{r.year}年 {value_text(value_of(r, m.key), m.unit)}" for r in rows)
        title = f"{scope}の{m.title}（年ごと）{note}: {series}"
        refs = SKS_REFERENCES if m.key == "rate" else ()
        if refs:
            title += "。参考線: " + "、".join(r.label for r in refs) + f"（出典: {SKS_SOURCE}）"
        charts.append(TrendChart(m, year_chart(rows, m, title=title, references=refs), series))
    return tuple(charts)
