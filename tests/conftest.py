"""Shared fixtures: the real site, built once per test session, and helpers to read it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "en", "zh")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The site is built for the address the tests serve it on, so its absolute links stay on this origin.
SITE_URL = f"http://127.0.0.1:{_free_port()}/"


def build_site(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Build as the README says to build for publication: the languages in parallel, always strict."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "macros.build", "--site-dir", str(site_dir)],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "WARNING" not in result.stdout, result.stdout[-4000:]
    return site_dir


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over HTTP at SITE_URL, for the browser tests."""
    port = int(SITE_URL.rstrip("/").rsplit(":", 1)[1])
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SITE_URL
    server.shutdown()
    server.server_close()


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
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "site", "__pycache__", ".pytest_cache"))
    return copy


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


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(path: Path) -> BeautifulSoup:
    return soup(path).select_one("article.md-content__inner")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")
