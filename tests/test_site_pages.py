"""Issue 2: every region and challenge page exists in every language and shows its data in that language."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from conftest import LANGUAGES, SITE_URL, article, html_pages, page_file, soup

from macros.languages import language

EXPECTED_HTML_LANG = {lang: language(lang).tag for lang in LANGUAGES}


def test_every_region_page_shows_its_data_in_each_language(site, data):
    organisations = {o["id"]: o for o in data["organisations"]}
    for region in data["regions"]:
        for lang in LANGUAGES:
            page = article(page_file(site, lang, f"regions/{region['id']}"))
            assert page.h1.get_text(strip=True) == region["name"][lang]
            text = page.get_text(" ", strip=True)
            assert organisations[region["sister_province"]]["name"][lang] in text
            for fact in region.get("key_facts", []):
                assert fact[lang] in text
            for opportunity in region["opportunities"]:
                assert opportunity["text"][lang] in text
            if "capital" in region:
                assert region["capital"][lang] in text


def test_region_figures_are_written_the_way_each_language_writes_them(site):
    facts = {lang: article(page_file(site, lang, "regions/hebei")).select_one("dl.i2-facts").get_text(" ")
             for lang in LANGUAGES}
    assert "65 miljoen" in facts["nl"] and "188.000 km²" in facts["nl"]
    assert "65 million" in facts["en"] and "188,000 km²" in facts["en"]
    assert "6500万" in facts["zh"] and "18.8万平方公里" in facts["zh"]
    chengdu = article(page_file(site, "en", "regions/chengdu")).select_one("dl.i2-facts").get_text(" ")
    assert "more than 15 million" in chengdu


def test_opportunities_link_to_their_challenge_pages(site, data):
    for region in data["regions"]:
        page = article(page_file(site, "zh", f"regions/{region['id']}"))
        linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select('a[href*="challenges/"]')}
        expected = {c for o in region["opportunities"] for c in o["challenges"]}
        assert linked == expected


def test_every_challenge_page_lists_exactly_the_regions_whose_opportunities_match(site, data):
    assert len(data["challenges"]) == 11
    for challenge in data["challenges"]:
        expected = [r for r in data["regions"]
                    if any(challenge["id"] in o["challenges"] for o in r["opportunities"])]
        for lang in LANGUAGES:
            page = article(page_file(site, lang, f"challenges/{challenge['id']}"))
            assert page.h1.get_text(strip=True) == challenge["name"][lang]
            headings = [h.get_text(strip=True) for h in page.find_all("h3")]
            assert len(headings) == len(expected)
            for heading, region in zip(headings, expected):
                assert region["short_name"][lang] in heading


def test_the_matrix_agrees_with_the_data(site, data):
    for lang in LANGUAGES:
        table = article(page_file(site, lang, "challenges/matrix")).select_one("table.i2-matrix")
        header = [th.get_text(strip=True) for th in table.select("thead th")]
        assert header[1:-1] == [r["short_name"][lang] for r in data["regions"]]
        rows = table.select("tbody tr")
        assert [row.th.get_text(strip=True) for row in rows] == [c["name"][lang] for c in data["challenges"]]
        for row, challenge in zip(rows, data["challenges"]):
            cells = row.find_all("td")
            for cell, region in zip(cells, data["regions"]):
                count = sum(challenge["id"] in o["challenges"] for o in region["opportunities"])
                assert int(cell["data-count"]) == count, (lang, challenge["id"], region["id"])
            assert int(cells[-1].get_text()) == sum(
                any(challenge["id"] in o["challenges"] for o in r["opportunities"]) for r in data["regions"])


def test_navigation_uses_the_names_from_data_in_each_language(site, data):
    for lang in LANGUAGES:
        nav = soup(page_file(site, lang, "")).select_one("nav.md-nav--primary").get_text(" ", strip=True)
        for region in data["regions"]:
            assert region["short_name"][lang] in nav
        for challenge in data["challenges"]:
            assert challenge["name"][lang] in nav


def test_no_template_code_is_left_in_any_page(site):
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, path


def _language_specific_texts(data, lang):
    """Every data text whose `lang` version occurs in no text of another language (so it can only come from it)."""
    texts = {language: [] for language in LANGUAGES}

    def walk(value):
        if isinstance(value, dict):
            if set(value) == set(LANGUAGES):
                for language in LANGUAGES:
                    texts[language].append(value[language])
                return
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    others = [t for other in LANGUAGES if other != lang for t in texts[other]]
    # A short name such as "Antwerpen" is Dutch, yet also part of "POM Antwerpen" in every language.
    return [t for t in texts[lang] if len(t) > 3 and not any(t in o for o in others)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_show_no_data_text_of_another_language(site, data, lang):
    foreign = [t for other in LANGUAGES if other != lang for t in _language_specific_texts(data, other)]
    folder = site if lang == "nl" else site / lang
    for path in folder.rglob("index.html"):
        relative = path.relative_to(site).as_posix()
        if lang == "nl" and relative.split("/")[0] in ("en", "zh"):
            continue
        text = soup(path).select_one("article").get_text(" ", strip=True)
        for snippet in foreign:
            assert snippet not in text, (relative, snippet)


def test_html_lang_matches_the_language_of_every_page(site):
    for path in html_pages(site):
        relative = path.relative_to(site).as_posix()
        lang = relative.split("/")[0] if relative.split("/")[0] in ("en", "zh") else "nl"
        assert soup(path).html["lang"] == EXPECTED_HTML_LANG[lang], relative


def _resolve(site, base_file, href):
    """The built file a link points at, for a link relative to base_file or absolute under SITE_URL."""
    url = urljoin(SITE_URL + base_file.parent.relative_to(site).as_posix() + "/", href)
    assert url.startswith(SITE_URL), url
    path = url[len(SITE_URL):].split("#")[0]
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def test_language_switcher_goes_to_the_same_page_in_the_other_language(site, data):
    for lang in LANGUAGES:
        for page in ["", "about/", "regions/", "regions/hebei/", "challenges/hydrogen/", "challenges/matrix/"]:
            source = page_file(site, lang, page)
            links = soup(source).select("a.md-select__link")
            codes = {language(code).tag: code for code in LANGUAGES}
            assert sorted(a["hreflang"] for a in links) == sorted(codes)
            for link in links:
                target = _resolve(site, source, link["href"])
                assert target == page_file(site, codes[link["hreflang"]], page), (lang, page, link["href"])


def test_hreflang_alternates_are_absolute_complete_and_resolve(site):
    for path in html_pages(site):
        links = soup(path).select('head link[rel="alternate"][hreflang]')
        codes = sorted(link["hreflang"] for link in links)
        assert codes == sorted(["nl", "en", "zh-Hans", "x-default"]), path
        hrefs = {link["hreflang"]: link["href"] for link in links}
        assert hrefs["x-default"] == hrefs["nl"]
        for href in hrefs.values():
            assert href.startswith(SITE_URL)
            assert _resolve(site, path, href).exists(), href
        own = path.relative_to(site).as_posix().removesuffix("index.html")
        assert SITE_URL + own in hrefs.values(), path


def test_sitemap_lists_every_page_with_its_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    assert len(urls) == len(html_pages(site))
    for entry in urls:
        codes = re.findall(r'hreflang="([^"]+)"', entry)
        assert sorted(codes) == sorted(["nl", "en", "zh-Hans", "x-default"])
