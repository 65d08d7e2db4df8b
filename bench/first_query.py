"""Bytes a visitor's browser fetches for the first search on a built site, through the real search page.

    python bench/first_query.py SITE [--portal kanto/minatodai-shinkin] [QUERY ...]

Opens <portal>/search/?q=QUERY in Debian's Chromium with an empty cache, waits until the page shows its
answer, and prints the results shown and the bytes of every response under /pagefind/ (Pagefind's script,
WebAssembly, metadata, index chunks, filters, fragments and the query dictionary kk-dict/), which is what the
issue's "first query ≤ 300 kB" counts. Scripts and JSON are counted gzip-compressed, as a static host sends
them; Pagefind's data files and the dictionary shards are gzip already and are counted as they are.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TEXT = {"js", "json", "css", "html"}  # compressed by the host on the way
DEFAULT_QUERIES = ("事業承継", "後継ぎがいない", "人手不足", "HACCP", "品質菅理")


def measure(site: Path, portal: str, queries: list[str]) -> list[tuple[str, int, int, dict[str, int]]]:
    from tests.browser.server import chromium, serve_dir
    from tests.browser.test_search import FINISHED  # the tests' "the page has answered", not a second copy

    out = []
    with serve_dir(site) as base, chromium() as browser:
        for query in queries:
            context = browser.new_context()  # a fresh cache for every query: each is someone's first
            page = context.new_page()
            responses: list = []
            page.on("response", lambda r, seen=responses: seen.append(r) if "/pagefind/" in r.url else None)
            page.goto(f"{base}{portal + '/' if portal else ''}search/?q={query}")
            page.wait_for_function(FINISHED, timeout=120_000)
            page.wait_for_timeout(300)  # late fragments of the results shown
            sizes: dict[str, int] = {}
            for response in responses:  # bodies read here: reading one inside the event handler can block
                kind = "kk-dict" if "/kk-dict/" in response.url else response.url.rsplit(".", 1)[-1].split("?")[0]
                try:
                    body = response.body()
                except Exception:  # a redirect or an aborted response has no body
                    continue
                # Text files as a host that compresses (GitHub Pages, Netlify …) sends them; Pagefind's data
                # files and the dictionary shards are gzip already and go as they are.
                sizes[kind] = sizes.get(kind, 0) + (len(gzip.compress(body, 6)) if kind in TEXT else len(body))
            shown = page.locator(".kk-result").count()
            out.append((query, shown, sum(sizes.values()), sizes))
            context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*")
    parser.add_argument("--portal", default="", help="portal id (region or region/institution); national by default")
    args = parser.parse_intermixed_args()
    for query, shown, total, sizes in measure(args.site, args.portal, args.queries or list(DEFAULT_QUERIES)):
        parts = ", ".join(f"{k} {v / 1000:.0f}" for k, v in sorted(sizes.items(), key=lambda kv: -kv[1]))
        print(f"{args.portal or 'national'} 「{query}」: {shown} results shown, {total / 1000:.0f} kB under /pagefind/ ({parts} kB)")


if __name__ == "__main__":
    main()
