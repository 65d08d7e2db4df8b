"""Small inline SVG charts for the outcome figures (no JavaScript, no library).

Each chart carries a text alternative; the same figures are always shown in a
table beside it, so the chart is an aid, never the only source.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from .views import Figures

BAR_COLOUR = "#1f4e8c"
TEXT_COLOUR = "#1a1a1a"


def bar_chart(rows: Sequence[tuple[str, float, str]], *, title: str, max_value: float | None = None,
              colour: str = BAR_COLOUR) -> Markup:
    """Horizontal bars: (label, value, value text) per row."""
    if not rows:
        return Markup("")
    label_w, bar_w, row_h, gap = 128, 160, 32, 8
    width = label_w + bar_w + 82
    height = len(rows) * (row_h + gap) + gap
    top = max_value if max_value is not None else max((v for _, v, _ in rows), default=0) or 1
    parts = [
        f'<svg class="kk-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value, text) in enumerate(rows):
        y = gap + i * (row_h + gap)
        length = 0 if top <= 0 else max(2.0, bar_w * value / top) if value > 0 else 0
        parts.append(
            f'<text x="{label_w - 10}" y="{y + row_h * 0.68:.1f}" text-anchor="end" font-size="18" '
            f'fill="{TEXT_COLOUR}">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{row_h}" rx="4" fill="{colour}"/>'
            f'<text x="{label_w + length + 8:.1f}" y="{y + row_h * 0.68:.1f}" font-size="18" font-weight="bold" '
            f'fill="{TEXT_COLOUR}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def outcome_chart(figures: Figures, title: str) -> Markup:
    """From participating companies to matches, for one portal's totals."""
    rows = [
        ("参加企業", figures.companies, f"{figures.companies}社"),
        ("当日の面談", figures.interviews, f"{figures.interviews}件"),
        ("二次面談", figures.second_interviews, f"{figures.second_interviews}件"),
        ("マッチング", figures.matches, f"{figures.matches}社"),
    ]
    return bar_chart(rows, title=title)


def rate_chart(rows: Sequence[tuple[str, Figures]], title: str) -> Markup:
    """Matching rate per region or institution (only those with participating companies)."""
    data = [(label, f.matches / f.companies * 100, f.rate_text) for label, f in rows if f.companies]
    return bar_chart(data, title=title, max_value=100)
