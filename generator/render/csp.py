"""The Content-Security-Policy <meta> every page carries.

Scripts: our own and Pagefind's come from files ('self'); Material's small inline scripts are allowed by their
hashes, computed per page from its final HTML (they embed the page's base URL, so they differ with depth).
Pagefind compiles WebAssembly ('wasm-unsafe-eval'). Pages get it as the renderer writes them (the page
hooks beside this file); site.apply_csp gives it to any page written otherwise (the flyers).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape

_CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
CHARSET = '<meta charset="utf-8">'
MARK = 'http-equiv="Content-Security-Policy"'


def csp_for(html: str) -> str:
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in _INLINE_SCRIPT.findall(html)})
    return _CSP.format(hashes="".join(" " + h for h in hashes))


def with_csp(html: str) -> str | None:
    """The page with its policy first in <head> (unchanged when it has one); None when it has no <meta charset>."""
    if MARK in html:
        return html
    if CHARSET not in html:
        return None
    meta = f'<meta http-equiv="Content-Security-Policy" content="{escape(csp_for(html), quote=False)}">'
    return html.replace(CHARSET, CHARSET + "\n" + meta, 1)
