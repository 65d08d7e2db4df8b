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
