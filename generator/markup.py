"""Contributor Markdown → HTML that is safe to put on a page.

Raw HTML is escaped before Markdown sees it (so "<会場>" shows as typed),
only a few inline and list constructs survive, and links must be https.
"""

from __future__ import annotations

import html

import markdown
import nh3
from markupsafe import Markup

_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}

_md = markdown.Markdown(extensions=["sane_lists", "nl2br"], output_format="html")


def render_markdown(text: str) -> Markup:
    _md.reset()
    converted = _md.convert(html.escape(text, quote=False))
    cleaned = nh3.clean(
        converted,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"https"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(cleaned)


def render_plain(text: str) -> Markup:
    """Plain text with its line breaks kept."""
    return Markup("<br>\n").join(html.escape(line) for line in text.splitlines())
