"""Model and cross-file checks: the exact message for each mistake, on its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate import load_dataset

from .conftest import CHALLENGE, INST, MEETING, VETERAN, replace


def lines(root: Path) -> list[str]:
    _, found = load_dataset(root)
    return [d.text() for d in found]


def test_fixture_is_valid(valid_root: Path) -> None:
    dataset, found = load_dataset(valid_root)
    assert found == [] and dataset is not None
    assert len(dataset.meetings) == 2


CASES = [
    (MEETING, "start: 13:30", "start: 1330",
     f'{MEETING}:3:8: error S203 「開始時刻（start）」: 時刻は "13:30" のように「時:分」で書いてください'
     ' (\'start\': write the time as HH:MM, e.g. "13:30")'),
    (MEETING, "start: 13:30", "start: 25:00",
     f"{MEETING}:3:8: error S204 「開始時刻（start）」: 「25:00」という時刻はありません（00:00〜23:59）"
     " ('start': '25:00' is not a valid time (00:00-23:59))"),
    (MEETING, "date: 2026-12-10", "date: 2026/12/10",
     f"{MEETING}:2:7: error S201 「開催日（date）」: 日付は「2026-12-10」のように「年-月-日」で書いてください"
     " ('date': write the date as YYYY-MM-DD, e.g. 2026-12-10)"),
    (MEETING, "date: 2026-12-10", "date: 2026年12月10日",
     f"{MEETING}:2:7: error S201 「開催日（date）」: 日付は「2026-12-10」のように「年-月-日」で書いてください"
     " ('date': write the date as YYYY-MM-DD, e.g. 2026-12-10)"),
    (MEETING, "format: in_person", "format: in-person",
     f"{MEETING}:5:9: error S109 「開催形式（format）」 に「in-person」は使えません。「in_person」ではありませんか"
     " ('format': 'in-person' is not allowed; did you mean 'in_person'?)"),
    (MEETING, "capacity: 30", 'capacity: "30"',
     f"{MEETING}:16:11: error S107 「新現役の定員（capacity）」 は数なので、引用符を付けず半角で 30 と書いてください"
     " ('capacity' is a number; write 30 without quotes)"),
    (MEETING, "capacity: 30", "capacity: 三十",
     f"{MEETING}:16:11: error S107 「新現役の定員（capacity）」 は半角の整数で書いてください（「三十」は数として読めません）"
     " ('capacity' must be a whole number)"),
    (MEETING, "capacity: 30", "capasity: 30",
     f"{MEETING}:16:1: error S103 「capasity」という項目はありません。「capacity」の書き間違いではありませんか"
     " (unknown field 'capasity'; did you mean 'capacity'?)"),
    (MEETING, "title: 第12回 みなと台新現役交流会\n", "",
     f"{MEETING}:1:1: error S102 必須の項目 「交流会名（title）」 がありません。追加してください"
     " (required field 'title' is missing; add it)"),
    (MEETING, "  city: 横浜市中区\n", "",
     f"{MEETING}:6:1: error S102 必須の項目 「市区町村（venue.city）」 がありません。追加してください"
     " (required field 'venue.city' is missing; add it)"),
    (MEETING, "  prefecture: 神奈川県", "  prefecture: 神奈川",
     f"{MEETING}:8:15: error S109 「都道府県（venue.prefecture）」 に「神奈川」は使えません。「神奈川県」ではありませんか"
     " ('venue.prefecture': '神奈川' is not allowed; did you mean '神奈川県'?)"),
    (MEETING, "url: https://docs.google.com/forms/d/e/demo/viewform", "url: http://docs.google.com/forms/d/e/demo/viewform",
     f"{MEETING}:14:8: error S209 「申込フォーム URL（signup.url）」: URL は https:// で始まるものだけ使えます"
     " ('signup.url': only https:// URLs are allowed)"),
    (MEETING, "url: https://docs.google.com/forms/d/e/demo/viewform", "url: javascript:alert(1)",
     f"{MEETING}:14:8: error S209 「申込フォーム URL（signup.url）」: URL は https:// で始まるものだけ使えます"
     " ('signup.url': only https:// URLs are allowed)"),
    (MEETING, "url: https://docs.google.com/forms/d/e/demo/viewform", "url: https://docs.google.com@evil.example/x",
     f"{MEETING}:14:8: error S210 「申込フォーム URL（signup.url）」: URL に「@」を含むユーザー情報は書けません。フォームの正しい URL を書いてください"
     " ('signup.url': URL must not contain user information ('@'))"),
    (MEETING, "url: https://docs.google.com/forms/d/e/demo/viewform", "url: https://docs.google.com.evil.example/x",
     f"{MEETING}:14:8: error X307 申込フォームのホスト「docs.google.com.evil.example」は認められていません。institution.yml の form_hosts にあるホスト"
     "（docs.google.com、forms.gle、forms.office.com、forms.microsoft.com）のフォームを使うか、form_hosts に追加してください"
     " (form host docs.google.com.evil.example is not in form_hosts (docs.google.com, forms.gle, forms.office.com, forms.microsoft.com))"),
    (MEETING, "end: 16:30", "end: 12:00",
     f"{MEETING}:4:6: error X302 終了時刻（12:00）が開始時刻（13:30）より後になっていません。時刻を確認してください"
     " (end 12:00 is not after start 13:30)"),
    (MEETING, "deadline: 2026-12-03", "deadline: 2026-12-11",
     f"{MEETING}:15:13: error X303 申込締切（2026-12-11）が開催日（2026-12-10）より後です。締切は開催日以前にしてください"
     " (signup deadline is after the meeting date)"),
    (MEETING, "date: 2026-12-10", "date: 2026-12-11",
     f"{MEETING}:2:7: error X301 ファイル名の日付（2026-12-10）と開催日（2026-12-11）が違います。どちらかを直してください"
     " (file name date 2026-12-10 differs from date 2026-12-11)"),
    (MEETING, "  - name: 関東経済産業局", "  - institution: nowhere-bank",
     f"{MEETING}:11:18: error X308 機関「nowhere-bank」が見つかりません。regions/…/institutions/ のフォルダ名を書いてください"
     "（候補: minato-shinkin） (institution 'nowhere-bank' not found)"),
    (CHALLENGE, "meeting: 2026-12-10", "meeting: 2026-12-24",
     f"{CHALLENGE}:1:10: error X310 交流会「2026-12-24」が見つかりません。同じ機関の meetings/ にあるファイル名（.yml を除く）を書いてください"
     "（候補: 2026-06-11、2026-12-10） (meeting '2026-12-24' not found in this institution's meetings/)"),
    (CHALLENGE, "prefecture: 神奈川県", "prefecture: 大阪府",
     f"{CHALLENGE}:5:13: error X311 都道府県「大阪府」は地域「関東」に含まれていません。region.yml の prefectures を確認してください"
     " (prefecture 大阪府 is not in region kanto)"),
    (CHALLENGE, "employees: 21-50", "employees: 30",
     f"{CHALLENGE}:6:12: error S109 「従業員規模（employees）」 は正確な人数ではなく幅で書きます。30名なら「21-50」です"
     "（選べる値: 1-5、6-20、21-50、51-100、101-300、301-） ('employees' takes a band, not a count; for 30 write '21-50')"),
    (CHALLENGE, "categories: [販路開拓, 新商品開発]", "categories: [販路開拓, 販路開拓]",
     f"{CHALLENGE}:4:13: error S207 「課題の分類（categories）」: 「販路開拓」が2回書かれています。1つにしてください"
     " ('categories': '販路開拓' is listed twice)"),
    (CHALLENGE, "categories: [販路開拓, 新商品開発]", "categories: [販路開拓, 営業]",
     f"{CHALLENGE}:4:20: error S109 「課題の分類（categories）」 に「営業」は使えません。次から選んでください: 販路開拓、新商品開発、事業承継、人材育成、"
     "DX・IT化、海外展開、生産管理、品質管理、財務・資金繰り、知的財産、組織・人事、マーケティング など"
     " ('categories': '営業' is not allowed; choose one of: 販路開拓, 新商品開発, 事業承継, 人材育成, DX・IT化, 海外展開, 生産管理,"
     " 品質管理, 財務・資金繰り, 知的財産, 組織・人事, マーケティング, ブランディング, EC・通販, 経営戦略, 法務・契約, 環境・省エネ, 物流, 広報・PR, その他)"),
    (CHALLENGE, "consent_date: 2026-11-01", "consent_date: 2026-02-30",
     f"{CHALLENGE}:10:15: error S202 「公開の同意日（consent_date）」: 2026年2月30日 という日付はありません。日付を確認してください"
     " ('consent_date': 2026-02-30 is not a real date)"),
    (CHALLENGE, "title: 精密部品の技術を生かして医療機器分野に参入したい", "title: 2026",
     f"{CHALLENGE}:2:8: error S105 「課題の見出し（title）」 は文字列で書いてください（数字や true/false だけの場合は \"…\" で囲みます）"
     " ('title' must be text; quote it)"),
    (CHALLENGE, "title: 精密部品の技術を生かして医療機器分野に参入したい", "title:",
     f"{CHALLENGE}:2:7: error S104 「課題の見出し（title）」 が空です。値を書いてください ('title' is empty)"),
    (VETERAN, "registered: true", "registered: no",
     f"{VETERAN}:7:13: error S108 「新現役登録（registered）」 は true か false で書いてください（「no」は使えません）"
     " ('registered' must be true or false)"),
    (VETERAN, "registered: true", "registered: はい",
     f"{VETERAN}:7:13: error S108 「新現役登録（registered）」 は true か false で書いてください（「はい」は使えません）"
     " ('registered' must be true or false)"),
    (VETERAN, "consent_date: 2026-10-01", "consent_date: 2026-10-01\ncontact_form: https://evil.example.com/form",
     f"{VETERAN}:9:15: error X307 連絡フォームのホスト「evil.example.com」は認められていません。Google フォームなど、地域の機関が認めるフォームを使ってください"
     " (contact form host evil.example.com is not allowed)"),
    ("regions/kanto/region.yml", "prefectures: [東京都, 神奈川県, 埼玉県, 千葉県]", "prefectures: [東京都, 埼玉県, 千葉県]\nbranding:\n  primary_color: \"#88ccff\"",
     "regions/kanto/region.yml:5:18: error S213 「メインの色（branding.primary_color）」: この色は白い文字との明暗差が小さく読みにくくなります（コントラスト比 1.7、4.5 以上が必要）。もっと濃い色にしてください"
     " ('branding.primary_color': white text on this colour has contrast 1.7; at least 4.5 is needed, choose a darker colour)"),
]


@pytest.mark.parametrize(("rel", "old", "new", "expected"), CASES, ids=[c[3].split(" ")[2] + "-" + str(i) for i, c in enumerate(CASES)])
def test_message(valid_root: Path, rel: str, old: str, new: str, expected: str) -> None:
    replace(valid_root, rel, old, new)
    assert expected in lines(valid_root)


def test_all_problems_in_one_run(valid_root: Path) -> None:
    replace(valid_root, MEETING, "start: 13:30", "start: 1330")
    replace(valid_root, CHALLENGE, "employees: 21-50", "employees: 30")
    replace(valid_root, VETERAN, "registered: true", "registered: no")
    (valid_root / INST / "challenges" / "Bad.yml").write_text("title: x\n", encoding="utf-8")
    found = lines(valid_root)
    paths = {line.split(":")[0] for line in found}
    assert paths == {MEETING, CHALLENGE, VETERAN, f"{INST}/challenges/Bad.yml"}


def test_missing_consent_is_a_warning_and_unpublished(valid_root: Path) -> None:
    replace(valid_root, CHALLENGE, "consent_date: 2026-11-01\n", "")
    dataset, found = load_dataset(valid_root)
    assert dataset is not None
    assert [d.text() for d in found] == [
        f"{CHALLENGE}:2:1: warning X320 公開の同意日（consent_date）がないため、この課題はポータルに掲載されません"
        " (no consent_date: this challenge will not be published)"
    ]
    assert "kanto/minato-shinkin/precision-parts" in dataset.unpublished


def test_fullwidth_digits_in_dates_and_times_are_normalised(valid_root: Path) -> None:
    replace(valid_root, MEETING, "date: 2026-12-10", "date: ２０２６－１２－１０")
    replace(valid_root, MEETING, "start: 13:30", "start: １３：３０")
    dataset, found = load_dataset(valid_root)
    assert found == [] and dataset is not None
    meeting = dataset.meetings["kanto/minato-shinkin/2026-12-10"].model
    assert (meeting.date.isoformat(), meeting.start) == ("2026-12-10", "13:30")


def test_cli_text_and_json_formats(valid_root: Path, capsys) -> None:
    import json

    from generator.cli import main

    assert main(["validate", str(valid_root)]) == 0
    replace(valid_root, MEETING, "start: 13:30", "start: 1330")
    assert main(["validate", str(valid_root), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["errors"] >= 1
    first = next(d for d in report["diagnostics"] if d["code"] == "S203")
    assert (first["path"], first["line"], first["column"], first["severity"]) == (MEETING, 3, 8, "error")
    assert first["message_ja"].startswith("「開始時刻（start）」")


def test_missing_root_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    from generator.cli import main

    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert f"{(tmp_path / 'nowhere').resolve()} がありません。リポジトリのフォルダ（regions/ があるフォルダ）か、その中のファイルを指定してください" in err


def test_unexpected_error_is_a_message_not_a_traceback(valid_root: Path, capsys, monkeypatch) -> None:
    from generator import cli

    def boom(*args, **kwargs):
        raise RuntimeError("simulated")

    monkeypatch.setattr("generator.validate.load_dataset", boom)
    monkeypatch.delenv("KORYUKAI_DEBUG", raising=False)
    assert cli.main(["validate", str(valid_root)]) == 3
    err = capsys.readouterr().err
    assert "予期しないエラーで止まりました" in err and "Traceback" not in err


def test_root_cause_comes_first_and_the_follow_on_says_so(valid_root: Path) -> None:
    """One mistake in a meeting file: its own error first, then the challenge that refers to it."""
    replace(valid_root, MEETING, "  地域の中小企業5社が", "地域の中小企業5社が")
    found = lines(valid_root)
    assert found == [
        f"{MEETING}:19:1: error Y022 この行の字下げがありません。「description: |」（18行目）の下の文章は、どの行も行頭に半角スペース2つを入れてください"
        "（「|」は、次の行から字下げした文章が続くという印です） (this line is not indented; every line of the text under"
        " 'description: |' (line 18) needs two spaces)",
        f"{CHALLENGE}:1:10: error X313 交流会「2026-12-10」のファイルにエラーがあるため、確かめられません。"
        f"先に {MEETING} のエラーを直すと解消します (meeting '2026-12-10' has errors in {MEETING}; fixing that file clears this)",
    ]


def test_uncommented_block_that_lost_its_indent(valid_root: Path) -> None:
    rel = "regions/kanto/institutions/minato-shinkin/meetings/2026-06-11.yml"
    path = valid_root / rel
    path.write_text(path.read_text(encoding="utf-8").replace("\n  companies:", "\ncompanies:").replace(
        "\n  veterans:", "\nveterans:").replace("\n  interviews:", "\ninterviews:").replace(
        "\n  second_interviews:", "\nsecond_interviews:").replace("\n  matches:", "\nmatches:"), encoding="utf-8")
    found = [line for line in lines(valid_root) if line.startswith(rel)]
    assert len(found) == 5
    assert found[0] == (f"{rel}:8:1: error S103 「companies」は「outcome」の中の項目です。「outcome:」の下の行は、"
                        "行頭に半角スペース2つを入れて字下げしてください ('companies' belongs inside 'outcome'; "
                        "indent the lines under 'outcome:' by two spaces)")
    assert not any("companies_planned" in line for line in found)


def test_unindented_line_in_the_middle_of_a_block(valid_root: Path) -> None:
    path = valid_root / MEETING
    path.write_text(path.read_text(encoding="utf-8") + "  当日は三つの段階で進めます。\n会場は本店ホールです。\n  どなたでも。\n",
                    encoding="utf-8")
    assert lines(valid_root)[0].startswith(f"{MEETING}:21:1: error Y022 この行の字下げがありません。「description: |」（18行目）")


def test_missing_space_after_a_colon_is_shown_on_its_line(valid_root: Path) -> None:
    replace(valid_root, MEETING, "capacity: 30", "capacity:30")
    assert lines(valid_root)[0] == (
        f"{MEETING}:16:1: error Y006 YAML の書き方に誤りがあります: 「項目名:値」のコロンの後に半角スペースを入れてください"
        "（例: capacity: 30） (YAML syntax: put a space after the colon, e.g. 'capacity: 30')")


def test_contact_form_is_no_longer_shown_and_says_so(valid_root: Path) -> None:
    """三者対等: enquiries about a 新現役 go through the institution's desk, not a direct form."""
    replace(valid_root, VETERAN, "consent_date: 2026-10-01", "consent_date: 2026-10-01\ncontact_form: https://forms.gle/abc")
    assert lines(valid_root) == [
        f"{VETERAN}:9:15: warning X340 連絡フォーム（contact_form）はページに表示されません。新現役への相談は、交流会を開く機関の問い合わせ先が"
        "プロフィール番号で受け付けます。この行は消してください (contact_form is no longer shown: enquiries go through the"
        " institution's desk with the profile id; remove the line)"]


def test_a_region_may_not_take_the_summary_page_folder(valid_root: Path) -> None:
    """The national portal's one-page summary lives at summary/; a region folder of that name would overwrite it."""
    (valid_root / "regions" / "kanto").rename(valid_root / "regions" / "summary")
    assert ("regions/summary:0:0: error L205 地域フォルダ名「summary」はポータルのページ名（meetings・search・page など）と重なるので"
            " ID にできません。別の名前にしてください (region folder name 'summary' is reserved for the portal's own pages;"
            " choose another id)") in lines(valid_root)
