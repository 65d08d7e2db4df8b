"""The query dictionary: what a visitor may type → the tokens of the terms it means.

Built at build time from the records' own words (generator/search/terms.py), the
controlled vocabularies (generator/vocab.py) and the concept synonyms kept beside
them (generator/search_synonyms.py). Nothing here is a hand-kept reading table:
readings come from SudachiPy.

Keys (all folded: NFKC, lower case, katakana as hiragana):
- every term (製造業, 製造, 業, まーけてぃんぐ, zoom, 1月);
- the reading of every noun of 2+ kana (かいご → 介護, よこはま → 横浜, ずーむ → zoom);
- the stem of every verb and adjective (売 → 売る, 買い替 → 買い替える), so 売りたい finds 売る;
- synonyms: every member of a concept group → the members the data holds;
- ``~`` + a loose spelling of kana words (long vowels, small kana and っ dropped or
  enlarged): マーケッティング and マーケティング, ディサービス and デイサービス meet;
- ``#`` + the sorted characters of kanji compounds of 3+ characters: 事業継承 finds 事業承継;
- the clipped form of two-part katakana compounds (プロマネ → プロジェクトマネージャー), unless it is a word itself;
- English words the data's terms gloss in JMdict (warehouse → 倉庫), and their other written forms there
  (申込み → 申込, 店鋪 → 店舗; generator/search/jmdict.py);
- a head count with the other counter (40名 ↔ 40人) when the data writes only one.

Field words (the meaning layer, generator/search/fields.py): a key whose terms belong to fields
(課題分類・業種) also carries the tokens of those fields' labels, and a field word the data lacks
(金型, haccp) is a key of its own with only those; the page ranks such matches last and names the field.

Entry: [kind, [tokens], [terms], [place text tokens], [mention tokens], [field tokens], [field labels],
[part tokens]] where part tokens are a compound's short-unit parts (金属加工 → 金属, 加工), all of which
a page must hold to be found through them, and kind is "n" (a content word), "p" (a place:
region, prefecture, city — looked up in the records' place labels only), "w" (a single
kanji: counts, but alone does not make a match) or "v" (a verb or adjective: ranks,
never required). The file is cut into gzip shards by the key's first character, so a
query downloads only the shards of the characters it starts words with.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from pathlib import Path

from ..search_synonyms import BROADER, GENERIC, SYNONYMS
from ..vocab import PREFECTURE_ALIASES, PREFECTURES
from .fields import FIELDS
from .terms import (
    FIELD,
    MENTION,
    PLACE,
    Word,
    analyse,
    fold,
    is_kana,
    is_kanji,
    katakana,
    label_terms,
    parts_of,
    place_terms,
    reading_of,
    stem_of,
    token,
)

SMALL = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖゔぢづ", "あいうえおつやゆよわかけぶじず")
SIGNUP_DAY = re.compile(r"(?:締切|受付)(\d{1,2}月\d{1,2}日)")  # a meeting's sign-up day (search/records.signup_dates)
HEADCOUNT = re.compile(r"([0-9]+)(名|人)")
# Bytes of gzip per shard, roughly. A query loads one shard per distinct character it holds: at nation size (32 → 128
# shards) a first search loads 11–23 kB of the dictionary instead of 37–50 kB, for 14 kB more in all.
SHARD_TARGET = 3_000


def loose(key: str) -> str:
    """A spelling that forgives long vowels, small kana and っ (same rule in kk-search.js)."""
    return key.replace("ー", "").replace("っ", "").translate(SMALL)


SMALL_KANA = frozenset("ぁぃぅぇぉゃゅょゎ")


def clipped(term: str) -> str:
    """The clipped form of a two-part katakana compound, two morae of each part (プロジェクトマネージャー →
    ぷろまね, デジタルカメラ → でじかめ), or "" when the term is no such compound."""
    if len(term) < 6 or not is_kana(term):
        return ""
    parts = parts_of(katakana(term))
    if len(parts) != 2:
        return ""
    heads = []
    for part in parts:
        morae: list[str] = []
        for c in part:
            if c in SMALL_KANA and morae:
                morae[-1] += c
            else:
                morae.append(c)
        head = "".join(morae[:2])
        if len(morae) < 3 or "ー" in head or "っ" in head:
            return ""
        heads.append(head)
    return "".join(heads)


def build_dictionary(words: Iterable[Word], fields: dict[str, list[str]] | None = None,
                     english: dict[str, list[str]] | None = None,
                     spellings: dict[str, list[str]] | None = None,
                     same_sense: dict[str, list[str]] | None = None) -> dict[str, list]:
    """Every key a visitor may type → its entry; `fields` is the meaning layer (fields.fields_of_words),
    `english` the English words of the data's terms (jmdict.english_words), `spellings` their other written
    forms (jmdict.other_spellings), `same_sense` the words JMdict gives the same meaning (jmdict.same_sense_words)."""
    fields = fields or {}
    terms: dict[str, str] = {}  # term -> kind
    places: set[str] = set()
    keys: dict[str, dict[str, str]] = {}  # key -> {term: kind}

    def add(key: str, term: str, kind: str) -> None:
        if not key:
            return
        slot = keys.setdefault(key, {})
        if slot.get(term) != "n":
            slot[term] = kind

    # Every prefecture is a place even where no record is yet: 北海道 then finds no record,
    # rather than a passing mention on an editorial page.
    words = [*words, *(Word(t, reading_of(t), "p") for t in place_terms(PREFECTURES))]
    mentioned: set[str] = set()
    for w in words:
        if w.kind == "m":
            mentioned.add(w.term)
            continue
        if w.kind == "p":
            places.add(w.term)
        kind = "n" if w.kind in ("n", "p") else "v"
        if terms.get(w.term) != "n":
            terms[w.term] = kind
        add(w.term, w.term, kind)
        if w.reading and len(w.reading) >= 2 and is_kana(w.reading):
            add(w.reading, w.term, kind)
        if w.stem and w.stem != w.term:
            add(w.stem, w.term, "v")
    typed = set(keys)  # the words and readings themselves: a clipped form never stands in for one
    for term in list(terms):
        if is_kana(term) and len(term) >= 4:
            add("~" + loose(term), term, terms[term])
            short = clipped(term)
            if short and short not in typed:
                add(short, term, terms[term])  # プロマネ; two compounds clipping alike both answer to it
        if is_kanji(term) and len(term) >= 3:
            add("#" + "".join(sorted(term)), term, terms[term])
    for group in SYNONYMS:
        members = [t for m in group for t in label_terms(m)[:1]]
        present = [m for m in members if m in terms]
        if not present:
            continue
        for m in members:
            stem = stem_of(m)
            reading = reading_of(m) if m not in terms else ""  # a member the data lacks is typed in kana too (あとつぎ)
            for t in present:
                add(m, t, "n")
                if len(reading) >= 3:
                    add(reading, t, "n")
                if is_kana(m[-1]) and stem and stem != m:
                    add(stem, t, "v")  # 育たない reaches 育成 through the stem of 育つ
    # Old province names and prefectural capitals (信州, 上州, 盛岡) stand for their prefecture, as places,
    # unless the data uses the word itself (then it is that word: 横浜 stays the city where a record is in 横浜市).
    # A province spanning two prefectures (出羽: 山形, 秋田) stands for both.
    alias_targets: dict[str, list[str]] = {}
    for prefecture, aliases in PREFECTURE_ALIASES.items():
        target = place_terms((prefecture,))[-1]  # 長野県 → 長野, the form every record of it carries
        for alias in aliases:
            alias_targets.setdefault(fold(alias), []).append(target)
    for word, targets in alias_targets.items():
        if word in terms or word in keys:
            continue
        reading = reading_of(word)
        for target in targets:
            add(word, target, "n")
            if len(reading) >= 3 and reading not in typed:
                add(reading, target, "n")
    for term in terms:
        # A bare day (11/30 → 11月30日) also reaches the meetings whose sign-up closes or opens that day; a bare month
        # does not (2月の交流会 means meetings held in February).
        day = SIGNUP_DAY.fullmatch(term)
        if day:
            add(day.group(1), term, "n")
        # A head count is written with either counter (定員40名, 40人): each reaches the other when the data lacks it.
        count = HEADCOUNT.fullmatch(term)
        if count:
            other = count.group(1) + ("名" if count.group(2) == "人" else "人")
            if other not in terms:
                add(other, term, "n")
    # English words (warehouse → 倉庫) and other spellings of nouns (申込み → 申込): never over a word the data
    # itself holds (it, dx, zoom).
    for word, targets in [*(english or {}).items(), *(spellings or {}).items()]:
        if word not in typed and word not in terms:
            for t in targets:
                if terms.get(t) == "n":
                    add(word, t, "n")
    # Words of the same meaning (国外 → 海外) only where nothing else has given the word a meaning yet.
    for word, targets in (same_sense or {}).items():
        if word not in keys and word not in terms:
            for t in targets:
                if terms.get(t) == "n":
                    add(word, t, "n")
    for word, broader in BROADER.items():
        reading = reading_of(fold(word)) if len(word) > 1 else ""
        for t in broader:
            if fold(t) in terms:
                add(fold(word), fold(t), "v" if len(word) == 1 else "n")
                if len(reading) >= 3:
                    add(reading, fold(t), "n")
    # A field word the data does not hold (金型, haccp) is still a word: it finds its fields' records,
    # and the parts of it the data does hold (資金繰り表 → 資金繰り).
    lone: dict[str, list[str]] = {}
    for word in fields:
        if word in keys or word in terms:
            continue
        parts = [w.term for w in analyse(word) if terms.get(w.term) == "n" and len(w.term) >= 2 and w.term != word]
        lone[word] = sorted(set(parts))
        reading = reading_of(word)
        if reading and len(reading) >= 3 and reading not in keys:
            lone[reading] = lone[word]
            fields = {**fields, reading: fields[word]}
    generic = {fold(g) for g in GENERIC}
    shown = {fold(f): f for f in FIELDS}

    def fields_for(key: str, targets: Iterable[str]) -> list[str]:
        # A word's own fields; a key that is no word itself (a reading, a loose spelling) takes its words'.
        # Not its synonyms' fields: いんばうんど would pull in everything 観光客 and 訪日 belong to.
        own = [key] if key in terms or key in fields else list(targets)
        found = [f for t in own if t not in places and t not in generic for f in fields.get(t, ())]
        return list(dict.fromkeys(found))[:4]

    def compound_parts(key: str, targets: list[str]) -> list[str]:
        # A compound the data writes seldom whole (金属加工) is also found where all its parts are
        # (金属部品の切削加工): the tokens of its short-unit parts, when the data holds every one.
        if key not in targets or len(key) < 3 or not (is_kanji(key) or is_kana(key)):
            return []
        parts = parts_of(key)
        return [token(p) for p in parts] if parts and all(terms.get(p) == "n" for p in parts) else []

    out: dict[str, list] = {}
    for key, parts in lone.items():
        related = fields_for(key, [])
        out[key] = ["n", [token(t) for t in parts], parts, [], [], [token(FIELD + f) for f in related], [shown[f] for f in related], []]
    for key, targets in keys.items():
        kinds = set(targets.values())
        kind = "n" if "n" in kinds else "v"
        bare = key.lstrip("~#")
        if kind == "n" and len(bare) == 1 and not bare.isascii():
            kind = "w"
        ordered = sorted(targets)
        if kind == "n" and any(t in places for t in ordered):
            kind = "p"  # a place word matches records that are there (their labels), not passing mentions
        entry = [kind, [token(PLACE + t if t in places else t) for t in ordered], ordered]
        # A place also counts where a record's own text names it (a company "in 仙台市内"),
        # searched among records only, never the editorial pages.
        entry.append([token(t) for t in ordered if t in places and t in terms] if kind == "p" else [])
        entry.append([token(MENTION + t) for t in ordered if t in mentioned])
        related = fields_for(key, ordered) if kind == "n" else []
        entry.append([token(FIELD + f) for f in related])
        entry.append([shown[f] for f in related])
        entry.append(compound_parts(key, ordered) if kind == "n" else [])
        out[key] = entry
    return out


def shard_of(key: str, shards: int) -> int:
    """Which shard holds a key: by the first character after the ~/# marks (same rule in kk-search.js)."""
    bare = key.lstrip("~#") or key
    return ord(bare[0]) % shards


