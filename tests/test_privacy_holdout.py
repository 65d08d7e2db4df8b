"""Measure the detector on the held-out corpus, written without looking at the detector.

Run with -s to see the table. The training corpus (test_privacy_corpus.py) is
what the rules were tuned on; these show whether they generalise. Each was
first measured untouched (holdout.yml 84.3%, holdout2.yml 95.0%, holdout3.yml
77.7% recall and 23/28 combinations failing, see docs/privacy.md), then the
misses were fixed by general rules, and each is held to the same bar from then on.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.diagnostics import Diagnostic, Severity
from generator.privacy.measure import CORPUS, MAX_FALSE_POSITIVES, MIN_RECALL, Item, format_report, load_holdout, measure
from generator.validate import load_dataset

from .conftest import FIXTURES


def _holdout(name: str = "holdout.yml") -> list[Item]:
    return load_holdout(CORPUS / name)


@pytest.mark.parametrize(("name", "size"), [("holdout.yml", 70), ("holdout2.yml", 60), ("holdout3.yml", 170)])
def test_holdout_recall_and_false_positive_rate(name: str, size: int) -> None:
    items = _holdout(name)
    assert all(item.span in item.text for item in items if item.span is not None)
    report = measure(items)
    print()
    print(format_report(report))
    assert report.leaking >= size and report.legitimate >= size  # the held-out corpus is all there
    assert report.recall >= MIN_RECALL, report.misses
    assert report.false_positive_rate <= MAX_FALSE_POSITIVES, [i for i, _ in report.false_positives]


# --- combinations: re-identification by facts that are harmless alone (holdout3.yml) ---------

HOLDOUT3 = "holdout3.yml"
CHALLENGES = "regions/kanto/institutions/minato-shinkin/challenges"


@dataclass
class CombinationResult:
    id: str
    errors: list[Diagnostic]
    warnings: list[Diagnostic]
    facts: list[str]


def _challenge_yaml(item: dict) -> str:
    text = json.dumps(item["text"], ensure_ascii=False)  # one line, quoted: the column is exact
    return (f"title: 課題の見出し\nindustry: {item['industry']}\ncategories: [事業承継]\nprefecture: {item['prefecture']}\n"
            f"employees: {item['employees']}\ndescription: {text}\nsupport_wanted: 助言をお願いします\n"
            "engagement: スポット\nconsent_date: 2026-11-01\n")


def measure_combinations(root: Path, items: list[dict], safe: list[dict]) -> dict[str, CombinationResult]:
    """Validate every combination and safe item as a published challenge of one dataset.

    All items share the dataset, so the k of each prefecture × industry × size
    cell counts the others, as it would on a portal. Only the privacy codes
    (P5xx) at the item's own file count: the fixture region does not list every
    prefecture, which cross-checks report separately.
    """
    shutil.copytree(FIXTURES / "valid", root)
    for item in [*items, *safe]:
        (root / CHALLENGES / f"{item['id']}.yml").write_text(_challenge_yaml(item), encoding="utf-8")
    _, found = load_dataset(root)
    out = {}
    for item in [*items, *safe]:
        mine = [d for d in found if d.path == f"{CHALLENGES}/{item['id']}.yml" and d.code.startswith("P5")]
        out[item["id"]] = CombinationResult(item["id"], [d for d in mine if d.severity == Severity.ERROR],
                                            [d for d in mine if d.severity == Severity.WARNING], item.get("facts", []))
    return out


def format_combinations(results: dict[str, CombinationResult], items: list[dict], safe: list[dict]) -> str:
    failed = [i["id"] for i in items if results[i["id"]].errors]
    warned = [i["id"] for i in items if results[i["id"]].warnings and not results[i["id"]].errors]
    safe_failed = [i["id"] for i in safe if results[i["id"]].errors]
    safe_warned = [i["id"] for i in safe if results[i["id"]].warnings]
    lines = [f"combinations failing validation (error): {len(failed)}/{len(items)}; warning only: {len(warned)}",
             f"combination_safe failing validation: {len(safe_failed)}/{len(safe)}; warned: {len(safe_warned)}"]
    lines += [f"missed combination {i['id']}: " + " + ".join(i["facts"]) for i in items if not results[i["id"]].errors]
    lines += [f"safe item failed {i}: " + "; ".join(d.text() for d in results[i].errors) for i in safe_failed]
    return "\n".join(lines)


def test_holdout3_combinations_fail_with_a_located_message(tmp_path: Path) -> None:
    data = yaml.safe_load((CORPUS / HOLDOUT3).read_text(encoding="utf-8"))
    items, safe = data["combinations"], data["combination_safe"]
    assert len(items) >= 20 and len(safe) >= 10
    results = measure_combinations(tmp_path / "repo", items, safe)
    print()
    print(format_combinations(results, items, safe))
    for item in items:
        errors = results[item["id"]].errors
        assert errors, f"{item['id']} passes validation: " + " + ".join(item["facts"])
        assert all(d.line == 6 and d.column > 1 for d in errors), [d.text() for d in errors]  # located on the text
    for item in safe:
        assert results[item["id"]].errors == [], [d.text() for d in results[item["id"]].errors]


# --- holdout4.yml: the unseen-text estimate ----------------------------------------------------
# A fourth corpus, written blind after v2 was finished and measured untouched on 2026-12-01:
# recall 128/158 = 81.0%, false positives 2/181 = 1.1%, combinations failing 17/22, safe 0/12.
# It is kept untuned on purpose, as the honest figure for text like nothing the rules were built
# from; this test only stops the detector from getting worse on it. Tune on it and it becomes a
# regression set like the others (then raise the bar to MIN_RECALL and write a fifth).
HOLDOUT4_RECALL = 0.81
HOLDOUT4_FALSE_POSITIVES = 0.012


def test_holdout4_unseen_estimate_does_not_regress(tmp_path: Path) -> None:
    report = measure(_holdout("holdout4.yml"))
    print()
    print(format_report(report))
    assert report.leaking >= 150 and report.legitimate >= 150
    assert report.recall >= HOLDOUT4_RECALL
    assert report.false_positive_rate <= HOLDOUT4_FALSE_POSITIVES
    data = yaml.safe_load((CORPUS / "holdout4.yml").read_text(encoding="utf-8"))
    results = measure_combinations(tmp_path / "repo", data["combinations"], data["combination_safe"])
    assert sum(1 for i in data["combinations"] if results[i["id"]].errors) >= 17
    assert not any(results[i["id"]].errors for i in data["combination_safe"])
