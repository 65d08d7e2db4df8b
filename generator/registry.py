"""The record kinds, one entry each: everything that differs from one kind of file to another.

Discovery, validation, the schemas, the templates and `koryukai new`, the
plan and the confidentiality check read this table instead of keeping their
own per-kind lists (datasette's hookspecs.py is the model: one short file,
one line per thing that can vary). What a field may hold is declared on the
field itself (models/, `Privacy`); what to scan is derived from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .models import Challenge, Institution, Meeting, Region, Veteran
from .models.common import Privacy, holds_text, nested_model, privacy_class

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MEETING_ID = re.compile(r"\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)*\Z")

Prompt = tuple[str, str, bool]  # (argument, question, required)


@dataclass(frozen=True)
class RecordKind:
    name: str
    model: type[BaseModel]
    path: str  # where a file lives: {region} {institution} {id}
    id_rule: re.Pattern[str]  # what a file or folder name must look like
    table: str  # the Dataset attribute
    page: str | None  # the template of its detail page
    title: str  # schema title
    intro: str  # first comment of a new file
    prompts: tuple[Prompt, ...]  # `koryukai new` questions
    active: frozenset[str] = frozenset()  # optional fields written out (not commented) in a new file

    @property
    def folder(self) -> str:
        """The folder the files sit in (meetings, challenges, veterans), or the file name (region.yml)."""
        return self.path.split("/")[-2] if "{id}" in self.path else self.path.split("/")[-1]

    @property
    def depth(self) -> int:
        """Folders between the repository root and a file (for the schema line)."""
        return self.path.count("/")

    def key(self, region: str, institution: str | None, id_: str) -> str:
        """A record's key in the Dataset: region[/institution][/id], from names only."""
        if self.name == "region":
            return region
        if self.name == "institution":
            return f"{region}/{institution}"
        return f"{region}/{institution}/{id_}" if "{institution}" in self.path else f"{region}/{id_}"


def _p(arg: str, question: str, required: bool = True) -> Prompt:
    return (arg, question, required)


KINDS: tuple[RecordKind, ...] = (
    RecordKind("region", Region, "regions/{region}/region.yml", SLUG, "regions", None, "地域（region.yml）",
               "地域の設定です。フォルダ名（例: kanto）が地域の ID になります。",
               (_p("id", "地域 ID（半角英小文字、例: kanto）"), _p("name", "地域名（例: 関東）", False)),
               frozenset({"bureau", "description"})),
    RecordKind("institution", Institution, "regions/{region}/institutions/{institution}/institution.yml", SLUG,
               "institutions", None, "機関（institution.yml）",
               "機関の設定です。フォルダ名（例: minatodai-shinkin）が機関の ID になります。",
               (_p("region", "地域 ID（例: kanto）"), _p("id", "機関 ID（半角英小文字、例: minatodai-shinkin）"),
                _p("name", "機関名（例: みなと信用金庫）", False)),
               frozenset({"about", "contact"})),
    RecordKind("meeting", Meeting, "regions/{region}/institutions/{institution}/meetings/{id}.yml", MEETING_ID,
               "meetings", "meeting.html", "新現役交流会（meetings/開催日.yml）",
               "新現役交流会1回分です。ファイル名は開催日にします（例: 2026-12-10.yml）。",
               (_p("institution", "機関（地域/機関、例: kanto/minatodai-shinkin）"), _p("date", "開催日（例: 2026-12-10）"),
                _p("title", "交流会名（例: 第12回 みなと新現役交流会）", False)),
               frozenset({"venue", "organisers", "signup", "capacity", "companies_planned"})),
    # consent_date stays commented in a new challenge or profile: a template must never publish without consent.
    RecordKind("challenge", Challenge, "regions/{region}/institutions/{institution}/challenges/{id}.yml", SLUG,
               "challenges", "challenge.html", "企業の課題（challenges/ID.yml）",
               "事前ヒアリングでまとめた企業の課題です。会社名・人名・連絡先・住所は書きません。",
               (_p("institution", "機関（地域/機関、例: kanto/minatodai-shinkin）"),
                _p("id", "課題 ID（半角英小文字、例: precision-parts）"),
                _p("meeting", "発表する交流会の ID（例: 2026-12-10、なければ空欄）", False))),
    RecordKind("veteran", Veteran, "regions/{region}/veterans/{id}.yml", SLUG, "veterans", "veteran.html",
               "新現役のプロフィール（veterans/ID.yml）",
               "新現役のプロフィールです。氏名・メールアドレス・電話番号は書きません。",
               (_p("region", "地域 ID（例: kanto）"), _p("id", "新現役 ID（半角英小文字、例: overseas-sales）"))),
)

BY_NAME: dict[str, RecordKind] = {k.name: k for k in KINDS}
MODELS: dict[str, type[BaseModel]] = {k.name: k.model for k in KINDS}

FieldPath = tuple[str, ...]  # "*" stands for every item of a list


def text_fields(model: type[BaseModel], prefix: FieldPath = ()) -> dict[FieldPath, Privacy | None]:
    """Every text field of a model and its nested models, with its declared privacy class."""
    out: dict[FieldPath, Privacy | None] = {}
    for name, field in model.model_fields.items():
        nested = nested_model(field.annotation)
        path = (*prefix, name)
        if nested is not None:
            many = "tuple" in str(field.annotation) or "list" in str(field.annotation)
            out.update(text_fields(nested, (*path, "*") if many else path))
        elif holds_text(field.annotation):
            out[path] = privacy_class(field)
    return out


def scanned_fields(model: type[BaseModel]) -> tuple[FieldPath, ...]:
    """Fields the confidentiality check reads: declared PRIVATE, or not declared at all."""
    return tuple(path for path, cls in text_fields(model).items() if cls in (Privacy.PRIVATE, None))


def values_at(data: Any, path: FieldPath, at: FieldPath = ()) -> list[tuple[FieldPath, Any]]:
    """(located path, value) for a field path in a model or in raw YAML data ("*" walks list items)."""
    if not path:
        return [(at, data)]
    head, rest = path[0], path[1:]
    if head == "*":
        items = data if isinstance(data, tuple | list) else ()
        return [found for i, item in enumerate(items) for found in values_at(item, rest, (*at, i))]  # type: ignore[misc]
    value = data.get(head) if isinstance(data, dict) else getattr(data, head, None)
    return [] if value is None else values_at(value, rest, (*at, head))
