"""Personal names without an honorific (person, P508), with the language layer: see proper.py."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from .chars import HIRA, KANJI, KATA
from .kinds import Kind
from .language import Token
from .romaji import romaji_word
from .surnames import PLACE_SURNAMES, SURNAMES
from .words import JAPANESE_NAME, KANJI_WORD, KATA_WORD, PLACEHOLDERS, adjacent

Found = tuple[Kind, int, int]

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


def _ends_clause(text: str, end: int) -> bool:
    """Whether a surname stands alone as a subject or an object here: 岡本が, 佐藤は, 中村と (not 岡本工業)."""
    return text.startswith(("が", "は", "も", "と", "に", "を", "さん", "氏", "様", "くん", "君", "(", "、", "。"), end) or end == len(text)


def _cited(text: str, end: int) -> bool:
    """Whether a name is cited for its work, not present: ドラッカーの本, 二宮金次郎の像, 稲盛和夫さんのアメーバ経営."""
    m = _CITED.match(text, end)
    return m is not None


_SELF_INTRODUCTION = re.compile(r"(?:と申します|と申す|といいます|と言います|です。?私|でございます)")


def full_names(tokens: tuple[Token, ...], text: str) -> Iterator[Found]:
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.pos[1] != "固有名詞" and t.pos[2] != "人名":
            continue  # every rule below starts from a proper noun or a name: most tokens stop here, cheaply
        if t.surface in _NOT_PERSON_NAMES or any(c in PLACEHOLDERS for c in t.surface):
            continue
        if not JAPANESE_NAME.fullmatch(t.surface):
            continue  # Latin words: romanised_names's job ("Page" is a surname to the dictionary)
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and nxt.surface == " " and i + 2 < n:
            nxt = tokens[i + 2]  # 鈴木 一郎: the space is a token of its own
        gap = nxt is not None and ((nxt.start - t.end == 1 and text[t.end] == " ") or adjacent(t, nxt))
        prev = tokens[i - 1] if i else None
        if prev is not None and adjacent(prev, t) and prev.pos[0] == "名詞" and not prev.surface.endswith(tuple(_TITLE_WORDS)) \
                and (len(t.surface) == 1 or not KANJI_WORD.fullmatch(prev.surface)) and not KATA_WORD.fullmatch(t.surface):
            continue  # inside a longer word: こがね原銀 (an institution's short name), not 原 銀
        if t.surname and i >= 2 and tokens[i - 1].surface == "は" and tokens[i - 2].surface in _KIN_AND_ROLES \
                and (nxt is None or not (nxt.pos[0] == "名詞" and adjacent(t, nxt))):
            yield Kind.PERSON, tokens[i - 2].start, t.end  # 担当は中村まで, 代表は鈴木です
            continue
        # a listed surname alone as the subject of a clause: 「鈴木が担当しています」「。高橋は…」
        if t.surname and t.surface in SURNAMES and len(t.surface) >= 2 and t.surface not in PLACE_SURNAMES \
                and (i == 0 or tokens[i - 1].pos[1] in ("句点", "読点") or tokens[i - 1].surface in ("、", "。", " ")
                     or tokens[i - 1].pos[0] in ("動詞", "助動詞")) \
                and text.startswith(("が", "は", "も"), t.end) and not (nxt is not None and nxt.given):
            yield Kind.PERSON, t.start, t.end
            continue
        # introducing oneself: 木下と申します, 山田太郎といいます
        if t.person and _SELF_INTRODUCTION.match(text, nxt.end if (t.surname and nxt is not None and gap and nxt.given) else t.end):
            yield Kind.PERSON, t.start, nxt.end if (t.surname and nxt is not None and gap and nxt.given) else t.end
            continue
        # a name in katakana, as a bank account holder or a form shows it: スズキ ハナコ
        if t.proper and KATA_WORD.fullmatch(t.surface) and nxt is not None and gap and nxt.given and KATA_WORD.fullmatch(nxt.surface):
            yield Kind.PERSON, t.start, nxt.end
            continue
        if t.surname and nxt is not None and gap and nxt.given:
            # a one-kanji given name only before an honorific or a clause break: 山田翔さんが, not 山田錦を (a rice)
            if (len(nxt.surface) > 1 or text.startswith((*_HONORIFICS, "が", "は", "(", " ", "も"), nxt.end)
                    or nxt.end == len(text)) and not _cited(text, nxt.end):
                yield Kind.PERSON, t.start, nxt.end
            continue
        # a foreign name in parts: ジョン・スミス, グエン・ヴァン・ナム (only the first part need be known)
        if t.person and t.pos[3] == "一般" and i + 2 < n and tokens[i + 1].surface in ("・", " ", "=") \
                and adjacent(tokens[i + 1], tokens[i + 2]) \
                and (tokens[i + 2].person or (KATA_WORD.fullmatch(t.surface) and KATA_WORD.fullmatch(tokens[i + 2].surface))):
            k = i + 2
            while k + 2 < n and tokens[k + 1].surface == "・" and KATA_WORD.fullmatch(tokens[k + 2].surface):
                k += 2
            if not _cited(text, tokens[k].end):
                yield Kind.PERSON, t.start, tokens[k].end
            continue
        # a name after a kin word or a role: 息子の翔太, 妻の恵子, 娘婿の岡本が, 私、佐藤は
        if (t.given or t.surname) and len(t.surface) >= 2 and i >= 2 and tokens[i - 1].surface in ("の", "は", "・", "、", ",", ":") \
                and tokens[i - 2].surface in _KIN_AND_ROLES and (t.given or _ends_clause(text, t.end)):
            honorific = next((h for h in _HONORIFICS if text.startswith(h, t.end)), "")
            yield Kind.PERSON, t.start, t.end + len(honorific)
            continue
        after = text[t.end:t.end + 3]
        if t.given and prev is not None and prev.surname and adjacent(prev, t):
            continue  # 稲盛和夫さん: the full name is the surname's finding (or a cited one)
        if t.person and after.startswith(_HONORIFICS):
            if t.surname and after.startswith(("さん", "様", "さま", "氏", "殿")):
                continue  # person.py's job (with its stoplists for 取引先様, 職人さん)
            yield Kind.PERSON, t.start, t.end + next(len(h) for h in _HONORIFICS if after.startswith(h))
            continue
        if t.person and (m := _READING.match(text, t.end)) and _kata(m.group("r")) == t.reading:
            yield Kind.PERSON, t.start, m.end()


def reading_names(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    """A surname token that swallowed its reading: 鷲尾(わしお) is one token to the dictionary."""
    for t in tokens:
        if t.person and "(" in t.surface:
            yield Kind.PERSON, t.start, t.end


def chinese_names(text: str, tokens: tuple[Token, ...]) -> Iterator[Found]:
    if not any(c in _CHINESE_SURNAMES or c == "金" for c in text):
        return
    for m in _MIXED_NAME.finditer(text):
        yield Kind.PERSON, m.start(), m.end()
    for m in _CHINESE_ALONE.finditer(text):
        yield Kind.PERSON, m.start(), m.end() + (2 if text.startswith(("さん", "くん"), m.end()) else 1)
    ends = [t.end for t in tokens]  # in text order: the tokens over a match are found by bisection
    for m in _CHINESE_NAME.finditer(text):
        a, b = m.span("name")
        name = m.group("name").replace(" ", "")
        if name[-1] in _NOT_GIVEN_END:
            continue
        first = bisect_right(ends, a)  # the first token ending after a
        covering = []
        for t in tokens[first:]:
            if t.start >= b:
                break
            covering.append(t)
        if any(t.pos[0] not in ("名詞", "接頭辞", "接尾辞") for t in covering) or covering[0].start != a:
            continue
        whole = len(covering) == 1 and covering[0].person  # 王偉: the dictionary knows the name
        split = covering[0].surface == name[0]  # 陳|建国, 王|小明: the surname character stands alone
        if whole or split:  # not 韓国, 王者, 顧客層: ordinary words starting with the character
            yield Kind.PERSON, a, b


_TITLED_ROMAN = re.compile(r"(?<![A-Za-z])(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?")


def romanised_names(text: str) -> Iterator[Found]:
    for m in _TITLED_ROMAN.finditer(text):
        yield Kind.PERSON, m.start(), m.end()
    for m in _ROMAN_NAME.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a.lower() in _ROMAN_NOT_NAMES or b.lower() in _ROMAN_NOT_NAMES:
            continue
        if all(romaji_word(w) or w.lower() in _FOREIGN_NAMES for w in (a, b)):
            yield Kind.PERSON, m.start(), m.end()
