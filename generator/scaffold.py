"""Templates and `koryukai new`: a file with every field explained in Japanese.

The templates are generated from the models (titles, descriptions, examples),
so a field added to a model appears in the templates and the schemas at once;
tests check the committed copies under templates/ are current.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .discover import RESERVED_IDS
from .models.common import nested_model
from .registry import BY_NAME, MEETING_ID, SLUG
from .schema import schema_line, write_per_kind

TEMPLATE_DIR = "templates"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    plain = re.fullmatch(r"[^\s#:\[\]{},&*!|>'\"%@`-][^#:\[\]{}]*", text) and not re.fullmatch(
        r"[-+]?[0-9.]+|true|false|null|~|yes|no|on|off", text, re.I)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    return text if plain and not text.endswith(" ") else json.dumps(text, ensure_ascii=False)


def _flow(values: list[Any]) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


EXAMPLE_MARK = "（例）"  # validation refuses any value still starting with it (X330)


def _example(field: Any) -> Any:
    """The field's example as a template shows it (see _example_value)."""
    return _example_value(field, field.examples[0] if field.examples else "")


def _marked(model: type[BaseModel] | None, item: dict[str, Any]) -> dict[str, Any]:
    """A nested example (an organiser, say) with its free-text values marked."""
    if model is None:
        return item
    return {k: (_example_value(model.model_fields[k], v) if k in model.model_fields else v) for k, v in item.items()}


def _example_value(field: Any, value: Any) -> Any:
    """Free text carries EXAMPLE_MARK, so a file made from a template can't pass validation until every
    example is rewritten. Values the field's type would refuse with the mark (prefectures, roles, codes,
    dates, numbers) stay as they are."""
    if not isinstance(value, str) or value.isascii():
        return value
    try:
        TypeAdapter(field.annotation).validate_python(EXAMPLE_MARK + value)
    except ValidationError:
        return value
    return EXAMPLE_MARK + value


def _lines(model: type[BaseModel], values: dict[str, Any] | None, indent: str, active: frozenset[str] | None,
           commented: bool = False) -> list[str]:
    out: list[str] = []
    for name, field in model.model_fields.items():
        required = field.is_required()
        is_active = required or active is None or name in active or bool(values and name in values)
        prefix = indent + ("# " if commented or not is_active else "")
        note = "必須" if required else "任意"
        out.append(f"{indent}# {field.title}（{note}）: {field.description}")
        given = bool(values and name in values)
        value = values[name] if values and given else _example(field)
        nested = nested_model(field.annotation)
        if isinstance(value, dict) and nested is not None:
            out.append(f"{prefix}{name}:")
            out += _lines(nested, value if given else _marked(nested, value), indent + "  ", None, commented or not is_active)
        elif isinstance(value, list) and value and isinstance(value[0], dict) and nested is not None:
            out.append(f"{prefix}{name}:")
            for item in value:
                first = True
                for key, v in (item if given else _marked(nested, item)).items():
                    lead = "  - " if first else "    "
                    out.append(f"{prefix}{lead}{key}: {_scalar(v)}")
                    first = False
        elif isinstance(value, list):
            out.append(f"{prefix}{name}: {_flow(value)}")
        elif isinstance(value, str) and (len(value) > 40 or "\n" in value) and name in {
                "description", "career", "support_wanted", "about"}:
            out.append(f"{prefix}{name}: |")
            for line in value.splitlines() or [""]:
                out.append(f"{prefix}  {line}")
        else:
            text = json.dumps(value) if name in {"start", "end"} else _scalar(value)
            out.append(f"{prefix}{name}: {text}")
    return out


def template(kind: str, values: dict[str, Any] | None = None) -> str:
    """The text of a new file of this kind, with `values` in place of the examples."""
    spec = BY_NAME[kind]
    lines = [
        schema_line(kind, spec.depth),
        f"# {spec.intro}",
        "# 「#」で始まる行は説明です。「# 」で始まる項目は任意です。使うときは先頭の「# 」を消してください。",
        "",
    ]
    lines += _lines(spec.model, values, "", spec.active)
    return "\n".join(lines) + "\n"


