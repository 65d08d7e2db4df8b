"""Field types shared by the file kinds, each with the message its misuse earns."""

from __future__ import annotations

import re
import typing
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
)
from pydantic_core import PydanticCustomError

from .. import vocab
from ..diagnostics import Severity


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside a field's annotation (Venue | None, tuple[Organiser, ...]), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = nested_model(arg)
        if found:
            return found
    return None


class Privacy(StrEnum):
    """What a text field may hold, declared beside the field: the confidentiality check reads it.

    A text field without a declaration is treated as PRIVATE (scanned), so a new
    free-text field is checked by default; tests/test_registry.py asks every
    field of the registered models to say which it is.
    """

    PRIVATE = "private"  # free text staff type: may leak a name or a phone number, so it is scanned
    PUBLIC = "public"  # published on purpose (institution names, contact desks, venues, form links): not scanned
    CODE = "code"  # ids, codes, host names, times, colours: not prose


PRIVATE, PUBLIC, CODE = Privacy.PRIVATE, Privacy.PUBLIC, Privacy.CODE


def _privacy_in(annotation: Any) -> Privacy | None:
    for item in getattr(annotation, "__metadata__", ()):
        if isinstance(item, Privacy):
            return item
    for arg in typing.get_args(annotation):
        found = _privacy_in(arg)
        if found is not None:
            return found
    return None


def privacy_class(field: Any) -> Privacy | None:
    """The declared class of a model field (None when undeclared)."""
    for item in field.metadata:
        if isinstance(item, Privacy):
            return item
    return _privacy_in(field.annotation)


def holds_text(annotation: Any) -> bool:
    """Whether a field's annotation holds free strings (not a vocabulary, not a nested model)."""
    if annotation is str:
        return True
    if typing.get_origin(annotation) is Literal or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return False
    return any(holds_text(arg) for arg in typing.get_args(annotation) if not isinstance(arg, str))


@dataclass(frozen=True)
class Problem:
    """A rule about one file that spans several of its fields, found after the fields passed."""

    path: tuple[str | int, ...]  # where to point: a value, or the key when `key` is set
    code: str
    ja: str
    en: str
    severity: Severity = Severity.ERROR
    key: bool = False


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    def post_validation(self) -> list[Problem]:
        """Rules about this file alone that relate several fields (a post-validation step).

        They sit beside the fields they read, in the model, but run after the
        model accepted the file: every such problem is reported in one run,
        warnings are possible, and a meeting with an end time before its start
        still exists for the files that point at it. Rules across files stay in
        checks.py.
        """
        return []


def fail(code: str, ja: str, en: str) -> PydanticCustomError:
    """A validation error carrying both languages (see errors_ja)."""
    return PydanticCustomError(code, en, {"ja": ja, "en": en})


# --- dates and times -------------------------------------------------------

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_DATE_OTHER = re.compile(r"(\d{4})\s*[/.年]\s*(\d{1,2})\s*[/.月]\s*(\d{1,2})\s*日?\Z")
_TIME = re.compile(r"(\d{1,2}):(\d{2})\Z")
_DASHES = str.maketrans({"ー": "-", "−": "-", "‐": "-", "―": "-", "ｰ": "-", "–": "-", "—": "-"})


def _normalise_digits(value: str) -> str:
    # Full-width digits, colons and hyphens are what a Japanese IME types; take them.
    return unicodedata.normalize("NFKC", value).translate(_DASHES).strip()


