"""Every figure the national pages quote from SKS traces to the seminar material.

The material itself lives outside the repository (../shared/reference/, beside a CI checkout);
each figure below carries the words of the source it comes from. When the material is there,
those words must be in it; the pages may quote no other percentage or 万-count.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from .conftest import REPO

REFERENCE = REPO.parent / "shared" / "reference" / "sks-seminar-2024-11-28.txt"

# figure as printed on our pages -> words of the source (after NFKC, without spaces)
FIGURES = {
    "10％以下": "マッチング率≒10%以下",
    "60％以上": "⇒60%〜「驚異的」(都内信用金庫理事",
    "73.3": "これまで3回。平均73.3%",
    "約360万社": "360万社約4000万人",
    "約4,000万人": "360万社約4000万人",
    "10人ほど": "平均規模≒10人",
    "40万〜60万人": "毎年40万人〜60万人/年=OB/OGに",
    "3,000万人": "360万中小企業/3000万人OB/OG=500の金融機関",
    "500の金融機関": "=500の金融機関",
    "2009年": "2009年地域金融機関と連携「新現役交流会」実施",
    "2010年": "2010年「",
    "3回": "「100%マッチング」、これまで3回",
}
AIMS = ["東京⼀極集中是正", "「中⼩企業⽀援」", "頭脳の海外流出防⽌"]

PAGES = [REPO / "content" / "about.md", REPO / "themes" / "templates" / "home.html"]


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_each_figure_is_on_the_about_page() -> None:
    about = (REPO / "content" / "about.md").read_text(encoding="utf-8")
    assert [f for f in FIGURES if f not in about] == []
    assert "出典：一般社団法人 新現役交流会サポート（SKS）「関東経済産業局 支援力向上セミナー資料」2024年11月28日" in about


def test_pages_quote_no_other_figures() -> None:
    allowed = {_norm(f) for f in FIGURES} | {"100%", "60%"}
    for page in PAGES:
        text = _norm(page.read_text(encoding="utf-8"))
        numbers = set(re.findall(r"\d[\d,.]*(?:%|万(?:社|人)?)", text))
        unexplained = {n for n in numbers if not any(n in a or a in n for a in allowed)}
        assert unexplained == set(), (page.name, unexplained)


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the seminar material sits beside the repository only in CI and sessions")
def test_each_figure_is_in_the_seminar_material() -> None:
    source = _norm(REFERENCE.read_text(encoding="utf-8"))
    assert [words for words in FIGURES.values() if _norm(words) not in source] == []
    assert [aim for aim in AIMS if _norm(aim) not in source] == []
