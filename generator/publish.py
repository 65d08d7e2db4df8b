"""publish: put a finished build at `--out` in one step, or leave the old output untouched.

A build writes into a fresh folder beside the target (``.<out>.build-*``).
Only when every stage has succeeded does that folder take the target's place,
in a single directory-entry operation, so a kill at any instant leaves either
the complete old site or the complete new one at `--out`:

* no output yet: one ``rename(build, out)``;
* an output exists: one ``renameat2(build, out, RENAME_EXCHANGE)`` (Linux),
  which swaps the two names atomically; the old site is then under the build
  folder's name and is deleted.

Where the exchange is unavailable (not Linux, or a file system without it)
the fallback is two renames with a short window; docs/design.md says so.
Leftovers of killed builds (``.<out>.build-*``, ``.<out>.old-*``) are removed
at the start of the next build, under a lock so two builds to one `--out`
never delete each other's work.

`--out` is guarded before anything is written: it may not be or hold the
sources, and an existing non-empty folder must carry the marker file that
every build writes, so a mistyped `--out` never replaces someone's folder.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; builds to one --out must then not overlap
    fcntl = None  # type: ignore[assignment]

MARKER = ".koryukai-site"
MARKER_TEXT = "このフォルダは koryukai build の出力です。次の build で丸ごと置き換わります (koryukai output; replaced by the next build)\n"
# Folders of the project that a build reads; --out may not touch them.
SOURCE_FOLDERS = ("regions", "themes", "content", "templates", "schemas", "generator", "tests", "docs", ".git", ".github")

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutRefused(Exception):
    """`--out` points somewhere a build must not write; nothing was touched."""

    def __init__(self, ja: str, en: str):
        super().__init__(en)
        self.ja, self.en = ja, en


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def guard_out(out: Path, data_root: Path, project_root: Path) -> None:
    """Refuse an output folder that overlaps the sources or holds something not built by us."""
    out = Path(os.path.realpath(out))
    roots = {Path(os.path.realpath(data_root)), Path(os.path.realpath(project_root))}
    for root in roots:
        if _inside(root, out):
            raise OutRefused(
                f"出力先 {out} はデータやプロジェクトのフォルダ（{root}）そのもの、またはそれを含むフォルダです。"
                "生成するとデータが消えるため、別のフォルダ（例: site）を指定してください",
                f"--out {out} is or contains the sources ({root}); choose another folder such as 'site'")
        for name in SOURCE_FOLDERS:
            source = Path(os.path.realpath(root / name))
            if (root / name).exists() and (_inside(out, source) or _inside(source, out)):
                raise OutRefused(
                    f"出力先 {out} が元データのフォルダ {source} と重なっています。別のフォルダ（例: site）を指定してください",
                    f"--out {out} overlaps the source folder {source}; choose another folder such as 'site'")
    if out.exists() or out.is_symlink():
        if not out.is_dir():
            raise OutRefused(f"出力先 {out} はフォルダではありません。別の名前を指定してください",
                             f"--out {out} exists and is not a folder")
        if any(out.iterdir()) and not (out / MARKER).is_file() and not _earlier_output(out):
            raise OutRefused(
                f"出力先 {out} は空でなく、koryukai の出力（{MARKER} のあるフォルダ）でもありません。"
                "中身を消さないよう生成を止めました。空のフォルダか新しい名前を指定してください",
                f"--out {out} is not empty and has no {MARKER} marker; refusing to replace it. Use an empty or new folder")


def _earlier_output(out: Path) -> bool:
    """A site built before the marker existed: our stylesheet and a home page that names the generator."""
    home = out / "index.html"
    try:
        head = home.read_bytes()[:4096] if home.is_file() and not home.is_symlink() else b""
    except OSError:
        return False
    return (out / "assets" / "koryukai" / "koryukai.css").is_file() and b'<meta name="generator" content="koryukai' in head


def _leftover_prefixes(out: Path) -> tuple[str, ...]:
    return (f".{out.name}.build-", f".{out.name}.old-")


@contextmanager
def publish_lock(out: Path) -> Iterator[None]:
    """One build at a time per output folder's parent; leftovers of killed builds are removed under the lock.

    The lock is on the parent folder itself (flock on a directory), so no lock file is left beside the site.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        clean_leftovers(out)
        yield
    finally:
        os.close(fd)  # closing releases the lock, as does the death of the process


def clean_leftovers(out: Path) -> list[Path]:
    """Remove folders that killed builds left beside `out`; returns what was removed."""
    removed = []
    if not out.parent.is_dir():
        return removed
    for entry in out.parent.iterdir():
        if entry.name.startswith(_leftover_prefixes(out)) and not entry.is_symlink():
            discard(entry)
            removed.append(entry)
    return removed


def staging_dir(out: Path) -> Path:
    """A new empty folder on the same file system as `out` (so the final step is one rename)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))


def mark(site: Path) -> None:
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_in(new: Path, out: Path) -> None:
    """Replace `out` with `new` in one directory-entry operation; the old site is then deleted."""
    mark(new)
    if not out.exists() and not out.is_symlink():
        os.rename(new, out)
        return
    if _exchange(new, out):
        discard(new)  # now the old site
        return
    # Fallback without an atomic exchange: two renames (see docs/design.md).
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.replace(out, old / "site")
    try:
        os.replace(new, out)
    except OSError:
        os.replace(old / "site", out)
        raise
    discard(old)


def discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
