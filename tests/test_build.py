"""The built tree: what a visitor, an institution and a host would notice."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.build import build

from .conftest import MEETING, REPO, TODAY, replace


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def all_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts and "assets" not in p.parts)


def test_every_portal_home_exists(demo_site: Path) -> None:
    homes = ["", "kanto/", "tohoku/", "kinki/", "kanto/minatodai-shinkin/", "kinki/asanagi-city/"]
    for url in homes:
        assert (demo_site / url / "index.html").is_file(), url
    for inst in (REPO / "regions").glob("*/institutions/*"):
        url = f"{inst.parent.parent.name}/{inst.name}/"
        assert "新現役交流会" in html(demo_site, url)


def test_meeting_page_links_its_form_with_safe_rel(demo_site: Path) -> None:
    page = html(demo_site, "kanto/minatodai-shinkin/meetings/2026-12-10/")
    links = re.findall(r'<a class="kk-button kk-button--big kk-button--signup" href="([^"]+)" rel="([^"]+)"', page)
    source = yaml.safe_load((REPO / "regions/kanto/institutions/minatodai-shinkin/meetings/2026-12-10.yml").read_text(encoding="utf-8"))
    assert links == [(source["signup"]["url"], "noopener noreferrer")]
    assert "2026年12月10日（木）" in page and "13:30〜16:30" in page
    assert "締切間近" in page  # deadline 2026-11-30 is four days after TODAY


def test_past_meetings_are_not_listed_as_upcoming(demo_site: Path) -> None:
    listing = html(demo_site, "meetings/")
    upcoming, _, past = listing.partition("開催済みの交流会")
    upcoming_dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', upcoming)
    past_dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', past)
    assert upcoming_dates and past_dates  # the demo has both; an empty side would prove nothing
    assert min(upcoming_dates) >= TODAY.isoformat() > max(past_dates)
    home_upcoming = html(demo_site, "").split("kk-upcoming-h", 1)[1].split("</section>", 1)[0]
    home_dates = re.findall(r'datetime="([\d-]+)"', home_upcoming)
    assert home_dates and min(home_dates) >= TODAY.isoformat()


def test_cancelled_meeting_shows_cancelled_and_no_form(demo_site: Path) -> None:
    page = html(demo_site, "tohoku/koganehara-bank/meetings/2026-12-03/")
    assert "この交流会は中止になりました" in page
    assert "kk-button--signup" not in page and "docs.google.com" not in page and "forms.office.com" not in page


def _section(page: str, heading: str) -> str:
    """The HTML from an <h2> with this text up to the next <h2> (or the end of the article)."""
    after = page.split(f"<h2>{heading}</h2>", 1)
    assert len(after) == 2, f"no <h2>{heading}</h2>"
    return re.split(r"<h2[ >]|</article>", after[1], maxsplit=1)[0]


def test_held_meetings_show_their_outcome_and_no_form(demo_site: Path) -> None:
    """Every past meeting with an outcome shows its own figures in a 実績 section."""
    held = sorted((REPO / "regions").glob("*/institutions/*/meetings/*.yml"))
    checked = 0
    for path in held:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "outcome" not in data or path.stem[:10] >= TODAY.isoformat():
            continue
        region, inst = path.parts[-5], path.parts[-3]
        page = html(demo_site, f"{region}/{inst}/meetings/{path.stem}/")
        o = data["outcome"]
        results = _section(page, "実績")
        assert f"{round(100 * o['matches'] / o['companies'])}%" in results, path.stem
        assert f"参加企業{o['companies']}社のうち{o['matches']}社" in results, path.stem
        assert f"<td>{o['second_interviews']}件</td>" in results, path.stem
        assert "kk-button--signup" not in page
        checked += 1
    assert checked >= 5


def test_every_page_says_demo_data_is_fictional(demo_site: Path) -> None:
    pages = all_pages(demo_site)
    assert len(pages) > 150
    missing = [p for p in pages if "架空のデモデータです" not in p.read_text(encoding="utf-8")]
    assert missing == []


def test_no_page_over_150_kb(demo_site: Path) -> None:
    sizes = {p.relative_to(demo_site).as_posix(): p.stat().st_size for p in all_pages(demo_site)}
    assert max(sizes.values()) < 150_000, max(sizes.items(), key=lambda kv: kv[1])


def test_links_are_relative(demo_site: Path) -> None:
    """The tree works under any base path: no root-absolute links except on 404.html, and every link resolves."""
    checked = 0
    for page in all_pages(demo_site):
        if page.name == "404.html":
            continue
        text = page.read_text(encoding="utf-8")
        absolute = re.findall(r'(?:href|src)="(/[^"]*)"', text)
        assert absolute == [], (page, absolute[:3])
        assert 'href="None"' not in text and 'src="None"' not in text, page
        for href in re.findall(r'(?:href|src)="([^"]*)"', text):
            path = href.split("#", 1)[0].split("?", 1)[0]
            if not path or re.match(r"^[a-z][a-z0-9+.-]*:", path):  # same page, or another scheme
                continue
            target = (page.parent / path).resolve()
            if path.endswith("/"):
                target = target / "index.html"
            assert target.is_file(), (page.relative_to(demo_site), href)
            checked += 1
    assert checked > 4000


def test_sitemap_and_404(demo_site: Path, tmp_path: Path) -> None:
    # A sitemap needs absolute URLs: none without --site-url (tests/test_outputs.py checks the one with it).
    assert not (demo_site / "sitemap.xml").exists()
    with_url = tmp_path / "with-url"
    assert build(REPO, with_url, today=TODAY, site_url="https://demo.example.jp/", index=False).ok
    sitemap = (with_url / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://demo.example.jp/kanto/minatodai-shinkin/meetings/2026-12-10/" in sitemap
    assert "ship-parts-new-markets" not in sitemap
    assert "<lastmod>2026-11-26</lastmod>" in sitemap
    not_found = (demo_site / "404.html").read_text(encoding="utf-8")
    assert "ページが見つかりません" in not_found
    # Served at any depth: every link starts from the site root (or is absolute: the national desk's mail and page).
    links = re.findall(r'(?:href|src)="([^"#][^"]*)"', not_found)
    assert links and all(link.startswith("/") or re.match(r"(?:mailto:|tel:|https://)", link) for link in links), links
    assert any(link.startswith("/") for link in links)


def test_unconsented_challenge_is_not_published(demo_site: Path) -> None:
    assert not (demo_site / "kinki/asanagi-city/challenges/ship-parts-new-markets").exists()
    assert not any("ship-parts-new-markets" in p.read_text(encoding="utf-8")
                   for p in demo_site.rglob("*") if p.suffix in (".json", ".csv", ".ics", ".atom"))


def test_detail_pages_are_canonical_not_copied(demo_site: Path) -> None:
    copies = list(demo_site.rglob("2026-12-10/index.html"))
    assert [p.relative_to(demo_site).as_posix() for p in copies] == ["kanto/minatodai-shinkin/meetings/2026-12-10/index.html"]
    # The co-host's portal lists it and links to the one canonical page.
    assert 'href="../../minatodai-shinkin/meetings/2026-12-10/"' in html(demo_site, "kanto/kazahaya-bank/meetings/")


def test_challenge_links_matching_veterans_and_back(demo_site: Path) -> None:
    page = html(demo_site, "kanto/minatodai-shinkin/challenges/" + sorted(
        p.stem for p in (REPO / "regions/kanto/institutions/minatodai-shinkin/challenges").glob("*.yml"))[0] + "/")
    vets = re.findall(r'href="\.\./\.\./\.\./veterans/([a-z0-9-]+)/"', page)
    assert vets, "a challenge page lists veterans with matching expertise"
    back = html(demo_site, f"kanto/veterans/{vets[0]}/")
    assert "得意分野に合う企業の課題" in back


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(demo_site: Path, tmp_path: Path) -> None:
    """Also from another process with other string hashes: set order must never reach the output."""
    import os
    import subprocess
    import sys

    again = tmp_path / "again"
    env = {**os.environ, "PYTHONHASHSEED": "4242", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "generator", "build", str(REPO), "--out", str(again),
                           "--today", TODAY.isoformat(), "-q"], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert tree_digest(again) == tree_digest(demo_site)


def test_failing_build_leaves_the_old_output(valid_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "public" / "site"
    assert build(valid_root, out, today=TODAY, index=False).ok
    before = tree_digest(out)
    replace(valid_root, MEETING, "start: 13:30", "start: 1330")
    result = build(valid_root, out, today=TODAY, index=False)
    assert not result.ok and "S203" in [d.code for d in result.diagnostics]
    assert tree_digest(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["site"]  # no staging folders left behind


def test_text_is_escaped(valid_root: Path, tmp_path: Path) -> None:
    replace(valid_root, MEETING, "title: 第12回 みなと台新現役交流会", 'title: "<script>alert(1)</script> & 交流会"')
    replace(valid_root, MEETING, "description: |\n  地域の中小企業5社が、それぞれの課題を発表します。",
            'description: |\n  [押して](javascript:alert(1)) <img src=x onerror=alert(1)> **太字**')
    out = tmp_path / "site"
    assert build(valid_root, out, today=TODAY, index=False).ok
    page = html(out, "kanto/minato-shinkin/meetings/2026-12-10/")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 交流会" in page
    assert "javascript:" not in page and "<img src=x" not in page and "<strong>太字</strong>" in page


def test_standalone_institution_portal(tmp_path: Path) -> None:
    out = tmp_path / "minatodai"
    result = build(REPO, out, today=TODAY, portals=["kanto/minatodai-shinkin"], site_url="https://koryukai.example.jp/")
    assert result.ok, result.message
    home = html(out, "")
    assert "みなと台信用金庫 新現役交流会" in home
    assert (out / "meetings/2026-12-10/index.html").is_file()
    assert (out / "pagefind/pagefind.js").is_file()  # carries its own search index
    assert not (out / "tohoku").exists() and not (out / "kinki").exists()
    assert "https://koryukai.example.jp/meetings/2026-12-10/" in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert 'href="/meetings/"' in (out / "404.html").read_text(encoding="utf-8")


def test_unknown_portal_is_refused(tmp_path: Path) -> None:
    result = build(REPO, tmp_path / "x", today=TODAY, portals=["nowhere"])
    assert not result.ok and "nowhere" in result.message
    assert not (tmp_path / "x").exists()


def test_build_twice_into_same_folder_replaces_it(valid_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(valid_root, out, today=TODAY, index=False).ok
    (out / "stale.html").write_text("old", encoding="utf-8")
    assert build(valid_root, out, today=TODAY, index=False).ok
    assert not (out / "stale.html").exists()
    shutil.rmtree(out)


def test_standalone_region_portal_links_only_what_it_contains(tmp_path: Path) -> None:
    out = tmp_path / "kanto"
    assert build(REPO, out, today=TODAY, portals=["kanto"]).ok
    assert (out / "minatodai-shinkin/meetings/2026-12-10/index.html").is_file()
    # A meeting of another region co-hosted by a kanto institution is included, in kanto's frame.
    cohosted = out / "kinki/komorebidai-shinkumi/meetings/2027-03-11-online/index.html"
    assert cohosted.is_file() and "関東 新現役交流会ポータル" in cohosted.read_text(encoding="utf-8")
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'href="None"' not in text, page
        for href in re.findall(r'href="(\.[^"#?]*)"', text):
            target = (page.parent / href).resolve()
            assert target.exists() or (target / "index.html").exists(), (page, href)


def test_search_index_failure_is_a_message_not_a_crash(valid_root: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind failing (a missing binary, a crashed backend) ends the build with a clear message, exit 1."""
    import generator.index
    from generator.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise generator.index.IndexError_("pagefind-bin-extended がインストールされていません")

    monkeypatch.setattr(generator.index, "index_site", broken)
    out = tmp_path / "site"
    result = build(valid_root, out, today=TODAY)
    assert not result.ok and not out.exists()
    assert result.message == ("検索索引を作れませんでした（前回の出力はそのままです）: "
                              "pagefind-bin-extended がインストールされていません (search indexing failed)")
    assert main(["build", str(valid_root), "--out", str(out), "--today", "2026-11-26"]) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["repo"]  # no staging folders left behind


