"""Render each planned page's body and shell (header, nav, footer) with Jinja2.

Only this package knows about MkDocs; this module itself knows only Jinja:
it prints each page's view (plan/views.py) into HTML fragments. It never
sees the dataset: the plan carries every value a page prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..plan import Page, SitePlan

PORTAL_CSS_DIR = "assets/koryukai/portals"  # one colour stylesheet per portal (render/site.py writes them)


def portal_css_name(portal_id: str) -> str:
    return (portal_id.replace("/", "--") or "national") + ".css"


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs, so the tree works under any base path.

    Plain string work on the planned URLs (no '.' or '..' in them): posixpath.relpath asks
    the OS for the working directory on every call, a quarter of rendering time at scale.
    """
    here = [s for s in from_url.split("/") if s]
    there = [s for s in to_url.split("/") if s]
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    return "/".join(parts) + "/" if parts else "./"


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
    """Prints views with Jinja2: a template gets `view`, `shell` and `link`, nothing else.

    No filters or globals beyond Jinja's own are registered, so a template
    cannot reach the data or compute; it prints what the plan prepared.
    """

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

    def context(self, page: Page, *, base: str | None = None) -> dict[str, Any]:
        """The whole of what a template sees."""
        assert page.shell is not None and page.view is not None
        shell = page.shell
        if page.portal in self.logos:
            shell = replace(shell, logo=self._file_link(page, self.logos[page.portal], base))
        # Colours from a stylesheet file, not an inline <style>: the CSP allows no inline style.
        shell = replace(shell, colour_css=self._file_link(page, f"{PORTAL_CSS_DIR}/{portal_css_name(page.portal)}", base))
        return {"view": page.view, "shell": shell, "link": self._linker(page, base)}

    def render(self, page: Page, *, base: str | None = None) -> RenderedPage:
        ctx = self.context(page, base=base)
        body = "" if page.kind == "content" else self.env.get_template(page.template).render(ctx)
        head = self.env.get_template("_head.html").render(ctx)
        header = self.env.get_template("_header.html").render(ctx)
        footer = self.env.get_template("_footer.html").render(ctx)
        # <title> names the portal too (page title｜portal title), as shared links and tabs show it.
        title = page.shell.meta.document_title if page.shell and page.shell.meta else page.title
        return RenderedPage(page, source_path(self.plan.url(page.url) or "", page.kind), title, head, header, body, footer)
