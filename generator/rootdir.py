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
    """The repository root for a folder (or file) the user named, or for the current folder:
    the nearest folder at or above it that holds regions/."""
    if given is None:
        return find_root(Path.cwd())
    path = Path(given).resolve()
    if not path.exists():
        raise RootNotFound(
            f"{path} がありません。リポジトリのフォルダ（regions/ があるフォルダ）か、その中のファイルを指定してください",
            f"{path} does not exist; pass the repository's folder or a file in it",
        )
    return find_root(path if path.is_dir() else path.parent)
