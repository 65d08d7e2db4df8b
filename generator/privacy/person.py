"""Personal names in normalised text: a surname next to an honorific or a role.

With a surname from surnames.py:

* an honorific or a role after the name: 佐藤様, 林部長, 渡辺 一郎さん, 山田 社長, 専務鈴木さん;
* a role before it: 代表の鈴木, 担当：中村, 製造部長の早乙女健二.

With a surname no list holds, a run of two or three kanji that *looks* like a
surname — it starts with a character that starts a listed surname and ends with
one that ends one (鷲尾: 鷲見 + 松尾) — right before 氏/殿/様/さん at a clear
boundary (start, punctuation, a particle: 創業者の高梨氏, 取引先から伊集院殿宛て),
or as a full name with a space before an honorific or a role (鶴見 和夫氏).
What that must leave alone are the words ending in the same characters
(取引先様, 社員さん, 蔵元さん, 杜氏, 宮殿, 仕様): see _GROUP_ENDINGS and the stoplists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .chars import HIRA, KANJI, KATA
from .kinds import Kind
from .surnames import PLACE_SURNAMES, SURNAMES

Found = tuple[Kind, int, int]

_KANJI_RE = re.compile(f"[{KANJI}]")
_WORD_CHAR = re.compile(f"[{KANJI}{HIRA}{KATA}A-Za-z0-9]")

_HONORIFICS = ("様", "さま", "さん", "氏", "殿")
_PLACE_ROLES = ("支店長", "工場長", "店長", "所長", "営業所長", "支社長", "事業所長", "局長", "駅長", "署長", "校長", "園長", "館長")
_ROLES = ("代表取締役社長", "代表取締役", "取締役", "副社長", "社長", "会長", "専務", "常務", "部長", "課長", "係長", "次長",
          "室長", "主任", "院長", "理事長", "事務長", "施設長", "先生", "博士", "教授", "准教授", "師匠", "親方", "棟梁",
          *_PLACE_ROLES)
_SUFFIX = re.compile("|".join(sorted({*_HONORIFICS, *_ROLES}, key=len, reverse=True)))
# A role, then の / である / ： / a space, then the name: 代表の鈴木, 担当：中村, 会長 渡辺一郎.
_ROLE_FIRST = re.compile(
    r"(?:代表取締役社長|代表取締役|代表者|代表|取締役|副社長|社長|会長|専務|常務|部長|課長|係長|次長|室長|主任|工場長|店長|所長|"
    r"院長|理事長|事務長|施設長|顧問|相談役|監査役|番頭|女将|店主|当主|社主|経営者|担当者|担当|窓口|責任者|後継者|創業者|"
    r"先代|長男|長女|次男|次女|息子|娘|奥様|妻|夫|氏名|お名前|名前)"
    r"(?:名)?(?:[ ]?:[ ]?|の|である|・|[ ])"
)
# Written right before a name, part of the same kanji run: 専務鈴木さん, 故高梨氏, 前社長高梨氏.
_TITLES = sorted({*_ROLES, "代表", "故", "元", "前", "現"}, key=len, reverse=True)
_SURNAME_LENGTHS = sorted({len(s) for s in SURNAMES}, reverse=True)
# Last characters that make a "given name" an ordinary word instead: 中山間地, 石井部品, 植木屋 …
_NOT_GIVEN_END = frozenset("地県市町村区店社業部課場品化性的式製局所会館駅線内外間側方面等者員界向用中後前上下産物材料費税額率屋際")
_MAX_GIVEN = 3

# --- surnames no list holds ---------------------------------------------------------

# Last characters of words for groups, trades, places, temples and kin, which a
# surname-like run must not end in: 取引先様, 社員さん, 問屋さん, 病院様, 蔵元さん,
# 宮司さん, 息子さん. The few surnames that do end so (阿部, 土屋, 馬場, 金子, 秋元) are listed.
_GROUP_ENDINGS = frozenset("者員客先家族民主社店屋部課局室所会長師士官工匠生人達等側陣衆班係組団業庁省府県市区院校館園場"
                           "寺堂蔵元司手子女方位様殿氏")
_INITIALS = frozenset(s[0] for s in SURNAMES if len(s) > 1)
_FINALS = frozenset(s[-1] for s in SURNAMES if len(s) > 1) - _GROUP_ENDINGS
# Words that end in an honorific (彼氏, 仕様, 御殿, 奥さん), and words that pass the
# first/last-character test but name no one (仲居さん, 八幡様, 市町村様, 部下さん).
_HONORIFIC_WORDS = frozenset("""
    彼氏 同氏 両氏 諸氏 某氏 各氏 杜氏 源氏 平氏 摂氏 華氏 姓氏 釈氏 無名氏 失名氏 氏族
    貴殿 御殿 宮殿 神殿 本殿 拝殿 社殿 仏殿 寝殿 正殿 沈殿 湯殿 宝殿 宝物殿 昇殿 参殿 若殿 客殿 霊殿 祭殿 内殿 奥殿 別殿
    便殿 渡殿 夢殿 高殿 大殿 新殿 大仏殿 紫宸殿 大極殿 伏魔殿 殿堂
    様々 同様 多様 仕様 模様 一様 異様 態様 文様 紋様 有様 王様 神様 殿様 奥様 皆様 皆々様 貴様 何様 各様 両様 外様 若様
    逆様 左様 斯様 無様 不様 図様 子様 客様 家族様 人様 先様 父様 母様 兄様 姉様 嬢様 様様 空模様 三人三様
    御一同様 御一統様 御愁傷様 御馳走様 御蔭様 御苦労様 苦労様 馳走様 愁傷様 一同様 各位様 関係者様 奥方様
    奥さん 兄さん 姉さん 母さん 父さん 婆さん 爺さん 嫁さん 坊さん 皆さん 叔父さん 叔母さん 研さん 編さん 炊さん 晩さん
