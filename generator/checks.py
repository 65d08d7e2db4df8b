"""Cross-file and cross-field checks on the typed records.

These run after each file passed its model, so every rule here can trust the
types and concentrate on relations: references, dates, hosts, regions.
"""

from __future__ import annotations

from pathlib import Path

from . import images, vocab
from .dataset import Dataset, Record
from .diagnostics import Diagnostic, Severity
from .loader import KeyPath
from .models import Challenge, Meeting, Veteran
from .models.common import url_host
from .safe_fs import UnsafePath, read_regular

MAX_LOGO_BYTES = 200 * 1024


def _at(record: Record, path: KeyPath, code: str, ja: str, en: str,
        severity: Severity = Severity.ERROR, *, key: bool = False) -> Diagnostic:
    line, col = record.source.where(path, key=key)
    return Diagnostic(record.path, line, col, code, ja, en, severity)


def _check_meeting(ds: Dataset, rec: Record[Meeting]) -> list[Diagnostic]:
    m = rec.model
    out: list[Diagnostic] = []
    inst = ds.institutions[f"{rec.region}/{rec.institution}"].model
    region = ds.regions[rec.region].model
    file_date = rec.id[:10]
    if file_date != m.date.isoformat():
        out.append(_at(rec, ("date",), "X301",
                       f"ファイル名の日付（{file_date}）と開催日（{m.date.isoformat()}）が違います。どちらかを直してください",
                       f"file name date {file_date} differs from date {m.date.isoformat()}"))
    if m.end <= m.start:
        out.append(_at(rec, ("end",), "X302",
                       f"終了時刻（{m.end}）が開始時刻（{m.start}）より後になっていません。時刻を確認してください",
                       f"end {m.end} is not after start {m.start}"))
    if m.format in ("in_person", "hybrid") and m.venue is None:
        out.append(_at(rec, ("format",), "X305",
                       "会場開催・ハイブリッドの交流会には会場（venue）を書いてください",
                       "an in-person or hybrid meeting needs a venue"))
    if m.venue is not None and m.venue.prefecture not in region.prefectures:
        out.append(_at(rec, ("venue", "prefecture"), "X311",
                       f"会場の都道府県「{m.venue.prefecture}」は地域「{region.name}」に含まれていません",
                       f"venue prefecture {m.venue.prefecture} is outside region {rec.region}",
                       Severity.WARNING))
    if m.signup is not None:
        s = m.signup
        if s.deadline > m.date:
            out.append(_at(rec, ("signup", "deadline"), "X303",
                           f"申込締切（{s.deadline.isoformat()}）が開催日（{m.date.isoformat()}）より後です。締切は開催日以前にしてください",
                           "signup deadline is after the meeting date"))
        if s.opens is not None and s.opens > s.deadline:
            out.append(_at(rec, ("signup", "opens"), "X304",
                           f"受付開始日（{s.opens.isoformat()}）が申込締切（{s.deadline.isoformat()}）より後です",
                           "signup opens after its deadline"))
        host = url_host(s.url)
        if host not in inst.form_hosts:
            out.append(_at(rec, ("signup", "url"), "X307",
                           f"申込フォームのホスト「{host}」は認められていません。institution.yml の form_hosts にあるホスト"
                           f"（{'、'.join(inst.form_hosts)}）のフォームを使うか、form_hosts に追加してください",
                           f"form host {host} is not in form_hosts ({', '.join(inst.form_hosts)})"))
    elif m.status == "scheduled" and m.outcome is None:
        out.append(_at(rec, ("title",), "X306",
                       "開催予定の交流会には参加申込（signup: url と deadline）を書いてください",
                       "a scheduled meeting needs signup (url and deadline)", key=True))
    if m.outcome is not None:
        o = m.outcome
        if m.status == "cancelled":
            out.append(_at(rec, ("outcome",), "X312", "中止した交流会に実績（outcome）は書けません",
                           "a cancelled meeting cannot have an outcome", key=True))
        if o.matches > o.companies:
            out.append(_at(rec, ("outcome", "matches"), "X312",
                           f"マッチング企業数（{o.matches}）が参加企業数（{o.companies}）を超えています",
                           "matches exceed participating companies"))
        if o.matches > o.second_interviews and o.second_interviews:
            out.append(_at(rec, ("outcome", "matches"), "X312",
                           f"マッチング企業数（{o.matches}）が二次面談数（{o.second_interviews}）を超えています",
                           "matches exceed second interviews", Severity.WARNING))
    seen: set[str] = set()
    for i, org in enumerate(m.organisers):
        if (org.institution is None) == (org.name is None):
            out.append(_at(rec, ("organisers", i), "X309",
                           "主催・共催・後援には institution（機関 ID）か name（名前）のどちらか一方を書いてください",
                           "an organiser needs exactly one of institution or name"))
            continue
        if org.institution is not None:
            ref = org.institution if "/" in org.institution else f"{rec.region}/{org.institution}"
            if ref not in ds.institutions:
                out.append(_at(rec, ("organisers", i, "institution"), "X308",
                               f"機関「{org.institution}」が見つかりません。regions/…/institutions/ のフォルダ名を書いてください",
                               f"institution '{org.institution}' not found"))
            if ref in seen:
                out.append(_at(rec, ("organisers", i), "X309", f"機関「{org.institution}」が2回書かれています",
                               f"organiser '{org.institution}' is listed twice"))
            seen.add(ref)
    return out


