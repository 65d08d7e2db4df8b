"""index: Pagefind over the built HTML, one search bundle per portal.

Each portal's search covers its own records (a region portal its region's,
an institution portal its own and the ones it co-hosts), so the national
bundle indexes everything and a small portal downloads only its own index.
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

from .index_canonical import FILTERS, canonicalise, read_data
from .plan import SitePlan, portal_url


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
    a busy machine: an empty pagefind-entry.json), so read the entry and the
    metadata it names until both parse.
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
            return
        except (OSError, ValueError, KeyError, EOFError, IndexError):
            if asyncio.get_running_loop().time() > deadline:
                raise IndexError_(f"Pagefind did not finish writing {bundle}") from None
            await asyncio.sleep(0.05)


async def _index_all(site: Path, plan: SitePlan, content_urls: Sequence[str]) -> dict[str, int]:
    from pagefind.index import IndexConfig

    counts: dict[str, int] = {}
    service = await _service_class()().launch()
    try:
        cache: dict[str, str] = {}
        for portal_id in sorted(plan.portals):
            if not plan.built(portal_id):
                continue
            base = plan.url(portal_url(portal_id))
            assert base is not None
            config = IndexConfig(force_language="ja", output_path=str(site / base / "pagefind"))
            index = await service.create_index(config)
            # Editorial pages are long (the guide's fragment is ~50 kB): only the root portal's search
            # carries them, so a small portal's first query stays light and finds records.
            urls = portal_records(plan, portal_id, content_urls if portal_id == plan.root else ())
            for url in urls:
                if url not in cache:
                    cache[url] = normalise_html((site / url / "index.html").read_text(encoding="utf-8"))
                await index.add_html_file(content=cache[url], url="/" + url)
            await index.write_files()
            await index.delete_index()
            await _settled(site / base / "pagefind")
            canonicalise(site / base / "pagefind")
            prune(site / base / "pagefind", keep_ui=base == "")
            counts[portal_id] = len(urls)
    finally:
        await service.close()
    return counts


def index_site(site: Path, plan: SitePlan, content_urls: Sequence[str] = ()) -> dict[str, int]:
    """Write a Pagefind bundle into every portal folder of the build; return records per portal."""
    _require_extended()
    # A thread of its own: the caller may already run an event loop (a browser driver, a server).
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _index_all(site, plan, content_urls)).result()
