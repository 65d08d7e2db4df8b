"""regions/<region>/region.yml"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .common import CODE, PRIVATE, PUBLIC, Branding, Contact, Flag, GitHubOwner, Line, Model, Prefecture, Text, unique_list


class Region(Model):
    """地域（ブロック）。フォルダ名が地域 ID になります（例: kanto）。"""

    name: Annotated[Line, PUBLIC] = Field(..., title="地域名", description="ポータルに表示する地域名。", examples=["関東"])
    prefectures: unique_list(Prefecture, max_length=47) = Field(  # type: ignore[valid-type]
        ..., title="都道府県", description="この地域に含まれる都道府県（正式名）。",
        examples=[["東京都", "神奈川県", "埼玉県"]],
    )
    bureau: Annotated[Line | None, PUBLIC] = Field(None, title="経済産業局", description="地域を所管する経済産業局など（任意）。",
                                examples=["関東経済産業局"])
    description: Annotated[Text | None, PRIVATE] = Field(None, title="紹介文", description="地域ポータルのトップに表示する紹介文（任意）。",
                                     examples=["関東地方の信用金庫・信用組合が開く新現役交流会の案内です。"])
    contact: Contact | None = Field(None, title="問い合わせ先", examples=[{"department": "地域支援部 新現役交流会事務局", "phone": "03-0000-0000"}],
                                    description="地域全体の公開窓口（任意）。")
    owners: Annotated[unique_list(GitHubOwner, min_length=0, max_length=10), CODE] = Field(  # type: ignore[valid-type]
        (), title="GitHub の担当者",
        description="このフォルダの変更を承認する GitHub のチームまたはユーザー（CODEOWNERS に使います。ページには載りません）。",
        examples=[["@sks-koryukai/kanto"]],
    )
    branding: Branding | None = Field(None, title="ブランド", description="ヘッダーの色とロゴ（任意）。",
                                      examples=[{"primary_color": "#1f4e8c", "logo": "logo.png"}])
    demo: Flag = Field(False, title="デモデータ",
                       description="true にすると、この地域のすべてのページに「架空のデモデータです」と表示します。",
                       examples=[False])
