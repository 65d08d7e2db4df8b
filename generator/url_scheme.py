"""The fixed names of the URL scheme, shared by the plan (which builds URLs) and
discovery (which refuses ids that would collide with them).

A portal's tree holds its list pages beside the ids of its children
(``kanto/<institution>/``, ``kanto/meetings/``), lists page on as
``meetings/page/2/``, and a standalone build puts a portal's tree at the
output root beside the shared files (``assets/``, ``pagefind/``, ``404.html``).
So one id-bearing folder or file named like any of these would hide or
replace a page: every id (region, institution, challenge, veteran) is checked
against the one set below.
"""

from __future__ import annotations

# Per-portal list pages: <portal>/<name>/ (plan.list_url).
LIST_PAGES = ("meetings", "challenges", "veterans", "outcomes", "search")
# Paging inside a list: <portal>/<list>/page/<n>/.
PAGE_SEGMENT = "page"
# Per-region and per-institution record folders: <region>/veterans/<id>/, <inst>/meetings/<id>/.
RECORD_FOLDERS = ("meetings", "challenges", "veterans")
# What a build writes at its root besides portal trees (render/site.py, index.py, content/).
ROOT_ENTRIES = (
    "assets", "pagefind", "img", "404", "sitemap", "about", "guide", "start", "join", "faq", "index",
    "search", "static", "stylesheets", "javascripts", "images", "content", "schemas", "templates",
    "regions", "institutions",
    "summary",  # the national portal's one-page summary (plan/urls.py SUMMARY_URL)
    "accessibility",  # the accessibility policy and test results (content/accessibility.md)
    # Reach files at every portal's root (generator/outputs/): calendar.ics, feed.atom, data/, icons, robots.txt.
    "calendar", "feed", "data", "opendata", "favicon", "apple-touch-icon", "robots", "share",
)

RESERVED_IDS: frozenset[str] = frozenset({*LIST_PAGES, PAGE_SEGMENT, *RECORD_FOLDERS, *ROOT_ENTRIES})
