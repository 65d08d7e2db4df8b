"""Strict YAML loading that remembers where every value came from.

Institution staff type these files in a browser. Whatever they write must
either mean exactly what they meant or be refused with a located message, so
this loader is deliberately narrower than YAML:

* UTF-8 only, no BOM, no tabs, no full-width indentation, no control chars;
* one document whose root is a mapping, bounded in size and depth;
* no anchors, aliases, merge keys or explicit tags;
* no duplicate keys;
* YAML 1.2 core scalars only: ``13:30`` stays a string (never 810),
  ``no``/``yes``/``on`` stay strings (never booleans), ``0600001`` stays a
  string (never octal), dates stay strings for the models to parse.

The event stream of PyYAML is walked directly rather than composing nodes,
so anchors and tags are seen before anything is resolved.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic
from .safe_fs import UnsafePath, read_regular

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12
# Wall-clock budget for reading one file. The largest real file parses in
# milliseconds; a file that takes longer is hostile or broken, and a pull
# request check must end with a message rather than hang until its timeout.
PARSE_SECONDS = 2.0

Loc = tuple[int, int]  # 1-based line, column
KeyPath = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_FULLWIDTH_KEY_COLON = re.compile(r"^[ ]*(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_]*[ ]*：")
# Every character PyYAML refuses or counts as a line break besides "\n" (a lone CR, NEL,
# U+2028/9): refused here, on the line an editor shows, before PyYAML counts lines differently.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\r\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# Invisible format characters: bidi embeddings/overrides/isolates can make a
# title read differently from what it is ("Trojan Source"), zero-width ones
# hide inside words and break search. None belongs in a portal's text.
_FORMAT = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_IDEOGRAPHIC_AFTER_COLON = re.compile(r"^[ ]*(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_]*:(\u3000)")
_COMMENT_AFTER = re.compile(r"[ ]+#")
# Any character one of _scan_lines' refusals looks for (a CR only when it ends no line): most files have none,
# and then their lines need not be walked one by one.
_ANY_LINE_PROBLEM = re.compile("[\t\u3000：" + _CONTROL.pattern[1:-1].replace("\\r", "") + _FORMAT.pattern[1:-1] + "]|\r(?!\n)")


@dataclass
class LoadedFile:
    """One file's data and the location of each value and key in it."""

    path: str
    data: dict[str, Any]
    values: dict[KeyPath, Loc] = field(default_factory=dict)
    keys: dict[KeyPath, Loc] = field(default_factory=dict)

    def where(self, path: KeyPath, *, key: bool = False) -> Loc:
        """Best location for a path: the value (or key), else its nearest parent."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


class _Refusal(Exception):
    def __init__(self, line: int, column: int, code: str, ja: str, en: str):
        super().__init__(en)
        self.line, self.column, self.code, self.ja, self.en = line, column, code, ja, en


def _diag(rel: str, line: int, col: int, code: str, ja: str, en: str) -> Diagnostic:
    return Diagnostic(rel, line, col, code, ja, en)


def _line_col_of_offset(raw: bytes, offset: int) -> Loc:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", errors="replace")) + 1


def decode(raw: bytes, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text, refusing anything but BOM-less UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [_diag(
            rel, 1, 1, "Y003",
            "ファイルの先頭に BOM（バイト順マーク）があります。「BOMなしのUTF-8」で保存し直してください",
            "file starts with a byte-order mark; save it as UTF-8 without BOM",
        )]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_diag(
            rel, 1, 1, "Y002",
            "UTF-16 で保存されています。UTF-8 で保存し直してください",
            "file is UTF-16; save it as UTF-8",
        )]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line, col = _line_col_of_offset(raw, exc.start)
        try:
            guess = raw.decode("cp932")
            looks_sjis = bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", guess)) and not re.search(
                r"[\ue000-\uf8ff]", guess)
        except UnicodeDecodeError:
            looks_sjis = False
        if looks_sjis:
            ja = ("文字コードが Shift_JIS（CP932）のようです。エディタで「UTF-8」を選んで"
                  "保存し直してください")
            en = "file looks like Shift_JIS (CP932); save it as UTF-8"
        else:
            ja = "UTF-8 として読めないバイトがあります。UTF-8 で保存し直してください"
            en = "file is not valid UTF-8; save it as UTF-8"
        return None, [_diag(rel, line, col, "Y002", ja, en)]


def _scan_lines(text: str, rel: str) -> list[Diagnostic]:
    """Character-level refusals, each reported on its own line."""
    found: list[Diagnostic] = []
    if not _ANY_LINE_PROBLEM.search(text):
        return found
    # Lines as an editor and PyYAML count them: "\n" (or "\r\n"), never str.splitlines()'s
    # extra breaks (\x1c, \x85, …), which would shift every later line number.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if "\t" in line:
            col = line.index("\t") + 1
            found.append(_diag(
                rel, number, col, "Y004",
                "タブ文字が使われています。タブを半角スペースに置き換えてください",
                "tab character; replace it with spaces",
            ))
        indent = re.match(r"[ \t\u3000-]*", line)
        lead = indent.group(0) if indent else ""
        if "\u3000" in lead:
            found.append(_diag(
                rel, number, lead.index("\u3000") + 1, "Y005",
                "行頭の字下げに全角スペースが使われています。半角スペースに置き換えてください",
                "full-width space used as indentation; use half-width spaces",
            ))
        if _FULLWIDTH_KEY_COLON.match(line):
            found.append(_diag(
                rel, number, line.index("：") + 1, "Y015",
                "項目名の後ろが全角の「：」になっています。半角の「: 」（コロンと半角スペース）にしてください",
                "full-width colon after a key; use a half-width colon and a space",
            ))
        colon_space = _IDEOGRAPHIC_AFTER_COLON.match(line)
        if colon_space:
            found.append(_diag(
                rel, number, colon_space.start(1) + 1, "Y018",
                "項目名の「:」の後ろが全角スペースになっています。半角スペースにしてください",
                "full-width space after the colon; use a half-width space",
            ))
        invisible = _FORMAT.search(line)
        if invisible:
            char = invisible.group(0)
            name = unicodedata.name(char, "FORMAT CHARACTER")
            found.append(_diag(
                rel, number, invisible.start() + 1, "Y019",
                f"見えない書式文字（U+{ord(char):04X} {name}）が含まれています。表示される文字の向きや区切りが"
                "変わってしまうため使えません。その文字を削除してください",
                f"invisible format character U+{ord(char):04X} {name}; delete it",
            ))
        control = _CONTROL.search(line)
        if control:
            found.append(_diag(
                rel, number, control.start() + 1, "Y016",
                f"見えない制御文字（U+{ord(control.group(0)):04X}）が含まれています。その文字を削除してください",
                f"invisible control character U+{ord(control.group(0)):04X}; delete it",
            ))
    return found


def _resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema, minus anything that changes what a person typed."""
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _mark(event: yaml.Event) -> Loc:
    return event.start_mark.line + 1, event.start_mark.column + 1


