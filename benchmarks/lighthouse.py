"""Lighthouse scores (mobile) of the three home pages, over a fresh build served by deploy/nginx.conf.

    python benchmarks/lighthouse.py [--runs 3] [--keep-json DIR] [--cpu-time]

Builds the site into a temp folder for http://127.0.0.1:<port>/, serves it with Debian's nginx and the project's
own nginx.conf (so compression and cache headers are the published ones), runs Lighthouse 12 from the npm
registry through `npx` (not in package.json: nothing in the test suite needs it) with Debian's chromium, and prints
performance, accessibility, best practices and SEO per page (each the median of --runs runs), the machine's load
average during the runs, then the failing audits of any category under 100 in the median run. Lighthouse's mobile
preset simulates a mid-range phone on a slow 4G network, but it times the page's scripts, styles and layout on this
machine's CPU (four times as long, for a phone): on a busy shared machine each task lasts two to seven times its CPU
time, and performance moves by ten points or more between runs, hence the median.

--cpu-time also prints what Lighthouse makes of the same page loads with each task of the page's main thread
lasting its CPU time instead (the trace's thread time), as it would on an unloaded machine: Lighthouse audits again
a copy of each run's saved trace. A figure to compare changes with on a shared machine, not Lighthouse's own.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script from anywhere: the project's own deploy/ package is imported from its folder.
sys.path.insert(0, str(ROOT))
from deploy import local_nginx  # noqa: E402
PAGES = ("", "en/", "zh/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = "lighthouse@12"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(site: Path, url: str) -> None:
    env = dict(os.environ, SITE_URL=url, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "macros.build", "--site-dir", str(site)], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def serve(site: Path, port: int, prefix: Path) -> subprocess.Popen:
    server = subprocess.Popen(local_nginx.prepare(prefix, site, port))
    deadline = time.monotonic() + 10
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            return server
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise SystemExit("nginx did not answer: " + (prefix / "error.log").read_text(encoding="utf-8"))
            time.sleep(0.1)


def _lighthouse_command(*arguments: str) -> list[str]:
    return ["npx", "--yes", LIGHTHOUSE, *arguments, "--only-categories=" + ",".join(CATEGORIES), "--output=json",
            "--quiet"]


def lighthouse(url: str, out: Path, artifacts: Path | None = None) -> dict:
    """One run; with `artifacts`, the page load Lighthouse recorded is kept there too (for cpu_time_report)."""
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH") or shutil.which("chromium") or "chromium")
    command = _lighthouse_command(url, f"--chrome-flags={CHROME_FLAGS}", f"--output-path={out}",
                                  *([f"-GA={artifacts}"] if artifacts else []))
    # On a busy machine Lighthouse now and then loses the page load's trace (NO_NAVSTART): one more try.
    if subprocess.run(command, env=env).returncode:
        subprocess.run(command, env=env, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def cpu_time_report(artifacts: Path, out: Path) -> dict:
    """Lighthouse's report of a copy of a recorded page load in which each task of the page's main thread lasts its
    CPU time (and the events inside it shrink with it). Lighthouse simulates the phone from these durations."""
    copy = artifacts.with_name(artifacts.name + "-cpu-time")
    shutil.copytree(artifacts, copy, dirs_exist_ok=True)
    trace_file = copy / "defaultPass.trace.json"
    trace = json.loads(trace_file.read_text(encoding="utf-8"))
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    # The page's main thread: the one that parsed its HTML.
    main = collections.Counter((e.get("pid"), e.get("tid")) for e in events
                               if e.get("name") == "ParseHTML").most_common(1)[0][0]
    on_main = sorted((e for e in events if (e.get("pid"), e.get("tid")) == main and e.get("ph") == "X"
                      and "dur" in e), key=lambda e: e["ts"])
    tasks = [e for e in on_main if e["name"] == "RunTask" and e["dur"] > 0 and "tdur" in e]
    inner = [e for e in on_main if e["name"] != "RunTask"]
    i = 0
    for task in tasks:
        ratio, start, end = min(1.0, task["tdur"] / task["dur"]), task["ts"], task["ts"] + task["dur"]
        while i < len(inner) and inner[i]["ts"] < start:
            i += 1
        while i < len(inner) and inner[i]["ts"] < end:
            inner[i]["ts"] = start + (inner[i]["ts"] - start) * ratio
            inner[i]["dur"] *= ratio
            i += 1
        task["dur"] *= ratio
    trace_file.write_text(json.dumps(trace), encoding="utf-8")
    subprocess.run(_lighthouse_command(f"-A={copy}", f"--output-path={out}"), check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def failing(report: dict, category: str) -> list[str]:
    audits = report["audits"]
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            value = audit.get("displayValue") or ""
            found.append(f"{ref['id']} ({audit['score']:.2f}{', ' + value if value else ''})")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median counts (default 3)")
    parser.add_argument("--keep-json", type=Path, help="write each page's Lighthouse report here")
    parser.add_argument("--cpu-time", action="store_true",
                        help="also score each run with the page's tasks at their CPU time (see above)")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site, prefix = tmp / "site", tmp / "nginx"
        prefix.mkdir()
        build(site, base)
        server = serve(site, port, prefix)
        try:
            rows, cpu_rows = [], []
            for page in PAGES:
                name = page.strip("/") or "nl"
                reports, cpu_reports, loads = [], [], []
                for run in range(args.runs):
                    out = (args.keep_json or tmp) / f"lighthouse-{name}-{run + 1}.json"
                    out.parent.mkdir(parents=True, exist_ok=True)
                    loads.append(os.getloadavg()[0])
                    artifacts = tmp / f"artifacts-{name}-{run + 1}" if args.cpu_time else None
                    reports.append(lighthouse(base + page, out, artifacts))
                    if artifacts:
                        cpu_reports.append(cpu_time_report(artifacts, out.with_name(out.stem + "-cpu-time.json")))
                rows.append(_row("/" + page, reports, loads))
                if cpu_reports:
                    cpu_rows.append(_row("/" + page, cpu_reports, loads))
        finally:
            server.terminate()
            server.wait()
    _print(rows)
    if cpu_rows:
        print("\nThe same runs with each task of the page's main thread at its CPU time (an unloaded machine):")
        _print(cpu_rows)


def _row(page: str, reports: list[dict], loads: list[float]) -> tuple:
    # The run with the median performance stands for the page; the other categories hardly move.
    reports = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])
    report = reports[len(reports) // 2]
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    spread = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
    return page, scores, spread, loads, {c: failing(report, c) for c in CATEGORIES if scores[c] < 100}


def _print(rows: list[tuple]) -> None:
    print(f"{'page':6}" + "".join(f"{c:>16}" for c in CATEGORIES) + "  performance of each run, load average")
    for page, scores, spread, loads, _ in rows:
        print(f"{page:6}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES) + "  " + " ".join(map(str, spread))
              + f"  (load {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores)")
    for page, _, _, _, failures in rows:
        for category, items in failures.items():
            print(f"{page} {category}: " + "; ".join(items))


if __name__ == "__main__":
    main()
