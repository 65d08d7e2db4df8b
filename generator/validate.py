"""load → validate: from a folder of YAML files to a Dataset or diagnostics."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from .checks import cross_check
from .dataset import Dataset, Record
from .diagnostics import Diagnostic, has_errors, sort_diagnostics
from .discover import discover
from .errors_ja import translate
from .loader import load_file
from .models import MODELS


def _key(found_region: str, institution: str | None, id_: str, kind: str) -> str:
    if kind == "region":
        return found_region
    if kind in ("institution",):
        return f"{found_region}/{institution}"
    if kind == "veteran":
        return f"{found_region}/{id_}"
    return f"{found_region}/{institution}/{id_}"


def load_dataset(root: Path, only: frozenset[str] | None = None) -> tuple[Dataset | None, list[Diagnostic]]:
    """Read and check everything under root/regions.

    Returns the dataset only when there is no error (warnings are fine); the
    diagnostics list is complete either way, so one run shows every problem.
    With `only` (paths relative to root), just those data files are read,
    besides every region.yml and institution.yml that cross-checks need, and
    only their problems are reported (see changes.py).
    """
    # Extra checks (confidentiality) are imported lazily to keep this module small.
    from .privacy.allow import recall
    from .privacy.check import check_dataset, check_unparsed

    found, diagnostics = discover(root)
    if only is not None:
        found = [f for f in found if f.kind in ("region", "institution") or f.rel in only]
        diagnostics = [d for d in diagnostics if d.path in only]
    tables: dict[str, dict[str, Record]] = {k: {} for k in MODELS}
    unparsed = []
    failed: dict[str, str] = {}  # record key -> the file whose own errors kept it out
    for item in found:
        key = _key(item.region, item.institution, item.id, item.kind)
        loaded, problems = load_file(item.path, item.rel)
        diagnostics += problems
        if loaded is None:
            failed[key] = item.rel
            continue
        model = MODELS[item.kind]
        try:
            parsed = model.model_validate(loaded.data)
        except ValidationError as exc:
            diagnostics += translate(model, exc, loaded)
            unparsed.append((item.kind, loaded))
            failed[key] = item.rel
            continue
        tables[item.kind][key] = Record(item.kind, key, item.id, item.region, item.institution, parsed, loaded)

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
    diagnostics += cross_check(root, dataset, failed)
    diagnostics += check_dataset(root, dataset)
    diagnostics += check_unparsed(root, unparsed, recall(dataset))  # the exceptions check_dataset loaded
    if only is not None:
        diagnostics = [d for d in diagnostics if d.path in only]
    diagnostics = sort_diagnostics(diagnostics)
    return (None if has_errors(diagnostics) else dataset), diagnostics
