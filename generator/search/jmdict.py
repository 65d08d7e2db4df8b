"""What JMdict (EDRDG, CC BY-SA 4.0; the jamdict-data package) adds to the data's words: English words, other
spellings and words of the same meaning.

English. People who worked abroad or in IT type the English word (warehouse, export, trademark). A data term
whose JMdict entry glosses it, in that entry's first sense, with one English word becomes findable by
that word: 倉庫 → storehouse, warehouse; 輸出 → export. Only the first sense (the common meaning), only
one-word glosses, and an English word shared by many of the data's terms is dropped as too vague to
point anywhere.

Spellings. A data noun's other written forms in the same JMdict entry (申込み, 申し込み → 申込; 店鋪 → 店舗; 螺子 →
ねじ; 〆切 → 締切) are keys for it: the old, irregular and okurigana-variant forms people type or their phone
converts to (kana forms too, from three characters: ヒヤリング → ヒアリング). Only forms of two characters or more,
never a form that is a word of the data itself.

Same meaning. A word the data lacks whose JMdict entry shares a first-sense English gloss with a data word's entry,
when at most four entries share that gloss, is a key for the data word: 国外 → 海外 (abroad), 特養 → 特別養護老人ホーム,
呉服 → 着物. Only written forms with kanji and katakana loanwords; never a form of a data word's own entry (those are
spellings), and never over a key another layer has given a meaning.

Words. Every JMdict form is a word of the language: one that is one edit from a data word is not a typo of it
(自転車 is no 自動車), so the page does not "correct" it (dictionary.real_words_near).

Read once per build from the package's SQLite file (read-only, no network); without the package the search
simply has neither layer.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache

from .terms import fold, is_kana, katakana

WORD = re.compile(r"[a-z][a-z\-]{2,23}")
MAX_TERMS = 4  # an English word glossing more of the data's terms than this points nowhere in particular
BATCH = 500  # SQLite's default limit on bound values is 999


def _database() -> sqlite3.Connection | None:
    try:
        from jamdict_data import JAMDICT_DB_PATH
    except ImportError:  # pragma: no cover - install problem: the search works without English words
        return None
    return sqlite3.connect(f"file:{JAMDICT_DB_PATH}?mode=ro&immutable=1", uri=True)


def gloss_word(gloss: str) -> str:
    """A gloss as one English search word, or "": 'quality (of a product or a service)' → quality; 'to export' →
    export; 'physical distribution' → "" (two words)."""
    text = re.sub(r"\([^)]*\)", " ", gloss).strip().lower()
    text = text.removeprefix("to ").removeprefix("a ").removeprefix("an ").removeprefix("the ").strip()
    return text if WORD.fullmatch(text) else ""


def _spellings(terms: Iterable[str]) -> dict[str, str]:
    """JMdict spelling (kanji, or katakana for a folded kana term) → the folded data term."""
    wanted: dict[str, str] = {}
    for term in terms:
        if len(term) >= 2 and not term.isascii():
            wanted.setdefault(katakana(term) if is_kana(term) else term, term)
    return wanted


def _rows(wanted: dict[str, str], select: str) -> Iterable[tuple]:
    """(spelling, values …) for every entry holding one of the spellings; `select` joins the entries as w(text, idseq)."""
    db = _database()
    if db is None or not wanted:
        return
    names = sorted(wanted)
    try:
        for start in range(0, len(names), BATCH):
            batch = names[start:start + BATCH]
            marks = ",".join("?" * len(batch))
            entries = (f"(SELECT text, idseq FROM Kanji WHERE text IN ({marks})"
                       f" UNION SELECT text, idseq FROM Kana WHERE text IN ({marks})) AS w")
            yield from db.execute(select.format(entries=entries), batch * (2 * select.count("{entries}")))
    finally:
        db.close()


def english_words(terms: Iterable[str]) -> dict[str, list[str]]:
    """English word → the data terms (folded, two characters or more) whose JMdict first sense glosses it."""
    wanted = _spellings(terms)
    found: dict[str, set[str]] = {}
    # Each entry's first sense: its lowest Sense.ID.
    for spelling, gloss in _rows(wanted, """SELECT w.text, g.text FROM {entries}
            JOIN Sense s ON s.ID = (SELECT MIN(ID) FROM Sense WHERE idseq = w.idseq)
            JOIN SenseGloss g ON g.sid = s.ID AND g.lang = 'eng'"""):
        word = gloss_word(gloss)
        if word:
            found.setdefault(word, set()).add(wanted[spelling])
    return {word: sorted(held) for word, held in sorted(found.items()) if len(held) <= MAX_TERMS}


def other_spellings(terms: Iterable[str]) -> dict[str, list[str]]:
    """Folded other written form → the data terms whose JMdict entry also writes it so (申込み → 申込; kana forms of
    three characters or more too: ヒヤリング → ヒアリング)."""
    wanted = _spellings(terms)
    found: dict[str, set[str]] = {}
    for spelling, form, kana in _rows(wanted, """SELECT w.text, k.text, 0 FROM {entries} JOIN Kanji k ON k.idseq = w.idseq
            UNION SELECT w.text, k.text, 1 FROM {entries} JOIN Kana k ON k.idseq = w.idseq"""):
        other = fold(form)
        if len(other) >= (3 if kana else 2) and other != wanted[spelling]:
            found.setdefault(other, set()).add(wanted[spelling])
    return {form: sorted(held) for form, held in sorted(found.items())}


SAME_SENSE_MAX = 4  # entries sharing a first-sense gloss: more, and the gloss names a broad idea, not one thing
_KANJI = re.compile(r"[\u3400-\u9fff々]")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc・]{3,}")


def _gloss_key(gloss: str) -> str:
    text = (re.sub(r"\([^)]*\)", " ", gloss) if "(" in gloss else gloss).strip().lower()
    for article in ("to ", "a ", "an ", "the "):
        if text.startswith(article):
            return text[len(article):].strip()
    return text


@lru_cache(maxsize=1)
def _tables() -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]], list[str]]:
    """JMdict's kanji forms, kana forms, first-sense English glosses (idseq, text) and every English gloss, read once
    per process for both the same-meaning words and the lexicon."""
    db = _database()
    if db is None:
        return [], [], [], []
    try:
        kanji = db.execute("SELECT idseq, text FROM Kanji").fetchall()
        kana = db.execute("SELECT idseq, text FROM Kana").fetchall()
        first = db.execute("""SELECT f.idseq, g.text FROM (SELECT idseq, MIN(ID) AS sid FROM Sense GROUP BY idseq) f
                JOIN SenseGloss g ON g.sid = f.sid AND g.lang = 'eng'""").fetchall()
        english = [text for (text,) in db.execute("SELECT DISTINCT text FROM SenseGloss WHERE lang = 'eng'")]
    finally:
        db.close()
    return kanji, kana, first, english


@lru_cache(maxsize=1)
def _senses() -> tuple[dict[int, set[str]], dict[str, set[int]], dict[int, list[str]]]:
    """Every entry's first-sense glosses, the entries of each such gloss, and the written forms a visitor may type for
    an entry: its kanji forms, or its katakana forms for a loanword written without kanji. Kept for the process."""
    kanji, kana, first, _ = _tables()
    glosses: dict[int, set[str]] = {}
    by_gloss: dict[str, set[int]] = {}
    for idseq, gloss in first:
        key = _gloss_key(gloss)
        if key:
            glosses.setdefault(idseq, set()).add(key)
            by_gloss.setdefault(key, set()).add(idseq)
    forms: dict[int, list[str]] = {}
    for idseq, text in kanji:
        forms.setdefault(idseq, []).append(text)
    with_kanji = set(forms)
    for idseq, text in kana:
        if idseq not in with_kanji and _KATAKANA_WORD.fullmatch(text):
            forms.setdefault(idseq, []).append(text)
    return glosses, by_gloss, forms


def same_sense_words(terms: Iterable[str]) -> dict[str, list[str]]:
    """Folded word → the data terms it means the same as: words whose JMdict entry shares a first-sense gloss with a
    data term's entry, when few entries share that gloss (国外 → 海外 'abroad'; 溶着 → 溶接 'welding'; ジュエリー →
    アクセサリー 'jewelry'). Only written forms with kanji, or katakana loanwords of three letters or more: a reading
    alone would bring its homophones. A data term must be two characters or more and hold a kanji or be three or more
    (ため, こと name no topic)."""
    glosses, by_gloss, forms = _senses()
    if not glosses:
        return {}
    held = {t for t in terms if len(t) >= 2 and (_KANJI.search(t) or len(t) >= 3)}
    entries_of: dict[str, set[int]] = {}
    for idseq, written in forms.items():
        for form in written:
            if fold(form) in held:
                entries_of.setdefault(fold(form), set()).add(idseq)
    found: dict[str, set[str]] = {}
    for term, entries in entries_of.items():
        for entry in entries:
            for gloss in glosses.get(entry, ()):
                alike = by_gloss[gloss]
                if len(alike) > SAME_SENSE_MAX:
                    continue
                for other in alike - entries:
                    if any(fold(form) in held for form in forms.get(other, ())):
                        continue  # an entry of the data's own words: its forms are spellings (other_spellings)
                    for form in forms.get(other, ()):
                        word = fold(form)
                        if len(word) >= 2 and (_KANJI.search(form) or _KATAKANA_WORD.fullmatch(form)):
                            found.setdefault(word, set()).add(term)
    return {word: sorted(ts) for word, ts in sorted(found.items()) if len(ts) <= 3 and word not in held}


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Every written form and reading in JMdict, folded (~385,000), and its one-word English glosses: the words of
    the languages a visitor types, so that a real word the data lacks is never taken for a typo of one it holds.
    Kept for the process (a preview rebuilds often)."""
    kanji, kana, _, english = _tables()
    words = {fold(text) for _, text in kanji}
    words.update(fold(text) for _, text in kana)
    # English words too (wine, tea): a visitor's English word is no typo of another gloss (line, team).
    words.update(w for text in english if (w := gloss_word(text)))
    return frozenset(words)
