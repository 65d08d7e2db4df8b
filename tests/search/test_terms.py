"""The search's build side: terms, tokens and the query dictionary (no browser)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator.search.dictionary import build_dictionary, loose, shard_of, write_dictionary
from generator.search.terms import PLACE, TOKEN_RE, Word, analyse, fold, place_terms, token, words_of


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
    assert shard["かいご"] == entries["かいご"]
