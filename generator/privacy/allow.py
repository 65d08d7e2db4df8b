"""Reviewed exceptions to the confidentiality check: regions/privacy-allow.yml.

A false alarm (「スズキさんの漬物」 is a product, not a person) is never
silenced in the data file itself, and there is no "ignore" switch: the only
way is one entry in ``regions/privacy-allow.yml``::

    # 守秘義務チェックの例外（SKS が確認して追加します）
    allow:
      - file: regions/kanto/institutions/x/challenges/y.yml
        phrase: "鈴木さん"      # exact phrase as written in the file
        reason: 製品名「スズキさんの漬物」であり人名ではない
        reviewed_by: SKS

An entry silences only findings whose span, as typed, is exactly ``phrase``
in exactly ``file``; every other finding in the same text is still reported.
An entry that silences nothing is reported as 使われていない例外 (a warning), so
stale exceptions do not pile up. An entry may also name an editorial page
(``file: content/about.md``): those pages are checked only after the build
(privacy/built.py), so such an entry is never reported as unused.

Review: the repository's CODEOWNERS gives this one file to SKS, e.g.::

    /regions/privacy-allow.yml  @sks/privacy-reviewers

so an institution can propose an exception in its pull request, but only SKS
can approve it. Keep that line in CODEOWNERS when moving or renaming this file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..loader import LoadedFile, load_file
from .kinds import ALLOW_FILE, ALLOW_UNUSED

ALLOW_PATH = "regions/privacy-allow.yml"
EDITORIAL_PREFIX = "content/"
_FIELDS = {"file": "対象のファイル", "phrase": "例外にする語句", "reason": "理由", "reviewed_by": "確認した人"}


@dataclass(frozen=True)
class Entry:
    file: str
    phrase: str
    reason: str
    reviewed_by: str
    line: int
    column: int


@dataclass
class AllowList:
    """The reviewed exceptions, remembering which of them were needed."""

    entries: tuple[Entry, ...] = ()
    used: set[int] = field(default_factory=set)

    def permits(self, file: str, span: str) -> bool:
        """Whether a finding `span` in `file` is a reviewed exception (and mark it used)."""
        for i, entry in enumerate(self.entries):
            if entry.file == file and entry.phrase == span:
                self.used.add(i)
                return True
        return False

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(sorted({e.phrase for e in self.entries}, key=len, reverse=True))

    def unused(self, known_files: set[str]) -> list[Diagnostic]:
        out = []
        for i, entry in enumerate(self.entries):
            if i in self.used or entry.file.startswith(EDITORIAL_PREFIX):
                continue
            if entry.file not in known_files:
                ja = (f"使われていない例外です。ファイル「{entry.file}」が見つかりません。"
                      "file にはエラー表示と同じ regions/ から始まるパスを書くか、この例外を削除してください")
                en = f"unused exception: file '{entry.file}' not found; fix the path or delete the entry"
            else:
                ja = (f"使われていない例外です。「{entry.file}」に、指摘される語句「{entry.phrase}」がありません。"
                      "本文が直されたのなら、この例外を削除してください")
                en = f"unused exception: no finding '{entry.phrase}' in {entry.file}; delete the entry"
            out.append(Diagnostic(ALLOW_PATH, entry.line, entry.column, ALLOW_UNUSED, ja, en, Severity.WARNING))
        return out


def _problem(source: LoadedFile, path: tuple[str | int, ...], ja: str, en: str, *, key: bool = False) -> Diagnostic:
    line, col = source.where(path, key=key)
    return Diagnostic(ALLOW_PATH, line, col, ALLOW_FILE, ja, en)


def _entry(source: LoadedFile, i: int, item: object) -> tuple[Entry | None, list[Diagnostic]]:
    where = ("allow", i)
    if not isinstance(item, dict):
        return None, [_problem(source, where, "例外は「file:」「phrase:」「reason:」「reviewed_by:」の4項目で書いてください",
                               "each exception is a mapping with file, phrase, reason and reviewed_by")]
    problems = []
    for key in item:
        if key not in _FIELDS:
            problems.append(_problem(source, (*where, key),
                                     f"「{key}」という項目は使えません。使える項目: file、phrase、reason、reviewed_by",
                                     f"unknown key '{key}'; use file, phrase, reason, reviewed_by", key=True))
    values: dict[str, str] = {}
    for key, title in _FIELDS.items():
        value = item.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(_problem(source, where, f"「{key}」（{title}）がありません。追加してください",
                                     f"'{key}' is missing; add it"))
        elif not isinstance(value, str):
            problems.append(_problem(source, (*where, key), f"「{key}」は文字列で書いてください（\"…\" で囲みます）",
                                     f"'{key}' must be text; quote it"))
        else:
            values[key] = value
    if problems:
        return None, problems
    line, col = source.where((*where, "phrase"))
    return Entry(values["file"], values["phrase"], values["reason"], values["reviewed_by"], line, col), []


def load_allow(root: Path) -> tuple[AllowList, list[Diagnostic]]:
    """Read and check regions/privacy-allow.yml (a missing file means no exceptions)."""
    path = root / ALLOW_PATH
    if not path.is_file():
        return AllowList(), []
    source, problems = load_file(path, ALLOW_PATH)
    if source is None:
        return AllowList(), problems
    data = source.data
    for key in data:
        if key != "allow":
            problems.append(_problem(source, (key,), f"「{key}」という項目は使えません。例外は「allow:」の下に並べてください",
                                     f"unknown key '{key}'; list exceptions under 'allow:'", key=True))
    items = data.get("allow")
    if items is None:
        return AllowList(), problems
    if not isinstance(items, list):
        problems.append(_problem(source, ("allow",), "「allow:」の下には「- file: …」の形で例外を並べてください",
                                 "'allow' must be a list of exceptions"))
        return AllowList(), problems
    entries: list[Entry] = []
    seen: dict[tuple[str, str], int] = {}
    for i, item in enumerate(items):
        entry, found = _entry(source, i, item)
        problems += found
        if entry is None:
            continue
        if (entry.file, entry.phrase) in seen:
            problems.append(_problem(source, ("allow", i),
                                     f"同じ例外（{entry.file} の「{entry.phrase}」）が {seen[(entry.file, entry.phrase)]} 行目にもあります。1つにしてください",
                                     f"duplicate exception for '{entry.phrase}' in {entry.file}"))
            continue
        seen[(entry.file, entry.phrase)] = entry.line
        entries.append(entry)
    return AllowList(tuple(entries)), problems
