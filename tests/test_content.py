"""Editorial pages (content/*.md) go through the load stage: strict front matter, located errors."""

from __future__ import annotations

from pathlib import Path

from generator.content import load_content


def write(root: Path, name: str, text: str | bytes) -> None:
    folder = root / "content"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def messages(root: Path) -> list[str]:
    return [d.text() for d in load_content(root)[1]]


def test_front_matter_gives_the_title_and_the_body_is_kept(tmp_path: Path) -> None:
    write(tmp_path, "about.md", "---\ntitle: 新現役交流会とは\n---\n\n# 見出し\n本文\n")
    pages, problems = load_content(tmp_path)
    assert problems == []
    assert [(p.slug, p.path, p.title, p.markdown) for p in pages] == [
        ("about", "content/about.md", "新現役交流会とは", "\n# 見出し\n本文\n")]


def test_duplicate_key_is_located_in_the_file(tmp_path: Path) -> None:
    write(tmp_path, "faq.md", "---\ntitle: よくある質問\ntitle: FAQ\n---\n本文\n")
    assert messages(tmp_path) == [
        "content/faq.md:3:1: error Y007 項目「title」が 2 行目にもあります。どちらか一方を削除してください"
        " (duplicate key 'title' (first on line 2); remove one)"]


def test_missing_title_and_unknown_key(tmp_path: Path) -> None:
    write(tmp_path, "join.md", "# 本文だけ\n")
    write(tmp_path, "start.md", "---\ntitle: 始め方\nauthor: SKS\n---\n本文\n")
    assert messages(tmp_path) == [
        "content/join.md:1:1: error S102 必須の項目 「ページの題名（title）」 がありません。追加してください"
        " (required field 'title' is missing; add it)",
        "content/start.md:3:1: error S103 「author」という項目はありません。使える項目: title"
        " (unknown field 'author'; allowed: title)",
    ]


def test_yaml_surprises_are_refused_as_in_data_files(tmp_path: Path) -> None:
    write(tmp_path, "about.md", "---\ntitle: !!str 題名\n---\n")
    write(tmp_path, "faq.md", b"\xef\xbb\xbf---\ntitle: x\n---\n")
    assert [m.split(" ")[0:3] for m in messages(tmp_path)] == [
        ["content/about.md:2:8:", "error", "Y010"], ["content/faq.md:1:1:", "error", "Y003"]]


def test_a_broken_editorial_page_stops_the_build(valid_root: Path, tmp_path: Path) -> None:
    import shutil
    from datetime import date

    from generator.build import build

    from .conftest import REPO

    project = tmp_path / "project"
    for name in ("themes", "content"):
        shutil.copytree(REPO / name, project / name)
    shutil.copyfile(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "content/faq.md").write_text("---\ntitle: [よくある質問\n---\n", encoding="utf-8")
    result = build(valid_root, tmp_path / "out", today=date(2026, 11, 26), index=False, project_root=project)
    assert not result.ok and not (tmp_path / "out").exists()
    assert [(d.path, d.code) for d in result.diagnostics] == [("content/faq.md", "Y006")]
