"""The stages stay separate: the core never imports MkDocs (the renderer can be replaced)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def test_core_does_not_import_mkdocs() -> None:
    code = (
        "import sys; from pathlib import Path; from datetime import date\n"
        "from generator.validate import load_dataset\n"
        "from generator.plan import build_plan\n"
        "import generator.schema, generator.scaffold, generator.changes, generator.codeowners, generator.stats\n"
        f"ds, _ = load_dataset(Path({str(REPO)!r}))\n"
        "build_plan(ds, date(2026, 11, 26))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'pagefind', 'jinja2')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
