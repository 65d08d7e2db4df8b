"""Small inline SVG charts for the outcome figures (no JavaScript, no library).

Each chart carries a text alternative; the same figures are always shown in a
table beside it, so the chart is an aid, never the only source.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from .views import Figures

BAR_COLOUR = "#1f4e8c"
TEXT_COLOUR = "#1a1a1a"


def bar_chart(rows: Sequence[tuple[str, float, str]], *, title: str, max_value: float | None = None,
              colour: str = BAR_COLOUR, unit: str | None = None) -> Markup:
    """Horizontal bars: (label, value, value text) per row, all in one unit (written above the bars)."""
    if not rows:
        return Markup("")
    # The label column fits the longest name (ひかり坂中小企業支援センター), so no name loses its start.
    label_w = max(128, max(_text_width(label, 18) for label, _, _ in rows) + 18)
    bar_w, row_h, gap = 160, 32, 8
    width = label_w + bar_w + 82
    top_pad = 26 if unit else 0
    height = len(rows) * (row_h + gap) + gap + top_pad
    top = max_value if max_value is not None else max((v for _, v, _ in rows), default=0) or 1
    parts = [
        f'<svg class="kk-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    if unit:
        parts.append(f'<text x="{label_w}" y="18" font-size="16" fill="#4a4a4a">単位：{escape(unit)}</text>')
    for i, (label, value, text) in enumerate(rows):
        y = top_pad + gap + i * (row_h + gap)
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


def _text_width(text: str, size: int) -> int:
    """Width of a line of text in SVG units: a full-width character takes the font size, others about half."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 6 // 10 for ch in text)


def outcome_chart(figures: Figures) -> Markup:
    """From participating companies to matches, for one portal's totals: two charts, one unit each
    (companies in 社, interviews in 件), so one axis never mixes units. Each names its own figures."""
    companies = [
        ("参加企業", figures.companies, f"{figures.companies}社"),
        ("マッチング", figures.matches, f"{figures.matches}社"),
    ]
    interviews = [
        ("当日の面談", figures.interviews, f"{figures.interviews}件"),
        ("二次面談", figures.second_interviews, f"{figures.second_interviews}件"),
    ]
    return (bar_chart(companies, title=f"参加企業とマッチングした企業: 参加企業{figures.companies}社、"
                                       f"マッチング{figures.matches}社", unit="社")
            + bar_chart(interviews, title=f"面談の数: 当日の面談{figures.interviews}件、"
                                          f"二次面談{figures.second_interviews}件", unit="件"))


def rate_chart(rows: Sequence[tuple[str, Figures]], title: str) -> Markup:
    """Matching rate per region or institution (only those with participating companies)."""
    data = [(label, f.matches / f.companies * 100, f.rate_text) for label, f in rows if f.companies]
    return bar_chart(data, title=title, max_value=100, unit="%")
