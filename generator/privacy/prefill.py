"""Form links must not carry someone's details in their query string.

Google Forms builds "pre-filled" links (…/viewform?usp=pp_url&entry.123=山田太郎);
copying one from the form editor publishes whatever was typed for the test.
Microsoft Forms does the same with r<hex>= parameters. Keys that name a
person's details (name, email, tel …) with a value, and values that are
themselves an address or a number, are refused too.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from .kinds import Kind
from .scan import scan_text

_PERSONAL_KEY = re.compile(
    r"(?:entry\.[0-9]+(?:_[a-z]+)?|r[0-9a-f]{8,}|"
    r"(?:full|first|last|given|family|sur|user|your|contact)?[_-]?name|namae|shimei|simei|"
    r"e-?mail(?:[_-]?address)?|mail(?:[_-]?address)?|tel|telephone|phone(?:[_-]?number)?|mobile|keitai|"
    r"address|addr|jusho|company|kaisha|organi[sz]ation)\Z",
    re.I,
)
_MAX_SHOWN = 40


def prefilled(url: str) -> list[str]:
    """The "key=value" parts of a URL that carry prefilled personal data."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    found = []
    for query in (parts.query, parts.fragment):
        for key, value in parse_qsl(query, keep_blank_values=True):
            if not value.strip():
                continue
            personal = _PERSONAL_KEY.match(key) is not None
            if not personal:
                personal = any(h.kind in (Kind.EMAIL, Kind.PHONE) for h in scan_text(value))
            if personal:
                shown = f"{key}={value}"
                found.append(shown if len(shown) <= _MAX_SHOWN else shown[:_MAX_SHOWN] + "…")
    return found
