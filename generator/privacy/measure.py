"""How well the detectors do on the labelled corpus: ``python -m generator.privacy.measure``.

The corpus (tests/privacy_corpus) holds leaking texts, each labelled with its
class and the exact span, and legitimate texts full of traps. Recall is the
share of leaking texts where a finding *of the labelled class* overlaps the
labelled span; the false-positive rate is the share of legitimate texts with
any finding. Files: leaking.yml, legitimate.yml and any extra_*.yml (an item
with ``class`` and ``span`` leaks, one without is legitimate).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .kinds import BY_CORPUS_CLASS, Kind
from .scan import Hit, scan_text

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "privacy_corpus"
MIN_RECALL = 0.98
MAX_FALSE_POSITIVES = 0.02
# Class names other corpus writers used, and the kinds that count as finding them.
CLASS_ALIASES: dict[str, frozenset[Kind]] = {
    "trade_name": frozenset({Kind.COMPANY}),
    "named_customer": frozenset({Kind.COMPANY}),
    "address_postal": frozenset({Kind.ADDRESS, Kind.POSTAL}),
    "handle_url": frozenset({Kind.HANDLE, Kind.URL}),
}


def accepted(cls: str) -> frozenset[Kind]:
    """The kinds whose finding counts for a labelled class."""
    return CLASS_ALIASES.get(cls) or frozenset({BY_CORPUS_CLASS[cls]})


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    cls: str | None  # None: legitimate
    span: str | None


@dataclass
class Report:
    per_class: dict[str, list[int]] = field(default_factory=dict)  # class -> [found, total]
    misses: list[str] = field(default_factory=list)
    false_positives: list[tuple[str, list[Hit]]] = field(default_factory=list)
    legitimate: int = 0

    @property
    def found(self) -> int:
        return sum(f for f, _ in self.per_class.values())

    @property
    def leaking(self) -> int:
        return sum(t for _, t in self.per_class.values())

    @property
    def recall(self) -> float:
        return self.found / self.leaking if self.leaking else 1.0

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_positives) / self.legitimate if self.legitimate else 0.0

    @property
    def passes(self) -> bool:
        return self.recall >= MIN_RECALL and self.false_positive_rate <= MAX_FALSE_POSITIVES


def load_corpus(folder: Path = CORPUS) -> list[Item]:
    files = [folder / "leaking.yml", folder / "legitimate.yml", *sorted(folder.glob("extra_*.yml"))]
    items = []
    for path in files:
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cls, span = raw.get("class"), raw.get("span")
            if cls is not None and ((cls not in BY_CORPUS_CLASS and cls not in CLASS_ALIASES) or span not in raw["text"]):
                raise ValueError(f"{path.name}: {raw['id']}: unknown class or span not in text")
            items.append(Item(str(raw["id"]), raw["text"], cls, span))
    return items


def load_holdout(path: Path) -> list[Item]:
    """A held-out corpus: ``leaking:`` (id, class, text, span) and ``legitimate:`` (id, text)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [Item(str(x["id"]), x["text"], x["class"], x["span"]) for x in data["leaking"]]
    for item in items:
        if (item.cls not in BY_CORPUS_CLASS and item.cls not in CLASS_ALIASES) or item.span not in item.text:
            raise ValueError(f"{path.name}: {item.id}: unknown class or span not in text")
    return items + [Item(str(x["id"]), x["text"], None, None) for x in data["legitimate"]]


def measure(items: list[Item]) -> Report:
    report = Report()
    for item in items:
        hits = scan_text(item.text)
        if item.cls is None:
            report.legitimate += 1
            if hits:
                report.false_positives.append((item.id, hits))
            continue
        assert item.span is not None
        start = item.text.index(item.span)
        end = start + len(item.span)
        kinds = accepted(item.cls)
        counts = report.per_class.setdefault(item.cls, [0, 0])
        counts[1] += 1
        if any(h.kind in kinds and h.start < end and start < h.end for h in hits):
            counts[0] += 1
        else:
            report.misses.append(item.id)
    return report


def format_report(report: Report) -> str:
    lines = ["守秘義務チェックの精度 (privacy detector on the labelled corpus)",
             f"{'class':<18}{'found/total':>12}{'recall':>9}"]
    for cls, (found, total) in report.per_class.items():
        lines.append(f"{cls:<18}{f'{found}/{total}':>12}{found / total:>9.1%}")
    lines.append(f"{'overall':<18}{f'{report.found}/{report.leaking}':>12}{report.recall:>9.1%}  (min {MIN_RECALL:.0%})")
    fp = len(report.false_positives)
    lines.append(f"{'false positives':<18}{f'{fp}/{report.legitimate}':>12}{report.false_positive_rate:>9.1%}"
                 f"  (max {MAX_FALSE_POSITIVES:.0%})")
    if report.misses:
        lines.append("missed: " + ", ".join(report.misses))
    for item_id, hits in report.false_positives:
        lines.append(f"false positive {item_id}: " + ", ".join(f"{h.kind.code} {h.span}" for h in hits))
    lines.append("OK" if report.passes else "BELOW THE BAR")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else CORPUS
    try:
        report = measure(load_holdout(folder) if folder.suffix == ".yml" else load_corpus(folder))
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"コーパスを読めません (cannot read the corpus): {exc}", file=sys.stderr)
        return 2
    print(format_report(report))
    return 0 if report.passes else 1


if __name__ == "__main__":
    raise SystemExit(main())