""".split())
_NOT_NAMES = frozenset("""
    元請 下請 孫請 奥方 部下 配下 傘下 閣下 殿下 陛下 貴下 天下 目下 目上 年上 年下 地下 以下 以上 大口 小口 地場 中堅
    同業 異業 同郷 同好 仲間 市町村 仲居 関取 大関 船頭 手代 手下 当代 先代 初代 門下 高名 住持 和上 金持 大名 名代 城代
    八幡 天神 稲荷 弁天 不動 観音 地蔵 明神 権現 荒神 薬師 閻魔 大師 庚申 山王 恵比寿 毘沙門 大黒 道祖神 氏神
    神宮 大神宮 天満宮 八幡宮 東照宮 本宮
""".split())
_NOT_GIVEN_ENDINGS = _NOT_GIVEN_END | _GROUP_ENDINGS
# Last characters of given names: 健二, 和夫, 一郎, 美香 (for 高梨和夫氏 without a space).
_GIVEN_ENDINGS = frozenset("郎夫雄男彦介助輔太平司治也哉樹美恵江代香奈枝絵穂菜乃紀典志史明弘博浩宏隆誠茂実昭清進勇勉豊稔修彰章剛亮翔蔵吉造作衛次一二三")
# What reads as the end of the word before a name: a particle or anything but a letter.
_PARTICLES = frozenset("のはがをにともへでや")
# Characters after an honorific that make it part of a word: 様々, 様式, 氏名, 殿堂, 殿様 …
_WORD_AFTER = {"様": "々式子相態変", "氏": "名族神", "殿": "堂様下"}


def _surname_prefix(run: str) -> str | None:
    for n in _SURNAME_LENGTHS:
        if len(run) >= n and run[:n] in SURNAMES:
            return run[:n]
    return None


def _is_name(run: str) -> bool:
    """A listed surname, optionally with a short given name: 山田, 山田太郎, 林 (never 林業)."""
    surname = _surname_prefix(run)
    if surname is None:
        return False
    given = run[len(surname):]
    if not given:
        return True
    if len(surname) == 1 or len(given) > _MAX_GIVEN:
        return False
    return given[-1] not in _NOT_GIVEN_END


def _looks_like_surname(run: str, strict: bool = True) -> bool:
    """Two or three kanji shaped like a surname no list holds: 鷲尾, 高梨 (never 地元, 取引先).

    Not strict (before 氏 and 殿, which ordinary nouns seldom take), the last
    character alone decides, so rare first characters pass: 鴫原氏, 芥川殿.
    """
    return 2 <= len(run) <= 3 and run[-1] in _FINALS and (run[0] in _INITIALS or not strict) and run not in _NOT_NAMES


def _looks_like_full_name(run: str, strict: bool = True) -> bool:
    """An unlisted surname with a given name, written without a space: 高梨和夫, 伊集院健二."""
    return any(_looks_like_surname(run[:n], strict) and 1 <= len(run) - n <= _MAX_GIVEN and run[-1] in _GIVEN_ENDINGS
               for n in (2, 3))


def _ends_in_word(run: str, honorific: str) -> bool:
    """Whether the run's tail and the honorific make one word: 製品仕様, 創業者の両氏, 関係者様."""
    honorific = "様" if honorific == "さま" else honorific
    return any(run[i:] + honorific in _HONORIFIC_WORDS or run[i:] in _NOT_NAMES for i in range(len(run)))


