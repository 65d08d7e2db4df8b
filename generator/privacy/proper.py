"""Names with no fixed shape, found with the language layer (language.py) and rules around it.

Trade names without a legal form (company, P507):

* a proper noun, an unknown word, or a kana word that is no trade (ヤマセ, かもめ,
  かねまつ) right before a trade suffix: 佐藤工務店, ヤマセ製作所, 山田屋, かもめ荘;
  also a proper noun the dictionary holds whole (加藤製作所, 木村屋). A kanji
  common noun counts before 堂/荘/亭/庵/館 (松風堂), whose common compounds (食堂,
  別荘) the dictionary holds as one word, as a 屋号 (丸八電機), or as a two-kanji
  word that describes no trade before a company suffix (北星電機; not 地域交通,
  温泉旅館, 近代工業); before 屋 it is the trade (金物屋, 信州そば屋);
* a facility word and a name: ホテル潮風, 旅館みやび, カフェ・ド・ミモザ, 菓子処甘泉;
* a name in 「」 after 屋号/ブランド/商品名/銘柄/店名/旅館 … (or before という屋号),
  a 「」 name that ends like a firm (「よしだ整骨院」, not 「町の電器屋」), and the
  name set beside "our company" (当社（山岸製作所）, うちの会社、北星電機では).

Named customers (company): a proper noun before 病院/高校/百貨店/ホテル …
(佐藤病院, 県立横浜高校, 丸越百貨店) in a sentence about 納品/取引/納める, and an
organisation's proper name next to 向け/に納品/取引先は … .

Personal names (person, P508), beyond person.py's honorifics and roles:

* a surname and a given name together (山田太郎が, 父・鈴木一郎と, 私、田中次郎は);
* a foreign name of two parts (ジョン・スミス), or one part with an honorific (マリアさん);
* a given name or a surname with さん/くん/君/ちゃん (美咲さん, 健太くん, 陳さん);
* a Chinese or Korean name: one listed surname character and a one- or two-kanji
  given name before a particle or an honorific (陳建国が, 王偉さん);
* a name followed by its reading (鷲尾(わしお));
* a romanised name of two romaji words or common foreign names (Kenji Tanaka, TANAKA Kenji,
  Maria Santos), or with Mr./Ms.;
* a name after a kin word or a role (息子の翔太, 娘婿の岡本が, 担当は中村).

A famous person cited for a work (ドラッカーの本, 二宮金次郎の像) is not someone in the company.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .chars import HIRA, KANJI, KATA
from .kinds import Kind
from .language import Token, analyse
from .romaji import romaji_word

Found = tuple[Kind, int, int]

_KATA_WORD = re.compile(f"[{KATA}]{{2,}}")
_HIRA_WORD = re.compile(f"[{HIRA}]{{2,}}")
_KANJI_WORD = re.compile(f"[{KANJI}]+")
_KANA_CHAR = re.compile(f"[{HIRA}{KATA}]")
_PLACEHOLDERS = "○◯〇●△▲□■×✕＊*"

# --- trade names -----------------------------------------------------------------------

# Strong suffixes: after a name they make a trade name.
_TRADE_SUFFIXES = frozenset("""
    製作所 工業 商店 屋 堂 荘 工務店 電機 ベーカリー 商会 本舗 本店 酒造 醸造 製菓 鉄工所 精機 精工 産業 興業 物産 商事 建設
    工房 食品 製麺 亭 庵 軒 農園 牧場 珈琲 酒店 書店 呉服店 薬局 医院 歯科 設計事務所 印刷 運送 運輸 水産 石材 木材 電設
    電気 設備 モータース 製陶 窯 鋳造所 鍛造所 製材所 製粉 製茶 茶舗 菓子店 精肉店 鮮魚店 鉄工 金属 化成 化学 紙器 織物 染工
    縫製 会計事務所 法律事務所 ファーム ワイナリー 蒸留所 農場 旅館 ホテル 館 閣 苑 楼 自動車 板金 塗装 建具 電器 造園 硝子
    興産 化工 紙業 工機 技研 鉄道 電鉄 交通 整骨院 接骨院 鍼灸院 治療院 歯科医院 動物病院 工業所 製作 建築 住建 住設
