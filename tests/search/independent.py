"""The independent query sets (written from the data by someone who had not seen the engine).

Each query lists every record a person typing it would want (judged by meaning, not by string
match), most relevant first; `relevant: []` marks a query the data cannot answer.

Figures, per query:
- P@5  = relevant records among the first 5 shown / min(5, number relevant)
- R@10 = relevant records among the first 10 shown / number relevant
- a no-answer query scores 1 on both when nothing is shown, else 0.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SETS = sorted(Path(__file__).parent.glob("independent_*.yml"))


@dataclass(frozen=True)
class Judged:
    id: str
    q: str
    cls: str
    portal: str
    relevant: tuple[str, ...]


@dataclass(frozen=True)
class Scored:
    query: Judged
    shown: tuple[str, ...]

    @property
    def p5(self) -> float:
        if not self.query.relevant:
            return float(not self.shown)
        hits = sum(url in self.query.relevant for url in self.shown[:5])
        return hits / min(5, len(self.query.relevant))

    @property
    def r10(self) -> float:
        if not self.query.relevant:
            return float(not self.shown)
        return sum(url in self.shown[:10] for url in self.query.relevant) / len(self.query.relevant)


def load(path: Path) -> list[Judged]:
    raw: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Judged(str(r["id"]), str(r["q"]), str(r["class"]), str(r.get("portal") or ""),
                   tuple(r.get("relevant") or ())) for r in raw]


def summary(scored: list[Scored]) -> str:
    by_class: dict[str, list[Scored]] = defaultdict(list)
    for s in scored:
        by_class[s.query.cls].append(s)
    lines = [f"{'class':12}{'n':>4}{'P@5':>7}{'R@10':>7}{'zero':>6}"]
    for cls, items in sorted(by_class.items()):
        zero = sum(1 for s in items if s.query.relevant and not s.shown)
        lines.append(f"{cls:12}{len(items):4}{mean(s.p5 for s in items):7.2f}{mean(s.r10 for s in items):7.2f}{zero:6}")
    answerable_zero = sum(1 for s in scored if s.query.relevant and not s.shown)
    noanswer_shown = sum(1 for s in scored if not s.query.relevant and s.shown)
    national = [s for s in scored if not s.query.portal]
    scoped = [s for s in scored if s.query.portal]
    lines.append(f"{'all':12}{len(scored):4}{mean(s.p5 for s in scored):7.2f}{mean(s.r10 for s in scored):7.2f}{answerable_zero:6}")
    lines.append(f"national: P@5 {mean(s.p5 for s in national):.2f} R@10 {mean(s.r10 for s in national):.2f} (n={len(national)}); "
                 f"portals: P@5 {mean(s.p5 for s in scoped):.2f} R@10 {mean(s.r10 for s in scoped):.2f} (n={len(scoped)})")
    lines.append(f"answerable queries with nothing shown: {answerable_zero}; no-answer queries showing records: {noanswer_shown}")
    return "\n".join(lines)


def mean(values: Any) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def run_on(page: Any, base: str, queries: list[Judged]) -> list[Scored]:
    """Each query on its portal's search page, through the page's own pipeline (kkSearch).

    `shown` holds the first 10 URLs; a query that shows more than 10 pages is padded with
    placeholders so "shows nothing" and "shows something" stay distinguishable.
    """
    from tests.search.evaluate import PIPELINE_JS

    out = []
    current = None
    for q in queries:
        if q.portal != current:
            page.goto(base + (q.portal + "/" if q.portal else "") + "search/")
            page.wait_for_function("() => typeof window.kkSearch === 'function'")
            current = q.portal
        try:
            got = page.evaluate(PIPELINE_JS, [base + "pagefind/", q.q, q.portal, {}])
        except Exception:  # a fragment that failed to load on a busy machine: reload the page, ask once more
            page.goto(base + (q.portal + "/" if q.portal else "") + "search/")
            page.wait_for_function("() => typeof window.kkSearch === 'function'")
            got = page.evaluate(PIPELINE_JS, [base + "pagefind/", q.q, q.portal, {}])
        shown = tuple(got["urls"]) + tuple(f"(more {i})" for i in range(got["total"] - len(got["urls"])))
        out.append(Scored(q, shown))
    return out


def run(site: Path, queries: list[Judged]) -> list[Scored]:
    from tests.browser.server import chromium, serve_dir

    with serve_dir(site) as base, chromium() as browser:
        return run_on(browser.new_page(), base, queries)


if __name__ == "__main__":
    # python -m tests.search.independent SITE [SET.yml ...]  (default: every independent_*.yml)
    site = Path(sys.argv[1])
    for path in [Path(p) for p in sys.argv[2:]] or SETS:
        scored = run(site, load(path))
        print(f"== {path.name}")
        for s in scored:
            if s.p5 < 1 or s.r10 < 1:
                print(f"  {s.query.id} {s.query.q!r} [{s.query.cls}] P@5 {s.p5:.2f} R@10 {s.r10:.2f} shown {len(s.shown)}")
        print(summary(scored))