TYPO_MIN = 3  # typed words this long or longer may be one edit away from a known word


def deletions(word: str) -> set[str]:
    """The word and every form of it with one character left out (same rule in kk-search.js).

    Words one edit apart (a character changed, added or dropped) always meet in these sets, so the page
    finds 品質管理 for 品質菅理 by looking up 品質理, 品管理 … here; it then checks the distance itself.
    """
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def one_edit(a: str, b: str) -> bool:
    """One character changed, added or dropped, or two neighbours swapped (same rule as kk-search.js oneEdit)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 1] == b[i + 1:i + 2] and a[i + 1:i + 2] == b[i:i + 1] and a[i + 2:] == b[i + 2:])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def real_words_near(typos: dict[str, list[str]], entries: dict[str, list], lexicon: Iterable[str]) -> list[str]:
    """Words of the language (`lexicon`, folded) that are no key but one edit from one: the page must not "correct"
    them (自転車 is not a typo of 自動車, スポーツ not of スイーツ); it says they match nothing instead."""
    out = []
    for word in lexicon:
        if word in entries or not TYPO_MIN <= len(word) <= 16:
            continue
        if any(one_edit(word, known) for form in deletions(word) for known in typos.get(form, ())):
            out.append(word)
    return sorted(out)


def typo_entries(entries: dict[str, list]) -> dict[str, list[str]]:
    """One-character-deleted form → the known words it comes from (content words and places only)."""
    out: dict[str, set[str]] = {}
    for key, entry in entries.items():
        if key[0] in "~#" or entry[0] not in ("n", "p") or not TYPO_MIN <= len(key) <= 16:
            continue
        for form in deletions(key):
            out.setdefault(form, set()).add(key)
    return {form: sorted(keys) for form, keys in out.items()}


def _write_shards(entries: dict[str, list], folder: Path, prefix: str) -> tuple[int, int]:
    # Sized by what is sent: random-letter tokens compress far less than the Japanese keys.
    packed = len(gzip.compress(json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0))
    shards = 1
    while packed / shards > SHARD_TARGET and shards < 1024:
        shards *= 2
    parts: list[dict[str, list]] = [{} for _ in range(shards)]
    for key in sorted(entries):
        parts[shard_of(key, shards)][key] = entries[key]
    total = 0
    for n, part in enumerate(parts):
        data = gzip.compress(json.dumps(part, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8"),
                             compresslevel=9, mtime=0)
        (folder / f"{prefix}{n}.json.gz").write_bytes(data)
        total += len(data)
    return shards, total


def compact(entry: list, table: dict[tuple[str, str], int]) -> list:
    """An entry as written: its fields as numbers into meta.json's `fields` ([label, token] once each, not
    once per key), trailing empty lists left out. kk-search.js expands it back when it reads a shard.
    Written: [kind, tokens, terms, place text tokens, mention tokens, field numbers, part tokens]."""
    kind, tokens, terms, place, mention, field_tokens, labels, parts = entry
    numbers = [table.setdefault((label, tok), len(table)) for tok, label in zip(field_tokens, labels, strict=True)]
    out = [kind, tokens, terms, place, mention, numbers, parts]
    while len(out) > 3 and not out[-1]:
        out.pop()
    return out


def write_dictionary(entries: dict[str, list], folder: Path, lexicon: Iterable[str] = ()) -> dict[str, int]:
    """Write kk-dict/meta.json, kk-dict/<n>.json.gz and the typo shards kk-dict/t<n>.json.gz (read only
    when a typed word is unknown; a real word of `lexicon` one edit from a key is marked there with
    "<word>!", in the shard its own letters lead to); return figures for the build log."""
    folder.mkdir(parents=True, exist_ok=True)
    table: dict[tuple[str, str], int] = {}
    # Keys in sorted order, so field numbers (first come, first numbered) are the same from build to build.
    shards, total = _write_shards({key: compact(entries[key], table) for key in sorted(entries)}, folder, "")
    typos = typo_entries(entries)
    real = real_words_near(typos, entries, lexicon)
    typo_shards, typo_bytes = _write_shards({**typos, **{w + "!": 1 for w in real}}, folder, "t")  # type: ignore[arg-type]
    meta = {"shards": shards, "keys": len(entries), "generic": [fold(w) for w in GENERIC],
            "typo_shards": typo_shards, "typo_min": TYPO_MIN,
            "fields": [[label, tok] for (label, tok), _n in sorted(table.items(), key=lambda item: item[1])]}
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return {"keys": len(entries), "shards": shards, "bytes": total, "typo_keys": len(typos), "typo_bytes": typo_bytes,
            "real_words": len(real)}
