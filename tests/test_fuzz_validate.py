"""Property-based fuzzing of validation (hypothesis): mutate valid files at random.

Whatever a contributor's editor does to a valid file, `koryukai validate`
never raises, exits 0 or 1, and every line it points at exists in the file
it names. Bounded (a fixed number of examples, no deadline surprises) so it
runs in seconds in `make test`.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.validate import load_dataset

from .conftest import FIXTURES

FILES = sorted(p.relative_to(FIXTURES / "valid").as_posix() for p in (FIXTURES / "valid").rglob("*.yml"))

# What editors, copy-paste and hostile hands put into YAML: its own syntax, Japanese
# punctuation and spaces, invisible and bidi characters, controls, quotes, very deep brackets.
PIECES = [":", ": ", " #", "#", "-", "- ", "[", "]", "{", "}", ",", "&a", "*a", "!!str", "<<: ", "|", ">", "'", '"',
          "\t", "\u3000", "：", "\u202e", "\u200b", "\ufeff", "\x00", "\x07", "\r", "\n", "\n  ", "---\n", "...",
          "%YAML 1.1\n", "~", "null", "no", "13:30", "0600001", "2026-02-30", "https://", "javascript:", "<script>",
          "第12回", "　", "[" * 50, "{" * 50, "\\", "@", "`", "?", "!"]


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str]:
    rel = draw(st.sampled_from(FILES))
    text = (FIXTURES / "valid" / rel).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate-line", "random"]))
        if action == "insert":
            text = text[:where] + draw(st.sampled_from(PIECES)) + text[where:]
        elif action == "delete":
            text = text[:where] + text[where + draw(st.integers(1, 20)):]
        elif action == "replace":
            text = text[:where] + draw(st.sampled_from(PIECES)) + text[where + 1:]
        elif action == "duplicate-line":
            lines = text.splitlines(keepends=True) or [""]
            i = draw(st.integers(0, len(lines) - 1))
            text = "".join(lines[: i + 1] + lines[i:])
        else:
            text = text[:where] + draw(st.text(max_size=8)) + text[where:]
    return rel, text


@contextlib.contextmanager
def tree_with(rel: str, text: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(FIXTURES / "valid", root)
        (root / rel).write_bytes(text.encode("utf-8", errors="surrogatepass"))
        yield root


_TREE: dict[str, Path] = {}


@contextlib.contextmanager
def shared_tree(rel: str, text: str) -> Iterator[Path]:
    """One copy of the fixture for all examples; the mutated file is put back after each."""
    if "root" not in _TREE:
        _TREE["root"] = Path(tempfile.mkdtemp(prefix="koryukai-fuzz-")) / "repo"
        shutil.copytree(FIXTURES / "valid", _TREE["root"])
    root = _TREE["root"]
    (root / rel).write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        yield root
    finally:
        shutil.copyfile(FIXTURES / "valid" / rel, root / rel)


@settings(max_examples=100, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation())
# Regressions found while writing this: PyYAML counts a lone CR as a line break and str.splitlines()
# splits at U+001C, so reported lines ran past the end of the file.
@example(("regions/kanto/region.yml", "name: 関東\rbureau: x\rprefectures: [東京都\n"))
@example(("regions/kanto/region.yml", "name: 関\x1c東\n\x1c\x1c\nprefectures: [東京都]\nbureau: 関東経済産業局\n"))
def test_validate_never_raises_and_points_at_real_lines(case: tuple[str, str]) -> None:
    rel, text = case
    with shared_tree(rel, text) as root:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["validate", str(root), "--format", "json"])  # the command a PR check runs
        assert code in (0, 1), err.getvalue()
        assert "Traceback" not in err.getvalue() and "予期しないエラー" not in err.getvalue()
        report = json.loads(out.getvalue())
        assert report["ok"] == (code == 0)
        for d in report["diagnostics"]:
            if d["line"]:
                path = root / d["path"]
                assert path.is_file(), d
                lines = path.read_bytes().split(b"\n")
                assert 1 <= d["line"] <= len(lines), d


def teardown_module() -> None:
    if "root" in _TREE:
        shutil.rmtree(_TREE.pop("root").parent, ignore_errors=True)


@pytest.mark.parametrize("rel", FILES)
def test_unmutated_files_pass(rel: str) -> None:
    with tree_with(rel, (FIXTURES / "valid" / rel).read_text(encoding="utf-8")) as root:
        assert load_dataset(root).dataset is not None
