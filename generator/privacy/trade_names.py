"""Trade names without a legal form (company, P507): see the rules in proper.py's docstring."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .kinds import Kind
from .language import Token
from .words import GENERIC_KANA, HIRA_WORD, JAPANESE_NAME, KANA_CHAR, KANJI_WORD, KATA_WORD, PLACEHOLDERS, TRADE_WORDS, adjacent

Found = tuple[Kind, int, int]

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
    r"|(?:屋号|店名|社名|旧社名|ブランド名|商品名|銘柄)(?:は|:)[ ]?(?P<q5>[ァ-ヺー]{2,12}|[ぁ-ん]{2,12}?)(?=です|。|、|という|として|\)|$)"
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
_GOODS = frozenset("本 花 米 酒 魚 肉 茶 薬 靴 傘 鍵 時計 眼鏡 電器 家電 八百 豆腐 菓子 和菓子 洋菓子 パン 果物 青果 文具 玩具 布団 畳 金物".split())


def _phrase_not_name(name: str) -> bool:
    if _PHRASE_NOT_NAME.search(name):
        return True
    body = _FIRM_END.sub("", name)
    return body.endswith(tuple(TRADE_WORDS | GENERIC_KANA | _GOODS))


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


def _namey(t: Token, weak: bool, suffix: str, strong: bool = False) -> bool:
    """Whether a token can be the name part before a trade suffix."""
    if t.pos[0] not in ("名詞", "接頭辞") or t.surface in GENERIC_KANA:
        return False
    if any(c in PLACEHOLDERS for c in t.surface):
        return False
    if t.proper or t.oov:
        return True
    if suffix in _NAME_ONLY_SUFFIXES and (KATA_WORD.fullmatch(t.surface) or (HIRA_WORD.fullmatch(t.surface) and t.pos[1] == "普通名詞")):
        return True
    if KANJI_WORD.fullmatch(t.surface) and t.pos[1] == "普通名詞":
        if weak and t.surface not in _GENERIC_WEAK:
            return True
        if strong and suffix in _KANJI_NAME_SUFFIXES and len(t.surface) == 2 and t.surface not in TRADE_WORDS and t.pos[2] == "一般":
            return True  # 北星電機, 東邦ケミカル工業: a two-kanji word that names nothing of the trade
        # 丸八電機, 山一商店, 井筒屋: a traditional 屋号 mark with a numeral or a second character
        return len(t.surface) == 2 and (t.surface[0] in _YAGO_MARKS or t.surface[1] in _NUMERALS) and t.surface not in _NOT_YAGO
    return False


def _kana_name_before(tokens: tuple[Token, ...], i: int) -> int | None:
    """Start of a run of hiragana or katakana words (not particles) right before tokens[i], 3 characters or more."""
    k = i - 1
    while k >= 0 and adjacent(tokens[k], tokens[k + 1]) and tokens[k].pos[0] in ("名詞", "動詞", "形容詞", "接頭辞") \
            and (HIRA_WORD.fullmatch(tokens[k].surface) or KATA_WORD.fullmatch(tokens[k].surface)
                 or KANA_CHAR.fullmatch(tokens[k].surface)):
        k -= 1
    if k == i - 1:
        return None
    run = "".join(t.surface for t in tokens[k + 1:i])
    if len(run) < 3 or run in GENERIC_KANA or tokens[k + 1:i][-1].surface in GENERIC_KANA:
        return None
    return tokens[k + 1].start


def _continues(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether the token after the suffix (index j) carries the compound on: 工業団地, 商店街."""
    if j >= len(tokens) or not adjacent(tokens[j - 1], tokens[j]):
        return False
    nxt = tokens[j]
    return nxt.surface in _CONTINUES or (nxt.pos[0] == "名詞" and nxt.pos[1] == "普通名詞" and nxt.surface not in ("さん", "様"))


