"""render: turn a SitePlan into a static site with MkDocs + Material.

The only module that imports MkDocs. One MkDocs build makes every portal of
the plan, so Material's assets exist once and each portal is branded by a
per-page style block. The MkDocs navigation is one page long: detail pages
stay out of it, as a navigation over every page costs O(N²).
"""

from __future__ import annotations

import gzip
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..images import MAX_LOGO_BYTES, to_png
from ..plan import SitePlan, portal_url
from ..plan.present import DEFAULT_COLOUR
from ..plan.views import ContentView
from ..safe_fs import UnsafePath, copy_tree_no_links, kind, read_regular
from .csp import MARK, with_csp
from .pages import PORTAL_CSS_DIR, PageRenderer, RenderedPage, portal_css_name, relative, source_path

HOOKS = Path(__file__).with_name("mkdocs_hooks.py")


class RenderError(Exception):
    """MkDocs refused the generated project (a bug in a template, not in the data)."""


def _logo_targets(plan: SitePlan, data_root: Path) -> dict[str, tuple[Path, str]]:
    """portal id -> (source file, combined URL of the copy)."""
    out = {}
    for pid, portal in plan.portals.items():
        if portal.logo and plan.built(pid):
            source = data_root / portal.logo
            name = pid.replace("/", "--") + ".png"  # always re-encoded (generator/images.py)
            out[pid] = (source, f"assets/logos/{name}")
    return out


def _front_matter(title: str) -> str:
    return "---\n" + yaml.safe_dump({"title": title}, allow_unicode=True, sort_keys=True) + "---\n"


@contextmanager
def _quiet_mkdocs() -> Iterator[list[str]]:
    """Collect MkDocs warnings instead of printing them; the caller decides."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    handler = Collect()
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def render_site(
    plan: SitePlan,
    *,
    data_root: Path,
    project_root: Path,
    work: Path,
    site_url: str | None,
) -> Path:
    """Write a MkDocs project for the plan under `work` and build it; return the site folder."""
    themes = project_root / "themes"
    docs = work / "docs"
    site = work / "site"
    docs.mkdir(parents=True)

    logos = _logo_targets(plan, data_root)
    renderer = PageRenderer(plan, themes, {pid: url for pid, (_, url) in logos.items()})
    entries: dict[str, dict[str, Any]] = {}

    def add(rendered: RenderedPage, raw: bool, markdown: str = "") -> None:
        target = docs / rendered.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_front_matter(rendered.title) + markdown, encoding="utf-8")
        entries[rendered.src] = {
            "title": rendered.title, "head": rendered.head, "header": rendered.header,
            "footer": rendered.footer, "body": rendered.body if raw else None,
        }

    for page in plan.pages:
        if isinstance(page.view, ContentView):  # editorial Markdown goes through MkDocs' own Markdown
            add(renderer.render(page), raw=False, markdown=page.view.markdown)
        else:
            add(renderer.render(page), raw=True)

    # The 404 page is served at any depth, so its links start from the site's base path.
    base_path = "/" + (urlsplit(site_url).path.strip("/") + "/" if site_url else "").lstrip("/")
    not_found = renderer.render(plan.not_found, base=base_path)
    abs_404 = {key: getattr(not_found, key) for key in ("title", "head", "header", "body", "footer")}

    # No copy here follows a link: a link in themes/, content/ or the data is refused, never read.
    assets = docs / "assets" / "koryukai"
    try:
        copy_tree_no_links(themes / "assets", assets)
        images = project_root / "content" / "img"
        if kind(images) == "dir" and plan.content_urls:
            copy_tree_no_links(images, docs / "img")
        elif kind(images) == "link":
            raise UnsafePath(images, "link")
        for source, url in logos.values():
            dest = docs / url
            dest.parent.mkdir(parents=True, exist_ok=True)
            # Validation accepted these bytes as a raster image; only fresh pixels are published.
            dest.write_bytes(to_png(read_regular(data_root, source, MAX_LOGO_BYTES)))
    except UnsafePath as exc:
        raise RenderError(f"リンクや通常でないファイルは使えません (links and special files are refused): {exc.path}") from None

    _write_portal_colours(plan, docs / PORTAL_CSS_DIR)

    pages_json = work / "pages.json"
    pages_json.write_text(json.dumps(entries, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    entries.clear()  # the hook reads the file; one copy of every page's HTML in memory, not two

    base = yaml.safe_load((project_root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    config = {
        **base,
        "site_name": plan.portals[plan.root].title,
        "site_url": site_url or None,
        "docs_dir": str(docs),
        "site_dir": str(site),
        "use_directory_urls": True,
        "strict": True,
        "plugins": [],
        "hooks": [str(HOOKS)],
        "nav": [{plan.portals[plan.root].title: source_path(portal_url(""))}],
        "extra_css": ["assets/koryukai/koryukai.css", "assets/koryukai/reach.css", "assets/koryukai/print.css"],
        "extra_javascript": ["assets/koryukai/koryukai.js"],
        "extra": {**base.get("extra", {}), "koryukai_pages": str(pages_json), "koryukai_404": abs_404},
        "theme": {**base.get("theme", {}), "custom_dir": str(themes / "overrides")},
        "validation": {"nav": {"omitted_files": "ignore", "not_found": "warn"},
                       "links": {"not_found": "warn", "absolute_links": "ignore", "unrecognized_links": "ignore"}},
    }
    config_path = work / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")

    # Reproducible: MkDocs dates the sitemap from SOURCE_DATE_EPOCH.
    epoch = int(datetime(plan.today.year, plan.today.month, plan.today.day, tzinfo=UTC).timestamp())
    old_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        with _quiet_mkdocs() as warnings:
            cfg = load_config(config_file=str(config_path))
            build(cfg)
    except (MkDocsException, SystemExit) as exc:
        raise RenderError(f"MkDocs build failed: {exc}; warnings: {warnings}") from exc
    finally:
        if old_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old_epoch
    if warnings:
        raise RenderError("MkDocs warnings: " + "; ".join(warnings))
    _give_back_memory()
    if not site_url:
        # A sitemap needs absolute <loc>s; without --site-url there is none (MkDocs wrote a relative one).
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / name).unlink(missing_ok=True)
        return site
    _write_sitemap(site, [plan.url(p.url) or "" for p in plan.pages], site_url, plan.today.isoformat())
    return site


def _give_back_memory() -> None:
    """Return the rendered pages' freed memory to the system before the index and scan stages.

    glibc keeps freed heap blocks for reuse; after MkDocs, gigabytes of page strings at nation size stay
    counted against the build while Pagefind runs beside it. malloc_trim hands them back (no-op elsewhere)."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


