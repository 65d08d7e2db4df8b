"""One registry of record kinds; every text field says what it may hold, and the scan follows."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import Field

from generator import registry
from generator.models import Challenge
from generator.models.common import PUBLIC, Line, Privacy
from generator.registry import KINDS, scanned_fields, text_fields
from generator.validate import load_dataset

from .conftest import CHALLENGE, replace


def test_every_text_field_declares_its_privacy_class() -> None:
    """A reviewer sees the decision on the field itself: private free text, public detail or code."""
    undeclared = [f"{kind.name}.{'.'.join(path)}" for kind in KINDS
                  for path, cls in text_fields(kind.model).items() if cls is None]
    assert undeclared == []


def test_scanned_fields_are_the_private_ones() -> None:
    for kind in KINDS:
        declared = text_fields(kind.model)
        assert set(scanned_fields(kind.model)) == {p for p, cls in declared.items() if cls in (Privacy.PRIVATE, None)}
    # At least the free-text fields the hand-kept list used to name (before the classes existed).
    before = {
        "region": {("description",)},
        "institution": {("about",)},
        "meeting": {("title",), ("online",), ("status_note",), ("description",)},
        "challenge": {("title",), ("description",), ("support_wanted",)},
        "veteran": {("headline",), ("career",), ("availability",)},
    }
    for kind in KINDS:
        assert before[kind.name] <= set(scanned_fields(kind.model)), kind.name
    # Public details and codes are never scanned as prose.
    assert ("venue", "name") not in scanned_fields(registry.BY_NAME["meeting"].model)
    assert ("website",) not in scanned_fields(registry.BY_NAME["institution"].model)


class WithNote(Challenge):
    note: Line | None = Field(None, title="メモ", description="新しい自由記述欄（宣言なし）")
    shown: Annotated[Line | None, PUBLIC] = Field(None, title="公開の名前", description="公開を前提とした欄")


def test_a_new_undeclared_text_field_is_scanned(valid_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody has to remember a list in privacy/: a field added without a declaration is checked."""
    assert ("note",) in scanned_fields(WithNote) and ("shown",) not in scanned_fields(WithNote)
    monkeypatch.setitem(registry.BY_NAME, "challenge", dataclasses.replace(registry.BY_NAME["challenge"], model=WithNote))
    replace(valid_root, CHALLENGE, "consent_date: 2026-11-01", "consent_date: 2026-11-01\nnote: 担当は 045-123-4567 まで")
    loaded = load_dataset(valid_root)
    found = [d.text() for d in loaded.diagnostics]
    assert found == [
        f"{CHALLENGE}:11:11: error P501 「メモ（note）」: 電話・FAX番号「045-123-4567」は載せられません。"
        "削除してください（連絡は機関の窓口か申込フォームで受けます） ('note': phone or fax number '045-123-4567'"
        " must not be published; delete it (contact goes through the institution or a form))"
    ]


def test_each_kind_has_its_folder_id_rule_page_and_prompts() -> None:
    assert [(k.name, k.folder, k.depth, k.page) for k in KINDS] == [
        ("region", "region.yml", 2, None), ("institution", "institution.yml", 4, None),
        ("meeting", "meetings", 5, "meeting.html"), ("challenge", "challenges", 5, "challenge.html"),
        ("veteran", "veterans", 3, "veteran.html"),
    ]
    assert registry.BY_NAME["meeting"].id_rule.match("2026-12-10-online")
    assert not registry.BY_NAME["challenge"].id_rule.match("Precision_Parts")
    assert registry.BY_NAME["meeting"].key("kanto", "minato", "2026-12-10") == "kanto/minato/2026-12-10"
    assert registry.BY_NAME["veteran"].key("kanto", None, "sales") == "kanto/sales"
    assert all(k.prompts and k.prompts[0][2] for k in KINDS)
