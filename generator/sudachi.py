"""One Japanese morphological analyser per process, shared by the privacy checks, the search
dictionary and the open-data readings (SudachiPy with its core dictionary).

The tokenizer is made in split mode C (long units: 加藤製作所 stays one piece); callers that want
short units pass a mode to ``tokenize``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(mode=SplitMode.C)


# Part-of-speech tuples by Sudachi's id, shared by every caller: one tuple per kind of word instead of six new
# strings for each word analysed (millions at nation size).
_POS: dict[int, tuple[str, ...]] = {}


def pos_of(morpheme: Any) -> tuple[str, ...]:
    """A morpheme's six part-of-speech fields, e.g. ("名詞", "固有名詞", "人名", "姓", "*", "*")."""
    pos = _POS.get(morpheme.part_of_speech_id())
    if pos is None:
        pos = _POS[morpheme.part_of_speech_id()] = tuple(morpheme.part_of_speech())
    return pos
