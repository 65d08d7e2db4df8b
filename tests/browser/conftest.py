"""Browser fixtures: Debian's Chromium through Playwright, against the demo build on localhost.

In CI (CI=true) a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .server import CHROMIUM, chromium, chromium_available, serve_dir


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    with serve_dir(demo_site) as base:
        yield base