class _Builder:
    def __init__(self, events: list[yaml.Event], loaded: LoadedFile):
        self.events = events
        self.i = 0
        self.loaded = loaded

    def next(self) -> yaml.Event:
        event = self.events[self.i]
        self.i += 1
        return event

    def check_event(self, event: yaml.Event) -> None:
        line, col = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            raise _Refusal(line, col, "Y008",
                           f"エイリアス（*{event.anchor}）は使えません。同じ内容をそのまま書いてください",
                           "aliases are not allowed; write the value out in full")
        anchor = getattr(event, "anchor", None)
        if anchor:
            raise _Refusal(line, col, "Y008",
                           f"アンカー（&{anchor}）は使えません。「&{anchor}」を削除してください",
                           "anchors are not allowed; remove the anchor")
        tag = getattr(event, "tag", None)
        explicit_tag = tag is not None  # PyYAML leaves tag None unless one was written
        if explicit_tag:
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refusal(line, col, "Y010",
                           f"型指定のタグ（{tag}）は使えません。タグを削除し、文字列は引用符で囲んでください",
                           "explicit tags are not allowed; remove the tag and quote strings instead")

    def value(self, path: KeyPath, depth: int) -> Any:
        event = self.next()
        self.check_event(event)
        loc = _mark(event)
        self.loaded.values[path] = loc
        if depth > MAX_DEPTH:
            raise _Refusal(*loc, "Y013",
                           f"入れ子が深すぎます（{MAX_DEPTH}段まで）。構造を見直してください",
                           f"nesting is deeper than {MAX_DEPTH} levels")
        if isinstance(event, yaml.ScalarEvent):
            if event.style is None:
                return _resolve_plain(event.value)
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(self.events[self.i], yaml.SequenceEndEvent):
                items.append(self.value((*path, len(items)), depth + 1))
            self.next()
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path, depth)
        raise _Refusal(*loc, "Y006", "YAML の構造を読み取れません", "unexpected YAML structure")

    def mapping(self, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Loc] = {}
        while not isinstance(self.events[self.i], yaml.MappingEndEvent):
            key_event = self.next()
            self.check_event(key_event)
            key_loc = _mark(key_event)
            if not isinstance(key_event, yaml.ScalarEvent):
                raise _Refusal(*key_loc, "Y017",
                               "項目名には文字列を書いてください（リストや入れ子は項目名にできません）",
                               "a key must be a plain string")
            key = key_event.value
            if key == "<<" and key_event.style is None:
                raise _Refusal(*key_loc, "Y009",
                               "マージキー（<<）は使えません。必要な項目をそのまま書いてください",
                               "merge keys (<<) are not allowed; write the keys out in full")
            if key in first_seen:
                raise _Refusal(*key_loc, "Y007",
                               f"項目「{key}」が {first_seen[key][0]} 行目にもあります。どちらか一方を削除してください",
                               f"duplicate key '{key}' (first on line {first_seen[key][0]}); remove one")
            first_seen[key] = key_loc
            self.loaded.keys[(*path, key)] = key_loc
            result[key] = self.value((*path, key), depth + 1)
        self.next()
        return result


