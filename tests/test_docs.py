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


# --- field tables and options, datasette-style: the code lists the names, the docs must follow ---

README_ROWS = {"region.yml": "region", "institution.yml": "institution", "交流会": "meeting", "企業の課題": "challenge",
               "新現役": "veteran"}


def _allowed_values(model: type) -> set[str]:
    """Field names at any depth and vocabulary values: what may stand in backticks inside （…）."""
    import typing

    from pydantic import BaseModel

    from generator import vocab
    from generator.models.common import nested_model

    out: set[str] = set(vocab.EMPLOYEE_BANDS)

    def walk(annotation: object) -> None:
        if typing.get_origin(annotation) is typing.Literal:
            out.update(str(a) for a in typing.get_args(annotation))
        for arg in typing.get_args(annotation):
            walk(arg)

    def fields(m: type[BaseModel]) -> None:
        for name, field in m.model_fields.items():
            out.add(name)
            walk(field.annotation)
            nested = nested_model(field.annotation)
            if nested is not None:
                fields(nested)

    fields(model)  # type: ignore[arg-type]
    return out


def test_readme_field_table_lists_every_field() -> None:
    from generator.registry import MODELS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| ([^|`]+?) \| (.+) \|$", readme, re.M)}
    for label, kind in README_ROWS.items():
        row = rows[label]
        top_level = re.findall(r"`([a-z_]+)`", re.sub(r"（[^）]*）", "", row))
        model = MODELS[kind]
        assert sorted(top_level) == sorted(model.model_fields), label
        inside = re.findall(r"`([^`]+)`", "".join(re.findall(r"（[^）]*）", row)))
        assert set(inside) - _allowed_values(model) == set(), label


def _guide_table(heading: str) -> list[str]:
    guide = (REPO / "content" / "guide.md").read_text(encoding="utf-8")
    section = guide.split(heading, 1)[1].split("\n#", 1)[0]
    names = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`([a-z_]+)`", line.split(" | ")[0])
    return names


def test_guide_field_tables_follow_the_models() -> None:
    from generator.models import Institution, Meeting
    from generator.models.meeting import Outcome

    assert sorted(_guide_table("### 3. 内容を書き換える")) == sorted(Meeting.model_fields)
    assert sorted(_guide_table("### 2. institution.yml を作る")) == sorted(Institution.model_fields)
    assert sorted(_guide_table("### 開催後に実績を入れたい")) == sorted(Outcome.model_fields)


def test_every_cli_option_is_documented() -> None:
    import argparse

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    options = {opt for parser in sub.choices.values() for action in parser._actions
               for opt in action.option_strings if opt.startswith("--") and opt != "--help"}
    documented = set(re.findall(r"`(--[a-z-]+)", readme))
    assert sorted(options - documented) == []
    assert sorted(documented - options) == []


def test_design_names_every_file_that_knows_mkdocs() -> None:
    design = (REPO / "docs" / "design.md").read_text(encoding="utf-8")
    section = design.split("### MkDocs を知っているところ", 1)[1].split("\n#", 1)[0]
    listed = set(re.findall(r"^- `([^`]+)`", section, re.M))
    knowing = {p.relative_to(REPO).as_posix() for folder in ("generator", "themes") for p in (REPO / folder).rglob("*")
               if p.is_file() and p.suffix in (".py", ".html", ".js", ".css")
               and "mkdocs" in p.read_text(encoding="utf-8").lower()}
    covered = {f for f in knowing if f in listed or any(f.startswith(d) for d in listed if d.endswith("/"))}
    assert sorted(knowing - covered) == []
    assert all((REPO / path).exists() for path in listed), listed