def parse_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise fail("date_format", "日付は 2026-12-10 のように「年-月-日」で書いてください",
                   "write the date as YYYY-MM-DD, e.g. 2026-12-10")
    text = _normalise_digits(value)
    match = _DATE.match(text)
    other = _DATE_OTHER.match(text)
    if not match and other:
        y, m, d = other.groups()
        raise fail("date_format",
                   f"日付は「{y}-{int(m):02d}-{int(d):02d}」のように「年-月-日」で書いてください",
                   f"write the date as YYYY-MM-DD, e.g. {y}-{int(m):02d}-{int(d):02d}")
    if not match:
        raise fail("date_format", "日付は 2026-12-10 のように「年-月-日」で書いてください",
                   "write the date as YYYY-MM-DD, e.g. 2026-12-10")
    y, m, d = (int(g) for g in match.groups())
    try:
        return date(y, m, d)
    except ValueError:
        raise fail("date_invalid", f"{y}年{m}月{d}日 という日付はありません。日付を確認してください",
                   f"{y}-{m:02d}-{d:02d} is not a real date") from None


def parse_time(value: Any) -> str:
    if isinstance(value, int):
        # Only reachable when someone wrote 1330 or 13 without a colon.
        raise fail("time_format", "時刻は \"13:30\" のように「時:分」で書いてください",
                   "write the time as HH:MM, e.g. \"13:30\"")
    if not isinstance(value, str):
        raise fail("time_format", "時刻は \"13:30\" のように「時:分」で書いてください",
                   "write the time as HH:MM, e.g. \"13:30\"")
    text = _normalise_digits(value)
    match = _TIME.match(text)
    if not match:
        raise fail("time_format", f"「{value}」は時刻として読めません。\"13:30\" のように「時:分」で書いてください",
                   f"'{value}' is not a time; write HH:MM, e.g. \"13:30\"")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        raise fail("time_invalid", f"「{value}」という時刻はありません（00:00〜23:59）",
                   f"'{value}' is not a valid time (00:00-23:59)")
    return f"{hours:02d}:{minutes:02d}"


# The schema admits what the models accept: full-width digits and colons are normalised.
TIME_PATTERN = r"^[0-9０-９]{1,2}[:：][0-9０-９]{2}$"
DATE_PATTERN = r"^[0-9０-９]{4}[-－ー−][0-9０-９]{1,2}[-－ー−][0-9０-９]{1,2}$"
Date = Annotated[
    date, BeforeValidator(parse_date, json_schema_input_type=str), Field(json_schema_extra={"pattern": DATE_PATTERN}),
]
Time = Annotated[str, BeforeValidator(parse_time), Field(json_schema_extra={"pattern": TIME_PATTERN})]


# --- text --------------------------------------------------------------------

def _single_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise fail("single_line", "この項目は1行で書いてください（改行は使えません）",
                   "this field must be a single line")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise fail("blank", "値が空です。内容を書いてください", "value is empty")
    return value


Line = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_single_line)]
ShortLine = Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_single_line)]
Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_not_blank)]

Count = Annotated[StrictInt, Field(ge=0, le=100000)]
Flag = StrictBool


# --- vocabularies ------------------------------------------------------------

Prefecture = Literal[vocab.PREFECTURES]  # type: ignore[valid-type]
Industry = Literal[vocab.INDUSTRIES]  # type: ignore[valid-type]
Category = Literal[vocab.CATEGORIES]  # type: ignore[valid-type]
Engagement = Literal[vocab.ENGAGEMENTS]  # type: ignore[valid-type]
EmployeeBand = Literal[tuple(vocab.EMPLOYEE_BANDS)]  # type: ignore[valid-type]


