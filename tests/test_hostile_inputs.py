"""Hostile contributions, one table: each case is what a pull request could hold and what the
contributor (or the person running the build) sees. Cases span YAML, ids, references, URLs,
content, files and the build process. See issue 10 and docs/errors.md."""

from __future__ import annotations

import errno
import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from generator.cli import main
from generator.diagnostics import Severity
from generator.validate import load_dataset

from .conftest import CHALLENGE, INST, MEETING, TODAY, VETERAN, replace

REGION = "regions/kanto/region.yml"
INSTITUTION = f"{INST}/institution.yml"
OUTSIDE_FILES = ("/etc/passwd", "/proc/self/environ")

Setup = Callable[[Path], None]


# --- helpers that make one hostile change -------------------------------------

def edit(rel: str, old: str, new: str) -> Setup:
    return lambda root: replace(root, rel, old, new)


def write(rel: str, data: bytes | str) -> Setup:
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return apply


def symlink(rel: str, target: str | Callable[[Path], Path], *, replace_existing: bool = True) -> Setup:
    def apply(root: Path) -> None:
        path = root / rel
        destination = target(root) if callable(target) else target  # before the original goes
        if replace_existing and (path.exists() or path.is_symlink()):
            if path.is_dir() and not path.is_symlink():
                import shutil

                shutil.rmtree(path)
            else:
                path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(destination)
    return apply


def outside_folder(root: Path) -> Path:
    """A copy of the institution folder outside the repository."""
    import shutil

    outside = root.parent / "outside" / "minato-shinkin"
    if not outside.exists():
        shutil.copytree(root / INST, outside)
    return outside


def move(rel: str, new_rel: str) -> Setup:
    def apply(root: Path) -> None:
        (root / new_rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).rename(root / new_rel)
    return apply


def both(*steps: Setup) -> Setup:
    def apply(root: Path) -> None:
        for step in steps:
            step(root)
    return apply


def png(size: tuple[int, int] = (16, 16), fmt: str = "PNG", tail: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0f5c6e").save(buffer, format=fmt)
    return buffer.getvalue() + tail


def with_logo(name: str, data: bytes | None = None, link: str | None = None) -> Setup:
    steps = [edit(INSTITUTION, "kind: shinkin\n", f"kind: shinkin\nbranding:\n  logo: {name}\n")]
    if link is not None:
        steps.append(symlink(f"{INST}/{name}", link))
    elif data is not None:
        steps.append(write(f"{INST}/{name}", data))
    return both(*steps)


SVG_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.domain)</script></svg>'

# --- the table: id -> (change, [(file, line, column, code)] of the errors a contributor sees) ---