_SYNTAX_HINTS = (
    ("mapping values are not allowed here",
     "ここでは「:」が使えません。値の中に「: 」がある場合は値全体を \"…\" で囲んでください",
     "a colon is not allowed here; quote the whole value"),
    ("could not find expected ':'",
     "「項目名: 値」の形になっていません。コロンの後に半角スペースを入れてください",
     "expected 'key: value'; put a space after the colon"),
    ("found unexpected end of stream",
     "引用符（\" または '）が閉じられていません",
     "a quote is not closed"),
    ("found character that cannot start any token",
     "ここに書けない文字があります（@ や ` で始まる値は引用符で囲んでください）",
     "a value cannot start with this character; quote it"),
    ("did not find expected key",
     "字下げ（先頭のスペースの数）がそろっていません",
     "indentation does not line up"),
    ("expected <block end>, but found",
     "字下げ（先頭のスペースの数）がそろっていません",
     "indentation does not line up"),
)


_BLOCK = re.compile(r"^(\s*)(?:- )?([^\s#:][^:#]*):\s*[|>][-+0-9]*\s*(?:#.*)?$")


def _unindented_block(text: str, error_line: int) -> tuple[int, str, int] | None:
    """A `key: |` (or `>`) block before the error with a text line not indented deeper than the key.

    PyYAML then reads that line as a new key and fails a few lines further down, far from the
    mistake. Returns (1-based line of the key, the key, 1-based line of the unindented text)."""
    lines = text.splitlines()
    for n in range(min(error_line, len(lines)) - 1, -1, -1):
        m = _BLOCK.match(lines[n])
        if not m:
            continue
        indent = len(m.group(1))
        for k in range(n + 1, min(error_line, len(lines))):
            line = lines[k]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if len(line) - len(line.lstrip(" ")) > indent:
                continue  # still inside the block
            if _KEY.match(line):
                return None  # the block ended at the next key, as it should
            return n + 1, m.group(2).strip(), k + 1
        return None
    return None


