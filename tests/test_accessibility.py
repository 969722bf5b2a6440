"""WCAG 2.1 AA with the real tools: axe-core in Chromium on one page of each kind in the three languages, the Nu HTML
Checker over all built HTML, and keyboard-only use (skip link, visible focus, language switcher)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT, SITE_URL, site_page_urls, soup

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Java's quick compiler alone checks the pages in a third of the time its two compilers take together; its larger
# frames need a larger thread stack for the HTML schema's deep recursion.
JAVA_FAST_START = ["-Xss16m", "-XX:TieredStopAtLevel=1"]


def test_axe_finds_no_wcag_a_or_aa_violation_on_any_kind_of_page(site, axe_violations):
    # Each language's home, 404, statement, calendar, matrix, a region and a challenge page at least, and not every
    # page of a kind.
    assert len(axe_violations) >= 3 * 7 and len(axe_violations) < len(site_page_urls(site))
    violations = {
        url: [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in found]
        for url, found in axe_violations.items() if found
    }
    assert violations == {}


def test_nu_html_checker_finds_no_error_in_any_page(site):
    assert VNU_JAR.exists(), "vnu-jar is missing: run bash scripts/test.sh (npm ci)"
    pages = sorted(site.rglob("*.html"))  # every page, the 404 pages included, named one by one
    result = subprocess.run(
        [shutil.which("java") or "java", *JAVA_FAST_START, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         *map(str, pages)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [(m.get("url", "").rsplit(str(site), 1)[-1], m.get("lastLine"), m["message"]) for m in messages]
    assert errors == []
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(pages) > 80


# Pages of each language and kind: home, a data page with a table, a form, a written page, a 404 page.
KEYBOARD_PAGES = ["", "en/regions/hebei/", "zh/interest/", "en/accessibility/", "zh/404.html"]


@pytest.fixture
def keyboard_page(served_site, browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def _focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {tag: el.tagName, cls: el.className, href: el.getAttribute('href'),
                hreflang: el.getAttribute('hreflang'), text: (el.innerText || '').trim().slice(0, 40),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden'};
    }""")


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_every_tab_stop_shows_a_visible_focus(keyboard_page, path):
    keyboard_page.goto(SITE_URL + path)
    stops = []
    for _ in range(25):
        keyboard_page.keyboard.press("Tab")
        focused = _focused(keyboard_page)
        if focused["tag"] == "BODY":
            break
        stops.append(focused)
    assert stops, "nothing takes the keyboard focus"
    assert [s for s in stops if not (s["outline"] and s["visible"])] == []


@pytest.mark.parametrize("path", [p for p in KEYBOARD_PAGES if not p.endswith("404.html")])
def test_skip_link_is_the_first_tab_stop_and_moves_to_the_content(keyboard_page, path):
    keyboard_page.goto(SITE_URL + path)
    keyboard_page.keyboard.press("Tab")
    first = _focused(keyboard_page)
    assert "md-skip" in first["cls"] and first["visible"], first
    keyboard_page.keyboard.press("Enter")
    target = keyboard_page.evaluate("""() => {
        const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        const box = el && el.getBoundingClientRect();
        return el && {tag: el.tagName, inArticle: !!el.closest('article'),
                      inView: box.top >= 0 && box.top < window.innerHeight};
    }""")
    assert target == {"tag": "H1", "inArticle": True, "inView": True}


@pytest.mark.parametrize("path, lang, expected", [
    ("regions/hebei/", "en", "en/regions/hebei/"),
    ("en/challenges/hydrogen/", "zh-Hans", "zh/challenges/hydrogen/"),
    ("zh/privacy/", "nl", "privacy/"),
])
def test_language_switcher_is_reachable_and_usable_by_keyboard(keyboard_page, path, lang, expected):
    keyboard_page.goto(SITE_URL + path)
    for _ in range(40):
        keyboard_page.keyboard.press("Tab")
        focused = _focused(keyboard_page)
        if focused["hreflang"] == lang or (lang == "zh-Hans" and focused["hreflang"] in ("zh", "zh-Hans")):
            break
    else:
        pytest.fail(f"no language link for {lang} within 40 Tab presses")
    assert focused["visible"] and focused["outline"], focused
    keyboard_page.keyboard.press("Enter")
    keyboard_page.wait_for_url(SITE_URL + expected)


def test_the_search_dialog_has_a_name_in_the_page_language(site):
    """Material leaves its search dialog unnamed (an axe best-practice rule outside the WCAG tags above)."""
    for path in sorted(site.rglob("*.html")):
        page = soup(path)
        dialog = page.select_one('.md-search[role="dialog"]')
        field = page.select_one("input.md-search__input")
        assert dialog["aria-label"] == field["aria-label"] and dialog["aria-label"].strip(), path