""".split())
# Suffixes after which any two-kanji word is a name: 北星電機, 東邦ケミカル工業 (but 温泉旅館, 地域交通 are kinds).
_KANJI_NAME_SUFFIXES = frozenset("電機 工業 製作所 工務店 商店 商会 本舗 精機 精工 興産 化工 技研 工機 板金 鉄工所 酒造 製菓 物産 商事".split())
# Words that describe a trade rather than name a firm, before a suffix: 精密機械工業, 個人商店, 地元の電機.
_TRADE_WORDS = frozenset("""
    金属 機械 精密 化学 繊維 食品 電子 電気 自動車 輸送 建設 土木 窯 鉄鋼 石油 重 軽 総合 地場 大手 中小 零細 個人 小売 卸
    地元 老舗 近所 一般 家電 住宅 木材 製紙 印刷 樹脂 塗装 鋳物 鍛造 部品 精工 産業 工業 商業 農業 水産 畜産 林業 窯業 醸造
    酒類 菓子 和菓子 洋菓子 青果 鮮魚 精肉 米穀 雑貨 衣料 呉服 寝具 家具 建材 資材 金物 刃物 陶器 漆器 織物 染色 縫製 製本
    運送 物流 倉庫 設備 電設 空調 配管 板金 溶接 研磨 切削 加工 組立 検査 試作 量産 下請 協力 系列 関連 同業 異業 新興 伝統
    専門 高級 大型 小型 中堅 地方 都市 郊外 駅前 町 村 市 県 国 街 自家 自社 他社 当社 弊社 本社 支社 新 旧 元 前 現 各 全
    医療 介護 福祉 保育 教育 観光 宿泊 飲食 外食 給食 清掃 警備 整備 修理 車両 鉄道 電鉄 交通 航空 海運 物産 商事 ケミカル
    歯科 動物 整骨 接骨 鍼灸 治療 建築 設計 住設 電器 造園 硝子 化工 紙業 工機 技研 興産 町工場 工場 事務所 会社 企業 法人
    地域 地場 基幹 先端 素材 環境 情報 通信 半導体 光学 航空 宇宙 船舶 造船 製薬 医薬 薬品 農産 海産 特産 名産 土産 温泉
    近代 現代 戦後 明治 大正 昭和 日本 海外 国内 県内 市内 北部 南部 東部 西部 沿岸 内陸 臨海 主要 主力 周辺 小規模 中規模
    大規模 家族 同族 家業 名門 有名 人気 一流 在来 手工 家内 近隣 全国 世界 国際 先進 新規 成長 衰退 斜陽
""".split())
# After a kana common noun (ヤマセ, かもめ) only the suffixes that make nothing but a name count:
# 「ガラス工業」「アルミ金属」「プロモーション企画」 describe a trade.
_NAME_ONLY_SUFFIXES = frozenset("""
    製作所 工務店 商店 屋 堂 荘 商会 本舗 酒造 製菓 鉄工所 精機 精工 電機 ベーカリー 亭 庵 軒 農園 牧場 ファーム 酒店 茶舗
    館 閣 苑 楼
""".split())
# Weak suffixes: also after a kanji common noun (松風堂), since their common compounds are single words.
_WEAK_SUFFIXES = frozenset("堂 荘 亭 庵 軒 館 閣 苑 楼".split())
# 屋号 marks and numerals: 丸八, 山一, 角十, 井筒 — the shape of a shop's traditional name.
_YAGO_MARKS = frozenset("丸山角井入")
_NUMERALS = frozenset("一二三四五六七八九十百千万")
_NOT_YAGO = frozenset("山間 山林 山地 丸太 井戸 入力 入札 入荷 山村 角材 山菜 入口 山中 丸型 角型 入社 井戸水".split())
# Kana words that name a trade or a thing, not a shop: ラーメン屋, パン工房, ガラス工業.
_GENERIC_KANA = frozenset("""
    ラーメン パン ケーキ カメラ メガネ ガラス ゴム プラスチック セメント タイル ペット カフェ レストラン コーヒー
    ワイン ビール ジュース チーズ ハム ソーセージ パスタ ピザ クリーニング リフォーム インテリア デザイン システム
    ソフトウェア ネット ウェブ データ ロボット モーター エンジン ポンプ バルブ ネジ ボルト ばね バネ アルミ ステンレス
    プレス メッキ コンクリート ブロック フード フルーツ スイーツ ドリンク アパレル ファッション スポーツ ゲーム
    おもちゃ たばこ せんべい おにぎり うどん そば すし もち あめ くすり ふとん たたみ まんじゅう だんご かまぼこ
    みそ しょうゆ のり こんにゃく とうふ つけもの
""".split())
# Kanji common nouns before 堂/荘 that make a common word after all.
_GENERIC_WEAK = frozenset("食 本 講 聖 殿 公会 会 礼拝 御 お 山 別 旅 下宿 寮 村 茶 料".split())
# A noun right after the suffix continues a compound: 工業団地, 商店街, 建設業, 食品メーカー.
_CONTINUES = frozenset("""
    街 団地 地帯 高校 高等学校 大学 学校 会 組合 連合会 協会 業 業界 業者 業種 分野 系 化 者 メーカー 会社 技術 製品
    用品 部門 関係 事業 市場 工場 現場 機械 設備 生産 規模 向け 専門 全般 経験 出身 勤務 経営 など 等 台 号 代
