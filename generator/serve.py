"""`koryukai serve`: build, serve on localhost, rebuild when a file changes.

The preview server adds a tiny script to each HTML response that reloads the
page after a successful rebuild; the built files themselves never carry it.
A failed rebuild prints its diagnostics and keeps serving the last good site.
"""

from __future__ import annotations

import functools
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


def _handler(directory: Path, state: _State) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
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
            if path.suffix == ".html" and path.is_file():
                self._send(path.read_bytes().replace(b"</body>", RELOAD + b"</body>", 1), "text/html; charset=utf-8")
                return
            super().do_GET()

    return functools.partial(Handler, directory=str(directory))  # type: ignore[return-value]


def _build_once(root: Path, out: Path, today: str | None) -> bool:
    started = time.perf_counter()
    result = build(root, out, today=parse_today(today))
    sys.stdout.write(format_text(result.diagnostics))
    if result.ok:
        print(f"OK: {result.pages} ページを生成しました（{time.perf_counter() - started:.1f} 秒）", file=sys.stderr)
    else:
        print(f"NG: {result.message}", file=sys.stderr)
    return result.ok


def serve(root: Path, out: Path, *, today: str | None, host: str, port: int) -> int:
    root = root.resolve()
    out = out.resolve()
    if not _build_once(root, out, today) and not out.is_dir():
        return 1
    state = _State()
    project = default_project_root(root)
    watched = [root / w for w in WATCHED] + [project / w for w in WATCHED if project != root]
    server = ThreadingHTTPServer((host, port), _handler(out, state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"プレビュー: http://{host}:{server.server_address[1]}/ を開いてください（終了は Ctrl+C）"
          f" (preview at http://{host}:{server.server_address[1]}/)", file=sys.stderr)
    before = _snapshot(watched)
    try:
        while True:
            time.sleep(1.0)
            now = _snapshot(watched)
            if now != before:
                before = now
                print("変更を検知しました。再生成します… (change detected, rebuilding)", file=sys.stderr)
                if _build_once(root, out, today):
                    state.version += 1
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    return 0
