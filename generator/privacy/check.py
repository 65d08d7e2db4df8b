"""First line of the confidentiality check: the text contributors wrote.

Which fields are scanned is derived from the models: every text field
declared PRIVATE, or not declared at all (models/common.py, `Privacy`), in
every record kind of the registry. Fields declared PUBLIC (contact:,
website:, venues, organiser names) are the public side and are not scanned;
CODE fields are not prose. Unpublished records (no consent_date) are scanned
too: the repository itself is public.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..cores import workers
from ..dataset import Dataset, Record
from ..diagnostics import Diagnostic, Severity
from ..errors_ja import field_label
from ..loader import LoadedFile
from ..models import Challenge
from ..registry import BY_NAME, KINDS, scanned_fields, values_at
from .allow import AllowList
from .kinds import PREFILL, REIDENT, UNIQUE, Kind
from .locate import locate
from .prefill import prefilled
from .public import PublicDetails
from .reident import combination, reasons
from .scan import prescan, scan_text
from .uniqueness import MIN_K, Cell, cell_counts, distinctive, k_of
from .uniqueness import message as unique_message


def record_texts(kind: str, model: Any) -> list[tuple[tuple[str, ...], str]]:
    """(path, text) of every scanned, non-empty text field of a record."""
    return [(path, value) for field in _scanned(BY_NAME[kind].model) for path, value in values_at(model, field)
            if isinstance(value, str) and value]


_scanned = lru_cache(maxsize=None)(scanned_fields)  # per model class: walking a model's fields costs ~30 µs

# The challenge fields the re-identification check reads together.
CHALLENGE_TEXT = scanned_fields(Challenge)


def challenge_fields(model: Any) -> dict[str, str]:
    """A challenge's own text fields (not nested ones), as the re-identification checks read them."""
    return {f: getattr(model, f) for (f, *nested) in CHALLENGE_TEXT if not nested}


def finding_message(kind: Kind, span: str) -> tuple[str, str]:
    info = kind.info
    return (f"{info.ja}「{span}」は載せられません。{info.fix_ja}",
            f"{info.en} '{span}' must not be published; {info.fix_en}")


def prefill_message(parts: list[str]) -> tuple[str, str]:
    shown = "、".join(parts)
    return (f"フォームの URL に入力済みの個人情報（{shown}）が含まれています。事前入力のない URL をフォームの「リンクを送信」からコピーし直してください",
            f"the form URL carries prefilled personal data ({', '.join(parts)}); copy a plain link without prefilled answers")


