"""守秘義務チェック（first line): the exact message a contributor reads for each kind, on its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate import load_dataset

from .conftest import CHALLENGE, INST, MEETING, REPO, VETERAN, replace
from .test_validate_messages import lines

INSTITUTION = f"{INST}/institution.yml"
REGION = "regions/kanto/region.yml"

CASES = [
    pytest.param(CHALLENGE, '新しい分野を探しています。', '新しい分野を探しています。連絡は０３－１２３４－５６７８まで。',
                 f"{CHALLENGE}:7:64: error P501 「課題の内容（description）」: 電話・FAX番号「０３－１２３４－５６７８」は載せられません。削除してください（連絡は機関の窓口か申込フォームで受けます）"
                 " ('description': phone or fax number '０３－１２３４－５６７８' must not be published; delete it (contact goes through the institution or a form))", id='phone-fullwidth'),
    pytest.param(CHALLENGE, 'description: 金属の精密加工を40年続けてきた町工場です。自動車部品の受注が減り、新しい分野を探しています。', 'description: |\n  金属の精密加工を40年続けてきた町工場です。\n  FAX 045(000)1234 で図面を受け取っています。',
                 f"{CHALLENGE}:9:7: error P501 「課題の内容（description）」: 電話・FAX番号「045(000)1234」は載せられません。削除してください（連絡は機関の窓口か申込フォームで受けます）"
                 " ('description': phone or fax number '045(000)1234' must not be published; delete it (contact goes through the institution or a form))", id='fax-in-block-scalar'),
    pytest.param(VETERAN, '担当しました。', '担当しました。ご連絡は taro.yamada@example.com へ。',
                 f"{VETERAN}:5:51: error P502 「経歴（career）」: メールアドレス「taro.yamada@example.com」は載せられません。削除してください（連絡は機関の窓口か申込フォームで受けます）"
                 " ('career': e-mail address 'taro.yamada@example.com' must not be published; delete it (contact goes through the institution or a form))", id='email'),
    pytest.param(CHALLENGE, 'support_wanted: 医療機器業界の取引慣行に詳しい方の助言', 'support_wanted: 医療機器業界の取引慣行に詳しい方の助言（当社サイト www.yamada-seiki.co.jp 参照）',
                 f"{CHALLENGE}:8:43: error P503 「求める支援（support_wanted）」: URL・ドメイン名「www.yamada-seiki.co.jp」は載せられません。会社のサイトがわかると会社が特定されます。削除してください"
                 " ('support_wanted': URL or domain name 'www.yamada-seiki.co.jp' must not be published; a company's site identifies it; delete it)", id='url'),
    pytest.param(CHALLENGE, '町工場です。', '町工場です。〒２２０－０００１に工場があります。',
                 f"{CHALLENGE}:7:36: error P504 「課題の内容（description）」: 郵便番号「〒２２０－０００１」は載せられません。削除してください（所在地は都道府県・市区町村まで）"
                 " ('description': postal code '〒２２０－０００１' must not be published; delete it (give the location down to the city at most))", id='postal'),
    pytest.param(MEETING, '  地域の中小企業5社が、それぞれの課題を発表します。', '  地域の中小企業5社が、それぞれの課題を発表します。\n  1社は川崎市高津区久末9丁目8番7号の工場です。',
                 f"{MEETING}:20:6: error P505 「案内文（description）」: 住所「川崎市高津区久末9丁目8番7号」は載せられません。番地を消し、所在地は「横浜市内」「県北部」くらいまでにしてください"
                 " ('description': street address '川崎市高津区久末9丁目8番7号' must not be published; drop the street and number; say no more than 'in Yokohama' or 'northern part of the prefecture')", id='address-in-block'),
    pytest.param(CHALLENGE, 'title: 精密部品の技術を生かして医療機器分野に参入したい', 'title: 精密部品の技術を生かして医療機器分野に参入したい（法人番号1010001000000）',
                 f"{CHALLENGE}:2:37: error P506 「課題の見出し（title）」: 法人番号「1010001000000」は載せられません。削除してください"
                 " ('title': corporate number '1010001000000' must not be published; delete it)", id='corporate-number'),
    pytest.param(CHALLENGE, '金属の精密加工', '株式会社山田製作所は金属の精密加工',
                 f"{CHALLENGE}:7:14: error P507 「課題の内容（description）」: 会社・法人の名前「株式会社山田製作所」は載せられません。「金属加工の会社」のように業種で書いてください"
                 " ('description': company name '株式会社山田製作所' must not be published; describe the company by its trade instead)", id='company'),
    pytest.param(VETERAN, 'headline: 元 電機メーカー 海外営業部長', 'headline: 元 電機メーカー 海外営業部長 山田太郎',
                 f"{VETERAN}:1:24: error P508 「肩書き（headline）」: 人名「部長 山田太郎」は載せられません。「社長」「担当者」のように役職だけで書いてください"
                 " ('headline': personal name '部長 山田太郎' must not be published; write the role only, without the name)", id='person-role-first'),
    pytest.param(VETERAN, 'availability: 月2回程度・オンライン可', 'availability: 月2回程度・Instagram @yamada_advisor でも受付',
                 f"{VETERAN}:6:31: error P509 「活動できる頻度（availability）」: SNS のアカウント名「@yamada_advisor」は載せられません。削除してください"
                 " ('availability': social-media handle '@yamada_advisor' must not be published; delete it)", id='handle'),
    pytest.param(MEETING, 'companies_planned: 5', 'companies_planned: 5\nonline: Zoom（担当：佐藤まで）',
                 f"{MEETING}:18:14: error P508 「オンライン参加の方法（online）」: 人名「担当：佐藤」は載せられません。「社長」「担当者」のように役職だけで書いてください"
                 " ('online': personal name '担当：佐藤' must not be published; write the role only, without the name)", id='person-in-meeting-online'),
    pytest.param(REGION, 'demo: true', 'demo: true\ndescription: 事務局長の鈴木さんが窓口です。',
                 f"{REGION}:6:19: error P508 「紹介文（description）」: 人名「鈴木さん」は載せられません。「社長」「担当者」のように役職だけで書いてください"
                 " ('description': personal name '鈴木さん' must not be published; write the role only, without the name)", id='person-in-region-description'),
    pytest.param(INSTITUTION, 'kind: shinkin', 'kind: shinkin\nabout: 窓口 090-1234-5678（担当直通）',
                 f"{INSTITUTION}:3:11: error P501 「紹介文（about）」: 電話・FAX番号「090-1234-5678」は載せられません。削除してください（連絡は機関の窓口か申込フォームで受けます）"
                 " ('about': phone or fax number '090-1234-5678' must not be published; delete it (contact goes through the institution or a form))", id='phone-in-institution-about'),
]


@pytest.mark.parametrize(("rel", "old", "new", "expected"), CASES)
def test_message(valid_root: Path, rel: str, old: str, new: str, expected: str) -> None:
    replace(valid_root, rel, old, new)
    assert lines(valid_root) == [expected]


def test_every_finding_in_a_text_is_reported_and_validation_fails(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。代表の鈴木が担当、電話は0312345678、info@example.co.jp。")
    dataset, found = load_dataset(valid_root)
    assert dataset is None
    assert [(d.line, d.code) for d in found] == [(7, "P508"), (7, "P501"), (7, "P502")]


def test_unpublished_records_are_scanned_too(valid_root: Path) -> None:
    # The repository is public: text without consent still must not identify anyone.
    replace(valid_root, CHALLENGE, "consent_date: 2026-11-01\n", "")
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。佐藤様が窓口です。")
    codes = [line.split(" ")[2] for line in lines(valid_root)]
    assert codes == ["X320", "P508"]


def test_public_details_and_institution_names_are_not_findings(valid_root: Path) -> None:
    # The institution's own phone and site, and its name with a legal-form-like word, are public.
    replace(valid_root, INSTITUTION, "name: みなと台信用金庫", "name: 株式会社みなと台ファイナンス")
    replace(valid_root, MEETING, "  地域の中小企業5社が、それぞれの課題を発表します。",
            "  地域の中小企業5社が、それぞれの課題を発表します。株式会社みなと台ファイナンスとの共催です。\n"
            "  お問い合わせは 045-000-0000 か https://www.example.jp/koryukai/ へ。"
            "申込は https://forms.gle/demo からも受け付けます。")
    replace(valid_root, "regions/kanto/region.yml", "demo: true",
            "demo: true\ndescription: 関東経済産業局と株式会社みなと台ファイナンスが運営しています。")
    assert lines(valid_root) == []


def test_venue_named_in_the_description_is_public(valid_root: Path) -> None:
    replace(valid_root, MEETING, "  city: 横浜市中区", "  city: 横浜市中区\n  address: 本町1-2-3")
    replace(valid_root, MEETING, "  地域の中小企業5社が、それぞれの課題を発表します。",
            "  地域の中小企業5社が、それぞれの課題を発表します。会場は横浜市中区本町1-2-3です。")
    assert lines(valid_root) == []


def test_demo_data_has_no_privacy_errors() -> None:
    _, found = load_dataset(REPO)
    assert [d.text() for d in found if d.code.startswith("P") and d.severity == "error"] == []


def test_file_with_a_schema_error_is_still_scanned(valid_root) -> None:
    """One run shows the schema error and the phone number together."""
    from generator.validate import load_dataset

    replace(valid_root, CHALLENGE, "employees: 21-50", "employees: 30")
    replace(valid_root, CHALLENGE, "新しい分野を探しています。", "新しい分野を探しています。03-1234-5678 まで。")
    _, found = load_dataset(valid_root)
    codes = {(d.path, d.code) for d in found}
    assert (CHALLENGE, "S109") in codes and (CHALLENGE, "P501") in codes


def test_venue_named_by_its_first_word_is_public(valid_root: Path) -> None:
    # A hotel venue is public; the description names it without the floor and the room.
    replace(valid_root, MEETING, "  name: みなと台信用金庫 本店ホール", "  name: ホテル潮風 2階 鳳凰の間")
    replace(valid_root, MEETING, "  地域の中小企業5社が、それぞれの課題を発表します。",
            "  地域の中小企業5社が、それぞれの課題を発表します。会場はホテル潮風です。")
    assert lines(valid_root) == []
    replace(valid_root, MEETING, "会場はホテル潮風です。", "会場はホテル潮風です。懇親会はホテル浜風で。")
    assert [line.split(" ")[2] for line in lines(valid_root)] == ["P507"]  # another hotel is not the venue
