"""Second line: the built site is scanned, and a page that would show a phone number is never published."""

from __future__ import annotations

import multiprocessing
import shutil
from datetime import date
from pathlib import Path

import pytest

import generator.privacy.built
import generator.privacy.check
from generator.build import build
from generator.plan import SitePlan
from generator.privacy.built import scan_site
from generator.validate import load_dataset

from .conftest import CHALLENGE, FIXTURES, MEETING, REPO, replace
from .test_privacy_allow import entry, write_allow

TODAY = date(2026, 11, 26)
CHALLENGE_PAGE = "kanto/minato-shinkin/challenges/precision-parts/index.html"


def _build(root: Path, out: Path):
    return build(root, out, today=TODAY, index=False, project_root=REPO)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SitePlan]:
    out = tmp_path_factory.mktemp("built") / "site"
    result = _build(FIXTURES / "valid", out)
    assert result.ok, [d.text() for d in result.diagnostics]
    return out, result.plans[0]


@pytest.fixture
def site(built: tuple[Path, SitePlan], tmp_path: Path) -> tuple[Path, SitePlan]:
    """A private copy of the built fixture site, free to break."""
    out, plan = built
    copy = tmp_path / "site"
    shutil.copytree(out, copy)
    return copy, plan


def inject(page: Path, html: str) -> None:
    text = page.read_text(encoding="utf-8")
    assert "</article>" in text
    page.write_text(text.replace("</article>", html + "</article>", 1), encoding="utf-8")


def scan(site: Path, plan: SitePlan):
    """The build scan with the fixture's dataset and reviewed exceptions (validation's Loaded value)."""
    loaded = load_dataset(FIXTURES / "valid")
    assert loaded.dataset is not None
    return scan_site(site, plan, loaded.dataset, loaded.allow)


def texts(site: Path, plan: SitePlan) -> list[str]:
    return [d.text() for d in scan(site, plan)]


def test_clean_build_has_no_findings(built: tuple[Path, SitePlan]) -> None:
    out, plan = built
    # The footer shows the institution's own phone (text and tel: link) and its website: public.
    home = (out / "kanto/minato-shinkin/index.html").read_text(encoding="utf-8")
    assert "045-000-0000" in home and 'href="tel:0450000000"' in home
    assert scan(out, plan) == []


def test_phone_on_a_page_is_found(site: tuple[Path, SitePlan]) -> None:
    out, plan = site
    inject(out / CHALLENGE_PAGE, "<p>お問い合わせは ０３－１２３４－５６７８ まで</p>")
    assert texts(out, plan) == [
        f"{CHALLENGE_PAGE}:0:0: error P501 生成したページに電話・FAX番号「０３－１２３４－５６７８」が載っています。"
        "元の YAML かテンプレートから削除してください（誤検出なら regions/privacy-allow.yml に SKS の確認を受けた例外を追加します）"
        " (the built page shows phone or fax number '０３－１２３４－５６７８'; remove it from the data or the template"
        " (a false alarm needs a reviewed exception))"
    ]


def test_links_attributes_and_inline_markup(site: tuple[Path, SitePlan]) -> None:
    out, plan = site
    inject(out / CHALLENGE_PAGE,
           '<p><a href="mailto:taro@example.co.jp">メール</a> <a href="tel:+81-90-1234-5678">電話</a>'
           ' <a href="https://www.yamada-seiki.co.jp/">会社</a>'
           ' <a href="https://docs.google.com/forms/d/e/x/viewform?entry.1=%E5%B1%B1%E7%94%B0">申込</a>'
           ' 山田<strong>社長</strong> <img alt="株式会社山田製作所の工場" src="x.png"></p>'
           '<script>var tel = "03-1234-5678";</script><style>/* 03-1234-5678 */</style><!-- 03-1234-5678 -->')
    assert [(d.code, d.message_ja.split("「")[1].split("」")[0] if d.code != "P510" else "") for d in scan(out, plan)] == [
        ("P501", "+81-90-1234-5678"),
        ("P502", "taro@example.co.jp"),
        ("P503", "https://www.yamada-seiki.co.jp/"),
        ("P507", "株式会社山田製作所"),
        ("P508", "山田社長"),
        ("P510", ""),
    ]


def test_json_exports_are_scanned_but_not_pagefind_or_assets(site: tuple[Path, SitePlan]) -> None:
    out, plan = site
    (out / "data").mkdir(exist_ok=True)  # the open data folder is there already
    (out / "data/export.json").write_text('{"items": [{"note": "担当：中村", "url": "https://docs.google.com/forms/d/e/x/viewform"}]}',
                                          encoding="utf-8")
    for skipped in ("assets/extra.json", "kanto/pagefind/pagefind-entry.json"):
        (out / skipped).parent.mkdir(parents=True, exist_ok=True)
        (out / skipped).write_text('{"note": "担当：中村"}', encoding="utf-8")
    assert [(d.path, d.code) for d in scan(out, plan)] == [("data/export.json", "P508")]


