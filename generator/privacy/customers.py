"""Named customers (company, P507): organisations named in a sentence about delivering or trading (see proper.py)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from .kinds import Kind
from .language import Token
from .words import GENERIC_KANA, HIRA_WORD, JAPANESE_NAME, KANJI_WORD, KATA_WORD, TRADE_WORDS, adjacent

Found = tuple[Kind, int, int]

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
# Words that end a company's name in running text: マツバ電子, ミドリ産業, ホシノ社.
_COMPANY_WORDS = frozenset("""
    社 電子 産業 工業 電機 製作所 商事 物産 自動車 化学 精機 重工 建設 食品 製薬 グループ ホールディングス 電工 通信 製菓 商会 工機
""".split())


def named_companies(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    """A company named right before 向け/に納品/との取引 …: トヨハシ向け, ホシノ社向け, マツバ電子との取引."""
    if not _CUSTOMER_NEXT.search(text):
        return  # every finding ends right before one of these words
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.place or t.surface in _NOT_CUSTOMERS or not JAPANESE_NAME.fullmatch(t.surface) or t.pos[0] != "名詞" \
                or t.surface.endswith(_GENERIC_ORGS):
            continue
        j = i
        while j + 1 < n and adjacent(tokens[j], tokens[j + 1]) and tokens[j + 1].surface in _COMPANY_WORDS:
            j += 1
        named = t.proper and not t.person
        if j > i:  # with a company word, any name-like word: マツバ電子, ホシノ社
            named = named or t.person or t.oov or (KATA_WORD.fullmatch(t.surface) is not None and t.surface not in GENERIC_KANA)
        after = _CUSTOMER_NEXT.match(text, tokens[j].end)
        if not named and after and not after.group().endswith("向け"):
            # an unknown katakana word that is delivered to: トヨハシに納品 (but インバウンド向け is a market)
            named = t.oov and KATA_WORD.fullmatch(t.surface) is not None and len(t.surface) >= 3
        if named and after:
            yield Kind.COMPANY, t.start, tokens[j].end


def customers(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    starts = [t.start for t in tokens]  # tokens come in text order: a sentence's tokens are found by bisection
    for sentence in re.finditer(r"[^。!?\n]+", text):
        s, e = sentence.span()
        if not _CUSTOMER_CONTEXT.search(text, s, e):
            continue
        inside = [i for i in range(bisect_left(starts, s), bisect_left(starts, e)) if tokens[i].end <= e]
        for i in inside:
            t = tokens[i]
            if t.surface in _CUSTOMER_PLACES and i > 0:
                k = i - 1
                start = None
                while k >= 0 and tokens[k].start >= s and adjacent(tokens[k], tokens[k + 1]) and i - k <= 3:
                    u = tokens[k]
                    if u.surface in _CUSTOMER_INSIDE:
                        k -= 1
                        continue
                    if u.proper or u.oov or (HIRA_WORD.fullmatch(u.surface) and u.pos[1] == "普通名詞") \
                            or (KANJI_WORD.fullmatch(u.surface) and len(u.surface) == 2 and u.pos[2] == "一般" and u.surface not in TRADE_WORDS
                                and u.surface not in _CUSTOMER_INSIDE and k == i - 1 and t.surface in _ORG_SUFFIXES):
                        start = u.start
                        k -= 1
                        continue
                    break
                if start is not None:
                    while k >= 0 and tokens[k].surface in _CUSTOMER_INSIDE and adjacent(tokens[k], tokens[k + 1]):
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
