"""JSON Schemas: current, documented in Japanese, and agreeing with the loader."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

from generator.discover import discover
from generator.loader import load_file
from generator.models import MODELS
from generator.schema import SCHEMA_DIR, render, schema_line

from .conftest import FIXTURES, REPO


def _schemas() -> dict[str, dict]:
    return {kind: json.loads((REPO / SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")) for kind in MODELS}


def test_committed_schemas_are_current() -> None:
    stale = [kind for kind in MODELS if (REPO / SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8") != render(kind)]
    assert stale == [], "run `koryukai schema` and commit schemas/"


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> None:
    import typing

    seen.add(model)
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            t = stack.pop()
            if isinstance(t, type) and issubclass(t, BaseModel) and t not in seen:
                _models(t, seen)
            stack.extend(typing.get_args(t))


def test_every_field_has_japanese_title_description_and_example() -> None:
    seen: set[type[BaseModel]] = set()
    for model in MODELS.values():
        _models(model, seen)
    missing = []
    for model in seen:
        assert model.__doc__, model
        for name, field in model.model_fields.items():
            for attr in ("title", "description", "examples"):
                value = getattr(field, attr)
                if not value:
                    missing.append(f"{model.__name__}.{name}.{attr}")
            if field.title and not any("\u3040" <= ch <= "\u9fff" for ch in field.title + (field.description or "")):
                missing.append(f"{model.__name__}.{name}: not Japanese")
    assert missing == []


def _data_files(root: Path):
    found, problems = discover(root)
    assert problems == []
    for item in found:
        loaded, errors = load_file(item.path, item.rel)
        assert errors == [], errors
        yield item, loaded


def test_schemas_accept_every_demo_file() -> None:
    schemas = _schemas()
    for item, loaded in _data_files(REPO):
        errors = sorted(jsonschema.Draft202012Validator(schemas[item.kind]).iter_errors(loaded.data), key=str)
        assert errors == [], (item.rel, [e.message for e in errors])


def test_every_data_file_starts_with_its_schema_line() -> None:
    for item, _ in _data_files(REPO):
        first = item.path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_line(item.kind, item.rel.count("/")), item.rel


BROKEN = [
    ("meeting", "start", 1330),
    ("meeting", "start", "1:3"),
    ("meeting", "format", "in-person"),
    ("meeting", "status", "no"),
    ("meeting", "capacity", "30"),
    ("meeting", "capasity", 30),
    ("meeting", "title", None),
    ("meeting", "title", "あ" * 81),
    ("meeting", "date", "2026/12/10"),
    ("meeting", "signup", {"url": "https://docs.google.com/forms/x", "deadline": "2026-12-03", "extra": 1}),
    ("challenge", "employees", 30),
    ("challenge", "industry", "製造"),
    ("challenge", "categories", ["営業"]),
    ("challenge", "categories", []),
    ("challenge", "prefecture", "東京"),
    ("challenge", "engagement", "たまに"),
    ("veteran", "registered", "no"),
    ("veteran", "expertise", ["販路開拓", "販路開拓"]),
    ("region", "prefectures", ["東京"]),
    ("institution", "kind", "信用金庫"),
    ("institution", "website", "http://example.jp/"),
]

FIXTURE = {
    "meeting": "regions/kanto/institutions/minato-shinkin/meetings/2026-12-10.yml",
    "challenge": "regions/kanto/institutions/minato-shinkin/challenges/precision-parts.yml",
    "veteran": "regions/kanto/veterans/overseas-sales.yml",
    "region": "regions/kanto/region.yml",
    "institution": "regions/kanto/institutions/minato-shinkin/institution.yml",
}


@pytest.mark.parametrize(("kind", "key", "value"), BROKEN, ids=[f"{k}.{f}={v!r}"[:40] for k, f, v in BROKEN])
def test_schema_rejects_what_the_loader_rejects(kind: str, key: str, value: object) -> None:
    loaded, _ = load_file(FIXTURES / "valid" / FIXTURE[kind], FIXTURE[kind])
    assert loaded is not None
    data = copy.deepcopy(loaded.data)
    if key == "title" and value is None:
        del data["title"]
    else:
        data[key] = value
    assert not jsonschema.Draft202012Validator(_schemas()[kind]).is_valid(data)
    # ...and the models refuse it too
    with pytest.raises(ValidationError):
        MODELS[kind].model_validate(data)
