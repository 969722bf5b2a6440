"""Issue 6 (search part) and issue 8 (page weight): each language searches its own pages, Chinese is cut into words,
and the Chinese home page stays light with everything it loads."""

from __future__ import annotations

import gzip
import json
from urllib.parse import unquote, urlsplit

import pytest
from conftest import LANGUAGES, page_dir
from playwright.sync_api import TimeoutError as PlaywrightTimeout

SEPARATOR_ZH = "[\\s\\u200b\\u3000\\-、。，．？！；]+"


def _index(site, lang: str) -> dict:
    return json.loads((site / page_dir(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index_of_its_own_pages(site, lang):
    index = _index(site, lang)
    locations = [doc["location"] for doc in index["docs"]]
    assert "" in locations and "regions/hebei/" in locations  # relative to the language's own folder
    assert not [loc for loc in locations if loc.split("/")[0] in LANGUAGES], "another language's pages are indexed"
    # the index describes the pages of this language only: the Hebei page's title is the one of this language
    hebei = next(doc for doc in index["docs"] if doc["location"] == "regions/hebei/")
    assert hebei["title"].replace("\u200b", "") == {"nl": "Provincie Hebei", "en": "Hebei Province", "zh": "河北省"}[lang]


def test_the_chinese_index_splits_where_jieba_cut_and_keeps_the_projects_own_names_whole(site):
    index = _index(site, "zh")
    assert index["config"]["separator"] == SEPARATOR_ZH
    text = "\u200b".join(doc["title"] + "\u200b" + doc["text"] for doc in index["docs"])
    words = set(text.split("\u200b"))
    # names from data/ that jieba's own dictionary cuts apart (东/佛兰德/省, 弗兰德/斯/投资/贸易局)
    assert "东佛兰德省" in words
    assert "石家庄" in words


def test_the_indexes_are_plain_utf8(site):
    raw = (site / "zh" / "search" / "search_index.json").read_bytes()
    assert "河北省".encode("utf-8") in raw
    assert b"\\u6cb3" not in raw  # 河 written as an escape would cost six bytes


def _search(page, url: str, query: str) -> list[str]:
    """Type a query into Material's search box and return the paths of the results."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    # Material reads the box on keyup. The index loads in a worker after the page, and a query typed before it is
    # ready shows nothing: type it again.
    for _ in range(10):
        box.fill(query)
        box.press("End")
        try:
            results.first.wait_for(timeout=2000)
            break
        except PlaywrightTimeout:
            pass
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [unquote(urlsplit(link).path) for link in links]


SEARCHES = [
    ("zh", "河北", "/zh/regions/hebei/"),
    ("zh", "废水", "/zh/challenges/industrial-water/"),
    ("zh", "成都", "/zh/regions/chengdu/"),
    ("zh", "东佛兰德省", "/zh/partners/"),
    ("nl", "waterstof", "/challenges/hydrogen/"),
    ("nl", "Hebei", "/regions/hebei/"),
    ("en", "hydrogen", "/en/challenges/hydrogen/"),
    ("en", "Hebei", "/en/regions/hebei/"),
]


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES, ids=[f"{lang}-{q}" for lang, q, _ in SEARCHES])
def test_search_finds_the_right_pages_in_the_readers_language_only(served_site, browser, lang, query, expected):
    page = browser.new_page()
    try:
        paths = _search(page, served_site + page_dir(lang), query)
    finally:
        page.close()
    assert expected in paths, paths
    own = f"/{page_dir(lang)}"
    others = [f"/{other}/" for other in LANGUAGES if other not in ("nl", lang)]
    assert all(path.startswith(own) and not path.startswith(tuple(others)) for path in paths), paths


def test_the_chinese_home_page_weighs_under_150_kb_compressed_with_all_it_loads(site, served_site, browser):
    page = browser.new_page()
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    try:
        page.goto(served_site + "zh/", wait_until="networkidle")
    finally:
        page.close()
    assert any(url.endswith("/zh/search/search_index.json") for url in loaded), loaded
    files = {site / unquote(urlsplit(url).path).lstrip("/") for url in loaded if url.startswith(served_site)}
    files = {path / "index.html" if path.is_dir() else path for path in files}
    files = {path for path in files if path.exists()}  # Material asks each language for a sitemap.xml it lacks
    weight = sum(len(gzip.compress(path.read_bytes(), compresslevel=6)) for path in files)
    assert weight < 150 * 1024, f"{weight / 1024:.0f} KB: " + ", ".join(sorted(str(p) for p in files))
