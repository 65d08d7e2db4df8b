"""Numbers that are identifying because of their label or their shape, on normalised text.

* bank accounts: 口座番号 1234567, 普通 1234567, 当座預金1234567, 店番123, 支店番号,
  ゆうちょ 記号10180 番号12345671, 郵便振替 00120-3-45678 (that 5-1-n shape is an
  account wherever it stands);
* マイナンバー / 個人番号: 12 digits (also 4-4-4) after the label, or anywhere when
  the last digit is the correct check digit (a random 12-digit number passes 1 time in 10,
  and 12-digit numbers are rare in these texts: phones have 10–11, corporate numbers 13);
* vehicle plates: 品川 300 さ 12-34, 横浜500あ・・12, and ナンバー/車両番号 + 12-34;
* a person's full birth date: 1956年3月14日生まれ, 昭和32年5月17日生, S30.5.17生,
  生年月日: 1956/3/14. A founding date (昭和37年4月1日創業) is not a birth date;
* 会社法人等番号 (the register's 12 digits, 0100-01-123456);
* phone numbers in kanji numerals: 〇九〇‐一二三四‐五六七八.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .kinds import Kind

Found = tuple[Kind, int, int]

# --- bank accounts ---------------------------------------------------------------

_SEP = r"[ ]?(?:は|:|No\.?|番号)?[ ]?"
_BANK = re.compile(rf"""
    (?P<label>口座番号|口座No\.?|口座|預金口座|\(普\)|普\)|\(当\)|当\)|(?:普通|当座|貯蓄)(?:預金)?(?:口座)?|店番号?|支店番号|支店コード|記号番号|
              振替口座|郵便振替(?:口座)?|ゆうちょ(?:銀行)?(?:の)?(?:口座|記号)?|記号)
    {_SEP}
    (?P<num>[0-9]{{3,8}}(?:[ \-][0-9]{{1,8}}){{0,2}}(?:[ ,、]?番号[ ]?(?:は|:)?[ ]?[0-9]{{1,8}})?)
    (?![0-9]|[ ]?[年月日時分秒歳名人件円万個回%])
""", re.X | re.A)
_TRANSFER = re.compile(r"(?<![0-9\-])0[0-9]{4}-[0-9]-[0-9]{1,6}(?![0-9\-])", re.A)
_GENERIC_DIGITS = {"普通": 6, "当座": 6, "貯蓄": 6, "口座": 5, "記号": 5}  # an unlabelled-looking run needs this many digits


def _bank(text: str) -> Iterator[Found]:
    if not any(w in text for w in ("口座", "普", "当", "貯蓄", "店番", "支店", "記号", "振替", "ゆうちょ")) and "-" not in text:
        return
    for m in _BANK.finditer(text):
        label = m.group("label")
        digits = re.sub(r"[^0-9]", "", m.group("num"))
        need = next((n for word, n in _GENERIC_DIGITS.items() if label.startswith(word) and label in (word, word + "預金")), 3)
        if label.startswith("店番") or label.startswith("支店"):
            need = 3
        if len(digits) >= need:
            yield Kind.BANK_ACCOUNT, m.start(), m.end()
    for m in _TRANSFER.finditer(text):
        yield Kind.BANK_ACCOUNT, m.start(), m.end()


# --- マイナンバー -------------------------------------------------------------------------

_MY_NUMBER_LABELLED = re.compile(
    r"(?:マイナンバー|個人番号)(?:カード)?(?:の番号)?[ ]?(?:は|:)?[ ]?(?P<num>[0-9]{4}[ \-]?[0-9]{4}[ \-]?[0-9]{4})(?![0-9])", re.A)
_TWELVE = re.compile(r"(?<![0-9\-])(?<![0-9][ \-])(?P<num>[0-9]{4}(?P<sep>[ \-]?)[0-9]{4}(?P=sep)[0-9]{4})(?![0-9]|-[0-9])", re.A)


def my_number_valid(digits: str) -> bool:
    """Whether 12 digits end in the check digit of a マイナンバー (the 総務省令's formula)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    body = [int(d) for d in digits[:11]]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(body), start=1))
    rest = total % 11
    return int(digits[11]) == (0 if rest <= 1 else 11 - rest)


def _my_number_labelled(text: str) -> Iterator[Found]:
    for m in _MY_NUMBER_LABELLED.finditer(text):
        yield Kind.MY_NUMBER, m.start(), m.end()


def _my_number(text: str) -> Iterator[Found]:
    yield from _my_number_labelled(text)
    for m in _TWELVE.finditer(text):
        if my_number_valid(re.sub(r"[^0-9]", "", m.group("num"))):
            yield Kind.MY_NUMBER, m.start(), m.end()


# --- 会社法人等番号 ----------------------------------------------------------------

_REGISTER = re.compile(r"会社法人等番号[ ]?(?:は|:)?[ ]?(?P<a>[0-9]{4}-?[0-9]{2}-?[0-9]{6})(?![0-9])"
                       r"|(?<![0-9\-])(?P<b>(?:[0-9]-)?[0-9]{4}-[0-9]{2}-[0-9]{6})(?![0-9\-])"  # 0100-01-123456, 法人番号 as 5-9180-03-459790
                       r"|法人番号[ ]?(?:は|:)?[ ]?(?P<c>T?[0-9](?:[ \-]?[0-9]){12})(?![0-9])", re.A)


def _register(text: str) -> Iterator[Found]:
    for m in _REGISTER.finditer(text):
        group = next(g for g in "abc" if m.group(g))
        yield Kind.CORPORATE_NUMBER, m.start(group), m.end(group)


# --- vehicle plates ----------------------------------------------------------------------

# 希望番号 is written 12-34, ・・12, ・1 23; the class number is 1–3 digits; one kana.
_PLATE_NUMBER = r"(?:[0-9]{1,2}-[0-9]{2}|[・.]{1,3}[ ]?[0-9]{1,3}|[0-9]{4})"
_PLATE = re.compile(rf"""
    (?P<full>(?:(?<![一-龥ァ-ヺ])[一-龥]{{1,4}}|(?<![ぁ-ん])[ぁ-ん]{{2,4}})[ ]?[0-9]{{2,3}}[ ]?[あ-をさ-ん][ ]?{_PLATE_NUMBER})
  | (?:(?<!マイ)ナンバー(?:プレート)?|車両番号|車番|登録番号)(?:は|:|の)?[ ]?(?:「)?(?P<labelled>(?:[{'一-龥ぁ-ん'}]{{1,4}}[ ]?[0-9]{{2,3}}[ ]?[あ-ん][ ]?)?{_PLATE_NUMBER})
""", re.X | re.A)
_NOT_PLATE_KANA = "ぁぃぅぇぉっゃゅょゎをんのはがにでとへもや"


def _plate(text: str) -> Iterator[Found]:
    if "ナンバー" not in text and "車" not in text and "番号" not in text and not re.search(r"[0-9][ ]?[あ-ん][ ]?[0-9・]", text):
        return
    for m in _PLATE.finditer(text):
        if m.group("full"):
            kana = re.search(r"[0-9][ ]?([あ-ん])", m.group("full"))
            if kana is None or kana.group(1) in _NOT_PLATE_KANA:
                continue  # 「3年で12-34」: a particle between numbers is no plate
            yield Kind.VEHICLE_PLATE, m.start("full"), m.end("full")
        else:
            yield Kind.VEHICLE_PLATE, m.start(), m.end()


# --- birth dates -------------------------------------------------------------------------

_ERA = r"(?:明治|大正|昭和|平成|令和|[MTSHR](?=[0-9]))"
_N = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})"  # a month, a day or an era year, also in kanji numerals (二十三)
_DATE = rf"""(?:
      (?:(?:19|20)[0-9]{{2}}|[一][九][〇一二三四五六七八九]{{2}}|[二][〇][〇一二三四五六七八九]{{2}})
      (?:年{_N}月{_N}日|[/.\-][0-9]{{1,2}}[/.\-][0-9]{{1,2}})
    | {_ERA}[ ]?(?:{_N}|元)(?:年{_N}月{_N}日|[/.\-][0-9]{{1,2}}[/.\-][0-9]{{1,2}})
)"""
_BIRTH = re.compile(rf"""
    (?P<a>{_DATE})[ ]?(?:の)?(?=生まれ|生\b|生[^産地活涯]|うまれ|誕生|出生|生$)
  | (?:生年月日|誕生日|出生日|生まれ)[ ]?(?:は|:|の)?[ ]?(?P<b>{_DATE})
""", re.X | re.A)


