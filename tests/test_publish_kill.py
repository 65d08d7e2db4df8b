"""Publish survives a kill at any instant: `--out` always holds a complete old or new site.

A build is started in a subprocess and SIGKILLed after a spread of delays
covering its whole run (start-up, validation, rendering, the final swap).
After every kill the output must be byte for byte either the site built
before (today A) or the new one (today B), and the next build removes what
the killed builds left beside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.publish import MARKER, clean_leftovers, staging_dir, swap_in

from .conftest import FIXTURES, REPO

DATA = FIXTURES / "valid"  # small, so each build is mostly start-up and the test stays short

OLD_DAY, NEW_DAY = "2026-11-26", "2026-12-20"


def _manifest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _command(out: Path, today: str) -> list[str]:
    return [sys.executable, "-m", "generator", "build", str(DATA), "--out", str(out), "--today", today, "--no-search"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _run(out: Path, today: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(_command(out, today), env=_env(), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - started


def test_kill_at_many_instants_leaves_a_complete_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _run(out, NEW_DAY)
    new = _manifest(out)
    duration = _run(out, OLD_DAY)
    old = _manifest(out)
    assert old != new and MARKER in old
    saved = tmp_path / "old-copy"
    shutil.copytree(out, saved)
    delays = [duration * f for f in (0.05, 0.3, 0.55, 0.75, 0.85, 0.92, 1.0, 1.5)]
    outcomes = []
    for delay in delays:
        if _manifest(out) != old:  # put the old site back for the next kill
            shutil.rmtree(out)
            shutil.copytree(saved, out)
        process = subprocess.Popen(_command(out, NEW_DAY), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = _manifest(out)
        assert now in (old, new), f"after a kill at {delay:.2f}s --out is neither the old nor the new site"
        outcomes.append("new" if now == new else "old")
    shutil.rmtree(saved)
    # Both ends were reached, so the kills really spanned the build.
    assert "old" in outcomes and "new" in outcomes, outcomes
    _run(out, NEW_DAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # leftovers of killed builds are gone


def test_kill_between_swap_and_cleanup_leaves_the_new_site_and_the_next_run_cleans(tmp_path: Path) -> None:
    """The one instant timing rarely hits: right after the swap, before the old site is deleted."""
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text("x", encoding="utf-8")
    (out / "index.html").write_text("old", encoding="utf-8")
    new = staging_dir(out)
    (new / "index.html").write_text("new", encoding="utf-8")
    from generator import publish

    # The exchange alone, as a kill right after it would leave things.
    assert publish._exchange(new, out)
    assert (out / "index.html").read_text(encoding="utf-8") == "new"
    assert (new / "index.html").read_text(encoding="utf-8") == "old"  # the leftover, under the build prefix
    assert clean_leftovers(out) == [new]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("exists", [False, True], ids=["first build", "replace"])
def test_swap_in_is_one_step(tmp_path: Path, exists: bool) -> None:
    out = tmp_path / "site"
    if exists:
        out.mkdir()
        (out / MARKER).write_text("x", encoding="utf-8")
        (out / "a").write_text("old", encoding="utf-8")
    new = staging_dir(out)
    (new / "a").write_text("new", encoding="utf-8")
    swap_in(new, out)
    assert (out / "a").read_text(encoding="utf-8") == "new" and (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


_DIE_AFTER_STEP = r"""
import os, shutil, signal, sys
from pathlib import Path
from generator import publish

limit, out, new = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
count = 0

def step(real):
    def wrapped(*args, **kwargs):
        global count
        result = real(*args, **kwargs)
        count += 1
        if count >= limit:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapped

os.replace, os.rename, shutil.rmtree = step(os.replace), step(os.rename), step(shutil.rmtree)
publish._exchange = step(publish._exchange)
publish.swap_in(new, out)
"""


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_kill_after_each_step_of_the_swap(tmp_path: Path, step: int) -> None:
    """SIGKILL right after the n-th rename/exchange/delete inside publish: never an empty --out."""
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text("x", encoding="utf-8")
    (out / "index.html").write_text("old", encoding="utf-8")
    new = staging_dir(out)
    (new / "index.html").write_text("new", encoding="utf-8")
    subprocess.run([sys.executable, "-c", _DIE_AFTER_STEP, str(step), str(out), str(new)], env=_env(), check=False)
    assert (out / "index.html").read_text(encoding="utf-8") in ("old", "new")
    clean_leftovers(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
