"""MkDocs hooks: put the pre-rendered page bodies and shells in place.

Generated pages arrive as HTML already escaped and sanitised by Jinja; they
must not pass through Markdown again, so their Markdown source is empty and
their body is swapped in after conversion. Editorial pages from content/
go through Markdown as usual and only receive the shell.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from pathlib import Path, PurePosixPath
from typing import Any

_PAGES: dict[str, dict[str, Any]] = {}


def on_config(config: Any) -> Any:
    _PAGES.clear()
    path = Path(config["extra"]["koryukai_pages"])
    _PAGES.update(json.loads(path.read_text(encoding="utf-8")))
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    entry = _PAGES.get(page.file.src_uri)
    if entry is None:
        raise KeyError(f"page {page.file.src_uri} was not planned")
    page.meta["kk"] = entry
    return "" if entry.get("body") is not None else markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    entry = page.meta["kk"]
    if entry.get("body") is not None:
        return entry["body"]
    # kk-page marks the few editorial pages in a filter of their own: a search for records only leaves them out
    # with it (a file of ~1 kB) rather than with 種類, whose file lists every page (96 kB at nation size).
    meta = (
        '<div hidden data-pagefind-ignore><span data-pagefind-filter="種類">ページ</span>'
        '<span data-pagefind-filter="kk-page">案内</span></div>'
    )
    body = with_contents(html, _sections(page.toc))
    if PurePosixPath(page.file.src_uri).stem in UNSEARCHED:
        return f'<div class="kk-content">{body}</div>'
    return f'<div class="kk-content" data-pagefind-body>{meta}{body}</div>'


# Pages reached from every footer but not what a visitor searches for: left out of the search index, so their
# words (the accessibility results name every page type: 交流会（中止） …) don't crowd out records.
UNSEARCHED = frozenset({"accessibility"})


TOC_MIN_SECTIONS = 3  # a page with this many sections or more gets a table of contents and back-to-top links
_H2 = re.compile(r'<h2 id="')


def _sections(toc: Any) -> list[tuple[str, str]]:
    """(title, #anchor) of each second-level heading, from the table of contents MkDocs built."""
    found: list[tuple[str, str]] = []
    for item in toc:
        for entry in (item.children if item.level == 1 else [item]):
            if entry.level == 2:
                found.append((entry.title, entry.url))
    return found


def with_contents(html: str, sections: list[tuple[str, str]]) -> str:
    """An editorial page with a table of contents before its first section and a 「目次に戻る」 link at the
    end of every section, so a long page (the guide is about 35,000 px tall on a phone) can be walked."""
    if len(sections) < TOC_MIN_SECTIONS:
        return html
    back = '<p class="kk-totop" data-pagefind-ignore="all"><a href="#kk-toc">↑ 目次に戻る</a></p>'
    parts = _H2.split(html)
    body = parts[0] + "".join(("" if i == 0 else back) + '<h2 id="' + part for i, part in enumerate(parts[1:])) + back
    items = "".join(f'<li><a href="{escape(url)}">{escape(unescape(title))}</a></li>' for title, url in sections)
    toc = (f'<nav class="kk-toc" id="kk-toc" aria-labelledby="kk-toc-title" data-pagefind-ignore="all"><p class="kk-toc__title" id="kk-toc-title">'
           f'<strong>目次</strong></p><ol>{items}</ol></nav>')
    first = body.find('<h2 id="')
    return body[:first] + toc + body[first:]


# Material's base.html puts autocomplete="off" on its drawer/search checkboxes, outside any block we
# can override; on a checkbox the attribute is invalid HTML (Nu Html Checker), and it does nothing.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def on_post_page(output: str, page: Any, config: Any) -> str:
    # The page is written: let go of its pieces (MkDocs keeps every page object to the end of the build).
    page.meta.pop("kk", None)
    _PAGES.pop(page.file.src_uri, None)
    page.content = None
    return _final(_TOGGLE_AUTOCOMPLETE.sub(r"\1", output))


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    output = _TOGGLE_AUTOCOMPLETE.sub(r"\1", output_content)  # 404.html is rendered as a template
    return _final(output) if template_name.endswith(".html") else output


def _final(html: str) -> str:
    """The page without its templates' indentation and with its Content-Security-Policy, put in here rather than by
    reading every written page back."""
    from mkdocs.exceptions import PluginError

    from generator.render.csp import with_csp
    from generator.render.whitespace import compact

    done = with_csp(compact(html))
    if done is None:
        raise PluginError("a page without <meta charset>: no place for its Content-Security-Policy")
    return done
