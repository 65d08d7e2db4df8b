"""regions/<region>/institutions/<institution>/meetings/<YYYY-MM-DD>[-<slug>].yml"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from .. import vocab
from ..diagnostics import Severity
from .common import CODE, PRIVATE, PUBLIC, Count, Date, HttpsUrl, Line, Model, Prefecture, Problem, ShortLine, Text, Time

Format = Literal[tuple(vocab.MEETING_FORMATS)]  # type: ignore[valid-type]
Status = Literal[tuple(vocab.MEETING_STATUSES)]  # type: ignore[valid-type]
Role = Literal[vocab.ORGANISER_ROLES]  # type: ignore[valid-type]


def _fee(value: Any) -> Any:
    # "fee: 1000" is what people type; show it as 1,000円 (0 means free).
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return f"{value:,}円" if value else "無料"
    return value


Fee = Annotated[Line, BeforeValidator(_fee, json_schema_input_type=str | int)]


class Venue(Model):
    """会場。"""

    name: Annotated[Line, PUBLIC] = Field(..., title="会場名", description="建物と部屋の名前。", examples=["みなと信用金庫 本店 5階ホール"])
    prefecture: Prefecture = Field(..., title="都道府県", description="会場の都道府県（正式名）。", examples=["神奈川県"])
    city: Annotated[ShortLine, PUBLIC] = Field(..., title="市区町村", description="会場の市区町村。", examples=["横浜市中区"])
    address: Annotated[Line | None, PUBLIC] = Field(None, title="住所", description="会場の住所（任意）。", examples=["架空町1-2-3"])
    access: Annotated[Line | None, PUBLIC] = Field(None, title="交通", description="最寄り駅など（任意）。",
                                examples=["架空線 みなと駅 徒歩3分"])


class Organiser(Model):
    """主催・共催・後援の機関。機関 ID か名前のどちらかを書きます。"""

    institution: Annotated[str | None, CODE] = Field(
        None, title="機関 ID", description="このリポジトリにある機関の ID（同じ地域なら「minato-shinkin」、"
        "他の地域なら「kanto/minato-shinkin」）。", examples=["minato-shinkin"],
    )
    name: Annotated[Line | None, PUBLIC] = Field(None, title="名前", description="リポジトリにない団体の名前。",
                              examples=["関東経済産業局"])
    role: Role = Field(..., title="役割", description="主催・共催・後援のいずれか。", examples=["共催"])


class Signup(Model):
    """参加申込（外部フォーム）。"""

    url: Annotated[HttpsUrl, PUBLIC] = Field(..., title="申込フォーム URL",
                          description="Google フォームなど外部フォームの URL。ホストは機関の form_hosts にあるもの。",
                          examples=["https://docs.google.com/forms/d/e/XXXX/viewform"])
    deadline: Date = Field(..., title="申込締切", description="この日まで申込を受け付けます（開催日以前）。",
                           examples=["2026-12-03"])
    opens: Date | None = Field(None, title="受付開始日", description="この日から受付を始めます（任意）。",
                               examples=["2026-11-01"])


class Outcome(Model):
    """開催後の実績。マッチング率は matches ÷ companies で計算します。"""

    companies: Count = Field(..., title="参加企業数", description="課題を発表した企業の数。", examples=[5])
    veterans: Count = Field(..., title="参加新現役数", description="参加した新現役の人数。", examples=[24])
    interviews: Count = Field(..., title="当日の面談数", description="交流会当日に企業と新現役が話した組の数。",
                              examples=[30])
    second_interviews: Count = Field(..., title="二次面談数", description="交流会の後に行った二次面談の数。",
                                     examples=[9])
    matches: Count = Field(..., title="マッチング企業数", description="支援の合意に至った企業の数。",
                           examples=[4])


class Meeting(Model):
    """新現役交流会の1回分。ファイル名（2026-12-10.yml など）が ID になります。"""

    title: Annotated[Line, PRIVATE] = Field(..., title="交流会名", description="ポータルに表示する交流会の名前（80文字まで）。", examples=["第12回 みなと新現役交流会"])
    date: Date = Field(..., title="開催日", description="年-月-日で書きます。", examples=["2026-12-10"])
    start: Annotated[Time, CODE] = Field(..., title="開始時刻", description="\"13:30\" のように引用符で囲んで書きます（日本時間）。",
                        examples=["13:30"])
    end: Annotated[Time, CODE] = Field(..., title="終了時刻", description="\"16:30\" のように引用符で囲んで書きます（日本時間）。",
                      examples=["16:30"])
    format: Format = Field(..., title="開催形式",
                           description="in_person=会場開催、online=オンライン開催、hybrid=会場＋オンライン。",
                           examples=["in_person"])
    venue: Venue | None = Field(None, title="会場", description="会場開催・ハイブリッドのときは必須。",
                                examples=[{"name": "みなと台信用金庫 本店 5階ホール", "prefecture": "神奈川県", "city": "横浜市中区",
                                           "access": "架空線 みなと駅 徒歩3分"}])
    online: Annotated[Line | None, PRIVATE] = Field(None, title="オンライン参加の方法", description="オンライン開催のときの案内（任意）。",
                                examples=["Zoom（URL は申込後にお知らせします）"])
    organisers: tuple[Organiser, ...] = Field((), title="主催・共催・後援",
                                              description="このファイルを置いた機関は自動的に主催になります。リポジトリにある機関は "
                                              "「- institution: 機関ID」、ない団体は「- name: 名前」と書き、role を添えます。",
                                              examples=[[{"name": "関東経済産業局", "role": "後援"}]])
    signup: Signup | None = Field(None, title="参加申込", description="開催予定の交流会では必須。",
                                  examples=[{"url": "https://docs.google.com/forms/d/e/XXXX/viewform", "deadline": "2026-12-03"}])
    capacity: Count | None = Field(None, title="新現役の定員", description="参加できる新現役の人数（任意）。", examples=[30])
    companies_planned: Count | None = Field(None, title="参加予定企業数", description="課題を発表する予定の企業の数（任意）。",
                                            examples=[5])
    fee: Annotated[Fee | None, PRIVATE] = Field(
        None, title="参加費", description="有料のときだけ書きます（例: 1,000円（資料代）、数字だけなら 1000 → 1,000円）。"
        "書かなければ、ページには「無料」と表示します。", examples=["1,000円（資料代）"])
    status: Status = Field(
        "scheduled", title="状態", description="scheduled=開催予定、cancelled=中止、postponed=延期。",
        examples=["scheduled"],
    )
    status_note: Annotated[Line | None, PRIVATE] = Field(None, title="中止・延期のお知らせ", description="中止・延期の理由や今後の案内（任意）。",
                                     examples=["台風接近のため中止します。"])
    description: Annotated[Text, PRIVATE] = Field(..., title="案内文",
                              description="交流会の案内。簡単な Markdown（強調・箇条書き・リンク）が使えます。",
                              examples=["地域の中小企業5社が課題を発表します。"])
    outcome: Outcome | None = Field(None, title="実績", description="開催後に記入します。",
                                    examples=[{"companies": 5, "veterans": 22, "interviews": 28, "second_interviews": 9,
                                               "matches": 4}])

    def post_validation(self) -> list[Problem]:
        out: list[Problem] = []
        if self.end <= self.start:
            out.append(Problem(("end",), "X302",
                               f"終了時刻（{self.end}）が開始時刻（{self.start}）より後になっていません。時刻を確認してください",
                               f"end {self.end} is not after start {self.start}"))
        if self.format in ("in_person", "hybrid") and self.venue is None:
            out.append(Problem(("format",), "X305", "会場開催・ハイブリッドの交流会には会場（venue）を書いてください",
                               "an in-person or hybrid meeting needs a venue"))
        if self.signup is not None:
            s = self.signup
            if s.deadline > self.date:
                out.append(Problem(("signup", "deadline"), "X303",
                                   f"申込締切（{s.deadline.isoformat()}）が開催日（{self.date.isoformat()}）より後です。締切は開催日以前にしてください",
                                   "signup deadline is after the meeting date"))
            if s.opens is not None and s.opens > s.deadline:
                out.append(Problem(("signup", "opens"), "X304",
                                   f"受付開始日（{s.opens.isoformat()}）が申込締切（{s.deadline.isoformat()}）より後です",
                                   "signup opens after its deadline"))
        elif self.status == "scheduled" and self.outcome is None:
            out.append(Problem(("title",), "X306", "開催予定の交流会には参加申込（signup: url と deadline）を書いてください",
                               "a scheduled meeting needs signup (url and deadline)", key=True))
        if self.outcome is not None:
            o = self.outcome
            if self.status == "cancelled":
                out.append(Problem(("outcome",), "X312", "中止した交流会に実績（outcome）は書けません",
                                   "a cancelled meeting cannot have an outcome", key=True))
            if o.matches > o.companies:
                out.append(Problem(("outcome", "matches"), "X312",
                                   f"マッチング企業数（{o.matches}）が参加企業数（{o.companies}）を超えています",
                                   "matches exceed participating companies"))
            if o.matches > o.second_interviews and o.second_interviews:
                out.append(Problem(("outcome", "matches"), "X312",
                                   f"マッチング企業数（{o.matches}）が二次面談数（{o.second_interviews}）を超えています",
                                   "matches exceed second interviews", Severity.WARNING))
        for i, org in enumerate(self.organisers):
            if (org.institution is None) == (org.name is None):
                out.append(Problem(("organisers", i), "X309",
                                   "主催・共催・後援には institution（機関 ID）か name（名前）のどちらか一方を書いてください",
                                   "an organiser needs exactly one of institution or name"))
        return out
