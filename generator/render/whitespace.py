"""Indentation and blank lines left out of the written pages.

Material's templates and ours indent for the reader of the template, not of the page: about 1 kB of every page, some
60 MB of a nation-size site. A line break stays wherever there was whitespace, so no word joins its neighbour; the
text of <pre>, <textarea>, <script> and <style> is left exactly as it was (whitespace means something there, and the
Content-Security-Policy hashes each inline script).
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"[ \t\r]*\n[ \t\r\n]*")


def compact(html: str) -> str:
    """The page with each run of whitespace that holds a line break cut to that one line break, outside the
    elements whose text keeps its whitespace."""
    parts = _KEEP.split(html)
    # split() returns text, (whole element, tag name), text, …: only the text between kept elements changes.
    out = []
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
