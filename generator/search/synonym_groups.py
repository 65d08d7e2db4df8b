"""Words of the same meaning from Sudachi's synonym groups (SudachiDict, Apache-2.0; already installed for the analyser).

SudachiDict's core dictionary marks each word with the groups of the Sudachi synonym dictionary it belongs to: a
dictionary curated for search, whose groups hold a word's paraphrases, abbreviations, older and English forms
(海外 · 国外 · 外国; 人手不足 · 人材不足; パンフレット · 冊子 · pamphlet; 電気代 · 電気料金; スマホ · スマートフォン;
コスト · 経費 · 費用 · cost). A word the data lacks that shares a group with a data noun becomes a key for it.

Only common nouns, written with kanji (two characters or more), katakana (three or more) or English letters (three or
more): a hiragana form is a reading, which would bring its homophones. A data term of one character, or an English
word (the data's "second" is no 二塁) or a place (三重 is no "triple"; dictionary.build_dictionary) gets none. Never over a key another layer has given a
meaning (dictionary.build_dictionary), and never a word that leads to more than three of the data's terms.

The groups are read once per process from the dictionary's own entries (about 1.6 million, well under a second).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..sudachi import dictionary, pos_of
from .terms import fold

MAX_TERMS = 3  # a word leading to more of the data's terms than this is too broad to stand for any of them
_KANJI = re.compile(r"[\u3400-\u9fff々]")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc・]{3,}")
_ENGLISH_WORD = re.compile(r"[a-z][a-z\- ]{2,}")


def _typed(surface: str, folded: str) -> bool:
    """A form a visitor types for a meaning rather than for a sound."""
    if _KANJI.search(surface):
        return len(surface) >= 2
    return bool(_KATAKANA_WORD.fullmatch(surface) or _ENGLISH_WORD.fullmatch(folded))


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, frozenset[int]], dict[int, frozenset[str]]]:
    """Folded noun form → its synonym groups, and group → its folded noun forms. Kept for the process."""
    groups_of: dict[str, set[int]] = {}
    members: dict[int, set[str]] = {}
    for morpheme in dictionary().entries():
        ids = morpheme.synonym_group_ids()
        if not ids or pos_of(morpheme)[:2] != ("名詞", "普通名詞"):
            continue  # common nouns only: a name's group (ベイスターズ, 横浜) is no paraphrase
        surface = morpheme.surface()
        folded = fold(surface)
        if not _typed(surface, folded):
            continue
        groups_of.setdefault(folded, set()).update(ids)
        for group in ids:
            members.setdefault(group, set()).add(folded)
    return ({form: frozenset(ids) for form, ids in groups_of.items()},
            {group: frozenset(forms) for group, forms in members.items()})


def synonym_words(terms: Iterable[str]) -> dict[str, list[str]]:
    """Folded word the data lacks → the data terms sharing a Sudachi synonym group with it (国外 → 海外,
    人材不足 → 人手不足, cost → コスト when the data says コスト)."""
    held = set(terms)
    groups_of, members = _groups()
    found: dict[str, set[str]] = {}
    for term in held:
        if len(term) < 2 or term.isascii():
            continue  # one character names no topic; an English word of the data (second, text) is seldom its topic
        for group in groups_of.get(term, ()):
            for word in members[group]:
                if word not in held:
                    found.setdefault(word, set()).add(term)
    return {word: sorted(ts) for word, ts in sorted(found.items())
            if len(ts) <= MAX_TERMS and not _holds_term(word, held)}


def _holds_term(word: str, held: set[str]) -> bool:
    """Whether a data term of two characters or more is part of the word: the page then finds the word through its
    parts (銀行員: 銀行 and 員), closer to what it means than a group's broader member (職員)."""
    return any(word[i:j] in held for i in range(len(word)) for j in range(i + 2, len(word) + (i > 0)))
