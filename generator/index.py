"""index: Pagefind over the built HTML, one search bundle for the whole build.

Each record is indexed once, with a `portal` filter naming every portal that
lists it (a region, an institution, a co-host); a portal's search page asks the
one bundle with its own portal filter. Beside the bundle, kk-dict/ holds the query
dictionary the search page maps typed words through (generator/search/).
The extended Pagefind binary is required: the plain one does not segment
Japanese and search then finds almost nothing.

Pages are indexed from an NFKC-normalised copy of their HTML, so ＤＸ and DX,
ＥＣ and EC, full-width and half-width digits meet in one word; the search
page normalises the query the same way. The copies (only the data-pagefind-body
element of each page) are staged in a folder beside the site and indexed by
Pagefind's command line, which reads them on every core; the service API it
replaced indexed one page at a time in one thread (tenth size: 15.6 s → 10.7 s).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from .index_canonical import canonicalise
from .plan import SitePlan, portal_url
from .plan.filters import ORDER_FILTER


class IndexError_(Exception):
    """Pagefind could not index the site."""


def _require_extended() -> None:
    try:
        import pagefind_bin_extended  # noqa: F401
    except ImportError as exc:  # pragma: no cover - install problem
        raise IndexError_(
            "pagefind-bin-extended がインストールされていません（日本語検索に必要です）"
            " (pagefind-bin-extended is required for Japanese search)"
        ) from exc


def portal_records(plan: SitePlan, portal_id: str, content_urls: Sequence[str] = ()) -> list[str]:
    """Build URLs of the pages a portal's search covers, in a stable order.

    Its own records, plus the editorial pages (content/) when given.
    """
    portal = plan.portals[portal_id]
    keys = {*portal.upcoming, *portal.past, *portal.challenges, *portal.veterans}
    return sorted({*(plan.record_urls[k] for k in keys if k in plan.record_urls), *content_urls})


# Pagefind writes three UIs; the portals use the default one, from the root bundle only.
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css",
          "pagefind-modular-ui.js", "pagefind-highlight.js")
UI_FILES = ("pagefind-ui.css", "pagefind-ui.js")


def prune(bundle: Path, *, keep_ui: bool) -> None:
    """Drop files no page loads: ~0.3 MB per bundle, times hundreds of portals."""
    for name in UNUSED + (() if keep_ui else UI_FILES):
        (bundle / name).unlink(missing_ok=True)


def normalise_html(html: str) -> str:
    return unicodedata.normalize("NFKC", html)


BODY_TAG = re.compile(r"<([a-z][a-z0-9]*)")


def indexed_part(html: str) -> str:
    """Only what Pagefind reads of a page: the element marked data-pagefind-body (every filter, meta and sort
    attribute of our templates is inside it), in a bare document: ~40% of a page's bytes less to stage.
    Pagefind ignores the rest anyway (on tenth the bundle was byte-identical with and without the cut)."""
    at = html.find("data-pagefind-body")
    start = html.rfind("<", 0, at) if at >= 0 else -1
    tag = BODY_TAG.match(html, start) if start >= 0 else None
    if tag is None:
        return html
    depth = 0
    for m in re.compile(r"<(/?)" + tag.group(1) + r"\b[^>]*>").finditer(html, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return '<!DOCTYPE html><html lang="ja"><head></head><body>' + html[start:m.end()] + "</body></html>"
    return html


def _content_html(html: str, words: set) -> str:
    """An editorial page with its search tokens (it has no detail template to print them)."""
    from .privacy.html_text import extract
    from .search.terms import analyse, token

    body = html.split("data-pagefind-body", 1)[-1]
    found = [w for line in extract(body).lines for w in analyse(line)]
    words.update(found)
    terms = sorted({w.term for w in found})
    block = '<div hidden class="kk-search-terms" aria-hidden="true">' + " ".join(token(t) for t in terms) + "</div>"
    return html.replace("data-pagefind-body>", "data-pagefind-body>" + block, 1)


def _index_all(site: Path, plan: SitePlan, content_urls: Sequence[str]) -> dict[str, int]:
    """One bundle at the build's root; each record once, with a hidden word and a `portal` filter value for
    every portal that lists it.

    Measured (docs/search.md): one bundle per portal repeated every record three or more
    times; one national index keeps indexing proportional to records and lets a portal's
    search page ask the same bundle with its own portal word.
    """
    import os
    import shutil
    import subprocess

    from pagefind_bin_extended import get_executable

    from .search.dictionary import build_dictionary, write_dictionary
    from .search.fields import fields_of_words
    from .search.jmdict import english_words, lexicon, other_spellings, same_sense_words

    base = plan.url(portal_url(plan.root))
    assert base is not None
    bundle = site / base / "pagefind"
    stage = site.parent / (site.name + ".index-stage")  # beside the site: never published, removed after
    shutil.rmtree(stage, ignore_errors=True)
    records = plan.search  # built by the plan from its record facts: the index never reads a record
    urls = plan.record_urls
    words: set = set()  # distinct words only: at nation size the records hold millions of repeats
    indexed = []  # the records with a page: the meaning layer ties their words to their fields
    added = 0
    try:
        def put(url: str, html: str) -> None:
            target = stage / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")

        for key in sorted(records):
            rec = records[key]
            url = urls.get(key)
            if url is None or not any(plan.built(p) for p in rec.portals):
                continue
            put(url, indexed_part(normalise_html((site / url / "index.html").read_text(encoding="utf-8"))))
            words.update(rec.words())
            indexed.append(rec)
            added += 1
        for url in sorted(content_urls):
            put(url, indexed_part(_content_html(normalise_html((site / url / "index.html").read_text(encoding="utf-8")), words)))
            added += 1
        # Run in the stage, without PAGEFIND_* variables: the command line also reads a pagefind.yml in its working
        # folder and options from the environment, and nothing but these arguments may shape the bundle.
        env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PAGEFIND")} | {"NO_COLOR": "1"}
        done = subprocess.run([str(get_executable()), "--site", ".", "--output-path", str(bundle.resolve()),
                               "--force-language", "ja", "--silent"], cwd=stage, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise IndexError_(f"Pagefind failed: {done.stderr.strip() or done.stdout.strip()}")
        canonicalise(bundle, rank_by=ORDER_FILTER)  # ties between results: the lists' order (kk-search.js)
        prune(bundle, keep_ui=False)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    nouns = {w.term for w in words if w.kind == "n"}
    dictionary = build_dictionary(words, fields_of_words(indexed), english_words(nouns), other_spellings(nouns),
                                  same_sense_words(nouns))
    write_dictionary(dictionary, bundle / "kk-dict", lexicon())
    return {plan.root: added}


def index_site(site: Path, plan: SitePlan, content_urls: Sequence[str] = ()) -> dict[str, int]:
    """Write the search bundle at the build's root (pagefind/ and kk-dict/); return records per portal."""
    _require_extended()
    return _index_all(site, plan, content_urls)
