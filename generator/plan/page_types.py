"""Every type of page a build makes, named for people: the accessibility tests run axe on one page of each
type, and the accessibility page (content/accessibility.md) publishes the result per type.

A page's type comes from its kind, its portal's kind (homes and outcome pages differ a lot between the
national, region and institution portals) and, for a meeting, its sign-up state. A page kind this module
does not know raises KeyError, so a new kind of page cannot slip past the accessibility tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pages import Page
from .signup import STATE_LABELS
from .views import MeetingPageView

_PORTAL_KINDS = {"national": "全国", "region": "地域", "institution": "機関"}

# type id -> name on the accessibility page; editorial pages (content/*.md) add one type each, by title.
PAGE_TYPES: dict[str, str] = {
    **{f"home-{k}": f"{name}ポータルのトップ" for k, name in _PORTAL_KINDS.items()},
    "meetings": "交流会の一覧",
    "challenges": "企業の課題の一覧",
    "veterans": "新現役の一覧",
    **{f"outcomes-{k}": f"これまでの実績（{name}）" for k, name in _PORTAL_KINDS.items()},
    "summary": "1枚まとめ（A4・印刷用）",
    "search": "検索（結果の表示まで）",
    **{f"meeting-{state}": f"交流会（{label}）" for state, label in STATE_LABELS.items()},
    "challenge": "企業の課題",
    "veteran": "新現役の紹介",
    "404": "ページが見つかりません（404）",
}
CONTENT_PREFIX = "content-"


@dataclass(frozen=True)
class PageType:
    id: str  # home-national, meeting-closed, content-guide …
    name: str  # 全国ポータルのトップ …
    url: str  # one page of this type (combined-tree URL; "" is the national home)


def page_type(page: Page, portal_kind: str) -> str:
    """The type id of one planned page."""
    if page.kind == "content":
        return CONTENT_PREFIX + (page.url.rstrip("/").rsplit("/", 1)[-1] or "index")
    if page.kind in ("home", "outcomes"):
        found = f"{page.kind}-{portal_kind}"
    elif page.kind == "meeting":
        assert isinstance(page.view, MeetingPageView)
        found = f"meeting-{page.view.state}"
    else:
        found = page.kind
    if found not in PAGE_TYPES:
        raise KeyError(f"page kind {page.kind!r} ({page.url}) has no page type: add it to PAGE_TYPES")
    return found


def page_types(pages: tuple[Page, ...], portal_kinds: dict[str, str], not_found: Page) -> dict[str, PageType]:
    """The first page of each type in plan order (the national portal's come first), 404 included."""
    found: dict[str, PageType] = {}
    for page in (*pages, not_found):
        tid = page_type(page, portal_kinds[page.portal])
        if tid not in found:
            name = page.title if tid.startswith(CONTENT_PREFIX) else PAGE_TYPES[tid]
            found[tid] = PageType(tid, name, "404.html" if page.kind == "404" else page.url)
    return found
