"""Load regions/national.yml, the national portal's settings, with the strict loader and located errors.

The file is optional: without it the national portal shows no お問い合わせ in its footer (the region
and institution portals show their own desks either way).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from .diagnostics import Diagnostic
from .discover import link_problem
from .errors_ja import translate
from .loader import load_file
from .models.national import National
from .safe_fs import kind as path_kind

NATIONAL_PATH = "regions/national.yml"


def load_national(root: Path) -> tuple[National | None, list[Diagnostic]]:
    """The national settings and the problems found (None when the file is missing or wrong)."""
    path = root / NATIONAL_PATH
    found = path_kind(path)
    if found == "missing":
        return None, []
    if found == "link":
        return None, [link_problem(NATIONAL_PATH)]
    source, problems = load_file(path, NATIONAL_PATH, root)
    if source is None:
        return None, problems
    try:
        national = National.model_validate(source.data)
    except ValidationError as exc:
        return None, problems + translate(National, exc, source)
    for problem in national.post_validation():
        line, col = source.where(problem.path, key=problem.key)
        problems.append(Diagnostic(NATIONAL_PATH, line, col, problem.code, problem.ja, problem.en, problem.severity))
    return national, problems
