"""regions/national.yml: the national portal's own settings (today its public contact desk).

The national portal has no folder of its own (it is the sum of the regions), so its one file sits
beside regions/privacy-allow.yml and, like it, is approved by SKS only (CODEOWNERS).
"""

from __future__ import annotations

from pydantic import Field

from .common import Contact, Model, Problem


class National(Model):
    """全国ポータルの設定（regions/national.yml）。SKS が管理します。"""

    contact: Contact = Field(
        ..., title="全国の問い合わせ先",
        description="全国ポータルのページ下に載る公開窓口。新しく交流会を始めたい機関や地域は、ここに連絡します。個人名は書きません。",
        examples=[{"department": "新現役交流会サポート（SKS）全国窓口", "email": "info@example.jp"}],
    )

    def post_validation(self) -> list[Problem]:
        c = self.contact
        if not (c.phone or c.email or c.url):
            # A desk with only a name leaves a newcomer with no way to reach it.
            return [Problem(("contact",), "S214",
                            "全国の問い合わせ先に、連絡の手段がありません。「phone:」「email:」「url:」のどれか1つ以上を書いてください",
                            "the national contact has no way to reach it; add phone, email or url", key=True)]
        return []
