"""Reviewed exceptions (regions/privacy-allow.yml): exact phrase, exact file, strictly read."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate import load_dataset

from .conftest import CHALLENGE, VETERAN, replace
from .test_validate_messages import lines

ALLOW = "regions/privacy-allow.yml"
HEADER = "# 守秘義務チェックの例外（SKS が確認して追加します）\nallow:\n"


def write_allow(root: Path, body: str) -> None:
    (root / ALLOW).write_text(HEADER + body, encoding="utf-8")


def entry(file: str, phrase: str, reason: str = "製品名「スズキさんの漬物」であり人名ではない") -> str:
    return f"  - file: {file}\n    phrase: \"{phrase}\"\n    reason: {reason}\n    reviewed_by: SKS\n"


def test_exception_silences_only_its_phrase(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。主力は漬物「鈴木さん」。代表の田中さんが営業しています。")
    write_allow(valid_root, entry(CHALLENGE, "鈴木さん"))
    assert lines(valid_root) == [
        f"{CHALLENGE}:7:51: error P508 「課題の内容（description）」: 人名「田中さん」は載せられません。"
        "「社長」「担当者」のように役職だけで書いてください"
        " ('description': personal name '田中さん' must not be published; write the role only, without the name)"
    ]


def test_exception_applies_to_its_file_only(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。主力は漬物「鈴木さん」。")
    replace(valid_root, VETERAN, "担当しました。", "担当しました。鈴木さんの紹介で登録。")
    write_allow(valid_root, entry(CHALLENGE, "鈴木さん"))
    assert [line.split(" ")[0] for line in lines(valid_root)] == [f"{VETERAN}:5:46:"]


def test_exception_matches_the_phrase_as_typed(valid_root: Path) -> None:
    # The span is compared un-normalised: a half-width phrase does not silence a full-width number.
    replace(valid_root, CHALLENGE, "町工場です。", "町工場です。整理番号は０３－１２３４－５６７８です。")
    write_allow(valid_root, entry(CHALLENGE, "03-1234-5678", "整理番号であり電話番号ではない"))
    codes = [line.split(" ")[2] for line in lines(valid_root)]
    assert codes == ["P501", "P531"]
    write_allow(valid_root, entry(CHALLENGE, "０３－１２３４－５６７８", "整理番号であり電話番号ではない"))
    assert lines(valid_root) == []


def test_unused_exception_is_a_warning(valid_root: Path) -> None:
    write_allow(valid_root, entry(CHALLENGE, "鈴木さん"))
    dataset, found = load_dataset(valid_root)
    assert dataset is not None  # a warning does not fail validation
    assert [d.text() for d in found] == [
        f"{ALLOW}:4:13: warning P531 使われていない例外です。「{CHALLENGE}」に、指摘される語句「鈴木さん」がありません。"
        "本文が直されたのなら、この例外を削除してください"
        f" (unused exception: no finding '鈴木さん' in {CHALLENGE}; delete the entry)"
    ]


def test_exception_for_a_missing_file_is_reported(valid_root: Path) -> None:
    write_allow(valid_root, entry("regions/kanto/challenges/typo.yml", "鈴木さん"))
    assert lines(valid_root) == [
        f"{ALLOW}:4:13: warning P531 使われていない例外です。ファイル「regions/kanto/challenges/typo.yml」が見つかりません。"
        "file にはエラー表示と同じ regions/ から始まるパスを書くか、この例外を削除してください"
        " (unused exception: file 'regions/kanto/challenges/typo.yml' not found; fix the path or delete the entry)"
    ]


def test_editorial_page_exception_is_never_unused(valid_root: Path) -> None:
    write_allow(valid_root, entry("content/about.md", "一般社団法人 新現役交流会サポート", "運営団体の正式名称"))
    assert lines(valid_root) == []


def test_missing_reason_and_unknown_key_are_errors(valid_root: Path) -> None:
    write_allow(valid_root, f"  - file: {CHALLENGE}\n    phrase: 鈴木さん\n    reviewed_by: SKS\n    note: 不要\n")
    dataset, found = load_dataset(valid_root)
    assert dataset is None
    assert [d.text() for d in found] == [
        f"{ALLOW}:3:5: error P530 「reason」（理由）がありません。追加してください ('reason' is missing; add it)",
        f"{ALLOW}:6:5: error P530 「note」という項目は使えません。使える項目: file、phrase、reason、reviewed_by"
        " (unknown key 'note'; use file, phrase, reason, reviewed_by)",
    ]


def test_allow_file_is_read_with_the_strict_loader(valid_root: Path) -> None:
    write_allow(valid_root, entry(CHALLENGE, "鈴木さん") + entry(CHALLENGE, "鈴木さん"))
    (valid_root / ALLOW).write_text((valid_root / ALLOW).read_text(encoding="utf-8").replace("allow:", "allow: &a"),
                                    encoding="utf-8")
    assert [line.split(" ")[2] for line in lines(valid_root)] == ["Y008"]


def test_duplicate_and_top_level_keys_are_errors(valid_root: Path) -> None:
    write_allow(valid_root, entry(CHALLENGE, "鈴木さん") + entry(CHALLENGE, "鈴木さん"))
    (valid_root / ALLOW).write_text((valid_root / ALLOW).read_text(encoding="utf-8") + "ignore: true\n", encoding="utf-8")
    found = lines(valid_root)
    assert found[1:] == [
        f"{ALLOW}:7:5: error P530 同じ例外（{CHALLENGE} の「鈴木さん」）が 4 行目にもあります。1つにしてください"
        f" (duplicate exception for '鈴木さん' in {CHALLENGE})",
        f"{ALLOW}:11:1: error P530 「ignore」という項目は使えません。例外は「allow:」の下に並べてください"
        " (unknown key 'ignore'; list exceptions under 'allow:')",
    ]
    assert found[0].split(" ")[1:3] == ["warning", "P531"]  # and the one kept entry silences nothing


@pytest.mark.parametrize(("body", "expected"), [
    ("allow: 5\n", "「allow:」の下には「- file: …」の形で例外を並べてください"),
    ("allow:\n  - 鈴木さん\n", "例外は「file:」「phrase:」「reason:」「reviewed_by:」の4項目で書いてください"),
    (f"allow:\n  - file: {CHALLENGE}\n    phrase: 2026\n    reason: 年号\n    reviewed_by: SKS\n",
     "「phrase」は文字列で書いてください（\"…\" で囲みます）"),
])
def test_odd_shapes_are_located_errors(valid_root: Path, body: str, expected: str) -> None:
    (valid_root / ALLOW).write_text(body, encoding="utf-8")
    found = lines(valid_root)
    assert len(found) == 1 and f" error P530 {expected} (" in found[0], found
