"""Build speed, scaling, memory and page weight of the site, in one run, as figures and ratios.

    python benchmarks/run.py [--repeat 3] [--project PATH] [--skip-serve] [--skip-weight] [--only-serve]

(a) the site's build against a bare Material + mkdocs-static-i18n project with the same pages and text and no
    macros (generated in a temp folder): the stack's own cost; both the publishing command (`python -m
    macros.build`, languages in parallel) and plain `mkdocs build` (languages one after another);
(b) the site with ten times the data (generated regions, challenge areas and events, in a temp copy) against the
    real one: the cost must grow no faster than the number of pages;
(c) peak memory (resident, all processes of a build together);
(d) how long `mkdocs serve` takes to show a one-line edit in data/ and in a page (--only-serve: this alone);
(e) the compressed (gzip) weight of the home page and a region page in each language with everything the browser
    loads for it (Debian's chromium through Playwright), and the size of each language's search index.

Wall times are medians of --repeat runs; CPU is user + system time of every process of a build (less sensitive to
other load on the machine than wall time). Nothing here is a test: the test suite times nothing.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "en", "zh")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
COPY_IGNORE = shutil.ignore_patterns(".git", "site", ".site*", "__pycache__", ".pytest_cache", "benchmarks")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to measure (default: this one)")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-weight", action="store_true")
    parser.add_argument("--only-serve", action="store_true", help="measure (d) alone")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    work = Path(tempfile.mkdtemp(prefix="i2pcc-bench-"))
    try:
        project = work / "project"
        shutil.copytree(args.project, project, ignore=COPY_IGNORE)
        parallel = (project / "macros" / "build.py").exists()
        print(f"# I²PCC build benchmark ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})\n")
        if args.only_serve:
            print_serve(project, args.repeat)
            return 0

        site = work / "site"
        first = publish_command(site) if parallel else mkdocs_build(site)
        subprocess.run(first, cwd=project, env=ENV, check=True, stdout=subprocess.DEVNULL)  # also fills the caches
        pages = count_pages(site)
        bare = make_bare_project(site, work / "bare")

        commands = {"bare Material + i18n, mkdocs build": (mkdocs_build(work / "bare-site"), bare)}
        if parallel:
            commands["python -m macros.build (parallel)"] = (publish_command(site), project)
        commands["mkdocs build (sequential)"] = (mkdocs_build(site), project)
        # As a fresh clone builds (CI): nothing kept from an earlier build. Last in each round, as it fills the cache
        # again for the others.
        first_build = publish_command(site) if parallel else mkdocs_build(site)
        commands["the same, with an empty .cache (first build)"] = (
            ["sh", "-c", 'rm -rf .cache && exec "$@"', "sh", *first_build], project)
        runs = measure_interleaved(commands, args.repeat)
        bare_run = runs.pop("bare Material + i18n, mkdocs build")
        builds = runs
        print(f"## (a) the site against the bare stack ({pages} pages, same text, no macros)\n")
        print("(each round runs every build once, one after another, so that a change in the machine's load weighs on "
              "all of them alike)\n")
        table([("bare Material + i18n, mkdocs build", bare_run)] + list(builds.items()), bare_run)

        big = work / "big"
        shutil.copytree(project, big)
        multiply_data(big, 10)
        big_site = work / "big-site"
        command = publish_command if parallel else mkdocs_build
        real_run = next(iter(builds.values()))
        big_run = measure(command(big_site), big, args.repeat)
        big_pages = count_pages(big_site)
        print(f"\n## (b) ten times the data ({pages} → {big_pages} pages)\n")
        table([("real data", real_run), ("10× data", big_run)], real_run)
        print(f"\nwall time per page: {1000 * real_run['wall'] / pages:.0f} ms → "
              f"{1000 * big_run['wall'] / big_pages:.0f} ms "
              f"(time ×{big_run['wall'] / real_run['wall']:.2f} for pages ×{big_pages / pages:.2f}; "
              f"CPU ×{big_run['cpu'] / real_run['cpu']:.2f})")

        print("\n## (c) peak memory (resident, all processes of one build)\n")
        for name, run in [*builds.items(), ("bare stack", bare_run), ("10× data", big_run)]:
            print(f"- {name}: {run['rss_mb']:.0f} MB")

        if not args.skip_serve:
            print_serve(project, args.repeat)

        if not args.skip_weight:
            print("\n## (e) transferred weight, gzip, with everything the page loads\n")
            print("| page | nl | en | zh |\n|---|--:|--:|--:|")
            for page in ("", "regions/hebei/"):
                weights = [page_weight(site, lang, page) for lang in LANGUAGES]
                print(f"| /{page or ''} (home)" if not page else f"| {page}", end="")
                print("".join(f" | {w / 1024:.0f} KB" for w in weights) + " |")
            sizes = []
            for lang in LANGUAGES:
                index = (site / ("" if lang == "nl" else f"{lang}/") / "search" / "search_index.json").read_bytes()
                sizes.append(f"{len(index) / 1024:.0f} KB ({len(gzip.compress(index)) / 1024:.0f} KB gz)")
            print(f"| search index | {' | '.join(sizes)} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def publish_command(site: Path) -> list[str]:
    return [sys.executable, "-m", "macros.build", "--site-dir", str(site)]


def mkdocs_build(site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]


def measure(command: list[str], cwd: Path, repeat: int) -> dict:
    return measure_interleaved({"": (command, cwd)}, repeat)[""]


def measure_interleaved(commands: dict[str, tuple[list[str], Path]], repeat: int) -> dict[str, dict]:
    """Per command: median wall and CPU seconds and the peak resident memory of all its processes together."""
    samples = {name: {"wall": [], "cpu": [], "rss_mb": []} for name in commands}
    for _ in range(repeat):
        for name, (command, cwd) in commands.items():
            before = os.times()
            started = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            sampler = _TreeMemory(process.pid)
            output = process.communicate()[0]
            samples[name]["wall"].append(time.perf_counter() - started)
            sampler.stop()
            after = os.times()
            samples[name]["cpu"].append(after.children_user - before.children_user + after.children_system
                                        - before.children_system)
            samples[name]["rss_mb"].append(sampler.peak_kb / 1024)
            if process.returncode != 0:
                raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{output.decode()[-3000:]}")
    return {name: {"wall": statistics.median(s["wall"]), "cpu": statistics.median(s["cpu"]), "rss_mb": max(s["rss_mb"])}
            for name, s in samples.items()}


class _TreeMemory:
    """Samples the summed resident memory of a process and its descendants (Linux /proc)."""

    def __init__(self, pid: int):
        self.pid, self.peak_kb, self._running = pid, 0, True
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self):
        self._running = False
        self._thread.join()

    def _run(self):
        while self._running:
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(pid) for pid in _tree(self.pid)))
            time.sleep(0.05)


def _tree(root: int) -> list[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def table(rows, reference):
    print("| build | wall s | CPU s | wall ratio | CPU ratio |\n|---|--:|--:|--:|--:|")
    for name, run in rows:
        print(f"| {name} | {run['wall']:.1f} | {run['cpu']:.1f} | {run['wall'] / reference['wall']:.2f} "
              f"| {run['cpu'] / reference['cpu']:.2f} |")


def count_pages(site: Path) -> int:
    return sum(1 for path in site.rglob("index.html"))


def make_bare_project(site: Path, bare: Path) -> Path:
    """A Material + i18n project with, for every page of the built site, a Markdown page of the same text."""
    for path in site.rglob("index.html"):
        relative = path.parent.relative_to(site).as_posix()
        lang = relative.split("/")[0] if relative.split("/")[0] in ("en", "zh") else "nl"
        inner = relative[len(lang):].lstrip("/") if lang != "nl" else ("" if relative == "." else relative)
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        paragraphs = [line.strip() for line in article.get_text("\n").splitlines() if line.strip()]
        title, body = paragraphs[0], paragraphs[1:]
        target = bare / "docs" / lang / (f"{inner}/index.md" if inner else "index.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {title}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    config = {
        "site_name": "bare", "site_url": "http://127.0.0.1:8000/",
        "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": [
            {"locale": lang, "name": lang, "default": lang == "nl", "build": True} for lang in LANGUAGES]}}],
    }
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return bare


def multiply_data(project: Path, factor: int):
    """Regions, challenge areas and events × factor: copies with new ids (and names), then their page files."""
    data = project / "data"
    renames = {}
    for file, key in (("regions.yml", "regions"), ("challenges.yml", "challenges")):
        content = yaml.safe_load((data / file).read_text(encoding="utf-8"))
        originals = list(content[key])
        for n in range(2, factor + 1):
            for item in originals:
                twin = copy.deepcopy(item)
                twin["id"] = f"{item['id']}-{n}"
                renames.setdefault(key, {}).setdefault(item["id"], []).append(twin["id"])
                for field in ("name", "short_name"):
                    if field in twin:
                        twin[field] = {lang: f"{text} {n}" for lang, text in twin[field].items()}
                content[key].append(twin)
        (data / file).write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    events = yaml.safe_load((data / "events.yml").read_text(encoding="utf-8"))
    originals = list(events["events"])
    for n in range(2, factor + 1):
        for event in originals:
            twin = copy.deepcopy(event)
            twin["id"] = f"{event['id']}-{n}"
            twin["title"] = {lang: f"{text} {n}" for lang, text in twin["title"].items()}
            for key in ("regions", "challenges"):
                if key in twin:
                    twin[key] = [renames[key][ref][n - 2] for ref in twin[key]]
            events["events"].append(twin)
    (data / "events.yml").write_text(yaml.safe_dump(events, allow_unicode=True, sort_keys=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "macros.stubs"], cwd=project, env=ENV, check=True, stdout=subprocess.DEVNULL)


def print_serve(project: Path, repeat: int):
    print("\n## (d) mkdocs serve: a one-line edit until the page shows it\n")
    for name, runs in serve_rebuild_seconds(project, repeat).items():
        print(f"- edit in {name}: {statistics.median(runs):.1f} s (runs: {', '.join(f'{s:.1f}' for s in runs)}; "
              f"load {os.getloadavg()[0]:.1f})")


def serve_rebuild_seconds(project: Path, repeat: int) -> dict[str, list[float]]:
    """Seconds from a one-line edit until `mkdocs serve` serves the changed page: edits of data/regions.yml and
    edits of the page itself (docs/nl/regions/hebei.md), each timed while the page is the one being looked at."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/regions/hebei/"
    overview = f"http://127.0.0.1:{port}/regions/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              env={**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Each edit adds a new mark, so that every run waits for a text the page did not show before.
    edits = {
        "data/": (project / "data" / "regions.yml", "nl: Provincie Hebei", "nl: Provincie Hebei {mark}"),
        "page": (project / "docs" / "nl" / "regions" / "hebei.md", "\n", "\n{mark}\n"),
    }
    seconds = {}
    try:
        _wait_for(url, "Provincie Hebei")
        for name, (path, old, new) in edits.items():
            original = path.read_text(encoding="utf-8")
            for run in range(repeat):
                # Each edit starts from a server at rest: another page answers once the whole rebuild is done (the
                # page looked at is shown before the rest is rebuilt); then the page is looked at again.
                urllib.request.urlopen(overview, timeout=180).read()
                urllib.request.urlopen(url, timeout=180).read()
                time.sleep(1)
                mark = f"BENCH-{name.strip('/').upper()}-{run}"
                path.write_text(original.replace(old, new.format(mark=mark), 1), encoding="utf-8")
                started = time.perf_counter()
                _wait_for(url, mark)
                seconds.setdefault(name, []).append(time.perf_counter() - started)
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(url: str, text: str, seconds: float = 180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{text!r} never appeared at {url}")


def page_weight(site: Path, lang: str, page: str) -> int:
    """Bytes, gzip-compressed, of a page and every file of the site the browser loads for it."""
    import functools
    import http.server

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    loaded = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu",
                                                       "--disable-background-networking"])
            tab = browser.new_page()
            tab.on("requestfinished", lambda request: loaded.append(request.url))
            tab.goto(base + ("" if lang == "nl" else f"{lang}/") + page, wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    files = {site / urllib.request.url2pathname(url[len(base):].split("?")[0]) for url in loaded if url.startswith(base)}
    files = {path / "index.html" if path.is_dir() else path for path in files}
    return sum(len(gzip.compress(path.read_bytes(), compresslevel=6)) for path in files if path.is_file())


if __name__ == "__main__":
    sys.exit(main())
