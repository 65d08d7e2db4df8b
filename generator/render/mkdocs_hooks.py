"""MkDocs hooks: put the pre-rendered page bodies and shells in place.

Generated pages arrive as HTML already escaped and sanitised by Jinja; they
must not pass through Markdown again, so their Markdown source is empty and
their body is swapped in after conversion. Editorial pages from content/
go through Markdown as usual and only receive the shell.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
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
    meta = (
        '<div hidden data-pagefind-ignore><span data-pagefind-filter="種類">ページ</span>'
        '<span data-pagefind-sort="date">1970-01-01</span></div>'
    )
    return f'<div class="kk-content" data-pagefind-body>{meta}{html}</div>'


# Material's base.html puts autocomplete="off" on its drawer/search checkboxes, outside any block we
# can override; on a checkbox the attribute is invalid HTML (Nu Html Checker), and it does nothing.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", output_content)  # 404.html is rendered as a template
