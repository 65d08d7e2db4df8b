"""P521: a distinctive detail in a challenge that few others share prefecture, industry and size with is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.privacy.uniqueness import MIN_K, distinctive
from generator.validate import load_dataset

from .conftest import CHALLENGE, replace
from .test_privacy_allow import entry, write_allow
from .test_privacy_rules import crowd
from .test_validate_messages import lines

ORIGINAL = "description: 金属の精密加工を40年続けてきた町工場です。"


def test_founding_year_in_a_small_cell_fails_with_the_facts_named(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, ORIGINAL, "description: 創業1921年、町内で唯一残る鋳物の工場です。")
    dataset, found = load_dataset(valid_root)
    assert dataset is None  # validation fails
    assert [d.text() for d in found] == [
        f"{CHALLENGE}:7:14: error P521 「課題の内容（description）」: 公開する課題のうち「神奈川県・製造業・従業員21〜50名」の会社は"
        f"この課題を含めて1件だけです（{MIN_K}件未満）。これに創業年（1921年）と「町内で唯一」という珍しさが組み合わさると会社が特定されます。"
        "ぼかして書いてください（例: 「創業100年を超える」「県内でも数少ない」「受賞歴がある」）。"
        "会社が特定されることに同意している場合は、regions/privacy-allow.yml に SKS の確認を受けた例外を追加します"
        '（phrase: "創業1921年"、"町内で唯一"）'
        " ('description': only 1 published challenge(s) are in 神奈川県 × 製造業 × 21-50 employees (fewer than 5); "
        "combined with founding year (1921年) and the claim '町内で唯一' this identifies the company; make the detail vaguer, "
        'or add a reviewed exception to regions/privacy-allow.yml if the company agrees to be recognisable (phrase: "創業1921年"、"町内で唯一"))'
    ]


def test_national_treasure_is_located_where_it_was_written(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, "新しい分野を探しています。", "新しい分野を探しています。\n  国宝の修復にも携わりました。")
    replace(valid_root, CHALLENGE, "description: 金属", "description: |\n  金属")
    found = [line for line in lines(valid_root) if " P521 " in line]
    assert len(found) == 1 and found[0].startswith(f"{CHALLENGE}:9:3: error P521 ")
    assert "「国宝」に関わったこと" in found[0]


def test_a_crowded_cell_keeps_the_warning_only(valid_root: Path) -> None:
    crowd(valid_root, MIN_K - 1)
    replace(valid_root, CHALLENGE, ORIGINAL, "description: 創業1921年、町内で唯一残る鋳物の工場です。")
    assert [line.split(" ")[1:3] for line in lines(valid_root)] == [["warning", "P520"]]


def test_unpublished_challenges_do_not_make_a_crowd(valid_root: Path) -> None:
    crowd(valid_root, MIN_K - 1)
    for n in range(MIN_K - 1):
        replace(valid_root, CHALLENGE.replace("precision-parts", f"other-{n}"), "consent_date: 2026-11-01\n", "")
    replace(valid_root, CHALLENGE, ORIGINAL, "description: 創業1921年の鋳物工場です。")
    codes = [line.split(" ")[2] for line in lines(valid_root)]
    assert "P521" in codes


def test_other_prefectures_do_not_make_a_crowd(valid_root: Path) -> None:
    crowd(valid_root, MIN_K - 1)
    for n in range(MIN_K - 1):
        replace(valid_root, CHALLENGE.replace("precision-parts", f"other-{n}"), "prefecture: 神奈川県", "prefecture: 東京都")
    replace(valid_root, CHALLENGE, ORIGINAL, "description: 創業1921年の鋳物工場です。")
    assert "P521" in [line.split(" ")[2] for line in lines(valid_root)]


def test_reviewed_exception_lets_it_through(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, ORIGINAL, "description: 元プロ野球選手の社長が継いだ工場です。")
    assert [line.split(" ")[2] for line in lines(valid_root)] == ["P521"]
    write_allow(valid_root, entry(CHALLENGE, "元プロ野球選手", reason="社長本人が公表しており、会社も同意している"))
    assert lines(valid_root) == []


def test_plain_text_in_a_small_cell_passes(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, ORIGINAL, "description: 創業60年ほどの、県内でも数少ない鋳物の工場です。")
    assert lines(valid_root) == []


def _kinds(text: str) -> list[str]:
    return [d.kind for d in distinctive({"description": text}, "21-50")]


@pytest.mark.parametrize(("text", "expected"), [
    ("創業1921年の蔵元", ["founding"]),
    ("昭和37年創業", ["founding"]),
    ("県内で一軒だけ残る和傘の工房", ["unique"]),
    ("市内で最も古い酒蔵", ["unique"]),
    ("最後の一軒になった", ["unique"]),
    ("国宝の修復を手がけた", ["heritage"]),
    ("農林水産大臣賞を受賞した", ["award"]),
    ("品評会で金賞", ["award"]),
    ("大阪・関西万博に出展した", ["event"]),
    ("「みなと祭」の山車を作る", ["event"]),
    ("元プロ野球選手の社長", ["famous"]),
    ("オリンピック選手だった二代目", ["event", "famous"]),
    ("人間国宝の工房", ["heritage", "famous"]),
    # not distinctive
    ("創業60年ほど", []),
    ("県内でも数少ない", []),
    ("地域の祭りに協賛", []),
    ("賞与の見直し", []),
    ("テレビの修理", []),
])
def test_distinctive_details(text: str, expected: list[str]) -> None:
    assert sorted(_kinds(text)) == sorted(expected)


def test_every_distinctive_detail_needs_its_own_exception(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, ORIGINAL, "description: 創業1921年、町内で唯一残る鋳物の工場です。")
    write_allow(valid_root, entry(CHALLENGE, "創業1921年", reason="会社が公表しており同意済み"))
    assert [line.split(" ")[2] for line in lines(valid_root)] == ["P521"]  # 町内で唯一 still combines
    write_allow(valid_root, entry(CHALLENGE, "創業1921年", reason="会社が公表しており同意済み")
                + entry(CHALLENGE, "町内で唯一", reason="会社が公表しており同意済み"))
    assert lines(valid_root) == []