""".split())
# Words after which 「…」 is a trade or brand name.
_QUOTED_LABEL = re.compile(
    r"(?:屋号|ブランド名?|商品名|製品名|品名|銘柄|店名|社名|旧社名|商標|看板商品|主力商品|商品|製品|シリーズ|宿名|旅館名|ホテル名|施設名|"
    r"農園名|ワイナリー名|院名|園名|会社名|事業所名|旅館|民宿|ホテル|喫茶店|カフェ|料亭|工房|蔵元|酒蔵|店)"
    r"(?:は|が|の|を|も|:|として|で)?[ ]?[「『\"](?P<q>[^」』\"\n]{1,30})[」』\"]"
    r"|[「『](?P<q2>[^」』\n]{1,30})[」』](?:という|って|の)?(?:屋号|ブランド|店名|商品名|銘柄|名前の(?:店|宿|旅館|商品|ブランド))"
    r"|(?:屋号|ブランド名?|商品名|銘柄|店名|社名)(?:は|:)?[ ]?(?P<q3>(?![A-Z]{1,3}(?![A-Za-z]))[A-Z][A-Za-z0-9&'.\-]+(?:[ ][A-Z][A-Za-z0-9&'.\-]+){0,3})"
    r"|(?<![A-Za-z])(?P<q4>[A-Za-z][A-Za-z0-9&'.\-]{2,20}(?:[ ][A-Za-z][A-Za-z0-9&'.\-]{1,20}){0,3})[ ]?という(?:ブランド|屋号|店名|商品名|名前)"
)
_LABEL_WORDS = re.compile("屋号|ブランド|商品|銘柄|店名|社名|という|当|弊社|自社|わが社|我が社|うちの")
# A name the writer sets beside "our company": 当社（山岸製作所）, うちの会社、北星電機では, 当事業所（…）.
_SELF_NAMED = re.compile(
    r"(?:当社|弊社|当店|当院|当園|当館|当事業所|当施設|当工房|当蔵|自社|わが社|我が社|うちの(?:会社|店|工場|事業所))"
    r"(?:\((?P<p>[^)\n]{2,30})\)|、[ ]?(?P<a>[^、。\n]{2,20}?)(?=では|は|が|も|として|の))"
)
_NOT_SELF_NAMES = ("以下", "通称", "旧", "現在", "株式", "本社", "所在地", "創業", "設立", "従業員", "資本金", "社員", "約", "仮")
_NOT_A_NAME = re.compile(r"[:0-9、]|名$|人$|年$")
_FIRM_END = re.compile(r"(?:製作所|工業|商店|工務店|電機|商会|本舗|屋|堂|荘|館|亭|庵|院|園|店|舗|工房|農園|牧場|ホテル|旅館|家|会計|事務所)$")
# 「町の電器屋」「まちのパン屋」「行列のできる店」: a phrase about a kind of shop, not a name.
_PHRASE_NOT_NAME = re.compile(r"^(?:町|まち|街|地域|村|みんな|私|わたし|僕|家族|日本|世界|昔ながら|近所|地元|駅前)の|できる|[るたい]店$|仮称|未定")


def _phrase_not_name(name: str) -> bool:
    if _PHRASE_NOT_NAME.search(name):
        return True
    body = _FIRM_END.sub("", name)
    return body.endswith(tuple(_TRADE_WORDS | _GENERIC_KANA | _GOODS))


_GOODS = frozenset("本 花 米 酒 魚 肉 茶 薬 靴 傘 鍵 時計 眼鏡 電器 家電 八百 豆腐 菓子 和菓子 洋菓子 パン 果物 青果 文具 玩具 布団 畳 金物".split())
# A name in 「」 that ends like a firm or a facility: 「よしだ整骨院」「湯の花荘」.
_QUOTED_FIRM = re.compile(r"[「『](?P<q>[^」』\n]{1,24}?(?:荘|館|亭|庵|堂|屋|院|園|店|舗|工房|農園|牧場|製作所|工務店|商店|商会|本舗|ホテル|旅館))[」』]")
# A facility word followed by its name: ホテル潮風, 旅館みやび, 民宿さざなみ.
_FACILITIES = frozenset("""
    ホテル 旅館 民宿 ペンション 料亭 割烹 喫茶 喫茶店 カフェ レストラン ゲストハウス 酒場 食堂 スナック 美容室 サロン 農園
    ベーカリー デイサービス グループホーム 菓子処 甘味処 食事処 お食事処 海鮮処 処 居酒屋 バー ビストロ トラットリア
""".split())
_FACILITY_GENERIC = frozenset("""
    チェーン マン ビジネス ルーム スタッフ サービス ブッフェ スペース メニュー 経営 運営 事業 業 業界 向け 併設 開業
    営業 経験 勤務 利用 予約 客 客室 併用 部門 内 等 など 用 系 組合 協会 団体 街 群 跡 計画 建設 改装 新築 開発 料理
    料金 代 業務 宿泊 朝食 夕食 形式 形態 施設 建物 向き 並み 風 的 化 経営者 従業員 スタッフ 業態 市場 需要
""".split())

# --- named customers --------------------------------------------------------------------

_CUSTOMER_PLACES = frozenset("""
    病院 高校 高等学校 中学校 小学校 大学 百貨店 デパート ホテル 旅館 スーパー クリニック 医院 学園 学校 幼稚園 保育園
    老人ホーム 市場 商店 工場 本社 ストア 生協 農協 銀行 信用金庫 旅館 温泉 ゴルフ場 遊園地 市役所 区役所 役場 県庁 空港
    美術館 博物館 水族館 動物園 球場 スタジアム 大社 神社 寺 駐屯地 基地 鉄道 電鉄 交通 バス 自動車 電機 工業 製作所 建設 商事
    物産 重工 百貨 保育所 こども園 高等専門学校 専門学校 短期大学 大学病院 診療所 特別養護老人ホーム 介護施設 病棟
