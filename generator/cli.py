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
    return parser


def main(argv: list[str] | None = None) -> int:
    _stdout_utf8()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