def test_editorial_pages_may_name_organisations_and_link_out(site: tuple[Path, SitePlan]) -> None:
    out, plan = site
    page = out / "about/index.html"
    inject(page, '<p>一般社団法人 新現役交流会サポート（SKS）と <a href="https://www.chusho.meti.go.jp/">中小企業庁</a></p>'
                 "<pre><code>contact:\n  phone: 03-0000-0000</code></pre>")
    assert texts(out, plan) == []
    inject(page, "<p>SKS の電話 03-1234-5678</p>")
    assert [(d.path, d.code) for d in scan(out, plan)] == [("about/index.html", "P501")]


def test_same_finding_on_many_pages_is_reported_a_few_times(site: tuple[Path, SitePlan]) -> None:
    out, plan = site
    pages = sorted(p for p in out.rglob("index.html") if "</article>" in p.read_text(encoding="utf-8"))
    assert len(pages) > 7
    for page in pages:
        inject(page, "<p>TEL 03-1234-5678</p>")
    found = scan(out, plan)
    assert len(found) == 5
    assert found[-1].message_ja.endswith(f"（ほか {len(pages) - 5} ページにもあります）")


def test_small_line_cache_gives_the_same_findings(site: tuple[Path, SitePlan], monkeypatch: pytest.MonkeyPatch) -> None:
    out, plan = site
    inject(out / CHALLENGE_PAGE, "<p>TEL 03-1234-5678</p>")
    expected = texts(out, plan)
    monkeypatch.setattr(generator.privacy.built, "LINE_CACHE_LIMIT", 1)
    assert texts(out, plan) == expected