def _birth(text: str) -> Iterator[Found]:
    if "生" not in text and "誕" not in text:
        return
    for m in _BIRTH.finditer(text):
        group = "a" if m.group("a") else "b"
        end = m.end(group)
        for word in ("生まれ", "うまれ", "生"):
            if group == "a" and text.startswith(word, end + (1 if text[end:end + 1] in " の" else 0)):
                end += len(word) + (1 if text[end:end + 1] in " の" else 0)
                break
        yield Kind.BIRTH_DATE, m.start(group) if group == "a" else m.start(), end


# --- phones in kanji numerals --------------------------------------------------------------

_KANJI_TO_DIGIT = str.maketrans("〇○一二三四五六七八九零", "001234567890")
_KANJI_PHONE = re.compile(r"(?<![0-9])0[0-9]{1,4}[-(]?[0-9]{1,4}[-)]?[0-9]{3,4}(?![0-9])", re.A)
_DASHLIKE = re.compile(r"(?<=[0-9])[ー−‐‑‒–—―\-・の](?=[0-9])")
_HAS_KANJI_DIGIT = re.compile("[〇○一二三四五六七八九零]{3}")


def _kanji_phone(text: str) -> Iterator[Found]:
    if not _HAS_KANJI_DIGIT.search(text):
        return
    digits = _DASHLIKE.sub("-", text.translate(_KANJI_TO_DIGIT))  # one character for one: offsets stay
    for m in _KANJI_PHONE.finditer(digits):
        if not any(c in "〇○一二三四五六七八九零" for c in text[m.start():m.end()]):
            continue  # in ASCII digits: patterns._phone's job
        count = sum(c.isdigit() for c in m.group())
        if 10 <= count <= 11:
            yield Kind.PHONE, m.start(), m.end()


def _in_kanji_digits(text: str, finder: object) -> Iterator[Found]:
    """A finder run once more with 〇一二…九 read as digits (普通口座 三〇五一二八七); one character for one."""
    if not _HAS_KANJI_DIGIT.search(text):
        return
    digits = text.translate(_KANJI_TO_DIGIT)
    for kind, start, end in finder(digits):  # type: ignore[operator]
        if any(c in "〇○一二三四五六七八九零" for c in text[start:end]):
            yield kind, start, end


def numbers(text: str) -> Iterator[Found]:
    """Every labelled or check-digit number in normalised text."""
    yield from _my_number(text)
    yield from _register(text)
    yield from _bank(text)
    yield from _in_kanji_digits(text, _bank)
    yield from _in_kanji_digits(text, _my_number_labelled)
    yield from _birth(text)
    yield from _plate(text)
    yield from _kanji_phone(text)
