"""Browser fixtures: Debian's Chromium through Playwright, against the demo build on localhost.

In CI (CI=true) a missing browser is a failure, never a skip. Every page starts with its clock
pinned to the demo build's day (Japan time), so no browser test reads the machine's clock; a test
that needs another instant calls ``page.clock.set_fixed_time`` itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TODAY

from .server import CHROMIUM, chromium, chromium_available, serve_dir

# 10:00 in Tokyo on the day the demo site is built with --today.
BUILD_INSTANT = f"{TODAY.isoformat()}T10:00:00+09:00"


class PinnedBrowser:
    """The Playwright browser, but every new page starts at BUILD_INSTANT."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_page(self, **kwargs: Any) -> Any:
        page = self._browser.new_page(**kwargs)
        page.clock.set_fixed_time(BUILD_INSTANT)
        # Two test workers share two cores with Chromium and site builds: give slow steps a minute, not 30 s.
        page.set_default_timeout(60_000)
        return page

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser() -> Iterator[PinnedBrowser]:
    if not chromium_available():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with chromium() as b:
        yield PinnedBrowser(b)


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    with serve_dir(demo_site) as base:
        yield base
