"""Every code a contributor can see is documented; the README's commands exist."""

from __future__ import annotations

import re

from generator.cli import build_parser

from .conftest import REPO


def test_every_diagnostic_code_is_documented() -> None:
    used = set()
    for path in (REPO / "generator").rglob("*.py"):
        used |= set(re.findall(r'"([YSLXP]\d{3})"', path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"^\| ([YSLXP]\d{3}) \|", (REPO / "docs" / "errors.md").read_text(encoding="utf-8"), re.M))
    assert sorted(used - documented) == []
    assert sorted(documented - used) == []


def test_readme_commands_exist() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = set(re.findall(r"`koryukai ([a-z]+)", readme))
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert commands <= set(sub.choices), commands - set(sub.choices)
    assert "make preview" in readme and "make test" in readme
