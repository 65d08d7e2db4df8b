"""regions/<region>/veterans/<id>.yml"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..diagnostics import Severity
from .common import (
    PRIVATE,
    PUBLIC,
    Category,
    Date,
    Flag,
    HttpsUrl,
    Industry,
    Line,
    Model,
    Prefecture,
    Problem,
    Text,
    unique_list,
)


class Veteran(Model):
    """新現役のプロフィール（氏名・メール・電話は載せません）。ファイル名が ID になります。"""

    headline: Annotated[Line, PRIVATE] = Field(..., title="肩書き", description="経歴を表す見出し。氏名は書きません。",
                           examples=["元 電機メーカー 海外営業部長"])
    expertise: unique_list(Category, max_length=6) = Field(  # type: ignore[valid-type]
        ..., title="得意分野", description="課題の分類と同じ語彙から1〜6個。", examples=[["海外展開", "販路開拓"]],
    )
    industries: unique_list(Industry, max_length=5) = Field(  # type: ignore[valid-type]
        ..., title="経験業種", description="日本標準産業分類の大分類から1〜5個。", examples=[["製造業"]],
    )
    prefecture: Prefecture = Field(..., title="都道府県", description="活動の拠点（都道府県まで）。",
                                   examples=["東京都"])
    areas: unique_list(Prefecture, min_length=0, max_length=47) = Field(  # type: ignore[valid-type]
        (), title="対応できる地域", description="拠点以外に出向ける都道府県（任意）。", examples=[["神奈川県"]],
    )
    career: Annotated[Text, PRIVATE] = Field(..., title="経歴", description="会社名・氏名は書かず、業種と役割で書きます。",
                         examples=["電機メーカーで30年、アジア向け営業と現地法人の立ち上げを担当。"])
    availability: Annotated[Line, PRIVATE] = Field(..., title="活動できる頻度", description="月に何回・オンライン可否など。", examples=["月2回程度・オンライン可"])
    registered: Flag = Field(..., title="新現役登録", description="国の新現役登録をしていれば true。",
                             examples=[True])
    consent_date: Date | None = Field(None, title="公開の同意日",
                                      description="本人が掲載に同意した日。空欄のプロフィールは公開されません。",
                                      examples=["2026-10-01"])
    contact_form: Annotated[HttpsUrl | None, PUBLIC] = Field(None, title="連絡フォーム",
                                          description="使われなくなった項目です（ページには表示されず、書くと警告 X340）。相談は機関の問い合わせ先がプロフィール番号で受けます。",
                                          examples=["https://forms.gle/XXXX"])

    def post_validation(self) -> list[Problem]:
        if self.consent_date is None:
            return [Problem(("headline",), "X320", "公開の同意日（consent_date）がないため、このプロフィールはポータルに掲載されません",
                            "no consent_date: this profile will not be published", Severity.WARNING, key=True)]
        return []
