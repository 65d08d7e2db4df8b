"""Cross-file checks on the typed records.

These run after each file passed its model, so every rule here can trust the
types and concentrate on relations between files: references, the file name,
hosts, regions. Rules about one file alone sit beside its fields
(`post_validation` in models/).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

from . import images, vocab
from .dataset import Dataset, Record
from .diagnostics import Diagnostic, Severity
from .loader import KeyPath
from .models import Challenge, Meeting, Veteran
from .models.common import url_host
from .safe_fs import UnsafePath, read_regular


def _at(record: Record, path: KeyPath, code: str, ja: str, en: str,
        severity: Severity = Severity.ERROR, *, key: bool = False) -> Diagnostic:
    line, col = record.source.where(path, key=key)
    return Diagnostic(record.path, line, col, code, ja, en, severity)


def _follow_on(record: Record, path: KeyPath, what_ja: str, what_en: str, cause: str) -> Diagnostic:
    """A reference to a record whose own file has errors: say so, and point at that file."""
    line, col = record.source.where(path)
    return Diagnostic(record.path, line, col, "X313",
                      f"{what_ja}のファイルにエラーがあるため、確かめられません。先に {cause} のエラーを直すと解消します",
                      f"{what_en} has errors in {cause}; fixing that file clears this", cause=cause)


def _check_meeting(ds: Dataset, rec: Record[Meeting], failed: dict[str, str]) -> list[Diagnostic]:
    m = rec.model
    out: list[Diagnostic] = []
    inst = ds.institutions[f"{rec.region}/{rec.institution}"].model
    region = ds.regions[rec.region].model
    file_date = rec.id[:10]
    if file_date != m.date.isoformat():
        out.append(_at(rec, ("date",), "X301",
                       f"ファイル名の日付（{file_date}）と開催日（{m.date.isoformat()}）が違います。どちらかを直してください",
                       f"file name date {file_date} differs from date {m.date.isoformat()}"))
    if m.venue is not None and m.venue.prefecture not in region.prefectures:
        out.append(_at(rec, ("venue", "prefecture"), "X311",
                       f"会場の都道府県「{m.venue.prefecture}」は地域「{region.name}」に含まれていません",
                       f"venue prefecture {m.venue.prefecture} is outside region {rec.region}",
                       Severity.WARNING))
    if m.signup is not None:
        host = url_host(m.signup.url)
        if host not in inst.form_hosts:
            out.append(_at(rec, ("signup", "url"), "X307",
                           f"申込フォームのホスト「{host}」は認められていません。institution.yml の form_hosts にあるホスト"
                           f"（{'、'.join(inst.form_hosts)}）のフォームを使うか、form_hosts に追加してください",
                           f"form host {host} is not in form_hosts ({', '.join(inst.form_hosts)})"))
    seen: set[str] = set()
    for i, org in enumerate(m.organisers):
        if (org.institution is None) == (org.name is None):
            continue  # reported by Meeting.post_validation (X309)
        if org.institution is not None:
            ref = org.institution if "/" in org.institution else f"{rec.region}/{org.institution}"
            if ref in failed:
                out.append(_follow_on(rec, ("organisers", i, "institution"), f"機関「{org.institution}」",
                                      f"institution '{org.institution}'", failed[ref]))
            elif ref not in ds.institutions:
                close = difflib.get_close_matches(ref, list(ds.institutions), n=3, cutoff=0.5)
                close = [k.removeprefix(f"{rec.region}/") for k in close]
                shown = "、".join(close) or "、".join(sorted(k.removeprefix(f"{rec.region}/") for k in ds.institutions
                                                           if k.startswith(f"{rec.region}/"))[:5]) or "なし"
                out.append(_at(rec, ("organisers", i, "institution"), "X308",
                               f"機関「{org.institution}」が見つかりません。regions/…/institutions/ のフォルダ名を書いてください（候補: {shown}）",
                               f"institution '{org.institution}' not found"))
            if ref in seen:
                out.append(_at(rec, ("organisers", i), "X309", f"機関「{org.institution}」が2回書かれています",
                               f"organiser '{org.institution}' is listed twice"))
            seen.add(ref)
    return out


def _check_challenge(ds: Dataset, rec: Record[Challenge], failed: dict[str, str]) -> list[Diagnostic]:
    c = rec.model
    out: list[Diagnostic] = []
    if c.meeting is not None:
        ref = f"{rec.region}/{rec.institution}/{c.meeting}"
        if ref in failed:
            out.append(_follow_on(rec, ("meeting",), f"交流会「{c.meeting}」", f"meeting '{c.meeting}'", failed[ref]))
        elif ref not in ds.meetings:
            inst_meetings = sorted(k.rsplit("/", 1)[1] for k in ds.meetings if k.startswith(f"{rec.region}/{rec.institution}/"))
            shown = "、".join(inst_meetings[-5:]) or "なし"
            out.append(_at(rec, ("meeting",), "X310",
                           f"交流会「{c.meeting}」が見つかりません。同じ機関の meetings/ にあるファイル名（.yml を除く）を書いてください（候補: {shown}）",
                           f"meeting '{c.meeting}' not found in this institution's meetings/"))
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
        # Contact goes through the institution (三者対等): the page shows the profile id and the desk instead.
        out.append(_at(rec, ("contact_form",), "X340",
                       "連絡フォーム（contact_form）はページに表示されません。新現役への相談は、交流会を開く機関の問い合わせ先が"
                       "プロフィール番号で受け付けます。この行は消してください",
                       "contact_form is no longer shown: enquiries go through the institution's desk with the profile id;"
                       " remove the line", Severity.WARNING))
    return out


def _check_branding(root: Path, rec: Record) -> list[Diagnostic]:
    branding = getattr(rec.model, "branding", None)
    if branding is None or branding.logo is None:
        return []
    logo = root / Path(rec.path).parent / branding.logo
    try:
        data = read_regular(root, logo, images.MAX_LOGO_BYTES)
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
    if len(data) > images.MAX_LOGO_BYTES:
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


EXAMPLE_MARK = "（例）"  # what templates/ put before every free-text example (see scaffold.py)


def _strings(value: object, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, (*path, k))
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _strings(v, (*path, i))


def _check_template_leftovers(ds: Dataset) -> list[Diagnostic]:
    """A file made from templates/ but not rewritten would publish the example text."""
    out = []
    for rec in [*ds.regions.values(), *ds.institutions.values(), *ds.meetings.values(),
                *ds.challenges.values(), *ds.veterans.values()]:
        for path, text in _strings(rec.model.model_dump(exclude_none=True), ()):
            if text.lstrip().startswith(EXAMPLE_MARK):
                name = ".".join(str(p) for p in path)
                out.append(_at(rec, path, "X330",
                               f"「{name}」がひな形の例のままです（「{text.strip()[:30]}」）。"
                               f"「{EXAMPLE_MARK}」を消して、実際の内容に書き換えてください",
                               f"'{name}' is still the template's example; rewrite it without the {EXAMPLE_MARK} mark"))
    for rec in ds.meetings.values():
        if rec.model.signup and "XXXX" in rec.model.signup.url:
            out.append(_at(rec, ("signup", "url"), "X330",
                           "申込フォームの URL がひな形の例のまま（XXXX を含む）です。実際のフォームの URL に書き換えてください",
                           "the sign-up URL is still the template's placeholder"))
    return out


def cross_check(root: Path, ds: Dataset, failed: dict[str, str] | None = None) -> list[Diagnostic]:
    """Rules across files. `failed` maps the keys of records whose own file has errors to that file,
    so a reference to one reads as a follow-on problem, not as a missing record."""
    failed = failed or {}
    out = _check_prefecture_in_region(ds) + _check_template_leftovers(ds)
    for meeting in ds.meetings.values():
        out += _check_meeting(ds, meeting, failed)
    for challenge in ds.challenges.values():
        out += _check_challenge(ds, challenge, failed)
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
