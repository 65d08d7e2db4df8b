"""Measure the detector on the held-out corpus, written without looking at the detector.

Run with -s to see the table. The training corpus (test_privacy_corpus.py) is
what the rules were tuned on; this one shows whether they generalise, and is
held to the same bar from now on.
"""

from __future__ import annotations

import yaml

from generator.privacy.measure import CORPUS, MAX_FALSE_POSITIVES, MIN_RECALL, Item, format_report, measure


def _holdout() -> list[Item]:
    data = yaml.safe_load((CORPUS / "holdout.yml").read_text(encoding="utf-8"))
    leaking = [Item(str(x["id"]), x["text"], x["class"], x["span"]) for x in data["leaking"]]
    legitimate = [Item(str(x["id"]), x["text"], None, None) for x in data["legitimate"]]
    return leaking + legitimate


def test_holdout_recall_and_false_positive_rate() -> None:
    items = _holdout()
    assert all(item.span in item.text for item in items if item.span is not None)
    report = measure(items)
    print()
    print(format_report(report))
    assert report.leaking >= 70 and report.legitimate >= 70  # the held-out corpus is all there
    assert report.recall >= MIN_RECALL, report.misses
    assert report.false_positive_rate <= MAX_FALSE_POSITIVES, [i for i, _ in report.false_positives]
