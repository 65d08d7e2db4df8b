"""Measure the detector on the held-out corpus, written without looking at the detector.

Run with -s to see the table. The training corpus (test_privacy_corpus.py) is
what the rules were tuned on; these show whether they generalise. Each was
first measured untouched (holdout.yml 84.3%, holdout2.yml 95.0% recall, see
docs/privacy.md), then the misses were fixed by general rules, and each is
held to the same bar from then on.
"""

from __future__ import annotations

import pytest
import yaml

from generator.privacy.measure import CORPUS, MAX_FALSE_POSITIVES, MIN_RECALL, Item, format_report, measure


def _holdout(name: str = "holdout.yml") -> list[Item]:
    data = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    leaking = [Item(str(x["id"]), x["text"], x["class"], x["span"]) for x in data["leaking"]]
    legitimate = [Item(str(x["id"]), x["text"], None, None) for x in data["legitimate"]]
    return leaking + legitimate


@pytest.mark.parametrize(("name", "size"), [("holdout.yml", 70), ("holdout2.yml", 60)])
def test_holdout_recall_and_false_positive_rate(name: str, size: int) -> None:
    items = _holdout(name)
    assert all(item.span in item.text for item in items if item.span is not None)
    report = measure(items)
    print()
    print(format_report(report))
    assert report.leaking >= size and report.legitimate >= size  # the held-out corpus is all there
    assert report.recall >= MIN_RECALL, report.misses
    assert report.false_positive_rate <= MAX_FALSE_POSITIVES, [i for i, _ in report.false_positives]