# Per-portal colours live in small stylesheet files (one per portal), not in a <style> element,
# so the Content-Security-Policy needs no 'unsafe-inline' for styles either.


def _write_portal_colours(plan: SitePlan, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for pid, portal in plan.portals.items():
        colour = portal.color or DEFAULT_COLOUR  # validated as #rrggbb (S212), so safe inside CSS
        (folder / portal_css_name(pid)).write_text(
            f":root{{--kk-primary:{colour};--md-primary-fg-color:{colour};--md-primary-fg-color--dark:{colour};"
            f"--md-accent-fg-color:{colour}}}\n", encoding="utf-8")


def apply_csp(site: Path) -> None:
    """Give every page without one a Content-Security-Policy <meta> (csp.py); MkDocs' pages have theirs already."""
    mark = MARK.encode()
    for path in site.rglob("*.html"):
        with path.open("rb") as page:  # the policy sits right after <meta charset>: the head tells (1.4 GB at nation)
            if mark in page.read(4096):
                continue
        html = path.read_text(encoding="utf-8")
        done = with_csp(html)
        if done is None:
            raise RenderError(f"{path}: no <meta charset> to place the Content-Security-Policy after")
        path.write_text(done, encoding="utf-8")


def _write_sitemap(site: Path, urls: list[str], site_url: str | None, lastmod: str) -> None:
    """Every page, not only MkDocs' navigation (detail pages stay out of the nav)."""
    base = (site_url.rstrip("/") + "/") if site_url else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in sorted(set(urls)):
        lines.append(f"  <url><loc>{escape(base + url)}</loc><lastmod>{lastmod}</lastmod></url>")
    lines.append("</urlset>\n")
    data = "\n".join(lines).encode("utf-8")
    (site / "sitemap.xml").write_bytes(data)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))


__all__ = ["RenderError", "relative", "render_site"]
