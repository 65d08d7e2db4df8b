"""Benchmark: build a nation-sized synthetic dataset and print the figures.

    python bench/build_scale.py [--institutions 500] [--regions 10] [--compare-search]

The synthetic data copies the demo records (so it passes every check) into
REGIONS × (INSTITUTIONS / REGIONS) institutions. It prints wall time per
stage, pages, files, output size, the largest page and peak memory; with
--compare-search it also measures one national index with a portal filter
against the per-portal bundles the build writes (sizes and the bytes a first
query downloads, in Chromium).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import vocab  # noqa: E402
from generator.build import build  # noqa: E402
from generator.validate import load_dataset  # noqa: E402

TODAY = date(2026, 11, 26)


def _dump(path: Path, data: dict, schema_comment: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(schema_comment + text, encoding="utf-8")


def synthesise(out: Path, institutions: int, regions: int) -> None:
    demo, _ = load_dataset(REPO)
    assert demo is not None
    prefs = list(vocab.PREFECTURES)
    per_region = -(-len(prefs) // regions)
    demo_insts = sorted(demo.institutions)
    demo_vets = sorted(k for k in demo.veterans if k not in demo.unpublished)
    for r in range(regions):
        rid = f"r{r:02d}"
        region_prefs = prefs[r * per_region:(r + 1) * per_region]
        _dump(out / "regions" / rid / "region.yml", {"name": f"地域{r:02d}", "prefectures": region_prefs, "demo": True})
        for v, vkey in enumerate(demo_vets):
            data = demo.veterans[vkey].model.model_dump(mode="json", exclude_defaults=True)
            data["prefecture"] = region_prefs[v % len(region_prefs)]
            data.pop("areas", None)
            _dump(out / "regions" / rid / "veterans" / f"v{v:03d}.yml", data)
        for i in range(institutions // regions):
            src = demo_insts[(r * 7 + i) % len(demo_insts)]
            inst = demo.institutions[src].model.model_dump(mode="json", exclude_defaults=True)
            inst.update(name=f"架空{rid}第{i:03d}信用金庫", prefecture=region_prefs[i % len(region_prefs)])
            inst.pop("owners", None)
            folder = out / "regions" / rid / "institutions" / f"i{i:03d}"
            _dump(folder / "institution.yml", inst)
            prefix = src + "/"
            for mkey, rec in demo.meetings.items():
                if mkey.startswith(prefix):
                    m = rec.model.model_dump(mode="json", exclude_defaults=True)
                    m["organisers"] = [o for o in m.get("organisers", []) if "name" in o]
                    if "venue" in m:
                        m["venue"]["prefecture"] = region_prefs[0]
                    _dump(folder / "meetings" / f"{rec.id}.yml", m)
            for ckey, rec in demo.challenges.items():
                if ckey.startswith(prefix) and ckey not in demo.unpublished:
                    c = rec.model.model_dump(mode="json", exclude_defaults=True)
                    c["prefecture"] = region_prefs[i % len(region_prefs)]
                    _dump(folder / "challenges" / f"{rec.id}.yml", c)


def tree_size(root: Path, part: str | None = None) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file() and (part is None or part in p.parts)]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--institutions", type=int, default=500)
    parser.add_argument("--regions", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="keep the data and site here")
    parser.add_argument("--compare-search", action="store_true")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="koryukai-bench-"))
    data, site = work / "data", work / "site"
    shutil.rmtree(data, ignore_errors=True)
    t = time.perf_counter()
    synthesise(data, args.institutions, args.regions)
    print(f"synthetic data: {time.perf_counter() - t:.1f} s, {sum(1 for _ in (data / 'regions').rglob('*.yml'))} YAML files")

    t = time.perf_counter()
    dataset, found = load_dataset(data)
    errors = [d for d in found if d.severity == "error"]
    print(f"validate: {time.perf_counter() - t:.2f} s, {len(errors)} errors")
    assert dataset is not None, [d.text() for d in errors[:5]]

    t = time.perf_counter()
    result = build(data, site, today=TODAY, project_root=REPO)
    wall = time.perf_counter() - t
    assert result.ok, (result.message, [d.text() for d in result.diagnostics[:5]])
    html = [p for p in site.rglob("*.html")]
    biggest = max(html, key=lambda p: p.stat().st_size)
    search_files, search_bytes = tree_size(site, "pagefind")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"build: {wall:.1f} s wall; stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in result.seconds.items()))
    print(f"pages: {result.pages}; files: {result.files}; output: {result.bytes / 1e6:.1f} MB; "
          f"search bundles: {search_files} files, {search_bytes / 1e6:.1f} MB; "
          f"largest page: {biggest.relative_to(site)} {biggest.stat().st_size / 1000:.0f} kB; peak RSS {peak_mb:.0f} MB")
    if args.compare_search:
        compare_search(site, result.plans[0])


def _service_class() -> type:
    """Pagefind's Python service, minus a 0.1 s sleep per response.

    pagefind 1.5.2 polls the backend's stdout with ``asyncio.sleep(0.1)``
    before every read, which caps indexing at ten pages a second (a 2,000-page
    site: minutes). Reading without the sleep gives the same messages at the
    backend's own speed. The version is pinned exactly in pyproject.toml.
    """
    import base64
    import json
    import re

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
                    future.set_exception(RuntimeError(payload.get("message", "pagefind error")))
                else:
                    future.set_result(payload)


def compare_search(site: Path, plan) -> None:
    """One national index with a `portal` filter, against the per-portal bundles."""
    import asyncio

    from generator.index import normalise_html, portal_records

    single = site.parent / "single"
    shutil.rmtree(single, ignore_errors=True)
    membership: dict[str, list[str]] = {}
    for pid in plan.portals:
        for url in portal_records(plan, pid):
            membership.setdefault(url, []).append(pid or "national")

    async def index() -> None:
        from pagefind.index import IndexConfig

        service = await _service_class()().launch()
        idx = await service.create_index(IndexConfig(force_language="ja", output_path=str(single / "pagefind")))
        for url, portals in sorted(membership.items()):
            html = (site / url / "index.html").read_text(encoding="utf-8")
            tags = "".join(f'<span data-pagefind-filter="portal">{p}</span>' for p in portals)
            html = html.replace("data-pagefind-body>", f"data-pagefind-body><div hidden data-pagefind-ignore>{tags}</div>", 1)
            await idx.add_html_file(content=normalise_html(html), url="/" + url)
        await idx.write_files()
        await service.close()

    t = time.perf_counter()
    asyncio.run(index())
    single_time = time.perf_counter() - t
    files, size = tree_size(single)
    per_files, per_size = tree_size(site, "pagefind")
    print(f"search, one index + portal filter: {files} files, {size / 1e6:.1f} MB, indexed in {single_time:.1f} s")
    print(f"search, per-portal bundles:        {per_files} files, {per_size / 1e6:.1f} MB")
    first_query_bytes(site, single, plan)


def first_query_bytes(site: Path, single: Path, plan) -> None:
    from tests.browser.server import chromium, serve_dir

    inst = sorted(p for p in plan.portals if p.count("/") == 1)[0]
    js = """async ([bundle, q, filters]) => {
      const pf = await import(bundle + 'pagefind.js');
      const r = await pf.search(q, {filters});
      for (const x of r.results.slice(0, 5)) await x.data();
      return r.results.length;
    }"""
    with serve_dir(site) as base, serve_dir(single) as base_single, chromium() as browser:
        for label, url, bundle, filters in (
            ("per-portal, institution", base, f"{base}{inst}/pagefind/", {}),
            ("single, institution", base_single, f"{base_single}pagefind/", {"portal": inst}),
            ("per-portal, national", base, f"{base}pagefind/", {}),
            ("single, national", base_single, f"{base_single}pagefind/", {"portal": "national"}),
        ):
            page = browser.new_page()
            sizes: list[int] = []
            page.on("response", lambda r, s=sizes: s.append(len(r.body())) if "/pagefind/" in r.url else None)
            page.goto(url)
            hits = page.evaluate(js, [bundle, "事業承継", filters])
            page.wait_for_timeout(200)
            print(f"first query 事業承継, {label}: {hits} results, {sum(sizes) / 1000:.0f} kB transferred")
            page.close()


if __name__ == "__main__":
    main()