def _at_boundary(text: str, start: int) -> bool:
    """Whether a name may start here: at the start, after punctuation, a space or a particle."""
    if start == 0:
        return True
    before = text[start - 1]
    return before in _PARTICLES or text[start - 2:start] in ("から", "より") or not _WORD_CHAR.match(before)


def _kanji_run_before(text: str, pos: int) -> int:
    start = pos
    while start > 0 and _KANJI_RE.match(text[start - 1]):
        start -= 1
    return start


def _after_titles(text: str, start: int, end: int) -> int:
    """Skip roles and 故/元/前 written right before a name: 前社長高梨氏 → 高梨氏."""
    stripped = True
    while stripped:
        stripped = False
        for title in _TITLES:
            if text.startswith(title, start) and end - start - len(title) >= 2:
                start += len(title)
                stripped = True
                break
    return start


def _listed(text: str, start: int, end: int, suffix: str) -> int | None:
    """Start of a listed name ending at end (before suffix), or None."""
    run = text[start:end]
    if _is_name(run):
        if suffix in _PLACE_ROLES and _surname_prefix(run) in PLACE_SURNAMES:
            return None  # 千葉支店長 is the Chiba branch's manager
        return start
    if start >= 2 and text[start - 1] == " " and len(run) <= _MAX_GIVEN:
        # 渡辺 一郎さん: a surname, a space, a given name
        outer = _kanji_run_before(text, start - 1)
        surname = text[outer:start - 1]
        if surname in SURNAMES and len(surname) > 1:
            return outer
    return None


def _unlisted(text: str, start: int, end: int, suffix: str, after_title: bool) -> int | None:
    """Start of a name whose surname no list holds, or None (see the module docstring)."""
    if suffix in _PLACE_ROLES:
        return None  # 関西 支店長, 横浜工場長: too often a place
    run = text[start:end]
    if _ends_in_word(run, suffix):
        return None
    if start >= 3 and text[start - 1] == " " and len(run) <= _MAX_GIVEN and run[-1] not in _NOT_GIVEN_ENDINGS:
        # 鶴見 和夫氏, 鶴見 和夫 社長: a surname-like run, a space, a given name
        outer = _kanji_run_before(text, start - 1)
        if _looks_like_surname(text[outer:start - 1]) and _at_boundary(text, outer):
            return outer
    if suffix not in _HONORIFICS or not (after_title or _at_boundary(text, start)):
        return None
    strict = suffix not in ("氏", "殿")
    return start if _looks_like_surname(run, strict) or _looks_like_full_name(run, strict) else None


def _suffix_is_word(text: str, suffix: str, end: int) -> bool:
    after = text[end:end + 1]
    return bool(after) and after in _WORD_AFTER.get(suffix, "")


def _suffixed(text: str) -> Iterator[Found]:
    for m in _SUFFIX.finditer(text):
        suffix = m.group()
        if _suffix_is_word(text, suffix, m.end()):
            continue
        end = m.start()
        if text[end - 1:end] == " " and suffix in _ROLES:
            end -= 1  # 山田 社長
        start = _kanji_run_before(text, end)
        if start == end:
            continue
        titled = _after_titles(text, start, end)
        found = _listed(text, titled, end, suffix)
        if found is None:
            found = _unlisted(text, titled, end, suffix, titled > start)
        if found is not None:
            yield Kind.PERSON, found, m.end()


def _role_first(text: str) -> Iterator[Found]:
    for m in _ROLE_FIRST.finditer(text):
        pos = m.end()
        end = pos
        while end < len(text) and _KANJI_RE.match(text[end]) and end - pos < 7:
            end += 1
        run = text[pos:end]
        if run and (_is_name(run) or _looks_like_full_name(run)):
            yield Kind.PERSON, m.start(), end


# A romanised name before an honorific or a role: Kenji Arakawa氏, Mary Smith 様.
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+ [A-Z][a-z]+(?= ?(?:様|さま|さん|氏|殿|社長|会長|専務|常務|部長|課長))")


def _latin(text: str) -> Iterator[Found]:
    for m in _LATIN_NAME.finditer(text):
        yield Kind.PERSON, m.start(), m.end()


def person(text: str) -> Iterator[Found]:
    """Every personal name in normalised text, as (Kind.PERSON, start, end)."""
    yield from _suffixed(text)
    yield from _role_first(text)
    yield from _latin(text)
