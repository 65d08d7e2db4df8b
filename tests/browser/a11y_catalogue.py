"""One page of every page type the build makes, for the accessibility test and the results report.

The demo built for TODAY has every page type but one: no meeting is 受付終了 on that day. The demo's
kanto/minatodai-shinkin meeting of 2026-12-10 closes its sign-up on 2026-11-30, so a standalone build of
that portal for 2026-12-02 (without search) supplies the closed meeting page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.build import build
from generator.content import CONTENT_DIR
from generator.plan import build_plan
from generator.plan.page_types import CONTENT_PREFIX, PAGE_TYPES, PageType
from generator.plan.site import plan_page_types
from generator.validate import load_dataset
from tests.conftest import REPO, TODAY

CLOSED_DAY = date(2026, 12, 2)
CLOSED_PORTAL = "kanto/minatodai-shinkin"
SEARCH_QUERY = "?q=販路開拓"  # the search page is tested with results on it
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def expected_types(root: Path = REPO) -> list[str]:
    """Every page type: the fixed kinds and one per editorial page (content/*.md), without building."""
    return sorted([*PAGE_TYPES, *(CONTENT_PREFIX + p.stem for p in (root / CONTENT_DIR).glob("*.md"))])


def catalogue() -> dict[str, tuple[str, PageType]]:
    """type id -> (which site, "demo" or "closed"; one page of that type in it)."""
    loaded = load_dataset(REPO, content_root=REPO)
    assert loaded.dataset is not None
    found: dict[str, tuple[str, PageType]] = {}
    for site, plan in (("demo", build_plan(loaded.dataset, TODAY, content=loaded.content)),
                       ("closed", build_plan(loaded.dataset, CLOSED_DAY, root=CLOSED_PORTAL, content=loaded.content))):
        for tid, ptype in plan_page_types(plan).items():
            found.setdefault(tid, (site, ptype))
    return found


def build_closed_site(out: Path) -> Path:
    result = build(REPO, out, today=CLOSED_DAY, portals=[CLOSED_PORTAL], index=False)
    assert result.ok, result.message
    return out


def page_path(ptype: PageType) -> str:
    return ptype.url + (SEARCH_QUERY if ptype.id == "search" else "")


AXE_ALL = """async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"""


def axe_violations(page, axe_source: str, ptype: PageType) -> list[str]:
    """Every axe violation, of any impact, on a loaded page (search: once its results are shown)."""
    if ptype.id == "search":
        page.wait_for_selector(".kk-result")
        page.locator("#kk-filter-toggle").click()
        page.wait_for_selector(".kk-filters__group")
    page.add_script_tag(content=axe_source)
    return page.evaluate(AXE_ALL)
