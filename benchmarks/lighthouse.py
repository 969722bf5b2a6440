"""Lighthouse scores (mobile) of the three home pages, over a fresh build served by deploy/nginx.conf.

    python benchmarks/lighthouse.py [--runs 3] [--keep-json DIR]

Builds the site into a temp folder for http://127.0.0.1:<port>/, serves it with Debian's nginx and the project's
own nginx.conf (so compression and cache headers are the published ones), runs Lighthouse 12 from the npm
registry through `npx` (not in package.json: nothing in the test suite needs it) with Debian's chromium, and prints
performance, accessibility, best practices and SEO per page (each the median of --runs runs), then the failing
audits of any category under 100 in the median run. Lighthouse's mobile preset simulates a mid-range phone on a slow
4G network, but its blocking time is measured on this machine's CPU: on a busy shared machine performance moves by
ten points or more between runs, hence the median.
"""

from __future__ import annotations

import argparse
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


def lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH") or shutil.which("chromium") or "chromium")
    command = ["npx", "--yes", LIGHTHOUSE, url, f"--chrome-flags={CHROME_FLAGS}",
               "--only-categories=" + ",".join(CATEGORIES), "--output=json", f"--output-path={out}", "--quiet"]
    # On a busy machine Lighthouse now and then loses the page load's trace (NO_NAVSTART): one more try.
    if subprocess.run(command, env=env).returncode:
        subprocess.run(command, env=env, check=True)
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
            rows = []
            for page in PAGES:
                name = page.strip("/") or "nl"
                reports = []
                for run in range(args.runs):
                    out = (args.keep_json or tmp) / f"lighthouse-{name}-{run + 1}.json"
                    out.parent.mkdir(parents=True, exist_ok=True)
                    reports.append(lighthouse(base + page, out))
                # The run with the median performance stands for the page; the other categories hardly move.
                reports.sort(key=lambda r: r["categories"]["performance"]["score"])
                report = reports[len(reports) // 2]
                scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
                spread = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
                rows.append(("/" + page, scores, spread,
                             {c: failing(report, c) for c in CATEGORIES if scores[c] < 100}))
        finally:
            server.terminate()
            server.wait()
    print(f"{'page':6}" + "".join(f"{c:>16}" for c in CATEGORIES) + "  performance of each run")
    for page, scores, spread, _ in rows:
        print(f"{page:6}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES) + "  " + " ".join(map(str, spread)))
    for page, _, _, failures in rows:
        for category, items in failures.items():
            print(f"{page} {category}: " + "; ".join(items))


if __name__ == "__main__":
    main()
