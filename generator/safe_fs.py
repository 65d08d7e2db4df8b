"""Reading contributor files without ever leaving the repository.

Contributors can add symbolic links as easily as files (``git`` stores them),
and a link named ``logo.png`` may point at ``/etc/passwd`` or
``/proc/self/environ``. ``Path.is_file()``, ``read_bytes()`` and
``shutil.copyfile`` all follow links, so every read of a contributor file
goes through here instead:

* every path component from the data root down is checked with ``lstat``
  (a link anywhere on the way is refused, not only at the end);
* the file itself is opened with ``O_NOFOLLOW`` and checked with ``fstat``
  to be a regular file, so a link swapped in after the check is refused too;
* the resolved path must lie inside the root.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnsafePath(Exception):
    """A path that is a link, leads through one, is not a regular file or lies outside the root."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason  # "link" | "not-regular" | "outside" | "missing"


def is_link(path: Path) -> bool:
    """True for a symbolic link (or a Windows junction), whether or not its target exists."""
    try:
        return stat.S_ISLNK(path.lstat().st_mode) or path.is_junction()
    except OSError:
        return False


def kind(path: Path) -> str:
    """"link", "dir", "file", "other" or "missing", without following links."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return "missing"
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    return "other"


def check_inside(root: Path, path: Path) -> None:
    """Refuse a path that is, or passes through, a link below `root`, or lies outside it."""
    # Strings, not Path objects: validation runs this for every data file (45,000 at nation size).
    top = os.path.abspath(root)
    where = os.path.abspath(path)
    if where != top and not where.startswith(top.rstrip(os.sep) + os.sep):
        raise UnsafePath(Path(where), "outside")
    probe = top
    for part in where[len(top):].split(os.sep):
        if not part:
            continue
        probe = os.path.join(probe, part)
        try:
            mode = os.lstat(probe).st_mode
        except FileNotFoundError:
            raise UnsafePath(Path(probe), "missing") from None
        if stat.S_ISLNK(mode):
            raise UnsafePath(Path(probe), "link")
    # No component below the root is a link, so the path lies physically where it lies by name, inside the root.
    # Resolving is still needed when "..", which abspath folded by name, could have climbed through a link, and on
    # Windows, where a junction is no symbolic link to lstat.
    if (os.name == "nt" or ".." in Path(path).parts) and not Path(path).resolve().is_relative_to(Path(top).resolve()):
        raise UnsafePath(Path(where), "outside")


def read_regular(root: Path, path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file inside `root`, never through a link.

    With `limit`, at most limit + 1 bytes are read so the caller can tell
    "too large" without reading an endless file.
    """
    check_inside(root, path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafePath(path, "not-regular")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read() if limit is None else handle.read(limit + 1)
    finally:
        os.close(fd)


def copy_tree_no_links(source: Path, dest: Path) -> None:
    """Copy a folder of project files, refusing any link or special file inside it."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        found = kind(entry)
        if found == "dir":
            copy_tree_no_links(entry, dest / entry.name)
        elif found == "file":
            (dest / entry.name).write_bytes(read_regular(source, entry))
        else:
            raise UnsafePath(entry, found if found == "link" else "not-regular")
