"""`koryukai` command line: validate, build, serve, new, schema.

Every failure a contributor can cause ends as diagnostics and an exit code,
never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .diagnostics import Diagnostic, Severity, format_github, format_json, format_text


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
    only = None
    if args.changed_since:
        from .changes import ChangesError, affected, changed_files

        try:
            only = affected(root, changed_files(root, args.changed_since))
        except ChangesError as exc:
            print(f"変更を調べられません: {exc} (cannot list changes)", file=sys.stderr)
            return 2
        if only is not None:
            print(f"変更の影響を受ける {len(only)} ファイルを検査します (checking {len(only)} affected files)", file=sys.stderr)
    dataset, diagnostics = load_dataset(root, only)
    elapsed = time.perf_counter() - started
    _print_diagnostics(diagnostics, args.format)
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


def _print_diagnostics(diagnostics: list[Diagnostic], fmt: str = "text") -> None:
    formatter = {"json": format_json, "github": format_github}.get(fmt, format_text)
    sys.stdout.write(formatter(diagnostics))


def _bad_date(value: str | None) -> bool:
    """True (after saying so) when --today is given and is not YYYY-MM-DD."""
    from datetime import date

    if value is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        print(f"--today は 2026-12-10 の形で指定してください (--today must be YYYY-MM-DD): {value}", file=sys.stderr)
        return True
    return False


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build, parse_today

    if _bad_date(args.today):
        return 2
    started = time.perf_counter()
    result = build(Path(args.root), Path(args.out), today=parse_today(args.today), portals=args.portal or None,
                   site_url=args.site_url, index=not args.no_search)
    _print_diagnostics(result.diagnostics)
    if not result.ok:
        print(f"NG: {result.message}", file=sys.stderr)
        return 2 if result.environment else 1
    elapsed = time.perf_counter() - started
    print(f"OK: {result.pages} ページを {result.out} に生成しました（{result.files} ファイル、"
          f"{result.bytes / 1_000_000:.1f} MB、{elapsed:.1f} 秒）", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    if _bad_date(args.today):
        return 2
    return serve(Path(args.root), Path(args.out), today=args.today, host=args.host, port=args.port)


def cmd_generate(args: argparse.Namespace) -> int:
    """`schema` and `templates`: files generated from the models."""
    from .scaffold import write_templates
    from .schema import write_schemas

    write = {"schema": write_schemas, "templates": write_templates}[args.command]
    for path in write(Path(args.root)):
        print(path)
    return 0


_PROMPTS = {
    "region": [("id", "地域 ID（半角英小文字、例: kanto）"), ("name", "地域名（例: 関東）")],
    "institution": [("region", "地域 ID（例: kanto）"), ("id", "機関 ID（半角英小文字、例: minato-shinkin）"),
                    ("name", "機関名（例: みなと信用金庫）")],
    "meeting": [("institution", "機関（地域/機関、例: kanto/minato-shinkin）"), ("date", "開催日（例: 2026-12-10）"),
                ("title", "交流会名（例: 第12回 みなと新現役交流会）")],
    "challenge": [("institution", "機関（地域/機関、例: kanto/minato-shinkin）"), ("id", "課題 ID（半角英小文字、例: precision-parts）"),
                  ("meeting", "発表する交流会の ID（例: 2026-12-10、なければ空欄）")],
    "veteran": [("region", "地域 ID（例: kanto）"), ("id", "新現役 ID（半角英小文字、例: overseas-sales）")],
}


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, create

    values = {k: v for k, v in vars(args).items() if k in {"id", "name", "region", "institution", "date", "slug", "title", "meeting"} and v}
    interactive = sys.stdin.isatty() and not args.no_input
    for key, label in _PROMPTS[args.kind]:
        if key not in values and interactive:
            answer = input(f"{label}: ").strip()
            if answer:
                values[key] = answer
    required = {"region": ["id"], "institution": ["region", "id"], "meeting": ["institution", "date"],
                "challenge": ["institution", "id"], "veteran": ["region", "id"]}[args.kind]
    missing = [k for k in required if k not in values]
    if missing:
        print("次の指定が必要です: " + ", ".join("--" + k for k in missing) + f" (missing: {', '.join(missing)})", file=sys.stderr)
        return 2
    try:
        made = create(Path(args.root), args.kind, values)
    except ScaffoldError as exc:
        print(f"{exc.ja} ({exc.en})", file=sys.stderr)
        return 1
    print(made.rel)
    print("ファイルを作りました。説明（# の行）に沿って内容を書き換え、koryukai validate で確認してください"
          " (created; edit it, then run koryukai validate)", file=sys.stderr)
    return 0


def cmd_codeowners(args: argparse.Namespace) -> int:
    from .codeowners import codeowners
    from .validate import load_dataset

    dataset, diagnostics = load_dataset(Path(args.root))
    if dataset is None:
        sys.stdout.write(format_text(diagnostics))
        return 1
    text = codeowners(dataset, args.sks)
    if args.write:
        target = Path(args.root) / ".github" / "CODEOWNERS"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(target)
    else:
        sys.stdout.write(text)
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
    p.add_argument("--changed-since", metavar="REF", help="REF から変わったファイルと、それを参照するファイルだけを検査する")
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
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("new", help="新しいファイルを作る (create a data file from its template)")
    p.add_argument("kind", choices=("region", "institution", "meeting", "challenge", "veteran"))
    p.add_argument("--root", default=".")
    p.add_argument("--id", help="ID（フォルダ名・ファイル名）")
    p.add_argument("--name", help="名前（地域・機関）")
    p.add_argument("--region", help="地域 ID")
    p.add_argument("--institution", help="機関（地域/機関）")
    p.add_argument("--date", help="開催日 YYYY-MM-DD（交流会）")
    p.add_argument("--slug", help="同じ日に2回開くときの区別（交流会、例: online）")
    p.add_argument("--title", help="交流会名")
    p.add_argument("--meeting", help="発表する交流会の ID（課題）")
    p.add_argument("--no-input", action="store_true", help="質問しない（スクリプト用）")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("templates", help="templates/ のひな形を書き出す (write templates/)")
    p.add_argument("root", nargs="?", default=".")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("codeowners", help="CODEOWNERS を生成する (generate .github/CODEOWNERS)")
    p.add_argument("root", nargs="?", default=".")
    p.add_argument("--sks", default="@koryukai/sks", help="共有ファイルを承認する SKS のチーム（既定: @koryukai/sks）")
    p.add_argument("--write", action="store_true", help=".github/CODEOWNERS に書き込む")
    p.set_defaults(func=cmd_codeowners)

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
    except Exception as exc:  # the last line of defence: a message, never a traceback
        if os.environ.get("KORYUKAI_DEBUG"):
            raise
        print(f"予期しないエラーで止まりました（出力は変更していません）: {type(exc).__name__}: {exc}\n"
              f"データの誤りではなくツールの不具合の可能性があります。KORYUKAI_DEBUG=1 を付けて実行すると詳細が出ます"
              f" (unexpected error; the output was not changed; rerun with KORYUKAI_DEBUG=1 for details)", file=sys.stderr)
        return 3
