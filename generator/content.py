"""Editorial pages (content/*.md): loaded like the data, with the strict loader.

Each page is Markdown with a YAML front matter block::

    ---
    title: 新現役交流会とは
    ---

The front matter goes through loader.parse (no tags, no duplicate keys, no
YAML 1.1 surprises) and a model, so a mistake is a located diagnostic like
any other; the plan then places the page like every other page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import Field, ValidationError

from .a11y_results import A11yResults, load_results
from .diagnostics import Diagnostic
from .discover import link_problem
from .errors_ja import translate
from .loader import decode, parse
from .models.common import Line, Model
from .safe_fs import UnsafePath, read_regular
from .safe_fs import kind as path_kind

CONTENT_DIR = "content"
ACCESSIBILITY_SLUG = "accessibility"  # the page that publishes the accessibility test results
_FENCE = "---\n"


class FrontMatter(Model):
    """案内ページの見出し（content/*.md の先頭の --- で囲んだ部分）。"""

    title: Line = Field(..., title="ページの題名", description="ブラウザのタブと検索結果に出る題名。",
                        examples=["新現役交流会とは"])


@dataclass(frozen=True)
class EditorialPage:
    slug: str  # file name without .md; "index" is the portal's top
    path: str  # content/about.md
    title: str
    markdown: str  # the body after the front matter
    results: A11yResults | None = None  # the accessibility page's test results (content/accessibility-results.yml)


def _split(text: str) -> tuple[str, str]:
    """(front matter, body); the front matter keeps its lines so locations match the file."""
    if not text.startswith(_FENCE):
        return "", text
    end = text.find("\n" + _FENCE, len(_FENCE) - 1)
    if end < 0:
        return "", text
    # A leading newline stands in for the opening fence, so line numbers are the file's.
    return "\n" + text[len(_FENCE):end + 1], text[end + 1 + len(_FENCE):]


def load_content(project_root: Path) -> tuple[tuple[EditorialPage, ...], list[Diagnostic]]:
    """Every content/*.md under project_root, in name order, and the problems found."""
    folder = project_root / CONTENT_DIR
    if path_kind(folder) != "dir":
        return (), ([link_problem(CONTENT_DIR)] if path_kind(folder) == "link" else [])
    pages: list[EditorialPage] = []
    problems: list[Diagnostic] = []
    for path in sorted(folder.glob("*.md")):
        rel = f"{CONTENT_DIR}/{path.name}"
        try:
            # A link here (content/x.md -> /etc/passwd) would publish the file it points at: refused.
            raw = read_regular(project_root, path)
        except UnsafePath:
            problems.append(link_problem(rel))
            continue
        text, found = decode(raw, rel)
        if text is None:
            problems += found
            continue
        front, body = _split(text)
        loaded, found = parse(front if front.strip() else "{}\n", rel)
        problems += found
        if loaded is None:
            continue
        try:
            meta = FrontMatter.model_validate(loaded.data)
        except ValidationError as exc:
            problems += translate(FrontMatter, exc, loaded)
            continue
        pages.append(EditorialPage(path.stem, rel, meta.title, body))
    results, found = load_results(project_root)
    problems += found
    if results is not None:
        pages = [replace(p, results=results) if p.slug == ACCESSIBILITY_SLUG else p for p in pages]
    return tuple(pages), problems
