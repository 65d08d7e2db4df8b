"""The URL scheme of the combined tree: one function per kind of page.

URLs are relative to the output root, end with "/" and never start with one;
they come from ids (folder and file names), so a title change never moves a page.
"""

from __future__ import annotations

from ..url_scheme import LIST_PAGES

SUMMARY_URL = "summary/"  # the national portal's printable one-page summary for a new region


def portal_url(portal_id: str) -> str:
    return f"{portal_id}/" if portal_id else ""


def meeting_url(key: str) -> str:
    region, inst, mid = key.split("/")
    return f"{region}/{inst}/meetings/{mid}/"


def challenge_url(key: str) -> str:
    region, inst, cid = key.split("/")
    return f"{region}/{inst}/challenges/{cid}/"


def veteran_url(key: str) -> str:
    region, vid = key.split("/")
    return f"{region}/veterans/{vid}/"


def list_url(portal_id: str, what: str, page: int = 1) -> str:
    if what not in LIST_PAGES:  # ids are refused against url_scheme; a new list page must be listed there
        raise ValueError(f"list page {what!r} is not in url_scheme.LIST_PAGES")
    base = f"{portal_url(portal_id)}{what}/"
    return base if page == 1 else f"{base}page/{page}/"


def content_url(root: str, slug: str) -> str:
    """An editorial page (content/<slug>.md) at the top of the build's root portal."""
    return portal_url(root) + ("" if slug == "index" else f"{slug}/")