def _unique(values: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise fail("duplicate_item", f"「{value}」が2回書かれています。1つにしてください",
                       f"'{value}' is listed twice")
        seen.add(value)
    return values


def unique_list(item: Any, *, min_length: int = 1, max_length: int = 10) -> Any:
    return Annotated[
        tuple[item, ...],
        Field(min_length=min_length, max_length=max_length, json_schema_extra={"uniqueItems": True}),
        AfterValidator(_unique),
    ]


# --- URLs ----------------------------------------------------------------

_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\Z")


def check_https_url(value: str) -> str:
    """An https URL with a plain host: no userinfo, no odd characters."""
    if any(ch.isspace() for ch in value) or not value.isascii():
        raise fail("url_chars", "URL に空白や全角文字が含まれています。ブラウザのアドレス欄からコピーし直してください",
                   "URL contains spaces or non-ASCII characters; copy it again from the address bar")
    parts = urlsplit(value)
    if parts.scheme.lower() != "https":
        raise fail("url_scheme", "URL は https:// で始まるものだけ使えます",
                   "only https:// URLs are allowed")
    if "@" in parts.netloc or parts.username or parts.password:
        raise fail("url_userinfo", "URL に「@」を含むユーザー情報は書けません。フォームの正しい URL を書いてください",
                   "URL must not contain user information ('@')")
    host = (parts.hostname or "").lower()
    if not _HOST.match(host) or parts.port not in (None, 443):
        raise fail("url_host", "URL のホスト名が正しくありません。ブラウザのアドレス欄からコピーし直してください",
                   "URL host is not valid")
    return value


HttpsUrl = Annotated[
    str,
    Field(max_length=500, json_schema_extra={"format": "uri", "pattern": "^https://"}),
    AfterValidator(check_https_url),
]


def url_host(value: str) -> str:
    return (urlsplit(value).hostname or "").lower()


_COLOR = re.compile(r"#[0-9a-fA-F]{6}\Z")


def _relative_luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_relative_luminance(hex_colour) + 0.05)


def _dark_enough(value: str) -> str:
    if not _COLOR.match(value):
        raise fail("color_format", "色は \"#1f4e8c\" のように「#」と16進数6桁で書いてください",
                   "write the colour as #RRGGBB, e.g. \"#1f4e8c\"")
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise fail("color_contrast",
                   f"この色は白い文字との明暗差が小さく読みにくくなります（コントラスト比 {ratio:.1f}、4.5 以上が必要）。もっと濃い色にしてください",
                   f"white text on this colour has contrast {ratio:.1f}; at least 4.5 is needed, choose a darker colour")
    return value.lower()


Colour = Annotated[str, AfterValidator(_dark_enough), Field(json_schema_extra={"pattern": "^#[0-9a-fA-F]{6}$"})]


GitHubOwner = Annotated[str, Field(pattern=r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?$",
                                   examples=["@minato-shinkin/koryukai"])]


class Branding(Model):
    """ポータルの見た目（ヘッダーの色とロゴ）。"""

    primary_color: Annotated[Colour | None, CODE] = Field(
        None, title="メインの色",
        description="ヘッダーの背景色（#RRGGBB）。白い文字が読める濃い色にします。",
        examples=["#1f4e8c"],
    )
    logo: Annotated[str | None, CODE] = Field(
        None, title="ロゴ画像",
        description="同じフォルダに置いた画像のファイル名（PNG・JPEG・WebP、200KBまで。SVG は使えません）。",
        examples=["logo.png"], pattern=r"^[a-z0-9][a-z0-9_-]*\.(png|jpg|jpeg|svg|webp)$",
    )


class Contact(Model):
    """機関の公開窓口（個人名は書かない）。"""

    department: Annotated[ShortLine, PUBLIC] = Field(..., title="担当部署", description="問い合わせ先の部署名。個人名は書きません。",
                                  examples=["地域支援部 新現役交流会事務局"])
    phone: Annotated[ShortLine | None, PUBLIC] = Field(None, title="代表電話", description="部署の公開電話番号。",
                                    examples=["03-0000-0000"])
    email: Annotated[ShortLine | None, PUBLIC] = Field(None, title="メールアドレス", description="部署の公開メールアドレス。",
                                    examples=["koryukai@example.jp"])
    url: Annotated[HttpsUrl | None, PUBLIC] = Field(None, title="問い合わせページ", description="問い合わせページの URL。",
                                 examples=["https://example.jp/contact/"])
    hours: Annotated[ShortLine | None, PUBLIC] = Field(None, title="受付時間", description="電話の受付時間など。",
                                    examples=["平日 9:00〜17:00"])
