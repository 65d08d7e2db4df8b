"""The detectors: where identifying details sit in *normalised* text (see normalise.py).

Each detector returns (kind, start, end) in normalised offsets. Regular
expressions find candidates; small Python checks then throw out the shapes
that only look alike (dates, ranges, 株式会社化, 一番の課題, 社名.jp …), because a
false alarm in every second file teaches staff to ignore the check. Personal
names have their own module, person.py.
Digits are matched as [0-9] with re.ASCII: NFKC already turned full-width
digits into ASCII ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .chars import HIRA, KANJI, KATA
from .kinds import Kind
from .numbers import numbers as _numbers
from .person import person as _person
from .proper import proper as _proper
from .romaji import romaji_word

Found = tuple[Kind, int, int]

_NAME_CHARS = re.compile(f"[{KANJI}{KATA}A-Za-z0-9&・]")

# --- phone and fax numbers ----------------------------------------------------

_PHONE = re.compile(r"""
    (?<![0-9.\-+])
    (?:
        \+81[ \-]?(?:\(0\)[ \-]?)?[1-9][0-9]{0,3}[ \-.・]?[0-9]{1,4}[ \-.・]?[0-9]{3,4}
      | \(0[0-9]{1,4}\)[ ]?[0-9]{1,4}[ \-.・]?[0-9]{3,4}
      | 0[0-9]{1,4}\([0-9]{1,4}\)[ ]?[0-9]{3,4}
      | 0[0-9]{1,4}[ \-.・][0-9]{1,4}[ \-.・][0-9]{3,4}
      | 0[0-9]{9,10}
    )
    (?![0-9])
""", re.X | re.A)


# A number shaped like a phone number but labelled as something else: 部品番号 03-4512-7788.
_NOT_PHONE_LABEL = re.compile(r"(?:部品番号|品番|型番|型式|製品番号|管理番号|注文番号|伝票番号|図番|図面番号|ロット番号|ロット|シリアル番号|"
                              r"品目コード|商品コード|JANコード|コード|規格|番号体系)[ ]?(?:は|:|No\.?)?[ ]?$")


def _phone(text: str) -> Iterator[Found]:
    for m in _PHONE.finditer(text):
        if _NOT_PHONE_LABEL.search(text, max(0, m.start() - 12), m.start()):
            continue
        digits = re.sub(r"[^0-9]", "", m.group())
        if digits.startswith("81") and m.group().startswith("+"):
            ok = 9 <= len(digits) - 2 <= 10
        else:
            ok = digits.startswith("0") and 10 <= len(digits) <= 11
        if ok:
            yield Kind.PHONE, m.start(), m.end()


def phone_digits(value: str) -> str:
    """The digits a phone number dials, for comparing two spellings of one number."""
    digits = re.sub(r"[^0-9]", "", value)
    return "0" + digits[2:].lstrip("0") if value.strip().startswith("+81") else digits


# --- e-mail addresses -------------------------------------------------------

# "@" and "." as staff spell them to fool harvesters: (at) [at] アット あっと ★, (dot) ドット,
# and a bare " at ". A bare " dot " is left out: "look at this dot com" is English.
_AT_MARKED = r"[ ]?[(\[<{][ ]?(?:at|@)[ ]?[)\]>}][ ]?|[ ]?\(?(?:アット(?:マーク)?|あっと(?:まーく)?|[★☆])\)?[ ]?|_at_|-at-|\.at\."
_AT_WORD = rf"{_AT_MARKED}|[ ]at[ ]"
_DOT_WORD = r"[ ]?[(\[<{][ ]?dot[ ]?[)\]>}][ ]?|[ ]?(?:ドット|どっと)[ ]?|_dot_|-dot-"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"""
    (?<![A-Za-z0-9._%+\-])
    [A-Za-z0-9](?:[A-Za-z0-9._%+\-]|_(?!at_))*
    (?:[ ]?(?P<at>@)[ ]?|(?P<bare>[ ]at[ ])|{_AT_MARKED})
    {_LABEL}
    (?:(?:\.|{_DOT_WORD}){_LABEL})+