class _Checker:
    def __init__(self, root: Path, ds: Dataset, allow: AllowList):
        self.root = root
        self.ds = ds
        self.allow = allow
        self.public = PublicDetails.from_dataset(ds)
        self._lines: dict[str, list[str] | None] = {}
        self.out: list[Diagnostic] = []

    def lines(self, rec: Record) -> list[str] | None:
        if rec.path not in self._lines:
            try:
                self._lines[rec.path] = (self.root / rec.path).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines[rec.path] = None
        return self._lines[rec.path]

    def add(self, rec: Record, path: tuple[str, ...], value: str, start: int, span: str, code: str,
            ja: str, en: str, severity: Severity = Severity.ERROR) -> None:
        line, col = locate(self.lines(rec), rec.source, path, value, start, span)
        label_ja, label_en = field_label(type(rec.model), path)
        self.out.append(Diagnostic(rec.path, line, col, code, f"{label_ja}: {ja}", f"{label_en}: {en}", severity))

    def text(self, rec: Record, path: tuple, value: str) -> None:
        for hit in scan_text(value):
            if self.public.permits(hit, value):
                if hit.kind is Kind.URL and (parts := prefilled(hit.norm)):
                    self.add(rec, path, value, hit.start, hit.span, PREFILL, *prefill_message(parts))
                continue
            if self.allow.permits(rec.path, hit.span):
                continue
            self.add(rec, path, value, hit.start, hit.span, hit.kind.code, *finding_message(hit.kind, hit.span))

    def form_url(self, rec: Record, path: tuple[str, ...], url: str | None) -> None:
        if url and (parts := prefilled(url)):
            self.add(rec, path, url, 0, "", PREFILL, *prefill_message(parts))

    def reident(self, rec: Record, k: int, cell: Cell) -> None:
        model = rec.model
        fields = challenge_fields(model)
        found = [r for r in reasons(fields, model.employees) if not self.allow.permits(rec.path, r.span)]
        if k < MIN_K:
            details = [d for d in distinctive(fields, model.employees, found) if not self.allow.permits(rec.path, d.span)]
            if details:
                extra = [r for r in found if r.kind in ("area", "customer")][:2]
                first = details[0]
                self.add(rec, (first.field,), fields[first.field], first.start, first.span, UNIQUE, *unique_message(cell, k, details, extra))
                return
        chosen = combination(found)
        if not chosen:
            return
        if len(chosen) == 1:
            ja = f"{chosen[0].label_ja}で会社が特定されるおそれがあります。「国内でも珍しい」のようにぼかして書いてください"
            en = f"{chosen[0].label_en} may identify the company; say it less precisely"
        else:
            ja = ("と".join(r.label_ja for r in chosen) + "の組み合わせで会社が特定されるおそれがあります。"
                  "どれかをぼかして書いてください（例: 「創業60年ほど」「県西部」「大手自動車メーカー」）")
            en = "the combination of " + " and ".join(r.label_en for r in chosen) + " may identify the company; make one of them vaguer"
        first = chosen[0]
        self.add(rec, (first.field,), fields[first.field], first.start, first.span, REIDENT, ja, en, Severity.WARNING)

    def run(self) -> list[Diagnostic]:
        texts = []
        for kind in BY_NAME.values():
            for rec in getattr(self.ds, kind.table).values():
                texts += [(rec, path, value) for path, value in record_texts(kind.name, rec.model)]
        prescan([value for _, _, value in texts], workers())
        for rec, path, value in texts:
            self.text(rec, path, value)
        for rec in self.ds.meetings.values():
            signup = rec.model.signup
            self.form_url(rec, ("signup", "url"), signup.url if signup else None)
        for rec in self.ds.veterans.values():
            self.form_url(rec, ("contact_form",), rec.model.contact_form)
        cells = {key: (rec.model.prefecture, rec.model.industry, rec.model.employees) for key, rec in self.ds.challenges.items()}
        counts = cell_counts([(cell, key not in self.ds.unpublished) for key, cell in cells.items()])
        for key, rec in self.ds.challenges.items():
            self.reident(rec, k_of(counts, cells[key], key not in self.ds.unpublished), cells[key])
        return self.out


def check_dataset(root: Path, ds: Dataset, allow: AllowList) -> list[Diagnostic]:
    """Findings in the dataset's text; `allow` (read by the caller) marks the exceptions it used."""
    out = _Checker(root, ds, allow).run()
    known = {r.path for kind in KINDS for r in getattr(ds, kind.table).values()}
    return out + allow.unused(known)


def check_unparsed(root: Path, files: list[tuple[str, LoadedFile]], allow: AllowList) -> list[Diagnostic]:
    """Files that failed their model are scanned too, so one run shows every problem.

    Without a model there is no public-details context (institution names and
    contacts), so only findings that no public detail could explain are kept:
    everything except company names, which could be a co-host's name.
    """
    out: list[Diagnostic] = []
    for kind, loaded in files:
        try:
            lines = (root / loaded.path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = None
        for field in scanned_fields(BY_NAME[kind].model):
            for path, value in values_at(loaded.data, field):
                if not isinstance(value, str):
                    continue
                name = ".".join(str(p) for p in path)
                for hit in scan_text(value):
                    if hit.kind is Kind.COMPANY or allow.permits(loaded.path, hit.span):
                        continue
                    line, col = locate(lines, loaded, path, value, hit.start, hit.span)
                    ja, en = finding_message(hit.kind, hit.span)
                    out.append(Diagnostic(loaded.path, line, col, hit.kind.code, f"「{name}」: {ja}", f"'{name}': {en}"))
    return out
