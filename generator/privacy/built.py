"""Second line of the confidentiality check: scan the built pages."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..plan import SitePlan


def scan_site(site: Path, plan: SitePlan) -> list[Diagnostic]:
    return []
