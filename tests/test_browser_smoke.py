"""The site in a real browser: the language switcher takes the reader to the same page in the other language."""

from __future__ import annotations


def test_switching_language_in_the_browser_keeps_the_page(served_site, browser):
    page = browser.new_page()
    page.goto(served_site + "regions/hebei/")
    assert page.locator("h1").inner_text() == "Provincie Hebei"
    with page.expect_navigation():
        page.locator('a.md-select__link[hreflang="zh-Hans"]').dispatch_event("click")
    assert page.url == served_site + "zh/regions/hebei/"
    assert page.locator("h1").inner_text() == "河北省"
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    page.close()
