"""load → validate: from a folder of YAML files to a Dataset or diagnostics."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .checks import cross_check
from .content import EditorialPage, load_content
from .dataset import Dataset, Record
from .diagnostics import Diagnostic, has_errors, sort_diagnostics
from .discover import Found, discover
from .errors_ja import translate
from .loader import LoadedFile, load_file
from .national import load_national
from .privacy.allow import AllowList, load_allow
from .registry import BY_NAME, KINDS

if TYPE_CHECKING:
    from .privacy.scan import Prescanner


@dataclass(frozen=True)
class Loaded:
    """What the load and validate stages hand on: one value, no side channel.

    ``dataset`` is None when there is an error (warnings are fine); ``allow``
    is the reviewed privacy exceptions read once for the run, which the build
    scan (privacy/built.py) needs again; ``diagnostics`` is complete either way.
    """

    dataset: Dataset | None
    allow: AllowList = field(default_factory=AllowList)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    content: tuple[EditorialPage, ...] = ()  # content/*.md, when asked for

    @property
    def ok(self) -> bool:
        return self.dataset is not None

    def __iter__(self) -> Iterator[object]:
        # Deprecated: `dataset, diagnostics = load_dataset(root)` still works for
        # callers written before this value existed (bench scripts, branches).
        return iter((self.dataset, self.diagnostics))


PRESCAN_FILES = 1000  # data files: below this (the demo has ~130) forking scan workers costs more than it saves


def _read_all(found: list[Found], tables: dict[str, dict[str, Record]], unparsed: list[tuple[str, LoadedFile]],
              failed: dict[str, str], diagnostics: list[Diagnostic], scanner: Prescanner,
              record_texts: Callable[[str, Any], list[tuple[tuple[str, ...], str]]],
              challenge_fields: Callable[[Any], dict[str, str]]) -> None:
    """Read, parse and check each file against its model, filling `tables`; hand each record's texts to `scanner`."""
    for item in found:
        kind = BY_NAME[item.kind]
        key = kind.key(item.region, item.institution, item.id)
        loaded, problems = load_file(item.path, item.rel)
        diagnostics += problems
        if loaded is None:
            failed[key] = item.rel
            continue
        model = kind.model
        try:
            parsed = model.model_validate(loaded.data)
        except ValidationError as exc:
            diagnostics += translate(model, exc, loaded)
            unparsed.append((item.kind, loaded))
            failed[key] = item.rel
            continue
        for problem in parsed.post_validation():
            line, col = loaded.where(problem.path, key=problem.key)
            diagnostics.append(Diagnostic(loaded.path, line, col, problem.code, problem.ja, problem.en, problem.severity))
        tables[item.kind][key] = Record(item.kind, key, item.id, item.region, item.institution, parsed, loaded)
        scanner.submit([text for _, text in record_texts(item.kind, parsed)])
        if item.kind == "challenge":
            scanner.submit_challenge(challenge_fields(parsed), parsed.employees)


def load_dataset(root: Path, only: frozenset[str] | None = None, *, content_root: Path | None = None) -> Loaded:
    """Read and check everything under root/regions.

    Returns the dataset only when there is no error (warnings are fine); the
    diagnostics list is complete either way, so one run shows every problem.
    With `only` (paths relative to root), just those data files are read,
    besides every region.yml and institution.yml that cross-checks need, and
    only their problems are reported (see changes.py). With `content_root`,
    the editorial pages under content_root/content are loaded too.
    """
    # Extra checks (confidentiality) are imported lazily to keep this module small.
    from .cores import workers
    from .privacy.check import challenge_fields, check_dataset, check_unparsed, record_texts
    from .privacy.scan import Prescanner

    found, diagnostics = discover(root)
    if only is not None:
        found = [f for f in found if f.kind in ("region", "institution") or f.rel in only]
        diagnostics = [d for d in diagnostics if d.path in only]
    tables: dict[str, dict[str, Record]] = {k.name: {} for k in KINDS}
    unparsed = []
    failed: dict[str, str] = {}  # record key -> the file whose own errors kept it out
    # Many files: the confidentiality scan of each record's texts runs in worker processes while the rest are read.
    scanner = Prescanner(workers() if len(found) >= PRESCAN_FILES else 1)
    # Every object read lives on (records, their marks): the garbage collector would walk them all again at each
    # full pass, about a quarter of validation's time at nation size. It resumes as soon as reading is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _read_all(found, tables, unparsed, failed, diagnostics, scanner, record_texts, challenge_fields)
        scanner.finish()
    finally:
        scanner.close()
        if collecting:
            gc.enable()

    # Records whose parent failed cannot be cross-checked meaningfully; drop them.
    regions = tables["region"]
    institutions = {k: r for k, r in tables["institution"].items() if r.region in regions}
    unpublished = frozenset(
        k for k, r in [*tables["challenge"].items(), *tables["veteran"].items()] if r.model.consent_date is None
    )
    dataset = Dataset(
        regions=regions,
        institutions=institutions,
        meetings={k: r for k, r in tables["meeting"].items() if f"{r.region}/{r.institution}" in institutions},
        challenges={k: r for k, r in tables["challenge"].items() if f"{r.region}/{r.institution}" in institutions},
        veterans={k: r for k, r in tables["veteran"].items() if r.region in regions},
        unpublished=unpublished,
    )
    national, national_problems = load_national(root)
    diagnostics += national_problems
    if national is not None:
        dataset = replace(dataset, national=national)
    allow, allow_problems = load_allow(root)
    diagnostics += allow_problems
    diagnostics += cross_check(root, dataset, failed)
    diagnostics += check_dataset(root, dataset, allow)
    diagnostics += check_unparsed(root, unparsed, allow)
    content: tuple[EditorialPage, ...] = ()
    if content_root is not None:
        content, problems = load_content(content_root)
        diagnostics += problems
    if only is not None:
        diagnostics = [d for d in diagnostics if d.path in only]
    diagnostics = sort_diagnostics(diagnostics)
    return Loaded(None if has_errors(diagnostics) else dataset, allow, diagnostics, content)
