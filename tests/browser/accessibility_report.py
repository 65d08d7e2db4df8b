"""Run the accessibility tests on one page of every page type and write the results the accessibility page
publishes (content/accessibility-results.yml). Commit the file it writes.

    python -m tests.browser.accessibility_report [--date YYYY-MM-DD] [--out content/accessibility-results.yml]

The test date is the day the tests ran (today in Japan unless --date says otherwise); this is a tool, not a
test, so it may read the clock. tests/test_accessibility_page.py fails when the file no longer matches the
page types the build makes or the tools installed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from generator.a11y_results import RESULTS_PATH
from generator.build import build
from generator.plan.page_types import PAGE_TYPES
from tests.conftest import REPO, TODAY

from .a11y_catalogue import CLOSED_DAY, WIDTHS, axe_violations, build_closed_site, catalogue, page_path
from .server import chromium, serve_dir

AXE = REPO / "node_modules" / "axe-core"
VNU = REPO / "node_modules" / "vnu-jar"
HEADER = ("# ウェブアクセシビリティの試験結果（python -m tests.browser.accessibility_report が書き出します。手で直さないでください）\n"
          "# Accessibility test results, written by the report tool; the accessibility page publishes them.\n")


def tool_version(package: Path) -> str:
    return json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]


def html_errors(files: list[Path]) -> dict[Path, int]:
    java = shutil.which("java")
    jar = VNU / "build" / "dist" / "vnu.jar"
    if java is None or not jar.is_file():
        sys.exit("Nu Html Checker needs Java and vnu-jar (npm ci)")
    done = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "gnu", *map(str, files)],
                          capture_output=True, text=True, timeout=600, check=False)
    counts = dict.fromkeys(files, 0)
    for line in done.stderr.splitlines():
        for f in files:
            if line.startswith((f'"file:{f}"', f'"{f}"', f"{f}:")) and ": error" in line:
                counts[f] += 1
    return counts


def _order(item: tuple[str, object]) -> tuple[int, str]:
    """The page types in the order a visitor meets them (PAGE_TYPES), then the editorial pages."""
    order = list(PAGE_TYPES)
    return (order.index(item[0]) if item[0] in order else len(order), item[0])


def run(tested_on: date, out: Path) -> dict:
    types = catalogue()
    axe_source = (AXE / "axe.min.js").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo"
        result = build(REPO, demo, today=TODAY)
        assert result.ok, result.message
        closed = build_closed_site(Path(tmp) / "closed")
        sites = {"demo": demo, "closed": closed}
        files = {tid: sites[site] / (p.url if p.url.endswith(".html") else p.url + "index.html")
                 for tid, (site, p) in types.items()}
        errors = html_errors(list(files.values()))
        found: dict[str, int] = dict.fromkeys(types, 0)
        with serve_dir(demo) as demo_url, serve_dir(closed) as closed_url, chromium() as browser:
            version = f"Chromium {browser.version.split('.')[0]}"
            for width, (w, h) in WIDTHS.items():
                page = browser.new_page(viewport={"width": w, "height": h}, bypass_csp=True)
                for tid, (site, ptype) in types.items():
                    page.clock.set_fixed_time(f"{(TODAY if site == 'demo' else CLOSED_DAY).isoformat()}T10:00:00+09:00")
                    page.goto((demo_url if site == "demo" else closed_url) + page_path(ptype))
                    violations = axe_violations(page, axe_source, ptype)
                    for v in violations:
                        print(f"{width} {ptype.url}: {v}", file=sys.stderr)
                    found[tid] += len(violations)
                page.close()
    data = {
        "tested_on": tested_on.isoformat(),
        "axe_core": tool_version(AXE),
        "nu_html_checker": tool_version(VNU),
        "browser": version,
        "widths": [w for w, _ in WIDTHS.values()],
        "pages": [{"type": tid, "name": p.name, "url": "/" + p.url, "axe_violations": found[tid],
                   "html_errors": errors[files[tid]]} for tid, (_, p) in sorted(types.items(), key=_order)],
    }
    out.write_text(HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return data


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--date", type=date.fromisoformat, default=datetime.now(ZoneInfo("Asia/Tokyo")).date())
    parser.add_argument("--out", type=Path, default=REPO / RESULTS_PATH)
    args = parser.parse_args()
    data = run(args.date, args.out)
    bad = [p["type"] for p in data["pages"] if p["axe_violations"] or p["html_errors"]]
    print(f"{args.out}: {len(data['pages'])} page types, {len(bad)} with problems {bad}")
