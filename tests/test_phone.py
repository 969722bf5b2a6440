"""Pages read on a phone: in Chromium 360 px wide nothing scrolls sideways, and the matrix and the calendar's timeline
keep their text at a readable size and their words whole (a narrow rendering of each, see pictures.css); wider, the
table and the SVG come back, their text still 12 px or more. The maps keep their names 12 px or more at every width,
the locator beside a region's text and the partners page's two maps included, with no two names overlapping."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES, SITE_URL, one_page_per_kind, page_dir, site_page_urls

from scripts.screenshots import PAGES

PHONE = {"width": 360, "height": 800}

# The two renderings of each picture: (wide, narrow).
RENDERINGS = {
    "challenges/matrix/": (".i2-matrix-views > .i2-table-scroll", ".i2-matrix-views > .i2-matrix-cards"),
    "calendar/": ("figure.i2-timeline > svg", "figure.i2-timeline > ol"),
}

# What overflows sideways: the page itself, or any box that scrolls within it (a table's wrapper, say).
SIDEWAYS = """() => {
    const root = document.documentElement;
    const found = root.scrollWidth > window.innerWidth ? [`page ${root.scrollWidth}px`] : [];
    for (const el of document.querySelectorAll("body *")) {
        const style = getComputedStyle(el);
        // A closed panel (Material's search results) has no width and shows nothing.
        if (["auto", "scroll"].includes(style.overflowX) && el.clientWidth > 0 && style.visibility !== "hidden"
            && el.scrollWidth > el.clientWidth + 1) {
            found.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}px in ${el.clientWidth}px`);
        }
    }
    return found;
}"""

# Every visible piece of text under `selector`, with the size it is drawn at: for SVG text its font size times the
# SVG's scale on screen. A Latin word drawn over two lines is reported as broken.
TEXTS = """selector => {
    const found = [];
    for (const container of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent.trim();
            const el = node.parentElement;
            if (!text || el.closest(".i2-sr-only, title, desc")) continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) continue;
            let size = parseFloat(getComputedStyle(el).fontSize);
            const svg = el.closest("svg");
            if (svg && svg.getScreenCTM()) size *= svg.getScreenCTM().a;
            const broken = [];
            for (const match of node.textContent.matchAll(/[A-Za-zÀ-ÿ]{2,}/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(match[0]);
            }
            found.push({text: text.slice(0, 40), size: Math.round(size * 10) / 10, broken});
        }
    }
    return found;
}"""


@pytest.fixture(scope="module")
def phone(served_site, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def tab(served_site, browser):
    """One tab whose window the tests resize: a page is loaded once and looked at in every width (the layout follows
    the width through CSS alone, see pictures.css)."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def _widths(page, widths: list[int]):
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        yield width


def test_no_page_scrolls_sideways_on_a_phone(site, phone):
    # One page of each kind, and the pages a phone reader uses most, in every language.
    urls = one_page_per_kind(site_page_urls(site)) + [SITE_URL + page_dir(lang) + path for lang in LANGUAGES
                                                      for path in PAGES]
    assert set(urls) <= set(site_page_urls(site))
    sideways = {}
    for url in dict.fromkeys(urls):
        phone.goto(url, wait_until="load")
        found = phone.evaluate(SIDEWAYS)
        if found:
            sideways[url] = found
    assert sideways == {}


def _shown(page, selector: str) -> bool:
    return page.evaluate("s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none')",
                         selector)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", RENDERINGS)
def test_the_matrix_and_the_timeline_keep_readable_text_and_whole_words(tab, lang, path):
    tab.goto(SITE_URL + page_dir(lang) + path, wait_until="load")
    wide, narrow = RENDERINGS[path]
    for width in _widths(tab, [360, 768, 1366]):
        # One rendering at a time: display:none keeps the other from screen readers as well as from view.
        assert _shown(tab, narrow) == (width == 360), width
        assert _shown(tab, wide) == (width != 360), width
        texts = tab.evaluate(TEXTS, f"{wide}, {narrow}")
        assert texts, width
        assert [t for t in texts if t["size"] < 12] == [], width
        assert [t for t in texts if t["broken"]] == [], width
        if width == 360:
            # Names, counts, titles and dates: body text at the phone's body size, dates and the like at 12 px or more.
            assert max(t["size"] for t in texts) >= 16


# Every name on the map with the box its letters take on screen. Not the text's own box: that holds the font's whole
# ascent and descent, much taller than the letters in a Chinese font. From the baseline up 0.85 of the font size (the
# height of capitals and of Chinese characters) and down 0.2 (descenders).
LABEL_BOXES = """selector => [...document.querySelectorAll(selector + " text")].map(t => {
    const r = t.getBoundingClientRect();
    const ctm = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize) * ctm.a;
    const baseline = ctm.f + ctm.d * t.y.baseVal[0].value;
    return {text: t.textContent, left: r.left, right: r.right, top: baseline - 0.85 * size, bottom: baseline + 0.2 * size};
})"""


def _overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


# The maps with names on them, the page each is on, and how many names it holds at least.
REGION_MAP = "figure.i2-map--regions:not(.i2-map--decorative) > svg"
LABELLED_MAPS = {
    # The five regions' names, the capitals' and the shape's name.
    "regions": ("regions/", REGION_MAP, 9),
    "locator": ("regions/hebei/", REGION_MAP, 9),
    # The four provinces.
    "provinces": ("partners/", "figure.i2-map--provinces > svg", 4),
    # The four provinces above, and below the regions' names as on the regions map.
    "ties": ("partners/", "figure.i2-map--ties > svg", 13),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", sorted({path for path, _, _ in LABELLED_MAPS.values()}))
def test_the_maps_keep_their_names_readable_and_apart(tab, lang, path):
    tab.goto(SITE_URL + page_dir(lang) + path, wait_until="load")
    for width in _widths(tab, [320, 360, 768, 1366]):
        for picture, (_, selector, names) in ((k, v) for k, v in LABELLED_MAPS.items() if v[0] == path):
            where = (picture, width)
            texts = tab.evaluate(TEXTS, selector)
            assert len(texts) >= names, where
            assert [t for t in texts if t["size"] < 12] == [], where
            boxes = tab.evaluate(LABEL_BOXES, selector)
            assert _overlapping(boxes) == [], where
            # Within the map: a name cut off at its edge is no better than a small one.
            svg = tab.locator(selector).bounding_box()
            assert [b["text"] for b in boxes
                    if b["left"] < svg["x"] - 0.5 or b["right"] > svg["x"] + svg["width"] + 0.5] == [], where
