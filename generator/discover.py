"""Find the data files under regions/ and derive their ids from the layout.

    regions/<region>/region.yml
    regions/<region>/institutions/<institution>/institution.yml
    regions/<region>/institutions/<institution>/meetings/<YYYY-MM-DD>[-<slug>].yml
    regions/<region>/institutions/<institution>/challenges/<id>.yml
    regions/<region>/veterans/<id>.yml
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .registry import KINDS, MEETING_ID, SLUG
from .safe_fs import kind as path_kind
from .url_scheme import RESERVED_IDS

# The kinds of file in a folder of their own, below a region or an institution (registry.py).
REGION_FILES = [k for k in KINDS if "{id}" in k.path and "{institution}" not in k.path]
INSTITUTION_FILES = [k for k in KINDS if "{id}" in k.path and "{institution}" in k.path]
__all__ = ["MEETING_ID", "RESERVED_IDS", "SLUG", "Found", "discover"]

# Files that may sit beside the data without being data.
_IGNORED_NAMES = frozenset({"README.md", ".gitkeep", "privacy-allow.yml", "national.yml", "CODEOWNERS"})
_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".svg", ".webp"})


@dataclass(frozen=True)
class Found:
    kind: str  # region | institution | meeting | challenge | veteran
    path: Path
    rel: str
    region: str
    institution: str | None
    id: str


def _problem(rel: str, code: str, ja: str, en: str, severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(rel, 0, 0, code, ja, en, severity)


_WHAT_EN = {"ファイル名": "file", "地域フォルダ名": "region folder", "機関フォルダ名": "institution folder"}


def link_problem(rel: str) -> Diagnostic:
    """A symbolic link anywhere under regions/: never followed, always refused."""
    return Diagnostic(
        rel, 0, 0, "L206",
        "シンボリックリンクは使えません（リポジトリの外のファイルを読むおそれがあるため）。"
        "リンクを削除し、実物のファイル・フォルダを置いてください",
        "symbolic links are not allowed (they may read files outside the repository); replace the link with the real file or folder",
    )


def _reserved_problem(rel: str, name: str, what: str) -> Diagnostic:
    line = 1 if what == "ファイル名" else 0
    return Diagnostic(
        rel, line, line, "L205",
        f"{what}「{name}」はポータルのページ名（meetings・search・page など）と重なるので ID にできません。別の名前にしてください",
        f"{_WHAT_EN[what]} name '{name}' is reserved for the portal's own pages; choose another id",
    )


def _slug_problem(rel: str, name: str, what: str) -> Diagnostic:
    line = 1 if what == "ファイル名" else 0
    return Diagnostic(
        rel, line, line, "L202",
        f"{what}「{name}」は ID に使えません。半角の小文字英数字とハイフンだけの名前にしてください（例: minato-shinkin）",
        f"{_WHAT_EN[what]} name '{name}' is not a valid id; use lower-case ASCII letters, digits and hyphens",
    )


def discover(root: Path) -> tuple[list[Found], list[Diagnostic]]:
    """Every data file under root/regions, in a stable order, plus layout problems."""
    found: list[Found] = []
    problems: list[Diagnostic] = []
    regions_dir = root / "regions"
    if path_kind(regions_dir) == "link":
        return [], [link_problem("regions")]
    if path_kind(regions_dir) != "dir":
        return [], [_problem("regions", "L204", "regions フォルダがありません。データのあるフォルダを指定してください",
                             "no regions/ folder under the given root")]

    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix()

    def yml_files(folder: Path, kind: str, region: str, institution: str | None, pattern: re.Pattern[str]) -> None:
        for item in sorted(folder.iterdir()):
            r = rel(item)
            what = path_kind(item)
            if what == "link":
                problems.append(link_problem(r))
                continue
            if item.name in _IGNORED_NAMES or item.name.startswith("."):
                continue
            if what != "file":
                problems.append(_problem(r, "L201", "ここにフォルダは置けません。ファイルの置き場所を確認してください",
                                         "unexpected folder here"))
                continue
            if item.suffix == ".yaml":
                problems.append(Diagnostic(r, 1, 1, "L203", f"拡張子を .yml にしてください（{item.stem}.yml）",
                                         f"rename to {item.stem}.yml"))
                continue
            if item.suffix != ".yml":
                problems.append(_problem(r, "L201", "このファイルは読み込まれません。YAML ファイル（.yml）だけを置いてください",
                                         "this file is not read; only .yml files belong here"))
                continue
            if not pattern.match(item.stem):
                if kind == "meeting":
                    problems.append(Diagnostic(
                        r, 1, 1, "L202",
                        f"交流会のファイル名「{item.name}」は「開催日.yml」（例: 2026-12-10.yml）か「開催日-英小文字.yml」にしてください",
                        "meeting file name must be YYYY-MM-DD.yml or YYYY-MM-DD-slug.yml"))
                else:
                    problems.append(_slug_problem(r, item.name, "ファイル名"))
                continue
            if item.stem in RESERVED_IDS:
                problems.append(_reserved_problem(r, item.stem, "ファイル名"))
                continue
            found.append(Found(kind, item, r, region, institution, item.stem))

    def stray(folder: Path, expected: set[str]) -> None:
        """Anything in a region or institution folder that is not data, an image or ignorable."""
        for item in sorted(folder.iterdir()):
            if path_kind(item) == "link":
                problems.append(link_problem(rel(item)))
                continue
            if item.name in expected or item.name in _IGNORED_NAMES or item.name.startswith("."):
                continue
            if item.suffix.lower() in _IMAGE_SUFFIXES:
                continue
            problems.append(_problem(rel(item), "L201", "このファイル・フォルダは読み込まれません。置き場所を確認してください",
                                     "not part of the data layout; check where it belongs"))

    for region_dir in sorted(p for p in regions_dir.iterdir()):
        if path_kind(region_dir) == "link":
            problems.append(link_problem(rel(region_dir)))
            continue
        if region_dir.name in _IGNORED_NAMES or region_dir.name.startswith("."):
            continue
        if path_kind(region_dir) != "dir":
            problems.append(_problem(rel(region_dir), "L201",
                                     "regions 直下には地域のフォルダだけを置きます", "only region folders belong in regions/"))
            continue
        region = region_dir.name
        if not SLUG.match(region):
            problems.append(_slug_problem(rel(region_dir), region, "地域フォルダ名"))
            continue
        if region in RESERVED_IDS:
            problems.append(_reserved_problem(rel(region_dir), region, "地域フォルダ名"))
            continue
        region_file = region_dir / "region.yml"
        if path_kind(region_file) == "link":
            stray(region_dir, {"region.yml", "institutions", "veterans"})  # reports the link
            continue
        if path_kind(region_file) != "file":
            problems.append(_problem(rel(region_dir), "L204", "region.yml がありません。テンプレートから作成してください",
                                     "region.yml is missing"))
            continue
        found.append(Found("region", region_file, rel(region_file), region, None, region))
        stray(region_dir, {"region.yml", "institutions", *(k.folder for k in REGION_FILES)})
        for spec in REGION_FILES:
            if path_kind(region_dir / spec.folder) == "dir":
                yml_files(region_dir / spec.folder, spec.name, region, None, spec.id_rule)
        institutions = region_dir / "institutions"
        if path_kind(institutions) != "dir":
            continue
        for inst_dir in sorted(institutions.iterdir()):
            if path_kind(inst_dir) == "link":
                problems.append(link_problem(rel(inst_dir)))
                continue
            if inst_dir.name in _IGNORED_NAMES or inst_dir.name.startswith("."):
                continue
            if path_kind(inst_dir) != "dir":
                problems.append(_problem(rel(inst_dir), "L201", "institutions 直下には機関のフォルダだけを置きます",
                                         "only institution folders belong in institutions/"))
                continue
            inst = inst_dir.name
            if not SLUG.match(inst):
                problems.append(_slug_problem(rel(inst_dir), inst, "機関フォルダ名"))
                continue
            if inst in RESERVED_IDS:
                problems.append(_reserved_problem(rel(inst_dir), inst, "機関フォルダ名"))
                continue
            inst_file = inst_dir / "institution.yml"
            if path_kind(inst_file) == "link":
                stray(inst_dir, {"institution.yml", "meetings", "challenges"})  # reports the link
                continue
            if path_kind(inst_file) != "file":
                problems.append(_problem(rel(inst_dir), "L204", "institution.yml がありません。テンプレートから作成してください",
                                         "institution.yml is missing"))
                continue
            found.append(Found("institution", inst_file, rel(inst_file), region, inst, inst))
            stray(inst_dir, {"institution.yml", *(k.folder for k in INSTITUTION_FILES)})
            for spec in INSTITUTION_FILES:
                folder = inst_dir / spec.folder
                if path_kind(folder) == "dir":
                    yml_files(folder, spec.name, region, inst, spec.id_rule)
    return found, problems
