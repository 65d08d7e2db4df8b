"""`koryukai serve`: build, serve on localhost, rebuild when a file changes.

The preview server adds a tiny script to each HTML response that reloads the
page after a rebuild; the built files themselves never carry it. A failed
rebuild keeps serving the last good site and shows its messages over every
page (the same Japanese lines as the terminal). After a change the pages are
rebuilt first without the search index, then once more with it. Unknown URLs get the site's
own 404 page. The port is taken before the first build: a busy one moves on
to the next free port and says so.
"""

from __future__ import annotations

import errno
import functools
import html
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .build import build, default_project_root, parse_today
from .diagnostics import format_text

WATCHED = ("regions", "content", "themes", "mkdocs.yml")
RELOAD = (b"<script>(function(){var v=null;setInterval(function(){fetch('/__koryukai_version').then(function(r){"
          b"return r.text()}).then(function(t){if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},1000)})()"
          b"</script>")


def _snapshot(roots: list[Path]) -> dict[str, float]:
    seen: dict[str, float] = {}
    for root in roots:
        paths = [root] if root.is_file() else root.rglob("*") if root.is_dir() else []
        for path in paths:
            if path.is_file():
                seen[str(path)] = path.stat().st_mtime
    return seen


class _State:
    version = 0
    errors: str = ""  # the last failed rebuild's messages, shown over every page until a build succeeds


def _overlay(errors: str) -> bytes:
    """A banner with the failed build's messages (escaped: they quote contributor text)."""
    return ("<div role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:9999;"
            "background:#fff0f0;color:#5a0000;border-top:4px solid #b00020;padding:1rem;font:16px/1.6 sans-serif\">"
            "<strong>生成に失敗しました。前回のページを表示しています (build failed; showing the last good site)</strong>"
            f"<pre style=\"white-space:pre-wrap;font-size:14px\">{html.escape(errors)}</pre></div>").encode()


def _handler(directory: Path, state: _State) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path == "/__koryukai_version":
                self._send(str(state.version).encode(), "text/plain")
                return
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            status = 200
            if not path.exists() and (directory / "404.html").is_file():
                path, status = directory / "404.html", 404
            if path.suffix == ".html" and path.is_file():
                extra = RELOAD + (_overlay(state.errors) if state.errors else b"")
                self._send(path.read_bytes().replace(b"</body>", extra + b"</body>", 1), "text/html; charset=utf-8", status)
                return
            super().do_GET()

    return functools.partial(Handler, directory=str(directory))  # type: ignore[return-value]


def _build_once(root: Path, out: Path, today: str | None, state: _State, quiet: bool, *, index: bool = True) -> bool:
    from .progress import Progress

    started = time.perf_counter()
    progress = Progress("quiet" if quiet else "auto")
    try:
        result = build(root, out, today=parse_today(today), index=index, progress=progress.stage)
    finally:
        progress.close()
    report = format_text(result.diagnostics)
    sys.stdout.write(report)
    if result.ok:
        state.errors = ""
        what = "" if index else "（検索索引はこのあと作り直します）"
        print(f"OK: {result.pages} ページを生成しました{what}（{time.perf_counter() - started:.1f} 秒）", file=sys.stderr)
    else:
        state.errors = report + f"NG: {result.message}"
        print(f"NG: {result.message}", file=sys.stderr)
    return result.ok


class _Server(ThreadingHTTPServer):
    # A page's search fetches many files at once; the default backlog of 5 refuses some on a busy machine.
    request_queue_size = 128


def _listen(host: str, port: int, handler: type[SimpleHTTPRequestHandler]) -> ThreadingHTTPServer:
    """The first free port from `port` on (up to 20 more), so a busy port never ends the preview."""
    for candidate in range(port, port + 21):
        try:
            return _Server((host, candidate), handler)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            print(f"ポート {candidate} は使用中です。次を試します (port {candidate} is busy; trying the next)", file=sys.stderr)
    raise OSError(errno.EADDRINUSE, f"ポート {port}〜{port + 20} はすべて使用中です。--port で別の番号を指定してください"
                                    f" (ports {port}-{port + 20} are busy; choose another with --port)")


def serve(root: Path, out: Path, *, today: str | None, host: str, port: int, quiet: bool = False) -> int:
    root = root.resolve()
    out = out.resolve()
    state = _State()
    try:
        server = _listen(host, port, _handler(out, state))
    except OSError as exc:
        print(f"プレビューを始められません: {exc.strerror or exc} (cannot start the preview server)", file=sys.stderr)
        return 2
    project = default_project_root(root)
    watched = [root / w for w in WATCHED] + [project / w for w in WATCHED if project != root]
    # Taken before the first build: a file saved while it runs is still seen as a change afterwards.
    before = _snapshot(watched)
    if not _build_once(root, out, today, state, quiet) and not out.is_dir():
        server.server_close()
        return 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"プレビュー: http://{host}:{server.server_address[1]}/ を開いてください（終了は Ctrl+C）"
          f" (preview at http://{host}:{server.server_address[1]}/)", file=sys.stderr)
    try:
        while True:
            time.sleep(1.0)
            now = _snapshot(watched)
            if now != before:
                before = now
                print("変更を検知しました。再生成します… (change detected, rebuilding)", file=sys.stderr)
                # Pages first, without the search index (about a second on the demo), so the browser shows
                # the change at once; then the full build brings the search index up to date.
                ok = _build_once(root, out, today, state, quiet, index=False)
                state.version += 1  # reload either way: the new pages, or the overlay with the errors
                if ok and _snapshot(watched) == before:
                    _build_once(root, out, today, state, quiet)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    return 0
