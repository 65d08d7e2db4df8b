"""Form-URL prefill (P510), re-identification (P520), and the building blocks behind the checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.privacy.kinds import Kind
from generator.privacy.normalise import normalise
from generator.privacy.prefill import prefilled
from generator.privacy.reident import combination, reasons
from generator.privacy.scan import scan_text
from generator.validate import load_dataset

from .conftest import CHALLENGE, MEETING, VETERAN, replace
from .test_validate_messages import lines

# --- P510: prefilled form links ----------------------------------------------------------


def test_google_forms_prefill_in_signup_url(valid_root: Path) -> None:
    replace(valid_root, MEETING, "url: https://docs.google.com/forms/d/e/demo/viewform",
            "url: https://docs.google.com/forms/d/e/demo/viewform?usp=pp_url&entry.1234567=%E5%B1%B1%E7%94%B0")
    assert lines(valid_root) == [
        f"{MEETING}:14:8: error P510 「申込フォーム URL（signup.url）」: フォームの URL に入力済みの個人情報（entry.1234567=山田）が含まれています。"
        "事前入力のない URL をフォームの「リンクを送信」からコピーし直してください"
        " ('signup.url': the form URL carries prefilled personal data (entry.1234567=山田); copy a plain link without prefilled answers)"
    ]


def test_email_in_contact_form_query(valid_root: Path) -> None:
    replace(valid_root, VETERAN, "consent_date: 2026-10-01",
            "consent_date: 2026-10-01\ncontact_form: https://forms.gle/demo?email=taro%40example.jp")
    assert [line for line in lines(valid_root) if "X340" not in line] == [
        f"{VETERAN}:9:15: error P510 「連絡フォーム（contact_form）」: フォームの URL に入力済みの個人情報（email=taro@example.jp）が含まれています。"
        "事前入力のない URL をフォームの「リンクを送信」からコピーし直してください"
        " ('contact_form': the form URL carries prefilled personal data (email=taro@example.jp); copy a plain link without prefilled answers)"
    ]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://docs.google.com/forms/d/e/x/viewform?usp=sf_link", []),
    ("https://docs.google.com/forms/d/e/x/viewform?usp=pp_url&entry.1=", []),  # an empty prefill field is harmless
    ("https://docs.google.com/forms/d/e/x/viewform?entry.99=%E9%88%B4%E6%9C%A8&entry.98=1", ["entry.99=鈴木", "entry.98=1"]),
    ("https://forms.office.com/r/abc?r0a1b2c3d4e5=Taro", ["r0a1b2c3d4e5=Taro"]),
    ("https://forms.gle/x?name=Taro&tel=09012345678", ["name=Taro", "tel=09012345678"]),
    ("https://forms.gle/x?ref=090-1234-5678", ["ref=090-1234-5678"]),  # the value itself is a number
    ("https://forms.gle/x#mail=a@example.jp", ["mail=a@example.jp"]),
])
def test_prefilled(url: str, expected: list[str]) -> None:
    assert prefilled(url) == expected


def test_prefilled_form_link_in_text(valid_root: Path) -> None:
    replace(valid_root, MEETING, "  地域の中小企業5社が、それぞれの課題を発表します。",
            "  申込: https://docs.google.com/forms/d/e/x/viewform?entry.5=taro@example.jp")
    assert [line.split(" ")[:3] for line in lines(valid_root)] == [[f"{MEETING}:19:7:", "error", "P510"]]


# --- P520: re-identification --------------------------------------------------------------


def crowd(root: Path, others: int) -> None:
    """Add `others` published challenges in the same prefecture, industry and size band (k = others + 1)."""
    source = (root / CHALLENGE).read_text(encoding="utf-8")
    for n in range(others):
        (root / CHALLENGE).with_name(f"other-{n}.yml").write_text(
            source.replace("description: 金属の精密加工を40年続けてきた町工場です。", f"description: 樹脂成形の会社その{n}です。"),
            encoding="utf-8")


def test_founding_year_and_town_warn_but_do_not_fail(valid_root: Path) -> None:
    crowd(valid_root, 4)  # k = 5: the cell alone does not narrow the company down
    replace(valid_root, CHALLENGE, "description: 金属の精密加工を40年続けてきた町工場です。",
            "description: 創業1962年、桜川町で金属の精密加工を続けてきた町工場です。")
    dataset, found = load_dataset(valid_root)
    assert dataset is not None
    assert [d.text() for d in found] == [
        f"{CHALLENGE}:7:14: warning P520 「課題の内容（description）」: 創業年（1962年）と町名（桜川町）の組み合わせで会社が特定されるおそれがあります。"
        "どれかをぼかして書いてください（例: 「創業60年ほど」「県西部」「大手自動車メーカー」）"
        " ('description': the combination of founding year (1962年) and small area (桜川町) may identify the company; make one of them vaguer)"
    ]


def test_unique_claim_warns_alone(valid_root: Path) -> None:
    crowd(valid_root, 4)
    replace(valid_root, CHALLENGE, "新しい分野を探しています。", "新しい分野を探しています。国内唯一の技術です。")
    assert lines(valid_root) == [
        f"{CHALLENGE}:7:61: warning P520 「課題の内容（description）」: 「国内唯一」という表現で会社が特定されるおそれがあります。"
        "「国内でも珍しい」のようにぼかして書いてください"
        " ('description': unique claim '国内唯一' may identify the company; say it less precisely)"
    ]


def test_rare_trade_counts_only_with_a_small_headcount(valid_root: Path) -> None:
    crowd(valid_root, 4)
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。昭和37年創業の酒蔵です。")
    assert lines(valid_root) == []  # 21-50 employees: the trade alone is not narrow
    for n in range(4):
        replace(valid_root, CHALLENGE.replace("precision-parts", f"other-{n}"), "employees: 21-50", "employees: 6-20")
    replace(valid_root, CHALLENGE, "employees: 21-50", "employees: 6-20")
    assert [line.split("」: ")[1].split("。")[0] for line in lines(valid_root)] == [
        "創業年（昭和37年）と業種（酒蔵）と従業員規模（6〜20名）の組み合わせで会社が特定されるおそれがあります"
    ]


def _kinds(text: str, band: str = "21-50") -> list[str]:
    return [r.kind for r in reasons({"description": text}, band)]


@pytest.mark.parametrize(("text", "expected"), [
    ("創業1962年の会社", ["founding"]),
    ("昭和37年創業", ["founding"]),
    ("創業から63年", ["founding"]),
    ("創業60年ほど", []),
    ("創業50年以上の老舗", []),
    ("創業約60年", []),
    ("1970年代創業", []),
    ("創業１００年を超える酒蔵", []),
    ("大手のマツバ自動車に納入", ["customer"]),
    ("「みなと電機」向けの部品", ["customer"]),
    ("ホシノ社向けの部品", ["customer"]),
    ("取引先A社向けの部品、大手自動車メーカー1社", []),
    ("国内の大手機械メーカーとの取引", []),
    ("桜川町の工場", ["area"]),
    ("港町の小さな会社。町工場です。市町村の補助金", []),
    ("県内で唯一の製造元", ["unique"]),
    ("日本で1社だけ", ["unique"]),
    ("国内トップシェア", ["unique"]),
])
def test_reasons(text: str, expected: list[str]) -> None:
    assert _kinds(text) == expected


def test_one_narrow_attribute_is_not_a_combination() -> None:
    assert combination(reasons({"d": "創業1962年の会社"}, "21-50")) is None
    found = combination(reasons({"d": "創業1962年、桜川町の会社。桜川地区"}, "21-50"))
    assert found is not None and [r.kind for r in found] == ["founding", "area"]


# --- normalisation and detectors ----------------------------------------------------------


def test_normalised_spans_map_back_to_what_was_typed() -> None:
    text = "㍿みどり工業（℡０４５ー０００ー２２３３）"
    n = normalise(text)
    assert n.text == "株式会社みどり工業(TEL045-000-2233)"
    hits = scan_text(text)
    assert [(h.kind, h.span, h.norm) for h in hits] == [
        (Kind.COMPANY, "㍿みどり工業", "株式会社みどり工業"),
        (Kind.PHONE, "０４５ー０００ー２２３３", "045-000-2233"),
    ]
    assert all(text[h.start:h.end] == h.span for h in hits)


def test_dashes_become_hyphens_only_between_digits() -> None:
    assert normalise("カーテン０３ー１２").text == "カーテン03-12"
    assert normalise("ｶﾞｽ").text == "ガス"


@pytest.mark.parametrize("text", [
    "株式上場を目指す", "株式の承継", "有限の人材", "電話対応の効率化", "社長は二代目", "会長（創業者）", "ISO9001",
    "年商5億円", "2026年度", "従業員約30名", "職人さん", "お客様", "様々", "多様化", "株式会社化を検討",
    "品番ABC-123", "2026-12-10", "13:30〜16:30", "3-5年", "社長の右腕", "代表者の高齢化",
    # fill-in examples in guides
    "株式会社○○の○○社長", "○○町1丁目2番3号", "03-××××-××××", "〒×××-××××",
])
def test_issue_traps_are_not_findings(text: str) -> None:
    assert scan_text(text) == []


def test_detector_survives_odd_input() -> None:
    """Odd fragments give no finding; any finding would have to point inside the text."""
    for text in ["", "@", "〒", "株式会社", "(株)", "様", "-" * 40, "a" * 3000 + "@", "\u3099" * 5]:
        assert scan_text(text) == [], text
    text = "0" * 40 + " 連絡先 03-1234-5678"
    hits = scan_text(text)
    assert [(h.span, text[h.start:h.end]) for h in hits] == [("03-1234-5678", "03-1234-5678")]
