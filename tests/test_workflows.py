"""GitHub workflows and ownership files, checked as far as they can be without GitHub."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from generator.codeowners import codeowners
from generator.validate import load_dataset

from .conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # PyYAML (YAML 1.1) reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} == {"pull-request.yml", "publish.yml"}


def test_triggers_are_safe_and_complete() -> None:
    triggers = {p.name: _load(p)["on"] for p in WORKFLOWS}
    assert all("pull_request_target" not in t for t in triggers.values())
    assert "pull_request" in triggers["pull-request.yml"]
    publish = triggers["publish.yml"]
    assert publish["push"]["branches"] == ["main"] and publish["schedule"] and "workflow_dispatch" in publish


def test_actions_are_pinned_to_full_commits() -> None:
    for path in WORKFLOWS:
        for uses in re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), (path.name, uses)


def test_permissions_are_least_privilege() -> None:
    for path in WORKFLOWS:
        data = _load(path)
        assert data["permissions"] == {"contents": "read"}, path.name
        for name, job in data["jobs"].items():
            extra = job.get("permissions", {})
            assert set(extra) <= {"pages", "id-token"}, (path.name, name)
            for step in job.get("steps", []):
                if "actions/checkout" in step.get("uses", ""):
                    assert step["with"]["persist-credentials"] is False


def test_commands_the_workflows_run_are_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path in WORKFLOWS:
        for job in _load(path)["jobs"].values():
            for step in job.get("steps", []):
                if "run" not in step:
                    continue
                words = shlex.split(step["run"])
                if words[0] == "koryukai":
                    assert f"koryukai {words[1]}" in readme, step["run"]
                    for flag in (w for w in words if w.startswith("--")):
                        assert flag in readme, (step["run"], flag)


def test_pull_requests_run_the_tests_before_building() -> None:
    jobs = _load(REPO / ".github" / "workflows" / "pull-request.yml")["jobs"]
    runs = [step.get("run", "") for step in jobs["test"]["steps"]]
    assert "bash .ci/run" in runs
    assert "debian" in jobs["test"]["container"] or "bookworm" in jobs["test"]["container"]
    assert jobs["validate-and-build"]["needs"] == "test"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test\n" in ci and "make test-dates" in ci and "faketime" in ci and "make bench SIZE=today" in ci


def test_committed_codeowners_is_current() -> None:
    dataset, _ = load_dataset(REPO)
    assert dataset is not None
    assert (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == codeowners(dataset, "@koryukai/sks")


def test_privacy_exceptions_belong_to_sks_last() -> None:
    lines = [line for line in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[-1] == "/regions/privacy-allow.yml @koryukai/sks"


def test_pull_request_template_has_the_reviewer_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for item in ("掲載の同意", "匿名化", "consent_date", "申込締切"):
        assert item in text
