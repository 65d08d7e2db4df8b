"""Take screenshots of built pages in Debian's Chromium, for people to look at.

    python -m tests.browser.screenshots SITE_DIR OUT_DIR [URL_PATH ...]

Each path is shot at phone (390×844) and desktop (1280×900) widths, full page.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .server import chromium, serve_dir

DEFAULT_PATHS = ["", "kanto/", "kanto/minatodai-shinkin/meetings/2026-12-10/"]
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


def shoot(site: Path, out: Path, paths: list[str]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    with serve_dir(site) as base, chromium() as browser:
        for name, (w, h) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
            for path in paths:
                page.goto(base + path)
                if "?" in path and page.locator("#kk-lresult").count():
                    # A filtered list fills itself after load (kk-lists.js): shoot it complete.
                    page.wait_for_function("() => !document.getElementById('kk-lresult').hidden && "
                                           "document.getElementById('kk-lresult-list').getAttribute('aria-busy') === 'false'")
                stem = re.sub(r"[^\w.-]+", "_", path.strip("/") or "home").strip("_")
                target = out / f"{stem}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                made.append(target)
            page.close()
    return made


if __name__ == "__main__":
    args = sys.argv[1:]
    for made in shoot(Path(args[0]), Path(args[1]), args[2:] or DEFAULT_PATHS):
        print(made)
