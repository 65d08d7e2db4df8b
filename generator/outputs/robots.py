"""robots.txt: demo sites ask every crawler to stay away; real sites point to their sitemap."""

from __future__ import annotations

from ..plan import SitePlan
from .common import absolute

DEMO = "# 架空のデモデータです (demo data)\nUser-agent: *\nDisallow: /\n"


def robots_txt(plan: SitePlan, site_url: str | None) -> bytes:
    if plan.portals[plan.root].demo:
        # Fictional data must not reach search engines (pages also carry noindex).
        return DEMO.encode("utf-8")
    lines = ["User-agent: *", "Allow: /"]
    sitemap = absolute(site_url, "sitemap.xml")
    if sitemap:
        lines.append(f"Sitemap: {sitemap}")
    return ("\n".join(lines) + "\n").encode("utf-8")
