"""What JMdict (EDRDG, CC BY-SA 4.0; the jamdict-data package) adds to the data's words: English words and
other spellings.

English. People who worked abroad or in IT type the English word (warehouse, export, trademark). A data term
whose JMdict entry glosses it, in that entry's first sense, with one English word becomes findable by
that word: 倉庫 → storehouse, warehouse; 輸出 → export. Only the first sense (the common meaning), only
one-word glosses, and an English word shared by many of the data's terms is dropped as too vague to
point anywhere.

Spellings. A data noun's other written forms in the same JMdict entry (申込み, 申し込み → 申込; 店鋪 → 店舗; 螺子 →
ねじ; 〆切 → 締切) are keys for it: the old, irregular and okurigana-variant forms people type or their phone
converts to (kana forms too, from three characters: ヒヤリング → ヒアリング). Only forms of two characters or more,
never a form that is a word of the data itself.

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


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Every written form and reading in JMdict, folded (~385,000): the words of the language, so that a real word
    the data lacks is never taken for a typo of one it holds. Kept for the process (a preview rebuilds often)."""
    db = _database()
    if db is None:
        return frozenset()
    try:
        return frozenset(fold(text) for (text,) in db.execute("SELECT text FROM Kanji UNION SELECT text FROM Kana"))
    finally:
        db.close()
