"""Redraws the link-preview images (og:image), one per language, docs/assets/share-card-<language>.png, from
scripts/share-card.svg with the site name and the funding statement of locales/<language>.yml.

Link previews (WeChat, LinkedIn, Facebook, X) do not show SVG, so the site ships PNGs; they are drawn once by the
headless Chromium the tests use and committed, so that a build needs no browser. The Chinese card needs a Chinese
font on this machine: Debian's fonts-noto-cjk, installed with apt-get when no font covers Chinese.
Run: python scripts/share_card.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "share-card.svg"
LANGUAGES = ("nl", "en", "zh")
NAME = "I²PCC"
# Latin faces of the usual systems, then Noto (Debian's fonts-noto-cjk) for Chinese.
FONTS = {"zh": "Noto Sans CJK SC, sans-serif"}
LATIN_FONTS = "Helvetica, Arial, Liberation Sans, sans-serif"
# Text may run up to here; the card is 1200 wide with a 100 px margin.
RIGHT_EDGE = 1100


def card_target(lang: str) -> Path:
    return ROOT / "docs" / "assets" / f"share-card-{lang}.png"


def card_svg(lang: str) -> str:
    strings = yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8"))
    # The site name is "I²PCC", a dash and what the project is about: the card sets the two parts apart.
    tagline = strings["site_name"].removeprefix(NAME).lstrip(" –—-")
    assert tagline and tagline != strings["site_name"], f"locales/{lang}.yml: site_name no longer starts with {NAME}"
    return SOURCE.read_text(encoding="utf-8").format(
        name=NAME, tagline=escape(tagline), funding=escape(strings["funding.cofunded"]),
        fonts=escape(FONTS.get(lang, LATIN_FONTS)))


def ensure_chinese_font() -> None:
    found = subprocess.run(["fc-list", ":lang=zh", "family"], stdout=subprocess.PIPE, text=True, check=True).stdout
    if not found.strip():
        subprocess.run(["apt-get", "install", "-y", "-q", "fonts-noto-cjk"], check=True,
                       env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})


def main() -> None:
    ensure_chinese_font()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        scratch = Path(tempfile.mkdtemp())
        for lang in LANGUAGES:
            drawing = scratch / f"share-card-{lang}.svg"
            drawing.write_text(card_svg(lang), encoding="utf-8")
            page.goto(drawing.as_uri())
            for line in ("tagline", "funding"):
                right = page.evaluate("id => document.getElementById(id).getBBox().x"
                                      " + document.getElementById(id).getBBox().width", line)
                assert right <= RIGHT_EDGE, f"{lang}: the {line} runs off the card ({right:.0f} px): shorten it"
            target = card_target(lang)
            page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": 1200, "height": 630})
            print(f"wrote {target.relative_to(ROOT)}")
        browser.close()
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
