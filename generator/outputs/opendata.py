"""Open data per portal: meetings, challenges and veterans as JSON and CSV, a JSON Schema for each,
and meetings in the column layout of 自治体標準オープンデータセット「イベント一覧」.

Only what the pages already show is exported (no consent dates, no owners, no source paths).
CSV is UTF-8 with a BOM so Excel opens Japanese correctly; line ends are CRLF (RFC 4180).
Every value is a pure function of the data; the one exception is a held meeting's outcome, which
the pages too show only once the meeting is held.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import vocab
from ..plan import Portal, SitePlan, challenge_url, meeting_url, veteran_url
from ..plan.exports import MeetingExport
from .common import absolute, portal_challenges, portal_meetings
from .kana import reading

BOM = "\ufeff"
SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
DEMO_NOTE = "架空のデモデータです（実在の機関・企業・人物とは関係ありません）"


@dataclass(frozen=True)
class Column:
    key: str  # JSON key (ASCII, stable)
    label: str  # CSV header (Japanese)
    kind: str  # JSON Schema type: string | integer | boolean | array | date | time | uri
    description: str
    get: Callable[[Any], Any]
    optional: bool = False


def _join(values: Any) -> str:
    return "、".join(values)


def _organisers(m: MeetingExport) -> list[str]:
    return [f"{role}：{name}" for role, name in m.organisers]


def _outcome(field: str) -> Callable[[MeetingExport], int | None]:
    def get(m: MeetingExport) -> int | None:
        return getattr(m.outcome, field) if m.outcome is not None else None  # set once held
    return get


MEETING_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", "string", "交流会の ID（地域/機関/ファイル名）。変わりません。", lambda v: v.key),
    Column("url", "ページ", "string", "交流会ページの URL（--site-url がないときはサイト内のパス）。", lambda v: None),
    Column("title", "交流会名", "string", "交流会の名前。", lambda v: v.title),
    Column("date", "開催日", "date", "開催日（YYYY-MM-DD、日本時間）。", lambda v: v.date.isoformat()),
    Column("start", "開始時刻", "time", "開始時刻（HH:MM、日本時間）。", lambda v: v.start),
    Column("end", "終了時刻", "time", "終了時刻（HH:MM、日本時間）。", lambda v: v.end),
    Column("format", "開催形式", "string", "会場開催・オンライン開催・会場＋オンライン。",
           lambda v: v.format_label),
    Column("status", "状態", "string", "開催予定・中止・延期（データに書かれた状態。受付状況は日によって変わるため含みません）。",
           lambda v: v.status_label),
    Column("status_note", "お知らせ", "string", "中止・延期の理由や案内。", lambda v: v.status_note, True),
    Column("venue", "会場", "string", "会場名。", lambda v: v.venue.name if v.venue else None, True),
    Column("prefecture", "都道府県", "string", "会場の都道府県。", lambda v: v.venue.prefecture if v.venue else None, True),
    Column("city", "市区町村", "string", "会場の市区町村。", lambda v: v.venue.city if v.venue else None, True),
    Column("address", "住所", "string", "会場の住所（市区町村より後）。", lambda v: v.venue.address if v.venue else None, True),
    Column("access", "交通", "string", "最寄り駅など。", lambda v: v.venue.access if v.venue else None, True),
    Column("online", "オンライン参加の方法", "string", "オンライン参加の案内。", lambda v: v.online, True),
    Column("organisers", "主催・共催・後援", "array", "「役割：名前」の並び。", _organisers),
    Column("capacity", "新現役の定員", "integer", "参加できる新現役の人数。", lambda v: v.capacity, True),
    Column("companies_planned", "発表する企業数（予定）", "integer", "課題を発表する予定の企業の数。",
           lambda v: v.companies_planned, True),
    Column("fee", "参加費", "string", "参加費（書かれていなければ無料）。", lambda v: v.fee or "無料"),
    Column("signup_url", "申込フォーム", "uri", "外部の申込フォームの URL。", lambda v: v.signup_url, True),
    Column("signup_opens", "受付開始日", "date", "申込の受付を始める日。",
           lambda v: v.signup_opens.isoformat() if v.signup_opens else None, True),
    Column("signup_deadline", "申込締切", "date", "申込の締切日。",
           lambda v: v.signup_deadline.isoformat() if v.signup_deadline else None, True),
    Column("description", "案内文", "string", "交流会の案内（簡単な Markdown）。", lambda v: v.description),
    Column("challenges", "発表する企業の課題", "array", "この回で発表する課題の ID。", lambda v: list(v.challenges)),
    Column("outcome_companies", "参加企業数", "integer", "実績：課題を発表した企業の数（開催後）。", _outcome("companies"), True),
    Column("outcome_veterans", "参加新現役数", "integer", "実績：参加した新現役の人数（開催後）。", _outcome("veterans"), True),
    Column("outcome_interviews", "当日の面談数", "integer", "実績：当日の面談の数（開催後）。", _outcome("interviews"), True),
    Column("outcome_second_interviews", "二次面談数", "integer", "実績：二次面談の数（開催後）。",
           _outcome("second_interviews"), True),
    Column("outcome_matches", "マッチング企業数", "integer", "実績：支援の合意に至った企業の数（開催後）。", _outcome("matches"), True),
)

CHALLENGE_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", "string", "課題の ID（地域/機関/ファイル名）。変わりません。", lambda c: c.key),
    Column("url", "ページ", "string", "課題ページの URL。", lambda c: None),
    Column("title", "課題の見出し", "string", "匿名化した課題の見出し。", lambda c: c.title),
    Column("industry", "業種", "string", "日本標準産業分類の大分類。", lambda c: c.industry),
    Column("categories", "課題の分類", "array", "課題の分類（新現役の得意分野と同じ語彙）。", lambda c: list(c.categories)),
    Column("prefecture", "都道府県", "string", "会社の所在地（都道府県まで）。", lambda c: c.prefecture),
    Column("employees", "従業員規模", "string", "従業員数の幅。", lambda c: c.employees),
    Column("description", "課題の内容", "string", "匿名化した課題の内容。", lambda c: c.description),
    Column("support_wanted", "求める支援", "string", "新現役に期待すること。", lambda c: c.support_wanted),
    Column("engagement", "関わり方", "array", "顧問・スポットなど。", lambda c: list(c.engagement)),
    Column("status", "状態", "string", "募集中・マッチング済み・募集終了。", lambda c: c.status_label),
    Column("meeting", "発表する交流会", "string", "発表する交流会の ID。", lambda c: c.meeting, True),
)

VETERAN_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", "string", "プロフィールの ID（地域/ファイル名）。氏名ではありません。", lambda v: v.key),
    Column("url", "ページ", "string", "プロフィールページの URL。", lambda v: None),
    Column("headline", "肩書き", "string", "経歴を表す見出し（氏名は載せません）。", lambda v: v.headline),
    Column("expertise", "得意分野", "array", "課題の分類と同じ語彙。", lambda v: list(v.expertise)),
    Column("industries", "経験業種", "array", "日本標準産業分類の大分類。", lambda v: list(v.industries)),
    Column("prefecture", "拠点", "string", "活動の拠点（都道府県まで）。", lambda v: v.prefecture),
    Column("areas", "出向ける地域", "array", "拠点以外に出向ける都道府県。", lambda v: list(v.areas)),
    Column("career", "経歴", "string", "業種と役割で書いた経歴。", lambda v: v.career),
    Column("availability", "活動できる頻度", "string", "月に何回・オンライン可否など。", lambda v: v.availability),
    Column("registered", "国の新現役登録", "boolean", "国の新現役登録をしていれば true。", lambda v: v.registered),
)

DATASETS = {
    "meetings": ("交流会", MEETING_COLUMNS, meeting_url),
    "challenges": ("企業の課題", CHALLENGE_COLUMNS, challenge_url),
    "veterans": ("新現役", VETERAN_COLUMNS, veteran_url),
}

# 自治体標準オープンデータセット「イベント一覧」の項目（この順で並べます）。
EVENT_LIST_COLUMNS: tuple[str, ...] = (
    "都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "イベント名", "イベント名_カナ", "イベント名_英語",
    "開始日", "終了日", "開始時間", "終了時間", "開始日時特記事項", "説明", "料金(基本)", "料金(詳細)",
    "連絡先名称", "連絡先電話番号", "連絡先内線番号", "主催者", "場所名称", "住所", "方書", "緯度", "経度",
    "アクセス方法", "駐車場情報", "定員", "参加申込終了日", "参加申込終了時間", "参加申込方法", "URL", "備考",
)


def local_government_code(prefecture: str) -> str:
    """全国地方公共団体コード of a prefecture: JIS X 0401 number + 0000 + check digit (e.g. 東京都 130001)."""
    body = f"{vocab.PREFECTURES.index(prefecture) + 1:02d}000"
    total = sum(int(d) * w for d, w in zip(body, (6, 5, 4, 3, 2), strict=True))
    return body + str((11 - total % 11) % 10)


def _page_url(plan: SitePlan, combined: str, site_url: str | None) -> str | None:
    url = plan.url(combined)
    if url is None:
        return None
    return absolute(site_url, url) or url


def _records(plan: SitePlan, portal: Portal, what: str) -> list[Any]:
    if what == "meetings":
        return portal_meetings(plan, portal)
    if what == "challenges":
        return portal_challenges(plan, portal)
    return [plan.exports.veterans[k] for k in sorted(portal.veterans)]


def rows(plan: SitePlan, portal: Portal, what: str, site_url: str | None) -> list[dict[str, Any]]:
    _, columns, url_of = DATASETS[what]
    out = []
    for record in _records(plan, portal, what):
        row = {col.key: col.get(record) for col in columns}
        row["url"] = _page_url(plan, url_of(record.key), site_url) if record.key in plan.record_urls else None
        out.append(row)
    return out


def to_json(plan: SitePlan, portal: Portal, what: str, site_url: str | None) -> bytes:
    label, _, _ = DATASETS[what]
    doc: dict[str, Any] = {"dataset": what, "title": f"{portal.title}：{label}", "records": rows(plan, portal, what, site_url)}
    if portal.demo:
        doc["note"] = DEMO_NOTE
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def _csv(header: list[str], body: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(body)
    return (BOM + buffer.getvalue()).encode("utf-8")


def to_csv(plan: SitePlan, portal: Portal, what: str, site_url: str | None) -> bytes:
    _, columns, _ = DATASETS[what]
    header = [c.label for c in columns]
    if portal.demo:
        header.append("注意")
    body = []
    for row in rows(plan, portal, what, site_url):
        cells = [_cell(row[c.key]) for c in columns]
        if portal.demo:
            cells.append(DEMO_NOTE)
        body.append(cells)
    return _csv(header, body)


def schema(what: str) -> bytes:
    """JSON Schema (2020-12) of one dataset's JSON file, with each field's Japanese description."""
    label, columns, _ = DATASETS[what]
    props: dict[str, Any] = {}
    for col in columns:
        if col.kind == "array":
            spec: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
        elif col.kind == "date":
            spec = {"type": "string", "format": "date"}
        elif col.kind == "time":
            spec = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}
        elif col.kind == "uri":
            spec = {"type": "string", "format": "uri"}
        else:
            spec = {"type": col.kind}
        if col.optional or col.key == "url":
            spec = {"anyOf": [spec, {"type": "null"}]}
        props[col.key] = {"title": col.label, "description": col.description, **spec}
    doc = {
        "$schema": SCHEMA_DRAFT,
        "$id": f"{what}.schema.json",
        "title": f"{label}（新現役交流会ポータルのオープンデータ）",
        "type": "object",
        "required": ["dataset", "title", "records"],
        "additionalProperties": False,
        "properties": {
            "dataset": {"const": what},
            "title": {"type": "string"},
            "note": {"type": "string", "description": "デモデータのときの注意書き。"},
            "records": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": [c.key for c in columns], "properties": props,
            }},
        },
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def event_list_rows(plan: SitePlan, portal: Portal, site_url: str | None) -> list[dict[str, str]]:
    """Meetings as 「イベント一覧」 rows (only what the meeting page shows)."""
    out = []
    for number, m in enumerate(portal_meetings(plan, portal), start=1):
        prefecture = m.venue.prefecture if m.venue else m.host_prefecture
        contact = m.host_contact
        notes = [m.format_label]
        if m.status != "scheduled":
            notes.append(m.status_label + (f"：{m.status_note}" if m.status_note else ""))
        if m.online:
            notes.append(f"オンライン：{m.online}")
        if portal.demo:
            notes.append(DEMO_NOTE)
        page = _page_url(plan, meeting_url(m.key), site_url) if m.key in plan.record_urls else None
        out.append({
            "都道府県コード又は市区町村コード": local_government_code(prefecture),
            "NO": str(number),
            "都道府県名": prefecture,
            "市区町村名": m.venue.city if m.venue else "",
            "イベント名": m.title,
            "イベント名_カナ": reading(m.title),
            "イベント名_英語": "",
            "開始日": m.date.isoformat(),
            "終了日": m.date.isoformat(),
            "開始時間": m.start,
            "終了時間": m.end,
            "開始日時特記事項": "",
            "説明": m.description,
            "料金(基本)": m.fee or "無料",
            "料金(詳細)": "",
            "連絡先名称": f"{m.host_name} {contact.department}" if contact else m.host_name,
            "連絡先電話番号": contact.phone or "" if contact else "",
            "連絡先内線番号": "",
            "主催者": "、".join(name for role, name in m.organisers if role == "主催"),
            "場所名称": m.venue.name if m.venue else "オンライン",
            "住所": m.venue.full_address if m.venue else "",
            "方書": "",
            "緯度": "",
            "経度": "",
            "アクセス方法": m.venue.access or "" if m.venue else "",
            "駐車場情報": "",
            "定員": str(m.capacity) if m.capacity is not None else "",
            "参加申込終了日": m.signup_deadline.isoformat() if m.signup_deadline else "",
            "参加申込終了時間": "",
            "参加申込方法": f"申込フォーム {m.signup_url}" if m.signup_url else "",
            "URL": page or "",
            "備考": "。".join(notes),
        })
    return out


def event_list_csv(plan: SitePlan, portal: Portal, site_url: str | None) -> bytes:
    body = [[row[c] for c in EVENT_LIST_COLUMNS] for row in event_list_rows(plan, portal, site_url)]
    return _csv(list(EVENT_LIST_COLUMNS), body)


def portal_files(plan: SitePlan, portal: Portal, site_url: str | None) -> dict[str, bytes]:
    """File name (inside the portal's data/ folder) -> bytes."""
    files: dict[str, bytes] = {}
    for what in DATASETS:
        if what == "veterans" and portal.kind == "institution":
            continue  # an institution lists its region's veterans: the region's file has them once
        files[f"{what}.json"] = to_json(plan, portal, what, site_url)
        files[f"{what}.csv"] = to_csv(plan, portal, what, site_url)
    files["event.csv"] = event_list_csv(plan, portal, site_url)
    return files


def schema_files() -> dict[str, bytes]:
    return {f"{what}.schema.json": schema(what) for what in DATASETS}
