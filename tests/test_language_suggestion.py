"""Issue 9: a visitor whose browser prefers another language of the site is offered the page in it (no redirect)."""

from __future__ import annotations

import pytest
import yaml
from conftest import LANGUAGES, ROOT, SITE_URL, html_pages, page_dir, soup

from macros.languages import language

STRINGS = {lang: yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in LANGUAGES}
LANG_ATTRIBUTE = {lang: language(lang).tag for lang in LANGUAGES}


def test_every_page_holds_a_hidden_suggestion_per_other_language_written_in_it(site):
    for path in html_pages(site):
        page = soup(path)
        page_lang = page.html["lang"].split("-")[0]
        suggestions = page.select("aside.i2-language-suggestion")
        assert [s["data-i2-language"] for s in suggestions] == [lang for lang in LANGUAGES if lang != page_lang], path
        for suggestion in suggestions:
            lang = suggestion["data-i2-language"]
            assert suggestion.has_attr("hidden")
            assert suggestion["lang"] == LANG_ATTRIBUTE[lang]
            assert suggestion["aria-label"] == STRINGS[lang]["language_suggestion.label"]
            assert suggestion.p.get_text(" ", strip=True) == (f"{STRINGS[lang]['language_suggestion.text']} "
                                                              f"{STRINGS[lang]['language_suggestion.switch']}")
            assert suggestion.button["aria-label"] == STRINGS[lang]["language_suggestion.dismiss"]
            assert suggestion["data-i2-home"] == SITE_URL + page_dir(lang)


def _visible_suggestions(page) -> list[str]:
    return page.eval_on_selector_all(".i2-language-suggestion:not([hidden])",
                                     "elements => elements.map(e => e.dataset.i2Language)")


@pytest.mark.parametrize("browser_lang, page_lang, suggested", [
    ("zh-CN", "nl", "zh"),
    ("en-GB", "nl", "en"),
    ("nl-BE", "zh", "nl"),
    ("zh-TW", "en", "zh"),
    ("nl-BE", "nl", None),
    ("zh-CN", "zh", None),
    ("fr-FR", "en", None),
])
def test_the_suggestion_follows_the_browser_language_and_never_redirects(served_site, browser, browser_lang,
                                                                         page_lang, suggested):
    context = browser.new_context(locale=browser_lang)
    page = context.new_page()
    url = served_site + page_dir(page_lang) + "regions/hebei/"
    page.goto(url)
    assert page.url == url
    assert _visible_suggestions(page) == ([suggested] if suggested else [])
    if suggested:
        link = page.locator(f'.i2-language-suggestion[data-i2-language="{suggested}"] a')
        assert link.get_attribute("href") == served_site + page_dir(suggested) + "regions/hebei/"
        assert link.inner_text() == STRINGS[suggested]["language_suggestion.switch"]
    context.close()


def test_a_dismissed_suggestion_stays_dismissed_without_cookies(served_site, browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(served_site)
    assert _visible_suggestions(page) == ["zh"]
    suggestion = page.locator('.i2-language-suggestion[data-i2-language="zh"]')
    assert suggestion.evaluate("e => e.tagName") == "ASIDE"  # a landmark, named by its aria-label
    assert suggestion.get_attribute("lang") == "zh-Hans"
    # Reachable and operable by keyboard: the link, then the dismiss button.
    suggestion.locator("a").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('i2-language-suggestion__dismiss')")
    page.keyboard.press("Enter")
    assert _visible_suggestions(page) == []
    # Focus does not fall back to the start of the document but goes to the skip link.
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.goto(served_site + "regions/hebei/")
    assert _visible_suggestions(page) == []
    assert context.cookies() == []
    assert page.evaluate("localStorage.getItem('i2pcc.language-suggestion.dismissed')") == "zh"
    context.close()


def test_on_the_404_page_the_suggestion_leads_to_the_home_page_of_the_language(served_site, browser):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(served_site + "404.html")
    # The root 404 page is Dutch: an English browser is offered the English home page.
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert _visible_suggestions(page) == ["en"]
    link = page.locator('.i2-language-suggestion[data-i2-language="en"] a')
    assert link.get_attribute("href") == served_site + page_dir("en")
    context.close()


# When the suggestion is shown, whether the header is already in the document: a script that runs once the page is
# parsed shows it after the browser may have painted the page below it, which then moves down (a layout shift).
SHOWN_BEFORE_THE_HEADER = """
new MutationObserver((records, observer) => {
    for (const record of records) {
        if (record.target.matches(".i2-language-suggestion") && !record.target.hidden) {
            window.i2ShownBeforeTheHeader = document.querySelector(".md-header") === null;
            observer.disconnect();
        }
    }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["hidden"]});
// What layout shifts moved: the suggestion pushing the page down moves Material's container (the header is sticky).
window.i2Shifted = [];
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
        window.i2Shifted.push(...entry.sources.filter(s => s.node && s.node.nodeType === 1).map(s => s.node.className));
    }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("page_lang", ["nl", "zh"])
def test_the_suggestion_is_in_place_before_the_page_below_it_is_parsed(served_site, browser, page_lang):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.add_init_script(SHOWN_BEFORE_THE_HEADER)
    page.goto(served_site + page_dir(page_lang), wait_until="load")
    assert _visible_suggestions(page) == ["en"]
    assert page.evaluate("window.i2ShownBeforeTheHeader") is True
    # The page under the line did not move: the line took its place before anything under it was drawn.
    assert "md-container" not in page.evaluate("window.i2Shifted")
    context.close()
