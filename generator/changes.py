"""`validate --changed-since REF`: the files a pull request touched, and what depends on them.

Reading every file of a nation-wide repository for a one-line change is
wasted time; a change can only break itself and the records that point at
it. Every region.yml and institution.yml is still read (cross-checks need
them and there are few); of the rest only the affected files are.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .loader import MAX_BYTES
from .safe_fs import UnsafePath, read_regular


class ChangesError(Exception):
    pass


def _git(root: Path, *args: str) -> list[str]:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except FileNotFoundError as exc:
        raise ChangesError("git がありません (git not found)") from exc
    except subprocess.CalledProcessError as exc:
        raise ChangesError(f"git {' '.join(args)}: {exc.stderr.strip()}") from exc
    return [line for line in done.stdout.splitlines() if line]


def changed_files(root: Path, ref: str) -> set[str]:
    """Paths (relative to root) that differ from `ref`, including uncommitted and new files."""
    top = Path(_git(root, "rev-parse", "--show-toplevel")[0])
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    names = set(_git(root, "diff", "--name-only", "--no-renames", ref, "--", "."))
    names |= set(_git(root, "ls-files", "--others", "--exclude-standard", "--full-name", "--", "."))
    if prefix != ".":
        names = {n[len(prefix) + 1:] for n in names if n.startswith(prefix + "/")}
    return names


def affected(root: Path, changed: set[str]) -> frozenset[str] | None:
    """Data files to check for these changes; None means "check everything"."""
    data = {c for c in changed if c.startswith("regions/")}
    if any(c == "regions/privacy-allow.yml" or c.count("/") == 1 for c in data):
        return None  # shared files: everything depends on them
    keep: set[str] = set()
    institutions: set[tuple[str, str]] = set()
    for rel in data:
        parts = rel.split("/")
        if len(parts) == 3 and parts[2] == "region.yml":
            # Its prefectures bound every record of the region.
            keep |= {p.relative_to(root).as_posix() for p in (root / "regions" / parts[1]).rglob("*.yml")}
        if len(parts) >= 4 and parts[2] == "institutions":
            institutions.add((parts[1], parts[3]))
        keep.add(rel)
    for region, inst in institutions:
        folder = root / "regions" / region / "institutions" / inst
        keep |= {p.relative_to(root).as_posix() for p in folder.rglob("*.yml")}
        # Meetings elsewhere that name this institution as a co-organiser.
        for meeting in (root / "regions").glob("*/institutions/*/meetings/*.yml"):
            try:  # never through a link: validation reports links (L206), this only looks for a name
                text = read_regular(root, meeting, MAX_BYTES).decode("utf-8", errors="replace")
            except (UnsafePath, OSError):
                continue
            if inst in text:
                keep.add(meeting.relative_to(root).as_posix())
    return frozenset(keep)
