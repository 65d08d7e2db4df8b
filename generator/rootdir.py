"""Where the data lives: the repository root is found by walking up from the current folder, as git does."""

from __future__ import annotations

from pathlib import Path


class RootNotFound(Exception):
    """No folder with regions/ at or above the start; `ja`/`en` say where we looked."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.ja = ja
        self.en = en


def has_data(folder: Path) -> bool:
    regions = folder / "regions"
    return regions.is_dir() and not regions.is_symlink()


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds a regions/ folder."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if has_data(folder):
            return folder
    raise RootNotFound(
        f"regions フォルダが見つかりません。{start} とその上のフォルダを探しました。"
        "リポジトリのフォルダ（regions/ があるフォルダ）で実行するか、そのフォルダを指定してください（例: koryukai validate ~/koryukai）",
        f"no regions/ folder in {start} or any folder above it; run inside the repository or pass its folder",
    )


def resolve_root(given: str | None) -> Path:
    """The folder the user named (it must hold regions/), or the one found from the current folder."""
    if given is None:
        return find_root(Path.cwd())
    folder = Path(given).resolve()
    if not has_data(folder):
        raise RootNotFound(
            f"{folder} に regions フォルダがありません。リポジトリのフォルダ（regions/ があるフォルダ）を指定してください",
            f"no regions/ folder in {folder}; pass the repository's folder",
        )
    return folder
