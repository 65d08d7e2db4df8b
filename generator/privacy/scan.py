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


# Findings of texts already scanned in this process. A record's text is scanned when it is
# validated and again when the built pages are (a page line is often exactly a field's text):
# the second time costs a lookup. Bounded so a nation-size build keeps memory flat.
_SEEN: dict[str, tuple[Hit, ...]] = {}
_SEEN_LIMIT = 400_000
_SEEN_LENGTH = 2000


def seen(text: str) -> tuple[Hit, ...] | None:
    """The findings of a text scanned before in this process, or None."""
    return _SEEN.get(text)


def scan_text(text: str) -> list[Hit]:
    known = _SEEN.get(text)
    if known is not None:
        return list(known)
    hits = _scan(text)
    if len(text) <= _SEEN_LENGTH:
        if len(_SEEN) >= _SEEN_LIMIT:
            _SEEN.clear()
        _SEEN[text] = tuple(hits)
    return hits


def _scan(text: str) -> list[Hit]:
    normalised = normalise(text)
    hits = []
    for kind, start, end in find_all(normalised.text):
        a, b = normalised.original_span(start, end)
        hits.append(Hit(kind, a, b, text[a:b], normalised.text[start:end]))
    return hits
