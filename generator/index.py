"""index: Pagefind over the built HTML, one search bundle for the whole build.

Each record is indexed once, with a `portal` filter naming every portal that
lists it (a region, an institution, a co-host); a portal's search page asks the
one bundle with its own portal filter. Beside the bundle, kk-dict/ holds the query
dictionary the search page maps typed words through (generator/search/).
The extended Pagefind binary is required: the plain one does not segment
Japanese and search then finds almost nothing.

Pages are indexed from an NFKC-normalised copy of their HTML, so ＤＸ and DX,
ＥＣ and EC, full-width and half-width digits meet in one word; the search
page normalises the query the same way.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .index_canonical import FILTERS, PAGES, canonicalise, read_data
from .plan import SitePlan, portal_url

SEND_WINDOW = 64  # pages in flight to Pagefind at once


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


def _service_class() -> type:
    """Pagefind's Python service, minus a 0.1 s sleep per response.

    pagefind 1.5.2 polls the backend's stdout with ``asyncio.sleep(0.1)``
    before every read, which caps indexing at ten pages a second (a 2,000-page
    site: minutes). Reading without the sleep gives the same messages at the
    backend's own speed. The version is pinned exactly in pyproject.toml.
    """
    import base64
    import json

    from pagefind.service import PagefindService

    class FastService(PagefindService):  # type: ignore[misc]
        async def _wait_for_responses(self) -> None:
            while True:
                output = await self._backend.stdout.readuntil(b",")
                # The backend's stderr shares the pipe: a "Note: …" line may precede a
                # message (and contains commas itself). A message is pure base64.
                match = re.search(rb"[A-Za-z0-9+/=]+$", output[:-1])
                try:
                    resp = json.loads(base64.b64decode(match.group(0))) if match else None
                except ValueError:
                    continue
                if not isinstance(resp, dict):
                    continue
                message_id = resp.get("message_id")
                future = self._responses.get(message_id) if message_id is not None else None
                if future is None:
                    continue
                payload = resp["payload"]
                if payload["type"] == "Error":
                    future.set_exception(IndexError_(payload.get("message", "pagefind error")))
                else:
                    future.set_result(payload)

    return FastService


async def _settled(bundle: Path, timeout: float = 30.0) -> None:
    """Wait until the backend has finished writing the bundle.

    The service can answer WriteFiles before every file is on disk (seen on
    a busy machine: an empty pagefind-entry.json, and fragments still missing,
    which made a result's data() null in the browser), so read the entry, the
    metadata it names, its filters and every page's fragment until all parse.
    """
    import gzip
    import json

    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            for info in entry["languages"].values():
                meta = read_data(bundle / f"pagefind.{info['hash']}.pf_meta")
                for _name, chunk in meta[FILTERS]:
                    gzip.decompress((bundle / "filter" / f"{chunk}.pf_filter").read_bytes())
                for fragment, _words in meta[PAGES]:
                    gzip.decompress((bundle / "fragment" / f"{fragment}.pf_fragment").read_bytes())
            return
        except (OSError, ValueError, KeyError, EOFError, IndexError):
            if asyncio.get_running_loop().time() > deadline:
                raise IndexError_(f"Pagefind did not finish writing {bundle}") from None
            await asyncio.sleep(0.05)


def _content_html(html: str, words: set) -> str:
    """An editorial page with its search tokens (it has no detail template to print them)."""
    from .privacy.html_text import extract
    from .search.terms import analyse, token

    body = html.split("data-pagefind-body", 1)[-1]
    terms = sorted({w.term for line in extract(body).lines for w in analyse(line)})
    words.update(w for line in extract(body).lines for w in analyse(line))
    block = '<div hidden class="kk-search-terms" aria-hidden="true">' + " ".join(token(t) for t in terms) + "</div>"
    return html.replace("data-pagefind-body>", "data-pagefind-body>" + block, 1)


async def _index_all(site: Path, plan: SitePlan, content_urls: Sequence[str]) -> dict[str, int]:
    """One bundle at the build's root; each record once, with a `portal` filter for every portal that lists it.

    Measured (docs/search.md): one bundle per portal repeated every record three or more
    times; one national index keeps indexing proportional to records and lets a portal's
    search page ask the same bundle with its own portal filter.
    """
    from pagefind.index import IndexConfig

    from .search.dictionary import build_dictionary, write_dictionary
    from .search.fields import fields_of_words

    base = plan.url(portal_url(plan.root))
    assert base is not None
    bundle = site / base / "pagefind"
    records = plan.search  # built by the plan from its record facts: the index never reads a record
    urls = plan.record_urls
    words: set = set()  # distinct words only: at nation size the records hold millions of repeats
    indexed = []  # the records with a page: the meaning layer ties their words to their fields
    added = 0
    service = await _service_class()().launch()
    try:
        index = await service.create_index(IndexConfig(force_language="ja", output_path=str(bundle)))
        # Pages are sent a window at a time without waiting for each answer: one round trip
        # per page left Python and Pagefind waiting on each other (most of this stage's time).
        window: list[asyncio.Future] = []

        async def send(content: str, url: str) -> None:
            window.append(asyncio.ensure_future(index.add_html_file(content=content, url="/" + url)))
            if len(window) >= SEND_WINDOW:
                await asyncio.gather(*window)
                window.clear()

        for key in sorted(records):
            rec = records[key]
            url = urls.get(key)
            if url is None or not any(plan.built(p) for p in rec.portals):
                continue
            await send(normalise_html((site / url / "index.html").read_text(encoding="utf-8")), url)
            words.update(rec.words())
            indexed.append(rec)
            added += 1
        for url in sorted(content_urls):
            html = normalise_html((site / url / "index.html").read_text(encoding="utf-8"))
            await send(_content_html(html, words), url)
            added += 1
        await asyncio.gather(*window)
        await index.write_files()
        await index.delete_index()
        await _settled(bundle)
        canonicalise(bundle)
        prune(bundle, keep_ui=False)
    finally:
        await service.close()
    write_dictionary(build_dictionary(words, fields_of_words(indexed)), bundle / "kk-dict")
    return {plan.root: added}


def index_site(site: Path, plan: SitePlan, content_urls: Sequence[str] = ()) -> dict[str, int]:
    """Write a Pagefind bundle into every portal folder of the build; return records per portal."""
    _require_extended()
    # A thread of its own: the caller may already run an event loop (a browser driver, a server).
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _index_all(site, plan, content_urls)).result()
