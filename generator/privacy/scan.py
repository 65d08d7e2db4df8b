"""One text in, its findings out, each quoted exactly as it was typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..cores import no_collector
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


def _scan_many(texts: list[str]) -> list[tuple[Hit, ...]]:
    return [tuple(_scan(t)) for t in texts]


def prescan(texts: list[str], workers: int) -> None:
    """Scan many texts in `workers` processes and remember their findings (scan_text then looks them up).

    The checks are pure functions of the text, so a forked process gives the same findings; the
    morphological analysis dominates and runs in parallel. Few texts are not worth the processes.
    """
    todo = [t for t in dict.fromkeys(texts) if t not in _SEEN and len(t) <= _SEEN_LENGTH]
    if workers < 2 or len(todo) < PRESCAN_MIN:
        return
    scanner = Prescanner(workers)
    scanner.submit(todo)
    scanner.finish()


PRESCAN_MIN = 3000  # texts: below this (the demo has ~400) one process is faster than starting more
PRESCAN_CHUNK = 200


class Prescanner:
    """Scan texts in worker processes while the caller goes on reading files.

    Validation hands each record's texts over as it reads them; the workers scan them beside it, so reading
    (one process) and scanning (the rest) overlap instead of following each other. `finish` waits and
    remembers the findings, exactly as prescan() does, so scan_text then looks them up."""

    def __init__(self, workers: int):
        import multiprocessing

        self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=no_collector) if workers >= 2 else None
        self._batch: list[str] = []
        self._queued: set[str] = set()
        self._pending: list[tuple[list[str], Any]] = []
        self._challenges: list[tuple[tuple[tuple[str, str], ...], str]] = []
        self._pending_reasons: list[Any] = []

    def submit_challenge(self, fields: dict[str, str], band: str) -> None:
        """A challenge's texts for the re-identification reasons (reident.py), worked out beside the scan:
        otherwise the checks after reading would work them out in one process, with the other cores idle."""
        if self._pool is None:
            return
        self._challenges.append((tuple(fields.items()), band))
        if len(self._challenges) >= PRESCAN_CHUNK:
            self._send_challenges()

    def _send_challenges(self) -> None:
        from .reident import reasons_many

        assert self._pool is not None
        if self._challenges:
            self._pending_reasons.append(self._pool.apply_async(reasons_many, (self._challenges,)))
            self._challenges = []

    def submit(self, texts: list[str]) -> None:
        if self._pool is None:
            return
        for text in texts:
            if text not in self._queued and text not in _SEEN and len(text) <= _SEEN_LENGTH:
                self._queued.add(text)
                self._batch.append(text)
                if len(self._batch) >= PRESCAN_CHUNK:
                    self._send()

    def _send(self) -> None:
        assert self._pool is not None
        if self._batch:
            self._pending.append((self._batch, self._pool.apply_async(_scan_many, (self._batch,))))
            self._batch = []

    def finish(self) -> None:
        if self._pool is None:
            return
        from .reident import remember

        try:
            self._send()
            self._send_challenges()
            for chunk, result in self._pending:
                found = result.get()
                if len(_SEEN) + len(chunk) > _SEEN_LIMIT:
                    _SEEN.clear()
                _SEEN.update(zip(chunk, found, strict=True))
            for result in self._pending_reasons:
                remember(result.get())
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def _scan(text: str) -> list[Hit]:
    normalised = normalise(text)
    hits = []
    for kind, start, end in find_all(normalised.text):
        a, b = normalised.original_span(start, end)
        hits.append(Hit(kind, a, b, text[a:b], normalised.text[start:end]))
    return hits
