"""Reach outputs (issue 13): calendars, feeds, open data, share meta, JSON-LD, flyers, robots/sitemap.

Every file is read back with the field's own parser (icalendar, an XML parser, json, csv), and the
data files must not change with the build day.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar

from generator.build import build
from generator.outputs.opendata import EVENT_LIST_COLUMNS, local_government_code
from generator.plan.meta import safe_json

from .conftest import REPO, TODAY

SITE_URL = "https://demo.example.jp/koryukai/"
ATOM = "{http://www.w3.org/2005/Atom}"
LATER = date(2026, 12, 2)  # no meeting falls between TODAY and LATER: no record changes state to "held"
MEETING = "kanto/minatodai-shinkin/meetings/2026-12-10/"
CANCELLED = "tohoku/koganehara-bank/meetings/2026-12-03/"
POSTPONED = "kanto/hikarizaka-support/meetings/2027-01-21/"
ONLINE = "kanto/hikarizaka-support/meetings/2026-12-17-online/"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name, today in (("a", TODAY), ("b", LATER)):
        target = tmp_path_factory.mktemp("reach") / name
        result = build(REPO, target, today=today, site_url=SITE_URL, index=False)
        assert result.ok, result.message
        out[name] = target
    return out


@pytest.fixture(scope="module")
def site(sites: dict[str, Path]) -> Path:
    return sites["a"]


def _ics(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def _events(cal: Calendar) -> list:
    return [c for c in cal.walk("VEVENT")]


# --- iCalendar -------------------------------------------------------------------

def test_every_ics_parses_and_portal_calendars_are_subscribable(site: Path) -> None:
    files = sorted(site.rglob("*.ics"))
    portals = [p for p in files if p.name == "calendar.ics"]
    assert len(portals) == 1 + 3 + len(list((REPO / "regions").glob("*/institutions/*/institution.yml")))
    assert len([p for p in files if p.name == "meeting.ics"]) == len(list((REPO / "regions").rglob("meetings/*.yml")))
    for path in files:
        cal = _ics(path)
        assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID"), path
        tz = [c for c in cal.walk("VTIMEZONE")]
        assert [str(t["TZID"]) for t in tz] == ["Asia/Tokyo"], path
        uids = [str(e["UID"]) for e in _events(cal)]
        assert len(uids) == len(set(uids)), path
        for event in _events(cal):
            assert event.get("DTSTAMP") and event.get("SEQUENCE") is not None, (path, event["UID"])
    kanto = _ics(site / "kanto/calendar.ics")
    assert str(kanto["NAME"]) == "関東 新現役交流会ポータル"
    assert str(kanto["X-WR-TIMEZONE"]) == "Asia/Tokyo"
    assert kanto["REFRESH-INTERVAL"].dt.total_seconds() == 12 * 3600
    assert b"X-PUBLISHED-TTL:PT12H\r\n" in (site / "kanto/calendar.ics").read_bytes()


def test_meeting_event_carries_time_place_url_and_signup_days(site: Path) -> None:
    events = {str(e["UID"]): e for e in _events(_ics(site / MEETING / "meeting.ics"))}
    main = events["meeting-kanto.minatodai-shinkin.2026-12-10@koryukai.invalid"]
    start = main.decoded("DTSTART")
    assert start.isoformat() == "2026-12-10T13:30:00+09:00"
    assert main.decoded("DTEND").isoformat() == "2026-12-10T16:30:00+09:00"
    assert "みなと台信用金庫 本店 5階ホール" in str(main["LOCATION"])
    assert str(main["URL"]) == SITE_URL + MEETING
    assert str(main["STATUS"]) == "CONFIRMED"
    opens = events["meeting-kanto.minatodai-shinkin.2026-12-10-signup-opens@koryukai.invalid"]
    deadline = events["meeting-kanto.minatodai-shinkin.2026-12-10-signup-deadline@koryukai.invalid"]
    # All-day entries: a date, not a datetime, on the days the data names.
    assert type(deadline.decoded("DTSTART")) is date and deadline.decoded("DTSTART") == date(2026, 11, 30)
    assert type(opens.decoded("DTSTART")) is date and opens.decoded("DTSTART") == date(2026, 10, 15)
    assert "申込締切" in str(deadline["SUMMARY"])


def test_same_uid_in_portal_and_meeting_calendars(site: Path) -> None:
    """Subscribing to the portal after downloading one meeting must not give two copies."""
    one = {str(e["UID"]) for e in _events(_ics(site / MEETING / "meeting.ics"))}
    portal = {str(e["UID"]) for e in _events(_ics(site / "kanto/minatodai-shinkin/calendar.ics"))}
    assert one <= portal


def test_cancelled_and_postponed_meetings(site: Path) -> None:
    cancelled = [e for e in _events(_ics(site / CANCELLED / "meeting.ics"))]
    assert cancelled and all(str(e["STATUS"]) == "CANCELLED" for e in cancelled)
    # The change outranks the earlier version: a higher SEQUENCE and a later DTSTAMP than when scheduled.
    assert all(int(e["SEQUENCE"]) == 2 for e in cancelled)
    main = next(e for e in cancelled if "signup" not in str(e["UID"]))
    assert str(main["SUMMARY"]).startswith("【中止】")
    postponed = next(e for e in _events(_ics(site / POSTPONED / "meeting.ics")) if "signup" not in str(e["UID"]))
    assert str(postponed["STATUS"]) == "TENTATIVE" and int(postponed["SEQUENCE"]) == 1


# --- Atom ----------------------------------------------------------------------------

def test_atom_feeds_meet_rfc4287_essentials(site: Path) -> None:
    feeds = sorted(site.rglob("feed.atom"))
    assert len(feeds) == len(list(site.rglob("calendar.ics")))
    for path in feeds:
        root = ET.fromstring(path.read_bytes())
        assert root.tag == f"{ATOM}feed", path
        for tag in ("id", "title", "updated"):
            assert root.find(f"{ATOM}{tag}") is not None and root.find(f"{ATOM}{tag}").text, (path, tag)
        assert root.find(f"{ATOM}author/{ATOM}name") is not None
        self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert self_link and self_link[0].get("href") == SITE_URL + path.relative_to(site).as_posix()
        ids = []
        for entry in root.findall(f"{ATOM}entry"):
            for tag in ("id", "title", "updated"):
                assert entry.find(f"{ATOM}{tag}").text, (path, tag)
            datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
            assert entry.find(f"{ATOM}link").get("href").startswith(SITE_URL)
            ids.append(entry.find(f"{ATOM}id").text)
        assert ids and len(ids) == len(set(ids)), path
        assert all(i.startswith("urn:uuid:") for i in ids)
        newest = max(datetime.fromisoformat(e.find(f"{ATOM}updated").text) for e in root.findall(f"{ATOM}entry"))
        assert datetime.fromisoformat(root.find(f"{ATOM}updated").text) == newest


def test_feed_marks_cancelled_meeting(site: Path) -> None:
    root = ET.fromstring((site / "tohoku/feed.atom").read_bytes())
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert "【中止】交流会：こがね原新現役交流会 秋田特別回" in titles


# --- open data ---------------------------------------------------------------------

def _csv_rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path}: no BOM (Excel would misread Japanese)"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_json_matches_its_schema_and_csv_matches_json(site: Path) -> None:
    schemas = {p.name.split(".")[0]: json.loads(p.read_text(encoding="utf-8")) for p in (site / "data/schema").glob("*.json")}
    assert set(schemas) == {"meetings", "challenges", "veterans"}
    checked = 0
    for path in site.rglob("data/*.json"):
        what = path.stem
        doc = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schemas[what], format_checker=jsonschema.FormatChecker()).validate(doc)
        rows = _csv_rows(path.with_suffix(".csv"))
        assert len(rows) == len(doc["records"]), path
        assert [r["ID"] for r in rows] == [r["id"] for r in doc["records"]]
        checked += 1
    assert checked >= 3 * 4


def test_only_what_pages_show(site: Path) -> None:
    text = (site / "data/challenges.json").read_text(encoding="utf-8") + (site / "data/veterans.json").read_text(encoding="utf-8")
    # contact_form: enquiries about a veteran go through the institution's desk, not a form of their own.
    for hidden in ("consent_date", "owners", "regions/", ".yml", "ship-parts-new-markets", "contact_form"):
        assert hidden not in text
    doc = json.loads((site / "data/meetings.json").read_text(encoding="utf-8"))
    assert doc["note"].startswith("架空のデモデータ")
    future = next(r for r in doc["records"] if r["id"] == "kanto/minatodai-shinkin/2026-12-10")
    assert future["outcome_matches"] is None and future["url"] == SITE_URL + MEETING


def test_event_list_layout(site: Path) -> None:
    path = site / "kanto/data/event.csv"
    header = next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert tuple(header) == EVENT_LIST_COLUMNS
    rows = {r["イベント名"]: r for r in _csv_rows(path)}
    row = rows["第12回 みなと台新現役交流会"]
    assert row["都道府県コード又は市区町村コード"] == "140007"  # 神奈川県
    assert row["イベント名_カナ"] == "ダイ12カイ　ミナトダイシンゲンエキコウリュウカイ"
    assert (row["開始日"], row["開始時間"], row["終了時間"]) == ("2026-12-10", "13:30", "16:30")
    assert row["参加申込終了日"] == "2026-11-30" and row["URL"] == SITE_URL + MEETING
    assert [r["NO"] for r in _csv_rows(path)] == [str(i) for i in range(1, len(rows) + 1)]


@pytest.mark.parametrize(("prefecture", "code"), [("北海道", "010006"), ("埼玉県", "110001"), ("東京都", "130001"),
                                                   ("大阪府", "270008"), ("沖縄県", "470007")])
def test_local_government_code_check_digit(prefecture: str, code: str) -> None:
    assert local_government_code(prefecture) == code


def test_calendars_feeds_and_data_do_not_change_with_the_build_day(sites: dict[str, Path]) -> None:
    def digest(root: Path) -> dict[str, str]:
        paths = [*root.rglob("*.ics"), *root.rglob("*.atom"), *root.rglob("data/*"), *root.rglob("data/schema/*"),
                 *root.rglob("share.png"), root / "favicon.ico", root / "robots.txt"]
        return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}

    a, b = digest(sites["a"]), digest(sites["b"])
    assert len(a) > 100
    assert a == b


# --- pages -------------------------------------------------------------------------

def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_page_has_share_meta_icons_and_a_title_with_the_portal(site: Path) -> None:
    pages = [p for p in site.rglob("index.html") if "/flyer/" not in p.as_posix()]
    assert len(pages) > 150
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for needle in ('property="og:title"', 'property="og:description"', 'property="og:image"', 'name="twitter:card"',
                       'rel="canonical"', 'rel="apple-touch-icon"'):
            assert needle in html, (path, needle)
        icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', html)
        assert len(icons) == 3 and all((path.parent / href).resolve().is_file() for href in icons), path
        title = re.search(r"<title>([^<]*)</title>", html).group(1)
        assert "新現役交流会" in title, (path, title)
    challenge = _page(site, "kanto/minatodai-shinkin/challenges/coating-patent/")
    assert "<title>独自の表面処理技術を知的財産として守りたい｜みなと台信用金庫 新現役交流会</title>" in challenge


def _jsonld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_meeting_jsonld_meets_googles_event_requirements(site: Path) -> None:
    data = _jsonld(_page(site, MEETING))
    assert data["@type"] == "Event" and data["name"] == "第12回 みなと台新現役交流会"
    assert data["startDate"] == "2026-12-10T13:30:00+09:00" and data["endDate"] == "2026-12-10T16:30:00+09:00"
    assert data["location"]["@type"] == "Place" and data["location"]["address"]["@type"] == "PostalAddress"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"]["name"] == "みなと台信用金庫"
    assert data["offers"]["url"].startswith("https://docs.google.com/forms/")
    assert data["offers"]["validThrough"] == "2026-11-30T23:59:59+09:00"
    assert data["image"] == [SITE_URL + "kanto/minatodai-shinkin/share.png"]
    assert "**" not in data["description"]
    online = _jsonld(_page(site, ONLINE))
    assert online["location"]["@type"] == "VirtualLocation" and online["location"]["url"] == SITE_URL + ONLINE
    postponed = _jsonld(_page(site, POSTPONED))
    assert postponed["eventStatus"] == "https://schema.org/EventPostponed"
    assert postponed["previousStartDate"] == "2027-01-21T13:30:00+09:00"
    assert "offers" not in _jsonld(_page(site, CANCELLED))


def test_jsonld_cannot_close_its_script() -> None:
    text = str(safe_json({"name": "</script><script>alert(1)</script><!--", "amp": "a&b"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script><!--"


def test_calendar_menu_and_share_links(site: Path) -> None:
    html = _page(site, MEETING)
    assert 'href="meeting.ics" download' in html
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "dates=20261210T133000%2F20261210T163000" in html
    assert 'href="webcal://demo.example.jp/koryukai/kanto/minatodai-shinkin/calendar.ics"' in html
    assert "https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fdemo.example.jp" in html
    assert "https://x.com/intent/post?" in html
    assert 'href="flyer/"' in html
    assert "<script src" not in html.split('class="kk-reach"')[1].split("</section>")[0]


def test_flyer_has_qr_deadline_contact_and_anonymised_challenges(site: Path) -> None:
    html = (site / MEETING / "flyer/index.html").read_text(encoding="utf-8")
    assert "<svg" in html and "交流会ページへのQRコード" in html
    assert "2026年11月30日（月）" in html and "045-0000-1234" in html
    assert "多品種少量" not in html or "会社名は伏せています" in html
    assert "架空のデモデータ" in html
    assert re.search(r'href="(\.\./)+assets/koryukai/flyer\.css"', html)


def test_footer_links_calendar_feed_and_open_data(site: Path) -> None:
    html = _page(site, "kanto/")
    for href in ('href="calendar.ics"', 'href="feed.atom"', 'href="data/meetings.csv"', 'href="../opendata/"'):
        assert href in html, href
    assert "<h1" in _page(site, "opendata/") and "イベント一覧" in _page(site, "opendata/")


def test_robots_and_sitemap(site: Path, tmp_path: Path) -> None:
    assert "Disallow: /" in (site / "robots.txt").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(loc.startswith(SITE_URL) for loc in locs)
    plain = tmp_path / "plain"
    assert build(REPO, plain, today=TODAY, index=False).ok
    assert not (plain / "sitemap.xml").exists() and not (plain / "sitemap.xml.gz").exists()
    html = (plain / MEETING / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in html and 'property="og:image"' not in html and "webcal:" not in html
    assert 'name="twitter:card" content="summary"' in html


def test_missing_japanese_font_is_reported_and_images_have_no_text(valid_root: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from generator.outputs import share_image

    monkeypatch.setattr(share_image, "font_path", lambda: None)
    result = build(valid_root, tmp_path / "out", today=TODAY, index=False)
    assert result.ok
    assert result.message == share_image.MISSING_FONT
    with Image.open(tmp_path / "out" / "share.png") as card:
        assert card.size == (1200, 630)
        # Only the two brand colours and the band: no glyph pixels, so no empty boxes either.
        assert len(card.convert("RGB").getcolors(maxcolors=10) or []) <= 4


def test_flyer_prints_only_its_view_and_runs_under_minijinja() -> None:
    """The flyer template, like the page templates, gets one view and prints it: MiniJinja gives the same page."""
    import html as htmllib

    import minijinja

    from generator.outputs.common import meeting_page
    from generator.outputs.flyer import flyer_view, render_flyer
    from generator.plan import build_plan
    from generator.plan.views import FlyerView
    from generator.validate import load_dataset

    loaded = load_dataset(REPO)
    assert loaded.dataset is not None
    plan = build_plan(loaded.dataset, TODAY, site_url=SITE_URL)
    templates = REPO / "themes" / "templates"
    mini = minijinja.Environment(loader=lambda name: (templates / name).read_text(encoding="utf-8"),
                                 auto_escape_callback=lambda name: True, trim_blocks=True, lstrip_blocks=True,
                                 undefined_behavior="strict")
    rendered = 0
    for key, meeting in sorted(plan.exports.meetings.items()):
        page = meeting_page(plan, key)
        assert page is not None
        view = flyer_view(plan, meeting, page, SITE_URL)
        assert type(view) is FlyerView
        jinja = render_flyer(REPO / "themes", view).decode("utf-8")
        assert htmllib.unescape(jinja) == htmllib.unescape(mini.render_template("flyer.html", view=view)), key
        rendered += 1
    assert rendered == len(list((REPO / "regions").rglob("meetings/*.yml")))

