"""Uniqueness across the dataset (k-anonymity): P521, an error.

A challenge page already says the company's prefecture, industry and size
band. When few other published challenges share that cell, the cell itself
narrows the company down, and one distinctive detail in the text finishes the
job: 「宮城県・製造業・5名以下」 plus 「創業1921年」 or 「国宝の修復」 is one company.

Decision (documented in docs/privacy.md): k is the number of published
challenges in the same prefecture × industry × employee band, this one
included. When k < MIN_K (5, the usual floor for k-anonymity) and the text
carries a distinctive detail, validation fails with P521, naming the facts
that combine. The fix is to blur the detail; if the company has agreed to be
recognisable, SKS adds a reviewed exception for the detail's phrase to
regions/privacy-allow.yml (as for any other finding).

Distinctive details: an exact founding year (reident.py decides exactness),
a unique or "oldest/last" claim (唯一, 一軒だけ, 最も古い, 最古, 最後の一軒), a
national treasure or listed heritage (国宝, 重要文化財, 世界遺産), an award
(…賞を受賞, 大臣賞, 金賞, グランプリ, 表彰), a named event (万博, オリンピック,
サミット, 甲子園, 「…祭」) and a famous person (元プロ野球選手, メダリスト,
人間国宝, 芸能人, 元横綱 …).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .. import vocab
from .normalise import normalise_cached
from .reident import Reason, reasons

MIN_K = 5

_DETAILS: tuple[tuple[str, str, str, re.Pattern[str]], ...] = (
    ("unique", "「{}」という珍しさ", "the claim '{}'", re.compile(
        r"(?:(?:国内|県内|市内|町内|村内|日本|世界|全国|業界|地域|地元|島内|東日本|西日本|この地域|[都道府県市町村]内)(?:で|でも|では|に|には)?)?"
        r"(?:唯一|ただ一つ|ただ1つ|ただ一軒|ただ1軒|(?:1|一)(?:社|軒|か所|カ所|ヶ所|箇所|店|蔵|窯)(?:だけ|のみ|しかない|しか残って)"
        r"|最後の(?:1|一)(?:社|軒|蔵|窯)|(?:1|一)軒しか|最後に残った|他にない|ほかにない|二つとない)"
        r"|(?:国内|県内|市内|町内|日本|世界|全国|業界|地域)(?:で|でも)?(?:最も古い|最古|一番古い|いちばん古い|最大|最初|初めて|初の)"
        r"|(?:最も古い|最古の|一番古い|いちばん古い)(?:蔵|窯|店|会社|企業|工場|メーカー|旅館|酒蔵|老舗)"
        r"|日本一|世界一|トップシェア|シェア(?:No\.?[ ]?1|1位|一位|トップ|首位)"
        # a number of its kind left, a share in figures, a place at the edge of the map
        r"|(?:[0-9]{1,3}|[一二三四五六七八九十]{1,2})(?:台|軒|社|人|か所|カ所|ヶ所|箇所|店|蔵|基|隻|窯|工房|業者)しか(?:ない|残って|いない|ありません)"
        r"|(?:世界|国内|全国|日本|業界)(?:で)?(?:の)?シェア(?:の|は|が)?(?:約|およそ)?(?:[0-9]{1,3}|[一二三四五六七八九十]{1,2})(?:割|%|パーセント)"
        r"|(?:日本|国内|県内|本州|九州|四国|北海道|世界)(?:で)?(?:最北|最南|最東|最西|最北端|最南端|最東端|最西端|最高所|最大|最小|最長|最深)", re.A)),
    ("heritage", "「{}」に関わったこと", "work on '{}'", re.compile(
        r"国宝|重要文化財|重文|世界遺産|文化財|名勝|史跡|天然記念物|御用達|宮内庁")),
    ("award", "受賞歴（{}）", "an award ({})", re.compile(
        r"[^\s、。,]{0,20}?(?:大臣賞|長官賞|知事賞|市長賞|金賞|銀賞|銅賞|最優秀賞|優秀賞|大賞|グランプリ|特別賞|功労賞)"
        r"|(?:賞|表彰)を(?:受賞|受け|いただ)|受賞歴|受賞した|受賞し|表彰され|現代の名工|卓越した技能者|伝統工芸士|黄綬褒章|褒章")),
    ("event", "催し（{}）", "a named event ({})", re.compile(
        r"(?:大阪・関西|関西|愛知|大阪)?万博|万国博覧会|博覧会|オリンピック|パラリンピック|サミット|甲子園|ワールドカップ|国体|国民体育大会"
        r"|[「『][^」』\n]{1,20}(?:祭|祭り|まつり|フェア|フェス|大会|展|博|マルシェ)[」』]"
        r"|(?:冬季|夏季)?五輪|アジア大会|世界選手権|世界陸上|連続テレビ小説|朝ドラ|大河ドラマ|(?:ドラマ|映画|アニメ)の(?:舞台|ロケ地|モデル)|ロケ地|聖地巡礼")),
    ("famous", "有名な人物（{}）", "a famous person ({})", re.compile(
        r"元(?:プロ野球|プロ|Jリーガー|Jリーグ|力士|横綱|大関|関取|オリンピック|五輪|日本代表|代表選手|競輪|競馬|騎手|ボクサー|アナウンサー|アイドル|俳優|女優|歌手)(?:[ぁ-んァ-ヺ一-龥]{0,4}?(?:選手|投手|監督|代表|力士|ボクサー))?"
        r"|(?:オリンピック|五輪)(?:選手|代表|メダリスト)|メダリスト|人間国宝|芸能人|有名人|タレント|著名人|有名な(?:俳優|歌手|選手|作家|漫画家|料理人|シェフ)"
        r"|テレビ(?:番組)?(?:で|に)(?:紹介|取り上げ|出演)")),
)


@dataclass(frozen=True)
class Detail:
    kind: str
    label_ja: str
    label_en: str
    span: str  # as typed
    start: int  # in the field's value
    field: str


def _details(field: str, text: str) -> Iterator[Detail]:
    norm = normalise_cached(text)
    for kind, ja, en, regex in _DETAILS:
        for m in regex.finditer(norm.text):
            a, b = norm.original_span(m.start(), m.end())
            span = text[a:b]
            yield Detail(kind, ja.format(span), en.format(span), span, a, field)


def distinctive(fields: dict[str, str], band: str, found: list[Reason] | None = None) -> list[Detail]:
    """The distinctive details in a challenge's texts, one per kind, in text order."""
    out: list[Detail] = []
    founding = [r for r in (found if found is not None else reasons(fields, band)) if r.kind == "founding"]
    out += [Detail("founding", r.label_ja, r.label_en, r.span, r.start, r.field) for r in founding[:1]]
    for field, text in fields.items():
        if isinstance(text, str) and text:
            out += _details(field, text)
    seen: dict[str, Detail] = {}
    for detail in out:
        seen.setdefault(detail.kind, detail)
    order = list(fields)
    return sorted(seen.values(), key=lambda d: (order.index(d.field), d.start))


