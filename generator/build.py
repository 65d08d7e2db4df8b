"""The whole pipeline: load → validate → plan → render → outputs → index → check → publish."""

from __future__ import annotations

import errno
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .diagnostics import Diagnostic
from .plan import SitePlan, build_plan
from .publish import OutRefused, discard, guard_out, publish_lock, staging_dir, swap_in
from .safe_fs import UnsafePath
from .validate import Loaded, load_dataset


@dataclass
class BuildResult:
    ok: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)
    out: Path | None = None
    pages: int = 0
    files: int = 0
    bytes: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    plans: list[SitePlan] = field(default_factory=list)
    message: str = ""
    # True when the data was fine but the place or the machine was not (--out, permissions,
    # disk full, --site-url): the CLI exits 2 instead of 1.
    environment: bool = False


def default_project_root(root: Path) -> Path:
    """Where themes/, content/ and mkdocs.yml live: the data root if it has them, else this checkout."""
    if (root / "themes").is_dir() and (root / "mkdocs.yml").is_file():
        return root
    return Path(__file__).resolve().parent.parent


def check_site_url(value: str | None) -> str | None:
    """A message when --site-url is not an http(s) URL with a host, else None."""
    if value is None:
        return None
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    if parts is None or parts.scheme not in ("http", "https") or not host or any(c in value for c in " \t\r\n\"'<>\\"):
        return (f"--site-url は https://example.github.io/portal/ のような http(s) の URL で指定してください: {value!r}"
                " (--site-url must be an http(s) URL with a host)")
    return None


def _os_message(exc: OSError) -> str:
    where = exc.filename or "?"
    reason = {errno.EACCES: "書き込む権限がありません", errno.EPERM: "書き込む権限がありません",
              errno.ENOSPC: "ディスクの空きがありません", errno.EROFS: "読み取り専用の場所です",
              errno.EDQUOT: "ディスクの割り当てを超えました"}.get(exc.errno or 0, "ファイル操作に失敗しました")
    return (f"{reason}: {where}（前回の出力はそのままです）。出力先（--out）の場所と権限・空き容量を確認してください"
            f" ({exc.strerror or exc}: {where}; the previous output is unchanged)")


def parse_today(value: str | None) -> date:
    if value:
        return date.fromisoformat(value)
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Asia/Tokyo")).date()


def unknown_portal_message(unknown: list[str], known: list[str]) -> str:
    """Names the portals that don't exist, with the closest real ones (or all of them, when few)."""
    import difflib

    hints = []
    for name in unknown:
        close = [k for k in known if k.endswith("/" + name)] or difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        hints.append(f"「{name}」" + (f"（もしかして: {'、'.join(close)}）" if close else ""))
    listed = "、".join(sorted(known)) if len(known) <= 30 else "、".join(sorted(known)[:30]) + " ほか"
    return (f"ポータル {'、'.join(hints)} はありません。指定できるのは: {listed}"
            f" (unknown portal {', '.join(unknown)}; valid portals are regions and region/institution ids)")