_KEY = re.compile(r"^\s*(?:- )?[^\s#][^:#]*:(?:\s|$)")
_NO_SPACE = re.compile(r"^\s*(?:- )?[A-Za-z_][A-Za-z0-9_]*:(?![\s/])\S")


def _missing_space(text: str, error_line: int) -> int | None:
    """The nearest line at or above the error written `key:value` (no space after the colon)."""
    lines = text.splitlines()
    for n in range(min(error_line, len(lines)) - 1, -1, -1):
        if _NO_SPACE.match(lines[n]):
            return n + 1
    return None


def _syntax(rel: str, exc: yaml.MarkedYAMLError, text: str = "") -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    unindented = _unindented_block(text, line)
    if unindented:
        key_line, key, text_line = unindented
        return _diag(rel, text_line, 1, "Y022",
                     f"この行の字下げがありません。「{key}: |」（{key_line}行目）の下の文章は、どの行も行頭に半角スペース2つを入れてください"
                     "（「|」は、次の行から字下げした文章が続くという印です）",
                     f"this line is not indented; every line of the text under '{key}: |' (line {key_line}) needs two spaces")
    no_space = _missing_space(text, line)
    if no_space:
        return _diag(rel, no_space, 1, "Y006", "YAML の書き方に誤りがあります: 「項目名:値」のコロンの後に半角スペースを入れてください（例: capacity: 30）",
                     "YAML syntax: put a space after the colon, e.g. 'capacity: 30'")
    problem = f"{exc.context or ''} {exc.problem or ''}".strip()
    for needle, ja, en in _SYNTAX_HINTS:
        if needle in problem:
            return _diag(rel, line, col, "Y006", f"YAML の書き方に誤りがあります: {ja}", f"YAML syntax: {en}")
    return _diag(rel, line, col, "Y006",
                 "YAML の書き方に誤りがあります。この行と前の行の字下げ・引用符・コロンを確認してください",
                 f"YAML syntax: {problem}")


def _too_deep(event: yaml.Event) -> _Refusal:
    return _Refusal(*_mark(event), "Y013",
                    f"入れ子が深すぎます（{MAX_DEPTH}段まで）。構造を見直してください",
                    f"nesting is deeper than {MAX_DEPTH} levels")


def _read_events(text: str) -> list[yaml.Event]:
    """PyYAML's events, refused as soon as they go too deep, too long or drop text.

    PyYAML's scanner keeps one entry per open flow level and walks them all
    for every token, so 100,000 ``[`` cost time quadratic in the depth before
    any node exists. Events are pulled one at a time and the depth is counted
    here, so a deep file stops after MAX_DEPTH levels: linear in its length.
    """
    try:
        return _events(text, _FAST_LOADER)
    except yaml.YAMLError:
        if _FAST_LOADER is yaml.SafeLoader:
            raise
    # libyaml words its errors differently: a refused file is read again by PyYAML's own
    # parser, so every message and location is the one the tests and docs know.
    return _events(text, yaml.SafeLoader)