E = list[tuple[str, int, int, str]]
CASES: dict[str, tuple[Setup, E]] = {
    # YAML
    "yaml: 100,000 [ (quadratic parser)": (edit(MEETING, "capacity: 30", "capacity: " + "[" * 100_000), [(MEETING, 16, 23, "Y013"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: 100,000 {": (edit(MEETING, "capacity: 30", "capacity: " + "{" * 100_000), [(MEETING, 16, 23, "Y013"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: block nesting 15 deep": (edit(MEETING, "capacity: 30", "capacity:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 15)) + "  " * 15 + "x: 1"),
                                   [(MEETING, 29, 27, "Y013"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: ' #' drops the rest of a title": (edit(MEETING, "title: 第12回 みなと台新現役交流会", "title: 第12回 みなと台新現役交流会 #DX特集 ほか"), [(MEETING, 1, 24, "Y021"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: value that is only a comment": (edit(MEETING, "capacity: 30", "capacity: #未定"), [(MEETING, 16, 11, "Y021"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: ' #' after a multi-line plain value": (edit(CHALLENGE, "support_wanted: 医療機器業界の取引慣行に詳しい方の助言",
                                                       "support_wanted: 医療機器業界の\n  取引慣行に詳しい方の助言 #急募"), [(CHALLENGE, 9, 16, "Y021")]),
    "yaml: full-width space after a colon": (edit(MEETING, "title: 第12回", "title:\u3000第12回"), [(MEETING, 1, 7, "Y018"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: full-width space after a list item's colon": (edit(MEETING, "  - name: 関東経済産業局", "  - name:\u3000関東経済産業局"), [(MEETING, 11, 10, "Y018"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: U+202E right-to-left override": (edit(MEETING, "第12回 みなと台", "第12回 \u202eみなと台"), [(MEETING, 1, 13, "Y019"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: U+2066 left-to-right isolate": (edit(VETERAN, "海外営業部長", "海外\u2066営業部長"), [(VETERAN, 1, 22, "Y019")]),
    "yaml: U+200B zero-width space": (edit(CHALLENGE, "製造業", "製造\u200b業"), [(CHALLENGE, 3, 13, "Y019")]),
    "yaml: U+FEFF inside text": (edit(REGION, "name: 関東", "name: 関\ufeff東"), [(REGION, 2, 8, "Y019")]),
    "yaml: U+200F right-to-left mark": (edit(INSTITUTION, "name: みなと台", "name: \u200fみなと台"), [(INSTITUTION, 1, 7, "Y019")]),
    "yaml: U+00AD soft hyphen": (edit(CHALLENGE, "精密部品", "精密\u00ad部品"), [(CHALLENGE, 2, 10, "Y019")]),
    "yaml: BOM": (lambda root: (root / REGION).write_bytes(b"\xef\xbb\xbf" + (root / REGION).read_bytes()), [(REGION, 1, 1, "Y003")]),
    "yaml: anchor and alias": (edit(MEETING, "capacity: 30", "capacity: &n 30\ncompanies: *n"), [(MEETING, 16, 11, "Y008"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: billion laughs": (edit(MEETING, "capacity: 30", "x: &a [1,1,1]\ny: &b [*a,*a,*a]"), [(MEETING, 16, 4, "Y008"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: python object tag": (edit(MEETING, "capacity: 30", "capacity: !!python/object/apply:os.system [id]"), [(MEETING, 16, 11, "Y010"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: merge key": (edit(MEETING, "capacity: 30", "<<: {capacity: 30}"), [(MEETING, 16, 1, "Y009"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: duplicate key hides a value": (edit(MEETING, "capacity: 30", "capacity: 30\ncapacity: 3000"), [(MEETING, 17, 1, "Y007"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: second document": (edit(MEETING, "capacity: 30", "capacity: 30\n---\ntitle: x"), [(MEETING, 17, 1, "Y011"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: Shift_JIS": (lambda root: (root / REGION).write_bytes((root / REGION).read_text(encoding="utf-8").encode("cp932")), [(REGION, 2, 7, "Y002")]),
    "yaml: NUL byte": (edit(REGION, "name: 関東", "name: 関\x00東"), [(REGION, 2, 8, "Y016")]),
    "yaml: lone CR (old Mac line end) would shift line numbers": (edit(REGION, "name: 関東\n", "name: 関東\r"), [(REGION, 2, 9, "Y016")]),
    "yaml: U+001C that str.splitlines() takes for a line break": (edit(REGION, "name: 関東", "name: 関\x1c東"), [(REGION, 2, 8, "Y016")]),
    "yaml: NEL U+0085": (edit(REGION, "name: 関東", "name: 関\x85東"), [(REGION, 2, 8, "Y016")]),
    "yaml: over the size limit": (edit(MEETING, "capacity: 30", "capacity: 30\n# " + "x" * 300_000), [(MEETING, 1, 1, "Y001"), (CHALLENGE, 1, 10, "X313")]),
    "yaml: tab indentation": (edit(MEETING, "  name: みなと台信用金庫 本店ホール", "\tname: みなと台信用金庫 本店ホール"), [(MEETING, 7, 1, "Y004"), (CHALLENGE, 1, 10, "X313")]),
    # ids
    "id: institution folder 'meetings'": (move(INST, "regions/kanto/institutions/meetings"), [("regions/kanto/institutions/meetings", 0, 0, "L205")]),
    "id: institution folder 'search'": (move(INST, "regions/kanto/institutions/search"), [("regions/kanto/institutions/search", 0, 0, "L205")]),
    "id: institution folder 'assets'": (move(INST, "regions/kanto/institutions/assets"), [("regions/kanto/institutions/assets", 0, 0, "L205")]),
    "id: institution folder 'page'": (move(INST, "regions/kanto/institutions/page"), [("regions/kanto/institutions/page", 0, 0, "L205")]),
    "id: region folder 'pagefind'": (move("regions/kanto", "regions/pagefind"), [("regions/pagefind", 0, 0, "L205")]),
    "id: challenge file 'page.yml' (list paging)": (move(CHALLENGE, f"{INST}/challenges/page.yml"), [(f"{INST}/challenges/page.yml", 1, 1, "L205")]),
    "id: veteran file 'search.yml'": (move(VETERAN, "regions/kanto/veterans/search.yml"), [("regions/kanto/veterans/search.yml", 1, 1, "L205")]),
    "id: upper-case folder": (move(INST, "regions/kanto/institutions/Minato"), [("regions/kanto/institutions/Minato", 0, 0, "L202")]),
    "id: dots in a folder name": (move(INST, "regions/kanto/institutions/a..b"), [("regions/kanto/institutions/a..b", 0, 0, "L202")]),
    "id: Japanese folder name": (move(INST, "regions/kanto/institutions/みなと"), [("regions/kanto/institutions/みなと", 0, 0, "L202")]),
    "id: accented file name": (move(VETERAN, "regions/kanto/veterans/précis.yml"), [("regions/kanto/veterans/précis.yml", 1, 1, "L202")]),
    "id: upper case in a meeting slug": (move(MEETING, f"{INST}/meetings/2026-12-10-Online.yml"), [(f"{INST}/meetings/2026-12-10-Online.yml", 1, 1, "L202"), (CHALLENGE, 1, 10, "X310")]),
    "id: .yaml extension": (move(VETERAN, "regions/kanto/veterans/overseas-sales.yaml"), [("regions/kanto/veterans/overseas-sales.yaml", 1, 1, "L203")]),
    # references
    "ref: challenge's meeting does not exist": (edit(CHALLENGE, "meeting: 2026-12-10", "meeting: 2026-12-11"), [(CHALLENGE, 1, 10, "X310")]),
    "ref: challenge's meeting climbs folders": (edit(CHALLENGE, "meeting: 2026-12-10", "meeting: ../../../etc/passwd"), [(CHALLENGE, 1, 10, "X310")]),
    "ref: organiser institution does not exist": (edit(MEETING, "  - name: 関東経済産業局", "  - institution: nowhere-bank"), [(MEETING, 11, 18, "X308")]),
    "ref: organiser institution climbs folders": (edit(MEETING, "  - name: 関東経済産業局", "  - institution: ../minato-shinkin"), [(MEETING, 11, 18, "X308")]),
    # URLs
    "url: javascript: sign-up": (edit(MEETING, "https://docs.google.com/forms/d/e/demo/viewform", "javascript:alert(1)"), [(MEETING, 14, 8, "S209"), (CHALLENGE, 1, 10, "X313")]),
    "url: data: sign-up": (edit(MEETING, "https://docs.google.com/forms/d/e/demo/viewform", "data:text/html,<script>alert(1)</script>"), [(MEETING, 14, 8, "S209"), (CHALLENGE, 1, 10, "X313")]),
    "url: plain http": (edit(MEETING, "https://docs.google.com/forms/d/e/demo/viewform", "http://docs.google.com/forms/d/e/demo/viewform"), [(MEETING, 14, 8, "S209"), (CHALLENGE, 1, 10, "X313")]),
    "url: user@host": (edit(MEETING, "https://docs.google.com/forms", "https://docs.google.com@evil.example/forms"), [(MEETING, 14, 8, "S210"), (CHALLENGE, 1, 10, "X313")]),
    "url: host not allowed": (edit(MEETING, "https://docs.google.com/forms", "https://forms.evil.example/forms"), [(MEETING, 14, 8, "X307")]),
    "url: space inside": (edit(MEETING, "d/e/demo/viewform", "d/e/demo/view form"), [(MEETING, 14, 8, "S208"), (CHALLENGE, 1, 10, "X313")]),
    "url: full-width characters": (edit(MEETING, "d/e/demo/viewform", "d/e/ｄｅｍｏ/viewform"), [(MEETING, 14, 8, "S208"), (CHALLENGE, 1, 10, "X313")]),
    "url: website without a host": (edit(INSTITUTION, "website: https://www.example.jp/", "website: https:///path"), [(INSTITUTION, 4, 10, "S211")]),
    # content
    "content: CSS injection through a colour": (edit(INSTITUTION, "kind: shinkin\n", 'kind: shinkin\nbranding:\n  primary_color: "red;}body{display:none"\n'), [(INSTITUTION, 4, 18, "S212")]),
    "content: colour too light to read": (edit(INSTITUTION, "kind: shinkin\n", 'kind: shinkin\nbranding:\n  primary_color: "#fafafa"\n'), [(INSTITUTION, 4, 18, "S213")]),
    "content: newline in a one-line title": (edit(MEETING, "title: 第12回 みなと台新現役交流会", 'title: "第12回\\nみなと台"'), [(MEETING, 1, 8, "S205"), (CHALLENGE, 1, 10, "X313")]),
    "content: only spaces": (edit(MEETING, "title: 第12回 みなと台新現役交流会", 'title: "   "'), [(MEETING, 1, 8, "S100"), (CHALLENGE, 1, 10, "X313")]),
    # files: links and images
    "file: data file linked to /etc/passwd": (symlink(VETERAN, "/etc/passwd"), [(VETERAN, 0, 0, "L206")]),
    "file: data file linked to /proc/self/environ": (symlink(VETERAN, "/proc/self/environ"), [(VETERAN, 0, 0, "L206")]),
    "file: region.yml linked outside": (symlink(REGION, "/etc/passwd"), [(REGION, 0, 0, "L206")]),
    "file: institution folder linked to an outside folder": (symlink(INST, outside_folder), [(INST, 0, 0, "L206")]),
    "file: meetings folder linked to an outside folder": (symlink(f"{INST}/meetings", lambda root: outside_folder(root) / "meetings"),
                                                          [(f"{INST}/meetings", 0, 0, "L206"), (CHALLENGE, 1, 10, "X310")]),
    "file: whole regions/ linked": (both(lambda root: (root / "regions").rename(root.parent / "elsewhere"),
                                         lambda root: (root / "regions").symlink_to(root.parent / "elsewhere")),
                                   [("regions", 0, 0, "L206")]),
    "file: dangling link": (symlink("regions/kanto/veterans/ghost.yml", "/nonexistent/ghost.yml"), [("regions/kanto/veterans/ghost.yml", 0, 0, "L206")]),
    "file: linked privacy-allow.yml": (symlink("regions/privacy-allow.yml", "/etc/passwd"), [("regions/privacy-allow.yml", 0, 0, "L206")]),
    "file: linked image beside the data": (symlink(f"{INST}/photo.png", "/etc/passwd"), [(f"{INST}/photo.png", 0, 0, "L206")]),
    "file: logo linked to /etc/passwd": (with_logo("logo.png", link="/etc/passwd"), [(INSTITUTION, 4, 9, "L206"), (f"{INST}/logo.png", 0, 0, "L206")]),
    "file: logo linked to /proc/self/environ": (with_logo("logo.png", link="/proc/self/environ"), [(INSTITUTION, 4, 9, "L206"), (f"{INST}/logo.png", 0, 0, "L206")]),
    "file: SVG logo with script": (with_logo("logo.svg", SVG_SCRIPT), [(INSTITUTION, 4, 9, "X316")]),
    "file: SVG named .png": (with_logo("logo.png", SVG_SCRIPT), [(INSTITUTION, 4, 9, "X316")]),
    "file: HTML named .png": (with_logo("logo.png", b"<html><script>alert(1)</script></html>"), [(INSTITUTION, 4, 9, "X317")]),
    "file: JPEG named .png": (with_logo("logo.png", png(fmt="JPEG")), [(INSTITUTION, 4, 9, "X317")]),
    "file: GIF logo": (with_logo("logo.png", png(fmt="GIF")), [(INSTITUTION, 4, 9, "X317")]),
    "file: huge image dimensions": (with_logo("logo.png", png(size=(5000, 10))), [(INSTITUTION, 4, 9, "X317")]),
    "file: logo missing": (with_logo("logo.png"), [(INSTITUTION, 4, 9, "X314")]),
    "file: logo is a named pipe": (both(with_logo("logo.png"), lambda root: os.mkfifo(root / INST / "logo.png")), [(INSTITUTION, 4, 9, "X317")]),
    "file: folder named like a data file": (lambda root: (root / "regions/kanto/veterans/x.yml").mkdir(), [("regions/kanto/veterans/x.yml", 0, 0, "L201")]),
}


def _errors(root: Path) -> E:
    _, found = load_dataset(root)
    return sorted((d.path, d.line, d.column, d.code) for d in found if d.severity is Severity.ERROR)


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_data_is_refused_where_it_is(valid_root: Path, case: str) -> None:
    setup, expected = CASES[case]
    setup(valid_root)
    started = time.perf_counter()
    assert _errors(valid_root) == sorted(expected)
    assert time.perf_counter() - started < 5  # nothing hangs a pull request check


ACCEPTED: dict[str, Setup] = {
    "quoted '#' is kept": edit(MEETING, "title: 第12回 みなと台新現役交流会", 'title: "第12回 みなと台 #DX特集 ほか"'),
    "'#' without a space before it is text": edit(MEETING, "title: 第12回 みなと台新現役交流会", "title: 第12回 C#勉強会"),
    "a comment on its own line": edit(MEETING, "capacity: 30", "# 定員は会場に合わせる\ncapacity: 30"),
    "PNG logo": with_logo("logo.png", png()),
    "WebP logo": with_logo("logo.webp", png(fmt="WEBP")),
    "JPEG logo": with_logo("logo.jpg", png(fmt="JPEG")),
}


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_ordinary_data_still_passes(valid_root: Path, case: str) -> None:
    ACCEPTED[case](valid_root)
    assert _errors(valid_root) == []


def test_deep_nesting_is_refused_in_linear_time(valid_root: Path) -> None:
    """100,000 '[' (200 KB, under the size limit) took over 60 s before; now it stops at level 13."""
    replace(valid_root, MEETING, "capacity: 30", "capacity: " + "[" * 100_000)
    started = time.perf_counter()
    _, found = load_dataset(valid_root)
    elapsed = time.perf_counter() - started
    assert [d.text() for d in found if d.code == "Y013"] == [
        f"{MEETING}:16:23: error Y013 入れ子が深すぎます（12段まで）。構造を見直してください (nesting is deeper than 12 levels)"]
    assert elapsed < 1.0, elapsed


def test_parse_time_budget(valid_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import loader

    monkeypatch.setattr(loader, "PARSE_SECONDS", -1.0)  # every file is over budget
    _, found = load_dataset(valid_root)
    assert f"{REGION}:1:1: error Y020 ファイルの読み込みに時間がかかりすぎます（-1 秒まで）。" in "\n".join(d.text() for d in found)


# --- exact messages of the new codes ------------------------------------------

MESSAGES = {
    "Y018": (CASES["yaml: full-width space after a colon"][0],
             f"{MEETING}:1:7: error Y018 項目名の「:」の後ろが全角スペースになっています。半角スペースにしてください (full-width space after the colon; use a half-width space)"),
    "Y019": (CASES["yaml: U+202E right-to-left override"][0],
             f"{MEETING}:1:13: error Y019 見えない書式文字（U+202E RIGHT-TO-LEFT OVERRIDE）が含まれています。表示される文字の向きや区切りが変わってしまうため使えません。"
             "その文字を削除してください (invisible format character U+202E RIGHT-TO-LEFT OVERRIDE; delete it)"),
    "Y021": (CASES["yaml: ' #' drops the rest of a title"][0],
             f"{MEETING}:1:24: error Y021 値の後ろの「 #」から先（「#DX特集 ほか」）はコメントとして捨てられ、公開されません。"
             "# を含めて載せるなら値全体を \"…\" で囲み、メモなら別の行に書いてください (everything from ' #' on is a comment and is dropped; "
             "quote the whole value to keep the '#', or put the note on its own line)"),
    "L205": (CASES["id: institution folder 'meetings'"][0],
             "regions/kanto/institutions/meetings:0:0: error L205 機関フォルダ名「meetings」はポータルのページ名（meetings・search・page など）と重なるので ID にできません。"
             "別の名前にしてください (institution folder name 'meetings' is reserved for the portal's own pages; choose another id)"),
    "L206": (CASES["file: data file linked to /etc/passwd"][0],
             f"{VETERAN}:0:0: error L206 シンボリックリンクは使えません（リポジトリの外のファイルを読むおそれがあるため）。リンクを削除し、実物のファイル・フォルダを置いてください "
             "(symbolic links are not allowed (they may read files outside the repository); replace the link with the real file or folder)"),
    "X316": (CASES["file: SVG logo with script"][0],
             f"{INSTITUTION}:4:9: error X316 ロゴ画像「logo.svg」: SVG のロゴは使えません（SVG はスクリプトを含められ、ポータル上で実行されるおそれがあるため）。"
             "PNG・JPEG・WebP に変換して置き、branding の logo をそのファイル名にしてください (logo logo.svg: SVG logos are not accepted (SVG can carry script); "
             "convert it to PNG, JPEG or WebP)"),
    "X317": (CASES["file: JPEG named .png"][0],
             f"{INSTITUTION}:4:9: error X317 ロゴ画像「logo.png」: ファイル名は「.png」ですが、中身は JPEG 画像です。拡張子を .jpg にしてください "
             "(logo logo.png: the name says .png but the content is JPEG; rename it to .jpg)"),
}


@pytest.mark.parametrize("code", list(MESSAGES))
def test_exact_message(valid_root: Path, code: str) -> None:
    setup, text = MESSAGES[code]
    setup(valid_root)
    _, found = load_dataset(valid_root)
    assert text in [d.text() for d in found]


def test_nothing_outside_the_repository_is_read(valid_root: Path) -> None:
    """With every kind of link planted, validation never opens a file outside the repository."""
    for case in ("file: data file linked to /proc/self/environ", "file: region.yml linked outside",
                 "file: meetings folder linked to an outside folder", "file: logo linked to /etc/passwd"):
        CASES[case][0](valid_root)
    opened: list[str] = []

    def hook(event: str, args: tuple) -> None:  # sees every open: builtins, io, os.open, C code
        if event == "open" and _WATCHING and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.append(os.path.realpath(os.fsdecode(args[0])))

    _hooks.append(hook)
    _WATCHING.append(True)
    try:
        load_dataset(valid_root)
    finally:
        _WATCHING.clear()
    inside = os.path.realpath(valid_root)
    outside = [p for p in opened if not p.startswith(inside + os.sep)]
    # Python's own imports may open files; anything that is not a module of the tool is a leak.
    assert [p for p in outside if not p.endswith((".py", ".pyc", ".so", ".json", ".txt"))] == []
    assert all(not p.startswith(os.path.realpath(valid_root.parent / "outside")) for p in opened)
    assert "/etc/passwd" not in opened and not any(p.startswith("/proc/") and p.endswith("environ") for p in opened)


# Audit hooks cannot be removed, so one is installed for the session and switched by this flag.
_WATCHING: list[bool] = []
_hooks: list[Callable[[str, tuple], None]] = []


def _dispatch(event: str, args: tuple) -> None:
    if _WATCHING:
        for hook in _hooks[-1:]:
            hook(event, args)


sys.addaudithook(_dispatch)


# --- process: the build command -----------------------------------------------

def _build(capsys: pytest.CaptureFixture[str], root: Path, out: Path | str, *extra: str) -> tuple[int, str]:
    code = main(["build", str(root), "--out", str(out), "--today", TODAY.isoformat(), "--no-search", *extra])
    return code, capsys.readouterr().err


def _tree(path: Path) -> list[str]:
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*"))


OUT_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "--out is the data root": (lambda root: root, "そのもの、またはそれを含むフォルダです"),
    "--out is regions/": (lambda root: root / "regions", "元データのフォルダ"),
    "--out inside regions/": (lambda root: root / "regions" / "kanto", "元データのフォルダ"),
    "--out is the parent of the data root": (lambda root: root.parent, "そのもの、またはそれを含むフォルダです"),
    "--out inside themes/ of the project": (lambda root: root / "themes" / "site", "元データのフォルダ"),
    "--out inside content/": (lambda root: root / "content", "元データのフォルダ"),
    "--out is a non-empty folder without the marker": (lambda root: _with_file(root.parent / "mine"), "koryukai の出力"),
    "--out is a file": (lambda root: _with_file(root.parent / "notes", as_file=True), "フォルダではありません"),
}


def _with_file(path: Path, *, as_file: bool = False) -> Path:
    if as_file:
        path.write_text("大事なメモ", encoding="utf-8")
    else:
        path.mkdir()
        (path / "大事なメモ.txt").write_text("消さないで", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(OUT_CASES))
def test_out_guard_refuses_and_touches_nothing(valid_root: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    make_out, message = OUT_CASES[case]
    for folder in ("themes", "content"):  # the data root doubles as the project root here
        (valid_root / folder).mkdir(exist_ok=True)
        (valid_root / folder / "keep.txt").write_text("x", encoding="utf-8")
    out = make_out(valid_root)
    before = _tree(valid_root.parent)
    code, err = _build(capsys, valid_root, out)
    assert code == 2
    assert message in err and str(out.resolve()) in err
    assert _tree(valid_root.parent) == before  # nothing touched, not even a staging folder


SITE_URLS = ["javascript://example.org/%0aalert(1)", "ftp://example.org/", "https://", "example.org",
             'https://example.org/"><script>alert(1)</script>', "data:text/html,x"]


@pytest.mark.parametrize("url", SITE_URLS)
def test_site_url_must_be_http_with_a_host(valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, err = _build(capsys, valid_root, tmp_path / "site", "--site-url", url)
    assert code == 2
    assert "--site-url は https://example.github.io/portal/ のような http(s) の URL で指定してください" in err
    assert not (tmp_path / "site").exists()


def test_a_good_site_url_reaches_the_sitemap(valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _build(capsys, valid_root, tmp_path / "site", "--site-url", "https://example.github.io/portal/")
    assert code == 0
    assert "<loc>https://example.github.io/portal/</loc>" in (tmp_path / "site/sitemap.xml").read_text(encoding="utf-8")


def test_rebuild_over_own_output_is_allowed(valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert _build(capsys, valid_root, out)[0] == 0
    assert (out / ".koryukai-site").is_file()
    assert _build(capsys, valid_root, out)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]


def test_output_of_a_build_before_the_marker_is_replaced(valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert _build(capsys, valid_root, out)[0] == 0
    (out / ".koryukai-site").unlink()  # as an output written by an earlier version looks
    assert _build(capsys, valid_root, out)[0] == 0
    (out / ".koryukai-site").unlink()
    (out / "index.html").write_text("<html>someone's page</html>", encoding="utf-8")
    code, err = _build(capsys, valid_root, out)
    assert code == 2 and "koryukai の出力" in err


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="needs a read-only /sys")
def test_unwritable_out_is_a_clear_message(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder the build may not write to (works as root too: /sys refuses everyone)."""
    code, err = _build(capsys, valid_root, "/sys/koryukai-site")
    assert code == 2
    assert "前回の出力はそのままです" in err and "/sys" in err
    assert "ツールの不具合" not in err


def test_disk_full_keeps_the_old_output(valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    assert _build(capsys, valid_root, out)[0] == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    from generator.render import site

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path / "index.html"))

    monkeypatch.setattr(site, "apply_csp", full)
    code, err = _build(capsys, valid_root, out)
    assert code == 2
    assert "ディスクの空きがありません" in err and "前回の出力はそのままです" in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]  # no staging or old folders left


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_parent_is_a_clear_message(valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        code, err = _build(capsys, valid_root, parent / "site")
    finally:
        parent.chmod(0o755)
    assert code == 2 and "書き込む権限がありません" in err and str(parent) in err
    assert list(parent.iterdir()) == []


@pytest.mark.parametrize("where", ["content/evil.md", "content/img/photo.png"])
def test_linked_editorial_file_is_refused(valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    """content/ sits in the same repository: a link there must not publish /proc/self/environ either."""
    import shutil

    from .conftest import REPO

    for folder in ("themes", "content"):
        shutil.copytree(REPO / folder, valid_root / folder)
    shutil.copy(REPO / "mkdocs.yml", valid_root / "mkdocs.yml")
    (valid_root / where).symlink_to("/proc/self/environ")
    code = main(["build", str(valid_root), "--out", str(tmp_path / "site"), "--today", TODAY.isoformat(), "--no-search"])
    out = capsys.readouterr()
    assert code == 1
    if where.endswith(".md"):  # an editorial page is read by the load stage: a located refusal
        assert f"{where}:0:0: error L206 シンボリックリンクは使えません" in out.out
    else:
        assert "リンクや通常でないファイルは使えません" in out.err and str(valid_root / where) in out.err
    assert not (tmp_path / "site").exists()


def test_content_reaches_pages_escaped(valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace(valid_root, MEETING, "title: 第12回 みなと台新現役交流会", 'title: "<script>alert(1)</script>第12回"')
    replace(valid_root, MEETING, "  地域の中小企業5社が、それぞれの課題を発表します。",
            "  [詳しく](javascript:alert(1)) <img src=x onerror=alert(1)> 地域の中小企業5社が発表します。")
    assert _build(capsys, valid_root, tmp_path / "site")[0] == 0
    page = (tmp_path / "site/kanto/minato-shinkin/meetings/2026-12-10/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;第12回" in page
    assert "<script>alert(1)" not in page and 'href="javascript:' not in page and "<img src=x" not in page
