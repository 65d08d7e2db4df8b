"""The Japanese language layer: a morphological analyser shared by the detectors.

Names with no fixed shape (加藤製作所, 代表の山田太郎が, ジョン・スミスさん) cannot
be found by regular expressions alone: a string of kanji is a surname, a
place, a trade or an ordinary word depending on the dictionary. SudachiPy
with its core dictionary (pure wheels, no system packages; ~193 MB installed,
of which the dictionary file is almost all) tells which tokens are proper
nouns (人名 姓/名, 地名, 固有名詞 一般 for organisations and products) and
which are unknown words.

The dictionary is loaded once per process, on first use (about 0.05–0.2 s),
and only when a text has kanji or katakana: the ASCII-only lines of a built
page never pay for it. Analyses are cached per text, because the built-page
scan and validation see the same sentences many times.

Offsets are in the text analysed (the normalised text of normalise.py), so a
token maps back to what was typed the same way a regular-expression match does.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..sudachi import pos_of, tokenizer
from .chars import KANJI, KATA

# Sudachi refuses inputs longer than about 49 KB; analyse in pieces well below that,
# cut after a sentence end or a line break so no name is split.
_CHUNK = 4000
_CUT = re.compile(r"[。！？!?\n]")
_NEEDS_ANALYSIS = re.compile(f"[{KANJI}{KATA}]")


class Token(NamedTuple):
    """One word as SudachiPy cut it. A named tuple: a page's scan makes millions, and a frozen dataclass's
    constructor cost three times as much."""

    surface: str
    start: int
    end: int
    pos: tuple[str, ...]  # Sudachi's six part-of-speech fields, e.g. ("名詞", "固有名詞", "人名", "姓", "*", "*")
    reading: str  # katakana, for names (人名) only: "" for every other token
    oov: bool  # an unknown word: not in the dictionary

    @property
    def proper(self) -> bool:
        return self.pos[1] == "固有名詞"

    @property
    def person(self) -> bool:
        return self.pos[2] == "人名"

    @property
    def surname(self) -> bool:
        return self.pos[2] == "人名" and self.pos[3] == "姓"

    @property
    def given(self) -> bool:
        return self.pos[2] == "人名" and self.pos[3] == "名"

    @property
    def place(self) -> bool:
        return self.pos[2] == "地名"

    @property
    def noun(self) -> bool:
        return self.pos[0] == "名詞"


_tokenizer = tokenizer  # the process's one analyser, in split mode C (加藤製作所 in one piece)


def _chunks(text: str) -> list[tuple[int, str]]:
    out = []
    start = 0
    while len(text) - start > _CHUNK:
        window = text[start:start + _CHUNK]
        cuts = [m.end() for m in _CUT.finditer(window)]
        end = start + (cuts[-1] if cuts else _CHUNK)
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


# Texts up to this length are cached (a field, a line of a page); the built-page scan also sends a
# whole page's new lines at once, which would only fill the cache with texts never seen again.
_CACHED_LENGTH = 2000


def analyse(text: str) -> tuple[Token, ...]:
    """Tokens of normalised text, with offsets in it; () for text without kanji or katakana."""
    if not _NEEDS_ANALYSIS.search(text):
        return ()
    return _analyse_cached(text) if len(text) <= _CACHED_LENGTH else _analyse(text)


@lru_cache(maxsize=4096)
def _analyse_cached(text: str) -> tuple[Token, ...]:
    return _analyse(text)


def _analyse(text: str) -> tuple[Token, ...]:
    tokenizer = _tokenizer()
    tokens: list[Token] = []
    for offset, chunk in _chunks(text):
        if not chunk.strip():
            continue
        for m in tokenizer.tokenize(chunk):
            pos = pos_of(m)
            surface = m.surface()  # the input's characters begin..end, so end = begin + its length
            start = offset + m.begin()
            # The reading serves one rule, a name followed by its reading (names.py): other tokens skip the call.
            tokens.append(Token(surface, start, start + len(surface), pos,
                                m.reading_form() if pos[2] == "人名" else "", m.is_oov()))
    return tuple(tokens)


def loaded() -> bool:
    """Whether the dictionary has been loaded in this process (for the cost test)."""
    return _tokenizer.cache_info().currsize > 0
