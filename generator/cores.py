"""How many processes the build's parallel work may use."""

from __future__ import annotations

import os


def workers() -> int:
    """The CPUs this process may use (KORYUKAI_WORKERS overrides)."""
    override = os.environ.get("KORYUKAI_WORKERS", "")
    return int(override) if override.isdigit() else len(os.sched_getaffinity(0))
