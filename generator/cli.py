"""`koryukai` command line: validate, build, serve, new, schema.

Every failure a contributor can cause ends as diagnostics and an exit code,
never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .diagnostics import Severity, format_github, format_json, format_text


def _stdout_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import load_dataset

    root = Path(args.root)
    started = time.perf_counter()
    dataset, diagnostics = load_dataset(root)
    elapsed = time.perf_counter() - started
    if args.format == "json":
        sys.stdout.write(format_json(diagnostics))
    elif args.format == "github":
        sys.stdout.write(format_github(diagnostics))
    else:
        sys.stdout.write(format_text(diagnostics))
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if args.format != "json":
        if dataset is not None:
            counts = (f"地域 {len(dataset.regions)}・機関 {len(dataset.institutions)}・交流会 {len(dataset.meetings)}・"
                      f"課題 {len(dataset.challenges)}・新現役 {len(dataset.veterans)}")
            print(f"OK: エラーはありません（警告 {warnings} 件）。{counts}（{elapsed:.2f} 秒）", file=sys.stderr)
        else:
            print(f"NG: エラー {errors} 件・警告 {warnings} 件。上の各行のファイルと行を直してください"
                  f" ({errors} error(s), {warnings} warning(s))", file=sys.stderr)
    return 0 if dataset is not None else 1


def _print_diagnostics(diagnostics, fmt: str = "text") -> None:
    if fmt == "github":
        sys.stdout.write(format_github(diagnostics))
    else:
        sys.stdout.write(format_text(diagnostics))


def _bad_date(value: str | None) -> bool:
    from datetime import date

    if value is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return True
    return False


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build, parse_today

    if _bad_date(args.today):
        print(f"--today は 2026-12-10 の形で指定してください (--today must be YYYY-MM-DD): {args.today}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = build(Path(args.root), Path(args.out), today=parse_today(args.today), portals=args.portal or None,
                   site_url=args.site_url, index=not args.no_search)
    _print_diagnostics(result.diagnostics)
    if not result.ok:
        print(f"NG: {result.message}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"OK: {result.pages} ページを {result.out} に生成しました（{result.files} ファイル、"
          f"{result.bytes / 1_000_000:.1f} MB、{elapsed:.1f} 秒）", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    if _bad_date(args.today):
        print(f"--today は 2026-12-10 の形で指定してください (--today must be YYYY-MM-DD): {args.today}", file=sys.stderr)
        return 2
    return serve(Path(args.root), Path(args.out), today=args.today, host=args.host, port=args.port)


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(Path(args.root)):
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="koryukai",
        description="新現役交流会ポータルの生成ツール (static-site generator for 新現役交流会 portals)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="データを検査する (check the YAML data)")
    p.add_argument("root", nargs="?", default=".", help="リポジトリのフォルダ（regions/ を含む）")
    p.add_argument("--format", choices=("text", "json", "github"), default="text")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("build", help="ポータルを生成する (build the portals)")
    p.add_argument("root", nargs="?", default=".", help="リポジトリのフォルダ（regions/ を含む）")
    p.add_argument("--out", default="site", help="出力先フォルダ（既定: site）")
    p.add_argument("--today", help="「今日」とみなす日付 YYYY-MM-DD（既定: 日本時間の今日）")
    p.add_argument("--portal", action="append", metavar="ID",
                   help="このポータルだけを単独サイトとして生成（例: kanto、kanto/minatodai-shinkin）")
    p.add_argument("--site-url", help="公開する URL（例: https://example.github.io/portal/）")
    p.add_argument("--no-search", action="store_true", help="検索インデックスを作らない（確認用）")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("schema", help="JSON Schema を schemas/ に書き出す (write the JSON Schemas)")
    p.add_argument("root", nargs="?", default=".")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("serve", help="生成してプレビューする (build and preview, rebuilding on change)")
    p.add_argument("root", nargs="?", default=".")
    p.add_argument("--out", default="site")
    p.add_argument("--today")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    _stdout_utf8()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
