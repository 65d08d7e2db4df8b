"""One text in, its findings out, each quoted exactly as it was typed."""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import Kind
from .normalise import normalise
from .patterns import find_all


@dataclass(frozen=True)
class Hit:
    """A finding: offsets and span in the original text, plus the normalised span."""

    kind: Kind
    start: int
    end: int
    span: str  # as typed, e.g. "０３－１２３４－５６７８"
    norm: str  # as the detectors saw it, e.g. "03-1234-5678"


def scan_text(text: str) -> list[Hit]:
    normalised = normalise(text)
    hits = []
    for kind, start, end in find_all(normalised.text):
        a, b = normalised.original_span(start, end)
        hits.append(Hit(kind, a, b, text[a:b], normalised.text[start:end]))
    return hits
