"""`make bench SIZE=today|tenth|nation`: measure a full build against a Hugo + Pagefind anchor.

    python bench/run.py [--size today] [--seed 1] [--timeout 1800] [--no-anchor] [--profile FILE]

1. generate the data with bench/gen_data.py (cached in .bench-data/ by size, seed and generator source);
2. `koryukai validate` on it (files/s);
3. a full build (`generator.build.build`, the function behind `koryukai build`), with its own stage timings;
4. one meeting title changed, built again (the time a contributor waits after one edit);
5. the anchor: Hugo (Debian's `hugo`) rendering one page per record from the same data, and
   Pagefind (the extended binary from this venv) indexing Hugo's output as ONE bundle;

and prints one table. Every step runs as a child process with a time limit (--timeout seconds):
a step that would take hours is stopped and reported as "not finished after N s", with the stage
it was in. Peak memory is the summed RSS of the child's whole process tree, polled from /proc.
The machine's load (/proc/loadavg) is printed with the figures: they mean little without it.

Exit status: 0 when every step finished and succeeded, 1 when one failed, 3 when one timed out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
CACHE = REPO / ".bench-data"
TODAY = "2026-11-26"  # the --today every build uses, and the one gen_data.py splits past from upcoming at
PAGE = os.sysconf("SC_PAGE_SIZE")


# --- measuring a child process ----------------------------------------------------------

@dataclass
class Step:
    name: str
    status: str = "skipped"  # ok | failed | timeout | skipped
    wall: float = 0.0
    cpu: float = 0.0  # user + system of the child and the descendants it waited for
    peak_rss: int = 0  # bytes, summed over the process tree at the worst moment
    peak_pss: int = 0  # the same in proportional set size (shared pages split between the processes)
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


SAMPLES: dict[str, list[tuple[float, int]]] = {}  # step name -> (seconds since its start, tree PSS) every poll


def _pss(pid: int) -> int:
    """Proportional set size: each page shared by n processes counts 1/n (forked workers share the parent's)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_memory(root: int, *, pss: bool = True) -> tuple[int, int]:
    """Summed resident memory (RSS, PSS) of `root` and all its descendants, from /proc.

    RSS counts a page once per process that maps it, so a build that forks workers over a large parent
    is counted several times over; PSS splits shared pages between their processes (what the machine spends)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total, pss_total, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE
        except OSError:
            pass
        if pss:
            pss_total += _pss(pid)
    return total, pss_total


def run_step(name: str, cmd: list[str], timeout: float, log_dir: Path, env: dict[str, str] | None = None,
             on_timeout: Any = None) -> tuple[Step, str, str]:
    """Run cmd with a time limit; return the step and its stdout and stderr."""
    step = Step(name)
    out_path, err_path = log_dir / f"{name}.out", log_dir / f"{name}.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=REPO, start_new_session=True)
        status, usage = None, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            polls = len(SAMPLES.setdefault(name, []))
            # PSS walks every page table (smaps_rollup): at nation size a poll cost ~0.1 s of CPU, so it is read
            # once a second and RSS (cheap) at every poll.
            rss, pss = _tree_memory(proc.pid, pss=polls % 5 == 0)
            step.peak_rss, step.peak_pss = max(step.peak_rss, rss), max(step.peak_pss, pss)
            SAMPLES[name].append((time.perf_counter() - started, pss))
            if time.perf_counter() - started > timeout:
                if on_timeout:
                    on_timeout(proc.pid)
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    _, status, usage = _wait(proc.pid, 10)
                except TimeoutError:
                    os.killpg(proc.pid, signal.SIGKILL)
                    _, status, usage = os.wait4(proc.pid, 0)
                step.status = "timeout"
                break
            time.sleep(0.2)
        step.wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4 above
        step.cpu = usage.ru_utime + usage.ru_stime if usage else 0.0
        # ru_maxrss is the largest single process; the tree sum can only be larger.
        step.peak_rss = max(step.peak_rss, (usage.ru_maxrss * 1024) if usage else 0)
    if step.status != "timeout":
        step.status = "ok" if proc.returncode == 0 else "failed"
        if step.status == "failed":
            step.note = f"exit {proc.returncode}"
    else:
        step.note = f"not finished after {timeout:.0f} s"
    return step, out_path.read_text(encoding="utf-8", errors="replace"), err_path.read_text(encoding="utf-8", errors="replace")


def _wait(pid: int, seconds: float) -> tuple[int, int, Any]:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        got = os.wait4(pid, os.WNOHANG)
        if got[0]:
            return got
        time.sleep(0.1)
    raise TimeoutError


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --- the build child -------------------------------------------------------------------------

def child_build(data: Path, out: Path, profile: str | None, clock: str = "wall") -> int:
    """Run inside the measured child: the same build() `koryukai build` calls, with stage events.

    Stage events ("BENCH stage NAME start|end SECONDS" on stderr) say where a build that
    runs out of time got to; SIGUSR1 dumps every thread's stack for the same reason.
    """
    import faulthandler
    import importlib

    faulthandler.register(signal.SIGUSR1, all_threads=True)
    t0 = time.perf_counter()

    def wrap(module_name: str, attr: str, label: str) -> None:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return
        original = getattr(module, attr, None)
        if original is None:
            return

        def timed(*args: Any, **kwargs: Any) -> Any:
            print(f"BENCH stage {label} start {time.perf_counter() - t0:.2f}", file=sys.stderr, flush=True)
            try:
                return original(*args, **kwargs)
            finally:
                print(f"BENCH stage {label} end {time.perf_counter() - t0:.2f}", file=sys.stderr, flush=True)

        setattr(module, attr, timed)

    from datetime import date

    from generator import build as build_module

    for module_name, attr, label in (
        ("generator.build", "load_dataset", "validate"), ("generator.build", "build_plan", "plan"),
        ("generator.render.site", "render_site", "render"), ("generator.index", "index_site", "index"),
        ("generator.privacy.built", "scan_site", "scan"), ("generator.build", "swap_in", "publish"),
    ):
        wrap(module_name, attr, label)

    def go() -> Any:
        return build_module.build(data, out, today=date.fromisoformat(TODAY), project_root=REPO)

    if profile:
        import cProfile
        # Wall time shows waiting (for Pagefind's process, for the disk); CPU time is steadier on a loaded machine.
        profiler = cProfile.Profile(time.process_time) if clock == "cpu" else cProfile.Profile()
        result = profiler.runcall(go)
        profiler.dump_stats(profile)
    else:
        result = go()
    summary = {
        "ok": bool(result.ok), "message": getattr(result, "message", ""), "pages": getattr(result, "pages", 0),
        "files": getattr(result, "files", 0), "bytes": getattr(result, "bytes", 0),
        "seconds": {k: round(v, 3) for k, v in (getattr(result, "seconds", {}) or {}).items()},
        "errors": [d.text() for d in result.diagnostics if getattr(d.severity, "value", d.severity) == "error"][:5]
        if not result.ok else [],
    }
    print("BENCH result " + json.dumps(summary, ensure_ascii=False), file=sys.stderr, flush=True)
    return 0 if result.ok else 1


def _stage_events(stderr: str) -> list[tuple[str, str, float]]:
    events = []
    for line in stderr.splitlines():
        if line.startswith("BENCH stage "):
            _, _, label, what, at = line.split()
            events.append((label, what, float(at)))
    return events


def _where(stderr: str, wall: float) -> str:
    """The stage a stopped build was in, and the generator frame its stack dump shows."""
    events = _stage_events(stderr)
    done = [f"{label} {at - start:.0f} s" for (label, what, at), start in _pairs(events)]
    open_ = [(label, at) for label, what, at in events if what == "start"
             and not any(lab == label and w == "end" and a >= at for lab, w, a in events)]
    frames = [line.strip() for line in stderr.splitlines() if 'File "' in line and "/generator/" in line]
    text = f"done: {', '.join(done) or 'nothing'}"
    if open_:
        label, at = open_[-1]
        text += f"; in {label} for {wall - at:.0f} s"
    if frames:
        text += f"; stack: {frames[0].replace(str(REPO) + '/', '')}"
    return text


def _pairs(events: list[tuple[str, str, float]]) -> list[tuple[tuple[str, str, float], float]]:
    """(end event, its start time) for every finished stage call."""
    starts: dict[str, float] = {}
    out = []
    for label, what, at in events:
        if what == "start":
            starts[label] = at
        elif label in starts:
            out.append(((label, what, at), starts.pop(label)))
    return out


def stage_peaks(events: list[tuple[str, str, float]], samples: list[tuple[float, int]]) -> dict[str, int]:
    """The largest tree PSS sampled while each stage ran (the child's clock starts a moment after ours)."""
    peaks: dict[str, int] = {}
    for (label, _what, end), start in _pairs(events):
        inside = [b for t, b in samples if start <= t <= end + 0.5]
        peaks[label] = max([peaks.get(label, 0), *inside])
    return peaks


def _result(stderr: str) -> dict[str, Any]:
    for line in stderr.splitlines():
        if line.startswith("BENCH result "):
            return json.loads(line[len("BENCH result "):])
    return {}


# --- data, output, anchor ---------------------------------------------------------------------

def source_hash() -> str:
    h = hashlib.sha256()
    for name in ("gen_data.py", "phrases.py"):
        h.update((BENCH / name).read_bytes())
    return h.hexdigest()[:10]


def ensure_data(size: str, seed: int, timeout: float, logs: Path) -> tuple[Path, Step]:
    folder = CACHE / f"{size}-s{seed}-{source_hash()}"
    data = folder / "data"
    restore_pending(data)
    if (data / ".koryukai-bench-data").is_file():
        return data, Step("generate", "ok", note="cached")
    step, _, err = run_step("generate", [sys.executable, str(BENCH / "gen_data.py"), str(data), "--size", size,
                                          "--seed", str(seed)], timeout, logs, env=child_env())
    if step.status != "ok":
        step.note += " " + err.strip().splitlines()[-1] if err.strip() else ""
    return data, step


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONHASHSEED"] = "0"
    return env


def tree_stats(root: Path) -> dict[str, Any]:
    files = pages = size = 0
    largest, largest_size = "", 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            p = os.path.join(dirpath, name)
            n = os.stat(p).st_size
            files += 1
            size += n
            if name.endswith(".html"):
                pages += 1
                if n > largest_size:
                    largest, largest_size = os.path.relpath(p, root), n
    return {"files": files, "pages": pages, "bytes": size, "largest": largest, "largest_bytes": largest_size}


PENDING = ".bench-changed-file"


def restore_pending(data: Path) -> None:
    """Undo a one-file change a killed run left behind, so the cache stays what gen_data wrote."""
    note = data / PENDING
    if note.is_file():
        rel, original = note.read_text(encoding="utf-8").split("\n", 1)
        (data / rel).write_text(original, encoding="utf-8")
        note.unlink()


def pick_meeting(data: Path) -> Path:
    """The first upcoming meeting (it shows on the most lists), else the first meeting."""
    meetings = sorted(data.glob("regions/*/institutions/*/meetings/*.yml"))
    upcoming = [m for m in meetings if m.stem[:10] >= TODAY]
    return (upcoming or meetings)[0]


HUGO_CONFIG = """baseURL = "/"
languageCode = "ja"
defaultContentLanguage = "ja"
title = "anchor"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_SINGLE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{ .Title }}</title></head>
<body><main{{ if .Params.region }} data-pagefind-body{{ end }}>
{{ with .Params.region }}<span hidden data-pagefind-filter="region">{{ . }}</span>{{ end }}
{{ with .Params.prefecture }}<span hidden data-pagefind-filter="prefecture">{{ . }}</span>{{ end }}
{{ with .Params.industry }}<span hidden data-pagefind-filter="industry">{{ . }}</span>{{ end }}
{{ range .Params.categories }}<span hidden data-pagefind-filter="category">{{ . }}</span>{{ end }}
<h1>{{ .Title }}</h1>
{{ .Content }}
</main></body></html>
"""
HUGO_HOME = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><p>{{ len .Site.RegularPages }}</p></body></html>
"""
_TITLE_FIELD = {"region": "name", "institution": "name", "meeting": "title", "challenge": "title", "veteran": "headline"}
_TEXT_FIELDS = ("description", "about", "support_wanted", "career", "availability", "status_note")


def make_hugo_site(data: Path, site: Path) -> int:
    """A minimal Hugo site with one page per record, its text as the body. Returns the page count."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    # Regions and institutions are branch bundles (_index.md: the records below them stay pages),
    # rendered by the list template; it prints the record like any other page.
    (site / "layouts" / "_default" / "list.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (site / "layouts" / "index.html").write_text(HUGO_HOME, encoding="utf-8")
    count = 0
    for path in sorted((data / "regions").rglob("*.yml")):
        rel = path.relative_to(data)
        kind = {"region.yml": "region", "institution.yml": "institution"}.get(path.name) or path.parent.name[:-1]
        if kind not in _TITLE_FIELD:
            continue
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
        if kind in ("challenge", "veteran") and not record.get("consent_date"):
            continue  # unpublished, as in the real build
        front = {"title": str(record.get(_TITLE_FIELD[kind], path.stem)), "region": rel.parts[1],
                 "prefecture": record.get("prefecture") or (record.get("venue") or {}).get("prefecture"),
                 "industry": record.get("industry"), "categories": record.get("categories") or record.get("expertise")}
        body = [str(record[f]) for f in _TEXT_FIELDS if record.get(f)]
        facts = [f"{k}: {'、'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in record.items()
                 if k not in _TEXT_FIELDS and not isinstance(v, dict) and k != _TITLE_FIELD[kind]]
        name = "_index.md" if kind in ("region", "institution") else path.stem + ".md"
        target = site / "content" / rel.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({k: v for k, v in front.items() if v}, ensure_ascii=False, default=str)
        target.write_text(text + "\n\n" + "\n\n".join(body) + "\n\n" + "  \n".join(facts) + "\n", encoding="utf-8")
        count += 1
    return count


# --- the table -----------------------------------------------------------------------------------

def mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def secs(step: Step) -> str:
    if step.status == "skipped":
        return "–" + (f" ({step.note})" if step.note else "")
    if step.status == "timeout":
        return f"not finished after {step.wall:.0f} s"
    text = f"{step.wall:.1f} s"
    if step.status == "failed":
        text += f" FAILED ({step.note})"
    return text


def table(report: dict[str, Any]) -> str:
    s = {k: Step(**v) for k, v in report["steps"].items()}
    counts, out, anchor = report["counts"], report.get("output", {}), report.get("anchor_output", {})
    build = s["build"]
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in report.get("stages", {}).items()) or build.note or "–"
    hugo, pagefind = s["hugo"], s["pagefind"]
    anchor_total = hugo.wall + pagefind.wall if hugo.status == pagefind.status == "ok" else None
    rows = [
        ("size / seed", f"{report['size']} / {report['seed']}", ""),
        ("records (files)", f"{counts['total']:,}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items() if k != "total"),
         f"{report.get('anchor_pages', 0):,} content pages (published records)"),
        ("load before → after", f"{report['load_before']} → {report['load_after']}", "(1/5/15-min load average, 2 cores)"),
        ("generate", "cached" if s["generate"].note == "cached" else secs(s["generate"]), ""),
        ("validate", f"{secs(s['validate'])}, CPU {s['validate'].cpu:.1f} s, peak {mb(s['validate'].peak_rss)}",
         ""),
        ("validate files/s", f"{counts['total'] / s['validate'].wall:,.0f}" if s["validate"].status == "ok" else "–", ""),
        ("full build (search included)", secs(build) + (f", CPU {build.cpu:.1f} s" if build.status != "skipped" else ""), f"{anchor_total:.1f} s (Hugo + Pagefind)" if anchor_total else "–"),
        ("time per stage", stages, f"Hugo {secs(hugo)}, Pagefind {secs(pagefind)}"),
        ("build ÷ anchor", f"{build.wall / anchor_total:.1f}×" if anchor_total and build.status == "ok" else "–", ""),
        ("peak memory (process tree RSS)", mb(build.peak_rss) if build.status != "skipped" else "–",
         f"Hugo {mb(hugo.peak_rss)}, Pagefind {mb(pagefind.peak_rss)}"),
        ("peak memory (process tree PSS, shared pages once)", mb(build.peak_pss) if build.status != "skipped" else "–",
         f"Hugo {mb(hugo.peak_pss)}, Pagefind {mb(pagefind.peak_pss)}"),
        ("peak PSS per stage", ", ".join(f"{k} {mb(v)}" for k, v in report.get("stage_peaks", {}).items()) or "–", ""),
        ("pages (.html)", f"{out.get('pages', 0):,}" if out else "–", f"{anchor.get('pages', 0):,}" if anchor else "–"),
        ("files", f"{out.get('files', 0):,}" if out else "–", f"{anchor.get('files', 0):,}" if anchor else "–"),
        ("output bytes", mb(out.get("bytes", 0)) if out else "–", mb(anchor.get("bytes", 0)) if anchor else "–"),
        ("search files / bytes", f"{out.get('search_files', 0):,} / {mb(out.get('search_bytes', 0))}" if out else "–",
         f"{anchor.get('search_files', 0):,} / {mb(anchor.get('search_bytes', 0))}" if anchor else "–"),
        ("largest page", f"{out.get('largest', '')} {out.get('largest_bytes', 0) / 1000:,.0f} kB" if out else "–",
         f"{anchor.get('largest', '')} {anchor.get('largest_bytes', 0) / 1000:,.0f} kB" if anchor else "–"),
        ("rebuild after one meeting title change", secs(s["change"]) + (
            f", CPU {s['change'].cpu:.1f} s; " + ", ".join(f"{k} {v:.1f} s" for k, v in report.get("change_stages", {}).items())
            if s["change"].status == "ok" else ""), ""),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    head = ("measure", "koryukai", "anchor: Hugo + one Pagefind index")
    lines = [f"| {head[0]} | {head[1]} | {head[2]} |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    del widths
    notes = [f"- {name}: {st.note}" for name, st in s.items() if st.note and st.status in ("failed", "timeout")]
    return "\n".join(lines + notes)


def search_stats(root: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, _, names in os.walk(root):
        if "pagefind" in Path(dirpath).parts:
            for name in names:
                files += 1
                size += os.stat(os.path.join(dirpath, name)).st_size
    return files, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ベンチマーク: 生成 → 検査 → 全体生成 → 1ファイル変更 → Hugo + Pagefind と比較")
    parser.add_argument("--size", default="today", choices=("today", "tenth", "nation"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="time limit of each step, seconds (default 1800)")
    parser.add_argument("--no-anchor", action="store_true", help="skip Hugo + Pagefind")
    parser.add_argument("--no-change", action="store_true", help="skip the rebuild after one changed file")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the full build into FILE (slower; for finding costs)")
    parser.add_argument("--profile-clock", choices=("wall", "cpu"), default="wall",
                        help="what --profile measures: wall time (default) or this process's CPU time")
    parser.add_argument("--child-build", nargs=2, metavar=("DATA", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_build:
        return child_build(Path(args.child_build[0]), Path(args.child_build[1]), args.profile, args.profile_clock)

    report: dict[str, Any] = {"size": args.size, "seed": args.seed, "timeout": args.timeout, "load_before": loadavg(),
                              "started": datetime.now(UTC).isoformat(timespec="seconds"),
                              "cpus": os.cpu_count()}
    steps: dict[str, Step] = {n: Step(n) for n in ("generate", "validate", "build", "change", "hugo", "pagefind")}
    CACHE.mkdir(exist_ok=True)
    data, steps["generate"] = ensure_data(args.size, args.seed, args.timeout, CACHE)
    work = data.parent / "run"
    shutil.rmtree(work, ignore_errors=True)
    logs = work / "logs"
    logs.mkdir(parents=True)
    print(f"data: {data} ({steps['generate'].note or secs(steps['generate'])})", file=sys.stderr)
    files = sorted((data / "regions").rglob("*.yml"))
    kinds = {"region": 0, "institution": 0, "meeting": 0, "challenge": 0, "veteran": 0}
    for p in files:
        kinds[{"region.yml": "region", "institution.yml": "institution"}.get(p.name) or p.parent.name[:-1]] += 1
    report["counts"] = {**kinds, "total": len(files)}
    env = child_env()
    py = sys.executable

    if steps["generate"].status == "ok":
        print("validate …", file=sys.stderr)
        steps["validate"], vout, err = run_step("validate", [py, "-m", "generator", "validate", str(data)], args.timeout, logs, env)
        if steps["validate"].status == "failed":
            first_error = next((line for line in vout.splitlines() if " error " in line), "")
            steps["validate"].note += ": " + (err.strip().splitlines() or [""])[-1] + (f" — {first_error}" if first_error else "")

    out = work / "build" / "site"
    if steps["validate"].status == "ok":
        print(f"build (time limit {args.timeout:.0f} s) …", file=sys.stderr)
        cmd = [py, str(BENCH / "run.py"), "--child-build", str(data), str(out)]
        if args.profile:
            cmd += ["--profile", str(Path(args.profile).resolve()), "--profile-clock", args.profile_clock]
        steps["build"], _, err = run_step("build", cmd, args.timeout, logs, env,
                                          on_timeout=lambda pid: (os.kill(pid, signal.SIGUSR1), time.sleep(2)))
        result = _result(err)
        report["stages"] = result.get("seconds", {})
        report["stage_peaks"] = stage_peaks(_stage_events(err), SAMPLES.get("build", []))
        if steps["build"].status == "timeout":
            steps["build"].note += "; " + _where(err, steps["build"].wall)
            written = sum(1 for _ in (work / "build").rglob("*.html"))
            steps["build"].note += f"; {written:,} .html files written so far"
        elif steps["build"].status == "failed":
            steps["build"].note += ": " + (result.get("message") or (err.strip().splitlines() or [""])[-1])
            report["errors"] = result.get("errors", [])
        else:
            report["output"] = tree_stats(out)
            report["output"]["search_files"], report["output"]["search_bytes"] = search_stats(out)
            report["output"]["plan_pages"] = result.get("pages")

    if steps["build"].status == "ok" and not args.no_change:
        meeting = pick_meeting(data)
        original = meeting.read_text(encoding="utf-8")
        changed = original.replace("\ntitle: ", "\ntitle: 【会場変更】", 1)
        rel = meeting.relative_to(data).as_posix()
        (data / PENDING).write_text(rel + "\n" + original, encoding="utf-8")
        try:
            meeting.write_text(changed, encoding="utf-8")
            print(f"rebuild after changing the title in {rel} …", file=sys.stderr)
            steps["change"], _, err = run_step("change", [py, str(BENCH / "run.py"), "--child-build", str(data), str(out)],
                                               args.timeout, logs, env,
                                               on_timeout=lambda pid: (os.kill(pid, signal.SIGUSR1), time.sleep(2)))
            report["change_stages"] = _result(err).get("seconds", {})
            if steps["change"].status == "ok":
                page = out / rel.replace("regions/", "", 1).replace("institutions/", "", 1).removesuffix(".yml") / "index.html"
                seen = page.is_file() and "【会場変更】" in page.read_text(encoding="utf-8")
                steps["change"].note = f"{rel}: new title {'on' if seen else 'NOT FOUND on'} {page.relative_to(out)}"
                if not seen:
                    steps["change"].status = "failed"
            elif steps["change"].status == "timeout":
                steps["change"].note += "; " + _where(err, steps["change"].wall)
        finally:
            restore_pending(data)
    elif steps["build"].status != "ok":
        steps["change"].note = "full build did not finish"

    if not args.no_anchor:
        hugo_bin = shutil.which("hugo")
        if hugo_bin is None:
            steps["hugo"].note = "hugo not installed (apt-get install hugo)"
        else:
            print("anchor: Hugo + Pagefind …", file=sys.stderr)
            src, public = work / "hugo", work / "hugo-public"
            report["anchor_pages"] = make_hugo_site(data, src)
            version = subprocess.run([hugo_bin, "version"], capture_output=True, text=True).stdout.split()[1:2]
            report["hugo_version"] = " ".join(version)
            steps["hugo"], _, err = run_step("hugo", [hugo_bin, "--quiet", "--source", str(src), "--destination", str(public)],
                                             args.timeout, logs, env)
            if steps["hugo"].status == "failed":
                steps["hugo"].note += ": " + (err.strip().splitlines() or [""])[-1]
            if steps["hugo"].status == "ok":
                steps["pagefind"], _, err = run_step("pagefind", [py, "-m", "pagefind", "--site", str(public)],
                                                     args.timeout, logs, env)
                if steps["pagefind"].status == "failed":
                    steps["pagefind"].note += ": " + (err.strip().splitlines() or [""])[-1]
                report["anchor_output"] = tree_stats(public)
                report["anchor_output"]["search_files"], report["anchor_output"]["search_bytes"] = search_stats(public)

    report["load_after"] = loadavg()
    report["steps"] = {k: asdict(v) for k, v in steps.items()}
    text = table(report)
    print(text)
    results = CACHE / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (results / f"{args.size}-s{args.seed}-{stamp}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1),
                                                                  encoding="utf-8")
    (results / f"{args.size}-s{args.seed}-{stamp}.md").write_text(text + "\n", encoding="utf-8")
    statuses = [st.status for name, st in steps.items() if not (name in ("hugo", "pagefind") and st.status == "skipped")]
    if "failed" in statuses:
        return 1
    if "timeout" in statuses:
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
