"""Make a Pagefind bundle byte-identical from one build to the next, and small to start.

Pagefind 1.5.2 numbers pages in the order the file system lists the staged
files (which differs between machines), writes each filter's values in
hash-map order, and names files by content hashes. This module rewrites the
bundle in one order we choose, the lists' order (`rank_by`: upcoming meetings
soonest first, held meetings, challenges, veterans; editorial pages after):

- page n is the n-th in that order, in the page list, every index chunk
  (whose page numbers are deltas), every filter and every sort;
- each fragment is named <lang>_<n in hex, ≥ 4 digits><3 hex of the whole
  bundle's hash>. A result's id is that name, and the search page breaks ties
  between equally good results by id, so ties come in the lists' order;
  the lists' filter pages sort by id too. The shared three characters change
  whenever any page or the order changes, so no browser pairs a new page
  list with an old cached fragment;
- the `rank_by` sort itself is dropped: it would be the identity, and every
  first search loads the page list and the sorts (101 kB gzip at nation size).

Sequential names in page order compress far better than content hashes: the
page list every first search loads fell from 300 to about 170 kB (gzip) at
nation size.

File format (pagefind 1.5.2): gzip of b"pagefind_dcd" + CBOR.
  index/<lang>_<hash>.pf_index: [[[word, pages, [[variant, pages], ...]], ...]]
                                 pages = [[page number minus the previous one, locs, meta locs], ...]
  filter/<lang>_<hash>.pf_filter: [name, [[value, [page numbers]], ...]]
  pagefind.<lang>_<10 hex>.pf_meta: [version, pages, index chunks [[from, to, hash]], filters [[name, hash]],
                                     sorts [[name, [page numbers in order]]], meta fields]
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import partial
from itertools import accumulate
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
PAGES = 1  # position of the page list ([fragment name, word count], …) in the pf_meta array
CHUNKS = 2  # position of the index chunk list ([first word, last word, name], …)
FILTERS = 3  # position of the filter list ([filter name, file name], …)
SORTS = 4  # position of the sort list ([name, [page numbers in order]], …)


def read_data(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind data file")
    return cbor2.loads(raw[len(SIGNATURE):])


def _encode(data: Any) -> bytes:
    # mtime=0 and no file name: the gzip header carries nothing that varies.
    return gzip.compress(SIGNATURE + cbor2.dumps(data), compresslevel=9, mtime=0)


def _write_hashed(folder: Path, lang: str, suffix: str, data: Any) -> str:
    """Write data as <lang>_<7 hex of its hash>.<suffix>, one more hex digit while another file has the name."""
    encoded = _encode(data)
    digest = hashlib.sha256(encoded).hexdigest()
    for length in range(7, len(digest) + 1):
        path = folder / f"{lang}_{digest[:length]}.{suffix}"
        if not path.exists() or path.read_bytes() == encoded:
            path.write_bytes(encoded)
            return path.name[: -len(suffix) - 1]
    raise ValueError(f"no free name for a Pagefind file in {folder}")


def _renumber_pages(pages: list[list[Any]], new: list[int]) -> None:
    """[[page delta, locs, meta locs], …] with page n renumbered new[n], ascending, as deltas again."""
    numbers = list(accumulate(p[0] for p in pages))
    for page, number in zip(pages, numbers, strict=True):
        page[0] = new[number]
    pages.sort(key=lambda p: p[0])
    last = 0
    for page in pages:
        page[0], last = page[0] - last, page[0]


def _renumber_chunk(data: Any, new: list[int]) -> Any:
    """One index chunk renumbered: each word's pages, and its spelling variants' ([[variant, pages], …])."""
    for word in data[0]:
        _renumber_pages(word[1], new)
        for variant in word[2] if len(word) > 2 else ():
            _renumber_pages(variant[1], new)
    return data


def _renumber_filter(data: Any, new: list[int]) -> Any:
    name, values = data
    return [name, sorted(([value, sorted(new[p] for p in numbers)] for value, numbers in values), key=lambda x: x[0])]


def _rewrite(folder: Path, lang: str, suffix: str, change: Any) -> dict[str, str]:
    """Rewrite every <lang>_*.<suffix> file in folder through `change`, named by content; return old name → new.
    The new files are written aside first: a new name may be an old one not yet read."""
    fresh = folder.with_name(folder.name + ".new")
    fresh.mkdir()
    renamed: dict[str, str] = {}
    for old in sorted(folder.glob(f"{lang}_*.{suffix}")):
        renamed[old.stem] = _write_hashed(fresh, lang, suffix, change(read_data(old)))
        old.unlink()
    for path in fresh.iterdir():
        path.rename(folder / path.name)
    fresh.rmdir()
    return renamed


def _rename_fragments(bundle: Path, lang: str, pages: list[list[Any]], ranked: list[int]) -> list[list[Any]]:
    """Move the fragments to their new names; return the page list in the new order."""
    tag = hashlib.sha256(" ".join(pages[i][0] for i in ranked).encode()).hexdigest()[:3]
    width = max(4, len(f"{len(pages) - 1:x}"))
    folder = bundle / "fragment"
    fresh = bundle / "fragment.ranked"
    fresh.mkdir()
    moved: dict[str, Path] = {}
    out = []
    for rank, i in enumerate(ranked):
        old, word_count = pages[i][0], pages[i][1]
        target = fresh / f"{lang}_{rank:0{width}x}{tag}.pf_fragment"
        if old in moved:  # Pagefind gives identical pages one fragment; each page keeps its own here
            target.write_bytes(moved[old].read_bytes())
        else:
            (folder / f"{old}.pf_fragment").rename(target)
            moved[old] = target
        out.append([target.stem, word_count])
    if any(folder.iterdir()):
        raise ValueError(f"unexpected Pagefind fragments in {folder}")
    folder.rmdir()
    fresh.rename(folder)
    return out


def canonicalise(bundle: Path, rank_by: str) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_data(meta_path)
        pages = meta[PAGES]
        sorts = dict(meta[SORTS])
        # The lists' order first, then the pages it leaves out (editorial ones) by their content hash.
        ranked = list(dict.fromkeys([*sorts.pop(rank_by, []), *sorted(range(len(pages)), key=lambda i: pages[i][0])]))
        new = [0] * len(pages)
        for rank, i in enumerate(ranked):
            new[i] = rank

        chunks = _rewrite(bundle / "index", lang, "pf_index", partial(_renumber_chunk, new=new))
        filters = _rewrite(bundle / "filter", lang, "pf_filter", partial(_renumber_filter, new=new))
        if {c[2] for c in meta[CHUNKS]} != set(chunks) or {h for _, h in meta[FILTERS]} != set(filters):
            raise ValueError(f"unexpected Pagefind metadata layout in {meta_path}")
        meta[CHUNKS] = [[first, last, chunks[h]] for first, last, h in meta[CHUNKS]]
        meta[FILTERS] = sorted([[name, filters[h]] for name, h in meta[FILTERS]], key=lambda x: x[0])
        meta[SORTS] = [[name, [new[p] for p in order]] for name, order in sorted(sorts.items())]
        meta[PAGES] = _rename_fragments(bundle, lang, pages, ranked)

        meta_bytes = _encode(meta)
        meta_hash = f"{lang}_{hashlib.sha256(meta_bytes).hexdigest()[:10]}"
        meta_path.unlink()
        (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(meta_bytes)
        info["hash"] = meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
