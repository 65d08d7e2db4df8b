"""The command line as a contributor meets it: help, version, where it looks, what it suggests."""

from __future__ import annotations

import argparse
import io
import socket
import urllib.request
from pathlib import Path
from threading import Thread
from urllib.error import HTTPError

import pytest

from generator.cli import build_parser, main
from generator.progress import Progress

from .conftest import REPO, TODAY, replace


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("koryukai ")


def test_every_subcommand_and_argument_is_described() -> None:
    for name, sub in _subparsers().items():
        assert sub.description and "\n" in sub.description, name  # Japanese, then English
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help and len(action.help) > 8, (name, action.dest)
            if action.default not in (None, False) and action.default != argparse.SUPPRESS:
                assert "既定" in action.help or "default" in action.help, (name, action.dest)


def test_every_option_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [(name, opt) for name, sub in _subparsers().items() for action in sub._actions
               for opt in action.option_strings if opt.startswith("--") and opt != "--help" and opt not in readme]
    assert missing == []


def test_root_is_found_from_a_subfolder(valid_root: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(valid_root / "regions" / "kanto" / "institutions")
    assert main(["validate"]) == 0
    assert "OK: エラーはありません" in capsys.readouterr().err


def test_no_root_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert f"regions フォルダが見つかりません。{tmp_path.resolve()} とその上のフォルダを探しました。" in err


def test_unknown_portal_lists_close_ones(capsys) -> None:
    assert main(["build", str(REPO), "--out", "/tmp/never-written", "--portal", "minatodai-shinkin", "--no-search",
                 "--today", TODAY.isoformat(), "-q"]) == 1
    err = capsys.readouterr().err
    assert "ポータル 「minatodai-shinkin」（もしかして: kanto/minatodai-shinkin） はありません。" in err
    assert "指定できるのは: " in err and "kinki/asanagi-city" in err


def test_new_without_region_suggests_it(valid_root: Path, capsys) -> None:
    assert main(["new", "meeting", "--root", str(valid_root), "--institution", "minato-shinkin",
                 "--date", "2027-01-20", "--no-input"]) == 1
    err = capsys.readouterr().err
    assert "機関「minato-shinkin」がありません。もしかして: kanto/minato-shinkin。" in err


def test_progress_in_ci_is_plain_lines() -> None:
    stream = io.StringIO()
    progress = Progress("auto", stream)
    progress.stage("validate")
    progress.stage("render")
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "… データの検査 (validate)…"
    assert lines[1].startswith("  データの検査 (validate): ") and lines[1].endswith(" 秒")
    assert lines[2] == "… ページの生成 (render)…" and len(lines) == 4


def test_quiet_progress_prints_nothing() -> None:
    stream = io.StringIO()
    progress = Progress("quiet", stream)
    progress.stage("validate")
    progress.close()
    assert stream.getvalue() == ""


def test_busy_port_moves_to_the_next(tmp_path: Path, capsys) -> None:
    from generator.serve import _handler, _listen, _State

    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    busy = blocker.getsockname()[1]
    try:
        server = _listen("127.0.0.1", busy, _handler(tmp_path, _State()))
    finally:
        blocker.close()
    assert server.server_address[1] > busy
    server.server_close()
    assert f"ポート {busy} は使用中です" in capsys.readouterr().err


def test_preview_serves_the_404_page_and_shows_build_errors_escaped(tmp_path: Path) -> None:
    from generator.serve import _handler, _listen, _State

    (tmp_path / "404.html").write_text("<html><body><h1>ページが見つかりません</h1></body></html>", encoding="utf-8")
    (tmp_path / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    state = _State()
    server = _listen("127.0.0.1", 0, _handler(tmp_path, state))
    Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with pytest.raises(HTTPError) as missing:
            urllib.request.urlopen(base + "no/such/page/")
        assert missing.value.code == 404 and "ページが見つかりません" in missing.value.read().decode()
        state.errors = "regions/x.yml:3:1: error S103 「<script>」という項目はありません"
        page = urllib.request.urlopen(base).read().decode()
        assert "生成に失敗しました" in page and "&lt;script&gt;" in page and "<script>」" not in page
    finally:
        server.shutdown()
        server.server_close()


def test_preview_shows_a_saved_change_then_refreshes_search(valid_root: Path) -> None:
    """`serve` end to end: a saved title reaches the page, and the search index is rebuilt after it."""
    import subprocess
    import sys
    import time

    out = valid_root.parent / "preview"
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", str(valid_root), "--out", str(out),
                             "--port", str(port), "--today", TODAY.isoformat(), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # never read: a pipe could fill and block it
    url = f"http://127.0.0.1:{port}/kanto/minato-shinkin/meetings/2026-12-10/"

    def page() -> str:
        try:
            return urllib.request.urlopen(url, timeout=5).read().decode()
        except OSError:
            return ""

    def wait(condition, seconds: float = 90) -> float:
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            if condition():
                return time.monotonic() - start
            time.sleep(0.2)
        raise AssertionError("timed out")

    try:
        wait(lambda: "第12回" in page() and (out / "pagefind" / "pagefind.js").is_file())
        meeting = valid_root / "regions/kanto/institutions/minato-shinkin/meetings/2026-12-10.yml"
        meeting.write_text(meeting.read_text(encoding="utf-8").replace("第12回", "第13回", 1), encoding="utf-8")
        shown = wait(lambda: "第13回" in page())
        wait(lambda: (out / "pagefind" / "pagefind.js").is_file())
        print(f"\nchange visible after {shown:.1f} s")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_preview_rebuilds_a_file_saved_during_its_first_build(valid_root: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A contributor who saves while the first build runs still sees the change (CI once lost it under load)."""
    from generator import serve as preview
    from generator.build import BuildResult

    meeting = valid_root / "regions/kanto/institutions/minato-shinkin/meetings/2026-12-10.yml"
    seen: list[str] = []

    def fake_build(root: Path, out: Path, **_: object) -> BuildResult:
        seen.append(meeting.read_text(encoding="utf-8"))
        if len(seen) == 1:  # the file is saved while the first build is still running
            meeting.write_text(seen[0].replace("第12回", "第13回", 1), encoding="utf-8")
        elif "第13回" in seen[-1]:
            raise KeyboardInterrupt  # the rebuild saw the change: end the preview loop
        out.mkdir(parents=True, exist_ok=True)
        return BuildResult(ok=True, pages=1)

    monkeypatch.setattr(preview, "build", fake_build)
    runner = Thread(target=preview.serve, args=(valid_root, tmp_path / "out"),
                    kwargs={"today": TODAY.isoformat(), "host": "127.0.0.1", "port": 0, "quiet": True}, daemon=True)
    runner.start()
    runner.join(timeout=30)
    assert not runner.is_alive(), "the change saved during the first build was never rebuilt"
    assert "第13回" in seen[-1] and len(seen) == 2


def test_validate_one_file_from_anywhere(valid_root: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from .conftest import MEETING

    replace(valid_root, MEETING, "start: 13:30", "start: 1330")
    replace(valid_root, "regions/kanto/veterans/overseas-sales.yml", "prefecture: 東京都", "prefecture: 東京")
    monkeypatch.chdir(valid_root / "regions" / "kanto")
    assert main(["validate", "."]) == 1  # a folder inside the repository: the whole repository
    out = capsys.readouterr().out
    assert MEETING in out and "overseas-sales.yml" in out
    assert main(["validate", str(valid_root / MEETING)]) == 1  # one file: its own problems only
    out = capsys.readouterr().out
    assert MEETING in out and "overseas-sales.yml" not in out
