"""Screenshots of the pages a phone reader uses most, at phone, tablet and desktop width, in the three languages, to
look at after a change of layout or style.

    python scripts/screenshots.py [--site-dir BUILT_SITE] [--out FOLDER] [--width 360 ...] [--lang zh ...]

Without --site-dir the site is built first (into a temporary folder). The built site is served on a free local
port for the browser; the PNGs (whole pages) go to --out, `/tmp/i2pcc-screenshots` by default, named
<width>-<lang>-<page>.png. Not committed: they are for looking, not for comparing.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "en", "zh")
# Home, a region, a challenge area, the calendar (timeline), the matrix and the contact page (URL paths in a
# language); tests/test_phone.py checks the same pages.
PAGES = ("", "regions/hebei/", "challenges/hydrogen/", "calendar/", "challenges/matrix/", "contact/")
WIDTHS = (360, 768, 1366)


def page_url(base: str, lang: str, page: str) -> str:
    return base + ("" if lang == "nl" else f"{lang}/") + page


def shot_name(width: int, lang: str, page: str) -> str:
    return f"{width}-{lang}-{page.strip('/').replace('/', '-') or 'home'}.png"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build(site: Path) -> None:
    subprocess.run([sys.executable, "-m", "macros.build", "--site-dir", str(site)], cwd=ROOT, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def take(site: Path, out: Path, widths, languages) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu"])
            for width in widths:
                page = browser.new_page(viewport={"width": width, "height": 800})
                for lang in languages:
                    for path in PAGES:
                        page.goto(page_url(base, lang, path), wait_until="load")
                        # Material's tabs fade in again when a whole-page screenshot resizes the window: caught
                        # half-way, they would look faded.
                        page.add_style_tag(content="* { transition: none !important; }")
                        target = out / shot_name(width, lang, path)
                        page.screenshot(path=str(target), full_page=True)
                        written.append(target)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "i2pcc-screenshots")
    parser.add_argument("--width", type=int, action="append", help=f"viewport width in px (default: {WIDTHS})")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="default: all three")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site_dir
        if site is None:
            site = Path(scratch) / "site"
            build(site)
        written = take(site, args.out, args.width or WIDTHS, args.lang or LANGUAGES)
    print(f"{len(written)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
