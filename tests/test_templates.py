"""Templates print views: they get `view`, `shell` and `link` only, and compute nothing.

Keeping them plain Jinja2 that MiniJinja can also run keeps the renderer
replaceable (Zensical, ProperDocs) after Material for MkDocs ends.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

from jinja2 import Environment

from generator.plan import build_plan
from generator.render.pages import PageRenderer
from generator.validate import load_dataset

from .conftest import REPO

TEMPLATES = REPO / "themes" / "templates"
TODAY = date(2026, 11, 26)


def test_templates_receive_only_views_and_a_link_helper(tmp_path: Path) -> None:
    loaded = load_dataset(REPO)
    assert loaded.dataset is not None
    plan = build_plan(loaded.dataset, TODAY)
    renderer = PageRenderer(plan, REPO / "themes", {})
    plain = Environment()
    # Nothing of ours is registered: no filters, tests or globals beyond Jinja's own.
    assert set(renderer.env.filters) == set(plain.filters)
    assert set(renderer.env.globals) == set(plain.globals)
    assert set(renderer.env.tests) == set(plain.tests)
    kinds = set()
    for page in (*plan.pages, plan.not_found):
        context = renderer.context(page)
        assert set(context) == {"view", "shell", "link"}
        assert type(context["view"]).__module__ == "generator.plan.views"
        assert type(context["shell"]).__module__ == "generator.plan.views"
        kinds.add(type(context["view"]).__name__)
    assert len(kinds) >= 10


# What a template may not do: call Python (methods, our filters), build or grow lists, index data.
FORBIDDEN = [
    (re.compile(r"(?<!\bui)\.\w+\("), "a method call"),
    (re.compile(r"\|\s*(jp_date|jp_month|time_range|percent|md|plain|replace|select|reject|map|sum|sort|unique|list)\b"),
     "a computing filter"),
    (re.compile(r"\{%-?\s*set\s+\w+\s*=\s*\["), "building a list"),
    (re.compile(r"\b(ds|plan|vocab|dataset|record|model)\."), "reaching into data"),
    (re.compile(r"\[\s*\d*\s*:\s*\d*\s*\]"), "slicing"),
]
# Calls that are allowed: the link helper, and macros of _macros.html (`ui.x(…)` or a macro calling another).
CALL = re.compile(r"(\w+(?:\.\w+)?)\(")
MACROS = set(re.findall(r"\{% macro (\w+)\(", (TEMPLATES / "_macros.html").read_text(encoding="utf-8")))


def test_templates_compute_nothing() -> None:
    problems = []
    for path in sorted(TEMPLATES.glob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        for code in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text, flags=re.S):
            for pattern, what in FORBIDDEN:
                if pattern.search(code):
                    problems.append(f"{path.name}: {what}: {code}")
            for name in CALL.findall(code):
                if name == "link" or name.removeprefix("ui.") in MACROS:
                    continue
                problems.append(f"{path.name}: call to {name}: {code}")
    assert problems == []


def test_render_and_index_never_touch_the_raw_dataset() -> None:
    """Architecture: render/, index.py and outputs/ (calendars, feeds, open data, flyers: the stage after
    render) import no dataset, model or loader and read no `.dataset`; outputs reads the plan's exports."""
    banned_modules = {"dataset", "models", "validate", "loader", "checks", "discover"}
    files = [*sorted((REPO / "generator" / "render").glob("*.py")), REPO / "generator" / "index.py",
             *sorted((REPO / "generator" / "outputs").glob("*.py"))]
    assert len(files) > 10
    problems = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = set(node.module.split("."))
                if parts & banned_modules:
                    problems.append(f"{path.name}: from {node.module}")
            elif isinstance(node, ast.Import):
                problems += [f"{path.name}: import {a.name}" for a in node.names if set(a.name.split(".")) & banned_modules]
            elif isinstance(node, ast.Attribute) and node.attr in ("dataset", "model", "record"):
                problems.append(f"{path.name}:{node.lineno}: .{node.attr}")
    assert problems == []
