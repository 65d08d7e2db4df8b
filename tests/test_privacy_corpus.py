"""Measure the detector on the labelled corpus; run with -s to see the table.

The same table: ``python -m generator.privacy.measure``.
"""

from __future__ import annotations

from generator.privacy.measure import MAX_FALSE_POSITIVES, MIN_RECALL, format_report, load_corpus, measure


def test_corpus_recall_and_false_positive_rate() -> None:
    items = load_corpus()
    report = measure(items)
    print()
    print(format_report(report))
    assert report.leaking >= 122 and report.legitimate >= 120  # the labelled corpus is all there
    assert set(report.per_class) == {"phone", "email", "url", "postal", "address", "corporate_number",
                                     "company_name", "person_name", "handle",
                                     "bank_account", "my_number", "vehicle_plate", "birth_date"}
    assert report.recall >= MIN_RECALL, report.misses
    assert report.false_positive_rate <= MAX_FALSE_POSITIVES, [i for i, _ in report.false_positives]


def test_measure_script_prints_the_table(capsys) -> None:
    from generator.privacy.measure import main

    assert main([]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "false positives" in out


def test_measure_script_reports_an_unreadable_corpus(tmp_path, capsys) -> None:
    from generator.privacy.measure import main

    assert main([str(tmp_path)]) == 2
    assert "コーパスを読めません" in capsys.readouterr().err