def test_build_with_a_hole_in_the_first_line_is_refused(valid_root: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert _build(valid_root, out).ok
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    # Simulate a hole in the first line: the text check lets everything through.
    monkeypatch.setattr(generator.privacy.check, "check_dataset", lambda root, ds, allow: [])
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。ご連絡は 045-123-4567 まで。")
    result = _build(valid_root, out)

    assert not result.ok
    assert result.message == "生成したページに個人・企業を特定できる情報が見つかったため、公開しませんでした"
    message = ("0:0: error P501 生成したページに電話・FAX番号「045-123-4567」が載っています。"
               "元の YAML かテンプレートから削除してください（誤検出なら regions/privacy-allow.yml に SKS の確認を受けた例外を追加します）"
               " (the built page shows phone or fax number '045-123-4567'; remove it from the data or the template"
               " (a false alarm needs a reviewed exception))")
    texts = [d.text() for d in result.diagnostics]
    assert f"{CHALLENGE_PAGE}:{message}" in texts
    # The same leak reaches the open data exports, which the second line reads too.
    assert "data/challenges.json:" + message in texts
    assert all(t.endswith(message) for t in texts), texts
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # the last good output is untouched


def test_first_line_stops_the_same_leak_before_rendering(valid_root: Path, tmp_path: Path) -> None:
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。ご連絡は 045-123-4567 まで。")
    result = _build(valid_root, tmp_path / "out")
    assert not result.ok and not (tmp_path / "out").exists()
    assert [d.code for d in result.diagnostics] == ["P501"]


def test_reviewed_exception_and_public_venue_pass_both_lines(valid_root: Path, tmp_path: Path) -> None:
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。主力は漬物「鈴木さん」。")
    write_allow(valid_root, entry(CHALLENGE, "鈴木さん"))
    replace(valid_root, MEETING, "  city: 横浜市中区", "  city: 横浜市中区\n  address: 本町1-2-3")
    result = _build(valid_root, tmp_path / "out")
    assert result.ok, [d.text() for d in result.diagnostics]
    page = (tmp_path / "out" / CHALLENGE_PAGE).read_text(encoding="utf-8")
    assert "鈴木さん" in page
    meeting_page = (tmp_path / "out/kanto/minato-shinkin/meetings/2026-12-10/index.html").read_text(encoding="utf-8")
    assert "横浜市中区本町1-2-3" in meeting_page


def test_new_classes_are_caught_on_built_pages(site: tuple[Path, SitePlan]) -> None:
    """The build scan uses the same language layer and labelled-number rules as validation."""
    out, plan = site
    inject(out / CHALLENGE_PAGE,
           "<p>代表の<strong>山田太郎</strong>が営むヤマセ製作所は、市立みなと病院に納品しています。</p>"
           "<p>振込先は普通 1234567、マイナンバーは1234 5678 9018、社用車は品川 300 さ 12-34。</p>"
           "<p>社長は1956年3月14日生まれ、携帯は〇九〇‐一二三四‐五六七八、インスタは kato_foods で検索。</p>")
    assert sorted((d.code, d.message_ja.split("「")[1].split("」")[0]) for d in scan(out, plan)) == [
        ("P501", "〇九〇‐一二三四‐五六七八"),
        ("P507", "みなと病院"),
        ("P507", "ヤマセ製作所"),
        ("P508", "代表の山田太郎"),
        ("P509", "kato_foods"),
        ("P511", "普通 1234567"),
        ("P512", "マイナンバーは1234 5678 9018"),
        ("P513", "品川 300 さ 12-34"),
        ("P514", "1956年3月14日生まれ"),
    ]


def test_a_name_escaped_in_a_cards_json_metadata_is_found(site: tuple[Path, SitePlan]) -> None:
    """List filters read each card from ASCII JSON metadata (\\u escapes); the scan reads it decoded."""
    import json

    out, plan = site
    card = json.dumps({"title": "部品加工", "summary": "代表の山田太郎が営むヤマセ製作所です"}, ensure_ascii=True)
    assert "山田" not in card  # escaped: read as it stands, no Japanese check could see the name
    inject(out / CHALLENGE_PAGE, f'<div data-pagefind-meta="kk-card:{card.replace(chr(34), "&quot;")}"></div>')
    assert sorted((d.code, d.message_ja.split("「")[1].split("」")[0]) for d in scan(out, plan)) == [
        ("P507", "ヤマセ製作所"), ("P508", "代表の山田太郎")]


def test_build_refuses_a_name_the_first_line_missed(valid_root: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator.privacy.check, "check_dataset", lambda root, ds, allow: [])
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。父・田中次郎と二人で営む加藤製作所です。")
    result = _build(valid_root, tmp_path / "out")
    assert not result.ok and not (tmp_path / "out").exists()
    # Found on the challenge page and again in each portal's open data (data/challenges.json).
    assert sorted({(d.code, d.message_ja.split("「")[1].split("」")[0]) for d in result.diagnostics}) == [
        ("P507", "加藤製作所"), ("P508", "田中次郎")]
    assert {d.text().split(":")[0] for d in result.diagnostics} == {
        CHALLENGE_PAGE, "data/challenges.json", "kanto/data/challenges.json", "kanto/minato-shinkin/data/challenges.json"}


def test_search_metadata_words_stay_apart_for_the_scan() -> None:
    """Region, prefecture and industry are separate words, not one 「中国鳥取県電気…」 company name."""
    from types import SimpleNamespace

    from jinja2 import Environment, FileSystemLoader

    from generator.privacy.html_text import extract
    from generator.privacy.scan import scan_text

    env = Environment(loader=FileSystemLoader(str(REPO / "themes" / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    meta = SimpleNamespace(kind="企業の課題", region="中国", prefectures=("鳥取県",), industries=("電気・ガス・熱供給・水道業",),
                           categories=("品質管理",), months=(), title="品質を高めたい")
    markup = env.get_template("_macros.html").module.search_meta(meta)
    lines = extract(str(markup)).lines
    assert "中国" in lines and "鳥取県" in lines
    assert [h.span for line in lines for h in scan_text(line)] == []


def test_scan_in_processes_gives_the_same_findings(site: tuple[Path, SitePlan], monkeypatch: pytest.MonkeyPatch) -> None:
    """Large sites are scanned in one forked process per CPU; the merged report is the one process's."""
    out, plan = site
    pages = sorted(p for p in out.rglob("index.html") if "</article>" in p.read_text(encoding="utf-8"))
    for i, page in enumerate(pages):  # the same leak on every page (counted across shards) and one per page
        inject(page, f"<p>TEL 03-1234-5678</p><p>連絡先 taro{i}@example.net</p>")
    monkeypatch.setenv("KORYUKAI_WORKERS", "1")
    expected = texts(out, plan)
    assert len(expected) > len(pages)
    monkeypatch.setenv("KORYUKAI_WORKERS", "2")
    monkeypatch.setattr(generator.privacy.built, "PARALLEL_MIN_FILES", 1)
    spawned = []
    real_pool = multiprocessing.get_context("fork").Pool

    def counting_pool(*args, **kwargs):
        spawned.append(args)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(multiprocessing.context.ForkContext, "Pool", lambda self, *a, **k: counting_pool(*a, **k))
    assert texts(out, plan) == expected
    assert spawned == [(2,)]
