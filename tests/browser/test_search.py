"""Search in the browser: both query sets through the page's own pipeline, the phone-first page, scope and bytes."""

from __future__ import annotations

import gzip
import re
from urllib.parse import parse_qs, urlsplit

import cbor2
import pytest

from generator.validate import load_dataset
from tests.conftest import REPO
from tests.search import independent
from tests.search.evaluate import PIPELINE_JS, documents, load_queries, report, run_queries

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PHONE_WITH_KEYBOARD = {"width": 390, "height": 450}  # what is left of 390×844 with the on-screen keyboard open
DESKTOP = {"width": 1280, "height": 900}


# Complete: the list is not busy, the status is not 「…しています…」, and a typed query has been answered (on load
# the page runs an empty search that leaves the list idle with no status: a query still waiting for its 250 ms
# typing pause must not read as done — the race behind a CI failure at 2028-02-29).
FINISHED = ("() => { const l = document.getElementById('kk-results'); const s = document.getElementById('kk-status');"
            " const text = (s.textContent || '').trim(); const typed = document.getElementById('kk-q').value.trim();"
            " return l.getAttribute('aria-busy') === 'false' && !text.includes('しています…') && (!typed || text !== ''); }")


def results_of(page) -> list[str]:
    """The result links once the page says its search is complete.

    Seen only with two test workers on two cores: a fragment request that never answers (the list stays
    busy) or fails (the page says 「検索を最後まで行えませんでした」). Then search again once, as a visitor would.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(2):
        try:
            page.wait_for_function(FINISHED)
            if "最後まで行えませんでした" not in page.locator("#kk-status").inner_text() or attempt:
                break
        except PlaywrightTimeout:
            if attempt:
                raise
        page.locator("#kk-q").press("Enter")
    return page.locator("a.kk-result__link").evaluate_all("els => els.map(e => e.getAttribute('href'))")


def test_query_set_passes(browser, site_url: str) -> None:
    """The project's first 32-query set, now through the pipeline the page runs."""
    dataset, _ = load_dataset(REPO)
    assert dataset is not None
    docs = documents(dataset)
    queries = load_queries()
    assert len(queries) >= 30
    outcomes = run_queries(browser.new_page(), site_url, queries, docs)
    print("\n" + report(outcomes))
    # Never a record the set forbids among the results that match the words (results found only through a
    # word's field come last, under their own heading); at most one "must be in the top 5" pick lost among ties
    # (製造業: 38 relevant records, see docs/search.md).
    assert [(o.query.q, p) for o in outcomes for p in o.problems if "returned" in p or "not relevant" in p] == []
    assert sum(1 for o in outcomes for p in o.problems if "not in top 5" in p) <= 1
    assert sum(o.precision_at_5 for o in outcomes) / len(outcomes) >= 0.9
    assert sum(o.recall for o in outcomes) / len(outcomes) >= 0.9


def test_independent_set_meets_the_bar(browser, site_url: str) -> None:
    """81 queries written from the data by someone who had not seen the engine (tests/search/independent.py)."""
    page = browser.new_page()
    scored = [s for path in independent.SETS for s in independent.run_on(page, site_url, independent.load(path))]
    print("\n" + independent.summary(scored))
    national = [s for s in scored if not s.query.portal]
    portals = [s for s in scored if s.query.portal]
    p5 = independent.mean(s.p5 for s in national)
    r10 = independent.mean(s.r10 for s in national)
    # Issue 11's bar is 0.85 for both. Measured 0.912 / 0.866 after the meaning layer, typos and compound
    # parts (search3, 2026-12-01; before: 0.90 / 0.849). R@10's ceiling is 0.93 (place queries with > 10 answers).
    assert p5 >= 0.85 and r10 >= 0.85, (p5, r10)
    assert [s.query.q for s in scored if s.query.relevant and not s.shown] == []
    assert [(s.query.q, s.shown[:3]) for s in scored if not s.query.relevant and s.shown] == []
    assert independent.mean(s.p5 for s in portals) >= p5 - 0.05
    assert independent.mean(s.r10 for s in portals) >= r10 - 0.05


def _run_set(browser, site_url: str, name: str) -> tuple[list, list]:
    """A blind query set beside the first one, run through the page; (every query, the national ones)."""
    scored = independent.run_on(browser.new_page(), site_url, independent.load(independent.SETS[0].with_name(name)))
    print("\n" + independent.summary(scored))
    return scored, [s for s in scored if not s.query.portal]


