"""The first-line scan in parallel processes finds exactly what one process finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.privacy import scan
from tests.conftest import CHALLENGE, replace


def test_prescan_in_processes_gives_the_findings_of_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["代表の山田太郎が対応します。電話 03-1234-5678", "連絡は info@example.com まで",
             "金属加工の会社です。取引先はトヨハシ向けの部品が中心です。", "特に問題のない文章です。"] * 3
    texts += [f"第{i}工場の改善を進めたい。担当は佐藤さん（{i}年目）。" for i in range(40)]
    expected = {t: tuple(scan._scan(t)) for t in texts}
    monkeypatch.setattr(scan, "_SEEN", {})
    monkeypatch.setattr(scan, "PRESCAN_MIN", 10)
    monkeypatch.setattr(scan, "PRESCAN_CHUNK", 7)
    scan.prescan(texts, workers=2)
    assert set(scan._SEEN) == set(texts)
    assert {t: scan.seen(t) for t in texts} == expected
    assert any(expected.values())  # the texts do hold findings
    assert [tuple(scan.scan_text(t)) for t in texts] == [expected[t] for t in texts]


def test_validation_scanning_beside_reading_reports_what_one_process_reports(
        valid_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large data sets are scanned by workers while files are still being read (validate.Prescanner): the
    diagnostics, a leak among them, are exactly those of one process."""
    from generator import validate

    replace(valid_root, CHALLENGE, "新しい分野を探しています。", "新しい分野を探しています。代表の山田太郎が対応します。電話 03-1234-5678")

    def run(workers: str, files: int) -> list[str]:
        monkeypatch.setenv("KORYUKAI_WORKERS", workers)
        monkeypatch.setattr(validate, "PRESCAN_FILES", files)
        monkeypatch.setattr(scan, "PRESCAN_CHUNK", 2)  # many small batches in flight
        monkeypatch.setattr(scan, "_SEEN", {})
        return [d.text() for d in validate.load_dataset(valid_root).diagnostics]

    in_parent: list[str] = []  # texts this process scanned itself (forked workers append to their own copy)
    real = scan._scan
    monkeypatch.setattr(scan, "_scan", lambda text: in_parent.append(text) or real(text))
    alone = run("1", 10**9)
    assert any("山田太郎" in t for t in in_parent)
    in_parent.clear()
    beside = run("2", 1)
    assert not any("山田太郎" in t for t in in_parent)  # the workers scanned it
    assert beside == alone
    assert any("03-1234-5678" in d for d in beside) and any("山田太郎" in d for d in beside)


def test_reidentification_worked_out_beside_reading_gives_the_warning_of_one_process(
        valid_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A challenge's re-identification reasons (創業年 + 町名) are worked out by the workers while files are read,
    not by this process afterwards; the warning is word for word the one a single process gives."""
    from generator import validate
    from generator.privacy import reident

    replace(valid_root, CHALLENGE, "description: 金属の精密加工を40年続けてきた町工場です。",
            "description: 創業1962年、桜川町で金属の精密加工を続けてきた町工場です。")
    worked_here: list[str] = []
    real = reident._reasons
    monkeypatch.setattr(reident, "_reasons", lambda fields, band: worked_here.append(band) or real(fields, band))

    def run(workers: str, files: int) -> list[str]:
        monkeypatch.setenv("KORYUKAI_WORKERS", workers)
        monkeypatch.setattr(validate, "PRESCAN_FILES", files)
        monkeypatch.setattr(scan, "PRESCAN_CHUNK", 2)
        monkeypatch.setattr(scan, "_SEEN", {})
        return [d.text() for d in validate.load_dataset(valid_root).diagnostics]

    alone = run("1", 10**9)
    assert worked_here  # one process: the checks worked the reasons out themselves
    worked_here.clear()
    beside = run("2", 1)
    assert worked_here == []  # every challenge's reasons came from the workers
    assert beside == alone
    assert any("P521" in d and "創業年（1962年）" in d and "桜川町" in d for d in beside), beside
    assert reident._AHEAD == {}  # each taken once: nothing is left behind
