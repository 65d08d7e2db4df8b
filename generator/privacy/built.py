"""Second line of the confidentiality check: scan the built pages before publishing.

The first line (check.py) reads what contributors wrote; this one reads what
a visitor and the search index would get, so a template that prints a field
nobody scanned, or a hole in the first line, still cannot publish a phone
number. It scans every built HTML page (visible text, readable attributes,
mailto:/tel:/http links) and any *.json data export, but not the JSON of
Pagefind's bundles (…/pagefind/) or Material's assets (assets/).

Allowed on pages: the institutions' and regions' own public contact details
and websites (including example.jp-style demo sites), form hosts, venues,
co-host names and the reviewed exceptions of regions/privacy-allow.yml.
Editorial pages (content/*.md, the 404 page: written and reviewed by the
project, not typed by institutions) may name organisations and people (SKS,
the bureaus), link out and show code examples; contact details (phone,
e-mail, postal code, address, corporate number, handles) are refused there too.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from ..cores import no_collector, workers
from ..dataset import Dataset
from ..diagnostics import Diagnostic, sort_diagnostics
from ..plan import SitePlan
from .allow import AllowList
from .html_text import ABSOLUTE_LINK, extract
from .kinds import PREFILL, Kind
from .patterns import email_key, phone_digits
from .prefill import prefilled
from .public import PublicDetails, inside_phrase, url_host
from .scan import Hit, scan_text, seen

EDITORIAL_ALLOWED = frozenset({Kind.URL, Kind.COMPANY, Kind.PERSON})
SEARCH_TOKENS = re.compile(r"kk[a-z]{7}(?: kk[a-z]{7})*")  # the search's hidden token line
MAX_PAGES_PER_FINDING = 5  # the same leak in a footer would otherwise be reported on every page
LINE_CACHE_LIMIT = 500_000  # lines remembered across pages (headers and footers repeat on every page)

Finding = tuple[str, str, str]  # code, span, extra ("" or the prefilled parts)


class _Scanner:
    def __init__(self, public: PublicDetails, phrases: tuple[str, ...]):
        self.public = public
        self.phrases = phrases
        self.line_cache: dict[str, tuple[tuple[Kind, str], ...]] = {}
        self.link_cache: dict[str, tuple[Finding, ...]] = {}
        self.found: dict[Finding, list[str]] = {}

    def _scan_new(self, lines: list[str]) -> None:
        """Scan the lines not seen before in one pass (one text, one run of each detector)."""
        if len(self.line_cache) > LINE_CACHE_LIMIT:
            self.line_cache.clear()  # bound memory on very large sites
        new = []
        for line in dict.fromkeys(lines):
            if line in self.line_cache:
                continue
            known = seen(line)  # scanned as a record's field when the data was validated
            if known is None:
                new.append(line)
            else:
                self._keep(line, list(known))
        if not new:
            return
        starts = [0]
        for line in new:
            starts.append(starts[-1] + len(line) + 1)
        per_line: list[list[Hit]] = [[] for _ in new]
        for hit in scan_text("\n".join(new)):
            i = bisect_right(starts, hit.start) - 1
            offset = starts[i]
            per_line[i].append(Hit(hit.kind, hit.start - offset, hit.end - offset, hit.span, hit.norm))
        for line, hits in zip(new, per_line, strict=True):
            self._keep(line, hits)

    def _keep(self, line: str, hits: list[Hit]) -> None:
        kept = [h for h in hits if not self.public.permits(h, line) and not inside_phrase(h, line, self.phrases)]
        self.line_cache[line] = tuple((h.kind, h.span) for h in kept)

    def _link(self, link: str, editorial: bool) -> tuple[Finding, ...]:
        key = ("E" if editorial else "D") + link
        cached = self.link_cache.get(key)
        if cached is None:
            cached = tuple(self._link_findings(link, editorial))
            self.link_cache[key] = cached
        return cached

    def _link_findings(self, link: str, editorial: bool) -> Iterator[Finding]:
        scheme = link.split(":", 1)[0].lower() if ":" in link.split("/", 1)[0] else ""
        target = unquote(link.split(":", 1)[1]) if scheme else link
        if any(p in link or p in target for p in self.phrases):
            return
        if scheme == "mailto":
            for address in target.split("?", 1)[0].split(","):
                if address.strip() and email_key(address) not in self.public.emails:
                    yield Kind.EMAIL.code, address.strip(), ""
        elif scheme in ("tel", "callto", "sms", "fax"):
            number = target.split("?", 1)[0].strip()
            if phone_digits(number) not in self.public.phones:
                yield Kind.PHONE.code, number, ""
        elif url_host(link) in self.public.hosts:
            parts = prefilled(link)
            if parts:
                yield PREFILL, link, "、".join(parts)
        elif not editorial:
            yield Kind.URL.code, link, ""

    def add(self, rel: str, lines: tuple[str, ...] | list[str], links: tuple[str, ...], editorial: bool) -> None:
        findings: list[Finding] = []
        self._scan_new(list(lines))
        for line in lines:
            findings += [(k.code, span, "") for k, span in self.line_cache[line] if not (editorial and k in EDITORIAL_ALLOWED)]
        for link in links:
            findings += self._link(link, editorial)
        for finding in dict.fromkeys(findings):
            self.found.setdefault(finding, []).append(rel)

    def diagnostics(self) -> list[Diagnostic]:
        out = []
        for (code, span, extra), paths in sorted(self.found.items()):
            shown = sorted(paths)[:MAX_PAGES_PER_FINDING]
            more = len(paths) - len(shown)
            for i, rel in enumerate(shown):
                ja, en = _message(code, span, extra)
                if more and i == len(shown) - 1:
                    ja += f"（ほか {more} ページにもあります）"
                    en += f" (and on {more} more page(s))"
                out.append(Diagnostic(rel, 0, 0, code, ja, en))
        return sort_diagnostics(out)


def _message(code: str, span: str, extra: str) -> tuple[str, str]:
    if code == PREFILL:
        return (f"生成したページのフォームへのリンクに、入力済みの個人情報（{extra}）が含まれています。"
                "事前入力のないフォームの URL に直してください",
                f"a form link on the built page carries prefilled personal data ({extra}); link the plain form instead")
    info = next(k.info for k in Kind if k.code == code)
    return (f"生成したページに{info.ja}「{span}」が載っています。元の YAML かテンプレートから削除してください"
            "（誤検出なら regions/privacy-allow.yml に SKS の確認を受けた例外を追加します）",
            f"the built page shows {info.en} '{span}'; remove it from the data or the template"
            " (a false alarm needs a reviewed exception)")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _files(site: Path) -> Iterator[Path]:
    """Every HTML page, and every JSON file outside Pagefind's bundles and Material's assets.

    HTML is never skipped: a portal folder that happens to be called "assets"
    must not become a hole in the check.
    """
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html" and path.is_file():
            yield path
        elif path.suffix == ".json" and path.is_file():
            parts = path.relative_to(site).parts
            if parts[0] != "assets" and "pagefind" not in parts[:-1]:
                yield path


def scan_site(site: Path, plan: SitePlan, dataset: Dataset, allow: AllowList) -> list[Diagnostic]:
    """Every identifying detail on the built pages; empty means the site may be published.

    `allow` is the reviewed exceptions (regions/privacy-allow.yml) that
    validation read for this run (validate.Loaded.allow).
    """
    from ..plan.meta import FLYER_DIR, SHARE_HOSTS

    # The site's own address (canonical, og:url, calendar and feed links) is public by definition,
    # and so are the share and calendar services the meeting pages link to.
    hosts = [u for u in (plan.national_url, plan.site_url) if u] + list(SHARE_HOSTS)
    public = PublicDetails.from_dataset(dataset, extra_hosts=hosts)
    # Editorial pages (content/*.md) are planned too, but written by the project: scanned as editorial.
    planned = {url + "index.html" for p in plan.pages if p.kind != "content" and (url := plan.url(p.url)) is not None}
    # A meeting's A4 flyer prints its record's fields: scanned like the page, not as editorial text.
    planned |= {url + FLYER_DIR + "index.html" for p in plan.pages if p.kind == "meeting"
                and (url := plan.url(p.url)) is not None}
    files = list(_files(site))
    jobs = workers() if len(files) >= PARALLEL_MIN_FILES else 1
    if jobs < 2:
        scanner = _Scanner(public, allow.phrases)
        _scan_files(scanner, site, files, planned)
        return scanner.diagnostics()
    # Pages in interleaved shards, one forked process each (the checks are pure; each process keeps
    # its own line cache); their findings are merged before the diagnostics are written.
    import multiprocessing

    global _SHARED
    _SHARED = (site, planned, public, allow.phrases)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            found = pool.map(_scan_shard, [files[i::jobs] for i in range(jobs)])
    finally:
        _SHARED = None
    scanner = _Scanner(public, allow.phrases)
    for part in found:
        for finding, rels in part.items():
            scanner.found.setdefault(finding, []).extend(rels)
    return scanner.diagnostics()


PARALLEL_MIN_FILES = 2000  # below this (the demo has ~600 files) one process is faster than forking
_SHARED: tuple[Path, set[str], PublicDetails, tuple[str, ...]] | None = None  # what forked shards read


def _scan_shard(files: list[Path]) -> dict[Finding, list[str]]:
    assert _SHARED is not None
    no_collector()
    site, planned, public, phrases = _SHARED
    scanner = _Scanner(public, phrases)
    _scan_files(scanner, site, files, planned)
    return scanner.found


def _scan_files(scanner: _Scanner, site: Path, files: list[Path], planned: set[str]) -> None:
    for path in files:
        rel = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            editorial = rel not in planned
            page = extract(text, skip_code=editorial)
            # The search's hidden token line (kk + 7 letters per term) holds no text of the record.
            lines = [line for line in page.lines if not SEARCH_TOKENS.fullmatch(line)]
            scanner.add(rel, lines, page.links, editorial)
            continue
        try:
            strings = list(_strings(json.loads(text)))
        except ValueError:
            strings = [text]
        links = tuple(s.strip() for s in strings if ABSOLUTE_LINK.match(s.strip()) and not any(c.isspace() for c in s.strip()))
        lines = [line.strip() for s in strings if s.strip() not in links for line in s.splitlines() if line.strip()]
        scanner.add(rel, lines, links, editorial=False)