def _check_challenge(ds: Dataset, rec: Record[Challenge]) -> list[Diagnostic]:
    c = rec.model
    out: list[Diagnostic] = []
    if c.meeting is not None:
        ref = f"{rec.region}/{rec.institution}/{c.meeting}"
        if ref not in ds.meetings:
            inst_meetings = sorted(k.rsplit("/", 1)[1] for k in ds.meetings if k.startswith(f"{rec.region}/{rec.institution}/"))
            shown = "、".join(inst_meetings[-5:]) or "なし"
            out.append(_at(rec, ("meeting",), "X310",
                           f"交流会「{c.meeting}」が見つかりません。同じ機関の meetings/ にあるファイル名（.yml を除く）を書いてください（候補: {shown}）",
                           f"meeting '{c.meeting}' not found in this institution's meetings/"))
    if c.consent_date is None:
        out.append(_at(rec, ("title",), "X320",
                       "公開の同意日（consent_date）がないため、この課題はポータルに掲載されません",
                       "no consent_date: this challenge will not be published", Severity.WARNING, key=True))
    return out


def _check_veteran(ds: Dataset, rec: Record[Veteran]) -> list[Diagnostic]:
    v = rec.model
    out: list[Diagnostic] = []
    if v.contact_form is not None:
        allowed = set(vocab.DEFAULT_FORM_HOSTS)
        for key, inst in ds.institutions.items():
            if key.startswith(rec.region + "/"):
                allowed.update(inst.model.form_hosts)
        host = url_host(v.contact_form)
        if host not in allowed:
            out.append(_at(rec, ("contact_form",), "X307",
                           f"連絡フォームのホスト「{host}」は認められていません。Google フォームなど、地域の機関が認めるフォームを使ってください",
                           f"contact form host {host} is not allowed"))
    if v.consent_date is None:
        out.append(_at(rec, ("headline",), "X320",
                       "公開の同意日（consent_date）がないため、このプロフィールはポータルに掲載されません",
                       "no consent_date: this profile will not be published", Severity.WARNING, key=True))
    return out