""", re.X | re.A | re.I)
_HAS_KANA = re.compile(f"[{HIRA}{KATA}]")
_EMAIL_HINTS = ("@", "アット", "あっと", "★", "☆", "_at_")


# The user part in kana, "at" and "dot" spelled out: よしだ あっと example どっと jp.
_KANA_EMAIL = re.compile(
    rf"(?P<local>[{HIRA}{KATA}A-Za-z0-9._\-]{{2,20}})[ ]?(?:あっと(?:まーく)?|アット(?:マーク)?|@|\(at\)|\[at\])[ ]?"
    rf"(?P<domain>{_LABEL}(?:[ ]?(?:どっと|ドット|\.|\(dot\))[ ]?{_LABEL})+)"
)


def _kana_email(text: str) -> Iterator[Found]:
    for m in _KANA_EMAIL.finditer(text):
        if not _HAS_KANA.search(m.group("local")):
            continue  # an ASCII user part is _email's
        tld = re.split(r"[ ]?(?:どっと|ドット|\.|\(dot\))[ ]?", m.group("domain"))[-1]
        if _KNOWN_TLD.fullmatch(tld.lower()):
            yield Kind.EMAIL, m.start(), m.end()


def _email(text: str) -> Iterator[Found]:
    if any(w in text for w in ("あっと", "アット")):
        yield from _kana_email(text)
    if "at" not in text.lower() and not any(hint in text for hint in _EMAIL_HINTS):
        return
    for m in _EMAIL.finditer(text):
        tld = _spelled(m.group()).rsplit(".", 1)[-1]
        if m.group("at"):
            ok = tld.isalpha() and len(tld) >= 2
        else:  # a spelled-out "at" needs a real top-level domain, lower case after a bare one: "Web at ASP.NET" is prose
            ok = _KNOWN_TLD.fullmatch(tld if m.group("bare") else tld.lower()) is not None
        if ok:
            yield Kind.EMAIL, m.start(), m.end()


def _spelled(value: str) -> str:
    """(at)/アット/★ → @ and (dot)/ドット → ., as typed otherwise."""
    value = re.sub(_AT_WORD, "@", value, flags=re.I)
    return re.sub(_DOT_WORD, ".", value, flags=re.I)


def email_key(value: str) -> str:
    """One spelling of an address: (at)/アット/★ → @, (dot)/ドット → ., no spaces, lower case."""
    return re.sub(r"\s+", "", _spelled(value)).lower()


# --- URLs and bare domains ----------------------------------------------------------

_URL = re.compile(r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+|(?<![A-Za-z0-9.\-])www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+",
                  re.A | re.I)
# Lower-case top-level domains only: "ASP.NET" is a product, "example.net" a site.
_TLDS = (r"(?:co|ne|or|ac|go|lg|ed|gr|ad)\.jp|jp|com|net|org|info|biz|io|me|tv|co|shop|tokyo|osaka|nagoya|"
         r"yokohama|kyoto|xyz|online|site|store|tech|app|dev|asia|link|work|club|blog|page|xn--[a-z0-9\-]+")
_KNOWN_TLD = re.compile(_TLDS)
_DOMAIN = re.compile(rf"""
    (?<![A-Za-z0-9@.\-_/])
    (?:[A-Za-z0-9](?:[A-Za-z0-9\-]{{0,61}}[A-Za-z0-9])?\.)+(?:{_TLDS})
    (?![A-Za-z0-9\-])
    (?:/[A-Za-z0-9\-._~/?#%=&+]*)?
""", re.X | re.A)
# Well-known platforms named as places to sell or meet, not as a company's own site.
PLATFORM_DOMAINS = frozenset({
    "amazon.co.jp", "amazon.com", "rakuten.co.jp", "yahoo.co.jp", "google.com", "google.co.jp", "youtube.com",
    "instagram.com", "facebook.com", "x.com", "twitter.com", "line.me", "tiktok.com", "note.com", "zoom.us",
    "mercari.com", "stores.jp", "base.shop", "shopify.com", "microsoft.com",
})


_OPENING = {")": "(", "]": "["}


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop sentence punctuation and an unbalanced closing bracket from a URL's end."""
    while end > start:
        last = text[end - 1]
        if last in ".,;:!?'":
            end -= 1
        elif last in _OPENING and text.count(_OPENING[last], start, end) < text.count(last, start, end):
            end -= 1
        else:
            break
    return end


def _url(text: str) -> Iterator[Found]:
    if "." not in text:
        return
    for m in _URL.finditer(text):
        end = _trim_url(text, m.start(), m.end())
        if "." in text[m.start():end]:
            yield Kind.URL, m.start(), end


def _domain(text: str) -> Iterator[Found]:
    if "." not in text:
        return
    for m in _DOMAIN.finditer(text):
        end = _trim_url(text, m.start(), m.end())
        bare = text[m.start():end].lower().removeprefix("www.").rstrip("/")
        if bare not in PLATFORM_DOMAINS:
            yield Kind.URL, m.start(), end


# Japanese domain names (みどり精工.jp, みどり精工.テスト): labels of kanji, kana and ASCII,
# with an ASCII or a Japanese top-level domain. A Japanese TLD must end the word
# (「…完了．テストの結果」 is a sentence written with a full-width period).
_JA_TLDS = "日本|テスト|コム|みんな|クラウド|ストア|セール|ファッション|ポイント|世界|家電|書籍|通販|在线|公司|网络|商城"
_JA_LABEL_CHAR = f"[{KANJI}{KATA}{HIRA}A-Za-z0-9\\-]"
_IDN = re.compile(rf"""
    (?P<labels>(?:{_JA_LABEL_CHAR}{{1,30}}\.)+)
    (?:(?P<ja>{_JA_TLDS})(?![{KANJI}{KATA}{HIRA}A-Za-z0-9\-])|(?:{_TLDS})(?![A-Za-z0-9\-]))
    (?:/[A-Za-z0-9\-._~/?#%=&+]*)?
""", re.X)
_HAS_JAPANESE = re.compile(f"[{KANJI}{KATA}{HIRA}]")
# Labels that stand for any name in advice about domains: 「社名.jp」「屋号.com」.
_GENERIC_LABELS = ("名", "屋号", "任意", "独自", "自社", "当社", "弊社", "御社", "貴社", "ドメイン")
_LABEL_START = re.compile(f"[{KANJI}{KATA}A-Za-z0-9][はがをにでともへのや]")


def _idn_start(text: str, start: int, dot: int) -> int:
    """Where the first label begins: after 「当社の」 in 「当社のみどり精工.jp」."""
    cut = start
    for m in _LABEL_START.finditer(text, start, dot):
        cut = m.end()
    return cut if cut < dot else start


def _idn_domain(text: str) -> Iterator[Found]:
    if "." not in text:
        return
    for m in _IDN.finditer(text):
        if not (m.group("ja") or _HAS_JAPANESE.search(m.group("labels"))):
            continue  # all ASCII: _domain's job
        if m.start() and text[m.start() - 1] == ".":
            continue  # 「(.jpや.co.jp)」: a list of top-level domains, no name before them
        start = _idn_start(text, m.start(), m.start() + m.group("labels").index("."))
        if not (m.group("ja") or _HAS_JAPANESE.search(text, start, m.start("labels") + len(m.group("labels")))):
            continue  # only 「jpや」 was Japanese: what is left is all ASCII, _domain's job
        if (start and text[start - 1] in _PLACEHOLDERS) or text[start:text.index(".", start)].endswith(_GENERIC_LABELS):
            continue  # 「○○商店.jp」「社名.jp」 are fill-in examples
        yield Kind.URL, start, _trim_url(text, start, m.end())


# --- postal codes -------------------------------------------------------------

_UNITS = r"[年名件円万億個社人台回本枚点%時分秒歳店倍ヶか箇軒戸棟室頭羽匹坪〜~A-Za-z]"
_POSTAL = re.compile(rf"(?<![0-9\-./A-Za-z])[0-9]{{3}}-[0-9]{{4}}(?![0-9\-])(?![ ]?{_UNITS})", re.A)
# After 〒 or 郵便番号 any separator will do: 〒 460 0000, 郵便番号：460・0000, 〒4600000.
_POSTAL_MARKED = re.compile(r"(?P<mark>〒|郵便番号)[ ]*(?:は|:)?[ ]*"
                            r"(?P<code>[0-9]{3}(?:[ ]*[\-‐‑‒–—―−ー・.][ ]*|[ ]+)?[0-9]{4})(?![0-9])", re.A)


def _postal(text: str) -> Iterator[Found]:
    if "〒" in text or "郵便番号" in text:
        for m in _POSTAL_MARKED.finditer(text):
            yield Kind.POSTAL, m.start("mark" if m.group("mark") == "〒" else "code"), m.end()
    if "-" in text:
        for m in _POSTAL.finditer(text):
            yield Kind.POSTAL, m.start(), m.end()


# --- street addresses ---------------------------------------------------------

_PREFECTURE = re.compile(r"北海道|東京都|京都府|大阪府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|"
                         r"長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|"
                         r"熊本|大分|宮崎|鹿児島|沖縄)県")
# The house number: 9丁目8番7号, 1234番地, 9999番地の1, 1-2-3, 9-8-7-101.
_HOUSE = re.compile(r"""
    (?P<chome>[0-9]+丁目(?:[ ]?[0-9]+(?:番地?|-))?(?:[ ]?[0-9]+号?)?)
  | (?P<banchi>[0-9]+番地(?:の?[0-9]+)?(?:[0-9]+号)?|[0-9]+番[0-9]+号)
  | (?P<dashes>[0-9]{1,4}(?:-[0-9]{1,4}){1,3}号?)
""", re.X | re.A)
_PLACE_CHAR = re.compile(f"[{KANJI}{KATA}{HIRA}]")
_LOCALITY = re.compile("[市区郡町村]|大字|字")
_PARTICLES = "はがのでにをともへや"
_PLACEHOLDERS = "○◯〇●△▲□■×✕＊*"
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\Z", re.A)
_UNIT_AFTER = re.compile(rf"[ ]?{_UNITS}")
_HIRA_RE = re.compile(f"[{HIRA}]")


def _address_start(text: str, at: int, dashes: bool, parts: int) -> int | None:
    """Where the place name before a house number begins, or None if it is no address."""
    if dashes and text[at - 1:at] == " ":
        at -= 1  # 品川区 1-2-3
    i = at
    while i > 0 and at - i < 30 and _PLACE_CHAR.match(text[i - 1]):
        i -= 1
    run = text[i:at]
    if not run or text[at - 1] in _PARTICLES + "てりるく":
        return None
    if i > 0 and text[i - 1].isdigit() and run.startswith(("丁目", "番", "号")):
        return None  # 「1丁目から3丁目にかけて」: the words before are the tail of another number, a range
    if i > 0 and text[i - 1] in _PLACEHOLDERS:
        return None  # 「○○町1丁目」 is a fill-in example, not an address
    pref = _PREFECTURE.search(run)
    if pref:
        return i + pref.start()
    local = _LOCALITY.search(run, 1)
    if local is None:
        return None if dashes else i + max(run.rfind(p) for p in _PARTICLES) + 1
    if dashes and parts == 2 and _HIRA_RE.search(run, local.end()):
        return None  # 「市内の店舗3-4」: a two-part number needs a clean place name before it
    cut = max(run.rfind(p, 0, local.start()) for p in _PARTICLES)
    return i + cut + 1


def _address(text: str) -> Iterator[Found]:
    if "-" not in text and "丁目" not in text and "番" not in text:
        return
    for m in _HOUSE.finditer(text):
        start, end = m.start(), m.end()
        if start and text[start - 1].isdigit():
            continue
        dashes = m.group("dashes") is not None
        if dashes:
            if _DATE_LIKE.match(m.group()) or _UNIT_AFTER.match(text, end) or (end < len(text) and text[end] in "-.:"):
                continue  # a date, a range with a unit (3-5年), or part of a longer code
        begin = _address_start(text, start, dashes, m.group().count("-") + 1)
        if begin is not None:
            yield Kind.ADDRESS, begin, end


# A street address written by streets and towns, as in Kyoto, ending in a bare number:
# 京都市中京区三条通烏丸西入御倉町75, 横浜市中区本町75番地.
_STREET = re.compile(rf"(?P<place>[{KANJI}{KATA}ヶケ]{{1,12}}(?:市|区|郡)[{KANJI}{KATA}ヶケ]{{2,24}}?(?:町|通|入|条|丁))"
                     r"(?P<num>[0-9]{1,4})(?:番地?)?(?![0-9\-.]|[ ]?" + _UNITS + ")")


def _street(text: str) -> Iterator[Found]:
    if "市" not in text and "区" not in text and "郡" not in text:
        return
    for m in _STREET.finditer(text):
        begin = _address_start(text, m.start("num"), False, 1)
        yield Kind.ADDRESS, begin if begin is not None else m.start("place"), m.end()


# House numbers in kanji numerals (一丁目二番三号, 千二百番地の五) need two parts:
# 「駅前一丁目」「一番の課題」「三号機」「第一工場」 alone are no address.
_KANJI_DIGITS = "〇一二三四五六七八九十百千"
_NUM = rf"(?:[0-9]+|[{_KANJI_DIGITS}]+)"
_KANJI_HOUSE = re.compile(rf"""
    {_NUM}丁目[ ]?{_NUM}番地?(?:[ ]?の?[ ]?{_NUM}号?)?
  | {_NUM}(?:番地[ ]?の?|番)[ ]?{_NUM}号(?![機車線艇炉基議案館棟室店])
  | {_NUM}番地の{_NUM}
  | (?P<lone>{_NUM}番地)
""", re.X | re.A)
_KANJI_DIGIT = re.compile(f"[{_KANJI_DIGITS}]")
_IDIOMS = ("一丁目一番地",)  # 「経営の一丁目一番地」: the top priority


def _kanji_address(text: str) -> Iterator[Found]:
    if "番" not in text:
        return
    for m in _KANJI_HOUSE.finditer(text):
        if not _KANJI_DIGIT.search(m.group()) or m.group() in _IDIOMS:
            continue  # all in digits: _address's job
        begin = _address_start(text, m.start(), False, 2)
        if begin is None or (m.group("lone") and not _LOCALITY.search(text, begin, m.start())):
            continue  # a lone 番地 counts after a town or village only: 北山町千二百番地
        yield Kind.ADDRESS, begin, m.end()


# --- corporate numbers (法人番号, also as an invoice number T + 13 digits) -------

# Also grouped 1-4-4-4 as the 国税庁 site shows it: 5 0000 0000 0000, T6-0100-0100-0000.
_CORPORATE = re.compile(r"(?<![0-9A-Za-z\-.,])(?:T[ \-]?)?(?:[0-9]{13}(?![0-9])"
                        r"|(?<![0-9][ \-])[0-9](?P<sep>[ \-])[0-9]{4}(?P=sep)[0-9]{4}(?P=sep)[0-9]{4}(?![0-9]|[ \-][0-9]))", re.A)


def _corporate(text: str) -> Iterator[Found]:
    for m in _CORPORATE.finditer(text):
        yield Kind.CORPORATE_NUMBER, m.start(), m.end()


# --- company names: a legal-form marker next to a name ---------------------------

_MARKERS = re.compile(
    r"医療法人社団|医療法人財団|特定非営利活動法人|有限責任事業組合|株式会社|有限会社|合同会社|合資会社|合名会社|医療法人|社会福祉法人|"
    r"一般社団法人|一般財団法人|公益社団法人|公益財団法人|NPO法人|学校法人|宗教法人|農事組合法人|社団法人|財団法人|"
    r"事業協同組合|協同組合|企業組合|協業組合|税理士法人|弁護士法人|司法書士法人|行政書士法人|社会保険労務士法人|監査法人|"
    r"特許業務法人|土地家屋調査士法人|"
    r"\((?:株|有|合|同|資|名|医|社|財|福|特|協|学|一社|一財|公社|公財|特非|NPO)\)"
)
_UNION = ("協同組合", "事業協同組合", "企業組合", "協業組合")
# What follows a marker when no name does: 株式会社化, 合同会社の設立 …
_GENERIC_AFTER = ("化", "等", "法", "設立", "組織", "形態", "制度", "登記", "移行", "変更", "経営", "勤務", "出身", "全般",
                  "同士", "以外", "以上", "相当", "名義", "員", "役員", "社員", "従業員", "一般", "定款", "登録", "形式",
                  "方式", "向け", "間", "内", "各", "同様", "並", "風", "的", "系", "型", "規模", "株", "資本", "法人",
                  "格", "連合会", "中央会", "制", "数", "全体", "改革", "運営", "業界", "界")
# What precedes a marker when no name does: 特例有限会社, 上場株式会社, 農業協同組合 …
_GENERIC_BEFORE = frozenset({
    "特例", "上場", "非上場", "公開", "非公開", "大手", "一般", "中小", "同族", "新", "新設", "既存", "各", "同", "当", "他",
    "子", "親", "持株", "完全子", "合弁", "外資", "地元", "大", "小", "優良", "有名", "架空", "別", "上記", "下記", "前記",
    "本", "弊", "御", "貴", "自", "数", "複数", "全", "県内", "市内", "国内", "海外", "地域",
})
_UNION_TYPES = ("中小企業等", "消費生活", "火災共済", "水産業", "労働者", "事業", "企業", "農業", "漁業", "森林", "生活",
                "信用", "商工", "商店街", "農協", "漁協")
# Hiragana that starts a phrase, not a name, right after a marker: 株式会社への移行, 株式会社として …
_FUNCTION_WORDS = ("への", "との", "での", "にも", "には", "では", "とは", "とも", "から", "など", "まで", "より", "として",
                   "について", "により", "による", "における", "であ", "でも", "でな", "にな", "とな", "にす", "にし",
                   "をし", "をす", "して", "した", "する", "され", "させ", "なら", "なっ", "なり", "なる", "また", "および",
                   "または", "かつ", "ほか", "ほど", "のみ", "だけ", "ばかり", "くらい", "ぐらい", "こそ", "さえ", "しか",
                   "すら", "でき", "ない", "なく", "よう", "ある", "あり", "いる", "おり", "です", "だっ", "だと", "的")
_PARTICLE_CHARS = "をがのはにへでともやかだ"
_ENGLISH_COMPANY = re.compile(
    r"(?<![A-Za-z])[A-Z][A-Za-z0-9&'\-]*(?:[ ][A-Z][A-Za-z0-9&'\-]*){0,4},?[ ]"
    r"(?:Co\.,?[ ]?Ltd\.?|Co\.|Inc\.?|Corporation|Corp\.|K\.K\.|LLC|G\.K\.|Ltd\.?)",
    re.A,
)


def _starts_phrase(hira: str) -> bool:
    """Whether hiragana right after a marker reads as grammar (への, として) rather than a name (さくら)."""
    if hira.startswith(_FUNCTION_WORDS) or hira[0] in "のをがへ":
        return True
    return hira[0] in _PARTICLE_CHARS and (len(hira) == 1 or hira[1:].startswith(_FUNCTION_WORDS) or hira[1] in _PARTICLE_CHARS)


def _name_after(text: str, pos: int) -> int | None:
    """End of a company name written right after a marker, or None."""
    if text[pos:pos + 1] == " ":
        pos += 1
    hira_end = pos
    while hira_end < len(text) and "\u3041" <= text[hira_end] <= "\u3096" and hira_end - pos < 8:
        hira_end += 1
    end = hira_end
    while end < len(text) and _NAME_CHARS.match(text[end]) and end - hira_end < 20:
        end += 1
    name, hira = text[hira_end:end], text[pos:hira_end]
    if not name or (hira and _starts_phrase(hira)):
        return None
    if not hira and (name.startswith(_GENERIC_AFTER) or (len(name) < 2 and not name.isascii())):
        return None
    return end


def _name_before(text: str, pos: int, marker: str) -> int | None:
    """Start of a company name written right before a marker, or None."""
    start = pos
    while start > 0 and _NAME_CHARS.match(text[start - 1]) and pos - start < 20:
        start -= 1
    name = text[start:pos]
    if marker in _UNION:
        for word in _UNION_TYPES:
            name = name.removesuffix(word)
    if len(name) < 2 or name in _GENERIC_BEFORE or name.isdigit():
        return None
    return start


# The name a bank transfer shows: カ)ヤマダセイサクシヨ, ユ)マルフクシヨウテン, ヤマダセイサクシヨ(カ (after NFKC).
_TRANSFER_KANA = re.compile(rf"(?<![{KATA}])(?:\(?[カユシザドゴメイ]\)[ ]?[{KATA}]{{3,}}|[{KATA}]{{3,}}[ ]?\([カユ]\)?(?![{KATA}]))")
# A romanised brand or trade name: KATO FOODS, YAMADA SEIKI, Kato Shoten. English trade words
# (Foods, Bakery, Design …) count after a romanised Japanese word or in capitals: "Web Design" is a subject.
_JA_TRADE_WORDS = r"SEIKI|Seiki|KOGYO|Kogyo|SHOTEN|Shoten|SEISAKUSHO|Seisakusho|DENKI|Denki|SANGYO|Sangyo|SHOJI|Shoji|" \
    r"KENSETSU|Kensetsu|KOMUTEN|Komuten|SHUZO|Shuzo|HONPO|Honpo|SEIKA|Seika|SHOKAI|Shokai"
_EN_TRADE_WORDS = r"foods?|bakery|farms?|brewery|brewing|works|industr(?:y|ies)|mfg|trading|confectionery|design|studio|kitchen|" \
    r"coffee|textiles?|motors?|garden|gardens|crafts?|factory|labo?|store|shop|house|cafe|wines?|winery|tea|sweets|seafoods?|" \
    r"engineering|electric|manufacturing|company|products|japan"
_ROMAN_TRADE = re.compile(
    rf"(?<![A-Za-z])(?P<name>[A-Za-z][A-Za-z]{{1,15}}(?:[ &][A-Za-z][A-Za-z]{{1,15}}){{0,2}}?)[ ]"
    rf"(?:(?P<ja>{_JA_TRADE_WORDS})|(?P<en>{_EN_TRADE_WORDS}))(?![A-Za-z])",
    re.A | re.I,
)


def _roman_trade(text: str) -> Iterator[Found]:
    """KATO FOODS, Kato Shoten, minori garden: a romanised Japanese word before a trade word.

    The word before the trade word must read as romaji ("Web Design", "Green Farm" are English);
    a romanised Japanese trade word (SEIKI, Shoten) in lower case counts only after a lower-case name.
    """
    for m in _ROMAN_TRADE.finditer(text):
        words = m.group("name").split()
        first = words[-1]
        if not romaji_word(first) and not (m.group("ja") and first[:1].isupper()):
            continue
        if m.group("ja") and not m.group("ja")[:1].isupper() and not first.islower():
            continue
        start = m.end("name") - len(first) if not all(romaji_word(w) or w.isupper() for w in words) else m.start()
        yield Kind.COMPANY, start, m.end()


def _company(text: str) -> Iterator[Found]:
    if "(" in text or ")" in text:
        for m in _TRANSFER_KANA.finditer(text):
            yield Kind.COMPANY, m.start(), m.end()
    yield from _roman_trade(text)
    for m in _MARKERS.finditer(text):
        end = _name_after(text, m.end())
        if end is not None:
            yield Kind.COMPANY, m.start(), end
            continue
        start = _name_before(text, m.start(), m.group())
        if start is not None:
            yield Kind.COMPANY, start, m.end()
    for m in _ENGLISH_COMPANY.finditer(text):
        yield Kind.COMPANY, m.start(), m.end()


# --- social-media handles -------------------------------------------------------

_AT_HANDLE = re.compile(r"(?<![A-Za-z0-9._%+\-@])@(?=[A-Za-z0-9._\-]*[A-Za-z])[A-Za-z0-9_](?:[A-Za-z0-9._\-]{0,29}[A-Za-z0-9_])?", re.A)
# Case matters: 「LINE ID：shop」 is a handle, "path:line:col" is not.
_SNS_ID = re.compile(
    r"(?:LINE|Line|ライン|Instagram|instagram|インスタグラム|インスタ|Twitter|twitter|ツイッター|TikTok|Tiktok|tiktok|"
    r"Facebook|facebook|フェイスブック|YouTube|Youtube|youtube|ユーチューブ|Threads)(?![A-Za-z])"
    r"\)?[ ]?(?:公式)?[ ]?(?:ID|アカウント)?[ ]?(?:は|:)[ ]?(?P<id>(?=[A-Za-z0-9._\-]*[A-Za-z])[A-Za-z0-9._\-]{3,30})|"
    r"(?<![A-Za-z])ID[ ]?(?:は|:)[ ]?(?P<id2>(?=[A-Za-z0-9._\-]*[A-Za-z])[A-Za-z0-9._\-]{3,30})",
    re.A,
)
# A handle written without "@" for readers to look up: インスタで「kato.foods」と検索, Instagram は kato_foods でフォロー.
_SNS_SEARCH = re.compile(
    r"(?:LINE|Line|ライン|Instagram|instagram|インスタグラム|インスタ|Twitter|twitter|ツイッター|TikTok|Tiktok|tiktok|"
    r"Facebook|facebook|フェイスブック|YouTube|Youtube|youtube|ユーチューブ|Threads|note|X)(?![A-Za-z])"
    r"[^。\n]{0,12}?[「『\" ]?(?P<id>(?=[A-Za-z0-9._\-]*[A-Za-z])[A-Za-z0-9._\-]{3,30})[」』\"]?[ ]?(?:で|と|を)?[ ]?"
    r"(?:検索|フォロー|調べ|探し|登録|友だち|友達|という)",
    re.A,
)
# A channel or account name in quotes: YouTubeチャンネル『みかん山のヨシダ』, アカウント名「…」.
_CHANNEL = re.compile(r"(?:チャンネル|アカウント|ユーザー名|ハンドル)(?:名)?(?:は|:)?[ ]?[「『](?P<id>[^」』\n]{2,30})[」』]")
_SNS_HINTS = ("id", "line", "instagram", "twitter", "tiktok", "facebook", "youtube", "threads", "note", "x", "ライン", "インスタ",
              "ツイッター", "フェイスブック", "ユーチューブ")


def _handle(text: str) -> Iterator[Found]:
    if "@" in text:
        for m in _AT_HANDLE.finditer(text):
            yield Kind.HANDLE, m.start(), m.end()
    lower = text.lower()
    if not any(hint in lower for hint in _SNS_HINTS):
        return
    for m in _SNS_ID.finditer(text):
        group = "id" if m.group("id") else "id2"
        yield Kind.HANDLE, m.start(group), m.end(group)
    for m in _SNS_SEARCH.finditer(text):
        yield Kind.HANDLE, m.start("id"), m.end("id")
    for m in _CHANNEL.finditer(text):
        yield Kind.HANDLE, m.start("id"), m.end("id")


# --- all of them ----------------------------------------------------------------

# When two findings overlap, the first detector here wins: a whole URL before the
# e-mail address in its query, an address before the bare domain inside it, a
# labelled number (口座番号, 生年月日) before the phone or address it resembles, the
# fixed patterns before the language layer's names (proper.py), …
# Each detector with whether it needs an ASCII letter, digit or "@" (after NFKC):
# most Japanese lines skip those. Kanji house numbers and みどり精工.テスト need none.
_ORDER = (
    (_url, True), (_email, True), (_domain, True), (_idn_domain, False), (_numbers, False), (_phone, True), (_corporate, True),
    (_postal, True), (_address, True), (_street, True), (_kanji_address, False), (_handle, True), (_company, False), (_person, False),
    (_proper, False),
)
_ASCII_ALNUM = re.compile("[0-9A-Za-z@]")


def find_all(text: str) -> list[Found]:
    """Every finding in normalised text, overlaps resolved by _ORDER, in text order."""
    has_ascii = _ASCII_ALNUM.search(text) is not None
    kept: list[Found] = []
    for detector, needs_ascii in _ORDER:
        if needs_ascii and not has_ascii:
            continue
        for found in detector(text):
            _, start, end = found
            if end > start and not any(start < e and s < end for _, s, e in kept):
                kept.append(found)
    kept.sort(key=lambda f: (f[1], f[2]))
    return kept
