"""Every built page is valid HTML by the Nu Html Checker (npm vnu-jar, run with Debian's Java).

In CI a missing checker or Java is a failure, never a skip (see .ci/run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_no_html_errors_on_any_page(demo_site: Path) -> None:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        message = "Nu Html Checker needs Java (apt-get install default-jre-headless) and vnu-jar (npm ci)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    pages = sorted(str(p) for p in demo_site.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > 150
    done = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
                          capture_output=True, text=True, timeout=300, check=False)
    errors = [line.replace(str(demo_site), "") for line in done.stderr.splitlines() if ": error" in line]
    assert errors == [], f"{len(errors)} errors, first: {errors[:5]}"