Cell = tuple[str, str, str]


def cell_counts(challenges: list[tuple[Cell, bool]]) -> Counter[Cell]:
    """Published challenges per prefecture × industry × employee band."""
    return Counter(cell for cell, published in challenges if published)


def k_of(counts: Counter[Cell], cell: Cell, published: bool) -> int:
    """How many published challenges share the cell, this one included."""
    return counts[cell] + (0 if published else 1)


def message(cell: Cell, k: int, details: list[Detail], extra: list[Reason]) -> tuple[str, str]:
    prefecture, industry, band = cell
    band_ja = vocab.EMPLOYEE_BANDS.get(band, band)
    facts_ja = "と".join([d.label_ja for d in details] + [r.label_ja for r in extra])
    facts_en = " and ".join([d.label_en for d in details] + [r.label_en for r in extra])
    phrases = "、".join(f'"{d.span}"' for d in details)  # what an exception must name, exactly as typed
    ja = (f"公開する課題のうち「{prefecture}・{industry}・従業員{band_ja}」の会社はこの課題を含めて{k}件だけです"
          f"（{MIN_K}件未満）。これに{facts_ja}が組み合わさると会社が特定されます。"
          "ぼかして書いてください（例: 「創業100年を超える」「県内でも数少ない」「受賞歴がある」）。"
          "会社が特定されることに同意している場合は、regions/privacy-allow.yml に SKS の確認を受けた例外を追加します"
          f"（phrase: {phrases}）")
    en = (f"only {k} published challenge(s) are in {prefecture} × {industry} × {band} employees (fewer than {MIN_K}); "
          f"combined with {facts_en} this identifies the company; make the detail vaguer, "
          f"or add a reviewed exception to regions/privacy-allow.yml if the company agrees to be recognisable (phrase: {phrases})")
    return ja, en
