"""Re-identification: details that are harmless alone but name the company together.

「創業1962年」 fits hundreds of companies, 「○○町」 dozens; both together may fit
one. The check looks for narrow attributes in a challenge's text and warns
(P520, a warning: it needs a person's judgement) when two different kinds meet,
or when one claim is unique by itself (国内唯一, 県内で1社だけ).

Decisions: an exact founding year or age is narrow (創業1962年, 昭和37年創業,
創業63年); an approximate one is not (創業60年ほど, 創業50年以上, 創業約60年,
1970年代創業). A rare trade counts only with a small headcount (1-5 or 6-20).
A named customer is a proper name next to 大手/取引先 or before 社向け; 「A社」
「大手自動車メーカー」 are already anonymous.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import vocab
from .normalise import normalise_cached
from .patterns import KANJI, KATA

_YEAR = r"(?:[0-9]{4}年|(?:明治|大正|昭和|平成|令和)(?:[0-9]{1,2}|元)年)"
_FOUND = r"(?:創業|設立|創立|開業|創設)"
_APPROX = r"(?:以上|超|ほど|余|あまり|近く|前後|程度|弱|強|を超|を越|代|度|[0-9])"
_FOUNDING = re.compile(
    rf"{_FOUND}(?:は|が|年は|年が)?[ ]?(?:西暦)?(?P<y1>{_YEAR})(?!{_APPROX})"
    rf"|(?P<y2>{_YEAR})(?:に|の)?{_FOUND}(?![0-9]+周?年)"
    rf"|{_FOUND}(?:から|して|以来)?[ ]?(?P<n>[0-9]{{1,3}}周?年)(?:目)?(?!{_APPROX})",
    re.A,
)
_GENERIC_NAMES = frozenset({
    "機械", "家電", "総合", "化学", "食品", "部品", "精密", "外資", "国内", "海外", "地元", "自動車", "電機", "電子",
    "素材", "鉄鋼", "重", "系", "中堅", "専門", "同", "他", "当", "各", "商", "本", "親会", "子会", "弊", "御", "貴", "自",
    "会", "数", "取引先", "関連会", "新聞", "出版", "旅行", "協力会", "運送会", "複数", "一", "大手", "地場", "地方",
    "県内", "市内", "商社", "メーカー", "グループ",
})
_COMPANY_WORD = (r"(?:自動車|電機|電気|重工業|重工|製鉄|製鋼|商事|物産|工業|製作所|製薬|化学|建設|百貨店|ホールディングス|"
                 r"電工|通信|鉄道|航空|ストア|銀行)")


def _proper_name(group: str) -> str:
    return rf"(?P<{group}>[{KATA}]{{2,}}|[A-Z][A-Za-z0-9&]+|[{KANJI}]{{1,4}})"


_CUSTOMER = re.compile(
    rf"(?:大手|取引先|納入先|得意先|主要顧客|顧客|親会社|元請け?|仕入れ?先)(?:の|である|は|に|として)?[ ]?{_proper_name('name')}{_COMPANY_WORD}"
    rf"|「(?P<quoted>[^」]{{1,20}})」(?:社)?(?:向け|との取引|に納入|へ納入|の下請け?|の協力工場)"
    rf"|(?<![{KANJI}{KATA}A-Za-z]){_proper_name('sha')}社(?:向け|との取引|への納入|に納入|の下請け?|の協力工場|から受注)"
)
_AREA = re.compile(rf"(?<![{KANJI}{KATA}])(?P<name>[{KANJI}{KATA}]{{1,4}})(?P<kind>町|村|地区|郡)(?!工場|内|並|民|長|役場|会|議|屋|家|場|営|制|づくり|おこし)")
_GENERIC_AREA = frozenset({
    "下", "港", "城下", "門前", "宿場", "温泉", "農", "漁", "山", "寒", "市", "各", "同", "当", "隣", "近隣", "地元", "新",
    "旧", "一", "全", "大", "小", "商店", "問屋", "職人", "工場", "住宅", "田舎", "観光", "城", "宿", "市町", "工業", "商業",
    "市街", "山間", "沿岸", "中心", "都市", "農村", "臨海", "対象", "一部", "周辺", "特定", "重点", "管轄", "被災", "過疎",
    "中山間", "離島", "郊外", "地方", "中", "外", "旧市", "学園", "文教", "住", "繁華",
})
_UNIQUE = re.compile(
    r"(?:国内|県内|市内|町内|日本|世界|全国|業界|地域|東日本|西日本)(?:で|でも|では)?(?:唯一|初|ただ一つ|ただ1つ|"
    r"(?:ただ)?(?:1|一)社(?:だけ|のみ))|(?:国内|業界|世界)(?:で)?トップシェア|シェア(?:No\.?[ ]?1|1位|一位|トップ|首位)"
    r"|唯一の(?:メーカー|企業|会社|工場|事業者|製造元|生産者)",
    re.A,
)
_RARE_TRADES = re.compile(
    "酒蔵|蔵元|醸造所|醤油蔵|味噌蔵|ワイナリー|蒸留所|鋳物|鉄器|漆器|刃物|和紙|陶磁器|窯元|織物|染色|和傘|扇子|提灯|仏壇|仏具|"
    "人形|竹細工|曲げわっぱ|箪笥|製塩|養蚕|真珠|造船|鍛冶|花火|温泉宿|旅館|宿坊|牧場|養殖|茶園|製茶|養蜂|伝統工芸"
)
SMALL_BANDS = ("1-5", "6-20")


@dataclass(frozen=True)
class Reason:
    kind: str  # founding | customer | area | trade | unique
    label_ja: str  # 「創業年（1962年）」
    label_en: str
    span: str  # as typed
    start: int  # in the field's value
    field: str


def _spans(text: str, regex: re.Pattern[str]) -> Iterator[tuple[re.Match[str], int, int, str]]:
    norm = normalise_cached(text)
    for m in regex.finditer(norm.text):
        a, b = norm.original_span(m.start(), m.end())
        yield m, a, b, text[a:b]


def _founding(field: str, text: str) -> Iterator[Reason]:
    for m, a, _, span in _spans(text, _FOUNDING):
        value = m.group("y1") or m.group("y2") or m.group("n")
        if m.group("n"):
            value = "創業" + value if not value.startswith("創業") else value
        yield Reason("founding", f"創業年（{value}）", f"founding year ({value})", span, a, field)


def _customer(field: str, text: str) -> Iterator[Reason]:
    for m, a, _, span in _spans(text, _CUSTOMER):
        name = m.group("name") or m.group("sha") or m.group("quoted") or ""
        if name in _GENERIC_NAMES or (name.isascii() and len(name) <= 3 and name.isupper()):
            continue  # 「A社」「XYZ社」 are anonymous already
        shown = span.split("の", 1)[-1] if m.group("name") else span
        yield Reason("customer", f"取引先の名前（{shown}）", f"named customer ({shown})", span, a, field)


def _area(field: str, text: str) -> Iterator[Reason]:
    for m, a, _, span in _spans(text, _AREA):
        if m.group("name") in _GENERIC_AREA:
            continue
        label = {"町": "町名", "村": "村名", "地区": "地区名", "郡": "郡名"}[m.group("kind")]
        yield Reason("area", f"{label}（{span}）", f"small area ({span})", span, a, field)


def _unique(field: str, text: str) -> Iterator[Reason]:
    for _, a, _, span in _spans(text, _UNIQUE):
        yield Reason("unique", f"「{span}」という表現", f"unique claim '{span}'", span, a, field)


def _trade(field: str, text: str, band: str) -> Iterator[Reason]:
    if band not in SMALL_BANDS:
        return
    for _, a, _, span in _spans(text, _RARE_TRADES):
        shown = vocab.EMPLOYEE_BANDS[band]
        yield Reason("trade", f"業種（{span}）と従業員規模（{shown}）", f"rare trade ({span}) with {band} employees", span, a, field)


# Reasons worked out ahead, in validation's worker processes (scan.Prescanner), by (fields, band): each is
# taken once, when the checks ask for that challenge.
_AHEAD: dict[tuple[tuple[tuple[str, str], ...], str], list[Reason]] = {}


def remember(found: list[tuple[tuple[tuple[str, str], ...], str, list[Reason]]]) -> None:
    for fields, band, reasons_ in found:
        _AHEAD[(fields, band)] = reasons_


def reasons_many(items: list[tuple[tuple[tuple[str, str], ...], str]]) -> list[tuple[tuple[tuple[str, str], ...], str, list[Reason]]]:
    return [(fields, band, _reasons(dict(fields), band)) for fields, band in items]


def reasons(fields: dict[str, str], band: str) -> list[Reason]:
    """Every narrow attribute in a challenge's texts, in field order."""
    ahead = _AHEAD.pop((tuple(fields.items()), band), None)
    return ahead if ahead is not None else _reasons(fields, band)


def _reasons(fields: dict[str, str], band: str) -> list[Reason]:
    found: list[Reason] = []
    for field, text in fields.items():
        for finder in (_founding, _customer, _area, _unique):
            found += finder(field, text)
        found += _trade(field, text, band)
    return found


def combination(found: list[Reason]) -> list[Reason] | None:
    """The reasons worth a warning (one per kind), or None when they are harmless."""
    first: dict[str, Reason] = {}
    for reason in found:
        first.setdefault(reason.kind, reason)
    if "unique" in first or len(first) >= 2:
        return list(first.values())
    return None
