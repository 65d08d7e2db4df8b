"""Take screenshots of built pages in Debian's Chromium, for people to look at.

    python -m tests.browser.screenshots [--today YYYY-MM-DD] SITE_DIR OUT_DIR [URL_PATH ...]

Each path is shot at phone (390×844) and desktop (1280×900) widths, full page. With --today the browser's
clock is pinned to 10:00 in Japan on that day (use the site's --today: the page script moves sign-up states
forward by the visitor's clock, so a site built for another day would otherwise show other states).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .server import chromium, serve_dir

DEFAULT_PATHS = ["", "kanto/", "kanto/minatodai-shinkin/meetings/2026-12-10/"]
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


def _name(path: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "_", path.strip("/").replace("/", "_")) or "home"


def shoot(site: Path, out: Path, paths: list[str], today: str | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    with serve_dir(site) as base, chromium() as browser:
        for name, (w, h) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
            if today:
                page.clock.set_fixed_time(f"{today}T10:00:00+09:00")
            for path in paths:
                page.goto(base + path)
                if "?" in path and "search/?" not in path and page.locator("#kk-lresult").count():
                    # A filtered list fills itself after load (kk-lists.js): shoot it complete.
                    page.wait_for_function("() => !document.getElementById('kk-lresult').hidden && "
                                           "document.getElementById('kk-lresult-list').getAttribute('aria-busy') === 'false'")
                if "search/?" in path:
                    page.wait_for_selector(".kk-result")  # the results, not 「検索しています…」
                target = out / f"{_name(path)}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                made.append(target)
            page.close()
    return made


if __name__ == "__main__":
    args = sys.argv[1:]
    today = None
    if args and args[0] == "--today":
        today, args = args[1], args[2:]
    for made in shoot(Path(args[0]), Path(args[1]), args[2:] or DEFAULT_PATHS, today):
        print(made)