""".split())
_CUSTOMER_CONTEXT = re.compile(r"納品|納入|納め|取引|卸し|卸す|卸して|卸先|出入り|得意先|主要顧客|顧客|販売先|受注|発注を受け|指定業者|御用達|取り引き|"
                               r"受託|請け負|請負|委託|引き受け|手がけ|手掛け|下請|協力会社|協力工場|常設|売場|売り場|テナント|出店|運営|"
                               r"一手に|専属|指定|採用され|扱って|置いて|契約|依存")
_CUSTOMER_INSIDE = frozenset("""
    市立 県立 都立 府立 道立 国立 私立 町立 村立 市民 総合 中央 記念 第一 第二 第三 赤十字 大学 付属 附属 国際 医学部 学部 医療
    センター 聖 本店 支店 本館 新館
""".split())
# Suffixes that make an organisation's name of any two-kanji word before them, for a customer: 北星電機.
_ORG_SUFFIXES = frozenset("電機 工業 製作所 商事 物産 重工".split())
# Proper nouns that are platforms, standards or tools, not customers.
_NOT_CUSTOMERS = frozenset("""
    ISO JIS HACCP SNS EC Amazon アマゾン 楽天 Yahoo ヤフー Google グーグル LINE Instagram インスタグラム Excel エクセル
    Word Zoom ズーム YouTube ユーチューブ Facebook フェイスブック X TikTok メルカリ Shopify BASE
""".split())
# Kinds of organisation the dictionary holds as proper nouns: 農業協同組合 is every co-operative.
_GENERIC_ORGS = ("組合", "協会", "連合会", "機構", "公庫", "中央会", "商工会", "商工会議所")
_CUSTOMER_NEXT = re.compile(r"(?:向け|社向け|に納品|へ納品|への納品|に納入|へ納入|への納入|に納め|へ納め|と取引|との取引|に卸|へ卸|が主要|が最大|が得意先|が取引先)")
_CUSTOMER_BEFORE = re.compile(r"(?:取引先|得意先|納品先|納入先|販売先|主要顧客|顧客|元請け?|親会社)(?:は|が|の|に|である|として|:)[ ]?$")

# --- personal names --------------------------------------------------------------------

_HONORIFICS = ("さん", "様", "さま", "氏", "殿", "くん", "君", "ちゃん")
_CHINESE_SURNAMES = frozenset("王李張劉陳楊趙呉徐孫朱胡郭羅鄭梁謝唐許韓馮鄧曹彭曾蕭董潘袁蔡蒋于葉魏蘇呂沈姚盧姜崔鍾譚陸汪范廖賈韋鄒孟邱尹薛閻侯龍陶黎賀顧郝龔邵朴")
_CHINESE_NAME = re.compile(
    rf"(?<![{KANJI}{KATA}])(?P<name>[{''.join(sorted(_CHINESE_SURNAMES))}][ ]?[{KANJI}]{{1,2}})"
    r"(?=さん|様|氏|くん|君|が|は|と|、|,|\(|を|に|も|の|です|$)"
)
_CHINESE_ALONE = re.compile(rf"(?<![{KANJI}{KATA}お])[金{''.join(sorted(_CHINESE_SURNAMES))}](?=さん|様|氏|くん|君)")
_MIXED_NAME = re.compile(rf"(?<![{KANJI}{KATA}])[金李朴崔鄭姜趙尹張林王陳劉楊黄呉徐孫](?P<given>[{KATA}]{{2,6}})"
                         r"(?=さん|様|氏|くん|君|が|は|と|、|を|に|も|の|\()")
_NOT_GIVEN_END = frozenset("地県市町村区店社業部課場品化性的式製局所会館駅線内外間側方面等者員界向用中後前上下産物材料費税額率屋際語系")
_ROMAN_NAME = re.compile(r"(?<![A-Za-z])(?P<a>[A-Z][a-z]+|[A-Z]{2,})[ ](?P<b>[A-Z][a-z]+|[A-Z]{2,})(?![A-Za-z])")
# Common given names and family names from the countries staff and trainees often come from (the Philippines,
# Viet Nam, China, Korea, Brazil, Indonesia, Nepal, the West). A capitalised pair is a name when each word is
# one of these or reads as romaji: Maria Santos, Li Wei, Kenji Tanaka (not Green Farm, Park Avenue).
_FOREIGN_NAMES = frozenset("""
    maria jose juan ana carlos luis pedro miguel antonio manuel rosa carmen santos reyes cruz garcia lopez gonzalez rodriguez
    hernandez martinez ramos mendoza torres flores rivera bautista dela aquino castillo villanueva fernandez perez silva
    oliveira souza costa pereira ferreira alves lima gomes ribeiro nguyen tran le pham hoang phan vu vo dang bui do ho ngo
    duong ly minh anh linh huong thanh tuan hung dung mai lan hoa nam li wei wang zhang liu chen yang huang zhao wu zhou
    xu sun zhu ma hu guo lin he gao luo zheng liang xie song tang xiao ming hua jun ying mei kim lee park choi jung kang
    cho yoon jang lim han shin seo kwon hwang ahn song min ji hye young sung john michael david robert james william richard
    thomas charles daniel matthew paul mark peter kevin brian george edward mary anna sarah emily jennifer linda elizabeth
    susan jessica karen nancy lisa smith johnson williams brown jones miller davis wilson anderson taylor moore jackson white
    harris martin thompson clark lewis walker hall allen young king wright scott green baker adams nelson hill campbell
    mitchell roberts carter phillips evans turner parker collins edwards stewart morris murphy cook rogers morgan cooper
    singh kumar sharma gurung tamang rai thapa shrestha magar ahmed mohammed muhammad ali khan hassan ibrahim siti dewi
    putri sari wati budi agus rizki andi