def trade_names(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
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
        while k >= 0 and adjacent(tokens[k], tokens[k + 1]) and tokens[k].pos[0] in ("名詞", "接頭辞") and i - k <= 3:
            first = k == 0 or not adjacent(tokens[k - 1], tokens[k]) or tokens[k - 1].pos[0] not in ("名詞", "接頭辞")
            if _namey(tokens[k], weak and k == i - 1, t.surface, strong=len(t.surface) >= 2 and first):
                start = tokens[k].start
            if len(t.surface) == 1 and start is None:
                break  # 信州そば屋: before a one-character suffix the word right before it must be the name
            k -= 1
        if start is None and t.surface in _NAME_ONLY_SUFFIXES:
            start = _kana_name_before(tokens, i)  # かねまつ商店: a kana name the dictionary cut into words
        if start is not None:
            yield Kind.COMPANY, start, t.end


def facility_names(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    for i, t in enumerate(tokens[:-1]):
        if t.surface not in _FACILITIES:
            continue
        j = i + 1
        if tokens[j].surface in (" ", "・") and j + 1 < len(tokens):
            j += 1  # 料亭 花月, 民宿 しおさい, カフェ・ド・ミモザ
        first = j
        end = None
        last = j
        while j < len(tokens) and (j == first or adjacent(tokens[j - 1], tokens[j])) and j - i <= 6 \
                and (tokens[j].pos[0] == "名詞" or (tokens[j].surface in ("・", "の") and j > first and j + 1 < len(tokens)
                                                    and tokens[j + 1].pos[0] == "名詞")) \
                and JAPANESE_NAME.fullmatch(tokens[j].surface.replace("・", "ア")):
            u = tokens[j]
            if u.surface in ("・", "の"):
                j += 1
                continue
            if u.surface in _FACILITY_GENERIC or u.surface in _FACILITIES or u.surface in GENERIC_KANA or u.pos[2] in ("サ変可能", "助数詞可能", "副詞可能") or u.pos[1] == "数詞" \
                    or u.surface.startswith(("数", "各", "全", "同", "他")):
                break
            end = tokens[j].end
            last = j
            j += 1
        if end is not None and (last + 1 >= len(tokens) or tokens[last + 1].pos[0] != "名詞" or not adjacent(tokens[last], tokens[last + 1])):
            yield Kind.COMPANY, t.start, end


def quoted_names(text: str) -> Iterator[Found]:
    if "「" not in text and "『" not in text and '"' not in text and not _LABEL_WORDS.search(text):
        return
    for m in _QUOTED_LABEL.finditer(text):
        group = next(g for g in ("q", "q2", "q3", "q4", "q5") if m.group(g) is not None)
        if group == "q5" and re.search("ない|なし|まだ|ません|ある|あり|いろいろ|さまざま|ひらがな|カタカナ|ローマ", m.group(group)):
            continue  # 屋号はまだない: no name
        name = m.group(group)
        if name.strip(PLACEHOLDERS + " ") and not all(c in PLACEHOLDERS + "・ " for c in name) \
                and not re.search(r"仮称|未定|検討中|^\(.*\)$", name):
            yield Kind.COMPANY, m.start(group), m.end(group)
    for m in _QUOTED_FIRM.finditer(text):
        name = m.group("q")
        if len(name) >= 3 and not any(c in PLACEHOLDERS for c in name) and not _phrase_not_name(name):
            yield Kind.COMPANY, m.start("q"), m.end("q")
    for m in _SELF_NAMED.finditer(text):
        group = "p" if m.group("p") else "a"
        name = m.group(group)
        if any(c in PLACEHOLDERS for c in name) or name.startswith(_NOT_SELF_NAMES) or _NOT_A_NAME.search(name):
            continue
        if group == "a" and not _FIRM_END.search(name) and not KATA_WORD.fullmatch(name):
            continue  # 「うちの会社、実は…」: after a comma only what ends like a firm is its name
        yield Kind.COMPANY, m.start(group), m.end(group)