def _check_branding(root: Path, rec: Record) -> list[Diagnostic]:
    branding = getattr(rec.model, "branding", None)
    if branding is None or branding.logo is None:
        return []
    logo = root / Path(rec.path).parent / branding.logo
    try:
        data = read_regular(root, logo, MAX_LOGO_BYTES)
    except UnsafePath as exc:
        if exc.reason == "link":
            return [_at(rec, ("branding", "logo"), "L206",
                        f"ロゴ画像「{branding.logo}」はシンボリックリンクなので使えません（リポジトリの外のファイルを読むおそれがあるため）。"
                        "実物の画像ファイルを置いてください",
                        "the logo is a symbolic link; put the real image file there")]
        if exc.reason == "not-regular":
            return [_at(rec, ("branding", "logo"), "X317",
                        f"ロゴ画像「{branding.logo}」は通常のファイルではありません。画像ファイルを置いてください",
                        f"logo {branding.logo} is not a regular file; put an image file there")]
        return [_at(rec, ("branding", "logo"), "X314",
                    f"ロゴ画像「{branding.logo}」が同じフォルダにありません。画像をアップロードするかファイル名を直してください",
                    f"logo file {branding.logo} not found next to this file")]
    except OSError:
        return [_at(rec, ("branding", "logo"), "X314",
                    f"ロゴ画像「{branding.logo}」が同じフォルダにありません。画像をアップロードするかファイル名を直してください",
                    f"logo file {branding.logo} not found next to this file")]
    if len(data) > MAX_LOGO_BYTES:
        size = logo.lstat().st_size
        return [_at(rec, ("branding", "logo"), "X314",
                    f"ロゴ画像が大きすぎます（{size // 1024}KB、200KBまで）",
                    "logo is larger than 200 KB")]
    try:
        images.inspect(data, logo.suffix.lower())
    except images.ImageProblem as problem:
        code = "X316" if logo.suffix.lower() == ".svg" or images.looks_like_svg(data) else "X317"
        return [_at(rec, ("branding", "logo"), code, f"ロゴ画像「{branding.logo}」: {problem.ja}", f"logo {branding.logo}: {problem.en}")]
    return []


def _check_prefecture_in_region(ds: Dataset) -> list[Diagnostic]:
    """Institutions, challenges and veterans sit in a prefecture of their own region."""
    out = []
    for rec in [*ds.institutions.values(), *ds.challenges.values(), *ds.veterans.values()]:
        region = ds.regions[rec.region].model
        if rec.model.prefecture not in region.prefectures:
            out.append(_at(rec, ("prefecture",), "X311",
                           f"都道府県「{rec.model.prefecture}」は地域「{region.name}」に含まれていません。region.yml の prefectures を確認してください",
                           f"prefecture {rec.model.prefecture} is not in region {rec.region}"))
    return out


# Fields whose template example must not be published as is.
_TEMPLATE_FIELDS = {
    "meetings": ("title", "description"),
    "challenges": ("title", "description", "support_wanted"),
    "veterans": ("career",),  # a headline may well repeat the example
}


def _check_template_leftovers(ds: Dataset) -> list[Diagnostic]:
    """A file copied from templates/ but not rewritten would publish the example text."""
    out = []
    for table, fields in _TEMPLATE_FIELDS.items():
        for rec in getattr(ds, table).values():
            model = rec.model
            for name in fields:
                example = (type(model).model_fields[name].examples or [None])[0]
                if getattr(model, name) == example:
                    out.append(_at(rec, (name,), "X330",
                                   f"「{name}」がひな形の例のままです（「{example}」）。実際の内容に書き換えてください",
                                   f"'{name}' is still the template's example; replace it"))
    for rec in ds.meetings.values():
        if rec.model.signup and "XXXX" in rec.model.signup.url:
            out.append(_at(rec, ("signup", "url"), "X330",
                           "申込フォームの URL がひな形の例のまま（XXXX を含む）です。実際のフォームの URL に書き換えてください",
                           "the sign-up URL is still the template's placeholder"))
    return out


def cross_check(root: Path, ds: Dataset) -> list[Diagnostic]:
    out = _check_prefecture_in_region(ds) + _check_template_leftovers(ds)
    for meeting in ds.meetings.values():
        out += _check_meeting(ds, meeting)
    for challenge in ds.challenges.values():
        out += _check_challenge(ds, challenge)
    for veteran in ds.veterans.values():
        out += _check_veteran(ds, veteran)
    for rec in [*ds.regions.values(), *ds.institutions.values()]:
        out += _check_branding(root, rec)
    # Prefectures may only belong to one region, or two portals would claim them.
    owner: dict[str, str] = {}
    for rec in ds.regions.values():
        for i, pref in enumerate(rec.model.prefectures):
            if pref in owner:
                out.append(_at(rec, ("prefectures", i), "X315",
                               f"「{pref}」は地域「{owner[pref]}」にも含まれています。1つの地域にだけ書いてください",
                               f"{pref} already belongs to region {owner[pref]}"))
            else:
                owner[pref] = rec.id
    return out