def test_load_dataset_returns_one_value(valid_root: Path) -> None:
    """Dataset, reviewed exceptions and diagnostics travel together; nothing is kept in a module."""
    import generator.privacy.allow
    from generator.validate import load_dataset

    (valid_root / "regions/privacy-allow.yml").write_text(
        "allow:\n  - file: content/about.md\n    phrase: SKS\n    reason: 運営団体\n    reviewed_by: SKS\n", encoding="utf-8")
    loaded = load_dataset(valid_root)
    assert loaded.ok and loaded.dataset is not None and loaded.diagnostics == []
    assert [e.phrase for e in loaded.allow.entries] == ["SKS"]
    assert not any(name.startswith("_REMEMBERED") or name in ("remember", "recall")
                   for name in vars(generator.privacy.allow))


def test_veteran_page_sends_enquiries_through_the_institution(demo_site: Path) -> None:
    page = html(demo_site, "tohoku/veterans/seafood-trading/")
    assert "この方に連絡する" not in page and "forms.gle" not in page
    assert "プロフィール番号「<strong class=\"kk-nowrap\">tohoku/seafood-trading</strong>」" in page


def test_a_meeting_whose_sign_up_is_over_points_to_the_hosts_next_one(demo_site: Path) -> None:
    page = html(demo_site, "tohoku/koganehara-bank/meetings/2026-12-03/")  # cancelled
    assert "この交流会は中止になりました" in page
    # Its own next meeting (2027-03-04) before the one it co-hosts (2027-01-28), as its own note promises.
    assert re.search(r'<p class="kk-next">次の交流会：<a href="\.\./2027-03-04/">', page)
    # A meeting still taking sign-ups needs no pointer.
    assert "class=\"kk-next\"" not in html(demo_site, "kanto/minatodai-shinkin/meetings/2026-12-10/")


