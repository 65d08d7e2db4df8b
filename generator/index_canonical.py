"""Make a Pagefind bundle byte-identical from one build to the next, and small to start.

Pagefind 1.5.2 writes each filter's values in hash-map order, which changes
from run to run; the filter files' names (content hashes), the metadata file
that lists them and pagefind-entry.json change with it. This module sorts the
filter values, renames the files by a hash of their new content and rewrites
the two files that point at them, so the same input gives the same bytes.

It also names each page's fragment by its place in an order we choose, the
lists' order (`rank_by`: upcoming meetings soonest first, held meetings,
challenges, veterans; editorial pages after), followed by three hex digits
of a hash of the whole page list: <lang>_<place in hex, ≥ 4 digits><tag>.
- A result's id is that name. The search page breaks ties between equally
  good results by id, so ties come in the lists' order; the lists' filter
  pages sort by id (kk-lists.js).
- The shared tag changes whenever any page or the order changes, so a browser
  never pairs a new page list with an old cached fragment of the same place.
- Every first search loads the page list. Names that count up and share a tag
  compress far better than content hashes, and the `rank_by` sort, which the
  names now carry, is dropped: at nation size the metadata a first search
  loads fell from 418 to 216 kB.

Pagefind's page numbers (the order it happened to read the files) stay: the
index chunks that hold them are 150 MB of CBOR at nation size, and renumbering
them would cost more time than the 33 kB it would save.

File format (pagefind 1.5.2): gzip of b"pagefind_dcd" + CBOR.
  filter/<lang>_<7 hex>.pf_filter: [name, [[value, [page numbers]], ...]]
  pagefind.<lang>_<10 hex>.pf_meta: [version, pages, index chunks, [[filter name, hash], ...], sorts, meta fields]
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
PAGES = 1  # position of the page list ([fragment name, word count], …) in the pf_meta array
FILTERS = 3  # position of the filter list in the pf_meta array
SORTS = 4  # position of the sort list ([name, [page numbers in order]], …)


def read_data(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind data file")
    return cbor2.loads(raw[len(SIGNATURE):])


def _encode(data: Any) -> bytes:
    # mtime=0 and no file name: the gzip header carries nothing that varies.
    return gzip.compress(SIGNATURE + cbor2.dumps(data), compresslevel=9, mtime=0)


def _rank_fragments(bundle: Path, lang: str, pages: list[list[Any]], order: list[int]) -> None:
    """Rename the fragments to <lang>_<rank><tag>: ranks by `order` (page numbers), then the pages it leaves
    out, by their old names; one tag for all, from the old names in rank order."""
    ranked = list(dict.fromkeys([*order, *sorted(range(len(pages)), key=lambda i: pages[i][0])]))
    tag = hashlib.sha256(" ".join(pages[i][0] for i in ranked).encode()).hexdigest()[:3]
    width = max(4, len(f"{len(pages) - 1:x}"))
    folder = bundle / "fragment"
    fresh = bundle / "fragment.ranked"
    fresh.mkdir()
    moved: dict[str, Path] = {}
    for rank, i in enumerate(ranked):
        old = pages[i][0]
        target = fresh / f"{lang}_{rank:0{width}x}{tag}.pf_fragment"
        if old in moved:  # Pagefind gives identical pages one fragment; here each page has its own
            target.write_bytes(moved[old].read_bytes())
        else:
            (folder / f"{old}.pf_fragment").rename(target)
            moved[old] = target
        pages[i][0] = target.stem
    if any(folder.iterdir()):
        raise ValueError(f"unexpected Pagefind fragments in {folder}")
    folder.rmdir()
    fresh.rename(folder)


def canonicalise(bundle: Path, rank_by: str) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_data(meta_path)
        renamed: dict[str, str] = {}
        for old in sorted((bundle / "filter").glob(f"{lang}_*.pf_filter")):
            name, values = read_data(old)
            data = _encode([name, sorted(([v, sorted(pages)] for v, pages in values), key=lambda x: x[0])])
            new_hash = f"{lang}_{hashlib.sha256(data).hexdigest()[:7]}"
            renamed[old.stem] = new_hash
            old.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
        filters = meta[FILTERS]
        if {h for _, h in filters} != set(renamed):
            raise ValueError(f"unexpected Pagefind metadata layout in {meta_path}")
        meta[FILTERS] = sorted([[name, renamed[h]] for name, h in filters], key=lambda x: x[0])
        sorts = dict(meta[SORTS])  # [[sort name, page order]], in hash-map order too
        _rank_fragments(bundle, lang, meta[PAGES], sorts.pop(rank_by, []))
        meta[SORTS] = [[name, order] for name, order in sorted(sorts.items())]
        meta_bytes = _encode(meta)
        meta_hash = f"{lang}_{hashlib.sha256(meta_bytes).hexdigest()[:10]}"
        meta_path.unlink()
        (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(meta_bytes)
        info["hash"] = meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
