"""JSON Schema for each file kind, generated from the models.

Editors (VS Code, github.dev) read them through the first line of every data
file, ``# yaml-language-server: $schema=…``, and offer completion and errors
as staff type. The committed copies in schemas/ are checked for staleness by
the tests, so they never drift from the models.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .registry import BY_NAME, KINDS

SCHEMA_DIR = "schemas"
BASE_ID = "https://koryukai.example/schemas/"

def schema_for(kind: str) -> dict[str, Any]:
    schema = BY_NAME[kind].model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}{kind}.schema.json",
        **schema,
        "title": BY_NAME[kind].title,
    }


def render(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_per_kind(folder: Path, suffix: str, text: Callable[[str], str]) -> list[Path]:
    """One generated file per file kind (schemas/, templates/)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / f"{kind.name}{suffix}"
        path.write_text(text(kind.name), encoding="utf-8")
        written.append(path)
    return written


def write_schemas(root: Path) -> list[Path]:
    return write_per_kind(root / SCHEMA_DIR, ".schema.json", render)


def schema_line(kind: str, depth: int) -> str:
    """The editor hint for a data file `depth` folders below the repository root."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{kind}.schema.json"
