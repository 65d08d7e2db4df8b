"""The line and column of a finding inside a field's value, as the contributor sees the file.

The loader records where each value starts. A plain or quoted scalar starts on
its key's line; a ``|`` or ``>`` block starts on the next line; a long plain
scalar may continue over several lines. Rather than re-deriving YAML's
folding rules, we look for the span as typed in the raw lines that belong to
the value (from its start to the next line indented like its key): the n-th
occurrence in the value is the n-th occurrence in those lines. When that
fails (a span across a line break, an escape in a double-quoted string) the
field's own location is used.
"""

from __future__ import annotations

from ..loader import KeyPath, LoadedFile

Loc = tuple[int, int]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def locate(lines: list[str] | None, source: LoadedFile, path: KeyPath, value: str, start: int, span: str) -> Loc:
    """Location of value[start:start+len(span)] in the file, else of the field."""
    line, col = source.where(path)
    if not lines or not span or "\n" in span or line > len(lines):
        return line, col
    key_line, key_col = source.where(path, key=True)
    nth = value.count(span, 0, start)
    seen = 0
    for number in range(line, len(lines) + 1):
        text = lines[number - 1]
        if number > max(line, key_line) and text.strip() and not text.lstrip().startswith("#") and _indent(text) < key_col:
            break  # the next key: the value has ended
        at = text.find(span, col - 1 if number == line else 0)
        while at >= 0:
            if seen == nth:
                return number, at + 1
            seen += 1
            at = text.find(span, at + 1)
    return line, col
