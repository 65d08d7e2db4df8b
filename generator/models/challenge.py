"""regions/<region>/institutions/<institution>/challenges/<id>.yml"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from .. import vocab
from ..diagnostics import Severity
from .common import (
    CODE,
    PRIVATE,
    Category,
    Date,
    EmployeeBand,
    Engagement,
    Industry,
    Line,
    Model,
    Prefecture,
    Problem,
    Text,
    unique_list,
)

Status = Literal[tuple(vocab.CHALLENGE_STATUSES)]  # type: ignore[valid-type]


def _one_or_many(value: Any) -> Any:
    # "engagement: スポット" reads naturally; store it as a one-item list.
    return [value] if isinstance(value, str) else value


class Challenge(Model):
    """事前ヒアリングでまとめた企業の課題（匿名）。ファイル名が課題 ID になります。"""

    meeting: Annotated[str | None, CODE] = Field(None, title="交流会 ID",
                                description="発表する交流会のファイル名（.yml を除く）。同じ機関の meetings/ にあるもの。",
                                examples=["2026-12-10"])
    title: Annotated[Line, PRIVATE] = Field(..., title="課題の見出し", description="会社が特定されない書き方にします。",
                        examples=["自社製の精密部品を新しい業界に売り込みたい"])
    industry: Industry = Field(..., title="業種", description="日本標準産業分類の大分類。", examples=["製造業"])
    categories: unique_list(Category, max_length=5) = Field(  # type: ignore[valid-type]
        ..., title="課題の分類", description="1〜5個。新現役の得意分野と同じ語彙です。",
        examples=[["販路開拓", "マーケティング"]],
    )
    prefecture: Prefecture = Field(..., title="都道府県", description="会社の所在地（都道府県まで）。",
                                   examples=["神奈川県"])
    employees: EmployeeBand = Field(
        ..., title="従業員規模", description="正確な人数は書かず、幅で選びます: " + "、".join(
            f"{k}={v}" for k, v in vocab.EMPLOYEE_BANDS.items()), examples=["21-50"],
    )
    description: Annotated[Text, PRIVATE] = Field(..., title="課題の内容",
                              description="会社名・人名・連絡先・住所など、会社が特定できることは書きません。",
                              examples=["金属加工の技術を生かした新しい取引先を探しています。"])
    support_wanted: Annotated[Text, PRIVATE] = Field(..., title="求める支援", description="新現役に期待すること。",
                                 examples=["医療機器業界での営業経験のある方の助言"])
    engagement: Annotated[
        unique_list(Engagement, max_length=5),  # type: ignore[valid-type]
        BeforeValidator(_one_or_many, json_schema_input_type=Engagement | list[Engagement]),
    ] = Field(..., title="関わり方", description="顧問・スポット・兼業・副業・プロジェクト・相談して決めたい。",
              examples=[["スポット", "顧問"]])
    consent_date: Date | None = Field(None, title="公開の同意日",
                                      description="会社が掲載に同意した日。空欄の課題は公開されません。",
                                      examples=["2026-11-01"])
    status: Status = Field("open", title="状態", description="open=募集中、matched=マッチング済み、closed=募集終了。",
                           examples=["open"])

    def post_validation(self) -> list[Problem]:
        if self.consent_date is None:
            return [Problem(("title",), "X320", "公開の同意日（consent_date）がないため、この課題はポータルに掲載されません",
                            "no consent_date: this challenge will not be published", Severity.WARNING, key=True)]
        return []