# libyaml (C) reads a file about 5 times faster than PyYAML's Python parser, with the same
# events and the same line/column marks (tests/test_loader.py compares them on every data file).
_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _events(text: str, loader: type) -> list[yaml.Event]:
    lines = text.split("\n")
    events: list[yaml.Event] = []
    depth = 0
    deadline = time.perf_counter() + PARSE_SECONDS
    for count, event in enumerate(yaml.parse(text, Loader=loader)):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH + 1:  # the root mapping is level 0 of MAX_DEPTH
                raise _too_deep(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and not event.style:
            event.style = None  # libyaml marks a plain scalar '', PyYAML None
            _check_comment_after(event, lines)
        if count % 256 == 0 and time.perf_counter() > deadline:
            raise _Refusal(*_mark(event), "Y020",
                           f"ファイルの読み込みに時間がかかりすぎます（{PARSE_SECONDS:g} 秒まで）。"
                           "極端に長い行や深い入れ子がないか確認し、内容を分けてください",
                           f"reading this file took longer than {PARSE_SECONDS:g} s; look for very long lines or deep nesting")
        events.append(event)
    return events


def _check_comment_after(event: yaml.ScalarEvent, lines: list[str]) -> None:
    """Refuse `value #text` on one line: YAML drops everything from ' #' on, silently."""
    end = event.end_mark
    if end.line >= len(lines):
        return
    rest = lines[end.line][end.column:]
    match = _COMMENT_AFTER.match(rest)
    if match is None:
        return
    column = end.column + match.end()  # 1-based column of the '#'
    dropped = rest[match.end() - 1:].strip()
    raise _Refusal(end.line + 1, column, "Y021",
                   f"値の後ろの「 #」から先（「{dropped[:30]}」）はコメントとして捨てられ、公開されません。"
                   "# を含めて載せるなら値全体を \"…\" で囲み、メモなら別の行に書いてください",
                   "everything from ' #' on is a comment and is dropped; quote the whole value to keep the '#', "
                   "or put the note on its own line")


def parse(text: str, rel: str) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """Text to data with locations; every refusal comes back as diagnostics."""
    found = _scan_lines(text, rel)
    if found:
        return None, found
    try:
        events = _read_events(text)
    except _Refusal as ref:
        return None, [_diag(rel, ref.line, ref.column, ref.code, ref.ja, ref.en)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax(rel, exc, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors
        return None, [_diag(rel, 1, 1, "Y006", "YAML の書き方に誤りがあります", str(exc))]

    documents = [e for e in events if isinstance(e, yaml.DocumentStartEvent)]
    if len(documents) > 1:
        line, col = _mark(documents[1])
        return None, [_diag(rel, line, col, "Y011",
                            "1つのファイルに複数の文書（---）があります。1ファイル1件にしてください",
                            "more than one YAML document; keep one per file")]
    if not documents or isinstance(events[2], yaml.DocumentEndEvent) or (
        isinstance(events[2], yaml.ScalarEvent) and events[2].style is None
        and _resolve_plain(events[2].value) is None
    ):
        return None, [_diag(rel, 1, 1, "Y014",
                            "ファイルが空です。テンプレートから項目を書き写してください",
                            "file is empty; start from a template")]
    root = events[2]
    if not isinstance(root, yaml.MappingStartEvent):
        line, col = _mark(root)
        return None, [_diag(rel, line, col, "Y012",
                            "ファイル全体が「項目名: 値」の形になっていません。テンプレートの形に合わせてください",
                            "the file's top level must be a mapping of 'key: value' lines")]
    loaded = LoadedFile(path=rel, data={})
    builder = _Builder(events, loaded)
    builder.i = 2
    try:
        loaded.data = builder.value((), 0)
    except _Refusal as ref:
        return None, [_diag(rel, ref.line, ref.column, ref.code, ref.ja, ref.en)]
    return loaded, []


def load_file(path: Path, rel: str, root: Path | None = None) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """Read one YAML file from disk, strictly, never through a link (root: the folder `rel` is relative to)."""
    root = path.parents[len(Path(rel).parts) - 1] if root is None else root
    try:
        raw = read_regular(root, path, MAX_BYTES)
        if len(raw) > MAX_BYTES:
            size = max(len(raw), path.lstat().st_size)
            return None, [_diag(rel, 1, 1, "Y001",
                                f"ファイルが大きすぎます（{size:,} バイト、上限 {MAX_BYTES:,} バイト）。内容を分けてください",
                                f"file is too large ({size} bytes, limit {MAX_BYTES})")]
    except UnsafePath as exc:
        if exc.reason == "link":
            from .discover import link_problem

            return None, [link_problem(rel)]
        return None, [_diag(rel, 0, 0, "Y000",
                            "通常のファイルではないため読めません。実物の YAML ファイルを置いてください",
                            f"not a regular file inside the repository ({exc.reason}); put a real YAML file here")]
    except OSError as exc:
        return None, [_diag(rel, 1, 1, "Y000", "ファイルを読めません", f"cannot read file: {exc.strerror}")]
    text, found = decode(raw, rel)
    if text is None:
        return None, found
    return parse(text, rel)
