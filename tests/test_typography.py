"""Review zh 7, 18–20: Chinese numbers and punctuation as a Chinese reader writes them, from the code, not by hand."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import LANGUAGES, ROOT, article, html_pages, page_file, soup

from macros.content.models import Population
from macros.content.strings import load_strings
from macros.render import formatting

STRINGS = load_strings(ROOT / "locales")


@pytest.mark.parametrize("count, more_than, expected", [
    (111_690_000, False, {"nl": "111,69 miljoen", "en": "111.69 million", "zh": "1.1169亿"}),
    (100_000_000, False, {"nl": "100 miljoen", "en": "100 million", "zh": "1亿"}),
    (65_000_000, False, {"nl": "65 miljoen", "en": "65 million", "zh": "6500万"}),
    (15_000_000, True, {"nl": "meer dan 15 miljoen", "en": "more than 15 million", "zh": "1500多万"}),
    (150_000_000, True, {"nl": "meer dan 150 miljoen", "en": "more than 150 million", "zh": "超过1.5亿"}),
])
def test_populations_are_counted_in_the_units_of_each_language(count, more_than, expected):
    for lang in LANGUAGES:
        assert formatting.population(Population(count=count, more_than=more_than), lang, STRINGS) == expected[lang]


def test_areas_keep_every_digit():
    assert formatting.area(205_800, "zh", STRINGS) == "20.58万平方公里"
    assert formatting.area(177_900, "nl", STRINGS) == "177.900 km²"
    assert formatting.number(Decimal("1.23456"), "en") == "1.23456"


def _wan_values(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"(\d+(?:\.\d+)?)多?万", text)]


def test_no_chinese_page_counts_a_hundred_million_or_more_in_wan(site):
    pages = [p for p in html_pages(site) if p.relative_to(site).parts[0] == "zh"]
    assert pages
    for path in pages:
        text = soup(path).get_text(" ")
        assert all(value < 10_000 for value in _wan_values(text)), path
    guangdong = article(page_file(site, "zh", "regions/guangdong")).get_text(" ", strip=True)
    assert "1.1169亿" in guangdong and "11169万" not in guangdong


def test_a_chinese_year_is_written_with_nian(site):
    facts = article(page_file(site, "zh", "regions/shaanxi")).select_one("dl.i2-facts")
    rows = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in facts.find_all("div")}
    assert rows[STRINGS.get("zh", "region.tie_since")] == "1985年"
    for lang in ("nl", "en"):
        facts = article(page_file(site, lang, "regions/shaanxi")).select_one("dl.i2-facts")
        assert "1985" in [div.dd.get_text(strip=True) for div in facts.find_all("div")]


def test_material_footer_labels_take_a_full_width_colon_on_chinese_pages(site):
    seen = 0
    for path in html_pages(site):
        lang = path.relative_to(site).parts[0]
        for link in soup(path).select("a.md-footer__link"):
            label = link["aria-label"]
            if lang == "zh":
                assert re.fullmatch(r"(上一页|下一页)：\S.*", label) and ": " not in label, (path, label)
                seen += 1
            else:
                assert re.fullmatch(r"[A-Z][a-z]+: \S.*", label), (path, label)
    assert seen > 50


def test_the_chinese_timeline_has_no_spaces_around_its_separator(site):
    zh = soup(page_file(site, "zh", "calendar"))
    labels = [t.get_text() for t in zh.select(".i2-timeline__dates, .i2-timeline__item-dates")]
    assert labels and all("·" in label and " · " not in label and " " not in label for label in labels), labels
    en = soup(page_file(site, "en", "calendar"))
    assert all(" · " in t.get_text() for t in en.select(".i2-timeline__dates"))


def test_a_chinese_sentence_is_followed_by_no_space(site):
    invite = article(page_file(site, "zh", "")).select_one(".i2-next__invite")
    assert "？ " not in invite.get_text() and "？" in invite.get_text()


@pytest.mark.parametrize("lang, colon", [("nl", ":"), ("zh", "：")])
def test_the_contact_labels_end_in_the_languages_colon(served_site, browser, lang, colon):
    page = browser.new_page()
    page.goto(served_site + ("" if lang == "nl" else f"{lang}/") + "contact/")
    content = page.evaluate("getComputedStyle(document.querySelector('.i2-contact__details dt'), '::after').content")
    assert content == f'"{colon}"'
    page.close()
