"""content/accessibility-results.yml: the latest accessibility test results, which the accessibility page
(content/accessibility.md) publishes.

The file is written by ``python -m tests.browser.accessibility_report`` (axe-core in Chromium at 390 and
1280 px and the Nu Html Checker, on one page of every page type); nobody edits it by hand. It is read
here with the strict loader, so a damaged file is a located error like any data file, and a test
(tests/test_accessibility_page.py) fails when it no longer matches the page types the build makes or the
tool versions installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError

from .diagnostics import Diagnostic
from .discover import link_problem
from .errors_ja import translate
from .loader import load_file
from .models.common import Count, Line, Model, ShortLine
from .safe_fs import kind as path_kind

RESULTS_PATH = "content/accessibility-results.yml"

TypeId = Annotated[str, Field(pattern=r"^[a-z0-9_-]{1,40}$")]
IsoDay = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class PageResult(Model):
    """1種類のページの試験結果。"""

    type: TypeId = Field(..., title="ページの種類の ID", description="generator/plan/page_types.py の種類。")
    name: Line = Field(..., title="ページの種類", description="方針のページに載る名前。")
    url: Annotated[str, Field(max_length=200)] = Field(..., title="試験したページ", description="試験したページの URL（サイトの中の位置）。")
    axe_violations: Count = Field(..., title="axe-core の違反", description="390 px と 1280 px で見つかった違反の数（影響度を問わない）。")
    html_errors: Count = Field(..., title="HTML の誤り", description="Nu Html Checker が報告した誤りの数。")


class A11yResults(Model):
    """アクセシビリティの試験結果（content/accessibility-results.yml）。試験の道具が書き出します。"""

    tested_on: IsoDay = Field(..., title="試験日", description="試験を行った日（日本時間、YYYY-MM-DD）。")
    axe_core: ShortLine = Field(..., title="axe-core の版")
    nu_html_checker: ShortLine = Field(..., title="Nu Html Checker の版")
    browser: ShortLine = Field(..., title="ブラウザ")
    widths: tuple[Count, ...] = Field(..., title="画面の幅（px）", min_length=1)
    pages: tuple[PageResult, ...] = Field(..., title="ページの種類ごとの結果", min_length=1)


def load_results(project_root: Path) -> tuple[A11yResults | None, list[Diagnostic]]:
    """The committed results, or None (with the problems) when the file is missing or wrong."""
    path = project_root / RESULTS_PATH
    found = path_kind(path)
    if found == "missing":
        return None, []
    if found == "link":
        return None, [link_problem(RESULTS_PATH)]
    source, problems = load_file(path, RESULTS_PATH, project_root)
    if source is None:
        return None, problems
    try:
        return A11yResults.model_validate(source.data), problems
    except ValidationError as exc:
        return None, problems + translate(A11yResults, exc, source)
