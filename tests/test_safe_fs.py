"""safe_fs.check_inside: the guard every read of a contributor file goes through."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.safe_fs import UnsafePath, check_inside, read_regular


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "regions" / "kanto").mkdir(parents=True)
    (root / "regions" / "kanto" / "region.yml").write_text("name: 関東\n", encoding="utf-8")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "region.yml").write_text("token: xyz\n", encoding="utf-8")
    return root


def test_a_plain_file_inside_is_read(tree: Path) -> None:
    assert read_regular(tree, tree / "regions" / "kanto" / "region.yml") == "name: 関東\n".encode()


@pytest.mark.parametrize("where", ["regions", "regions/kanto", "regions/kanto/region.yml"])
def test_a_link_anywhere_on_the_way_is_refused(tree: Path, where: str) -> None:
    target = tree / where
    moved = target.with_name(target.name + ".real")
    target.rename(moved)
    target.symlink_to(moved)
    with pytest.raises(UnsafePath) as caught:
        check_inside(tree, tree / "regions" / "kanto" / "region.yml")
    assert caught.value.reason == "link" and caught.value.path == target


def test_dot_dot_through_a_link_cannot_climb_out(tree: Path) -> None:
    # regions/out → ../../secret/x: by name "regions/out/../kanto/region.yml" is inside, physically it is secret/
    (tree.parent / "secret" / "x").mkdir()
    (tree.parent / "secret" / "kanto").mkdir()
    (tree.parent / "secret" / "kanto" / "region.yml").write_text("token: xyz\n", encoding="utf-8")
    (tree / "regions" / "out").symlink_to(tree.parent / "secret" / "x")
    sneaky = Path(str(tree / "regions" / "out") + "/../kanto/region.yml")
    assert sneaky.read_text(encoding="utf-8") == "token: xyz\n"  # what a naive reader would get
    with pytest.raises(UnsafePath) as caught:
        read_regular(tree, sneaky)
    assert caught.value.reason == "outside"


def test_a_path_outside_the_root_and_a_missing_one_are_refused(tree: Path) -> None:
    with pytest.raises(UnsafePath) as outside:
        check_inside(tree, tree.parent / "secret" / "region.yml")
    with pytest.raises(UnsafePath) as missing:
        check_inside(tree, tree / "regions" / "tohoku" / "region.yml")
    assert (outside.value.reason, missing.value.reason) == ("outside", "missing")