def _holds_floor(browser, site_url: str, name: str, *, p5: float, r10: float, empty: int, shown: int) -> None:
    """A blind set's floor: national mean P@5 and R@10 at least these, at most `empty` answerable queries showing
    nothing and at most `shown` no-answer queries showing records."""
    scored, national = _run_set(browser, site_url, name)
    assert independent.mean(s.p5 for s in national) >= p5
    assert independent.mean(s.r10 for s in national) >= r10
    assert len([s for s in scored if s.query.relevant and not s.shown]) <= empty
    assert len([s for s in scored if not s.query.relevant and s.shown]) <= shown


def test_second_blind_set_holds_its_tuned_figures(browser, site_url: str) -> None:
    """72 queries by a second writer who saw neither the engine nor the first set.

    Untouched after the search merge (2026-12-01): national P@5 0.61, R@10 0.63, 15 answerable queries
    with nothing shown. Then used to tune by failure class (ASCII words, field words, typos, compound parts,
    relative months; search3): national P@5 0.79, R@10 0.85, 3 answerable queries with nothing shown
    (金型, 旋盤, おさけ). Guarded a little below; a third blind set (C) measures what generalises.
    """
    scored, national = _run_set(browser, site_url, "holdout_b_2026_12.yml")
    assert independent.mean(s.p5 for s in national) >= 0.77
    assert independent.mean(s.r10 for s in national) >= 0.82
    assert len([s for s in scored if s.query.relevant and not s.shown]) <= 3
    assert [(s.query.q, s.shown[:3]) for s in scored if not s.query.relevant and s.shown] == []


def test_third_blind_set_does_not_regress(browser, site_url: str) -> None:
    """60 queries by a third writer who saw neither the engine nor sets A and B (2026-12-01), never tuned on.

    Untouched on the engine before the second search round (0f74a14, site built for 2026-12-01): all P@5 0.66,
    R@10 0.68, national 0.67 / 0.71, 14 answerable queries with nothing shown, no no-answer query showing records.
    After the round tuned on set B (measured, not tuned): all 0.76 / 0.79, national 0.75 / 0.80, 9 empty, and
    one no-answer query (ペットショップ, kanto) showing related-field results. Weakest: dates typed as people
    write them (12月10日, 2/25, 令和8年9月, 第10回) and abbreviations (プロマネ, ビジホ). Session 3 tuned on
    those classes (days, meeting numbers, short names, clipped katakana): all 0.87 / 0.88, national 0.84 / 0.87,
    3 empty (ビジホ, OA化, patent); from then on it is in-sample. A floor, not a target.
    """
    _holds_floor(browser, site_url, "holdout_c_2026_12.yml", p5=0.80, r10=0.82, empty=4, shown=1)


def test_fourth_blind_set_does_not_regress(browser, site_url: str) -> None:
    """60 queries by a fourth writer who saw neither the engine nor its results (2026-12-01, session 3).

    Untouched (4509d10: dates as typed, meeting numbers and short names already in, built for 2026-12-01):
    all P@5 0.67, R@10 0.70, national 0.58 / 0.60, 13 answerable queries with nothing shown, one no-answer
    query (ゲーム開発) showing 27 pages. Dates 6 of 6 right untouched. Then tuned on two of its failures
    (kanji numerals 第五回; 3-kana typos such as げーむ → ずーむ no longer corrected) plus キャンセル = 中止:
    all 0.71 / 0.74, national 0.65 / 0.67, 12 empty, none shown for a no-answer query. Session 4's changes tuned
    on set E (province names, roles around a topic) also answered 信州 and 経理部長: all 0.74 / 0.77, national
    0.67 / 0.70, 11 empty; English (logistics) and sign-up dates (〆切 12/8) from sets F and E: all 0.78 / 0.80,
    national 0.73 / 0.75, 9 empty. A floor, not a target.
    """
    _holds_floor(browser, site_url, "holdout_d_2026_12.yml", p5=0.60, r10=0.62, empty=13, shown=1)


