"""regions/<region>/institutions/<institution>/institution.yml"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .. import vocab
from .common import CODE, PRIVATE, PUBLIC, Branding, Contact, GitHubOwner, HttpsUrl, Line, Model, Prefecture, ShortLine, Text, unique_list

Kind = Literal[tuple(vocab.INSTITUTION_KINDS)]  # type: ignore[valid-type]

HostName = Annotated[str, Field(pattern=r"^([a-z0-9-]+\.)+[a-z]{2,}$", examples=["docs.google.com"])]


class Institution(Model):
    """交流会を開く機関。フォルダ名が機関 ID になります（例: minato-shinkin）。"""

    name: Annotated[Line, PUBLIC] = Field(..., title="機関名", description="正式な機関名。", examples=["みなと信用金庫"])
    short_name: Annotated[ShortLine | None, PUBLIC] = Field(None, title="略称", description="機関の略称（任意）。ページには出ません。本文に略称が出ても守秘義務チェックは自機関の名前として扱います。",
                                         examples=["みなと信金"])
    kind: Kind = Field(..., title="種別",
                       description="機関の種別（コード）: " + "、".join(f"{k}={v}" for k, v in vocab.INSTITUTION_KINDS.items()),
                       examples=["shinkin"])
    prefecture: Prefecture = Field(..., title="都道府県", description="本店・本部の所在地。", examples=["神奈川県"])
    website: Annotated[HttpsUrl, PUBLIC] = Field(..., title="ウェブサイト", description="機関の公式サイト。",
                              examples=["https://www.example.jp/"])
    form_hosts: Annotated[unique_list(HostName, max_length=20), CODE] = Field(  # type: ignore[valid-type]
        vocab.DEFAULT_FORM_HOSTS, title="申込フォームのホスト",
        description="申込・問い合わせフォームとして認めるホスト名。省略時は Google フォームと Microsoft Forms。",
        examples=[list(vocab.DEFAULT_FORM_HOSTS)],
    )
    about: Annotated[Text | None, PRIVATE] = Field(None, title="紹介文", description="機関ポータルのトップに表示する紹介文（任意）。",
                               examples=["地域の中小企業と新現役をつなぐ交流会を年2回開いています。"])
    contact: Contact | None = Field(None, title="問い合わせ先", examples=[{"department": "地域支援部 新現役交流会事務局", "phone": "03-0000-0000"}],
                                    description="交流会の公開窓口（任意）。")
    owners: Annotated[unique_list(GitHubOwner, min_length=0, max_length=10), CODE] = Field(  # type: ignore[valid-type]
        (), title="GitHub の担当者",
        description="このフォルダの変更を承認する GitHub のチームまたはユーザー（CODEOWNERS に使います。ページには載りません）。",
        examples=[["@minato-shinkin/koryukai"]],
    )
    branding: Branding | None = Field(None, title="ブランド", description="ヘッダーの色とロゴ（任意）。",
                                      examples=[{"primary_color": "#1f4e8c", "logo": "logo.png"}])