""".split())
_ROMAN_NOT_NAMES = frozenset("shinkin ginko ginkou kaisha kabushiki kogyo shoten seisakusho sangyo shoji kensetsu komuten "
                             "denki seiki honpo shuzo seika shokai sake kaizen monozukuri omotenashi".split())
_READING = re.compile(rf"\((?P<r>[{HIRA}{KATA} ]{{2,20}})\)")
_NOT_PERSON_NAMES = frozenset("""
    大和 日本 平成 昭和 令和 大正 明治 東 西 南 北 中央 中部 関東 関西 東北 北海 九州 四国 信用 金庫 新現役
""".split())


_JAPANESE_NAME = re.compile(f"[{KANJI}{KATA}{HIRA}()]+")
# Kin words and roles a name follows after の/は/、: 息子の翔太, 娘婿の岡本が, 担当は中村, 私、佐藤は.
_KIN_AND_ROLES = frozenset("""
    息子 娘 妻 夫 長男 長女 次男 次女 三男 三女 孫 兄 弟 姉 妹 父 母 甥 姪 嫁 婿 家内 主人 社長 専務 常務 後継者 跡取り
    従業員 社員 パート 職人 番頭 女将 店主 代表 担当 担当者 工場長 店長 実習生 研修生 弟子 若手 新人 娘婿 義父 義母 義兄 義弟
    祖父 祖母 叔父 叔母 伯父 伯母 上司 部下 同僚 先輩 後輩 師匠 親方 社長 会長 私 わたし わたくし 小生 職員 スタッフ 技能実習生
""".split())
# What a famous person is cited for, after 「の」: the reader is pointed at a work, not at someone in the company.
_CITED = re.compile(rf"(?:さん|氏)?の[{KANJI}{KATA}{HIRA}ー]{{0,8}}?(?:本|著書|著作|言葉|名言|格言|教え|理論|思想|哲学|経営|経営論|資本論|"
                    r"法則|原則|手法|方式|像|銅像|生家|記念館|ゆかり|伝記|小説|作品|映画|歌|曲|絵|肖像)(?![ぁ-ん]{0,1}[いうけ])")
# Words written right before a name in one run: 社長山田太郎, 現社長斉藤浩二, 故鈴木一郎.
_TITLE_WORDS = frozenset("社長 会長 代表 専務 常務 部長 課長 店主 女将 担当 故 元 前 現 先代 父 母 妻 夫 長男 長女 次男 次女 息子 娘 創業者".split())


def _kata(s: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in s).replace(" ", "")


def _adjacent(a: Token, b: Token) -> bool:
    return a.end == b.start


def _namey(t: Token, weak: bool, suffix: str, strong: bool = False) -> bool:
    """Whether a token can be the name part before a trade suffix."""
    if t.pos[0] not in ("名詞", "接頭辞") or t.surface in _GENERIC_KANA:
        return False
    if any(c in _PLACEHOLDERS for c in t.surface):
        return False
    if t.proper or t.oov:
        return True
    if suffix in _NAME_ONLY_SUFFIXES and (_KATA_WORD.fullmatch(t.surface) or (_HIRA_WORD.fullmatch(t.surface) and t.pos[1] == "普通名詞")):
        return True
    if _KANJI_WORD.fullmatch(t.surface) and t.pos[1] == "普通名詞":
        if weak and t.surface not in _GENERIC_WEAK:
            return True
        if strong and suffix in _KANJI_NAME_SUFFIXES and len(t.surface) == 2 and t.surface not in _TRADE_WORDS and t.pos[2] == "一般":
            return True  # 北星電機, 東邦ケミカル工業: a two-kanji word that names nothing of the trade
        # 丸八電機, 山一商店, 井筒屋: a traditional 屋号 mark with a numeral or a second character
        return len(t.surface) == 2 and (t.surface[0] in _YAGO_MARKS or t.surface[1] in _NUMERALS) and t.surface not in _NOT_YAGO
    return False


def _kana_name_before(tokens: tuple[Token, ...], i: int) -> int | None:
    """Start of a run of hiragana or katakana words (not particles) right before tokens[i], 3 characters or more."""
    k = i - 1
    while k >= 0 and _adjacent(tokens[k], tokens[k + 1]) and tokens[k].pos[0] in ("名詞", "動詞", "形容詞", "接頭辞") \
            and (_HIRA_WORD.fullmatch(tokens[k].surface) or _KATA_WORD.fullmatch(tokens[k].surface)
                 or _KANA_CHAR.fullmatch(tokens[k].surface)):
        k -= 1
    if k == i - 1:
        return None
    run = "".join(t.surface for t in tokens[k + 1:i])
    if len(run) < 3 or run in _GENERIC_KANA or tokens[k + 1:i][-1].surface in _GENERIC_KANA:
        return None
    return tokens[k + 1].start


def _continues(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether the token after the suffix (index j) carries the compound on: 工業団地, 商店街."""
    if j >= len(tokens) or not _adjacent(tokens[j - 1], tokens[j]):
        return False
    nxt = tokens[j]
    return nxt.surface in _CONTINUES or (nxt.pos[0] == "名詞" and nxt.pos[1] == "普通名詞" and nxt.surface not in ("さん", "様"))


