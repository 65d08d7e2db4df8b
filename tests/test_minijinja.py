"""The renderer seam: every template prints the same page under MiniJinja (Zensical's engine).

Material for MkDocs ends in 2027; its successor Zensical renders with MiniJinja,
which cannot call Python from a template. Templates that only print views run
unchanged there. MiniJinja escapes "/" as &#x2f;, so pages are compared after
resolving character references.
"""

from __future__ import annotations

import html
from datetime import date

import minijinja

from generator.plan import build_plan
from generator.render.pages import PageRenderer
from generator.validate import load_dataset

from .conftest import REPO

TEMPLATES = REPO / "themes" / "templates"


def _load(name: str) -> str | None:
    path = TEMPLATES / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def test_every_page_renders_the_same_under_minijinja() -> None:
    loaded = load_dataset(REPO)
    assert loaded.dataset is not None
    plan = build_plan(loaded.dataset, date(2026, 11, 26))
    renderer = PageRenderer(plan, REPO / "themes", {})
    mini = minijinja.Environment(loader=_load, auto_escape_callback=lambda name: True, trim_blocks=True,
                                 lstrip_blocks=True, undefined_behavior="strict")
    different = []
    renders = 0
    for page in (*plan.pages, plan.not_found):
        if page.kind == "content":
            continue
        context = renderer.context(page)
        for name in (page.template, "_head.html", "_header.html", "_footer.html"):
            jinja = renderer.env.get_template(name).render(context)
            other = mini.render_template(name, **context)
            renders += 1
            if html.unescape(jinja) != html.unescape(other):
                different.append((page.url, name))
    assert different == []
    assert renders > 600