def write_templates(root: Path) -> list[Path]:
    return write_per_kind(root / TEMPLATE_DIR, ".yml", template)


@dataclass(frozen=True)
class NewFile:
    path: Path
    rel: str


class ScaffoldError(Exception):
    def __init__(self, ja: str, en: str):
        super().__init__(f"{ja} ({en})")
        self.ja, self.en = ja, en


def _slug(value: str, what: str) -> str:
    if not SLUG.match(value or "") or value in RESERVED_IDS:
        raise ScaffoldError(f"{what}「{value}」は使えません。半角の小文字英数字とハイフンにしてください（例: minatodai-shinkin）",
                            f"invalid {what} id '{value}'")
    return value


def _real_date(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def target(root: Path, kind: str, args: dict[str, str]) -> tuple[Path, dict[str, Any]]:
    """Where the new file goes, and the values that replace the template's examples."""
    values: dict[str, Any] = {}
    if kind == "region":
        rid = _slug(args["id"], "地域 ID")
        return root / "regions" / rid / "region.yml", {"name": args.get("name") or "地域名"}
    if kind == "veteran":
        region = _slug(args["region"], "地域 ID")
        if not (root / "regions" / region / "region.yml").is_file():
            raise ScaffoldError(f"地域「{region}」がありません", f"region '{region}' not found")
        return root / "regions" / region / "veterans" / f"{_slug(args['id'], '新現役 ID')}.yml", values
    if kind == "institution":
        region = _slug(args["region"], "地域 ID")
        if not (root / "regions" / region / "region.yml").is_file():
            raise ScaffoldError(f"地域「{region}」がありません", f"region '{region}' not found")
        inst = _slug(args["id"], "機関 ID")
        if args.get("name"):
            values["name"] = args["name"]
        return root / "regions" / region / "institutions" / inst / "institution.yml", values
    region, _, inst = (args.get("institution") or "").partition("/")
    folder = root / "regions" / region / "institutions" / inst
    if not inst or not (folder / "institution.yml").is_file():
        given = args.get("institution") or ""
        known = sorted(f"{p.parent.parent.parent.name}/{p.parent.name}" for p in root.glob("regions/*/institutions/*/institution.yml"))
        close = [k for k in known if k.endswith("/" + given)] or difflib.get_close_matches(given, known, n=3, cutoff=0.5)
        example = close[0] if close else (known[0] if known else "kanto/minatodai-shinkin")
        hint = f"もしかして: {'、'.join(close)}。" if close else ""
        raise ScaffoldError(f"機関「{given}」がありません。{hint}「地域/機関」の形で指定してください（例: {example}）",
                            f"institution '{given}' not found; use region/institution, e.g. {example}")
    if kind == "meeting":
        day = args.get("date") or ""
        stem = day + (f"-{args['slug']}" if args.get("slug") else "")
        if not MEETING_ID.match(stem) or not _real_date(day):
            raise ScaffoldError("開催日は 2026-12-10 の形で指定してください", "date must be YYYY-MM-DD")
        values["date"] = day
        from datetime import date, timedelta

        held = date.fromisoformat(day)
        values["signup"] = {"url": "https://docs.google.com/forms/d/e/XXXX/viewform",
                            "deadline": (held - timedelta(days=7)).isoformat(),
                            "opens": (held - timedelta(days=40)).isoformat()}
        if args.get("title"):
            values["title"] = args["title"]
        return folder / "meetings" / f"{stem}.yml", values
    if args.get("meeting"):
        values["meeting"] = args["meeting"]
    return folder / "challenges" / f"{_slug(args['id'], '課題 ID')}.yml", values


def create(root: Path, kind: str, args: dict[str, str]) -> NewFile:
    path, values = target(root, kind, args)
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} はすでにあります。別の名前にしてください",
                            f"{path.relative_to(root).as_posix()} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(kind, values), encoding="utf-8")
    return NewFile(path, path.relative_to(root).as_posix())
