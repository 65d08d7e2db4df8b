"""Confidentiality v2 (issue 12): names with no fixed shape and labelled numbers, class by class.

Each case names the span the detector must report and its kind; every one of
them was missed before the language layer and the labelled-number rules.
The traps below them must stay silent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.privacy import language
from generator.privacy.kinds import Kind
from generator.privacy.numbers import my_number_valid
from generator.privacy.scan import scan_text

from .conftest import CHALLENGE, VETERAN, replace
from .test_validate_messages import lines


def found(text: str) -> list[tuple[Kind, str]]:
    return [(h.kind, h.span) for h in scan_text(text)]


@pytest.mark.parametrize(("text", "kind", "span"), [
    # trade names without a legal form
    ("加藤製作所は金属プレスの会社です。", Kind.COMPANY, "加藤製作所"),
    ("佐藤工務店と田中電機から受注。", Kind.COMPANY, "佐藤工務店"),
    ("父が始めたヤマセ製作所を継ぐ。", Kind.COMPANY, "ヤマセ製作所"),
    ("二代目が継いだ山田屋の看板。", Kind.COMPANY, "山田屋"),
    ("松風堂の和菓子は人気です。", Kind.COMPANY, "松風堂"),
    ("かもめ荘という民宿を営む。", Kind.COMPANY, "かもめ荘"),
    ("横浜ベーカリーを経営している。", Kind.COMPANY, "横浜ベーカリー"),
    ("温泉街で旅館みやびを営む。", Kind.COMPANY, "旅館みやび"),
    ("屋号は「まるや」です。", Kind.COMPANY, "まるや"),
    ("自社ブランド「潮騒」を展開。", Kind.COMPANY, "潮騒"),
    ("銘柄『白鷺川』の酒。", Kind.COMPANY, "白鷺川"),
    ("ＫＡＴＯ　ＦＯＯＤＳの名で輸出。", Kind.COMPANY, "ＫＡＴＯ　ＦＯＯＤＳ"),
    ("振込名義はｶ)ﾔﾏﾀﾞｾｲｻｸｼﾖです。", Kind.COMPANY, "ｶ)ﾔﾏﾀﾞｾｲｻｸｼﾖ"),
    ("税理士法人みなと会計に依頼。", Kind.COMPANY, "税理士法人みなと会計"),
    ("弁護士法人さくら総合法律事務所が顧問。", Kind.COMPANY, "弁護士法人さくら総合法律事務所"),
    # named customers
    ("市立みなと病院に部品を納品している。", Kind.COMPANY, "みなと病院"),
    ("県立横浜高校へ制服を納めている。", Kind.COMPANY, "横浜高校"),
    ("丸越百貨店との取引が売上の半分。", Kind.COMPANY, "丸越百貨店"),
    ("主要取引先は丸紅と三越です。", Kind.COMPANY, "三越"),
    # full names without an honorific, foreign, Chinese and romanised names
    ("代表の山田太郎が見ている。", Kind.PERSON, "代表の山田太郎"),
    ("私、鈴木一郎は四十年勤めた。", Kind.PERSON, "鈴木一郎"),
    ("父・田中次郎と二人で始めた。", Kind.PERSON, "田中次郎"),
    ("ジョン・スミスさんが技術指導。", Kind.PERSON, "ジョン・スミス"),
    ("経理はマリアさんが担当。", Kind.PERSON, "マリアさん"),
    ("海外営業は Kenji Tanaka が担当。", Kind.PERSON, "Kenji Tanaka"),
    ("技能実習生の陳建国が溶接を担当。", Kind.PERSON, "陳建国"),
    ("通訳は王偉さん。", Kind.PERSON, "王偉さん"),
    ("新卒の健太くんが入社した。", Kind.PERSON, "健太くん"),
    ("娘の美咲さんが継ぐ予定。", Kind.PERSON, "美咲さん"),
    ("品質は鷲尾(わしお)が見ている。", Kind.PERSON, "鷲尾(わしお)"),
    # labelled numbers
    ("振込先は普通 1234567 です。", Kind.BANK_ACCOUNT, "普通 1234567"),
    ("口座番号：１２３４５６７", Kind.BANK_ACCOUNT, "口座番号：１２３４５６７"),
    ("店番123で", Kind.BANK_ACCOUNT, "店番123"),
    ("ゆうちょ 記号10180 番号12345671", Kind.BANK_ACCOUNT, "記号10180 番号12345671"),
    ("郵便振替 00120-3-45678 で受付", Kind.BANK_ACCOUNT, "郵便振替 00120-3-45678"),
    ("マイナンバーは1234 5678 9012です", Kind.MY_NUMBER, "マイナンバーは1234 5678 9012"),
    ("番号 123456789018 を届け出た", Kind.MY_NUMBER, "123456789018"),
    ("配達車は品川 300 さ 12-34 です", Kind.VEHICLE_PLATE, "品川 300 さ 12-34"),
    ("社用車（横浜500あ・・12）", Kind.VEHICLE_PLATE, "横浜500あ・・12"),
    ("ナンバーは８８－８８", Kind.VEHICLE_PLATE, "ナンバーは８８－８８"),
    ("社長は1956年3月14日生まれ。", Kind.BIRTH_DATE, "1956年3月14日生まれ"),
    ("先代は昭和32年5月17日生、", Kind.BIRTH_DATE, "昭和32年5月17日生"),
    ("代表（S30.5.17生）", Kind.BIRTH_DATE, "S30.5.17生"),
    ("生年月日：１９５６／３／１４", Kind.BIRTH_DATE, "生年月日：１９５６／３／１４"),
    ("会社法人等番号は0100-01-123456です", Kind.CORPORATE_NUMBER, "0100-01-123456"),
    ("（法人番号：5-9180-03-459790）", Kind.CORPORATE_NUMBER, "5-9180-03-459790"),
    ("携帯は〇九〇‐一二三四‐五六七八です", Kind.PHONE, "〇九〇‐一二三四‐五六七八"),
    ("問い合わせは yamada_at_example_dot_jp へ", Kind.EMAIL, "yamada_at_example_dot_jp"),
    ("インスタは kato_foods で検索", Kind.HANDLE, "kato_foods"),
    ("Instagramで「katobakery」と検索", Kind.HANDLE, "katobakery"),
    # second round (general classes behind the misses of holdout3.yml)
    ("普通口座 三〇五一二八七 です", Kind.BANK_ACCOUNT, "普通口座 三〇五一二八七"),
    ("先代は昭和二十三年十一月三日生まれ", Kind.BIRTH_DATE, "昭和二十三年十一月三日生まれ"),
    ("問い合わせ先 suzuki-a[@]example.jp", Kind.EMAIL, "suzuki-a[@]example.jp"),
    ("よしだ　あっと　ｅｘａｍｐｌｅ　どっと　ｊｐ　へ", Kind.EMAIL, "よしだ　あっと　ｅｘａｍｐｌｅ　どっと　ｊｐ"),
    ("YouTubeチャンネル『みかん山のヨシダ』で発信", Kind.HANDLE, "みかん山のヨシダ"),
    ("TikTokでは tofu_no_kuni という名前で", Kind.HANDLE, "tofu_no_kuni"),
    ("京都市中京区三条通烏丸西入御倉町75の町家", Kind.ADDRESS, "京都市中京区三条通烏丸西入御倉町75"),
    ("当社（山岸製作所）は", Kind.COMPANY, "山岸製作所"),
    ("うちの会社、北星電機では", Kind.COMPANY, "北星電機"),
    ("旅館「湯の花荘」を営む", Kind.COMPANY, "湯の花荘"),
    ("駄菓子問屋のかねまつ商店を継いだ", Kind.COMPANY, "かねまつ商店"),
    ("喫茶店カフェ・ド・ミモザを営む", Kind.COMPANY, "カフェ・ド・ミモザ"),
    ("ＳＵＺＵＫＩ　ＴＥＸＴＩＬＥのタグ", Kind.COMPANY, "ＳＵＺＵＫＩ　ＴＥＸＴＩＬＥ"),
    ("東和大学医学部附属病院の検査科に試薬を納めている", Kind.COMPANY, "東和大学医学部附属病院"),
    ("さくら市民病院のリネンを請け負っている", Kind.COMPANY, "さくら市民病院"),
    ("社員の王小明が務める", Kind.PERSON, "王小明"),
    ("韓国出身の金ミンジュさんが入社", Kind.PERSON, "金ミンジュ"),
    ("Ｍａｒｉａ　Ｓａｎｔｏｓ（フィリピン出身）が", Kind.PERSON, "Ｍａｒｉａ　Ｓａｎｔｏｓ"),
    ("営業は娘婿の岡本が担当", Kind.PERSON, "岡本"),
    ("私、佐藤は４０年", Kind.PERSON, "佐藤"),
    ("上司の長谷川博士とともに", Kind.PERSON, "長谷川博士"),
    ("鈴木が担当しています。", Kind.PERSON, "鈴木"),
    ("工場は二つ。高橋は営業を見ている。", Kind.PERSON, "高橋"),
    ("相談者は木下と申します。", Kind.PERSON, "木下"),
    ("担当者：ヤマモト", Kind.PERSON, "ヤマモト"),
    ("口座名義はスズキ ハナコです", Kind.PERSON, "スズキ ハナコ"),
    ("創業者の孫にあたる小野寺が継ぐ", Kind.PERSON, "小野寺"),
    ("屋号：やまいち", Kind.COMPANY, "やまいち"),
    ("店名はまるやです。", Kind.COMPANY, "まるや"),
])
def test_new_classes_are_found(text: str, kind: Kind, span: str) -> None:
    assert (kind, span) in found(text)


@pytest.mark.parametrize("text", [
    # the two false positives of issue 12
    "独自ドメイン（．ｊｐや．ｃｏ．ｊｐ）の取得",
    "１丁目から３丁目にかけての商店街",
    # trades, places and kinds of customer, not names
    "ラーメン屋や和菓子屋、金物屋が並ぶ通り", "町工場として電機メーカーへ納品", "地元の病院や高校に食材を納めている",
    "県内のホテル数軒と取引がある", "工業団地の一角", "食堂と売店を併設", "ホテル業界での営業経験", "旅館の女将として",
    "大手の総合病院向けに消耗品を納品", "農業協同組合との取引", "Amazonや楽天で販売", "ガラス工業向けの研磨材",
    "プロモーション企画の助言", "Webデザインの勉強会", "「地域ブランド化」の補助金", "商品名やパッケージを一新",
    # numbers that only look labelled
    "普通は３日で届く", "普通1回の訪問", "口座振替の手数料", "マイナンバー制度への対応", "2026年12月10日（木）",
    "昭和37年4月1日の創業", "社長は昭和30年代生まれ", "品番ABC-1234", "従業員数は１２名",
    # words that only look like names
    "顧客層を広げたい", "酒米は山田錦を使う", "お客様や職人さん", "皆さんのお知恵", "王道の商品構成", "建国記念の日",
    "Project Manager として", "こがね原銀",
    "部品番号　０３－４５１２－７７８８　のような番号体系", "Green Farm", "Park Avenue", "Web Design の講座",
    "地域交通の維持", "温泉旅館の再生", "千葉は関東の県です", "石川は北陸の県",
    "店名はひらがなで書く", "屋号はまだない。", "商品名はカタカナです。", "オンラインストアの運営", "ピーター・ドラッカーの本", "稲盛和夫さんのアメーバ経営",
])
def test_traps_stay_silent(text: str) -> None:
    assert found(text) == []


def test_my_number_check_digit() -> None:
    assert my_number_valid("123456789018")
    assert not my_number_valid("123456789012")
    assert not my_number_valid("12345678901")


def test_language_layer_is_loaded_once_and_not_for_ascii() -> None:
    assert language.analyse("ASCII only 123-4567") == ()
    scan_text("代表の山田太郎が担当")
    scan_text("父・田中次郎と")
    assert language._tokenizer.cache_info().currsize == 1
    assert language._tokenizer.cache_info().misses == 1  # built once per process


def test_long_text_is_analysed_in_pieces() -> None:
    text = "金属加工の会社です。" * 3000 + "代表の山田太郎が担当。"
    assert (Kind.PERSON, "代表の山田太郎") in found(text)


# --- the exact messages a contributor reads for the new kinds ---------------------------------

MESSAGES = [
    pytest.param(CHALLENGE, "新しい分野を探しています。", "新しい分野を探しています。振込先は普通 1234567 です。",
                 f"{CHALLENGE}:7:65: error P511 「課題の内容（description）」: 口座番号「普通 1234567」は載せられません。削除してください（振込先は公開しません）"
                 " ('description': bank account number '普通 1234567' must not be published; delete it (bank details are never published))",
                 id="bank"),
    pytest.param(CHALLENGE, "新しい分野を探しています。", "新しい分野を探しています。マイナンバーは1234 5678 9018。",
                 f"{CHALLENGE}:7:61: error P512 「課題の内容（description）」: マイナンバー（個人番号）「マイナンバーは1234 5678 9018」は載せられません。"
                 "すぐに削除してください（法律で利用が制限された番号です）"
                 " ('description': My Number (individual number) 'マイナンバーは1234 5678 9018' must not be published; delete it at once (its use is restricted by law))",
                 id="my-number"),
    pytest.param(CHALLENGE, "新しい分野を探しています。", "新しい分野を探しています。社用車は品川 300 さ 12-34 です。",
                 f"{CHALLENGE}:7:65: error P513 「課題の内容（description）」: 車のナンバー「品川 300 さ 12-34」は載せられません。削除してください"
                 " ('description': vehicle licence plate '品川 300 さ 12-34' must not be published; delete it)",
                 id="plate"),
    pytest.param(VETERAN, "担当しました。", "担当しました。1956年3月14日生まれです。",
                 f"{VETERAN}:5:46: error P514 「経歴（career）」: 生年月日「1956年3月14日生まれ」は載せられません。「60代」「昭和30年代生まれ」のように幅で書いてください"
                 " ('career': date of birth '1956年3月14日生まれ' must not be published; give an age range instead (e.g. 'in his sixties'))",
                 id="birth-date"),
    pytest.param(CHALLENGE, "金属の精密加工", "ヤマセ製作所は金属の精密加工",
                 f"{CHALLENGE}:7:14: error P507 「課題の内容（description）」: 会社・法人の名前「ヤマセ製作所」は載せられません。「金属加工の会社」のように業種で書いてください"
                 " ('description': company name 'ヤマセ製作所' must not be published; describe the company by its trade instead)",
                 id="trade-name"),
    pytest.param(VETERAN, "担当しました。", "担当しました。私、鈴木一郎は四十年勤めました。",
                 f"{VETERAN}:5:48: error P508 「経歴（career）」: 人名「鈴木一郎」は載せられません。「社長」「担当者」のように役職だけで書いてください"
                 " ('career': personal name '鈴木一郎' must not be published; write the role only, without the name)",
                 id="full-name"),
]


@pytest.mark.parametrize(("rel", "old", "new", "expected"), MESSAGES)
def test_message(valid_root: Path, rel: str, old: str, new: str, expected: str) -> None:
    replace(valid_root, rel, old, new)
    assert lines(valid_root) == [expected]