def test_held_meeting_states_facts_not_plans(demo_site: Path) -> None:
    facts = html(demo_site, "kanto/kazahaya-bank/meetings/2026-09-17/").split('<dl class="kk-facts">', 1)[1].split("</dl>", 1)[0]
    assert "発表する企業" not in facts and "（予定）" not in facts and "申込締切" not in facts
    assert "開催形式" in facts  # the facts are there, only the plans are gone


def test_venue_has_a_plain_map_link(demo_site: Path) -> None:
    page = html(demo_site, "kanto/minatodai-shinkin/meetings/2026-12-10/")
    links = re.findall(r'<a href="(https://www\.google\.com/maps/search/\?api=1&amp;query=[^"]+)" rel="noopener noreferrer">地図で場所を見る</a>', page)
    assert len(links) == 1 and "%E7%A5%9E%E5%A5%88%E5%B7%9D%E7%9C%8C" in links[0]  # 神奈川県, URL-encoded
    assert "<iframe" not in page


def test_home_lists_meetings_going_ahead_before_cancelled_ones(demo_site: Path) -> None:
    section = html(demo_site, "").split("kk-upcoming-h", 1)[1].split("</section>", 1)[0]
    cards = re.findall(r'<article class="kk-card[^"]*".*?</article>', section, re.S)
    assert cards and "中止" not in cards[0] and "延期" not in cards[0]


