"""Reserved ids come from the same list the URL scheme is built from (generator/url_scheme.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.plan import build_plan, list_url
from generator.url_scheme import RESERVED_IDS
from generator.validate import load_dataset

from .conftest import REPO, TODAY


def test_every_fixed_url_segment_is_reserved() -> None:
    """A segment of a planned URL is either a contributor's id or a reserved name, never both."""
    dataset, _ = load_dataset(REPO)
    assert dataset is not None
    ids = {*dataset.regions, *(k.split("/")[1] for k in dataset.institutions),
           *(k.rsplit("/", 1)[1] for k in [*dataset.meetings, *dataset.challenges, *dataset.veterans])}
    plan = build_plan(dataset, TODAY)
    fixed = {segment for page in plan.pages for segment in page.url.strip("/").split("/")
             if segment and segment not in ids and not re.fullmatch(r"\d+", segment)}
    assert fixed and fixed <= RESERVED_IDS, fixed - RESERVED_IDS
    assert not ids & RESERVED_IDS


def test_every_name_a_build_writes_at_its_root_is_reserved(demo_site: Path) -> None:
    dataset, _ = load_dataset(REPO)
    assert dataset is not None
    names = {p.name.split(".")[0] for p in demo_site.iterdir() if not p.name.startswith(".")}
    assert names - set(dataset.regions) <= RESERVED_IDS, names - set(dataset.regions) - RESERVED_IDS


def test_a_list_page_outside_the_shared_list_is_refused() -> None:
    with pytest.raises(ValueError, match=r"url_scheme\.LIST_PAGES"):
        list_url("kanto", "events")
