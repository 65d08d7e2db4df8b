"""Diagnostics: one located problem in a contributor's file, and its output formats."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem a contributor can fix: where it is, what it is, how to fix it.

    ``path`` is relative to the data root and uses ``/``; ``line`` and
    ``column`` are 1-based (0 when the problem is about the whole file).
    """

    path: str
    line: int
    column: int
    code: str
    message_ja: str
    message_en: str
    severity: Severity = Severity.ERROR
    # A follow-on problem: the file whose own error causes this one (fixing that file clears it).
    cause: str | None = None

    def text(self) -> str:
        line = (
            f"{self.path}:{self.line}:{self.column}: {self.severity.value} "
            f"{self.code} {self.message_ja} ({self.message_en})"
        )
        # One problem, one line: contributor text quoted in a message may hold newlines.
        return line.replace("\r", "\\r").replace("\n", "\\n")

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Root causes first (by file and line), then the problems they cause elsewhere."""
    return sorted(set(diagnostics), key=lambda d: (d.cause is not None, d.path, d.line, d.column, d.code, d.message_ja))


def format_text(diagnostics: list[Diagnostic]) -> str:
    return "".join(d.text() + "\n" for d in diagnostics)


def format_json(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    payload = {
        "ok": errors == 0,
        "errors": errors,
        "warnings": len(diagnostics) - errors,
        "diagnostics": [d.as_dict() for d in diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    # GitHub workflow-command escaping: a contributor's text must never end
    # the annotation early or start a new command on a new line.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: list[Diagnostic], touched: frozenset[str] | None = None) -> str:
    """GitHub Actions annotations, then the plain list (Actions shows only 10 per step).

    With `touched` (the files a pull request changed), only those files get annotations; problems
    elsewhere (files that refer to them) are counted in one notice and listed in the plain log."""
    lines = []
    elsewhere = [d for d in diagnostics if touched is not None and d.path not in touched]
    for d in diagnostics:
        if d in elsewhere:
            continue
        props = [f"file={_escape_property(d.path)}"]
        if d.line:
            props.append(f"line={d.line}")
        if d.column:
            props.append(f"col={d.column}")
        props.append(f"title={_escape_property(d.code)}")
        message = f"{d.message_ja} ({d.message_en})"
        lines.append(f"::{d.severity.value} {','.join(props)}::{_escape_data(message)}\n")
    if elsewhere:
        files = sorted({d.path for d in elsewhere})
        lines.append("::notice title=" + _escape_property("ほかのファイル") + "::" + _escape_data(
            f"変更していないファイル {len(files)} 件にも {len(elsewhere)} 件の指摘があります（ログの一覧を参照）。"
            f"多くは変更したファイルのエラーを直すと解消します ({len(elsewhere)} problem(s) in {len(files)} file(s)"
            " this pull request did not change; see the log)") + "\n")
    plain = format_text(diagnostics)
    # The log copy must not be read as commands either.
    safe_plain = "".join(
        ("  " + line if line.startswith("::") else line) for line in plain.splitlines(keepends=True)
    )
    return "".join(lines) + safe_plain
