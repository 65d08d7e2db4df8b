"""Turn pydantic's validation errors into located Japanese diagnostics.

Every message names the field (Japanese title and key), says what is wrong
and what to write instead; the English text follows for tools and reviewers.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from pydantic import BaseModel, ValidationError

from . import vocab
from .diagnostics import Diagnostic
from .loader import LoadedFile
from .models.common import nested_model

# Stable codes for the errors the field types raise (see models/common.py).
CUSTOM_CODES = {
    "date_format": "S201", "date_invalid": "S202", "time_format": "S203", "time_invalid": "S204",
    "single_line": "S205", "blank": "S206", "duplicate_item": "S207", "url_chars": "S208",
    "url_scheme": "S209", "url_userinfo": "S210", "url_host": "S211", "color_format": "S212",
    "color_contrast": "S213",
}


def _field_info(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[type[BaseModel] | None, str | None]:
    """The model that owns the last key of loc, and that key's Japanese title."""
    current: type[BaseModel] | None = model
    title = None
    for part in loc:
        if current is None or not isinstance(part, str):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return current, None
        title = field.title
        nested = nested_model(field.annotation)
        if nested is None:
            return current, title
        current = nested
    return current, title


def field_label(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    """「開始時刻（start）」 and 'start': how every message names a field."""
    keys = [str(p) for p in loc if isinstance(p, str)]
    if not keys:
        return "ファイル", "file"
    _, title = _field_info(model, loc)
    dotted = ".".join(keys)
    return (f"「{title}（{dotted}）」" if title else f"「{dotted}」"), f"'{dotted}'"


def _expected_values(expected: str) -> list[str]:
    return re.findall(r"'([^']*)'", expected)


def _band_for(value: Any, options: list[str]) -> str | None:
    """For a head count typed where a band is wanted, the band that holds it."""
    if set(options) != set(vocab.EMPLOYEE_BANDS):
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip().rstrip("名人")
    if not text.isdigit():
        return None
    count = int(text)
    for band in vocab.EMPLOYEE_BANDS:
        low, _, high = band.partition("-")
        if int(low) <= count and (not high or count <= int(high)):
            return band
    return None


def _describe_input(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def _data_loc(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """Drop pydantic's internal loc parts (validator names) that are not data keys."""
    out: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not out[-1:] == [part]:
            out.append(part)  # a missing key: keep it for the message
            node = None
    return tuple(out)


def _at_path(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _emptied_parent(owner: type[BaseModel] | None, data: Any, key: str) -> str | None:
    """The empty block field (written as `name:` with nothing under it) that has `key` among its own fields."""
    if owner is None or not isinstance(data, dict):
        return None
    for name, field in owner.model_fields.items():
        nested = nested_model(field.annotation)
        if name in data and data[name] is None and nested is not None and key in nested.model_fields:
            return name
    return None


def translate(model: type[BaseModel], exc: ValidationError, loaded: LoadedFile) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for err in exc.errors(include_url=False):
        loc = _data_loc(tuple(err["loc"]), loaded.data)
        kind = err["type"]
        ctx = err.get("ctx") or {}
        value = err.get("input")
        label_ja, label_en = field_label(model, loc)
        line, col = loaded.where(loc)
        code = "S100"

        if "ja" in ctx:
            code = CUSTOM_CODES.get(kind, "S101")
            ja, en = f"{label_ja}: {ctx['ja']}", f"{label_en}: {ctx['en']}"
        elif kind == "missing":
            code = "S102"
            line, col = loaded.where(loc[:-1], key=True) if len(loc) > 1 else (1, 1)
            ja = f"必須の項目 {label_ja} がありません。追加してください"
            en = f"required field {label_en} is missing; add it"
        elif kind == "extra_forbidden":
            code = "S103"
            owner, _ = _field_info(model, loc[:-1]) if len(loc) > 1 else (model, None)
            key = str(loc[-1])
            line, col = loaded.where(loc, key=True)
            allowed = list(owner.model_fields) if owner else []
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            parent = _emptied_parent(owner, _at_path(loaded.data, loc[:-1]), key)
            if parent:
                # An uncommented block whose lines lost their indent: `outcome:` then `companies: 5`.
                ja = (f"「{key}」は「{parent}」の中の項目です。「{parent}:」の下の行は、"
                      f"行頭に半角スペース2つを入れて字下げしてください")
                en = f"'{key}' belongs inside '{parent}'; indent the lines under '{parent}:' by two spaces"
            elif close:
                ja = f"「{key}」という項目はありません。「{close[0]}」の書き間違いではありませんか"
                en = f"unknown field '{key}'; did you mean '{close[0]}'?"
            else:
                ja = f"「{key}」という項目はありません。使える項目: {', '.join(allowed)}"
                en = f"unknown field '{key}'; allowed: {', '.join(allowed)}"
        elif kind in ("string_type", "string_too_short") and (value is None or value == ""):
            code = "S104"
            ja = f"{label_ja} が空です。値を書いてください"
            en = f"{label_en} is empty"
        elif kind == "string_type":
            code = "S105"
            ja = f"{label_ja} は文字列で書いてください（数字や true/false だけの場合は \"…\" で囲みます）"
            en = f"{label_en} must be text; quote it"
        elif kind == "string_too_long":
            code = "S106"
            ja = f"{label_ja} が長すぎます（{ctx.get('max_length')}文字まで、いま{len(str(value))}文字）。短くしてください"
            en = f"{label_en} is too long ({len(str(value))} > {ctx.get('max_length')} characters)"
        elif kind in ("int_type", "int_parsing", "int_from_float"):
            code = "S107"
            if isinstance(value, str) and unicodedata.normalize("NFKC", value).strip().isdigit():
                number = int(unicodedata.normalize("NFKC", value))
                ja = f"{label_ja} は数なので、引用符を付けず半角で {number} と書いてください"
                en = f"{label_en} is a number; write {number} without quotes"
            else:
                ja = f"{label_ja} は半角の整数で書いてください（「{_describe_input(value)}」は数として読めません）"
                en = f"{label_en} must be a whole number"
        elif kind in ("bool_type", "bool_parsing"):
            code = "S108"
            ja = f"{label_ja} は true か false で書いてください（「{_describe_input(value)}」は使えません）"
            en = f"{label_en} must be true or false"
        elif kind == "literal_error":
            code = "S109"
            options = _expected_values(str(ctx.get("expected", "")))
            close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
            starts = [o for o in options if str(value) and o.startswith(str(value))]
            hint = starts[0] if len(starts) == 1 else (close[0] if close else None)
            band = _band_for(value, options)
            shown = "、".join(options) if len(options) <= 12 else "、".join(options[:12]) + " など"
            if band:
                count = str(value).removesuffix("名").removesuffix("人")
                ja = (f"{label_ja} は正確な人数ではなく幅で書きます。{count}名なら「{band}」です"
                      f"（選べる値: {'、'.join(options)}）")
                en = f"{label_en} takes a band, not a count; for {count} write '{band}'"
            elif hint:
                ja = f"{label_ja} に「{_describe_input(value)}」は使えません。「{hint}」ではありませんか"
                en = f"{label_en}: '{_describe_input(value)}' is not allowed; did you mean '{hint}'?"
            else:
                ja = f"{label_ja} に「{_describe_input(value)}」は使えません。次から選んでください: {shown}"
                en = f"{label_en}: '{_describe_input(value)}' is not allowed; choose one of: {', '.join(options)}"
        elif kind in ("too_short",):
            code = "S110"
            ja = f"{label_ja} を {ctx.get('min_length')} 個以上書いてください"
            en = f"{label_en} needs at least {ctx.get('min_length')} item(s)"
        elif kind in ("too_long",):
            code = "S110"
            ja = f"{label_ja} は {ctx.get('max_length')} 個までにしてください"
            en = f"{label_en} allows at most {ctx.get('max_length')} items"
        elif kind in ("greater_than_equal", "less_than_equal"):
            code = "S111"
            bound = ctx.get("ge", ctx.get("le"))
            word = "以上" if kind == "greater_than_equal" else "以下"
            ja = f"{label_ja} は {bound} {word}の数にしてください"
            en = f"{label_en} must be {'>=' if word == '以上' else '<='} {bound}"
        elif kind in ("tuple_type", "list_type"):
            code = "S112"
            ja = f"{label_ja} はリストで書いてください（各行を「- 」で始めるか、[a, b] の形）"
            en = f"{label_en} must be a list"
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            code = "S113"
            ja = f"{label_ja} は字下げした「項目名: 値」の形で書いてください"
            en = f"{label_en} must be a mapping of 'key: value' lines"
        elif kind == "string_pattern_mismatch":
            code = "S114"
            ja = f"{label_ja} の形式が正しくありません（「{_describe_input(value)}」）。説明の例にならって書いてください"
            en = f"{label_en} has the wrong format"
        else:
            ja = f"{label_ja} の値が正しくありません（{err['msg']}）"
            en = f"{label_en}: {err['msg']}"
        found.append(Diagnostic(loaded.path, line, col, code, ja, en))
    return found
