"""Each refusal class of the strict loader, with the exact line a contributor reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.loader import MAX_BYTES, load_file, parse

FILE = "regions/kanto/x.yml"


def read(tmp_path: Path, raw: bytes):
    path = tmp_path / "x.yml"
    path.write_bytes(raw)
    return load_file(path, FILE)


def one_line(found) -> str:
    assert len(found) == 1, [d.text() for d in found]
    return found[0].text()


CASES = [
    pytest.param(
        "タイトル".encode("cp932").join([b"title: ", b"\n"]),
        f"{FILE}:1:8: error Y002 文字コードが Shift_JIS（CP932）のようです。エディタで「UTF-8」を選んで保存し直してください"
        " (file looks like Shift_JIS (CP932); save it as UTF-8)",
        id="shift-jis",
    ),
    pytest.param(
        b"\xef\xbb\xbftitle: x\n",
        f"{FILE}:1:1: error Y003 ファイルの先頭に BOM（バイト順マーク）があります。「BOMなしのUTF-8」で保存し直してください"
        " (file starts with a byte-order mark; save it as UTF-8 without BOM)",
        id="bom",
    ),
    pytest.param(
        b"title: x\nvenue:\n\tname: y\n",
        f"{FILE}:3:1: error Y004 タブ文字が使われています。タブを半角スペースに置き換えてください (tab character; replace it with spaces)",
        id="tab",
    ),
    pytest.param(
        "title: x\nvenue:\n\u3000\u3000name: y\n".encode(),
        f"{FILE}:3:1: error Y005 行頭の字下げに全角スペースが使われています。半角スペースに置き換えてください"
        " (full-width space used as indentation; use half-width spaces)",
        id="fullwidth-indent",
    ),
    pytest.param(
        b"title: x\ndate: 2026-12-10\ntitle: y\n",
        f"{FILE}:3:1: error Y007 項目「title」が 1 行目にもあります。どちらか一方を削除してください"
        " (duplicate key 'title' (first on line 1); remove one)",
        id="duplicate-key",
    ),
    pytest.param(
        b"start: &t 13:30\nend: *t\n",
        f"{FILE}:1:8: error Y008 アンカー（&t）は使えません。「&t」を削除してください (anchors are not allowed; remove the anchor)",
        id="anchor",
    ),
    pytest.param(
        b"title: x\nend: *t\n",
        None,  # PyYAML itself refuses an undefined alias; see test_alias_is_refused
        id="alias-undefined",
    ),
    pytest.param(
        b"venue:\n  <<: {name: x}\n",
        f"{FILE}:2:3: error Y009 マージキー（<<）は使えません。必要な項目をそのまま書いてください"
        " (merge keys (<<) are not allowed; write the keys out in full)",
        id="merge-key",
    ),
    pytest.param(
        b"capacity: !!int 30\n",
        f"{FILE}:1:11: error Y010 型指定のタグ（!!int）は使えません。タグを削除し、文字列は引用符で囲んでください"
        " (explicit tags are not allowed; remove the tag and quote strings instead)",
        id="tag",
    ),
    pytest.param(
        b"title: a\n---\ntitle: b\n",
        f"{FILE}:2:1: error Y011 1つのファイルに複数の文書（---）があります。1ファイル1件にしてください"
        " (more than one YAML document; keep one per file)",
        id="multiple-documents",
    ),
    pytest.param(
        b"- title: a\n- title: b\n",
        f"{FILE}:1:1: error Y012 ファイル全体が「項目名: 値」の形になっていません。テンプレートの形に合わせてください"
        " (the file's top level must be a mapping of 'key: value' lines)",
        id="non-mapping-root",
    ),
    pytest.param(
        b"",
        f"{FILE}:1:1: error Y014 ファイルが空です。テンプレートから項目を書き写してください (file is empty; start from a template)",
        id="empty",
    ),
    pytest.param(
        "title：交流会\n".encode(),
        f"{FILE}:1:6: error Y015 項目名の後ろが全角の「：」になっています。半角の「: 」（コロンと半角スペース）にしてください"
        " (full-width colon after a key; use a half-width colon and a space)",
        id="fullwidth-colon",
    ),
    pytest.param(
        'title: "第12回 交流会\ndate: 2026-12-10\n'.encode(),
        f"{FILE}:3:1: error Y006 YAML の書き方に誤りがあります: 引用符（\" または '）が閉じられていません (YAML syntax: a quote is not closed)",
        id="unclosed-quote",
    ),
    pytest.param(
        "title: 日時: 12月10日\n".encode(),
        f"{FILE}:1:10: error Y006 YAML の書き方に誤りがあります: ここでは「:」が使えません。値の中に「: 」がある場合は値全体を \"…\" で囲んでください"
        " (YAML syntax: a colon is not allowed here; quote the whole value)",
        id="colon-in-value",
    ),
    pytest.param(
        "title: xあ\x07\n".encode(),
        f"{FILE}:1:10: error Y016 見えない制御文字（U+0007）が含まれています。その文字を削除してください (invisible control character U+0007; delete it)",
        id="control-char",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_refusal_message(tmp_path: Path, raw: bytes, expected: str | None) -> None:
    loaded, found = read(tmp_path, raw)
    assert loaded is None
    if expected is not None:
        assert one_line(found) == expected


def test_alias_is_refused(tmp_path: Path) -> None:
    loaded, found = read(tmp_path, b"a: &x [1]\nb: *x\n")
    assert loaded is None and found[0].code == "Y008"


def test_too_large(tmp_path: Path) -> None:
    loaded, found = read(tmp_path, b"title: " + b"a" * (MAX_BYTES + 1) + b"\n")
    assert loaded is None
    assert one_line(found).startswith(f"{FILE}:1:1: error Y001 ファイルが大きすぎます（{MAX_BYTES + 9:,} バイト、上限 {MAX_BYTES:,} バイト）")


def test_nesting_too_deep(tmp_path: Path) -> None:
    loaded, found = read(tmp_path, ("a: " + "[" * 20 + "]" * 20 + "\n").encode())
    assert loaded is None
    assert found[0].code == "Y013" and found[0].line == 1


def test_not_utf8_but_not_sjis(tmp_path: Path) -> None:
    _, found = read(tmp_path, b"title: ok\nbad: \xff\xfe\xfd\n")
    assert one_line(found) == (
        f"{FILE}:2:6: error Y002 UTF-8 として読めないバイトがあります。UTF-8 で保存し直してください (file is not valid UTF-8; save it as UTF-8)"
    )


def test_yaml_11_surprises_do_not_happen() -> None:
    text = (
        "start: 13:30\n"  # YAML 1.1 sexagesimal: 810
        "registered: no\n"  # YAML 1.1 bool
        "also: yes\n"
        "toggle: on\n"
        "postal: 0600001\n"  # YAML 1.1 octal
        "octal: 0o17\n"
        "hex: 0x1F\n"
        "date: 2026-12-10\n"  # stays text; the models parse it
        "count: 30\n"
        "real: true\n"
        "empty:\n"
    )
    loaded, found = parse(text, FILE)
    assert found == [] and loaded is not None
    assert loaded.data == {
        "start": "13:30", "registered": "no", "also": "yes", "toggle": "on", "postal": "0600001",
        "octal": "0o17", "hex": "0x1F", "date": "2026-12-10", "count": 30, "real": True, "empty": None,
    }


def test_locations_are_kept() -> None:
    loaded, _ = parse("title: x\nvenue:\n  name: 本店\n  city: 横浜市\norganisers:\n  - name: 局\n", FILE)
    assert loaded is not None
    assert loaded.where(("venue", "city")) == (4, 9)
    assert loaded.where(("venue", "city"), key=True) == (4, 3)
    assert loaded.where(("organisers", 0, "name")) == (6, 11)
    assert loaded.where(("venue", "missing")) == (3, 3)  # nearest existing parent


def test_quoted_scalars_stay_text() -> None:
    loaded, _ = parse('capacity: "30"\nflag: "true"\n', FILE)
    assert loaded is not None and loaded.data == {"capacity": "30", "flag": "true"}


def _events(text: str, loader: type) -> list[tuple[object, ...]]:
    out = []
    for e in yaml.parse(text, Loader=loader):
        style = getattr(e, "style", None) or None  # libyaml marks a plain scalar '', PyYAML None
        out.append((type(e).__name__, style, getattr(e, "value", None), getattr(e, "implicit", None),
                    getattr(e, "tag", None), getattr(e, "anchor", None),
                    e.start_mark.line, e.start_mark.column, e.end_mark.line, e.end_mark.column))
    return out


def test_libyaml_reads_every_data_file_as_pyyaml_does(tmp_path: Path) -> None:
    """The fast C parser gives the same events and line/column marks as the Python one, or messages would move."""
    from bench.gen_data import SIZES, generate

    generate(tmp_path, SIZES["today"], 2)
    repo = Path(__file__).resolve().parent.parent
    files = [*(repo / "regions").rglob("*.yml"), *(repo / "templates").rglob("*.yml"),
             *(repo / "tests" / "fixtures").rglob("*.yml"), *tmp_path.rglob("*.yml")]
    compared = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            expected = _events(text, yaml.SafeLoader)
        except yaml.YAMLError:
            continue  # refused files are read by PyYAML itself (loader._read_events)
        assert _events(text, yaml.CSafeLoader) == expected, path
        compared += 1
    assert compared > 150
