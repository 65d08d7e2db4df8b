"""The search's build side: terms, tokens and the query dictionary (no browser)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator import vocab
from generator.search.dictionary import build_dictionary, deletions, loose, shard_of, typo_entries, write_dictionary
from generator.search.fields import fields_of_words
from generator.search.records import SearchRecord
from generator.search.terms import PLACE, TOKEN_RE, Word, analyse, fold, parts_of, place_terms, token, words_of
from generator.search_fields import FIELD_WORDS


def test_fold_meets_fullwidth_halfwidth_and_katakana() -> None:
    assert fold("ＤＸ化") == "dx化"
    assert fold("ｲﾝﾊﾞｳﾝﾄﾞ") == "いんばうんど"
    assert fold("リンゴ") == fold("りんご")


def test_tokens_are_fixed_length_ascii_and_distinct() -> None:
    a, b = token("製造業"), token("製造")
    assert TOKEN_RE.fullmatch(a) and TOKEN_RE.fullmatch(b)
    assert a != b and not a.startswith(b) and len(a) == len(b)
    assert token("製造業") == a  # stable across runs: the page and the dictionary must agree


def test_analyse_keeps_content_words_in_short_and_long_units() -> None:
    terms = {w.term for w in analyse("人手不足を解消したい。製造業の事業承継")}
    assert {"人手不足", "人手", "不足", "解消", "製造業", "製造", "事業承継"} <= terms
    assert not {"を", "たい", "する", "の"} & terms


def test_places_include_the_city_without_its_ward() -> None:
    assert {"横浜市中区", "横浜市", "横浜"} <= set(place_terms(["横浜市中区"]))
    assert {"神奈川県", "神奈川"} <= set(place_terms(["神奈川県"]))


@pytest.fixture(scope="module")
def entries() -> dict[str, list]:
    words = words_of(["デイサービスの介護職員が足りない。事業承継とマーケティング。採算が厳しい。"], ["事業承継"])
    words.append(Word("横浜", "よこはま", "p"))
    return build_dictionary(words)


def test_reading_finds_the_kanji(entries: dict[str, list]) -> None:
    assert entries["かいご"][2] == ["介護"]
    assert "事業承継" in entries["じぎょうしょうけい"][2]  # a label's reading, read whole


def test_typos_meet_through_loose_and_reordered_keys(entries: dict[str, list]) -> None:
    assert loose(fold("マーケッティング")) == loose(fold("マーケティング"))
    assert loose(fold("プロジェクトマネジャー")) == loose(fold("プロジェクトマネージャー"))
    assert entries["~" + loose(fold("ディサービス"))][2] == [fold("デイサービス")]
    assert "事業承継" in entries["#" + "".join(sorted("事業継承"))][2]


def test_synonyms_map_to_what_the_data_holds(entries: dict[str, list]) -> None:
    # 原価管理 is never written in the data; 採算 is, so the concept finds it.
    assert entries["原価管理"][0] == "n" and entries["原価管理"][2] == ["採算"]


def test_places_use_their_own_tokens_and_every_prefecture_is_known(entries: dict[str, list]) -> None:
    assert entries["よこはま"][0] == "p" and entries["よこはま"][1] == [token(PLACE + "横浜")]
    # 北海道 has no record, but is a place: the query then finds nothing instead of a passing mention.
    assert entries["北海道"][0] == "p"


def test_dictionary_shards_are_gzip_json_keyed_by_first_character(tmp_path: Path, entries: dict[str, list]) -> None:
    figures = write_dictionary(entries, tmp_path)
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    assert meta["shards"] == figures["shards"] and "対策" in meta["generic"]
    shard = json.loads(gzip.decompress((tmp_path / f"{shard_of('かいご', meta['shards'])}.json.gz").read_bytes()))
    kind, tokens, terms, *rest = shard["かいご"]
    assert [kind, tokens, terms] == entries["かいご"][:3]
    # Fields are written once in meta.json and by number in the entries (the page expands them back).
    numbers = rest[2] if len(rest) > 2 else []
    assert [meta["fields"][i] for i in numbers] == [list(p) for p in zip(entries["かいご"][6], entries["かいご"][5], strict=True)]


def test_letters_and_digits_written_together_stay_one_word() -> None:
    terms = {w.term for w in analyse("5S活動とISO9001の運用、B2B取引")}
    assert {"5s", "iso9001", "iso", "b2b"} <= terms  # SudachiPy alone gives s, iso, b: the number is lost
    entries = build_dictionary(words_of(["ＩＳＯ９００１の運用"], []))
    assert entries["iso9001"][0] == "n" and entries["iso9001"][1] == [token("iso9001")]


def fake_record(key: str, text: str, labels: tuple[str, ...]) -> SearchRecord:
    return SearchRecord(key, "challenge", (text,), labels, ("",))


def test_a_rare_word_belongs_to_the_fields_its_records_share() -> None:
    records = [fake_record("a", "射出成形の現場", ("製造業", "生産管理", "品質管理")),
               fake_record("b", "射出成形の工場", ("製造業", "生産管理")),
               fake_record("c", "射出成形機の販売", ("製造業", "販路開拓")),
               fake_record("d", "パンの販売", ("卸売業，小売業", "販路開拓"))]
    fields = fields_of_words(records)
    # Shared by more than half of the records that hold the word, most shared first.
    assert fields["射出成形"] == ["製造業", "生産管理"]
    assert "販売" not in fields or "品質管理" not in fields["販売"]
    # The kept field words apply whether or not the data holds them; a field's own name is never expanded.
    assert fields["haccp"][0] == "品質管理" and "生産管理" not in fields


def test_a_field_word_the_data_lacks_finds_only_its_fields() -> None:
    records = [fake_record("a", "衛生基準への対応", ("製造業", "品質管理"))]
    words = [w for r in records for w in r.words()]
    entries = build_dictionary(words, fields_of_words(records))
    kind, tokens, terms, _place, _mention, field_tokens, labels, _parts = entries["haccp"]
    assert kind == "n" and tokens == [] and terms == []
    assert field_tokens[0] == token("=品質管理") and labels[0] == "品質管理"
    # A word the data holds keeps its own tokens first; its fields come along to rank after them.
    assert entries["衛生基準"][1] == [token("衛生基準")] and "品質管理" in entries["衛生基準"][6]


def test_field_words_belong_to_the_vocabulary() -> None:
    assert set(FIELD_WORDS) <= set(vocab.CATEGORIES)
    assert all(w == w.strip() and w for words in FIELD_WORDS.values() for w in words)


def test_typos_meet_a_known_word_through_one_deleted_character(tmp_path: Path) -> None:
    entries = build_dictionary(words_of(["品質管理とブランディング"], []))
    typos = typo_entries(entries)
    assert set(deletions("品質菅理")) & set(deletions("品質管理")) == {"品質理"}
    assert "品質管理" in typos["品質理"]
    assert fold("ブランディング") in typos[fold("ブランデング")]  # ぃ dropped: the typed word is itself a deletion
    figures = write_dictionary(entries, tmp_path)
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    assert meta["typo_shards"] >= 1 and figures["typo_keys"] == len(typos)
    shard = json.loads(gzip.decompress((tmp_path / f"t{shard_of('品質理', meta['typo_shards'])}.json.gz").read_bytes()))
    assert "品質管理" in shard["品質理"]


def test_a_compound_carries_its_parts_only_when_the_data_holds_each() -> None:
    assert parts_of("金属加工") == ("金属", "加工")
    assert parts_of("製造業") == ()  # 製造 + 業: the 業 is the point, not a part to drop
    entries = build_dictionary(words_of(["金属加工の会社。金属の部品を加工する。"], []))
    assert entries["金属加工"][7] == [token("金属"), token("加工")]
    alone = build_dictionary(words_of(["金属加工の会社"], []))
    assert alone["金属加工"][7] == [token("金属"), token("加工")]  # both parts come with the compound itself
    assert build_dictionary(words_of(["製造業の会社"], []))["製造業"][7] == []


def test_two_part_katakana_compounds_are_found_by_their_clipped_form() -> None:
    from generator.search.dictionary import clipped

    assert clipped(fold("プロジェクトマネージャー")) == "ぷろまね"
    assert clipped(fold("デジタルカメラ")) == "でじかめ"
    assert clipped(fold("ドローン")) == "" and clipped(fold("マーケティングリサーチ")) == ""  # one part; マー is no clip
    entries = build_dictionary(words_of(["プロジェクトマネージャーとして工程を管理"], []))
    assert entries["ぷろまね"][2] == ["ぷろじぇくとまねーじゃー"]


def test_meetings_carry_their_day_and_number_as_labels() -> None:
    from datetime import date

    from generator.search.records import meeting_labels

    assert meeting_labels("第10回 みなと台新現役交流会", date(2025, 11, 13)) == ["11月13日", "第10回"]
    assert meeting_labels("第１２回　交流会", date(2026, 12, 10)) == ["12月10日", "第12回"]  # full-width digits
    assert meeting_labels("秋の交流会", date(2026, 9, 17)) == ["9月17日"]


def test_old_province_names_and_capitals_stand_for_their_prefecture() -> None:
    # 信州 and 盛岡 are in no record: they are places, the prefecture's; typed in kana too.
    entries = build_dictionary(words_of(["精密部品の会社"], []))
    for typed, prefecture in (("信州", "長野"), ("上州", "群馬"), ("近江", "滋賀"), ("盛岡", "岩手"), ("しんしゅう", "長野")):
        assert entries[typed][0] == "p" and entries[typed][1] == [token(PLACE + prefecture)], typed
    # A record that uses the word itself keeps it a word: 信州そば is about soba, 横浜 stays the city.
    own = build_dictionary([*words_of(["信州そばの店"], []), Word("横浜", "よこはま", "p")])
    assert own["信州"][2] == ["信州"]
    assert own["横浜"][1] == [token(PLACE + "横浜")]


def test_every_alias_names_a_prefecture_and_no_alias_is_a_prefecture_word() -> None:
    assert set(vocab.PREFECTURE_ALIASES) <= set(vocab.PREFECTURES)
    names = {t for p in vocab.PREFECTURES for t in place_terms([p])}
    assert not {a for group in vocab.PREFECTURE_ALIASES.values() for a in group} & names
    for group in vocab.PREFECTURE_ALIASES.values():
        assert len(group) == len(set(group))


def test_a_province_spanning_two_prefectures_finds_both() -> None:
    entries = build_dictionary(words_of(["精密部品の会社"], []))
    assert entries["出羽"][0] == "p" and entries["出羽"][1] == [token(PLACE + "山形"), token(PLACE + "秋田")]
    assert entries["陸前"][1] == [token(PLACE + "宮城")]


def test_english_words_come_from_jmdict_first_senses_and_never_cover_a_data_word() -> None:
    from generator.search.jmdict import english_words, gloss_word

    assert gloss_word("quality (of a product or a service)") == "quality"
    assert gloss_word("to export") == "export" and gloss_word("physical distribution") == ""
    found = english_words([fold(t) for t in ("倉庫", "輸出", "商標", "物流", "ドローン", "事業承継")])
    assert found["warehouse"] == ["倉庫"] and found["export"] == ["輸出"] and found["logistics"] == ["物流"]
    assert found["drone"] == [fold("ドローン")]  # katakana terms are looked up in katakana
    entries = build_dictionary(words_of(["倉庫の在庫をZoomで確認。ズームレンズ"], []),
                               english={"warehouse": ["倉庫"], "zoom": ["ずーむれんず"]})
    assert entries["warehouse"][2] == ["倉庫"]
    assert entries["zoom"][2] == ["zoom"]  # the data's own word wins over an English gloss


def test_sign_up_dates_are_whole_words_and_a_bare_day_reaches_them() -> None:
    from datetime import date

    from generator.search.records import signup_dates

    assert signup_dates("締切", date(2026, 11, 30)) == ["締切11月30日", "締切11月"]
    rec = SearchRecord("m", "meeting", ("交流会のご案内",), ("12月10日",), ("",), dates=(*signup_dates("締切", date(2026, 11, 30)),))
    own, rest = rec.terms
    assert "締切11月30日" in own and "締切11月" in own
    assert "11月" not in own and "11月" not in rest  # the deadline's month is not the meeting's month
    entries = build_dictionary(rec.words())
    assert entries["11月30日"][2] == ["締切11月30日"]  # 11/30 typed bare finds the meeting closing that day
    assert "11月" not in entries  # a bare month does not


def test_other_spellings_of_a_data_noun_come_from_its_jmdict_entry() -> None:
    from generator.search.jmdict import other_spellings

    found = other_spellings([fold(t) for t in ("ふるさと納税", "申込", "店舗", "ねじ")])
    assert found["故郷納税"] == [fold("ふるさと納税")] and found["申込み"] == ["申込"] and found["店鋪"] == ["店舗"]
    assert found["螺子"] == ["ねじ"]  # a kana word's kanji forms too
    entries = build_dictionary(words_of(["店舗を増やしたい。店鋪の看板"], []), spellings={"店鋪": ["店舗"]})
    assert entries["店鋪"][2] == ["店鋪"]  # a form the data writes itself stays its own word


def test_words_of_the_same_meaning_come_from_shared_jmdict_glosses_and_yield_to_every_other_layer() -> None:
    from generator.search.jmdict import same_sense_words

    held = [fold(t) for t in ("海外", "溶接", "品質保証", "特別養護老人ホーム", "マーケティング", "販売")]
    found = same_sense_words(held)
    assert found["国外"] == ["海外"] and found["溶着"] == ["溶接"] and found["品証"] == ["品質保証"]
    assert found["特養"] == [fold("特別養護老人ホーム")]
    assert fold("マーケッティング") not in found  # a spelling of a data word's own entry, not another word
    assert "こくがい" not in found  # a reading alone would bring its homophones
    assert "宇宙" not in found and "ゴルフ" not in found  # words the data has no meaning for stay unknown
    entries = build_dictionary(words_of(["海外に販路を広げたい。国外の展示会"], []), same_sense={"国外": ["海外"]})
    assert entries["国外"][2] == ["国外"]  # a word the data writes itself stays its own word
    entries = build_dictionary(words_of(["海外に販路を広げたい"], []), spellings={"外国": ["海外"]},
                               same_sense={"外国": ["販路"], "国外": ["海外"]})
    assert entries["外国"][2] == ["海外"] and entries["国外"][2] == ["海外"]  # a spelling wins over a same-sense word


def test_a_real_word_near_a_data_word_is_marked_so_the_page_does_not_correct_it(tmp_path: Path) -> None:
    from generator.search.dictionary import one_edit, real_words_near

    assert one_edit("品質菅理", "品質管理") and one_edit("ぶらんでんぐ", "ぶらんでぃんぐ") and one_edit("abcd", "abdc")
    assert not one_edit("自動車", "自動車") and not one_edit("自転車部品", "自動車")
    entries = build_dictionary(words_of(["自動車部品の品質管理"], []))
    typos = typo_entries(entries)
    real = real_words_near(typos, entries, ["自転車", "自動車", "宇宙船"])
    assert real == ["自転車"]  # a word of the language one edit from 自動車; 自動車 itself is a key
    write_dictionary(entries, tmp_path, ["自転車"])
    marked = {}
    for shard in tmp_path.glob("t*.json.gz"):
        marked.update(json.loads(gzip.decompress(shard.read_bytes())))
    assert marked["自転車!"] == 1 and "自動車" in marked["自車"]


def test_english_words_of_the_language_are_words_too() -> None:
    """wine is no typo of line, nor tea of team: JMdict's one-word English glosses are in the lexicon; a misspelling
    (managment, qualty) is not."""
    from generator.search.jmdict import lexicon

    words = lexicon()
    assert {"wine", "tea", "line", "team", "warehouse"} <= words and fold("自転車") in words
    assert not {"managment", "qualty", "exprot"} & words


def test_a_number_with_its_counter_is_one_word() -> None:
    terms = {w.term for w in analyse("本店７階会議室。定員40名、参加費1,000円。マッチング率73.3%")}
    assert {"7階", "会議室", "40名", "1000円", "73.3%"} <= terms
    dated = {w.term for w in analyse("2027年1月21日 13時30分から")}
    assert "1月" in dated and not {"2027年", "21日", "13時", "30分"} & dated  # days are the meetings' own labels
    entries = build_dictionary(words_of(["本店7階会議室で開催"], []))
    assert entries["7階"][2] == ["7階"]
    # A head count reaches the other counter the data does not write (the page says 定員 40人).
    entries = build_dictionary(words_of(["会場参加：40人"], []))
    assert entries["40名"][2] == ["40人"]


def test_texts_analysed_ahead_in_worker_processes_give_the_same_words() -> None:
    """prime() (the plan's analysis on every core) hands back what analyse() works out alone, word for word, and
    one Word object per distinct word, as a single process would keep them."""
    from generator.search import terms
    from generator.validate import load_dataset
    from tests.conftest import REPO

    demo = load_dataset(REPO).dataset
    assert demo is not None
    texts = list(dict.fromkeys(v for c in demo.challenges.values() for v in c.model.model_dump().values()
                               if isinstance(v, str) and v))
    texts += ["第5回 7階会議室 40名", "売りたい 買い替える", "ＤＸ化とＥＣ"]
    alone = {t: terms._analyse(t) for t in texts}
    try:
        terms.prime(texts, workers=2, minimum=0)
        assert set(terms._PRIMED) == set(texts)
        assert {t: terms.analyse(t) for t in texts} == alone
        shared = [w for t in texts for w in terms.analyse(t)]
        assert len({id(w) for w in shared}) == len(set(shared))
    finally:
        terms.unprime()
    assert not terms._PRIMED and terms.analyse(texts[0]) == alone[texts[0]]
