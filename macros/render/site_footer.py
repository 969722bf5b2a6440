"""The links under every page (accessibility statement, privacy) and the page for an address that does not exist,
in each language."""

from __future__ import annotations

from urllib.parse import urljoin

from macros.content import page_paths
from macros.content.strings import Strings
from macros.languages import LANGUAGES, language, language_folder


def footer_links(strings: Strings, lang: str) -> dict:
    """Links relative to the site root (the theme's `url` filter makes them relative to each page)."""
    return {
        "label": strings.get(lang, "footer.about_site"),
        "links": [
            {"label": strings.get(lang, key), "href": language_folder(lang) + page_paths.page_url(page)}
            for key, page in (("nav.accessibility", page_paths.ACCESSIBILITY), ("nav.privacy", page_paths.PRIVACY))
        ],
    }


def not_found_context(strings: Strings, lang: str, site_url: str) -> dict:
    """Absolute links: the page is served at whatever address was not found."""
    return {
        "title": strings.get(lang, "not_found.title"),
        "text": strings.get(lang, "not_found.text"),
        "home": {"label": strings.get(lang, "not_found.home"), "href": urljoin(site_url, language_folder(lang))},
        "other_heading": strings.get(lang, "not_found.other_languages"),
        "others": [
            {"lang": other, "hreflang": language(other).tag, "name": language(other).name,
             "label": strings.get(other, "not_found.home"), "href": urljoin(site_url, language_folder(other))}
            for other in LANGUAGES if other != lang
        ],
    }


def not_found_file(lang: str) -> str:
    """Where a language's 404 page is written, relative to the site root (the web server serves it per folder)."""
    return language_folder(lang) + "404.html"
