"""`validate --changed-since`: a pull request is checked for what it touched and what depends on it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import CHALLENGE, MEETING, VETERAN, replace


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(valid_root: Path) -> Path:
    git(valid_root, "init", "-q", "-b", "main")
    git(valid_root, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A")
    git(valid_root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base")
    return valid_root


def validate(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> tuple[int, list[str]]:
    code = main(["validate", str(root), *extra])
    out, _ = capsys.readouterr()
    return code, [line.split(":")[0] for line in out.splitlines()]


def test_only_changed_files_are_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A problem already on main in a file the PR did not touch is not this PR's to fix.
    replace(repo, VETERAN, "registered: true", "registered: no")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "broken on main")
    replace(repo, CHALLENGE, "employees: 21-50", "employees: 30")
    code, files = validate(capsys, repo, "--changed-since", "HEAD")
    assert code == 1 and files == [CHALLENGE]
    code, files = validate(capsys, repo)
    assert code == 1 and sorted(files) == sorted([CHALLENGE, VETERAN])


def test_changed_meeting_checks_the_challenges_that_point_at_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Renaming a meeting file breaks the challenge that names it, though the challenge is unchanged.
    (repo / MEETING).rename(repo / MEETING.replace("2026-12-10", "2026-12-11"))
    replace(repo, MEETING.replace("2026-12-10", "2026-12-11"), "date: 2026-12-10", "date: 2026-12-11")
    code, files = validate(capsys, repo, "--changed-since", "HEAD")
    assert code == 1 and files == [CHALLENGE]


def test_new_untracked_file_is_checked(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = repo / "regions/kanto/veterans/new-one.yml"
    new.write_text("headline: x\n", encoding="utf-8")
    code, files = validate(capsys, repo, "--changed-since", "HEAD")
    assert code == 1 and set(files) == {"regions/kanto/veterans/new-one.yml"}


def test_bad_ref_is_a_clear_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(repo), "--changed-since", "no-such-ref"]) == 2
    assert "変更を調べられません" in capsys.readouterr().err
