"""The national portal's contact desk (issue 18, item 4): regions/national.yml, read strictly with located
messages, printed in the national footer only, and the newcomer's way in described in the guide."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from generator.codeowners import codeowners
from generator.plan import build_plan
from generator.validate import load_dataset

from .conftest import REPO

NATIONAL = "regions/national.yml"
GOOD = "contact:\n  department: 全国窓口\n  email: desk@example.jp\n  url: https://example.jp/contact/\n"


def _diagnostics(root: Path, text: str) -> list[str]:
    (root / NATIONAL).write_text(text, encoding="utf-8")
    return [d.text() for d in load_dataset(root).diagnostics]


CASES = [
    ("contact:\n  department: 全国窓口\n",
     "regions/national.yml:1:1: error S214 全国の問い合わせ先に、連絡の手段がありません。「phone:」「email:」「url:」のどれか1つ以上を"
     "書いてください (the national contact has no way to reach it; add phone, email or url)"),
    ("contact:\n  department: 全国窓口\n  emial: a@example.jp\n",
     "regions/national.yml:3:3: error S103 「emial」という項目はありません。「email」の書き間違いではありませんか"
     " (unknown field 'emial'; did you mean 'email'?)"),
    ("contakt:\n  department: x\n  email: a@example.jp\n",
     "regions/national.yml:1:1: error S103 「contakt」という項目はありません。「contact」の書き間違いではありませんか"
     " (unknown field 'contakt'; did you mean 'contact'?)"),
    ("contact:\n  department: 全国窓口\n  email: a@example.jp\n  url: http://example.jp/\n", "S2"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mistakes_are_located(valid_root: Path, text: str, expected: str) -> None:
    found = _diagnostics(valid_root, text)
    if len(expected) == 2:  # only the family is pinned (the URL rule has its own message tests)
        assert len(found) == 1 and f" error {expected}" in found[0] and found[0].startswith(f"{NATIONAL}:4:")
    else:
        assert expected in found
    assert load_dataset(valid_root).dataset is None  # an error stops the build like any other


def test_a_link_is_refused(valid_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.yml"
    target.write_text(GOOD, encoding="utf-8")
    os.symlink(target, valid_root / NATIONAL)
    assert [d.code for d in load_dataset(valid_root).diagnostics] == ["L206"]


def _national_contact(root: Path) -> tuple[object, object]:
    loaded = load_dataset(root)
    assert loaded.dataset is not None, [d.text() for d in loaded.diagnostics]
    plan = build_plan(loaded.dataset, date(2026, 11, 26))
    shell = {p.url: p.shell for p in plan.pages if p.kind == "home"}
    return shell[""].contact, shell["kanto/"].contact  # type: ignore[union-attr]


def test_national_footer_shows_the_desk_and_regions_keep_theirs(valid_root: Path) -> None:
    assert _national_contact(valid_root)[0] is None  # no file: no desk, no error
    (valid_root / NATIONAL).write_text(GOOD, encoding="utf-8")
    national, region = _national_contact(valid_root)
    assert national is not None and national.department == "全国窓口" and national.email == "desk@example.jp"  # type: ignore[attr-defined]
    assert region is None or region.department != "全国窓口"  # type: ignore[attr-defined]


def test_demo_desk_is_fictional_and_owned_by_sks() -> None:
    text = (REPO / NATIONAL).read_text(encoding="utf-8")
    assert "架空" in text and "example.jp" in text
    loaded = load_dataset(REPO)
    assert loaded.dataset is not None and loaded.dataset.national is not None
    assert "/regions/national.yml @koryukai/sks" in codeowners(loaded.dataset, "@koryukai/sks").splitlines()


def test_built_national_footer_has_the_desk(demo_site: Path) -> None:
    for page in ("index.html", "guide/index.html", "outcomes/index.html"):
        html = (demo_site / page).read_text(encoding="utf-8")
        assert '<h2 class="kk-footer__heading">お問い合わせ</h2>' in html
        assert "national-desk@example.jp" in html, page
    assert "national-desk@example.jp" not in (demo_site / "kanto/index.html").read_text(encoding="utf-8")


def test_guide_says_how_a_newcomer_gets_in() -> None:
    guide = (REPO / "content" / "guide.md").read_text(encoding="utf-8")
    section = guide.split("{#newcomer}", 1)[1].split("\n## ", 1)[0]
    for step in ("全国窓口", "お問い合わせ", "GitHub アカウント名", "region.yml", "institution.yml", "](#institution)"):
        assert step in section, step
    assert "guide.md#newcomer" in (REPO / "content" / "start.md").read_text(encoding="utf-8")
