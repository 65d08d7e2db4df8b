"""index: Pagefind over the built HTML (filled in by the search issue)."""

from __future__ import annotations

from pathlib import Path

from .plan import SitePlan


def index_site(site: Path, plan: SitePlan) -> None:
    return None