def build(
    root: Path,
    out: Path,
    *,
    today: date,
    portals: list[str] | None = None,
    site_url: str | None = None,
    project_root: Path | None = None,
    index: bool = True,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build every portal (or the named standalone portals) into `out`.

    Nothing is written to `out` unless every stage succeeds. `progress(stage)` is called as each
    stage starts (validate, plan, render, outputs, index, scan, publish).
    """
    stage = progress or (lambda _name: None)
    root = root.resolve()
    out = out.resolve()
    project_root = (project_root or default_project_root(root)).resolve()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    stage("validate")
    loaded = load_dataset(root, content_root=project_root)
    dataset, diagnostics = loaded.dataset, loaded.diagnostics
    timings["validate"] = time.perf_counter() - started
    if dataset is None:
        return BuildResult(False, diagnostics, message="データにエラーがあるため、生成しませんでした（前回の出力はそのままです）")

    roots = portals or [""]
    unknown = [p for p in roots if p and p not in dataset.regions and p not in dataset.institutions]
    if unknown:
        return BuildResult(False, diagnostics, message=unknown_portal_message(unknown, [*dataset.regions, *dataset.institutions]))

    problem = check_site_url(site_url)
    if problem:
        return BuildResult(False, diagnostics, message=problem, environment=True)
    try:
        guard_out(out, root, project_root)
    except OutRefused as exc:
        return BuildResult(False, diagnostics, message=f"{exc.ja} ({exc.en})", environment=True)
    try:
        with publish_lock(out):
            return _build_into(out, root, project_root, loaded, roots, today, site_url, index, timings, stage)
    except OSError as exc:
        return BuildResult(False, diagnostics, message=_os_message(exc), environment=True)


def _build_into(out: Path, root: Path, project_root: Path, loaded: Loaded, roots: list[str], today: date,
                site_url: str | None, index: bool, timings: dict[str, float], stage: Callable[[str], None]) -> BuildResult:
    from .index import IndexError_
    from .render.site import RenderError, apply_csp, render_site

    dataset, diagnostics = loaded.dataset, loaded.diagnostics
    assert dataset is not None

    staging = staging_dir(out)
    try:
        result = BuildResult(True, diagnostics, out=out)
        notices: list[str] = []  # things the build could only do partly (e.g. no Japanese font)
        for portal_id in roots:
            t = time.perf_counter()
            stage("plan")
            plan = build_plan(dataset, today, root=portal_id, national_url=None, content=loaded.content,
                              site_url=site_url)
            timings["plan"] = timings.get("plan", 0) + time.perf_counter() - t
            # The dataset and the plan live to the end of the build: set them aside from the garbage collector, whose
            # full passes would otherwise walk their millions of objects again and again while pages are rendered, and
            # would touch every one of them in the forked scan processes (copying the parent's memory page by page).
            gc.collect()
            gc.freeze()
            target = staging if len(roots) == 1 else staging / (portal_id.replace("/", "--") or "national")
            work = staging_dir(out)  # same prefix: a killed build's work folder is a leftover too
            try:
                t = time.perf_counter()
                stage("render")
                site = render_site(plan, data_root=root, project_root=project_root, work=work, site_url=site_url)
                timings["render"] = timings.get("render", 0) + time.perf_counter() - t
                from .outputs import write_outputs

                t = time.perf_counter()
                stage("outputs")
                notices += write_outputs(plan, site, project_root / "themes")
                apply_csp(site)  # the flyers written just now get their policy too
                timings["outputs"] = timings.get("outputs", 0) + time.perf_counter() - t
                if index:
                    from .index import index_site

                    t = time.perf_counter()
                    stage("index")
                    index_site(site, plan, plan.content_urls)
                    timings["index"] = timings.get("index", 0) + time.perf_counter() - t
                from .privacy.built import scan_site

                t = time.perf_counter()
                stage("scan")
                findings = scan_site(site, plan, dataset, loaded.allow)
                timings["scan"] = timings.get("scan", 0) + time.perf_counter() - t
                if findings:
                    result.ok = False
                    result.diagnostics = diagnostics + findings
                    result.message = "生成したページに個人・企業を特定できる情報が見つかったため、公開しませんでした"
                    discard(staging)
                    return result
                if target == staging:
                    discard(staging)
                    site.rename(staging)
                else:
                    site.rename(target)
            finally:
                gc.unfreeze()  # a preview builds again and again in one process: nothing stays set aside
                discard(work)
            result.plans.append(plan)
            result.pages += len(plan.pages)
        files = [p for p in staging.rglob("*") if p.is_file()]
        result.files = len(files)
        result.bytes = sum(p.stat().st_size for p in files)
        t = time.perf_counter()
        stage("publish")
        swap_in(staging, out)
        timings["publish"] = time.perf_counter() - t
        result.seconds = timings
        result.message = "\n".join(dict.fromkeys(notices))
        return result
    except RenderError as exc:
        discard(staging)
        return BuildResult(False, diagnostics, message=f"ページの生成に失敗しました（前回の出力はそのままです）: {exc}")
    except IndexError_ as exc:
        discard(staging)
        return BuildResult(False, diagnostics,
                           message=f"検索索引を作れませんでした（前回の出力はそのままです）: {exc} (search indexing failed)")
    except UnsafePath as exc:
        discard(staging)
        return BuildResult(False, diagnostics, message=(
            f"シンボリックリンクや通常でないファイルは使えません: {exc.path}（前回の出力はそのままです）。実物のファイルを置いてください"
            f" (links and special files are refused: {exc.path})"))
    except BaseException:
        discard(staging)
        raise
