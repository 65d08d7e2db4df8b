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


def _root(args: argparse.Namespace) -> Path:
    """The repository root: the folder given, or the nearest one above the current folder with regions/."""
    from .rootdir import resolve_root

    return resolve_root(args.root)


def _progress(args: argparse.Namespace):
    from .progress import Progress

    return Progress("quiet" if args.quiet else "auto")


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import load_dataset

    root = _root(args)
    started = time.perf_counter()
    only = None
    touched: frozenset[str] | None = None
    target = Path(args.root).resolve() if args.root else None
    if target is not None and target.is_file():
        # One file: it, and the files it refers to or that refer to it.
        from .changes import affected

        rel = target.relative_to(root).as_posix()
        touched = frozenset({rel})
        only = affected(root, {rel})
    if args.changed_since:
        from .changes import ChangesError, affected, changed_files

        try:
            changed = changed_files(root, args.changed_since)
            touched = frozenset(changed)
            only = affected(root, changed)
        except ChangesError as exc:
            print(f"変更を調べられません: {exc} (cannot list changes)", file=sys.stderr)
            return 2
        if only is not None:
            print(f"変更の影響を受ける {len(only)} ファイルを検査します (checking {len(only)} affected files)", file=sys.stderr)
    loaded = load_dataset(root, only)
    dataset, diagnostics = loaded.dataset, loaded.diagnostics
    elapsed = time.perf_counter() - started
    if args.format == "github":
        sys.stdout.write(format_github(diagnostics, touched))
    else:
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
    progress = _progress(args)
    try:
        result = build(_root(args), Path(args.out), today=parse_today(args.today), portals=args.portal or None,
                       site_url=args.site_url, index=not args.no_search, progress=progress.stage)
    finally:
        progress.close()
    _print_diagnostics(result.diagnostics)
    if not result.ok:
        print(f"NG: {result.message}", file=sys.stderr)
        return 2 if result.environment else 1
    elapsed = time.perf_counter() - started
    if result.message:  # built, but with something missing (e.g. no Japanese font for the share images)
        print(f"注意: {result.message}", file=sys.stderr)
    if args.verbose:
        print("段階ごとの時間 (seconds per stage): " + "、".join(f"{k} {v:.2f}" for k, v in result.seconds.items()), file=sys.stderr)
    print(f"OK: {result.pages} ページを {result.out} に生成しました（{result.files} ファイル、"
          f"{result.bytes / 1_000_000:.1f} MB、{elapsed:.1f} 秒）", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    if _bad_date(args.today):
        return 2
    return serve(_root(args), Path(args.out), today=args.today, host=args.host, port=args.port, quiet=args.quiet)


def cmd_generate(args: argparse.Namespace) -> int:
    """`schema` and `templates`: files generated from the models."""
    from .scaffold import write_templates
    from .schema import write_schemas

    write = {"schema": write_schemas, "templates": write_templates}[args.command]
    for path in write(_root(args)):
        print(path)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .registry import BY_NAME
    from .scaffold import ScaffoldError, create

    prompts = BY_NAME[args.kind].prompts
    values = {k: v for k, v in vars(args).items() if k in {"id", "name", "region", "institution", "date", "slug", "title", "meeting"} and v}
    interactive = sys.stdin.isatty() and not args.no_input
    for key, label, _ in prompts:
        if key not in values and interactive:
            answer = input(f"{label}: ").strip()
            if answer:
                values[key] = answer
    required = [key for key, _, needed in prompts if needed]
    missing = [k for k in required if k not in values]
    if missing:
        print("次の指定が必要です: " + ", ".join("--" + k for k in missing) + f" (missing: {', '.join(missing)})", file=sys.stderr)
        return 2
    try:
        made = create(_root(args), args.kind, values)
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

    root = _root(args)
    loaded = load_dataset(root)
    if loaded.dataset is None:
        sys.stdout.write(format_text(loaded.diagnostics))
        return 1
    text = codeowners(loaded.dataset, args.sks)
    if args.write:
        target = root / ".github" / "CODEOWNERS"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(target)
    else:
        sys.stdout.write(text)
    return 0


ROOT_HELP = ("リポジトリのフォルダ（regions/ があるフォルダ。中のフォルダを指定しても上へたどって探します）。"
             "既定: 今のフォルダから上へたどって探す (the repository; default: found upwards from here)")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("koryukai")
    except PackageNotFoundError:
        return "unknown"


def _sub(sub: argparse._SubParsersAction, name: str, ja: str, en: str, *, root: str = "positional",
         root_help: str = ROOT_HELP) -> argparse.ArgumentParser:
    """A subcommand with its one-line help, a description, and the repository root argument."""
    p = sub.add_parser(name, help=f"{ja} ({en})", description=f"{ja}\n{en}",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    if root == "positional":
        p.add_argument("root", nargs="?", default=None, help=root_help)
    elif root == "option":
        p.add_argument("--root", default=None, help=ROOT_HELP)
    return p


def _output_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", help="途中経過を出さない（エラーと結果だけ） (no progress)")
    group.add_argument("-v", "--verbose", action="store_true", help="段階ごとの所要時間も出す (print stage timings)")


def build_parser() -> argparse.ArgumentParser:
    from .registry import KINDS

    parser = argparse.ArgumentParser(
        prog="koryukai",
        description="新現役交流会ポータルの生成ツール (static-site generator for 新現役交流会 portals)",
        epilog="各コマンドの説明: koryukai <コマンド> --help (help for a command)",
    )
    parser.add_argument("--version", action="version", version=f"koryukai {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="<コマンド>")

    p = _sub(sub, "validate", "データを検査する。エラーがなければ終了コード 0、あれば 1", "check the YAML data; exit 0 when valid, 1 otherwise",
             root_help="検査するリポジトリのフォルダ、または1つのデータファイル（そのファイルと関係するファイルだけを検査）。"
                       "既定: 今のフォルダから上へたどって探したリポジトリ全体 (a folder or one data file; default: the whole repository)")
    p.add_argument("--format", choices=("text", "json", "github"), default="text",
                   help="出力の形。text: 1行1件（既定）、json: ツール用、github: GitHub Actions の注釈 (output format; default: text)")
    p.add_argument("--changed-since", metavar="REF",
                   help="git の REF（例: origin/main）から変わったファイルと、それを参照するファイルだけを検査する (check only files changed since REF and their dependants)")
    p.set_defaults(func=cmd_validate)

    p = _sub(sub, "build", "全ポータル（または指定したポータル）を生成する", "build the portals into --out")
    p.add_argument("--out", default="site", help="出力先フォルダ。既定: site (output folder; default: site)")
    p.add_argument("--today", help="「今日」とみなす日付 YYYY-MM-DD。既定: 日本時間の今日 (the day to build for; default: today in Japan)")
    p.add_argument("--portal", action="append", metavar="ID",
                   help="このポータルだけを単独サイトとして生成（例: kanto、kanto/minatodai-shinkin）。何度でも指定可。既定: 全国・地域・機関のすべて (build only this portal as a standalone site; repeatable)")
    p.add_argument("--site-url", help="公開する URL（例: https://example.github.io/portal/）。既定: なし (the public URL; default: none)")
    p.add_argument("--no-search", action="store_true", help="検索索引を作らない（確認用に速く生成） (skip the search index)")
    _output_options(p)
    p.set_defaults(func=cmd_build)

    p = _sub(sub, "serve", "生成してプレビューし、ファイルを保存するたびに作り直す", "build, preview on localhost, rebuild on change")
    p.add_argument("--out", default="site", help="出力先フォルダ。既定: site (output folder; default: site)")
    p.add_argument("--today", help="「今日」とみなす日付 YYYY-MM-DD。既定: 日本時間の今日 (default: today in Japan)")
    p.add_argument("--host", default="127.0.0.1", help="待ち受けるアドレス。既定: 127.0.0.1 (address to listen on)")
    p.add_argument("--port", type=int, default=8000, help="ポート番号。使用中なら次の空きポートを使います。既定: 8000 (port; the next free one is used when busy)")
    _output_options(p)
    p.set_defaults(func=cmd_serve)

    p = _sub(sub, "new", "ひな形から新しいデータファイルを正しい場所に作る", "create a data file from its template", root="option")
    p.add_argument("kind", choices=tuple(k.name for k in KINDS),
                   help="作るファイルの種類 (what to create)")
    p.add_argument("--id", help="ID（フォルダ名・ファイル名。半角英小文字・数字・ハイフン） (the id)")
    p.add_argument("--name", help="名前（地域・機関） (name of a region or institution)")
    p.add_argument("--region", help="地域 ID（例: kanto） (region id)")
    p.add_argument("--institution", help="機関「地域/機関」（例: kanto/minatodai-shinkin） (region/institution)")
    p.add_argument("--date", help="開催日 YYYY-MM-DD（交流会） (meeting date)")
    p.add_argument("--slug", help="同じ日に2回開くときの区別（交流会、例: online） (second meeting on one day)")
    p.add_argument("--title", help="交流会名 (meeting title)")
    p.add_argument("--meeting", help="発表する交流会の ID（課題、例: 2027-01-20） (the challenge's meeting)")
    p.add_argument("--no-input", action="store_true", help="質問しない（スクリプト用） (never prompt)")
    p.set_defaults(func=cmd_new)

    p = _sub(sub, "schema", "モデルから JSON Schema（schemas/）を作り直す", "rewrite schemas/ from the models")
    p.set_defaults(func=cmd_generate)

    p = _sub(sub, "templates", "モデルからひな形（templates/）を作り直す", "rewrite templates/ from the models")
    p.set_defaults(func=cmd_generate)

    p = _sub(sub, "codeowners", "owners: から .github/CODEOWNERS を作る", "generate .github/CODEOWNERS from owners:")
    p.add_argument("--sks", default="@koryukai/sks", help="共有ファイルを承認する SKS のチーム。既定: @koryukai/sks (the SKS team)")
    p.add_argument("--write", action="store_true", help="画面に出す代わりに .github/CODEOWNERS に書き込む (write the file)")
    p.set_defaults(func=cmd_codeowners)
    return parser


def main(argv: list[str] | None = None) -> int:
    _stdout_utf8()
    parser = build_parser()
    args = parser.parse_args(argv)
    from .rootdir import RootNotFound

    try:
        return int(args.func(args))
    except RootNotFound as exc:
        print(f"{exc.ja} ({exc.en})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: a message, never a traceback
        if os.environ.get("KORYUKAI_DEBUG"):
            raise
        print(f"予期しないエラーで止まりました（出力は変更していません）: {type(exc).__name__}: {exc}\n"
              f"データの誤りではなくツールの不具合の可能性があります。KORYUKAI_DEBUG=1 を付けて実行すると詳細が出ます"
              f" (unexpected error; the output was not changed; rerun with KORYUKAI_DEBUG=1 for details)", file=sys.stderr)
        return 3
