"""Redraws docs/assets/share-card.png (the link-preview image, og:image) from scripts/share-card.svg.

Link previews (WeChat, LinkedIn, Facebook, X) do not show SVG, so the site ships a PNG; it is drawn once by the
headless Chromium the tests use and committed, so that a build needs no browser. Run: python scripts/share_card.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "share-card.svg"
TARGET = ROOT / "docs" / "assets" / "share-card.png"


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.goto(SOURCE.as_uri())
        page.screenshot(path=str(TARGET), clip={"x": 0, "y": 0, "width": 1200, "height": 630})
        browser.close()
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
