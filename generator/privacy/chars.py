"""Character classes for the detectors' regular expressions (on NFKC-normalised text)."""

from __future__ import annotations

KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
KATA = "\u30a1-\u30fa\u30fc"
HIRA = "\u3041-\u3096"
