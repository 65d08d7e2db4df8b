"""Normalise text for the detectors and map every match back to what was typed.

Staff type full-width digits, ＠, ．, （０３）, ㈱ and five kinds of dashes; the
detectors should see one spelling of each. NFKC does most of it; the dashes
NFKC keeps (ー − ‐ ― – —) become "-" only *between digits*, so カタカナの長音
stays as it is. Normalisation is applied per character (a base character with
its combining marks, e.g. ｶﾞ, counts as one), which keeps an exact map from
each normalised character to the original characters it came from: a finding
is always quoted and located as it was written, never in its normalised form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# Dashes NFKC leaves alone (and what ｰ/－ become after NFKC), read as "-" between digits.
_DASHES = "ー−‐‑‒–—―⁃"
_DASH_BETWEEN_DIGITS = re.compile(rf"(?<=[0-9])[{_DASHES}](?=[0-9])")
# Characters that join the character before them (dakuten, accents, variation selectors).
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe00-\ufe0f\ufe20-\ufe2f\uff9e\uff9f]")


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


@dataclass(frozen=True)
class Normalised:
    """Normalised text plus, for each of its characters, the original [start, end)."""

    original: str
    text: str
    starts: tuple[int, ...] | None  # None: the text did not change length anywhere
    ends: tuple[int, ...] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised slice [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        a, b = self.original_span(start, end)
        return self.original[a:b]


def normalise(text: str) -> Normalised:
    """NFKC per character, then dashes between digits to "-"."""
    if text.isascii():
        return Normalised(text, text, None, None)
    if _COMBINING.search(text) is None:
        # Fast path (most text): one character in, one or more out, no joining.
        pieces = list(map(_char, text))
        out = "".join(pieces)
        if len(out) == len(text):
            return Normalised(text, _DASH_BETWEEN_DIGITS.sub("-", out), None, None)
        groups = [(i, i + 1, chunk) for i, chunk in enumerate(pieces)]
    else:
        groups = list(_grouped(text))
    starts: list[int] = []
    ends: list[int] = []
    for i, j, chunk in groups:
        starts.extend([i] * len(chunk))
        ends.extend([j] * len(chunk))
    out = "".join(chunk for _, _, chunk in groups)
    out = _DASH_BETWEEN_DIGITS.sub("-", out)
    if len(out) == len(text) and all(e - s == 1 for s, e in zip(starts, ends, strict=True)):
        return Normalised(text, out, None, None)
    return Normalised(text, out, tuple(starts), tuple(ends))


def _grouped(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, normalised) for each base character with its combining marks."""
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and (_COMBINING.match(text[j]) or unicodedata.combining(text[j])):
            j += 1
        yield i, j, (_char(text[i]) if j == i + 1 else unicodedata.normalize("NFKC", text[i:j]))
        i = j


# The re-identification checks read each field of a challenge about six times, each needing its normalised form:
# one small cache turns that into one normalisation per field (Normalised is immutable, so sharing is safe).
normalise_cached = lru_cache(maxsize=1024)(normalise)