def test_footer_names_the_desk_once(demo_site: Path) -> None:
    footer = html(demo_site, "kanto/").split('<footer class="kk-footer">', 1)[1]
    assert "<p>関東地域 新現役交流会 連絡窓口</p>" in footer and "関東 関東地域" not in footer


def test_search_ties_follow_the_lists_order(demo_site: Path) -> None:
    """A search result's id is its fragment's name; the search page breaks ties by id (kk-search.js). The names
    start with the record's place in the lists, so equally good results come as the national meeting list
    shows them: the next meeting first. Editorial pages come after every record."""
    import gzip
    import json

    ids: dict[str, str] = {}
    for path in (demo_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        ids[data["url"].strip("/") + "/"] = path.stem
    assert len({len(i) for i in ids.values()}) == 1  # one width: comparing ids compares places
    listed = re.findall(r'href="\.\./([^"]+/meetings/[^"]+/)"', (demo_site / "meetings" / "index.html").read_text(encoding="utf-8"))
    meetings = list(dict.fromkeys(u for u in listed if u in ids))
    assert len(meetings) >= 10
    assert [ids[u] for u in meetings] == sorted(ids[u] for u in meetings)
    assert ids[meetings[0]] == min(ids.values())  # the next meeting comes before anything else
    assert ids["about/"] > max(ids[u] for u in meetings)
