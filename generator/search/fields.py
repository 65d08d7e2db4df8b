"""The meaning layer: the fields (課題分類・業種 of the controlled vocabularies) a typed word belongs to.

A career or trade word often names no record directly (金型, QC, HACCP) or only one or two
(工場長, 融資), while the records a person typing it wants are labelled with the field the word
belongs to (生産管理, 品質管理, 財務・資金繰り). The search then also finds the records labelled
with those fields, ranked below the records that hold the word itself, and says which field
it searched (themes/assets/kk-search.js).

Two sources, both read at build time:
- the field words kept beside the vocabularies (generator/search_fields.py), for words the
  data may not hold;
- the data itself: a word found in the text of only a few records belongs to the fields that
  more than half of those records are labelled with (工場長 occurs in one veteran's career,
  labelled 製造業・生産管理・品質管理). Records without field labels (meetings) and the words
  of labels (months, formats, states) take no part.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import vocab
from ..search_fields import FIELD_WORDS
from .terms import fold, label_terms

if TYPE_CHECKING:
    from .records import SearchRecord

# Labels that say nothing about a field of work.
VAGUE = frozenset({"その他", "分類不能の産業", "サービス業（他に分類されないもの）", "複合サービス事業",
                   "公務（他に分類されるものを除く）"})
FIELDS: tuple[str, ...] = tuple(x for x in (*vocab.CATEGORIES, *vocab.INDUSTRIES) if x not in VAGUE)
# A word held by more records than this finds enough of them by itself.
RARE = 9
MOST = 3  # fields per word


def field_terms() -> frozenset[str]:
    """The fields' own labels and their parts (生産管理, dx・it化, dx, it化): found directly, never expanded."""
    return frozenset(t for f in FIELDS for t in label_terms(f))


def fields_of_words(records: Iterable[SearchRecord]) -> dict[str, list[str]]:
    """term → the fields it belongs to (folded labels, most shared first), from the data and FIELD_WORDS.

    From the data: a field shared by more than half of the records whose text holds the term (all of one,
    both of two, two of three …), at most MOST of them."""
    wanted = {fold(f): f for f in FIELDS}
    held: Counter[str] = Counter()
    shared: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for rec in records:
        # Only records labelled with fields themselves (challenges, veterans), and only the words of their
        # own text: a meeting's month, format or sign-up state says nothing about a field.
        fields = {fold(x) for x in rec.labels if fold(x) in wanted}
        if not fields:
            continue
        _own, rest = rec.terms
        for term in rest:
            held[term] += 1
            shared[term].update(fields)
    skip = field_terms()
    out: dict[str, list[str]] = {}
    for term, n in held.items():
        if n > RARE or term in skip:
            continue
        fields = [f for f, c in sorted(shared[term].items(), key=lambda fc: (-fc[1], fc[0])) if 2 * c > n][:MOST]
        if fields:
            out[term] = fields
    for label, words in FIELD_WORDS.items():
        for word in words:
            slot = out.setdefault(fold(word), [])
            if fold(label) not in slot:
                slot.insert(0, fold(label))  # the kept list first: it is the deliberate answer
    return out