def test_fifth_blind_set_does_not_regress(browser, site_url: str) -> None:
    """60 queries by a fifth writer who saw neither the engine nor its results (2026-12-01, session 4).

    Untouched (c769956, built for 2026-12-01): all P@5 0.64, R@10 0.69, national 0.65 / 0.73, 14 answerable
    queries with nothing shown, none shown for a no-answer query. Weakest: old province names and capitals
    (上州, 近江, 盛岡: 0.20), dates of sign-up rather than of the meeting, sentences, typos that are other words
    (清算管理, 洒蔵). Then tuned on two of its classes (province names and capitals; a role or trade around the
    topic: 弁当屋, 元信金マン): all 0.72 / 0.77, national 0.65 / 0.73, 8 empty. With the English words tuned on set F
    (export): all 0.74 / 0.79, national 0.68 / 0.76, 7 empty; with sign-up dates (2月締切の交流会, 1月5日から受付):
    all 0.76 / 0.82, national 0.69 / 0.77, 6 empty. A floor, not a target.
    """
    _holds_floor(browser, site_url, "holdout_e_2026_12.yml", p5=0.62, r10=0.70, empty=8, shown=1)


def test_sixth_blind_set_does_not_regress(browser, site_url: str) -> None:
    """60 queries by a sixth writer who saw neither the engine nor its results (2026-12-01, session 4), six per class.

    Untouched (the engine after set E's changes, built for 2026-12-01): all P@5 0.54, R@10 0.57, national
    0.51 / 0.55, 21 answerable queries with nothing shown, 2 no-answer queries showing records (林業, 車の整備工場).
    English words 0 of 6. Then tuned on that class only (English words from JMdict's glosses of the data's terms):
    all 0.64 / 0.66, national 0.59 / 0.63, 15 empty; English 0.96. With sign-up dates (11/30): all 0.65 / 0.68,
    14 empty. Real words are no longer corrected (set G): デマンド交通 lost its lucky "correction" to コマンド,
    national 0.56 / 0.60, 15 empty. A floor, not a target.
    """
    _holds_floor(browser, site_url, "holdout_f_2026_12.yml", p5=0.54, r10=0.58, empty=15, shown=2)


def test_seventh_blind_set_does_not_regress(browser, site_url: str) -> None:
    """60 queries by a seventh writer who saw neither the engine nor its results (2026-12-01, session 4), six per class.

    Untouched (fe7537d: every session 4 change but real words, built for 2026-12-01): all P@5 0.59, R@10 0.60,
    national 0.54 / 0.56, 17 answerable queries with nothing shown, 3 no-answer queries showing records (自転車 and
    eスポーツ "corrected" to 自動車 and スイーツ, 保険の営業 as partial matches). Then tuned on one class (a word of
    the language is never a typo): all 0.63 / 0.64, national 0.57 / 0.59, 16 empty, 1 no-answer query showing
    records. A floor, not a target.
    """
    _holds_floor(browser, site_url, "holdout_g_2026_12.yml", p5=0.54, r10=0.56, empty=16, shown=1)


def test_eighth_blind_set_does_not_regress(browser, site_url: str) -> None:
    """60 queries by an eighth writer who saw neither the engine nor its results (2026-12-01, session 5), six per class.

    Untouched (b30434f, built for 2026-12-01): all P@5 0.67, R@10 0.70, national 0.55 / 0.60, 12 answerable queries
    with nothing shown, no no-answer query showing records. Then measured once, not tuned, with words of the same
    meaning from JMdict (designed on the earlier sets): all 0.69 / 0.72, national 0.55 / 0.60, 11 empty (品証 found).
    Then English words are words too (tuned on H: wine and tea had been "corrected" to line and team, showing 26 and
    1 unrelated records): same P@5 and R@10, 13 empty, the page names wine and tea as matching nothing. Session 6
    (numbers with their counters: 6階ホール, 73.3%): national 0.58 / 0.63, 11 empty. A floor.
    """
    _holds_floor(browser, site_url, "holdout_h_2026_12.yml", p5=0.54, r10=0.59, empty=11, shown=0)


def test_ninth_blind_set_does_not_regress(browser, site_url: str) -> None:
    """60 queries by a ninth writer who saw neither the engine nor its results (2026-12-01, session 6), six per class.

    Untouched (3839b1e, built for 2026-12-01): all P@5 0.67, R@10 0.68, national 0.63 / 0.64, 12 answerable queries
    with nothing shown, 1 no-answer query showing records (AI). Words of Sudachi's synonym groups (designed on sets
    A-H) changed nothing here and cost one query of set J, so they were taken out (docs/search.md). Numbers with their
    counters as words (7階会議室; designed on G and H, also seen failing here) and the old provinces completed (出羽,
    陸前: tuned on I): all 0.72 / 0.72, national 0.66 / 0.66, 9 empty. A floor, not a target.
    """
    _holds_floor(browser, site_url, "holdout_i_2026_12.yml", p5=0.62, r10=0.61, empty=9, shown=1)


