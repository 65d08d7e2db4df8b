"""Japanese search quality on the demo build: ground truth, the browser run, the figures.

Ground truth comes from the data, not from the search engine: a record is
relevant to a query when its labelled vocabulary (categories, expertise,
industry, prefecture) or its own text holds one of the query's terms, as the
query set in queries.yml declares. The set also names, per query, records
that must be in the top 5 and records that must never be returned.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.dataset import Dataset
from generator.plan import challenge_url, meeting_url, veteran_url

QUERIES = Path(__file__).with_name("queries.yml")

SEARCH_JS = """async ([bundle, q, filters]) => {
  const pf = await import(bundle + 'pagefind.js');
  await pf.options({ baseUrl: '/' });
  const r = await pf.search(q.normalize('NFKC'), { filters: filters || {} });
  const urls = [];
  for (const x of r.results) { const d = await x.data(); urls.push(d.url.replace(/^\\//, '')); }
  return urls;
}"""

# The search page's own query pipeline (themes/assets/kk-search.js), run on a portal's search page.
PIPELINE_JS = """async ([bundle, q, portal, filters, limit]) => {
  const r = await window.kkSearch(q, { bundle, portal, filters: filters || {} });
  const urls = [];
  const top = r.results.slice(0, limit || 10);
  for (const x of top) {
    // A fragment fetch can fail under heavy load (Pagefind then gives null): ask once more before giving up.
    const d = (await x.data()) || (await x.data());
    if (!d) throw new Error('no fragment for result ' + x.id);
    urls.push(d.url.replace(/^\\//, ''));
  }
  return { urls, total: r.results.length, unknown: r.unknown, words: r.words, fixed: r.fixed || [], fields: r.fields || [],
           via: top.map(x => x.via), lacks: top.map(x => x.lacks || []) };
}"""


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


@dataclass(frozen=True)
class Doc:
    url: str
    kind: str
    text: str
    labels: frozenset[str]


def documents(ds: Dataset) -> dict[str, Doc]:
    """Every published record as the search sees it: its URL, text and labels."""
    docs: dict[str, Doc] = {}
    for key, rec in ds.meetings.items():
        m = rec.model
        cats = {c for k, ch in ds.challenges.items() if k not in ds.unpublished and ch.model.meeting == rec.id
                and k.startswith(f"{rec.region}/{rec.institution}/") for c in ch.model.categories}
        labels = cats | ({m.venue.prefecture} if m.venue else set())
        docs[meeting_url(key)] = Doc(meeting_url(key), "meeting", _norm(" ".join(_strings(m.model_dump()))), frozenset(labels))
    for key, rec in ds.challenges.items():
        if key in ds.unpublished:
            continue
        c = rec.model
        labels = {*c.categories, c.industry, c.prefecture}
        docs[challenge_url(key)] = Doc(challenge_url(key), "challenge", _norm(" ".join(_strings(c.model_dump()))), frozenset(labels))
    for key, rec in ds.veterans.items():
        if key in ds.unpublished:
            continue
        v = rec.model
        labels = {*v.expertise, *v.industries, v.prefecture, *v.areas}
        docs[veteran_url(key)] = Doc(veteran_url(key), "veteran", _norm(" ".join(_strings(v.model_dump()))), frozenset(labels))
    return docs


@dataclass
class Query:
    q: str
    group: str
    labels: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    top5: list[str] = field(default_factory=list)
    never: list[str] = field(default_factory=list)

    def relevant(self, docs: dict[str, Doc]) -> set[str]:
        terms = [_norm(t) for t in self.text]
        return {url for url, d in docs.items() if set(self.labels) & d.labels or any(t in d.text for t in terms)}


def load_queries() -> list[Query]:
    return [Query(**item) for item in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))]


@dataclass
class Outcome:
    query: Query
    results: list[str]
    relevant: set[str]
    problems: list[str]

    @property
    def precision_at_5(self) -> float:
        top = self.results[:5]
        return sum(u in self.relevant for u in top) / len(top) if top else 0.0

    @property
    def recall(self) -> float:
        return len(self.relevant & set(self.results)) / len(self.relevant) if self.relevant else 1.0


def judge(query: Query, results: list[str], docs: dict[str, Doc], related: frozenset[str] = frozenset()) -> Outcome:
    """`related`: results found only through a word's field (the meaning layer), shown after every match
    under a heading that says so. This set's `never` means "never presented as matching the words"."""
    relevant = query.relevant(docs)
    problems = [f"{u} not in top 5" for u in query.top5 if u not in results[:5]]
    problems += [f"{u} returned" for u in query.never if u in results and u not in related]
    problems += [f"{u} (top5) is not relevant by the query's own rule" for u in query.top5 if u not in relevant]
    return Outcome(query, results, relevant, problems)


def report(outcomes: list[Outcome]) -> str:
    lines = [f"{'query':<14} {'P@5':>5} {'recall':>7} {'hits':>5} {'rel':>4}  problems"]
    for o in outcomes:
        lines.append(f"{o.query.q:<14} {o.precision_at_5:>5.2f} {o.recall:>7.2f} {len(o.results):>5} {len(o.relevant):>4}  "
                     + ("; ".join(o.problems) or "ok"))
    p5 = sum(o.precision_at_5 for o in outcomes) / len(outcomes)
    rec = sum(o.recall for o in outcomes) / len(outcomes)
    lines.append(f"{len(outcomes)} queries: mean precision@5 {p5:.3f}, mean recall {rec:.3f}, "
                 f"{sum(not o.problems for o in outcomes)} passed")
    return "\n".join(lines)


def run_queries(page: Any, base: str, queries: list[Query], docs: dict[str, Doc]) -> list[Outcome]:
    """Each query through the national search page's own pipeline (kkSearch), every result judged."""
    page.goto(base + "search/")
    page.wait_for_function("() => typeof window.kkSearch === 'function'")
    out = []
    for q in queries:
        got = page.evaluate(PIPELINE_JS, [base + "pagefind/", q.q, "", {}, 1000])
        related = frozenset(u for u, via in zip(got["urls"], got["via"], strict=True) if via == "field")
        out.append(judge(q, got["urls"], docs, related))
    return out


def run_in_browser(site: Path, queries: list[Query], docs: dict[str, Doc]) -> list[Outcome]:
    from tests.browser.server import chromium, serve_dir

    with serve_dir(site) as base, chromium() as browser:
        return run_queries(browser.new_page(), base, queries, docs)


if __name__ == "__main__":
    import sys

    from generator.validate import load_dataset

    dataset, _ = load_dataset(Path(sys.argv[2]) if len(sys.argv) > 2 else Path("."))
    assert dataset is not None
    found = run_in_browser(Path(sys.argv[1]), load_queries(), documents(dataset))
    print(report(found))
    for o in found:
        if "-v" in sys.argv:
            print(o.query.q, [u for u in o.results[:8]], "missing:", sorted(o.relevant - set(o.results))[:6])
