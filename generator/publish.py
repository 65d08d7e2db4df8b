"""publish: swap a finished build into place, or leave the old output untouched.

A build writes into a fresh folder beside the target; only when every stage
has succeeded is it renamed over the target. A failure at any point removes
the new folder and the last good output stays online.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def staging_dir(out: Path) -> Path:
    """A new empty folder on the same file system as `out` (so rename is atomic)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))


def swap_in(new: Path, out: Path) -> None:
    """Replace `out` with `new`: two renames, never a half-written tree at `out`."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.replace(out, old / "site")
    try:
        os.replace(new, out)
    except OSError:
        if old is not None:
            os.replace(old / "site", out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