def test_tenth_blind_set_does_not_regress(browser, site_url: str) -> None:
    """60 queries by a tenth writer who saw neither the engine nor its results (2026-12-01, session 6).

    Untouched (3839b1e, built for 2026-12-01): all P@5 0.67, R@10 0.69, national 0.72 / 0.73, 12 answerable queries
    with nothing shown, none shown for a no-answer query. With session 6's search changes, measured once and not tuned:
    the same with Sudachi's synonym groups out (with them: national 0.71 / 0.71, 受諾開発 no longer corrected to
    受託開発). A floor, not a target.
    """
    _holds_floor(browser, site_url, "holdout_j_2026_12.yml", p5=0.67, r10=0.68, empty=12, shown=0)


@pytest.mark.parametrize("query", ["宇宙開発", "沖縄 観光", "北海道"])
def test_a_query_the_data_cannot_answer_shows_nothing_and_says_so(browser, site_url: str, query: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/?q=" + query)
    assert results_of(page) == []
    status = page.locator("#kk-status").inner_text()
    assert "に一致する情報はありません" in status and "「" in status, status


def test_unknown_word_is_named(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "search/")
    page.wait_for_function("() => typeof window.kkSearch === 'function'")
    got = page.evaluate(PIPELINE_JS, [site_url + "pagefind/", "宇宙開発", "", {}, 10])
    assert got["unknown"] == ["宇宙開発"] and got["urls"] == []
    got = page.evaluate(PIPELINE_JS, [site_url + "pagefind/", "模倣品対策", "", {}, 10])
    assert got["unknown"] == [] and got["urls"]  # 対策 adds no topic; 模倣品 is answered


def pipeline(page, site_url: str, query: str, portal: str = "", limit: int = 100) -> dict:
    page.goto(site_url + (portal + "/" if portal else "") + "search/")
    page.wait_for_function("() => typeof window.kkSearch === 'function'")
    return page.evaluate(PIPELINE_JS, [site_url + "pagefind/", query, portal, {}, limit])


def test_a_typo_is_searched_as_the_known_word_and_the_page_says_so(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/?q=品質菅理")  # 管 → 菅, one character changed
    assert "/kanto/kazahaya-bank/challenges/resin-parts-quality/" in results_of(page)
    status = page.locator("#kk-status").inner_text()
    assert "「品質菅理」は見つからないため「品質管理」で検索しました。" in status, status
    got = pipeline(page, site_url, "ブランデング")  # one kana dropped; shown back in katakana
    assert got["fixed"] == [{"from": "ブランデング", "to": "ブランディング"}] and got["urls"]
    # A word the dictionary holds is never read as another one, nor is a word that is nowhere near one.
    assert pipeline(page, site_url, "品質管理")["fixed"] == []
    nothing = pipeline(page, site_url, "宇宙開発")
    assert nothing["fixed"] == [] and nothing["unknown"] == ["宇宙開発"] and nothing["urls"] == []
    # A real word one edit from a data word is not a typo of it: 自転車 is no 自動車, スポーツ no スイーツ, wine no line
    # (JMdict's words and English glosses); an English misspelling still is (exprot → export).
    assert pipeline(page, site_url, "exprot")["fixed"] == [{"from": "exprot", "to": "export"}]
    for word in ("自転車", "スポーツ", "wine"):
        got = pipeline(page, site_url, word)
        assert got["fixed"] == [] and got["unknown"] == [word] and got["urls"] == [], word


def test_a_career_word_finds_its_fields_records_after_the_records_that_hold_it(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    filter_files: list = []
    page.on("response", lambda r: filter_files.append(r) if r.url.endswith(".pf_filter") else None)
    # HACCP is written nowhere in the data: the records labelled 品質管理 are found, and the page says so.
    page.goto(site_url + "search/?q=ＨＡＣＣＰ")
    urls = results_of(page)
    assert "/kanto/kazahaya-bank/challenges/resin-parts-quality/" in urls
    assert all(re.search(r"/(meetings|challenges|veterans)/", u) for u in urls), urls  # records only
    # ... left out by the editorial pages' own small filter, not by 種類, whose file lists every page
    names = {cbor2.loads(gzip.decompress(r.body())[len(b"pagefind_dcd"):])[0] for r in filter_files}
    assert names == {"kk-page"}, names
    status = page.locator("#kk-status").inner_text()
    assert "「HACCP」を含む情報はありません。関連する分類（品質管理）の結果を表示しています。" in status, status
    assert page.locator(".kk-results__heading").first.inner_text() == "関連する分類（品質管理）の結果"
    # 段取り is in a few records: those come first, then the records of its field (生産管理) under a heading.
    got = pipeline(page, site_url, "段取り")
    via = got["via"]
    assert via[0] == "word" and "field" in via and via == sorted(via, key=["word", "parts", "mention", "field"].index), via
    assert "kanto/minatodai-shinkin/challenges/sheet-metal-production-control/" in got["urls"]
    assert got["fields"] == []  # the word itself was found: nothing to explain


def test_a_compound_written_seldom_whole_also_finds_the_records_holding_all_its_parts(browser, site_url: str) -> None:
    page = browser.new_page()
    got = pipeline(page, site_url, "金属加工")  # written whole only in two meetings and the guide
    assert got["via"][:3] == ["word", "word", "word"] and "parts" in got["via"], got["via"]
    parts = [u for u, v in zip(got["urls"], got["via"], strict=True) if v == "parts"]
    assert "kanto/minatodai-shinkin/challenges/precision-parts-medical/" in parts  # 金属 … 加工, apart


def test_letters_and_digits_are_whole_words_in_any_width(browser, site_url: str) -> None:
    page = browser.new_page()
    for query in ("ISO9001", "ｉｓｏ９００１", "iso"):
        got = pipeline(page, site_url, query)
        # The two records that write ISO9001 (a challenge and a veteran's career), before anything else.
        assert set(got["urls"][:2]) == {"kanto/kazahaya-bank/challenges/resin-parts-quality/",
                                        "kanto/veterans/auto-parts-quality/"}, (query, got["urls"][:3])
        assert got["via"][:2] == ["word", "word"] and got["fixed"] == []


def test_partial_matches_come_after_full_ones_under_a_heading_naming_the_missing_word(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/?q=病院 事務")
    urls = results_of(page)
    assert urls[0] == "/kanto/hikarizaka-support/challenges/clinic-office-dx/"  # a clinic's office work: both words
    first = page.locator(".kk-result").first
    assert first.locator(".kk-result__lacks").count() == 0
    items = page.locator("#kk-results > li")
    assert items.nth(1).inner_text() == "一部の語だけを含む結果"
    lacks = page.locator(".kk-result__lacks").all_inner_texts()
    assert lacks and all(t in ("含まない語：「病院」", "含まない語：「事務」") for t in lacks), lacks


def test_months_relative_to_today_are_read_on_the_visitors_clock(browser, site_url: str) -> None:
    page = browser.new_page()  # clock pinned to the build day, 2026-11-26 in Japan
    got = pipeline(page, site_url, "来年2月 交流会")
    assert got["words"][0]["text"] == "2027年2月"
    assert set(got["urls"][:2]) == {"kinki/hanamizuki-shinkin/meetings/2027-02-25/", "kanto/kazahaya-bank/meetings/2027-02-18/"}
    assert got["lacks"][0] == [] and got["lacks"][2] == ["2027年2月"]  # the rest are meetings of other months, marked
    page.clock.set_fixed_time("2027-01-05T10:00:00+09:00")
    assert pipeline(page, site_url, "来月")["words"][0]["text"] == "2027年2月"


def test_days_and_meeting_numbers_are_found_as_staff_type_them(browser, site_url: str) -> None:
    page = browser.new_page()
    hanamizuki = "kinki/hanamizuki-shinkin/meetings/2027-02-25/"
    for typed in ("2/25", "2027/2/25", "2月25日(木)", "令和9年2月25日", "R9.2.25"):
        got = pipeline(page, site_url, typed, portal="kinki/hanamizuki-shinkin")
        assert got["urls"][:1] == [hanamizuki], (typed, got["urls"][:3])
    got = pipeline(page, site_url, "令和8年9月")  # 和暦: the month label of 2026
    assert got["words"][0]["text"] == "2026年9月" and got["urls"][0] == "kanto/kazahaya-bank/meetings/2026-09-17/"
    got = pipeline(page, site_url, "第10回", portal="kanto/minatodai-shinkin")
    assert got["urls"][0] == "kanto/minatodai-shinkin/meetings/2025-11-13/"
    assert "kanto/minatodai-shinkin/meetings/2026-12-10/" not in got["urls"][:3]  # 第12回 is no partial match


def test_sign_up_dates_are_found_as_staff_type_them(browser, site_url: str) -> None:
    page = browser.new_page()
    # The deadline, typed several ways: only the meeting whose sign-up closes that day, not the one held that day.
    for typed in ("〆切 11/30", "締切は11月30日", "11/30締切", "申込締切 2026/11/30"):
        assert pipeline(page, site_url, typed, "kanto/minatodai-shinkin")["urls"] == [
            "kanto/minatodai-shinkin/meetings/2026-12-10/"], typed
    # A month of deadlines is not the meetings held that month.
    closing_in_february = set()
    for path in (REPO / "regions").glob("*/institutions/*/meetings/*.yml"):
        if re.search(r"^\s+deadline:\s*\d{4}-02-", path.read_text(encoding="utf-8"), re.M):
            closing_in_february.add(f"{path.parts[-5]}/{path.parts[-3]}/meetings/{path.stem}/")
    got = pipeline(page, site_url, "2月締切の交流会")
    full = [u for u, lacks in zip(got["urls"], got["lacks"], strict=True) if not lacks]  # partial matches come after
    assert set(full) == closing_in_february and got["urls"][:len(full)] == full, got["urls"]
    assert pipeline(page, site_url, "1月5日から受付", "kanto/kazahaya-bank")["urls"] == ["kanto/kazahaya-bank/meetings/2027-02-18/"]
    # A bare day finds the meeting held that day first, then one whose sign-up closes that day.
    assert "kanto/minatodai-shinkin/meetings/2026-12-10/" in pipeline(page, site_url, "11/30", "kanto/minatodai-shinkin")["urls"]


def test_a_portal_search_is_scoped_by_its_word_not_by_loading_the_portal_filter(browser, site_url: str) -> None:
    """At nation size the `portal` filter file is ~290 kB; a portal's search asks for its hidden word instead."""
    page = browser.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(site_url + "kanto/search/?q=事業承継")
    urls = results_of(page)
    assert urls and all(u.startswith("/kanto/") for u in urls), urls
    assert not [u for u in fetched if u.endswith(".pf_filter")], "the search loaded a filter file"
    national = pipeline(page, site_url, "事業承継")["urls"]
    assert any(not u.startswith("kanto/") for u in national)  # the national search is not scoped


def test_an_institution_is_found_by_its_short_name(browser, site_url: str) -> None:
    page = browser.new_page()
    got = pipeline(page, site_url, "しらかば野信組")
    urls = got["urls"]
    assert "tohoku/shirakabano-shinkumi/meetings/2027-01-28/" in urls[:4]
    assert "tohoku/koganehara-bank/meetings/2026-10-15/" in urls  # co-organised (共催)
    assert "tohoku/shirakabano-shinkumi/challenges/seafood-export-haccp/" in urls
    assert all(u.startswith(("tohoku/shirakabano-shinkumi/", "tohoku/koganehara-bank/meetings/2026-10-15/"))
               for u in urls), urls


def test_a_role_or_trade_around_the_topic_searches_the_topic(browser, site_url: str) -> None:
    # How people name themselves or a business (経理部長, 元信金マン, 弁当屋): not in the data as typed, so the
    # role or trade is set aside and the topic answered, instead of the whole word being unknown.
    page = browser.new_page()
    for typed, topic in (("経理部長", "経理"), ("弁当屋", "弁当"), ("元経理部長", "経理"), ("元信金マン", "信金")):
        got = pipeline(page, site_url, typed)
        assert got["unknown"] == [] and got["urls"], typed
        assert sorted(got["urls"]) == sorted(pipeline(page, site_url, topic)["urls"]), typed  # ties may order apart
    assert pipeline(page, site_url, "宇宙開発部長")["urls"] == []  # a topic the data lacks is still unanswered


def test_english_words_and_other_spellings_from_jmdict_and_the_page_credits_it(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/?q=warehouse")  # 倉庫 in JMdict; written nowhere in English in the data
    assert "/kinki/hanamizuki-shinkin/challenges/warehouse-wms/" in results_of(page)
    credit = page.locator(".kk-credit")
    assert "JMdict" in credit.inner_text() and credit.locator("a").count() == 2
    got = pipeline(page, site_url, "Export")
    assert got["unknown"] == [] and "kanto/minatodai-shinkin/challenges/sake-brewery-export/" in got["urls"]
    assert pipeline(page, site_url, "astronaut")["urls"] == []  # an English word no data term glosses: nothing
    # Another spelling of a data word in its JMdict entry: 故郷納税 is ふるさと納税.
    assert pipeline(page, site_url, "故郷納税")["urls"] == pipeline(page, site_url, "ふるさと納税")["urls"] != []


def test_an_old_province_name_finds_its_prefecture(browser, site_url: str) -> None:
    page = browser.new_page()
    nagano = pipeline(page, site_url, "長野", "kanto")["urls"]
    assert nagano and pipeline(page, site_url, "信州", "kanto")["urls"] == nagano
    assert pipeline(page, site_url, "しんしゅう", "kanto")["urls"] == nagano


def test_phone_with_keyboard_open_shows_the_count_and_first_result(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE_WITH_KEYBOARD, has_touch=True)
    page.goto(site_url + "search/")
    page.locator("#kk-q").click()
    page.keyboard.type("事業承継")
    assert results_of(page)
    assert page.evaluate("document.activeElement.id") == "kk-q"  # the keyboard is still up
    status = page.locator("#kk-status").bounding_box()
    title = page.locator("a.kk-result__link").first.bounding_box()
    assert 0 <= status["y"] and title["y"] + title["height"] <= PHONE_WITH_KEYBOARD["height"], (status, title)


def test_each_result_shows_its_type_date_and_sign_up_state(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/?q=横浜")
    assert results_of(page)
    first = page.locator(".kk-result").filter(has=page.locator(".kk-type--meeting")).first
    assert first.locator(".kk-type").inner_text() == "交流会"
    assert first.locator("time").get_attribute("datetime")
    assert first.locator(".kk-state").inner_text() in ("受付中", "締切間近", "受付前", "受付終了", "開催済み", "中止", "延期")
    kinds = set(page.locator(".kk-type").all_inner_texts())
    assert kinds <= {"交流会", "企業の課題", "新現役", "ご案内"}
    underline = page.locator("a.kk-result__link").first.evaluate("a => getComputedStyle(a).textDecorationLine")
    assert "underline" in underline


def test_excerpts_start_at_a_sentence_and_mark_the_word(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "search/?q=人手不足")
    assert results_of(page)
    excerpts = page.locator(".kk-result__excerpt").all_inner_texts()
    assert excerpts and all(not e.lstrip("…").startswith((".", "、", "。", ",")) for e in excerpts), excerpts
    assert page.locator(".kk-result__excerpt mark").count() > 0


def test_filters_sit_behind_one_button_and_hide_empty_values(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "kanto/search/?q=事業承継")
    assert results_of(page)
    assert page.locator("#kk-filters").is_hidden()
    box_bottom = page.locator("#kk-q").bounding_box()
    first = page.locator(".kk-result").first.bounding_box()
    assert first["y"] - (box_bottom["y"] + box_bottom["height"]) < 160  # count and results right under the box
    page.locator("#kk-filter-toggle").click()
    page.wait_for_selector(".kk-filters__group")
    values = page.locator(".kk-filters__value").all_inner_texts()
    assert values and not [v for v in values if "（0）" in v]
    assert not [v for v in values if "宮城県" in v or "大阪府" in v]  # the kanto portal offers kanto's values only


def test_upcoming_toggle_keeps_meetings_from_today_on(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "kanto/search/")
    page.locator("#kk-upcoming").check()
    assert results_of(page)
    kinds = set(page.locator(".kk-type").all_inner_texts())
    dates = page.locator(".kk-result time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert kinds == {"交流会"} and dates and min(dates) >= "2026-11-26" and dates == sorted(dates)
    assert parse_qs(urlsplit(page.url).query)["upcoming"] == ["1"]


def test_back_restores_query_filters_and_the_result_opened(browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/")
    page.locator("#kk-q").fill("事業承継")
    page.locator("#kk-q").press("Enter")
    assert results_of(page)
    page.locator("#kk-filter-toggle").click()
    page.get_by_label("企業の課題（", exact=False).check()
    page.wait_for_function("() => location.search.includes('f=')")
    links = results_of(page)
    assert links and all("/challenges/" in link for link in links)
    opened = links[-1]
    page.locator(f"a.kk-result__link[href='{opened}']").click()
    page.wait_for_url("**" + opened)
    page.go_back()
    assert results_of(page) == links
    assert page.locator("#kk-q").input_value() == "事業承継"
    assert parse_qs(urlsplit(page.url).query)["f"] == ["種類:企業の課題"]
    assert page.evaluate("document.activeElement.getAttribute('href')") == opened


def test_region_search_is_scoped(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "kanto/search/?q=事業承継")
    links = results_of(page)
    assert links and all(link.startswith("/kanto/") for link in links), links


def test_first_national_query_is_light(browser, site_url: str) -> None:
    """Everything the browser fetches for the first query on the national portal, after the page itself."""
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/")
    page.wait_for_load_state("networkidle")
    sizes: list[int] = []
    page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
    page.locator("#kk-q").fill("事業承継")
    assert results_of(page)
    page.wait_for_load_state("networkidle")
    total = sum(sizes)
    print(f"\nfirst query 事業承継 on the national portal: {len(sizes)} requests, {total / 1000:.0f} kB")
    assert total <= 300_000


def test_meeting_state_follows_the_visitors_clock(browser, site_url: str) -> None:
    """Built on 2026-11-26 with sign-up open; a visitor on 2026-12-09 must not see the form."""
    page = browser.new_page()
    page.clock.set_fixed_time("2026-12-09T10:00:00+09:00")
    page.goto(site_url + "kanto/hikarizaka-support/meetings/2026-12-17-online/")
    badge = page.locator(".kk-signup [data-kk-state]")
    assert badge.inner_text() == "受付終了"
    assert page.locator("a.kk-button--signup").count() == 0
    assert page.get_by_text("申込の受付は終了しました。").is_visible()


def test_meeting_state_on_build_day(browser, site_url: str) -> None:
    page = browser.new_page()
    page.clock.set_fixed_time("2026-11-26T10:00:00+09:00")
    page.goto(site_url + "kanto/hikarizaka-support/meetings/2026-12-17-online/")
    assert page.locator(".kk-signup [data-kk-state]").inner_text() == "受付中"
    assert page.locator("a.kk-button--signup").count() == 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_open_result_and_reach_signup(browser, site_url: str, viewport: dict[str, int]) -> None:
    page = browser.new_page(viewport=viewport)
    page.goto(site_url)
    page.get_by_role("link", name="検索").first.click()
    page.locator("#kk-q").fill("横浜市")
    assert results_of(page), (page.url, page.locator("#kk-status").inner_text(), page.evaluate("Date()"))
    page.locator("a.kk-result__link", has_text="第12回 みなと台").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/kanto/minatodai-shinkin/meetings/2026-12-10/")
    signup = page.get_by_role("link", name="参加を申し込む")
    assert signup.is_visible()
    assert signup.get_attribute("rel") == "noopener noreferrer"
    assert signup.bounding_box()["height"] >= 44


def test_keyboard_reaches_search(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.keyboard.press("Tab")  # skip link
    assert page.evaluate("document.activeElement.textContent").strip() == "本文へ移動"
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip() == "検索":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/")
    assert page.evaluate("document.activeElement.id") == "kk-q"
    page.keyboard.type("DX")
    assert results_of(page)


def test_fullwidth_query_matches_halfwidth(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "search/?q=ＥＣサイト")
    full = results_of(page)
    page.goto(site_url + "search/?q=ECサイト")
    assert results_of(page) == full and full


def test_national_search_finds_the_editorial_pages_and_regions_do_not(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "search/")
    page.wait_for_function("() => typeof window.kkSearch === 'function'")
    national = page.evaluate(PIPELINE_JS, [site_url + "pagefind/", "事前ヒアリング", "", {}, 100])["urls"]
    assert "about/" in national and "guide/" in national
    regional = page.evaluate(PIPELINE_JS, [site_url + "pagefind/", "事前ヒアリング", "kanto", {}, 100])["urls"]
    assert regional and all(url.startswith("kanto/") for url in regional)


def test_excerpts_keep_japanese_punctuation(browser, site_url: str) -> None:
    """The index holds NFKC text; an excerpt shows 卸売業，小売業 and （木）, not 卸売業,小売業 and (木)."""
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/?q=卸売業")
    assert results_of(page)
    excerpts = page.locator(".kk-result__excerpt").all_inner_texts()
    joined = "\n".join(excerpts)
    assert "卸売業，小売業" in joined, joined
    assert not re.search(r"[^\x00-\x7f][,(]|[,)][^\x00-\x7f ]", joined), joined
