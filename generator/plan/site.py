"""The plan of one build: portals, pages with their views, and the URL of each page in this build."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from ..content import ACCESSIBILITY_SLUG, EditorialPage
from ..cores import workers
from ..dataset import Dataset
from ..search.records import SearchRecord, search_records
from ..search.terms import prime, unprime
from .accessibility import with_results
from .exports import Exports, build_exports
from .meta import OPENDATA_SLUG, MetaMaker
from .page_types import PageType, page_types
from .pages import Page, detail_pages, portal_pages, standalone
from .portals import NATIONAL_TITLE, Portal, build_portals
from .present import Presenter
from .records import record_facts
from .urls import content_url, portal_url
from .views import ContentView


@dataclass(frozen=True)
class SitePlan:
    """Everything render and index need; no dataset (they must not reach past the views)."""

    today: date
    root: str  # portal id at the output root ("" for the combined tree)
    portals: dict[str, Portal]
    pages: tuple[Page, ...]
    not_found: Page  # 404.html, served at any depth
    national_url: str | None = None  # public URL of the national portal, for standalone builds
    site_url: str | None = None  # --site-url: absolute links in share meta, calendars, feeds, open data
    exports: Exports = field(default_factory=lambda: Exports({}, {}, {}))  # what outputs/ writes, per record
    search: dict[str, SearchRecord] = field(default_factory=dict)  # what the search knows of each record (index stage)

    def built(self, portal_id: str) -> bool:
        """Whether a portal's pages are part of this build."""
        return not self.root or portal_id == self.root or portal_id.startswith(self.root + "/")

    def url(self, combined: str) -> str | None:
        """A combined-tree URL as it is in this build (None when it is not built)."""
        if not self.root:
            return combined
        prefix = self.root + "/"
        if combined.startswith(prefix):
            return combined[len(prefix):]
        if combined in self._kept:
            return combined
        return None

    @cached_property
    def _kept(self) -> frozenset[str]:
        return frozenset(p.url for p in self.pages)

    @cached_property
    def record_urls(self) -> dict[str, str]:
        """Record key -> URL of its detail page in this build."""
        return {p.record: url for p in self.pages if p.record and (url := self.url(p.url)) is not None}

    @cached_property
    def content_urls(self) -> tuple[str, ...]:
        """URLs (in this build) of the editorial pages."""
        return tuple(self.url(p.url) or "" for p in self.pages if p.kind == "content")


def build_plan(ds: Dataset, today: date, *, root: str = "", national_url: str | None = None,
               national_title: str = NATIONAL_TITLE, content: tuple[EditorialPage, ...] = (),
               site_url: str | None = None) -> SitePlan:
    facts = record_facts(ds, today)
    portals = build_portals(ds, facts, today, national_title)
    pages: list[Page] = []
    for portal in portals.values():
        pages += portal_pages(portal)
    pages += detail_pages(portals, facts)
    if root:
        pages = standalone(root, portals, facts, pages)
    top = portals[root]
    for doc in content:
        pages.append(Page(content_url(root, doc.slug), "", root, doc.title, "content", top.demo,
                          view=ContentView(with_results(doc.markdown, doc.results) if doc.slug == ACCESSIBILITY_SLUG
                                           else doc.markdown, doc.path)))
    presenter = Presenter(ds, facts, portals, root, today)
    search = search_records(facts, portals, {rid: r.model.name for rid, r in ds.regions.items()},
                            {key: (i.model.name, *([i.model.short_name] if i.model.short_name else []))
                             for key, i in ds.institutions.items()})
    presenter.records_for_search = search
    # The pages print each record's search tokens: its texts are analysed here, on every core, not one by one.
    prime((t for r in search.values() for t in (*r.texts, *r.labels, *r.places, *r.reach)), workers())
    home = next(p for p in pages if p.kind == "home" and p.url == portal_url(root))
    # Share meta links files relative to each page, so it needs the URLs of this build: the pages are decided.
    exports = build_exports(ds, facts, portals)
    located = SitePlan(today=today, root=root, portals=portals, pages=tuple(pages), not_found=home)
    opendata = content_url(root, OPENDATA_SLUG)
    presenter.meta = MetaMaker(root, portals, exports, located.url, site_url,
                               opendata=opendata if any(p.url == opendata for p in pages) else None)
    not_found = presenter.fill(replace(home, template="404.html", title="ページが見つかりません", kind="404"))
    try:
        filled = tuple(presenter.fill(p) for p in pages)
    finally:
        unprime()
    return SitePlan(today=today, root=root, portals=portals, pages=filled,
                    not_found=not_found, national_url=national_url, site_url=site_url, exports=exports, search=search)


def plan_page_types(plan: SitePlan) -> dict[str, PageType]:
    """One page of each type in this plan (for the accessibility tests and page), with its URL in this build."""
    found = page_types(plan.pages, {pid: p.kind for pid, p in plan.portals.items()}, plan.not_found)
    return {k: replace(t, url=t.url if t.url == "404.html" else plan.url(t.url) or "") for k, t in found.items()}
