"""Shared fixtures: the real site, built once per test session, and helpers to read it."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from deploy import local_nginx

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "en", "zh")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The site is built for the address the tests serve it on, so its absolute links stay on this origin. The pytest-xdist
# workers of one run share it (pytest_configure hands it to them), and with it one build of the site.
_PORT_ENV = "I2PCC_TEST_PORT"
SITE_URL = f"http://127.0.0.1:{os.environ.get(_PORT_ENV) or _free_port()}/"


def pytest_configure(config):
    # In the controlling process, before it starts the workers, which inherit its environment.
    os.environ[_PORT_ENV] = SITE_URL.rstrip("/").rsplit(":", 1)[1]


# Every test build is dated, so that no test depends on the day it runs (what is "upcoming", the .ics DTSTAMP).
BUILD_EPOCH = "1795392000"  # 2026-11-23 00:00 UTC


def build_site(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Build as the README says to build for publication: the languages in parallel, always strict."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH,
           **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "macros.build", "--site-dir", str(site_dir)],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300,
    )


# Test tiers (pytest.ini): a test without a tier of its own gets one from the fixtures it uses.
TIERS = ("unit", "build", "browser", "nginx")
_BROWSER_FIXTURES = {"browser", "served_site", "axe_violations"}
# The session's site, a copy of the sources, and the test files' own builds (test_calendar's dated builds,
# test_page_errors' builds with a mistake, test_editing's edited copy, test_serve's mkdocs serve).
_BUILD_FIXTURES = {"site", "project_copy", "fixture_sites", "builds", "edited", "serve_session"}


def pytest_collection_modifyitems(items):
    for item in items:
        if any(item.get_closest_marker(tier) for tier in TIERS):
            continue
        fixtures = set(item.fixturenames)
        tier = ("nginx" if "nginx" in fixtures else "browser" if fixtures & _BROWSER_FIXTURES
                else "build" if fixtures & _BUILD_FIXTURES else "unit")
        item.add_marker(getattr(pytest.mark, tier))
    items.sort(key=lambda item: _LONGEST_FIRST.get(item.path.name, len(_LONGEST_FIRST)))


# The test files that take longest, first, in this order (scripts/test.sh hands whole files to the processes in
# the order collected: --no-loadscope-reorder), so that the two processes end close together rather than one
# working through a long file alone at the end. The second does not read the session's site, so that its process
# has work while the first builds the site. Measured on this 2-core machine (README); the rest keep their order.
_LONGEST_FIRST = {name: rank for rank, name in enumerate((
    "test_accessibility.py", "test_serve.py", "test_third_party.py", "test_nginx.py", "test_escaping.py",
    "test_phone.py", "test_calendar.py", "test_build_safety.py", "test_language_suggestion.py", "test_search.py",
    "test_page_errors.py", "test_bad_input.py", "test_contacts.py", "test_reach_pages.py", "test_reproducible.py",
    "test_home.py", "test_editing.py", "test_staff_tools.py"))}


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id) -> Path:
    """The site, built once per run: the first worker to need it builds it, the others wait for that build (tests
    read the site and never change it)."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    site_dir, outcome = shared / "site", shared / "site.outcome"
    with open(shared / "site.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            result = build_site(ROOT, site_dir)
            outcome.write_text(f"{result.returncode}\n{result.stdout[-4000:]}", encoding="utf-8")
    code, output = outcome.read_text(encoding="utf-8").split("\n", 1)
    assert code == "0", output
    return site_dir


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over HTTP at SITE_URL, for the browser tests."""
    with serving(site, SITE_URL):
        yield SITE_URL


@contextlib.contextmanager
def serving(site_dir: Path, site_url: str):
    """A built site over HTTP at site_url (http://127.0.0.1:<port>/), the address it was built for."""
    port = int(site_url.rstrip("/").rsplit(":", 1)[1])
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _SharedPortServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site_url
    finally:
        server.shutdown()
        server.server_close()


class _SharedPortServer(http.server.ThreadingHTTPServer):
    # Each worker serves the shared site on the same port; the system hands each connection to one of them.
    allow_reuse_port = True

    def handle_error(self, request, client_address):
        # A browser that leaves a page drops the requests still running: not an error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                              args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the sources to break on purpose."""
    return copy_project(tmp_path / "project")


def copy_project(target: Path) -> Path:
    """The sources, sharing this checkout's build cache: its entries are keyed by what they are made from, and
    written whole by renaming, so that the copies' builds reuse what the others made (tests/test_reproducible.py
    builds a copy without it)."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", "site", "__pycache__", ".pytest_cache",
                                                               "node_modules", ".cache"))
    (ROOT / ".cache").mkdir(exist_ok=True)
    (target / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    return target


def copy_checked_sources(target: Path) -> Path:
    """The parts of the project the checks read (`python -m macros.check`, the first step of every build), for
    in-process checks of broken data."""
    for folder in ("data", "locales", "docs"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


@contextlib.contextmanager
def mkdocs_serve(project: Path, log: Path):
    """`mkdocs serve` on a free port, as an editor runs it (the `mkdocs` script, which does not put the project
    folder on sys.path), its terminal output in log; yields the site's address. Not --no-livereload: in MkDocs 1.6
    that flag also switches off watching files."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    with open(log, "w") as out:
        server = subprocess.Popen([shutil.which("mkdocs") or "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    """(status, body) of a page, error pages included; (0, "") when nothing answers in time."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


def wait_until(condition, seconds: float = 180):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.3)


@pytest.fixture(scope="session")
def data() -> dict:
    """The raw YAML, read independently of the site's own loader."""
    return {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))[name]
            for name in ("regions", "challenges", "organisations")}


def page_dir(lang: str) -> str:
    return "" if lang == "nl" else f"{lang}/"


def page_file(site: Path, lang: str, page: str) -> Path:
    """The built file of a page given as its URL path within a language, e.g. 'regions/hebei/'."""
    return site / page_dir(lang) / page / "index.html"


@functools.lru_cache(maxsize=None)
def _parsed(path: Path, _stamp: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def soup(path: Path) -> BeautifulSoup:
    """The page parsed once per test session (again if the file changed); tests read it and never change it."""
    return _parsed(path, path.stat().st_mtime_ns)


def article(path: Path) -> BeautifulSoup:
    return soup(path).select_one("article.md-content__inner")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


# Issue 6 (reach): every built page visited once in Chromium, for the third-party and accessibility tests.
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def site_page_urls(site: Path) -> list[str]:
    """The address of every built HTML page (the 404 pages included), found by walking the site folder."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(SITE_URL + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return urls


# Folders whose pages share one template and differ only in their data: one of them stands for all.
_GENERATED_FOLDERS = ("regions", "challenges", "provinces")
_FIXED_PAGES = ("index", "matrix")


def page_kind(url: str, base: str = SITE_URL) -> tuple[str, str]:
    """(language, kind) of a page address: its path within the language, with the generated pages of a folder
    (regions/hebei/, regions/shaanxi/, …) taken as one kind."""
    path = url[len(base):]
    lang = path.split("/", 1)[0] if path.split("/", 1)[0] in LANGUAGES[1:] else LANGUAGES[0]
    path = path[len(lang) + 1:] if lang != LANGUAGES[0] else path
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0] in _GENERATED_FOLDERS and parts[1] not in _FIXED_PAGES:
        return lang, f"{parts[0]}/*"
    return lang, path


def one_page_per_kind(urls: list[str], base: str = SITE_URL) -> list[str]:
    """The first page of each kind in each language: for checks whose result depends on the template and the
    shape of the data, not on which region or challenge area fills it."""
    kinds: dict = {}
    for url in urls:
        kinds.setdefault(page_kind(url, base), url)
    return list(kinds.values())


@pytest.fixture(scope="session")
def nginx(site, tmp_path_factory) -> tuple[str, int]:
    """deploy/nginx.conf serving the session's site, run by Debian's nginx as a child process; (host, port)."""
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    server = subprocess.Popen(local_nginx.prepare(prefix, site, port), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)

    def answers() -> bool:
        assert server.poll() is None, server.stdout.read().decode()
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
        return False

    try:
        wait_until(answers, seconds=20)
        yield "127.0.0.1", port
    finally:
        server.terminate()
        server.wait(timeout=10)
    errors = (prefix / "error.log").read_text(encoding="utf-8")
    assert "[emerg]" not in errors and "[alert]" not in errors, errors


# Chromium reports a blocked script, style, image, font, fetch or worker both as this event and on the console.
_RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture(scope="session")
def page_visits(site, nginx, browser) -> dict:
    """url -> {"server", "requests": [(url, status or error)], "console_errors", "csp_violations", "search_answer"}
    for every built page, plus the cookies the browser holds afterwards under the key None. One browser context.

    The pages come from nginx with deploy/nginx.conf, its security policy included: the browser asks for SITE_URL,
    the address the pages name in their absolute links, and a proxy setting sends every request to nginx (loopback
    included, which Chromium would otherwise never proxy). On each language's home page the search worker also
    answers a query (search_answer: what the search box then says)."""
    context = browser.new_context(proxy={"server": f"http://{nginx[0]}:{nginx[1]}", "bypass": "<-loopback>"})
    context.add_init_script(_RECORD_CSP_VIOLATIONS)
    in_flight: set = set()
    log: list = []
    console_errors: list = []

    def started(request):
        in_flight.add(request)
        log.append(request)

    context.on("request", started)
    context.on("requestfinished", lambda request: in_flight.discard(request))
    context.on("requestfailed", lambda request: in_flight.discard(request))
    page = context.new_page()
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    homes = {SITE_URL + page_dir(lang) for lang in LANGUAGES}
    visits = {}
    for url in site_page_urls(site):
        log.clear()
        console_errors.clear()
        response = page.goto(url, wait_until="load")
        _wait_until_network_quiet(page, in_flight)
        answer = _search_answer(page, "Hebei") if url in homes else None
        visits[url] = {"server": response.headers.get("server"),
                       "requests": [_outcome(request) for request in log], "console_errors": list(console_errors),
                       "csp_violations": page.evaluate("window.__cspViolations"), "search_answer": answer}
    visits[None] = context.cookies()
    context.close()
    return visits


def _search_answer(page, query: str) -> str:
    """What the search box says once the search worker has answered `query` (hits or "no match")."""
    meta = page.locator(".md-search-result__meta")
    waiting = meta.inner_text()
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').innerText !== text",
                           arg=waiting)
    return meta.inner_text()


@pytest.fixture(scope="session")
def axe_violations(site, served_site, browser) -> dict:
    """url -> axe-core's violations, for one page of each kind in each language: axe is the slow check, and pages
    made from the same template and data shape (the region pages, say) are one kind. Two pages are checked at a
    time, each in a browser context (and renderer process) of its own, so that axe keeps both cores busy."""
    assert AXE_SCRIPT.exists(), "axe-core is missing: run bash scripts/test.sh (npm ci)"
    contexts = [browser.new_context() for _ in range(2)]
    tabs = [context.new_page() for context in contexts]
    urls = one_page_per_kind(site_page_urls(site))
    results = {}
    for start in range(0, len(urls), len(tabs)):
        batch = list(zip(tabs, urls[start:start + len(tabs)]))
        for tab, url in batch:
            tab.goto(url, wait_until="load")
            # After the page's own scripts, as a visitor meets the page; inlined, so it makes no request of its own.
            tab.add_script_tag(path=str(AXE_SCRIPT))
            tab.evaluate("tags => { window.i2Axe = null; axe.run(document, {runOnly: {type: 'tag', values: tags},"
                         " resultTypes: ['violations']}).then(found => { window.i2Axe = found.violations; }); }",
                         AXE_TAGS)
        for tab, url in batch:
            tab.wait_for_function("window.i2Axe !== null", timeout=120_000)
            results[url] = tab.evaluate("window.i2Axe")
    for context in contexts:
        context.close()
    return results


def _wait_until_network_quiet(page, in_flight: set) -> None:
    # Material's search worker fetches the search index after "load", and the index's language files (lunr.nl) after
    # it, with gaps that grow with the machine's load; the search box says "Type to start searching" only once the
    # worker has all of them. Wait for that, then until nothing has been in flight for two checks in a row, so that
    # every request the page makes is recorded and none is cut off by the next visit.
    page.wait_for_function(_SEARCH_READY, timeout=20_000)
    quiet = 0
    for _ in range(500):
        quiet = quiet + 1 if not in_flight else 0
        if quiet >= 2:
            return
        page.wait_for_timeout(20)


_SEARCH_READY = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    const config = JSON.parse(document.getElementById('__config').textContent);
    return !meta || meta.textContent.trim() === config.translations['search.result.placeholder'];
}"""


def _outcome(request) -> tuple[str, object]:
    if request.failure:
        return request.url, request.failure
    response = request.response()
    return request.url, response.status if response else None
