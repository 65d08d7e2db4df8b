"""Render each planned page's body and shell (header, nav, footer) with Jinja2.

Only this package knows about MkDocs; this module itself knows only Jinja:
it turns a SitePlan into HTML fragments keyed by page URL.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import vocab
from ..formatting import jp_date, jp_month, percent, time_range
from ..plan import Page, Portal, SitePlan, Totals, challenge_url, list_url, meeting_url, portal_url, veteran_url
from .charts import bar_chart
from .safe_markdown import render_markdown, render_plain


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs, so the tree works under any base path."""
    start = from_url.rstrip("/") or "."
    target = to_url.rstrip("/") or "."
    rel = posixpath.relpath(target, start)
    return "./" if rel == "." else rel + "/"


@dataclass(frozen=True)
class RenderedPage:
    page: Page
    src: str  # MkDocs source path, e.g. "kanto/index.md"
    title: str
    head: str
    header: str
    body: str
    footer: str


def source_path(url: str, kind: str = "") -> str:
    """MkDocs source file for a URL; editorial pages keep their own name so their links resolve."""
    if kind == "content" and url:
        return url.rstrip("/") + ".md"
    return f"{url}index.md" if url else "index.md"


class PageRenderer:
    def __init__(self, plan: SitePlan, themes: Path, logos: dict[str, str]):
        self.plan = plan
        self.logos = logos  # portal id -> combined URL of its copied logo file
        self.env = Environment(
            loader=FileSystemLoader(themes / "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters.update(
            jp_date=jp_date, jp_month=jp_month, time_range=time_range, percent=percent,
            md=render_markdown, plain=render_plain,
        )
        self.env.globals.update(
            vocab=vocab, plan=plan, ds=plan.dataset, today=plan.today, portal_url=portal_url, list_url=list_url,
            meeting_url=meeting_url, challenge_url=challenge_url, veteran_url=veteran_url,
        )

    # -- helpers exposed to templates ------------------------------------------

    def _linker(self, page: Page, base: str | None) -> Callable[[str], str | None]:
        """Links relative to the page, or from the site's base path when `base` is given (404.html)."""
        here = self.plan.url(page.url) or ""

        def link(combined: str) -> str | None:
            url = self.plan.url(combined)
            if url is None:
                if self.plan.national_url:
                    return self.plan.national_url.rstrip("/") + "/" + combined
                return None
            return base + url if base is not None else relative(here, url)

        return link

    def _file_link(self, page: Page, path: str, base: str | None) -> str:
        """A file at the build root (a copied logo), whichever portal the build starts at."""
        return base + path if base is not None else relative(self.plan.url(page.url) or "", path)[:-1]

    def _nav(self, portal: Portal, page: Page) -> list[tuple[str, str, bool]]:
        items = [
            ("ホーム", portal_url(portal.id), "home"),
            ("交流会", list_url(portal.id, "meetings"), "meetings"),
            ("企業の課題", list_url(portal.id, "challenges"), "challenges"),
            ("新現役", list_url(portal.id, "veterans"), "veterans"),
            ("実績", list_url(portal.id, "outcomes"), "outcomes"),
        ]
        current = {"meeting": "meetings", "challenge": "challenges", "veteran": "veterans"}.get(page.kind, page.kind)
        return [(label, url, key == current) for label, url, key in items]

    def _crumbs(self, portal: Portal) -> list[tuple[str, str]]:
        chain = []
        pid: str | None = portal.id
        while pid is not None:
            p = self.plan.portals[pid]
            chain.append((p.name if p.kind != "national" else "全国", portal_url(p.id)))
            pid = p.parent
        return list(reversed(chain))

    def render(self, page: Page, portal: Portal, content_body: str | None = None, *,
               base: str | None = None) -> RenderedPage:
        link = self._linker(page, base)
        ctx: dict[str, Any] = {
            "page": page, "portal": portal, "link": link, **page.context,
            "crumbs": self._crumbs(portal), "nav": self._nav(portal, page),
            "logo": self._file_link(page, self.logos[portal.id], base) if portal.id in self.logos else None,
            "meeting": self.plan.meetings.get, "challenge": self.plan.challenges.get,
            "veteran": self.plan.veterans.get, "portal_of": self.plan.portals.get,
            "institution": lambda key: self.plan.dataset.institutions[key].model,
            "region": lambda rid: self.plan.dataset.regions[rid].model,
            "outcome_chart": self.outcome_chart, "rate_chart": self.rate_chart,
            "plan_totals": lambda o: Totals(1, o.companies, o.veterans, o.interviews, o.second_interviews, o.matches),
        }
        body = self.env.get_template(page.template).render(ctx) if content_body is None else content_body
        head = self.env.get_template("_head.html").render(ctx)
        header = self.env.get_template("_header.html").render(ctx)
        footer = self.env.get_template("_footer.html").render(ctx)
        return RenderedPage(page, source_path(self.plan.url(page.url) or "", page.kind), page.title, head, header, body, footer)

    # -- charts ---------------------------------------------------------------

    @staticmethod
    def outcome_chart(totals: Totals, title: str) -> Markup:
        rows = [
            ("参加企業", totals.companies, f"{totals.companies}社"),
            ("当日の面談", totals.interviews, f"{totals.interviews}件"),
            ("二次面談", totals.second_interviews, f"{totals.second_interviews}件"),
            ("マッチング", totals.matches, f"{totals.matches}社"),
        ]
        return bar_chart(rows, title=title)

    @staticmethod
    def rate_chart(rows: list[tuple[str, Totals]], title: str) -> Markup:
        data = [(label, (t.rate or 0) * 100, percent(t.matches, t.companies)) for label, t in rows if t.companies]
        return bar_chart(data, title=title, max_value=100)