def _trade_names(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    for i, t in enumerate(tokens):
        if t.proper and not t.place and t.surface not in _TRADE_SUFFIXES:
            suffix = next((s for s in _TRADE_SUFFIXES if t.surface.endswith(s) and len(t.surface) > len(s)), None)
            if suffix and not (t.person and len(t.surface) <= 2) and not _continues(tokens, i + 1):
                yield Kind.COMPANY, t.start, t.end
                continue
        if t.surface not in _TRADE_SUFFIXES or i == 0 or _continues(tokens, i + 1):
            continue
        before = tokens[i - 1]
        if before.pos[1] == "数詞" or before.surface in ("数", "何", "幾", "各", "毎", "一", "同", "当", "本", "全", "両", "此の"):
            continue  # ホテル数軒, 2軒, 同店: a count or a pointer, not a name
        weak = t.surface in _WEAK_SUFFIXES
        start = None
        k = i - 1
        # walk back over the adjacent nouns of the same compound: ヤマセ精密製作所
        while k >= 0 and _adjacent(tokens[k], tokens[k + 1]) and tokens[k].pos[0] in ("名詞", "接頭辞") and i - k <= 3:
            first = k == 0 or not _adjacent(tokens[k - 1], tokens[k]) or tokens[k - 1].pos[0] not in ("名詞", "接頭辞")
            if _namey(tokens[k], weak and k == i - 1, t.surface, strong=len(t.surface) >= 2 and first):
                start = tokens[k].start
            if len(t.surface) == 1 and start is None:
                break  # 信州そば屋: before a one-character suffix the word right before it must be the name
            k -= 1
        if start is None and t.surface in _NAME_ONLY_SUFFIXES:
            start = _kana_name_before(tokens, i)  # かねまつ商店: a kana name the dictionary cut into words
        if start is not None:
            yield Kind.COMPANY, start, t.end


def _facility_names(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    for i, t in enumerate(tokens[:-1]):
        if t.surface not in _FACILITIES:
            continue
        j = i + 1
        if tokens[j].surface in (" ", "・") and j + 1 < len(tokens):
            j += 1  # 料亭 花月, 民宿 しおさい, カフェ・ド・ミモザ
        first = j
        end = None
        last = j
        while j < len(tokens) and (j == first or _adjacent(tokens[j - 1], tokens[j])) and j - i <= 6 \
                and (tokens[j].pos[0] == "名詞" or (tokens[j].surface in ("・", "の") and j > first and j + 1 < len(tokens)
                                                    and tokens[j + 1].pos[0] == "名詞")) \
                and _JAPANESE_NAME.fullmatch(tokens[j].surface.replace("・", "ア")):
            u = tokens[j]
            if u.surface in ("・", "の"):
                j += 1
                continue
            if u.surface in _FACILITY_GENERIC or u.surface in _FACILITIES or u.surface in _GENERIC_KANA or u.pos[2] in ("サ変可能", "助数詞可能", "副詞可能") or u.pos[1] == "数詞" \
                    or u.surface.startswith(("数", "各", "全", "同", "他")):
                break
            end = tokens[j].end
            last = j
            j += 1
        if end is not None and (last + 1 >= len(tokens) or tokens[last + 1].pos[0] != "名詞" or not _adjacent(tokens[last], tokens[last + 1])):
            yield Kind.COMPANY, t.start, end


def _quoted(text: str) -> Iterator[Found]:
    if "「" not in text and "『" not in text and '"' not in text and not _LABEL_WORDS.search(text):
        return
    for m in _QUOTED_LABEL.finditer(text):
        group = next(g for g in ("q", "q2", "q3", "q4") if m.group(g) is not None)
        name = m.group(group)
        if name.strip(_PLACEHOLDERS + " ") and not all(c in _PLACEHOLDERS + "・ " for c in name) \
                and not re.search(r"仮称|未定|検討中|^\(.*\)$", name):
            yield Kind.COMPANY, m.start(group), m.end(group)
    for m in _QUOTED_FIRM.finditer(text):
        name = m.group("q")
        if len(name) >= 3 and not any(c in _PLACEHOLDERS for c in name) and not _phrase_not_name(name):
            yield Kind.COMPANY, m.start("q"), m.end("q")
    for m in _SELF_NAMED.finditer(text):
        group = "p" if m.group("p") else "a"
        name = m.group(group)
        if any(c in _PLACEHOLDERS for c in name) or name.startswith(_NOT_SELF_NAMES) or _NOT_A_NAME.search(name):
            continue
        if group == "a" and not _FIRM_END.search(name) and not _KATA_WORD.fullmatch(name):
            continue  # 「うちの会社、実は…」: after a comma only what ends like a firm is its name
        yield Kind.COMPANY, m.start(group), m.end(group)


# Words that end a company's name in running text: マツバ電子, ミドリ産業, ホシノ社.
_COMPANY_WORDS = frozenset("""
    社 電子 産業 工業 電機 製作所 商事 物産 自動車 化学 精機 重工 建設 食品 製薬 グループ ホールディングス 電工 通信 製菓 商会 工機
""".split())


def _named_companies(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    """A company named right before 向け/に納品/との取引 …: トヨハシ向け, ホシノ社向け, マツバ電子との取引."""
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.place or t.surface in _NOT_CUSTOMERS or not _JAPANESE_NAME.fullmatch(t.surface) or t.pos[0] != "名詞" \
                or t.surface.endswith(_GENERIC_ORGS):
            continue
        j = i
        while j + 1 < n and _adjacent(tokens[j], tokens[j + 1]) and tokens[j + 1].surface in _COMPANY_WORDS:
            j += 1
        named = t.proper and not t.person
        if j > i:  # with a company word, any name-like word: マツバ電子, ホシノ社
            named = named or t.person or t.oov or (_KATA_WORD.fullmatch(t.surface) is not None and t.surface not in _GENERIC_KANA)
        after = _CUSTOMER_NEXT.match(text, tokens[j].end)
        if not named and after and not after.group().endswith("向け"):
            # an unknown katakana word that is delivered to: トヨハシに納品 (but インバウンド向け is a market)
            named = t.oov and _KATA_WORD.fullmatch(t.surface) is not None and len(t.surface) >= 3
        if named and after:
            yield Kind.COMPANY, t.start, tokens[j].end


def _customers(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    for sentence in re.finditer(r"[^。!?\n]+", text):
        s, e = sentence.span()
        if not _CUSTOMER_CONTEXT.search(text, s, e):
            continue
        inside = [i for i, t in enumerate(tokens) if s <= t.start and t.end <= e]
        for i in inside:
            t = tokens[i]
            if t.surface in _CUSTOMER_PLACES and i > 0:
                k = i - 1
                start = None
                while k >= 0 and tokens[k].start >= s and _adjacent(tokens[k], tokens[k + 1]) and i - k <= 3:
                    u = tokens[k]
                    if u.surface in _CUSTOMER_INSIDE:
                        k -= 1
                        continue
                    if u.proper or u.oov or (_HIRA_WORD.fullmatch(u.surface) and u.pos[1] == "普通名詞") \
                            or (_KANJI_WORD.fullmatch(u.surface) and len(u.surface) == 2 and u.pos[2] == "一般" and u.surface not in _TRADE_WORDS
                                and u.surface not in _CUSTOMER_INSIDE and k == i - 1 and t.surface in _ORG_SUFFIXES):
                        start = u.start
                        k -= 1
                        continue
                    break
                if start is not None:
                    while k >= 0 and tokens[k].surface in _CUSTOMER_INSIDE and _adjacent(tokens[k], tokens[k + 1]):
                        start = tokens[k].start
                        k -= 1
                    yield Kind.COMPANY, start, t.end
            if t.proper and t.pos[2] == "一般" and t.surface not in _NOT_CUSTOMERS and not t.surface.endswith(_GENERIC_ORGS):
                if _CUSTOMER_NEXT.match(text, t.end) or _CUSTOMER_BEFORE.search(text[max(s, t.start - 12):t.start]):
                    yield Kind.COMPANY, t.start, t.end
                    # the rest of a list: 取引先は丸紅と三越、伊勢丹
                    k = i + 1
                    while k + 1 < len(tokens) and tokens[k].surface in ("と", "や", "、", ",", "・", "及び") \
                            and tokens[k + 1].proper and tokens[k + 1].surface not in _NOT_CUSTOMERS:
                        yield Kind.COMPANY, tokens[k + 1].start, tokens[k + 1].end
                        k += 2


def _ends_clause(text: str, end: int) -> bool:
    """Whether a surname stands alone as a subject or an object here: 岡本が, 佐藤は, 中村と (not 岡本工業)."""
    return text.startswith(("が", "は", "も", "と", "に", "を", "さん", "氏", "様", "くん", "君", "(", "、", "。"), end) or end == len(text)


def _cited(text: str, end: int) -> bool:
    """Whether a name is cited for its work, not present: ドラッカーの本, 二宮金次郎の像, 稲盛和夫さんのアメーバ経営."""
    m = _CITED.match(text, end)
    return m is not None


def _surname_given(tokens: tuple[Token, ...], text: str) -> Iterator[Found]:
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.surface in _NOT_PERSON_NAMES or any(c in _PLACEHOLDERS for c in t.surface):
            continue
        if not _JAPANESE_NAME.fullmatch(t.surface):
            continue  # Latin words: _romanised's job ("Page" is a surname to the dictionary)
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and nxt.surface == " " and i + 2 < n:
            nxt = tokens[i + 2]  # 鈴木 一郎: the space is a token of its own
        gap = nxt is not None and ((nxt.start - t.end == 1 and text[t.end] == " ") or _adjacent(t, nxt))
        prev = tokens[i - 1] if i else None
        if prev is not None and _adjacent(prev, t) and prev.pos[0] == "名詞" and not prev.surface.endswith(tuple(_TITLE_WORDS)) \
                and (len(t.surface) == 1 or not _KANJI_WORD.fullmatch(prev.surface)) and not _KATA_WORD.fullmatch(t.surface):
            continue  # inside a longer word: こがね原銀 (an institution's short name), not 原 銀
        if t.surname and i >= 2 and tokens[i - 1].surface == "は" and tokens[i - 2].surface in _KIN_AND_ROLES \
                and (nxt is None or not (nxt.pos[0] == "名詞" and _adjacent(t, nxt))):
            yield Kind.PERSON, tokens[i - 2].start, t.end  # 担当は中村まで, 代表は鈴木です
            continue
        if t.surname and nxt is not None and gap and nxt.given:
            # a one-kanji given name only before an honorific or a clause break: 山田翔さんが, not 山田錦を (a rice)
            if (len(nxt.surface) > 1 or text.startswith((*_HONORIFICS, "が", "は", "(", " ", "も"), nxt.end)
                    or nxt.end == len(text)) and not _cited(text, nxt.end):
                yield Kind.PERSON, t.start, nxt.end
            continue
        # a foreign name in parts: ジョン・スミス, グエン・ヴァン・ナム (only the first part need be known)
        if t.person and t.pos[3] == "一般" and i + 2 < n and tokens[i + 1].surface in ("・", " ", "=") \
                and _adjacent(tokens[i + 1], tokens[i + 2]) \
                and (tokens[i + 2].person or (_KATA_WORD.fullmatch(t.surface) and _KATA_WORD.fullmatch(tokens[i + 2].surface))):
            k = i + 2
            while k + 2 < n and tokens[k + 1].surface == "・" and _KATA_WORD.fullmatch(tokens[k + 2].surface):
                k += 2
            if not _cited(text, tokens[k].end):
                yield Kind.PERSON, t.start, tokens[k].end
            continue
        # a name after a kin word or a role: 息子の翔太, 妻の恵子, 娘婿の岡本が, 私、佐藤は
        if (t.given or t.surname) and len(t.surface) >= 2 and i >= 2 and tokens[i - 1].surface in ("の", "は", "・", "、", ",") \
                and tokens[i - 2].surface in _KIN_AND_ROLES and (t.given or _ends_clause(text, t.end)):
            honorific = next((h for h in _HONORIFICS if text.startswith(h, t.end)), "")
            yield Kind.PERSON, t.start, t.end + len(honorific)
            continue
        after = text[t.end:t.end + 3]
        if t.given and prev is not None and prev.surname and _adjacent(prev, t):
            continue  # 稲盛和夫さん: the full name is the surname's finding (or a cited one)
        if t.person and after.startswith(_HONORIFICS):
            if t.surname and after.startswith(("さん", "様", "さま", "氏", "殿")):
                continue  # person.py's job (with its stoplists for 取引先様, 職人さん)
            yield Kind.PERSON, t.start, t.end + next(len(h) for h in _HONORIFICS if after.startswith(h))
            continue
        if t.person and (m := _READING.match(text, t.end)) and _kata(m.group("r")) == t.reading:
            yield Kind.PERSON, t.start, m.end()


def _reading_names(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    """A surname token that swallowed its reading: 鷲尾(わしお) is one token to the dictionary."""
    for t in tokens:
        if t.person and "(" in t.surface:
            yield Kind.PERSON, t.start, t.end


def _chinese(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    if not any(c in _CHINESE_SURNAMES or c == "金" for c in text):
        return
    for m in _MIXED_NAME.finditer(text):
        yield Kind.PERSON, m.start(), m.end()
    for m in _CHINESE_ALONE.finditer(text):
        yield Kind.PERSON, m.start(), m.end() + (2 if text.startswith(("さん", "くん"), m.end()) else 1)
    for m in _CHINESE_NAME.finditer(text):
        a, b = m.span("name")
        name = m.group("name").replace(" ", "")
        if name[-1] in _NOT_GIVEN_END:
            continue
        covering = [t for t in tokens if t.start < b and a < t.end]
        if any(t.pos[0] not in ("名詞", "接頭辞", "接尾辞") for t in covering) or covering[0].start != a:
            continue
        whole = len(covering) == 1 and covering[0].person  # 王偉: the dictionary knows the name
        split = covering[0].surface == name[0]  # 陳|建国, 王|小明: the surname character stands alone
        if whole or split:  # not 韓国, 王者, 顧客層: ordinary words starting with the character
            yield Kind.PERSON, a, b


_TITLED_ROMAN = re.compile(r"(?<![A-Za-z])(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?")


def _romanised(text: str) -> Iterator[Found]:
    for m in _TITLED_ROMAN.finditer(text):
        yield Kind.PERSON, m.start(), m.end()
    for m in _ROMAN_NAME.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a.lower() in _ROMAN_NOT_NAMES or b.lower() in _ROMAN_NOT_NAMES:
            continue
        if all(romaji_word(w) or w.lower() in _FOREIGN_NAMES for w in (a, b)):
            yield Kind.PERSON, m.start(), m.end()


def proper(text: str) -> Iterator[Found]:
    """Trade names, named customers and personal names in normalised text (see the module docstring)."""
    yield from _quoted(text)
    if re.search("[A-Z]", text):
        yield from _romanised(text)
    tokens = analyse(text)
    if not tokens:
        return
    yield from _customers(text, tokens)
    yield from _named_companies(text, tokens)
    yield from _trade_names(text, tokens)
    yield from _facility_names(text, tokens)
    yield from _surname_given(tokens, text)
    yield from _reading_names(text, tokens)
    yield from _chinese(text, tokens)
