"""The diagnostic line formats: one problem per line, nothing a contributor's text can forge."""

from __future__ import annotations

import json

from generator.diagnostics import Diagnostic, Severity, format_github, format_json, sort_diagnostics


def test_text_is_one_line_whatever_the_message_holds() -> None:
    d = Diagnostic("regions/a.yml", 2, 3, "S103", "「a\r\nb」という項目", "unknown 'a\nb'")
    assert d.text() == "regions/a.yml:2:3: error S103 「a\\r\\nb」という項目 (unknown 'a\\nb')"


def test_json_report() -> None:
    warning = Diagnostic("regions/a.yml", 1, 1, "X320", "同意日がありません", "no consent", Severity.WARNING)
    report = json.loads(format_json([warning]))
    assert report == {"ok": True, "errors": 0, "warnings": 1, "diagnostics": [{
        "path": "regions/a.yml", "line": 1, "column": 1, "code": "X320", "message_ja": "同意日がありません",
        "message_en": "no consent", "severity": "warning", "cause": None}]}
    error = Diagnostic("regions/a.yml", 1, 1, "S103", "項目", "field")
    assert json.loads(format_json([warning, error]))["ok"] is False
    assert "同意日がありません" in format_json([warning])  # readable Japanese, not \\u escapes


def test_github_escapes_carriage_returns_and_keeps_log_lines_inert() -> None:
    d = Diagnostic("::error file=x.yml::forged", 1, 1, "S103", "a\rb%", "x")
    out = format_github([d]).splitlines()
    assert out[0].endswith("::a%0Db%25 (x)")
    assert out[1].startswith("  ::error file=x.yml::forged:1:1:")  # the plain copy can't start a command


def test_sorting_puts_causes_before_consequences() -> None:
    follow = Diagnostic("regions/a/challenges/a.yml", 1, 1, "X313", "先に", "first", cause="regions/z.yml")
    cause = Diagnostic("regions/z.yml", 9, 1, "Y022", "字下げ", "indent")
    later = Diagnostic("regions/z.yml", 2, 5, "S103", "項目", "field")
    assert sort_diagnostics([follow, cause, later, cause]) == [later, cause, follow]
