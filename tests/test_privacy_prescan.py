"""The first-line scan in parallel processes finds exactly what one process finds."""

from __future__ import annotations

import pytest

from generator.privacy import scan


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
