"""Katakana readings for イベント名_カナ from SudachiPy (a dictionary-based morphological analyser).

Readings of place names a dictionary does not know can be wrong (こがね原 → コガネゲン); the
column is a search aid, and the name itself stays in イベント名.
"""

from __future__ import annotations

from functools import lru_cache

from ..sudachi import tokenizer

# Sudachi reads a space as キゴウ and 12 as イチニ: spaces and numbers keep their own form.
_KEEP_POS = {"空白", "補助記号"}


_tokenizer = tokenizer  # the process's one analyser (generator/sudachi.py), split mode C


@lru_cache(maxsize=4096)
def reading(text: str) -> str:
    """The katakana reading of `text`; digits, Latin letters in numbers and punctuation unchanged."""
    out = []
    for morpheme in _tokenizer().tokenize(text):
        surface = morpheme.surface()
        pos = morpheme.part_of_speech()[0]
        if pos in _KEEP_POS or surface.isdigit() or surface.isspace():
            out.append("　" if surface.isspace() else surface)
        else:
            out.append(morpheme.reading_form())
    return "".join(out)
