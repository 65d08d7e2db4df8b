from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent

INST = "regions/kanto/institutions/minato-shinkin"
MEETING = f"{INST}/meetings/2026-12-10.yml"
CHALLENGE = f"{INST}/challenges/precision-parts.yml"
VETERAN = "regions/kanto/veterans/overseas-sales.yml"


TODAY = date(2026, 11, 26)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need the whole demo site built carry the `site` marker (mutation runs skip them)."""
    for item in items:
        if "demo_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's demo data built once, with search, for today = 2026-11-26."""
    from generator.build import build

    out = tmp_path_factory.mktemp("demo") / "site"
    result = build(REPO, out, today=TODAY)
    assert result.ok, result.message
    return out


@pytest.fixture
def valid_root(tmp_path: Path) -> Path:
    """A private copy of the small valid fixture tree, free to break."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    return root


def replace(root: Path, rel: str, old: str, new: str) -> None:
    """Edit one fixture file in place; fails when the text to replace is not there."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
